"""One contact event per agency per note (recording standard, "Contact events").

Plain data work after the reading of a note, kept apart from spaCy so that a note
checked in pieces merges its pieces' events the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cache

from recordcheck.datafiles import package_toml
from recordcheck.language.agencies import load_lexicon
from recordcheck.language.own_service import name_parts
from recordcheck.language.people import people_words
from recordcheck.model import UNNAMED_AGENCY_MARK, ContactEvent

STATUS_RANK = {"done": 0, "attempted": 1, "planned": 2}
# what may stand between a person and the agency written beside them: brackets, a dash, a
# colon, a time, and a few words of their role ("Denise Hall, Manager, Riverside Day
# Opportunities", "MASH 0950, duty SW Ben Crossley"); a list's close, a joining word or
# another name starts someone else ("PC Hanley (police), Gemma", "PCSO Greaves + Amira SW")
NOT_BESIDE = re.compile(r"[);.\n+&]|\b(?:and|with|or)\b", re.IGNORECASE)
MOST_WORDS_BETWEEN = 5
# words that may join a person to the agency beside them: "Jo Hart of Oakfield Surgery"
LINKING_WORDS = frozenset({"at", "from", "of", "the", "in", "for"})


def one_per_agency(events: list[ContactEvent], by_kind: bool = False) -> list[ContactEvent]:
    """Repeated mentions of one agency in a note merge into one event: the strongest status,
    'both' when any mention was two-way, and the first non-empty detail of each kind.

    A professional named once with their organisation and again without it ("PC Patel
    (TVP)" ... "PC Patel confirmed") is one contact with that organisation, not a second
    one with "Police (force not named)"; nor is "MASH" beside "Brackenford Children's
    Services MASH" a second one with "MASH (authority not named)" (by_kind: for a note's
    own reading, not once the case file has named its agencies, as the note did not)."""
    merged: dict[str, ContactEvent] = {}
    events = _named_where_the_note_names_them(events)
    if by_kind:
        events = _kinds_filed_under_their_named_one(_fallbacks_filed_under_the_one(events))
    for event in events:
        kept = merged.get(event.agency)
        if kept is None:
            merged[event.agency] = event
            continue
        first, second = sorted((kept, event), key=lambda e: STATUS_RANK[e.status])
        filled = {
            name: getattr(first, name) or getattr(second, name)
            for name in ("person", "role", "phone", "email", "channel", "shared", "outcome")
        }
        filled["person"] = _fuller_name(filled["person"], second.person)
        rationales = {kept.rationale_recorded, event.rationale_recorded} - {None}
        direction = "both" if "both" in (kept.direction, event.direction) else first.direction
        merged[event.agency] = replace(
            first,
            **filled,
            direction=direction,
            rationale_recorded=min(rationales) if rationales else None,
        )
    return list(merged.values())


def _fuller_name(person: str, other: str) -> str:
    """ "PC Ryan Doughty" over the "PC D" the note goes on to call him: an initial alone
    in place of a surname is the fuller name of the same agency's, not a second person."""
    mine, theirs = name_parts(person), name_parts(other)
    initial_only = len(mine[2]) == 1 and not mine[1]
    if initial_only and theirs[2].startswith(mine[2]) and mine[0] == theirs[0]:
        return other
    return person


def _named_where_the_note_names_them(events: list[ContactEvent]) -> list[ContactEvent]:
    """Files a named person's unnamed-agency events under the one named agency of the same
    type with which the same note gives someone of that surname."""
    named: dict[tuple[str, str], set[str]] = {}
    for event in events:
        if event.person and not event.names_no_organisation:
            named.setdefault((event.person_surname, event.agency_type), set()).add(event.agency)
    joined = []
    for event in events:
        agencies = named.get((event.person_surname, event.agency_type), set())
        if event.person and event.names_no_organisation and len(agencies) == 1:
            event = replace(event, agency=next(iter(agencies)))
        joined.append(event)
    return joined


def _fallbacks_filed_under_the_one(events: list[ContactEvent]) -> list[ContactEvent]:
    """A social worker of no named authority, in a note whose other contacts give one
    social care service ("ASC", "Kelsford Children's Services"), is that service's."""
    fallbacks = _fallback_agencies()
    joined = []
    for event in events:
        if event.agency in fallbacks:
            of_kind = {
                other.agency
                for other in events
                if other.agency not in fallbacks
                and _of_kind(event.agency, other.agency, other.agency_type == event.agency_type)
            }
            if len(of_kind) == 1:
                event = replace(event, agency=next(iter(of_kind)))
        joined.append(event)
    return joined


@cache
def _fallback_agencies() -> frozenset[str]:
    return frozenset(package_toml(__package__, "words.toml")["fallback_agencies"])


def _kinds_filed_under_their_named_one(events: list[ContactEvent]) -> list[ContactEvent]:
    """Files each unnamed-agency event ("Police (force not named)", "GP (practice not
    named)") under the one named agency of its kind the note's events give ("Thames Valley
    Police", "Castle Street Health Centre"); when it gives two of that kind, or none, the
    event stays unnamed, as nothing says which one it was."""
    named = {event.agency: event.agency_type for event in events if not event.names_no_organisation}
    joined = []
    for event in events:
        if event.names_no_organisation:
            of_kind = [
                n for n, t in named.items() if _of_kind(event.agency, n, t == event.agency_type)
            ]
            if len(of_kind) == 1:
                event = replace(event, agency=of_kind[0])
        joined.append(event)
    return joined


def one_of_kind(unnamed: str, name: str) -> bool:
    """Whether the named agency, of the unnamed entry's type, is one of its kind."""
    return _of_kind(unnamed, name, True)


def _of_kind(unnamed: str, name: str, same_type: bool) -> bool:
    """Whether the named agency is one of the unnamed entry's kind: every police force is
    a police force (the lexicon's joins_named), a surgery or health centre is a GP practice
    (its named_words), a council's children's services holds its MASH (unnamed_part_of)."""
    joins_any, words = _kinds().get(unnamed, (False, ()))
    if not same_type or joins_any:
        return same_type
    return _has_any(name, words)


def _has_any(name: str, words: tuple[str, ...]) -> bool:
    """Whether the name holds one of the words, as whole words, in any case."""
    lowered = name.lower()
    return any(re.search(rf"\b{re.escape(word.lower())}\b", lowered) for word in words)


@cache
def _kinds() -> dict[str, tuple[bool, tuple[str, ...]]]:
    """Each unnamed entry: whether any named agency of its type is one of its kind, and the
    words in a name that make it one."""
    part_of = package_toml(__package__, "words.toml")["unnamed_part_of"]
    kinds: dict[str, tuple[bool, tuple[str, ...]]] = {}
    for term in load_lexicon().terms:
        if term.generic:
            joins_any, words = kinds.get(term.canonical, (False, ()))
            extra = (*term.named_words, *part_of.get(term.canonical, ()))
            kinds[term.canonical] = (joins_any or term.joins_named, tuple({*words, *extra}))
    return kinds


def the_one_named_here(event: ContactEvent, named_here: dict[str, set[str]]) -> ContactEvent:
    """An unnamed agency of a kind is the one agency of that kind the note names."""
    here = named_here.get(event.agency_type, set())
    if len(here) != 1 or event.agency != unnamed_of_kind(event.agency_type):
        return event
    (agency,) = here
    return replace(event, agency=agency)


def said_more_closely(agency_type: str, fallback: str, said_of: Mapping[str, list]) -> bool:
    """Another unnamed agency of the same type is said of the person than the type's
    fallback: "Children's social care (authority not named)" beside "Social care
    (authority not named)"."""
    return any(
        agency != fallback and unnamed(agency) and said[0].agency_type == agency_type
        for agency, said in said_of.items()
    )


@cache
def unnamed_of_kind(agency_type: str) -> str:
    return load_lexicon().unnamed_agency(agency_type)


def unnamed(agency: str) -> bool:
    return UNNAMED_AGENCY_MARK in agency


def filed_beside_their_agency(events: list[ContactEvent], text: str) -> list[ContactEvent]:
    """A person's event filed under the agency the note writes right beside them, when that
    agency's own event names nobody: "Call from Tom Ellery MASH SW", "Rang Brightstep -
    Shaun says ...", "Femi Adeyemi (ASC, chair)" are one partner each (recording standard,
    "Identity"), though the case file gave the person a second name for their employer."""
    filed = []
    for event in events:
        beside = [
            other
            for other in events
            if event.person and not other.person and other.agency != event.agency
            and _written_beside(text, event, other)
        ]
        if len(beside) == 1:
            event = replace(event, agency=beside[0].agency, agency_type=beside[0].agency_type)
        filed.append(event)
    return filed


def _written_beside(text: str, person: ContactEvent, agency: ContactEvent) -> bool:
    first, second = sorted((person, agency), key=lambda e: e.start)
    if second.start < first.end or not (person.start < person.end and agency.start < agency.end):
        return False  # one inside the other, or an event no words of the note carry
    gap = text[first.end : second.start]
    words = re.findall(r"[^\W\d_]+", gap)
    if NOT_BESIDE.search(gap) or len(words) > MOST_WORDS_BETWEEN:
        return False
    # only a role or a linking word may stand between: "Spoke to Jane Hill then the school
    # nurse" names two people, "DC Fran Ackroyd, Darren Pryce (Westmere YJS)" someone else's
    return all(word.lower() in _role_words() or word.lower() in LINKING_WORDS for word in words)


@cache
def _role_words() -> frozenset[str]:
    """Words of a role (lower case): the lexicon's roles' and the words of people's jobs."""
    lexicon_words = {word.lower() for role in load_lexicon().roles for word in role.split()}
    return frozenset(lexicon_words | people_words().roles)
