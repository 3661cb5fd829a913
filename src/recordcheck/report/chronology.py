"""chronology.xlsx: each case file's significant events in date order, one row each.

Recording standard, "Chronology": a row is a significant event (harm or
injury, a disclosure, an incident, a decision, a change in risk, a
multi-agency contact), summarised by the words that carry it, dated by the
event's own date and time where the note gives them. Notes that record no
such event are left out, and the "About" sheet says so.

A spreadsheet rather than a Word table because a chronology is a working
document: practitioners filter it to one case, sort it, add the events the
notes missed and paste it into their own templates, and it stays quick to
open at tens of thousands of notes, where a Word table does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, time
from pathlib import Path

from recordcheck.model import ChronologyEvent, ContactEvent, NoteResult, Report
from recordcheck.report.excerpts import evidence_words, sentence_around, sentence_spans, shorten
from recordcheck.report.guide import guide_for
from recordcheck.report.partner_identity import ContactResolver
from recordcheck.report.summary import case_label, parse_date, parse_time
from recordcheck.report.workbook import Column, add_list_sheet, new_workbook, save_workbook

# widths that print one A4 landscape page wide at a readable size (workbook.py)
CHRONOLOGY_COLUMNS = (
    Column("Case", 10, wrap=True),
    Column("Date", 10.5, "date"),
    Column("Time", 6, "time"),
    Column("Event type", 12, wrap=True),
    Column("What happened", 44, wrap=True),
    Column("Source", 12, wrap=True),
    Column("Agencies involved", 18, wrap=True),
    Column("Outcome or action", 26, wrap=True),
    Column("Note ID", 10, wrap=True),
    Column("Recording points", 18, wrap=True),
)
EVENT_TYPES = {
    "harm": "Harm or injury",
    "disclosure": "Disclosure",
    "incident": "Incident",
    "decision": "Decision",
    "risk": "Change in risk",
    "contact": "Multi-agency contact",
}
SUMMARY_CHARS = 200
# "Passed this to police.": the contact's words refer back to what the sentence before told
REFERS_BACK = re.compile(r"^\w+\s+(?:this|that|it|these)\s+(?:on\s+)?(?:to|with)\b", re.I)


def contact_event(result: NoteResult) -> ChronologyEvent | None:
    """The note's done contacts with agencies no other event of it names, as one row.

    An event names an agency when it lists it, or when the contact is recorded in
    the event's own words ("PC Aziz rang: Liam detained under s136"). One row per
    note, not per agency: a meeting's six attendees are one event. What happened
    quotes the sentences that record them, in order, shortened.
    """
    named = {agency for event in result.events for agency in event.agencies} | {
        c.agency for c in result.contacts if any(e.start <= c.start < e.end for e in result.events)
    }
    done = [c for c in result.contacts if c.status == "done" and c.agency]
    contacts = [c for c in done if c.agency not in named]
    if not contacts:
        return None
    if any(c.direction == "both" for c in contacts):
        # a meeting's row lists all who met, though a decision row names some of them too:
        # "Present: ... DS Connor (TVP) ..." read without the police says they were not there
        contacts = [c for c in done if c.agency not in named or c.direction == "both"]
    text = result.note.text
    sentences = dict.fromkeys(
        told
        for c in sorted(contacts, key=lambda c: c.start)
        for told in _with_what_it_refers_to(text, c)
    )
    summary = _joined(list(sentences), SUMMARY_CHARS)
    first = min(contacts, key=lambda c: c.start)
    return ChronologyEvent(
        kind="contact",
        start=first.start,
        end=first.end,
        summary=summary,
        date=result.note.date,
        time=_contact_time(first.time, result.note.time),
        # a contact that came in is its own source: "Call from PC Patel"
        source=next((c.person or c.agency for c in contacts if c.direction == "in"), ""),
        agencies=tuple(dict.fromkeys(c.agency for c in contacts)),
        # an outcome that only repeats the words quoted above says nothing more
        outcome="; ".join(
            dict.fromkeys(
                c.outcome for c in contacts if c.outcome and not _repeats(c.outcome, summary)
            )
        ),
    )


def _with_what_it_refers_to(text: str, contact: ContactEvent) -> list[str]:
    """The words recording the contact, after the sentence they refer back to:
    "Denise rang to say Steve had been seen outside the flat." then "Passed this to police."."""
    words = (
        evidence_words(text, contact.evidence)
        if contact.evidence
        else sentence_around(text, contact.start, contact.end)
    )
    if not REFERS_BACK.match(words):
        return [words]
    spans = sentence_spans(text)
    index = next((i for i, (s, e) in enumerate(spans) if s <= contact.start < e), 0)
    before = [shorten(text[slice(*spans[index - 1])], SUMMARY_CHARS)] if index else []
    return [*before, words]


def _joined(sentences: list[str], limit: int) -> str:
    """Whole sentences, each ended, as many as fit; the first shortened if alone too long."""
    ended = [s if s.endswith((".", "!", "?")) else s + "." for s in sentences if s]
    kept = ended[:1]
    for sentence in ended[1:]:
        if len(" ".join([*kept, sentence])) > limit:
            break
        kept.append(sentence)
    return shorten(" ".join(kept), limit)


def _repeats(outcome: str, summary: str) -> bool:
    """The outcome is words the summary already quotes, or the summary is its shortened
    start ("Present: ... - reduced timetable…" over the same list)."""
    words = " ".join(outcome.split()).rstrip(".")
    shortened = summary.endswith("…") and words.startswith(summary.rstrip("…"))
    # whole words: "Logged." is not repeated by "Blogged about it"
    quoted = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", summary) is not None
    return bool(words) and (quoted or shortened)


def _contact_time(own: str, note_time: str) -> str:
    """The contact's own clock time where its words give one no later than the note's
    ("Rang Riverside 09:10" in a note of 15:30); else the note's (a later one may be the day
    before, or the note's time when its visit began)."""
    own_at, written = parse_time(own), parse_time(note_time)
    return own if own_at is not None and (written is None or own_at <= written) else note_time


def agencies_involved(
    result: NoteResult,
    event: ChronologyEvent,
    resolver: ContactResolver | None = None,
) -> list[str]:
    """The contacts recorded in the event's own words, then the agencies the event names,
    each once, under the names the partner register gives them when ``resolver`` is the
    register's.

    A contact row names only the agencies of its own contacts; a contact elsewhere in the
    note is a row of its own, not an agency of this event ("Contact from the school: Kai
    said ..." is not the police checks two sentences on), unless it is the event's source
    ("Rang DC Laura Hughes ... DC Hughes said Steve was arrested").
    """
    if event.kind == "contact":
        named = list(event.agencies)
    else:
        within = [
            c.agency
            for c in result.contacts
            if c.counts_as_contact
            and c.agency
            and (event.start <= c.start < event.end or _is_source(c, event.source))
        ]
        named = [*within, *event.agencies]
    if resolver is not None:
        # the note's first contact with an agency says where the register files it
        filed = {c.agency: resolver.agency(c) for c in reversed(result.contacts)}
        named = [filed.get(name) or resolver.agency_named(name) for name in named]
    return list(dict.fromkeys(named))


def _is_source(contact: ContactEvent, source: str) -> bool:
    """The event's source is the contact's agency or its person, by surname at least."""
    words = source.lower().split()
    person = contact.person.lower().split()
    return bool(words) and (
        contact.agency.lower() == source.lower() or (bool(person) and person[-1] in words)
    )


def chronology_rows(results: Iterable[NoteResult]) -> list[tuple[NoteResult, ChronologyEvent]]:
    """Every significant event with its note, case by case, oldest first.

    Events with no date come last in their case, in the order the notes were read.
    """
    rows = [
        (position, result, event)
        for position, result in enumerate(results)
        for event in (*result.events, contact_event(result))
        if event is not None
    ]

    def key(row):
        position, result, event = row
        when, at = parse_date(event.date), parse_time(event.time)
        return (case_label(result), when is None, when or date.min, at or time.min,
                position, event.start)

    return [(result, event) for _, result, event in sorted(rows, key=key)]


def _cells(
    rows: list[tuple[NoteResult, ChronologyEvent]],
    resolver: ContactResolver,
) -> Iterator[tuple]:
    for result, event in rows:
        checks = dict.fromkeys(guide_for(finding.check).title for finding in result.findings)
        yield (
            case_label(result),
            event.date,
            event.time,
            EVENT_TYPES.get(event.kind, event.kind),
            event.summary,
            event.source,
            "; ".join(agencies_involved(result, event, resolver)),
            event.outcome,
            result.note.note_id,
            "; ".join(checks),
        )


def _about(report: Report, rows: list[tuple[NoteResult, ChronologyEvent]]) -> list[tuple]:
    with_events = len({id(result) for result, _ in rows})
    return [
        ("Each row is a significant event a note records: harm or injury, a disclosure, an "
         "incident, a decision, a change in risk, or a contact with another agency.",),
        (f"{with_events} of {len(report.results)} notes recorded one. Notes with no "
         "significant event are left out; every note is in report.json.",),
        ("'What happened' quotes the words that carry the event. Date and time are the "
         "event's own where the note gives them ('at 02:30', 'yesterday', 'on Saturday'), "
         "otherwise the note's.",),
        ("'Recording points' names the checks the row's note has a finding for (the note, "
         "not the event): each finding is in findings.xlsx under the same Note ID.",),
        ("Rows are found by rules and a language model: check them against the notes, and "
         "add the events the notes record in ways the tool did not recognise.",),
    ]


def write_chronology(report: Report, path: Path) -> Path:
    rows = chronology_rows(report.results)
    # the register's resolver, so an agency has one name in both workbooks
    resolver = ContactResolver.of_results(report.results)
    workbook = new_workbook()
    add_list_sheet(workbook, "Chronology", CHRONOLOGY_COLUMNS, _cells(rows, resolver))
    add_list_sheet(
        workbook, "About", (Column("About this chronology", 110, wrap=True),), _about(report, rows)
    )
    return save_workbook(workbook, path)
