"""The plain writers: the JSON Lines contract, the text report and atomic output."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest
from conftest import make_note, stand_in_checker

from recordcheck.account import RunAccount
from recordcheck.engine import build_report, run
from recordcheck.model import Finding, NoteResult, Severity, Unreadable
from recordcheck.report.atomic import atomic_output
from recordcheck.report.jsonl import note_line, write_jsonl
from recordcheck.report.text import render_text, summary_line

NOTES = [
    make_note(1, "Home visit. The flat was messy.\nMum said she is “fine”, £20 left.", case="C7"),
    make_note(2, "Called housing about repairs.", case="C7"),
    make_note(3, "MESSY room; messy hall.", case="C8"),
    make_note(4, "", case="C8"),
]


def checked_results():
    return list(run(NOTES, loader=stand_in_checker, jobs=1))


def as_jsonl(results) -> str:
    stream = io.StringIO()
    write_jsonl(results, stream)
    return stream.getvalue()


def test_one_line_per_note_in_input_order_clean_notes_included():
    lines = as_jsonl(checked_results()).splitlines()

    records = [json.loads(line) for line in lines]
    assert [r["note_id"] for r in records] == ["N1", "N2", "N3", "N4"]
    assert [len(r["findings"]) for r in records] == [1, 0, 2, 0]
    assert set(records[0]) == {"note_id", "case_id", "date", "findings"}
    assert set(records[0]["findings"][0]) == {
        "check", "start", "end", "text", "severity", "message", "suggestion", "cue"
    }


def test_finding_offsets_point_at_the_flagged_words_in_the_note_text():
    records = [json.loads(line) for line in as_jsonl(checked_results()).splitlines()]

    for note, record in zip(NOTES, records, strict=True):
        for finding in record["findings"]:
            assert note.text[finding["start"]:finding["end"]] == finding["text"]


def test_output_is_byte_identical_for_the_same_input_and_keeps_non_ascii_text():
    first = as_jsonl(checked_results())
    second = as_jsonl(checked_results())

    assert first == second
    assert "“fine”" not in first  # the note text itself is not part of the contract
    line = note_line(NoteResult(make_note(9, "£ “x”"), (
        Finding("opinion", 0, 5, "£ “x”", Severity.LOW, "Vague — see ‘guide’"),
    )))
    assert "£ “x”" in line and "‘guide’" in line


def test_findings_are_sorted_whatever_order_the_checks_gave():
    note = make_note(1, "messy and messy")
    late = Finding("opinion", 10, 15, "messy", Severity.LOW, "m")
    early = Finding("opinion", 0, 5, "messy", Severity.LOW, "m")

    shuffled = note_line(NoteResult(note, (late, early)))

    assert shuffled == note_line(NoteResult(note, (early, late)))
    assert [f["start"] for f in json.loads(shuffled)["findings"]] == [0, 10]


def test_date_is_null_when_the_note_has_none():
    undated = replace(make_note(1, "text"), date=None)
    assert json.loads(note_line(NoteResult(undated)))["date"] is None


def test_text_report_groups_by_case_quotes_words_and_ends_with_a_summary():
    account = RunAccount()
    items = [*NOTES, Unreadable("notes.csv", 9, "the text cell is empty")]
    report = build_report(run(items, loader=stand_in_checker, jobs=1, account=account), account)

    text = render_text(report)

    assert text.index("Case C7") < text.index("Case C8")
    assert text.count("\"messy\"") == 2 and text.count("\"MESSY\"") == 1
    assert "Suggestion: Describe what you saw." in text
    assert "Note N1 | 14 Mar 2025" in text
    assert "notes.csv row 9: the text cell is empty" in text
    assert text.rstrip().splitlines()[-1] == summary_line(report.results, 1)
    assert "Note N2" not in text  # clean notes are counted, not listed


def test_summary_line_counts_notes_cases_findings_and_unread_rows():
    results = checked_results()
    assert summary_line(results, 2) == (
        "Checked 4 notes in 2 case files: 3 findings (3 opinion); "
        "2 notes with no findings. 2 rows could not be read."
    )


def test_text_report_strips_terminal_control_codes_from_note_text():
    note = make_note(1, "messy\x1b[2J room")
    finding = Finding("opinion", 0, 12, note.text[:12], Severity.LOW, "m")
    report = build_report([NoteResult(note, (finding,))], RunAccount())

    assert "\x1b" not in render_text(report)


def test_atomic_output_replaces_the_file_only_when_writing_succeeds(tmp_path):
    target = tmp_path / "findings.jsonl"
    target.write_text("old report")

    with pytest.raises(RuntimeError), atomic_output(target, "w") as stream:
        stream.write("half a rep")
        raise RuntimeError("disk full")

    assert target.read_text() == "old report"
    assert list(tmp_path.iterdir()) == [target]

    with atomic_output(target) as stream:
        stream.write("new report £".encode())

    assert target.read_text(encoding="utf-8") == "new report £"
    assert list(tmp_path.iterdir()) == [target]


def test_atomic_output_refuses_append_mode(tmp_path):
    with pytest.raises(ValueError, match="mode"), atomic_output(tmp_path / "x", "a"):
        pass
