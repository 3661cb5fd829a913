"""The pieces the audit writers share: sanitising, quotations, scores, ordering, cells."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from recordcheck.model import Note, NoteResult, Report
from recordcheck.report.audit import write_audit
from recordcheck.report.excerpts import quote_around, sentence_around, shorten
from recordcheck.report.guide import guide_for, ordered_checks
from recordcheck.report.sanitise import clean_text, looks_like_formula
from recordcheck.report.summary import in_date_order, rag_rating, summarise
from recordcheck.report.workbook import LINE_HEIGHT, Column, add_list_sheet, new_workbook


def test_clean_text_removes_what_xml_cannot_hold_and_keeps_words_apart():
    assert clean_text("Visit.\x0bMum\x01 said\x00 no\ufffe.") == "Visit. Mum said no."
    assert clean_text("tab\tand\nnewline stay") == "tab\tand\nnewline stay"
    assert clean_text(None) == ""


@pytest.mark.parametrize("text", ["=1+1", "+44 7700", "-2 days", "@SUM(A1)", "\tx", "\rx"])
def test_formula_triggers_are_recognised(text):
    assert looks_like_formula(text)


def test_ordinary_text_is_not_a_formula():
    assert not looks_like_formula("Mum said = fine")


def written_back(values: list[str]):
    book = new_workbook()
    add_list_sheet(book, "S", [Column("Text")], [(value,) for value in values])
    stream = io.BytesIO()
    book.save(stream)
    return [
        row[0] for row in load_workbook(io.BytesIO(stream.getvalue()))["S"].iter_rows(min_row=2)
    ]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=5))
def test_any_note_text_comes_back_from_excel_as_the_same_text(values):
    cells = written_back(values)
    for cell, value in zip(cells, values, strict=True):
        expected = clean_text(value)
        assert (cell.value or "") == expected
        if expected:
            assert cell.data_type == "s"
            assert cell.quotePrefix == looks_like_formula(expected)


def test_rows_with_long_wrapped_text_are_tall_enough_to_show_it():
    book = new_workbook()
    columns = [Column("Short", 10), Column("Long", 20, wrap=True)]
    add_list_sheet(book, "S", columns, [("a", "word " * 30), ("b", "fits")])
    stream = io.BytesIO()
    book.save(stream)
    sheet = load_workbook(io.BytesIO(stream.getvalue()))["S"]
    assert sheet.row_dimensions[2].height == 8 * LINE_HEIGHT  # 150 characters, 20 a line
    assert sheet.row_dimensions[3].height is None


def test_quote_around_finds_the_sentence_and_highlights_only_the_flag():
    text = "Visited at 10am. Mr. Jones said he was fine. Mum is manipulative, staff said. Left."
    start = text.index("manipulative")
    quote = quote_around(text, start, start + len("manipulative"))
    assert (quote.before, quote.flagged, quote.after) == (
        "Mum is ",
        "manipulative",
        ", staff said.",
    )
    # "Mr." is not a sentence end
    start = text.index("fine")
    assert quote_around(text, start, start + 4).before == "Mr. Jones said he was "


def test_long_context_is_cut_at_a_word_with_an_ellipsis():
    assert shorten("one two three four five", 12) == "one two\u2026"
    assert shorten("one two three four five", 12, from_left=True) == "\u2026four five"


def test_an_initial_does_not_end_a_sentence_but_a_surname_initial_may():
    text = "Strategy discussion. Present: S. Mistry (chair), K. Adeyemi (TM), DC Reece. Agreed s42."
    start = text.index("K. Adeyemi")
    assert sentence_around(text, start, start + 10) == (
        "Present: S. Mistry (chair), K. Adeyemi (TM), DC Reece."
    )
    visit = "Home visit to Mrs A. She was seen alone."
    assert sentence_around(visit, 0, 4) == "Home visit to Mrs A."


@pytest.mark.parametrize(
    ("score", "rating"),
    [(1.0, "Green"), (0.8, "Green"), (0.79, "Amber"), (0.6, "Amber"), (0.59, "Red"), (0.0, "Red")],
)
def test_rag_thresholds(score, rating):
    assert rag_rating(score) == rating


def note(note_id, case="C1", date=None, time=None, author="A") -> NoteResult:
    return NoteResult(Note(note_id, case, "Text.", date=date, time=time, author=author))


def test_date_order_is_per_case_with_undated_notes_last_in_input_order():
    results = [
        note("a", "C2", "2024-01-02"),
        note("b", "C1"),
        note("c", "C1", "2024-05-01"),
        note("d", "C1", "2024-05-01", "08:00"),
        note("e", "C1"),
        note("f", "C1", "bad"),
    ]
    assert [r.note.note_id for r in in_date_order(results)] == ["c", "d", "b", "e", "f", "a"]


def test_unknown_checks_get_a_readable_title_and_are_listed_after_known_ones():
    assert guide_for("jargon_use").title == "Jargon use"
    assert ordered_checks({"zz-new", "opinion"}) == [
        "opinion",
        "who-present",
        "sharing-rationale",
        "zz-new",
    ]


def test_summary_of_an_empty_report_is_sane():
    summary = summarise(Report(results=()))
    assert summary.overall.notes == 0 and summary.cases == [] and summary.period == (None, None)
    assert summary.overall.score == 1.0


def test_an_empty_report_still_writes_every_output(tmp_path):
    written = write_audit(Report(results=()), tmp_path)
    assert [path.name for path in written] == [
        "audit-report.docx",
        "partner-register.xlsx",
        "findings.xlsx",
        "chronology.xlsx",
        "report.json",
    ]
    document = Document(str(written[0]))
    assert any("No notes were flagged" in p.text for p in document.paragraphs)


def test_writers_do_not_load_spacy_nor_matplotlib_until_a_chart_is_drawn():
    check = (
        "import sys, recordcheck.report.audit; "
        "print('spacy' in sys.modules, 'matplotlib' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert result.stdout.strip() == "False False", result.stderr


def test_an_interrupted_audit_leaves_the_previous_pack_whole(tmp_path, monkeypatch):
    from recordcheck.report import audit

    out = tmp_path / "pack"
    first = write_audit(Report(results=()), out)
    before = {path.name: path.read_bytes() for path in first}
    (out / "my-own-notes.txt").write_text("not ours")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setitem(audit.WRITERS, audit.FINDINGS, interrupted)
    newer = Report(results=(), tool_version="9.9", created="2030-01-01T09:00:00")
    with pytest.raises(KeyboardInterrupt):
        write_audit(newer, out)  # the report and register are built before the findings fail
    assert {path.name: path.read_bytes() for path in first} == before
    assert (out / "my-own-notes.txt").read_text() == "not ours"
    assert [p.name for p in tmp_path.iterdir()] == ["pack"]  # no staging folder left behind


def test_ctrl_c_exits_with_130(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from recordcheck import cli
    from recordcheck.report import audit

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(audit, "read_report", interrupted)
    saved = tmp_path / "report.json"
    saved.write_text("{}")
    result = CliRunner().invoke(cli.main, ["render", str(saved), "--out", str(tmp_path / "o")])
    assert result.exit_code == 130
    assert "interrupted" in result.output
