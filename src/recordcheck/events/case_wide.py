"""The case-wide pass: what one note cannot know about its contacts, the case file often does.

"Spoke to Jess, she will visit Friday" names no agency, but another note of the
same case says "Jess (health visitor)"; "the police" in one note is the one force
the case names elsewhere. Each worker reads a note's clues (events/case_clues.py);
this pass joins them once every note of a case is in, and before anything reads
the contacts: evaluate's scoring, the partner register, the chronology, redaction.

It runs in the process that gathers the results, because a case's notes reach
different workers in any order: joining there, on plain data, is what makes
``--jobs 1`` and ``--jobs 2`` agree. It keeps the flow one way (events before checks
and the report); the report's own joins (report/partner_identity.py) work across
the whole run, not within a case.

Precision first: a name joins an agency only when, in that case, it belongs to
exactly one; never a name the case gives to the author, an own-service colleague
or a family member.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from recordcheck.case_model import KnownProfessional
from recordcheck.datafiles import package_toml
from recordcheck.events.case_names import (
    author_key,
    begins,
    could_be_a_person,
    family_names,
    first_initial,
    name_keys,
    name_words,
    plain_words,
)
from recordcheck.events.merging import (
    filed_beside_their_agency,
    one_of_kind,
    one_per_agency,
    said_more_closely,
    the_one_named_here,
    unnamed,
    unnamed_of_kind,
)
from recordcheck.events.short_names import NamedForPlaces, ShortNames, names_in_full
from recordcheck.language.agencies import load_lexicon, names_only_a_kind
from recordcheck.language.own_service import OwnService, OwnServiceTest
from recordcheck.model import (
    ChronologyEvent,
    ContactEvent,
    Note,
    NoteResult,
)
from recordcheck.partners.placed_words import placed_words

WORDS = package_toml(__package__, "case_wide.toml")
ONE_PER_CASE_TYPES = frozenset(WORDS["one_per_case_types"])
ONE_KIND_TYPES = frozenset(WORDS["one_kind_types"])
ONE_PER_CASE_KINDS = tuple(WORDS["one_per_case_kinds"])
NAMED_FOR_PLACES = NamedForPlaces(
    *(frozenset(WORDS[key]) for key in ("area_types", "area_words", "place_heads")),
    town_before=placed_words().town_before,
    venue_before=frozenset(WORDS["venue_before"]),
)


def across_cases(
    results: Iterable[NoteResult],
    case_sizes: Mapping[str, int] | None = None,
    own_service: Mapping[str, Any] | None = None,
) -> Iterator[NoteResult]:
    """Each result with its case's knowledge applied, in input order.

    A case's results wait until all its notes are in: when ``case_sizes`` says how
    many each case has, a case is released as soon as it is complete (an export
    sorted by case streams); otherwise, or for a note the pipeline could not
    read, at the end. A note with no case id has no case to learn from: it goes on at once.
    ``own_service`` is the run's own-service settings, as the workers had them.
    """
    own = OwnServiceTest(OwnService.from_settings(own_service or {}), load_lexicon())
    sizes = case_sizes or {}
    waiting: dict[int, NoteResult] = {}  # input position -> result, until its case is in
    by_case: dict[str, list[int]] = {}
    ready: dict[int, NoteResult] = {}
    next_out = 0
    for position, result in enumerate(results):
        case = result.note.case_id
        if not case:
            ready[position] = _without_clues(result)
        else:
            waiting[position] = result
            by_case.setdefault(case, []).append(position)
            if len(by_case[case]) == sizes.get(case):
                ready.update(_resolved_case(waiting, by_case.pop(case), own))
        while next_out in ready:
            yield ready.pop(next_out)
            next_out += 1
    for positions in by_case.values():
        ready.update(_resolved_case(waiting, positions, own))
    yield from (ready.pop(position) for position in sorted(ready))


def _resolved_case(
    waiting: dict[int, NoteResult], positions: list[int], own: OwnServiceTest
) -> dict[int, NoteResult]:
    results = [waiting.pop(position) for position in positions]
    case = CaseDirectory(results, own)
    return {
        position: _without_clues(case.resolve(result))
        for position, result in zip(positions, results, strict=True)
    }


def _without_clues(result: NoteResult) -> NoteResult:
    return replace(result, case_clues=None) if result.case_clues is not None else result


@dataclass
class CaseDirectory:
    """Who works where, and which agencies of a kind, as one case file's notes state it."""

    results: list[NoteResult]
    own: OwnServiceTest  # the note being resolved may be written by the agency another names
    blocked: set[str] = field(default_factory=set)  # name words never made partners
    works_at: dict[str, dict[str, list[KnownProfessional]]] = field(default_factory=dict)
    # unnamed kind -> the case's one; a name written short -> the case's fuller one
    renamed: dict[str, str] = field(default_factory=dict)
    agency_words: set[frozenset[str]] = field(default_factory=set)  # of each agency named
    employers: dict[str, set[str]] = field(default_factory=dict)  # author -> their agencies
    short_names: ShortNames | None = None  # "Lanterns" of "Lanterns Women's Centre"
    # answers by name, once the directory is built: a case's statements are read once
    # per name, not once per mention (a long case file repeats its names in every note)
    _answers: dict[tuple[str, str], object] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        named: dict[str, set[str]] = {}
        authors = {author_key(result.note.author) for result in self.results} - {""}
        places: set[str] = set()
        placed: dict[tuple[str, str], None] = {}  # known only by where they are written
        for result in self.results:
            self.blocked |= name_words(result.note.author)
            self.blocked |= family_names(result.note.text)
            clues = result.case_clues
            if clues is None:
                continue
            places.update(clues.places)
            placed.update(dict.fromkeys(clues.placed))
            for known in clues.professionals:
                self._learn(known)
                # "Present: Sarah Lindqvist (Cherwell Homes)" in a note of a case Sarah writes in
                writer = author_key(known.name)
                if writer in authors and known.agency and not unnamed(known.agency):
                    self.employers.setdefault(writer, set()).add(known.agency)
            for agency, agency_type in clues.named_agencies:
                self.agency_words.add(frozenset(name_words(agency)))
                if (agency, agency_type) not in clues.placed:
                    named.setdefault(agency_type, set()).add(agency)
        lexicon = load_lexicon()
        for agency_type in ONE_PER_CASE_TYPES:
            if len(named.get(agency_type, ())) == 1:
                (only,) = named[agency_type]
                self.renamed[lexicon.unnamed_agency(agency_type)] = only
        kind_types = {term.canonical: term.agency_type for term in lexicon.terms if term.generic}
        for kind in ONE_PER_CASE_KINDS:
            of_kind = {
                a for a in named.get(kind_types[kind], ())
                if one_of_kind(kind, a) and not names_only_a_kind(a)  # not "the Hub"
            }
            if len(of_kind) == 1:
                self.renamed[kind] = next(iter(of_kind))
        # a name written short may be one the grammar placed: "Gail Marsh (Stepway)"
        written = {kind: set(agencies) for kind, agencies in named.items()}
        for agency, agency_type in placed:
            written.setdefault(agency_type, set()).add(agency)
        self.renamed.update(names_in_full(written))
        people = {word for key in self.works_at for word in key.split()}
        self.short_names = ShortNames.of_case(
            [(agency, kind) for kind, agencies in named.items() for agency in sorted(agencies)],
            NAMED_FOR_PLACES,
            self.blocked | people | places,
            [result.note.text for result in self.results],
            placed,
        )

    def _learn(self, known: KnownProfessional) -> None:
        words = name_words(known.name)
        if known.own:
            self.blocked |= words
        elif known.agency and not (known.agency_type == "other" and unnamed(known.agency)):
            for key in name_keys(known.name):
                self.works_at.setdefault(key, {}).setdefault(known.agency, []).append(known)

    def professional(self, name: str) -> KnownProfessional | None:
        """The one statement of who ``name`` works for in this case, or None when the case
        gives none, gives two agencies, or names the author, a colleague or family so."""
        return self._answer("professional", name, self._professional)

    def _answer(self, question: str, name: str, work) -> object:
        key = (question, name)
        if key not in self._answers:
            self._answers[key] = work(name)
        return self._answers[key]

    def _professional(self, name: str) -> KnownProfessional | None:
        words = name_words(name)
        if not words or words & self.blocked or not self._could_be_a_person(name):
            return None
        agencies = {
            agency: [known for known in said if self._could_be_a_person(known.name)]
            for agency, said in self._said_of(name).items()
        }
        agencies = {agency: said for agency, said in agencies.items() if said}
        # "Jess (HV)" and "Jess, Riverside 0-19 Service": the named one says more
        named_types = {said[0].agency_type for a, said in agencies.items() if not unnamed(a)}
        kept = {
            agency: said
            for agency, said in agencies.items()
            if not (unnamed(agency) and said[0].agency_type in named_types)
        }
        # "Martin Ebbs SW" and "Martin (SW)" beside the IRO: the children's social care
        # the one says more than the social care of no kind the other falls back to
        kept = {
            agency: said
            for agency, said in kept.items()
            if not (agency == unnamed_of_kind(said[0].agency_type) and said_more_closely(
                said[0].agency_type, agency, kept))
        }
        # "Neil (Greystone)" and "Neil Patterson (Greystone HA)": the fuller name says more
        kept = {a: said for a, said in kept.items() if not any(begins(b, a) for b in kept)}
        if len(kept) != 1:
            return None
        (said,) = kept.values()
        people = {" ".join(plain_words(known.name)) for known in said}
        fullest = max(said, key=lambda known: (len(known.name), known.name))
        # the fuller name only when the case gives that name to one person
        return fullest if len(people) == 1 or len(said) == 1 else replace(fullest, name=name)

    def _said_of(self, name: str) -> dict[str, list[KnownProfessional]]:
        """What the case says of the name, by agency; "N Brook" is the Natalie Brook the
        case names in full, as an initial and a surname write her."""
        words = plain_words(name)
        said = self.works_at.get(" ".join(words), {})
        if said or len(words) != 2 or len(words[0]) != 1:
            return said
        initial, surname = words
        fitting = {
            agency: [known for known in known_there if first_initial(known.name) == initial]
            for agency, known_there in self.works_at.get(surname, {}).items()
        }
        return {agency: known for agency, known in fitting.items() if known}

    def _could_be_a_person(self, name: str) -> bool:
        """Not the words of an organisation the case names ("Brook Lane" of "Brook Lane
        Primary") nor a word that only organisations and streets have."""
        return self._answer("could be a person", name, self._not_an_agency_name)

    def _not_an_agency_name(self, name: str) -> bool:
        words = name_words(name)
        return could_be_a_person(name) and not any(words <= named for named in self.agency_words)

    def resolve(self, result: NoteResult) -> NoteResult:
        """The note's contacts with those named alone joined to their agency, organisations
        written short joined to the one the case names in full, and unnamed ones of a kind
        joined to the case's one named agency of that kind."""
        named_here: dict[str, set[str]] = {}
        for agency, agency_type in result.case_clues.named_agencies if result.case_clues else ():
            named_here.setdefault(agency_type, set()).add(agency)
        note = result.note
        clues = result.case_clues
        made = clues.made_by_writer if clues else ()
        short = [self._short_named(event, note.text) for event in made]
        short = [event for event in short if event is not None]
        # "Jess (HV)" in a social worker's note; "Rang Jess" in the health visitors' own
        found = [
            event
            for event in [*(self._joined(event, named_here) for event in _waiting(result)), *short]
            if event is not None
            and not self.own.is_own_agency(event.agency, note.team, note.author_role)
        ]
        # "Mrs Okon (Ashgrove)": the organisation the case names "Ashgrove Learning Centre"
        own = [self._in_full(event) for event in result.contacts]
        in_full = [event for event, was in zip(own, result.contacts, strict=True) if event != was]
        # "Attended CIN meeting at Thornfield: Mr Bains, ...": the note's one school is his
        written_short: dict[str, set[str]] = {}
        for event in [*(event for event in found if event in short), *in_full]:
            if event.agency_type in ONE_KIND_TYPES:
                written_short.setdefault(event.agency_type, set()).add(event.agency)
        for agency_type in written_short:
            written_short[agency_type] |= {
                self._in_full(ContactEvent(agency, agency_type, 0, 0)).agency
                for agency in named_here.get(agency_type, set())
            }
        # the author's own employer, as the case names it, is never a partner of theirs
        employer = self.employers.get(author_key(note.author), set())
        professionals = clues.professionals if clues else ()
        stated_here = {(known.name, known.agency) for known in professionals}
        contacts = [
            self._named(the_one_named_here(self._as_stated(event, stated_here), written_short))
            for event in [*own, *(self._in_full(event) for event in found)]
            if event.agency not in employer
        ]
        events = tuple(self._event_agencies(event, note, employer) for event in result.events)
        if not found and contacts == list(result.contacts) and events == result.events:
            return result
        contacts = one_per_agency(filed_beside_their_agency(contacts, note.text))
        return replace(result, contacts=tuple(contacts), events=events)

    def _event_agencies(
        self, event: ChronologyEvent, note: Note, employer: set[str]
    ) -> ChronologyEvent:
        """A chronology event's agencies under the case's names for them, less the author's
        own service, as the register leaves it out: "single agency (CSC)" in a note by a
        children's social care team, "Closed to IDVA" in the IDVA's own."""
        named = (self.renamed.get(agency, agency) for agency in event.agencies)
        kept = tuple(
            dict.fromkeys(
                agency
                for agency in named
                if agency not in employer
                and not self.own.is_own_agency(agency, note.team, note.author_role)
            )
        )
        return event if kept == event.agencies else replace(event, agencies=kept)

    def _joined(self, event: ContactEvent, named_here: dict[str, set[str]]) -> ContactEvent | None:
        known = self.professional(event.person)
        if known is None:
            return None
        agency = known.agency
        # "the DSL at St Aidan's (Mrs Okon)": the note's one school is hers, as in one note;
        # but a midwife is not the note's health centre's
        here = {n for n in named_here.get(known.agency_type, ()) if one_of_kind(agency, n)}
        if unnamed(agency) and len(here) == 1:
            (agency,) = here
        return self._named(
            replace(
                event,
                agency=agency,
                agency_type=known.agency_type,
                person=known.name,
                role=known.role,
            )
        )

    def _as_stated(self, event: ContactEvent, stated_here: set[tuple[str, str]]) -> ContactEvent:
        """ "DC Fran Ackroyd" filed under the note's one named force, where another note of
        the case says "DC Fran Ackroyd, Westmere Police": the case's statement wins over the
        note's fallback, but never over what the note itself writes beside the name."""
        if not event.person or unnamed(event.agency):
            return event
        if (event.person, event.agency) in stated_here:
            return event
        known = self.professional(event.person)
        if known is None or unnamed(known.agency) or known.agency_type != event.agency_type:
            return event
        return replace(event, agency=known.agency)

    def _short_named(self, event: ContactEvent, text: str) -> ContactEvent | None:
        """ "Rang Becky (Lanterns)": the one organisation the case names so in full."""
        before = text[: event.start].split()[-1:] or [""]
        found = self.short_names.agency_of(event.person, before[0]) if self.short_names else None
        if found is None:
            return None
        agency, agency_type = found
        return replace(event, agency=agency, agency_type=agency_type, person="")

    def _in_full(self, event: ContactEvent) -> ContactEvent:
        """ "Carl Benning (Merrowfield)": the organisation the case names "Merrowfield
        Homes", so that one partner is not listed under two names."""
        if self.short_names is None:
            return event
        found = self.short_names.full_name(event.agency, event.agency_type)
        return event if found is None else replace(event, agency=found[0], agency_type=found[1])

    def _named(self, event: ContactEvent) -> ContactEvent:
        only = self.renamed.get(event.agency)
        return event if only is None else replace(event, agency=only)


def _waiting(result: NoteResult) -> tuple[ContactEvent, ...]:
    return result.case_clues.waiting if result.case_clues is not None else ()
