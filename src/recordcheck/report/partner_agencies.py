"""The register's Partners sheet: one row per agency, from its done and attempted contacts.

Planned contacts are never counted here (they have a sheet of their own).
The last four columns are left for the service to keep current; Phone and
Email start with what the notes wrote, where they wrote it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from recordcheck.model import ContactEvent, NoteResult, Report
from recordcheck.report.partner_identity import ContactResolver, name_words
from recordcheck.report.summary import case_label, parse_date
from recordcheck.report.workbook import Column

REASON_SHARE = "Outward sharing with a reason recorded"
OUTCOME_SHARE = "Outward sharing with an outcome recorded"
# widths that print one A4 landscape page wide at a readable size (workbook.py)
PARTNER_COLUMNS = (
    Column("Agency", 22, wrap=True),
    Column("Type", 14, wrap=True),
    Column("Named contacts", 24, wrap=True),
    Column("Channels", 12, wrap=True),
    Column("First contact", 10.5, "date"),
    Column("Last contact", 10.5, "date"),
    Column("Number of contacts", 9, "number"),
    Column("Case files", 14, wrap=True),
    Column(REASON_SHARE, 10, "percent"),
    Column(OUTCOME_SHARE, 10, "percent"),
    Column("Phone", 13, wrap=True),
    Column("Email", 20, wrap=True),
    Column("Our named link", 14, wrap=True),
    Column("Last verified", 10.5, "date"),
)

# agency_type codes (recordcheck/language/agencies.toml) in the words a reader uses;
# a code missing here is shown as written
AGENCY_TYPE_NAMES = {
    "police": "Police",
    "mash": "Social care or MASH",
    "health": "Health",
    "mental health": "Mental health",
    "housing": "Housing",
    "advocacy": "Advocacy",
    "domestic abuse": "Domestic abuse service",
    "probation": "Probation or youth justice",
    "education": "School or college",
    "drug and alcohol": "Drug and alcohol service",
    "care provider": "Care provider",
    "benefits": "Benefits (DWP)",
    "fire and rescue": "Fire and rescue",
    "regulator": "Regulator or inspectorate",
    "other": "Other",
}


def agency_type_name(code: str) -> str:
    return AGENCY_TYPE_NAMES.get(code, code.capitalize())


def is_outward(event: ContactEvent) -> bool:
    """Information went from us to them ("both" is a meeting or a two-way talk)."""
    return event.direction == "out"


@dataclass
class Partner:
    """One agency's done and attempted contacts, added up."""

    agency: str
    types: Counter = field(default_factory=Counter)
    people: dict[str, Counter] = field(default_factory=dict)  # name -> roles written
    # dicts with None values serve as sets that remember the order values were first seen
    phones: dict = field(default_factory=dict)
    emails: dict = field(default_factory=dict)
    channels: dict = field(default_factory=dict)
    cases: dict = field(default_factory=dict)
    first: date | None = None
    last: date | None = None
    contacts: int = 0
    outward: int = 0
    with_outcome: int = 0
    reason_known: int = 0
    with_reason: int = 0

    def add(self, result: NoteResult, event: ContactEvent, person: str) -> None:
        self.contacts += 1
        if event.agency_type:
            self.types[event.agency_type] += 1
        if person:
            roles = self.people.setdefault(person, Counter())
            if event.role and not name_words(event.role) <= name_words(person):
                roles[event.role] += 1  # not a title already in the name ("PC")
        for values, value in (
            (self.phones, event.phone),
            (self.emails, event.email),
            (self.channels, event.channel),
            (self.cases, case_label(result)),
        ):
            if value:
                values[value] = None
        when = parse_date(result.note.date)
        if when:
            self.first = min(self.first or when, when)
            self.last = max(self.last or when, when)
        if is_outward(event):
            self.outward += 1
            self.with_outcome += bool(event.outcome.strip())
            if event.rationale_recorded is not None:
                self.reason_known += 1
                self.with_reason += event.rationale_recorded

    def named_contacts(self) -> str:
        """ "PC Ravi Patel (police officer); Sarah Jones (IDVA)": each person once."""
        return "; ".join(
            f"{name} ({_most_common(roles)})" if roles else name
            for name, roles in sorted(self.people.items(), key=lambda item: item[0].lower())
        )

    def row(self) -> tuple:
        return (
            self.agency,
            agency_type_name(_most_common(self.types)),
            self.named_contacts(),
            ", ".join(sorted(self.channels)),
            self.first,
            self.last,
            self.contacts,
            ", ".join(sorted(self.cases)),
            self.with_reason / self.reason_known if self.reason_known else None,
            self.with_outcome / self.outward if self.outward else None,
            "; ".join(self.phones),
            "; ".join(self.emails),
            None,
            None,
        )


def _most_common(counts: Counter) -> str:
    """The value recorded most often: notes disagree now and then about a role or type."""
    return counts.most_common(1)[0][0] if counts else ""


def partners_in(report: Report, resolver: ContactResolver | None = None) -> list[Partner]:
    """One Partner per agency with a done or attempted contact, by agency name."""
    if resolver is None:
        resolver = ContactResolver.of_results(report.results)
    partners: dict[str, Partner] = {}
    for result in report.results:
        for event in result.contacts:
            if not event.counts_as_contact:
                continue
            agency = resolver.agency(event)
            if agency not in partners:
                partners[agency] = Partner(agency)
            partners[agency].add(result, event, resolver.person(event, result.note.case_id))
    return sorted(partners.values(), key=lambda partner: (partner.agency.lower(), partner.agency))
