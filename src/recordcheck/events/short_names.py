"""A local organisation written by its short name: "Rang Becky (Lanterns)" in a case file
that names "Lanterns Women's Centre" elsewhere.

The entity recogniser takes a bare "Lanterns" or "Pathways" for a person or for nothing,
and rc_partners leaves out an organisation whose name says neither its kind nor that it
is an organisation. The case file settles it: where a note of the case names the
organisation in full, with a word of its kind ("Centre", "Trust", "Pharmacy"), the
capitalised words before that kind word are its short name. A bare mention that the
contact reader takes for a party of a contact is that organisation when its words are
exactly that short name, and:
- exactly one organisation the case names begins with them ("Pathways" is neither
  "Pathways Recovery Service" nor "Pathways Housing" in a case that names both);
- the organisation is not one named after its area ("Kelsford Police": "Kelsford" is a
  town) nor after a building a person stays in ("admitted Whinmoor" of "Whinmoor Unit");
- no word of it is a given name, a street word, a name the case gives a person (a
  family name, a known professional's, or any name written after a title: "Mr Hollins,
  the landlord" of a case naming "Hollins Pharmacy") or a place the recogniser found in
  an organisation's name; the case never writes it in lower
  case, which would make it ordinary words ("Address updated.": "change of address"),
  nor as a place one lives or is in ("lives in Brayford" of "Brayford Primary").

An organisation a note names without a word of its kind, known only by where it stands
("Kerry Jarvis (Safe Harbour)", partners/placed.py), is its own short name, on the same
terms; where it is the short name of an organisation the case names in full ("Carl
Benning (Merrowfield)" of "Merrowfield Homes"), it is that organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from recordcheck.language.agencies import NOT_DISTINCTIVE
from recordcheck.language.identifiers import address_words
from recordcheck.language.organisations import organisation_heads
from recordcheck.language.people import given_names, people_words
from recordcheck.model import NAME_EDGE_PUNCTUATION

MOST_WORDS = 2  # "Lanterns", "Safe Steps": a short name is a word or two
SHORTEST_WORD = 3  # "St" of "St Aidan's Centre" is no name of its own
_EDGE = r"[\w'’-]"
_NAME = r"[A-Z][\w'’-]+"
_WORD = re.compile(r"[a-z0-9'’]+")


@cache
def _kind_words() -> frozenset[str]:
    return organisation_heads() | people_words().organisation_words


@cache
def _titled_name() -> re.Pattern[str]:
    """ "Mr Hollins", "PC Dawson", "Mrs Jo Kaye": whoever a title heads is a person."""
    words = people_words()
    titles = sorted(words.honorifics | frozenset(words.professional_titles), key=len, reverse=True)
    alternatives = "|".join(map(re.escape, titles))
    return re.compile(rf"\b(?:{alternatives})\.?[ \t]+({_NAME}(?:[ \t]+{_NAME})?)")


def titled_names(texts: Iterable[str]) -> set[str]:
    """The words, in lower case, of the names the texts write after a title."""
    return {
        word.lower()
        for text in texts
        for match in _titled_name().finditer(text)
        for word in match.group(1).split()
    }


@dataclass(frozen=True)
class NamedForPlaces:
    """The agencies whose names begin with a place (events/case_wide.toml)."""

    types: frozenset[str]  # "police", "children's social care"
    words: frozenset[str]  # anywhere in the name: "council", "constabulary"
    heads: frozenset[str]  # the name's last word: "unit", "lodge"
    town_before: frozenset[str]  # "lives in Brayford": words before a town, not a service
    venue_before: frozenset[str]  # "at Moorgate", "leaving for Highcross": a place visited

    def named_for_a_place(self, agency_type: str, lowered: list[str]) -> bool:
        return (
            agency_type in self.types
            or any(word in self.words for word in lowered)
            or (bool(lowered) and lowered[-1] in self.heads)
        )


def short_name(agency: str, agency_type: str, places: NamedForPlaces) -> tuple[str, ...]:
    """The words, in lower case, a note may write alone for the agency: "Lanterns" of
    "Lanterns Women's Centre", "Stepway" of "Stepway Trust"; none for "Kelsford Police",
    "Bridge 0-19 Service" or a name with no kind word."""
    written = [word.strip(NAME_EDGE_PUNCTUATION) for word in agency.split()]
    lowered = [word.lower() for word in written]
    if places.named_for_a_place(agency_type, lowered):
        return ()
    kind = next((i for i, word in enumerate(lowered) if word in _kind_words()), 0)
    lead = written[:kind]
    run = 0
    while run < len(lead) and lead[run].isalpha() and lead[run][:1].isupper():
        run += 1
    # the short name stops before a word of the name ("Women's"), never before a number
    if run == 0 or run > MOST_WORDS or (run < len(lead) and not lead[run][:1].isupper()):
        return ()
    if any(len(word) < SHORTEST_WORD for word in lead[:run]):
        return ()
    return tuple(lowered[:run])


def _by_type_told(placed: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """One entry per name: the type its placing told ("Oakfield" beside a DSL is a school)
    before "other"."""
    best: dict[str, str] = {}
    for agency, agency_type in placed:
        if best.get(agency, "other") == "other":
            best[agency] = agency_type
    return list(best.items())


@dataclass(frozen=True)
class ShortNames:
    """The short names of the organisations one case file names, each for exactly one."""

    agencies: dict[tuple[str, ...], tuple[str, str]]  # short name -> (agency, type)
    unsafe: frozenset[str]  # words, in lower case, of the case's people and places
    texts: tuple[str, ...]  # the case's notes
    places: NamedForPlaces
    placed: frozenset[tuple[str, ...]] = frozenset()  # names known only by where written
    # written words -> whether a note of the case writes them as ordinary words: found once
    # per name, as every note would be searched for each mention of it
    _written_plainly: dict[tuple[str, ...], bool] = field(default_factory=dict, compare=False)

    @classmethod
    def of_case(
        cls,
        named: Iterable[tuple[str, str]],
        places: NamedForPlaces,
        unsafe: Iterable[str],
        texts: Iterable[str],
        placed: Iterable[tuple[str, str]] = (),
    ) -> ShortNames:
        """``named``: the case's organisations, (canonical name, type); ``unsafe``: words
        the case gives people and places; ``texts``: its notes; ``placed``: those of its
        organisations known only by where a note writes them."""
        placed = list(dict.fromkeys(placed))
        named = [pair for pair in dict.fromkeys(named) if pair not in placed]
        texts = tuple(texts)
        found: dict[tuple[str, ...], set[tuple[str, str]]] = {}
        for agency, agency_type in named:
            short = short_name(agency, agency_type, places)
            if short:
                found.setdefault(short, set()).add((agency, agency_type))
        agencies = {}
        for short, owners in found.items():
            beginning = {
                agency
                for agency, _ in named
                if tuple(word.lower() for word in agency.split()[: len(short)]) == short
            }
            if len(owners) == 1 and len(beginning) == 1:
                (agencies[short],) = owners
        known_by_place: set[tuple[str, ...]] = set()
        told = _by_type_told(placed)
        longer = {**dict(told), **dict(named)}
        for agency, agency_type in told:
            written = tuple(word.lower() for word in agency.split())
            # "Riverside" of "Riverside Day Opportunities", "Oakleigh" of "Oakleigh House":
            # the one organisation of the case whose name begins so
            begun = [
                other
                for other in longer
                if other != agency and other.lower().split()[: len(written)] == list(written)
            ]
            if len(begun) == 1:
                agencies.setdefault(written, (begun[0], longer[begun[0]]))
                known_by_place.add(written)
            elif not begun and 0 < len(written) <= MOST_WORDS:
                agencies[written] = (agency, agency_type)
                known_by_place.add(written)
        unsafe = frozenset(unsafe) | titled_names(texts)
        return cls(agencies, unsafe, texts, places, frozenset(known_by_place))

    def full_name(self, agency: str, agency_type: str) -> tuple[str, str] | None:
        """(agency, type) of the organisation the case names in full whose short name is
        ``agency`` as written ("Merrowfield" of "Merrowfield Homes"), or the type the case
        tells of an organisation known only by where it is written ("Ashgrove" beside a
        DSL is a school); None when neither says more."""
        found = self.agencies.get(tuple(word.lower() for word in agency.split()))
        return found if found is not None and found != (agency, agency_type) else None

    def agency_of(self, mention: str, before: str = "") -> tuple[str, str] | None:
        """(agency, type) when the words written are one organisation's short name;
        ``before``: the word written before them. An organisation known only by where a
        note wrote it is a place after "at" or "for" ("Visit to Kieran at Moorgate")."""
        written = mention.split()
        words = tuple(word.lower() for word in written)
        not_a_service = self.places.town_before | self.places.venue_before
        if words in self.placed and before.lower() in not_a_service:
            return None
        if not 0 < len(written) <= MOST_WORDS:
            return None
        if not all(word.isalpha() and word[:1].isupper() for word in written):
            return None
        if set(words) & self.unsafe or set(written) & address_words().street_words:
            return None
        if any(given_names().is_given_name(word.capitalize()) for word in words):
            return None
        found = self.agencies.get(words)
        if found is None:
            return None
        if tuple(written) not in self._written_plainly:
            self._written_plainly[tuple(written)] = self._in_ordinary_words(written)
        return None if self._written_plainly[tuple(written)] else found

    def _in_ordinary_words(self, written: list[str]) -> bool:
        """Whether a note of the case writes the words in lower case, or after a town's
        word ("in Lanterns"): then they are no organisation's name."""
        words = [word.lower() for word in written]
        lowered = re.escape(" ".join(words))
        towns = "|".join(map(re.escape, sorted(self.places.town_before)))
        ordinary_or_town = re.compile(
            rf"(?<!{_EDGE}){lowered}(?!{_EDGE})"
            rf"|(?<!{_EDGE})(?i:{towns})\s+{re.escape(' '.join(written))}(?!{_EDGE})"
        )
        return any(ordinary_or_town.search(text) for text in self.texts)


def names_in_full(named: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """One partner the case writes under two names, the fuller adding only words of an
    organisation's kind: "Stourvale General" is the "Stourvale General Hospital" of another
    note, "Oxfordshire Adult Social Care" the "Oxfordshire County Council Adult Social
    Care". Each shorter name -> the fuller, of the same type, where the case names exactly
    one such; "Westmere Police" is not its "Public Protection Unit", whose words say more
    than a kind."""
    kind_words = NOT_DISTINCTIVE | organisation_heads()
    in_full: dict[str, str] = {}
    for agencies in named.values():
        words = {agency: set(_WORD.findall(agency.lower())) for agency in agencies}
        for agency, own in words.items():
            fuller = [
                other for other, more in words.items()
                if own < more and more - own <= kind_words and own - kind_words
            ]
            if len(fuller) == 1:
                in_full[agency] = fuller[0]
    return in_full
