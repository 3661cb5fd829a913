"""Who is who across a whole run: one agency and one name per professional.

Agency names arrive canonical ("TVP" is already Thames Valley Police), but a
single note cannot always tell which force or practice a named professional
works for, nor does every note write their name in full. The resolver reads
every contact event once and answers both questions by dictionary look-up,
so the register stays linear in the number of events.
"""

from __future__ import annotations

from collections.abc import Iterable

from recordcheck.datafiles import package_toml
from recordcheck.model import NAME_EDGE_PUNCTUATION, ContactEvent, NoteResult

WORDS = package_toml(__package__, "partnership.toml")
COUNCIL_WORDS = frozenset(WORDS["council_words"])
COUNCIL_RUN_TYPES = frozenset(WORDS["council_run_types"])
TITLES = frozenset(WORDS["titles"])


def name_words(name: str) -> frozenset[str]:
    """A name's words, in lower case, without the punctuation around them."""
    words = (word.strip(NAME_EDGE_PUNCTUATION) for word in name.lower().split())
    return frozenset(filter(None, words))


def _written(name: str) -> str:
    """A name as shown: "PC Ravi Patel," from a list reads "PC Ravi Patel"."""
    return name.strip().strip(",;:").strip()


def _fullest(names: Iterable[str]) -> str:
    """The form to show: the longest, preferring capitals ("PC Patel" over "pc patel")."""
    return max(names, key=lambda name: (len(name), sum(c.isupper() for c in name), name))


def _fuller_forms(names: set[str]) -> dict[str, str]:
    """Each name of one surname at one agency -> the fullest form of the same person.

    "PC Patel" and "Ravi Patel" both become "PC Ravi Patel" when that is the
    only fuller form whose words include theirs. A short form that fits two
    different people ("Patel" beside "PC Ravi Patel" and "DS Anita Patel") is
    left apart. Quadratic only in the distinct spellings of one surname
    at one agency, which are few.
    """
    words = {name: name_words(name) for name in names}
    widest = [name for name in names if not any(words[name] < words[o] for o in names)]
    merged = {}
    for name in names:
        people = {words[other] for other in widest if words[name] <= words[other]}
        # a form that fits two people keeps its own words, however it is capitalised
        (person,) = people if len(people) == 1 else (words[name],)
        merged[name] = _fullest(other for other in names if words[other] == person)
    return merged


class ContactResolver:
    """Joins what single notes cannot: the same named person across the whole run.

    A note may say "PC Ravi Patel, Thames Valley Police" and a later one only
    "PC Patel (police)", filed under "Police (force not named)". A named
    person under an unnamed agency joins the named agency of the same type
    when exactly one such agency has someone of that surname; and the shorter
    forms of a name join their fuller form within the agency. A council's
    social care written with and without "County Council" is one agency.
    Otherwise distinct named organisations are never joined to each other.

    A first name written alone ("Fiona") joins a full name only within its case file:
    across a pooled export, many people share a first name at one kind of service.
    """

    def __init__(self, filed: Iterable[tuple[str, ContactEvent]]):
        """filed: each contact event with the case file its note belongs to."""
        filed = list(filed)
        events = [event for _, event in filed]
        self._council_forms = _council_forms(events)
        self._named: dict[tuple[str, str], set[str]] = {}
        for event in events:
            name = _written(event.person)
            if name and not event.names_no_organisation:
                key = (event.person_surname, event.agency_type)
                self._named.setdefault(key, set()).add(event.agency)
        # each spelling of a person, by (agency, surname), in each case file and in the run
        by_case: dict[str, dict[tuple[str, str], set[str]]] = {}
        by_surname: dict[tuple[str, str], set[str]] = {}
        for case, event in filed:
            if name := _written(event.person):
                key = (self.agency(event), event.person_surname)
                by_case.setdefault(case, {}).setdefault(key, set()).add(name)
                by_surname.setdefault(key, set()).add(name)
        self._names: dict[tuple[str, str], str] = {
            (agency, name): fuller
            for (agency, _), names in by_surname.items()
            for name, fuller in _fuller_forms(names).items()
        }
        self._first_names = {
            case: _first_names_in_full(forms, self._names) for case, forms in by_case.items()
        }

    @classmethod
    def of_results(cls, results: Iterable[NoteResult]) -> ContactResolver:
        return cls((result.note.case_id, event) for result in results for event in result.contacts)

    def agency(self, event: ContactEvent) -> str:
        """The agency to file the event under."""
        name = _written(event.person)
        if name and event.names_no_organisation:
            candidates = self._named.get((event.person_surname, event.agency_type), set())
            if len(candidates) == 1:
                return next(iter(candidates))
        return self._council_forms.get(event.agency, event.agency)

    def agency_named(self, name: str) -> str:
        """An agency known by its name alone (a chronology event names it), filed as the
        register files it: only the council's spellings join, as there is no person."""
        return self._council_forms.get(name, name)

    def person(self, event: ContactEvent, case: str) -> str:
        """The fullest form of the event's named professional, "" when none is named;
        ``case`` is the case file of the event's note."""
        name = _written(event.person)
        if not name:
            return ""
        key = (self.agency(event), name)
        return self._first_names.get(case, {}).get(key) or self._names.get(key, name)


def _first_names_in_full(
    by_surname: dict[tuple[str, str], set[str]], fuller: dict[tuple[str, str], str]
) -> dict[tuple[str, str], str]:
    """A first name written alone ("Fiona") -> the one full name at the same agency that
    it begins after any title ("Fiona Marr", "DC Fiona Marr"), as "PC Patel" joins "PC Ravi
    Patel"; left alone when two people there share the first name."""
    full: dict[tuple[str, str], set[str]] = {}
    alone: list[tuple[str, str]] = []
    for (agency, _), names in by_surname.items():
        for name in names:
            words = name.split()
            given = [w for w in words if w.lower().strip(".") not in TITLES]
            if len(words) == 1:
                alone.append((agency, name))
            elif len(given) > 1 and given[0] == words[len(words) - len(given)]:
                full.setdefault((agency, given[0].lower()), set()).add(fuller[(agency, name)])
    joined = {}
    for agency, name in alone:
        people = full.get((agency, name.lower()), set())
        if len(people) == 1:
            joined[(agency, name)] = next(iter(people))
    return joined


def _council_forms(events: list[ContactEvent]) -> dict[str, str]:
    """Each spelling of a council-run service -> its fullest spelling, where two
    spellings differ only by the words that say a council runs it."""
    spellings: dict[frozenset[str], set[str]] = {}
    for event in events:
        if event.agency_type in COUNCIL_RUN_TYPES and not event.names_no_organisation:
            service = name_words(event.agency) - COUNCIL_WORDS
            if len(service) > 1:
                spellings.setdefault(service, set()).add(event.agency)
    return {
        spelling: _fullest(names)
        for names in spellings.values()
        if len(names) > 1
        for spelling in names
    }
