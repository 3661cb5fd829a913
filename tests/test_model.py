"""The data model survives a trip through JSON, so reports can be rebuilt."""

import json

from recordcheck.model import (
    ChronologyEvent,
    ContactEvent,
    Finding,
    Note,
    NoteResult,
    PersonalSpan,
    Report,
    Severity,
    SourceFile,
    Unreadable,
)


def test_report_round_trips_through_json():
    note = Note("n1", "C1", "Mum seemed drunk.", date="2025-03-14", problems=("odd time",))
    finding = Finding("opinion", 0, 16, "Mum seemed drunk", Severity.HIGH, "hedge", cue="hedge")
    result = NoteResult(
        note,
        (finding,),
        (ContactEvent("Thames Valley Police", "police", 0, 3, direction="out"),),
        (PersonalSpan(0, 3, "person"),),
        (ChronologyEvent("harm", 0, 16, "Mum seemed drunk", agencies=("Thames Valley Police",)),),
    )
    report = Report(
        (result,),
        (Unreadable("notes.csv", 7, "no text"),),
        (SourceFile("notes.csv", "ab" * 32, "csv", 1, 1),),
        tool_version="1.0",
        model_versions={"base": "en_core_web_sm 3.8.0"},
        duplicate_note_ids=("n1",),
    )

    rebuilt = Report.from_dict(json.loads(json.dumps(report.to_dict())))

    assert rebuilt == report
    assert rebuilt.results[0].findings[0].severity is Severity.HIGH
    assert rebuilt.results[0].note.problems == ("odd time",)


def test_from_dict_ignores_fields_a_newer_version_added():
    data = {"source": "a.csv", "row": 3, "reason": "empty", "added_later": True}

    assert Unreadable.from_dict(data) == Unreadable("a.csv", 3, "empty")


def test_a_contact_saved_before_contact_events_keeps_its_person():
    saved = {
        "agency": "Kent Police",
        "agency_type": "police",
        "start": 0,
        "end": 8,
        "contact_name": "PC Ravi Patel",
        "direction": "in",
    }

    contact = ContactEvent.from_dict(saved)

    assert (contact.person, contact.direction, contact.status) == ("PC Ravi Patel", "in", "done")
