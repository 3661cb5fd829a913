"""partner-register.xlsx: whom the service dealt with, what it shared and why, what came of it.

Three sheets, all read from the Report's contact events (see the recording
standard, "Contact events"):

- Partners: one row per agency, with its named contacts merged across notes,
  counting done and attempted contacts only;
- Contacts: every done or attempted contact, with the note's own words;
- Planned: contacts the notes intend, listed apart and never counted.

One ContactResolver, built once, files every event under one agency and one
form of each person's name, so all three sheets agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

from recordcheck.model import ContactEvent, NoteResult, Report
from recordcheck.report.excerpts import evidence_words
from recordcheck.report.partner_agencies import PARTNER_COLUMNS, is_outward, partners_in
from recordcheck.report.partner_identity import ContactResolver
from recordcheck.report.summary import case_label, parse_date, parse_time
from recordcheck.report.workbook import Column, add_list_sheet, new_workbook, save_workbook

# widths that print one A4 landscape page wide at a readable size (workbook.py)
CONTACT_COLUMNS = (
    Column("Note ID", 10, wrap=True),
    Column("Date", 10.5, "date"),
    Column("Time", 6, "time"),
    Column("Case", 10, wrap=True),
    Column("Agency", 18, wrap=True),
    Column("Person", 14, wrap=True),
    Column("Role", 12, wrap=True),
    Column("Channel", 10, wrap=True),
    Column("Direction", 10, wrap=True),
    Column("Status", 9),
    Column("What was shared", 20, wrap=True),
    Column("Reason recorded", 9, wrap=True),
    Column("Outcome", 22, wrap=True),
    Column("Evidence", 32, wrap=True),
)
PLANNED_COLUMNS = (
    Column("Note ID", 10, wrap=True),
    Column("Date", 10.5, "date"),
    Column("Case", 10, wrap=True),
    Column("Agency", 22, wrap=True),
    Column("Person", 18, wrap=True),
    Column("What is planned", 60, wrap=True),
)
REASON_NOT_ASSESSED = "Not assessed"
DIRECTION_WORDS = {"out": "We contacted them", "in": "They contacted us", "both": "Both ways"}
STATUS_WORDS = {"done": "Done", "attempted": "Attempted", "planned": "Planned"}

Event = tuple[NoteResult, ContactEvent]
# what a reader needs to act on the sheets, as the chronology's About sheet does for it
ABOUT = (
    ("Partners: one row per agency the notes show contact with, counting contacts done or "
     "attempted. Phone and Email start with what the notes wrote; Our named link and Last "
     "verified are for you to keep current.",),
    ("Contacts: every contact done or attempted, one row each, with the note's own words "
     "(Evidence). Direction says who made it: 'We contacted them', 'They contacted us', or "
     "'Both ways' (a meeting, a joint visit, a conversation).",),
    ("Reason recorded is for contacts that sent information out: Yes or No where the "
     "sharing check judged whether the note records why; Not assessed where it did not, so "
     "read the note. It is blank for contacts that sent nothing out.",),
    ("Planned: contacts the notes only intend ('I will ring', 'to refer to'). They are "
     "never counted: check in the case record that they happened.",),
    ("Rows are found by rules and a language model and some will be wrong: check a row "
     "against its note before relying on it, and add the contacts the notes record in ways "
     "the tool did not recognise.",),
)


def _in_date_order(report: Report, *, planned: bool) -> list[Event]:
    """Planned or counted events, oldest first; undated ones last, in input order."""
    events = [
        (result, event)
        for result in report.results
        for event in result.contacts
        if event.counts_as_contact != planned
    ]

    def key(indexed: tuple[int, Event]):
        position, (result, _) = indexed
        when, at = parse_date(result.note.date), parse_time(result.note.time)
        return (when is None, when or date.min, at or time.min, case_label(result), position)

    return [event for _, event in sorted(enumerate(events), key=key)]


def _contact_rows(report: Report, resolver: ContactResolver) -> Iterator[tuple]:
    for result, event in _in_date_order(report, planned=False):
        note = result.note
        yield (
            note.note_id,
            note.date,
            note.time,
            case_label(result),
            resolver.agency(event),
            resolver.person(event, result.note.case_id),
            event.role,
            event.channel,
            DIRECTION_WORDS.get(event.direction, event.direction),
            STATUS_WORDS.get(event.status, event.status),
            event.shared,
            _reason(event),
            event.outcome,
            evidence_words(note.text, event.evidence),
        )


def _reason(event: ContactEvent) -> str:
    """Whether outward sharing records why; "Not assessed" where the sharing check did not
    judge it (a blank read as "No"). Blank for contacts that shared nothing out."""
    if not is_outward(event):
        return ""
    return {True: "Yes", False: "No"}.get(event.rationale_recorded, REASON_NOT_ASSESSED)


def _planned_rows(report: Report, resolver: ContactResolver) -> Iterator[tuple]:
    for result, event in _in_date_order(report, planned=True):
        yield (
            result.note.note_id,
            result.note.date,
            case_label(result),
            resolver.agency(event),
            resolver.person(event, result.note.case_id),
            evidence_words(result.note.text, event.evidence),
        )


def write_partner_register(report: Report, path: Path) -> Path:
    resolver = ContactResolver.of_results(report.results)
    workbook = new_workbook()
    partners = (partner.row() for partner in partners_in(report, resolver))
    add_list_sheet(workbook, "Partners", PARTNER_COLUMNS, partners)
    add_list_sheet(workbook, "Contacts", CONTACT_COLUMNS, _contact_rows(report, resolver))
    add_list_sheet(workbook, "Planned", PLANNED_COLUMNS, _planned_rows(report, resolver))
    add_list_sheet(workbook, "About", (Column("About this register", 110, wrap=True),), ABOUT)
    return save_workbook(workbook, path)
