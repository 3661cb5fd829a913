"""The agency lexicon: agencies.toml beside this module plus an organisation's own terms."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from recordcheck.datafiles import package_toml

# A name's last word written short: at least this many letters kept, two or more cut.
SHORTENED_TO = 3
SHORTENED_FROM = SHORTENED_TO + 2


@dataclass(frozen=True)
class AgencyTerm:
    """One way of writing an agency, and what it stands for."""

    text: str
    canonical: str
    agency_type: str
    generic: bool = False  # names a kind of service, not an organisation
    # "{place} Police": the canonical name when a place comes first; for a federation of
    # local charities ("{place} Women's Aid") each place's is an organisation of its own
    place_form: str = ""
    joins_named: bool = False  # takes the note's only named agency of its type
    # words in a named organisation's name that make it one of this kind: "the school" in
    # a note naming "Oakfield Primary School" is that school
    named_words: tuple[str, ...] = ()
    # a role's abbreviation standing for a person of this kind of service ("SW says likely
    # CIN", "emailed PO") that has another sense in case notes ("1g PO": by mouth): matched
    # as written, and kept only where the grammar makes it a person (partners/component.py)
    person_only: bool = False
    as_written: bool = False  # a kind's abbreviation matched in its case only: "ED", not "Ed"

    def names_one_of_this_kind(self, name: str) -> bool:
        lowered = name.lower()
        return any(re.search(rf"\b{re.escape(w.lower())}\b", lowered) for w in self.named_words)

    def written_forms(self) -> tuple[str, ...]:
        """The term, and the same with its last word cut short and marked with a full stop
        ("Thames Valley Pol.", "Oakfield Primary Sch."), as busy writers shorten a long
        name. Only after whole words: a lone "Pol." could be anything."""
        *before, last = self.text.split(" ")
        if not before or not last.isalpha() or len(last) < SHORTENED_FROM:
            return (self.text,)
        cut = (last[:length] + "." for length in range(SHORTENED_TO, len(last) - 1))
        return (self.text, *(" ".join([*before, word]) for word in cut))

    @property
    def exact_case(self) -> bool:
        """One-word names and acronyms, a kind's abbreviation marked as written, and a
        role's abbreviation that stands for a person match only as written (agencies.toml)."""
        return (
            self.person_only or self.as_written
            or (not self.generic and " " not in self.text.strip())
        )


@dataclass(frozen=True)
class AgencyLexicon:
    types: tuple[str, ...]
    terms: tuple[AgencyTerm, ...]
    type_keywords: dict[str, tuple[str, ...]]
    roles: dict[str, str]  # role, as written in agencies.toml -> agency type
    unnamed: dict[str, str]  # agency type -> canonical name of its first generic entry
    # organisation word in a team's name -> words naming the organisation's own parts
    own_parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # abbreviation -> (words before, words after) that give it its other sense, and whether
    # a time, date or day after it does ("HV 14:00" is a visit; "ED 13/01" still the hospital)
    other_senses: dict[str, tuple[frozenset[str], frozenset[str], bool]] = field(
        default_factory=dict
    )

    def means_something_else(self, written: str, before: str, after: str) -> bool:
        """ "Joint HV with Tom", "HV 14:00": an abbreviation in its other sense (a home
        visit), told by the word before it or the word after it (lower case), or, where the
        sense is dated, a time, date or day right after it."""
        sense = self.other_senses.get(written.upper())
        if sense is None:
            return False
        words_before, words_after, dated = sense
        return (
            before in words_before
            or after.rstrip(".,") in words_after
            or dated
            and re.fullmatch(r"\d{1,2}([:./]\d{1,2})+|\d{1,2}(st|nd|rd|th)?", after) is not None
        )

    def type_of_organisation(self, name: str) -> str:
        """The agency type an organisation's name suggests, "other" when none does. A
        keyword counts inside a word ("Lloydspharmacy", "OPCMHT", "Harwick Preschool"),
        but an umbrella's must start one: "Scarborough Rugby Club" is no council's."""
        for agency_type, keywords in self._type_patterns:
            if keywords.search(name):
                return agency_type
        return "other"

    @cached_property
    def _type_patterns(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        def written(keyword: str) -> str:
            start = r"\b" if keyword in umbrella_keywords() else ""
            return start + re.escape(keyword)

        return tuple(
            (agency_type, re.compile(rf"(?i){'|'.join(map(written, keywords))}"))
            for agency_type, keywords in self.type_keywords.items()
        )

    def unnamed_agency(self, agency_type: str) -> str:
        return self.unnamed.get(agency_type) or f"{agency_type.capitalize()} (not named)"

    def generic_terms(self) -> dict[str, tuple[str, ...]]:
        """Each kind of service ("School (not named)") with the words that name it."""
        kinds: dict[str, list[str]] = {}
        for term in self.terms:
            if term.generic:
                kinds.setdefault(term.canonical, []).append(term.text)
        return {canonical: tuple(texts) for canonical, texts in kinds.items()}

    def person_abbreviations(self) -> frozenset[str]:
        """A role's abbreviations with another sense ("PO", "SW"), as written."""
        return frozenset(term.text for term in self.terms if term.person_only)

    def named_agency_terms(self) -> tuple[str, ...]:
        """Every way of writing a named organisation (names and aliases), for matching."""
        return tuple(term.text for term in self.terms if not term.generic)


# Words that say what kind of body an agency is, not which one: "Millbrook Surgery"
# and "Millbrook Medical Practice" share "millbrook", not "surgery".
NOT_DISTINCTIVE = frozenset(
    (
        "the", "a", "an", "of", "and", "for", "on", "in", "at", "team", "teams", "service",
        "services", "nhs", "trust", "foundation", "council", "borough", "county", "city",
        "district", "metropolitan", "ltd", "limited", "dept", "department", "unit", "centre",
        "center", "office", "hub", "local", "authority", "not", "named", "practice", "surgery",
        "police", "-", "&",
    )
)


def distinctive_words(name: str) -> set[str]:
    """The words of an agency's name that tell it from others of its kind."""
    return {w for w in re.findall(r"[a-z0-9']+", name.lower()) if w not in NOT_DISTINCTIVE}


@cache
def team_words() -> frozenset[str]:
    """Last words of a team's name ("Vulnerable Adults Team"), lower case."""
    return frozenset(_bundled()["team_words"])


@cache
def body_words() -> frozenset[str]:
    """Last words of an organisation in its own right ("Oakfield Trust"), lower case."""
    return frozenset(_bundled()["body_words"])


def names_only_a_kind(name: str) -> bool:
    """Whether a name holds no word but the words of kinds of service ("ASC duty",
    "Safeguarding Adults Hub"): it names no particular organisation or authority."""
    return not distinctive_words(name) - _kind_words()


@cache
def _kind_words() -> frozenset[str]:
    """Every word of the bundled lexicon's terms for kinds of service, lower case."""
    return frozenset(
        word for term in load_lexicon().terms if term.generic
        for word in re.findall(r"[a-z0-9']+", term.text.lower())
    )


@cache
def umbrella_kinds() -> dict[str, frozenset[str]]:
    """Umbrella keyword -> the agency types a body it names runs ("council": social care,
    housing, ...; never the police)."""
    table = _bundled()["own_service"].get("umbrella_kinds", {})
    return {keyword: frozenset(kinds) for keyword, kinds in table.items()}


@cache
def umbrella_keywords() -> frozenset[str]:
    """Type keywords that name a body of many kinds of service ("council"), lower case."""
    return frozenset(_bundled()["own_service"]["umbrella_keywords"])


class LexiconError(ValueError):
    """An organisation's agency entry that cannot be used; the message says which and why."""


@cache
def _bundled() -> dict[str, Any]:
    return package_toml(__package__, "agencies.toml")


def load_lexicon(extra_agencies: Mapping[str, Any] | None = None) -> AgencyLexicon:
    """The bundled lexicon, with an organisation's agencies (from its rules file) added.

    extra_agencies: {"Canonical Name": {"type": "police", "aliases": [...]}}.
    """
    data = _bundled()
    types = tuple(data["types"])
    agencies = {**data["agencies"], **_checked(extra_agencies or {}, types)}
    terms = [
        AgencyTerm(text, canonical, entry["type"], place_form=entry.get("place_form", ""))
        for canonical, entry in agencies.items()
        for text in (canonical, *entry.get("aliases", ()))
    ]
    unnamed: dict[str, str] = {}
    for group in data["generic"]:
        unnamed.setdefault(group["type"], group["name"])
        terms += [
            AgencyTerm(
                text,
                group["name"],
                group["type"],
                generic=True,
                place_form=group.get("place_form", ""),
                joins_named=group.get("joins_named", False),
                named_words=tuple(group.get("named_words", ())),
                as_written=as_written,
            )
            for as_written, key in ((False, "terms"), (True, "terms_as_written"))
            for text in group.get(key, ())
        ]
        terms += [
            AgencyTerm(text, group["name"], group["type"], generic=True, person_only=True)
            for text in group.get("person_abbreviations", ())
        ]
    return AgencyLexicon(
        types=types,
        terms=tuple(terms),
        type_keywords={t: tuple(words) for t, words in data["type_keywords"].items()},
        roles=dict(data["roles"]),
        unnamed=unnamed,
        own_parts={k: tuple(v) for k, v in data.get("own_parts", {}).items()},
        other_senses={
            written.upper(): (
                frozenset(sense["before"]), frozenset(sense["after"]), sense.get("dated", True)
            )
            for written, sense in data.get("other_senses", {}).items()
        },
    )


def _checked(agencies: Mapping[str, Any], types: tuple[str, ...]) -> dict[str, Any]:
    checked = {}
    for name, entry in agencies.items():
        if not isinstance(entry, Mapping) or entry.get("type") not in types:
            raise LexiconError(f'partner agency "{name}" needs a type, one of: {", ".join(types)}')
        aliases = entry.get("aliases", [])
        if isinstance(aliases, str) or not all(isinstance(a, str) for a in aliases):
            raise LexiconError(f'partner agency "{name}": aliases must be a list of words')
        place_form = entry.get("place_form", "")
        if not isinstance(place_form, str) or (place_form and "{place}" not in place_form):
            raise LexiconError(f'partner agency "{name}": place_form must contain {{place}}')
        checked[str(name)] = {
            "type": entry["type"], "aliases": list(aliases), "place_form": place_form
        }
    return checked
