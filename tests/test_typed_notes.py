"""One note at a time: `check -` and `check --text`, through the same library path as a file."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from recordcheck.cli import main
from recordcheck.ingest.typed import TypedNotes
from recordcheck.run import RunOptions, checked_notes

NOTES = [
    "Dad seemed drunk when I arrived. The kitchen was messy.",
    "Home visit completed, concerns discussed.",
    "Rang Mrs A's daughter.\nConcerns passed to police.",
    "Mum said \"he is manipulative\". In my opinion she is being exploited.",
]


def invoke(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def test_blank_lines_separate_notes_on_standard_input():
    typed = TypedNotes.separated("stdin", "\nFirst note.\nStill first.\n\n \n\nSecond note.\n\n")
    notes = list(typed.notes())
    assert [(n.note_id, n.case_id, n.text) for n in notes] == [
        ("stdin-1", "", "First note.\nStill first."),
        ("stdin-2", "", "Second note."),
    ]
    assert {n.source for n in notes} == {"<stdin>"} and [n.row for n in notes] == [1, 2]


def test_a_whole_note_keeps_its_blank_lines_and_its_text_exactly():
    [note] = TypedNotes.whole("text", ["  Visit.\n\nMum seemed drunk.  ", "   "]).notes()
    assert note.note_id == "text-1" and note.text == "  Visit.\n\nMum seemed drunk.  "


@pytest.mark.usefixtures("stand_in_pipeline")
def test_the_library_checks_typed_notes_like_files():
    typed = TypedNotes.whole("web", ["The flat was messy.", "All clean."])
    with checked_notes([typed], RunOptions(jobs=1)) as run:
        report = run.report()
    assert [(r.note.note_id, len(r.findings)) for r in report.results] == [
        ("web-1", 1), ("web-2", 0)
    ]
    assert report.sources[0].path == "<web>" and report.sources[0].notes_read == 2


def test_check_help_explains_standard_input_and_text():
    result = invoke("check", "--help")
    help_text = " ".join(result.output.split())
    assert "- to read notes from standard input" in help_text
    assert "several separated by blank lines" in help_text
    assert "--text NOTE" in help_text and "ids stdin-1" in help_text


@pytest.mark.usefixtures("stand_in_pipeline")
def test_empty_standard_input_is_a_usage_error():
    result = invoke("check", "-", stdin="\n  \n")
    assert result.exit_code == 2
    assert "no note text was given on <stdin>" in result.output


def _csv_findings(tmp_path, texts) -> list[list[dict]]:
    path = tmp_path / "same.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["note_id", "case_id", "date", "time", "author", "note_type", "text"])
        for number, text in enumerate(texts, 1):
            writer.writerow([f"N{number}", "C1", "", "", "", "", text])
    result = invoke("check", str(path), "--format", "jsonl", "-q")
    return [json.loads(line)["findings"] for line in result.stdout.splitlines()]


@pytest.mark.slow
@pytest.mark.usefixtures("real_pipeline")
def test_standard_input_gives_the_same_findings_as_a_csv(tmp_path):
    result = invoke("check", "-", "--format", "jsonl", "-q", stdin="\n\n".join(NOTES) + "\n")

    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(line["note_id"], line["case_id"], line["date"]) for line in lines] == [
        (f"stdin-{n}", "", None) for n in range(1, len(NOTES) + 1)
    ]
    findings = [line["findings"] for line in lines]
    assert findings == _csv_findings(tmp_path, NOTES)
    assert all(findings[:3]) and {f["check"] for f in sum(findings, [])} == {
        "opinion", "who-present", "sharing-rationale"
    }


@pytest.mark.slow
@pytest.mark.usefixtures("real_pipeline")
def test_text_option_gives_the_same_findings_as_a_csv(tmp_path):
    args = [arg for note in NOTES[:2] for arg in ("--text", note)]
    result = invoke("check", *args, "--format", "jsonl", "-q")

    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["note_id"] for line in lines] == ["text-1", "text-2"]
    assert [line["findings"] for line in lines] == _csv_findings(tmp_path, NOTES[:2])
    finding = lines[0]["findings"][0]
    assert finding["suggestion"] == (
        "Dad [what you saw or heard: e.g. slurred speech, smelled of alcohol] when I arrived."
    )


@pytest.mark.slow
@pytest.mark.usefixtures("real_pipeline")
def test_text_in_the_plain_report_reads_without_a_case():
    result = invoke("check", "--text", "Mum seemed drunk.")
    assert result.exit_code == 0
    assert "Note text-1" in result.stdout and "Mum [what you saw or heard" in result.stdout
    assert "Case :" not in result.stdout and "No case given: 1 note" in result.stdout
