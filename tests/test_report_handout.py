"""The supervision handout (`recordcheck coach`): one worker, no colleague named."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner
from docx import Document
from report_sample import note_result, sample_report

from recordcheck.cli import main
from recordcheck.model import Report, Severity
from recordcheck.report.handout import UnknownAuthor, build_handout, find_author
from recordcheck.report.handout_docx import write_handout

SECTIONS = ("What you do well", "Notes to talk through", "Over the period", "You and the team")


def _text(path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize("author", ["J. Okafor", "S. Patel"])
def test_the_handout_has_every_section_and_names_no_other_author(tmp_path, author):
    path = write_handout(sample_report(), author, tmp_path / "handout.docx")

    text = _text(path)
    for heading in SECTIONS:
        assert heading in text
    assert author in text
    others = [name for name in ("J. Okafor", "S. Patel", "M. Reid") if name != author]
    assert not [name for name in others if name in text]
    assert "Reid" not in text and ("Okafor" not in text or author == "J. Okafor")


def test_the_handout_quotes_only_the_authors_own_notes():
    report = sample_report()
    handout = build_handout(report, "J. Okafor")

    assert handout.examples, "J. Okafor has flagged notes to talk through"
    assert {e.result.note.author for e in handout.examples} == {"J. Okafor"}
    assert len({e.finding.check for e in handout.examples}) == len(handout.examples)
    assert handout.examples[0].finding.severity == Severity.HIGH
    strengths = build_handout(report, "S. Patel").strengths
    assert strengths and all(s.source.note.author == "S. Patel" for s in strengths)
    own_text = " ".join(r.note.text for r in report.results if r.note.author == "S. Patel")
    assert all(" ".join(s.example.split()) in " ".join(own_text.split()) for s in strengths)


def test_a_note_naming_a_colleague_is_not_quoted():
    naming = "Home visit. Kerry Walsh said Mum seemed drunk."
    plain = "Home visit. Mum seemed drunk."
    results = (
        note_result("A1", "C1", "2024-01-02", "Omar Siddiqui", "Home visit", naming,
                    [("seemed drunk", "opinion", {"severity": Severity.HIGH})]),
        note_result("A2", "C1", "2024-01-03", "Omar Siddiqui", "Home visit", plain,
                    [("seemed drunk", "opinion", {"severity": Severity.LOW})]),
        note_result("B1", "C1", "2024-01-04", "Kerry Walsh (IDVA)", "Phone call", plain),
    )
    handout = build_handout(Report(results=results), "Omar Siddiqui")

    assert [e.result.note.note_id for e in handout.examples] == ["A2"]


def test_the_team_rate_counts_the_notes_each_check_applies_to():
    handout = build_handout(sample_report(), "S. Patel")
    by_check = {c.check: c for c in handout.comparisons}

    assert by_check["opinion"].notes == 3 and by_check["opinion"].team_notes == 9
    # only S. Patel's email shares outward with a reason recorded; the team adds J. Okafor's
    assert (by_check["sharing-rationale"].notes, by_check["sharing-rationale"].team_notes) \
        == (1, 2)
    assert by_check["sharing-rationale"].team_flagged == 1
    assert [p.label for p in handout.trend] == ["Feb 2024", "Apr 2024"]


def test_an_unknown_author_names_the_closest():
    report = sample_report()
    assert find_author(report, "j.  okafor") == "J. Okafor"
    with pytest.raises(UnknownAuthor, match='"S. Patel"'):
        find_author(report, "S Patell")


@pytest.fixture
def team_export(tmp_path):
    path = tmp_path / "notes.csv"
    rows = [
        ("N1", "C1", "Ana Cruz", "Home Visit", "Home visit. The kitchen was messy."),
        ("N2", "C1", "Ben Ode", "Phone Call", "Phoned the GP about medication."),
        ("N3", "C2", "Ben Ode", "Visit", "Messy room, messy hall."),
    ]
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["note_id", "case_id", "date", "time", "author", "note_type", "text"])
        for note_id, case, author, kind, text in rows:
            writer.writerow([note_id, case, "14/03/2025", "10:30", author, kind, text])
    return path


def test_coach_writes_one_file_per_author(stand_in_pipeline, team_export, tmp_path):
    out = tmp_path / "handouts"
    result = CliRunner().invoke(
        main, ["coach", str(team_export), "--all-authors", "--out", str(out), "-q"]
    )

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["ana-cruz.docx", "ben-ode.docx"]
    assert "Ana Cruz" not in _text(out / "ben-ode.docx")


def test_coach_for_an_unknown_author_is_a_one_line_usage_error(
    stand_in_pipeline, team_export, tmp_path
):
    out = tmp_path / "x.docx"
    result = CliRunner().invoke(
        main, ["coach", str(team_export), "--author", "Ben Odd", "--out", str(out), "-q"]
    )

    assert result.exit_code == 2
    [message] = result.stderr.strip().splitlines()
    assert '"Ben Ode"' in message and "Ana Cruz" not in message
    assert not out.exists()
