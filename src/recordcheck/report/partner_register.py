"""partner-register.xlsx: the agencies and named professionals the notes show contact with.

Agency names arrive already merged to one canonical form, so grouping is by
(agency, named contact): each named person gets a row, and contacts with the
agency where nobody was named share one row of their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from recordcheck.model import ContactEvent, NoteResult, Report
from recordcheck.report.summary import case_label, parse_date
from recordcheck.report.workbook import Column, add_list_sheet, new_workbook, save_workbook

PARTNER_COLUMNS = (
    Column("Agency", 28, wrap=True),
    Column("Agency type", 16),
    Column("Named contact", 20),
    Column("Role", 18),
    Column("Phone", 16, wrap=True),
    Column("Email", 26, wrap=True),
    Column("Channels used", 18, wrap=True),
    Column("First contact", 12, "date"),
    Column("Last contact", 12, "date"),
    Column("Number of contacts", 11, "number"),
    Column("Case files involved", 24, wrap=True),
    Column("Share of outward contacts with rationale recorded", 16, "percent"),
    Column("Last verified", 12, "date"),
)
CONTACT_COLUMNS = (
    Column("Date", 12, "date"),
    Column("Case", 14),
    Column("Agency", 28, wrap=True),
    Column("Agency type", 16),
    Column("Named contact", 20),
    Column("Role", 18),
    Column("Channel", 12),
    Column("Direction", 10),
    Column("What was shared", 40, wrap=True),
    Column("Rationale recorded", 12, "yesno"),
    Column("Note ID", 14),
)
_DIRECTIONS = {"in": "in", "out": "out"}


@dataclass
class Partner:
    agency: str
    person: str
    types: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    # dicts with None values serve as sets that remember the order values were first seen
    phones: dict = field(default_factory=dict)
    emails: dict = field(default_factory=dict)
    channels: dict = field(default_factory=dict)
    cases: dict = field(default_factory=dict)
    dates: list[date] = field(default_factory=list)
    contacts: int = 0
    outward: int = 0
    outward_with_rationale: int = 0

    def add(self, result: NoteResult, contact: ContactEvent) -> None:
        self.contacts += 1
        if contact.agency_type:
            self.types[contact.agency_type] += 1
        if contact.role:
            self.roles[contact.role] += 1
        for values, value in (
            (self.phones, contact.phone),
            (self.emails, contact.email),
            (self.channels, contact.channel),
            (self.cases, case_label(result)),
        ):
            if value:
                values[value] = None
        when = parse_date(result.note.date)
        if when:
            self.dates.append(when)
        if contact.direction == "out" and contact.rationale_recorded is not None:
            self.outward += 1
            self.outward_with_rationale += contact.rationale_recorded

    def row(self) -> tuple:
        return (
            self.agency,
            _most_common(self.types),
            self.person,
            _most_common(self.roles),
            "; ".join(self.phones),
            "; ".join(self.emails),
            ", ".join(sorted(self.channels)),
            min(self.dates, default=None),
            max(self.dates, default=None),
            self.contacts,
            ", ".join(sorted(self.cases)),
            self.outward_with_rationale / self.outward if self.outward else None,
            None,
        )


def _most_common(counts: Counter) -> str:
    """The value recorded most often: notes disagree now and then about a role or type."""
    return counts.most_common(1)[0][0] if counts else ""


# The partners lexicon files a mention that names no organisation under a
# "(force not named)"-style entry of its kind.
UNNAMED_AGENCY_MARK = "not named)"


def _surname(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""


def _same_person(short: str, full: str) -> bool:
    """Whether `short` names the person `full` does ("PC Patel", "PC Ravi Patel")."""
    short_words, full_words = set(short.lower().split()), set(full.lower().split())
    return _surname(short) == _surname(full) and short_words <= full_words


class ContactResolver:
    """Joins what single notes cannot: the same named person across the whole run.

    A note may say "PC Patel, Thames Valley Police" and a later one only "PC
    Patel (police)". Where a named contact under an unnamed agency matches, by
    surname and agency type, contacts under exactly one named agency, they are
    filed there; and the shorter form of a name joins its fuller form.
    """

    def __init__(self, contacts: list[ContactEvent]):
        self._named: dict[tuple[str, str], set[str]] = {}
        self._names: dict[str, list[str]] = {}
        for contact in contacts:
            name = contact.person.strip()
            if not name:
                continue
            if UNNAMED_AGENCY_MARK not in contact.agency:
                key = (_surname(name), contact.agency_type)
                self._named.setdefault(key, set()).add(contact.agency)
            self._names.setdefault(contact.agency, []).append(name)

    def agency(self, contact: ContactEvent) -> str:
        name = contact.person.strip()
        if name and UNNAMED_AGENCY_MARK in contact.agency:
            candidates = self._named.get((_surname(name), contact.agency_type), set())
            if len(candidates) == 1:
                return next(iter(candidates))
        return contact.agency

    def name(self, agency: str, name: str) -> str:
        fuller = [n for n in self._names.get(agency, []) if _same_person(name, n)]
        return max(fuller, key=len, default=name)


def partners_in(report: Report) -> list[Partner]:
    resolver = ContactResolver([c for result in report.results for c in result.contacts])
    partners: dict[tuple[str, str], Partner] = {}
    for result in report.results:
        for contact in result.contacts:
            agency = resolver.agency(contact)
            key = (agency, resolver.name(agency, contact.person.strip()))
            if key not in partners:
                partners[key] = Partner(*key)
            partners[key].add(result, contact)
    return sorted(partners.values(), key=lambda p: (p.agency.lower(), p.person.lower()))


def _contact_rows(report: Report) -> Iterator[tuple]:
    events = [(result, contact) for result in report.results for contact in result.contacts]
    events.sort(key=lambda pair: (parse_date(pair[0].note.date) or date.max, case_label(pair[0])))
    resolver = ContactResolver([contact for _, contact in events])
    for result, contact in events:
        agency = resolver.agency(contact)
        yield (
            result.note.date,
            case_label(result),
            agency,
            contact.agency_type,
            resolver.name(agency, contact.person.strip()),
            contact.role,
            contact.channel,
            _DIRECTIONS.get(contact.direction, ""),
            contact.shared,
            contact.rationale_recorded if contact.direction == "out" else None,
            result.note.note_id,
        )


def write_partner_register(report: Report, path: Path) -> Path:
    workbook = new_workbook()
    add_list_sheet(workbook, "Partners", PARTNER_COLUMNS, (p.row() for p in partners_in(report)))
    add_list_sheet(workbook, "Contacts", CONTACT_COLUMNS, _contact_rows(report))
    return save_workbook(workbook, path)
