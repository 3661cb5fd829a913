"""The pieces the audit writers share: sanitising, quotations, scores, ordering, cells."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from docx import Document
from docx.shared import Cm
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from recordcheck.model import Note, NoteResult, Report
from recordcheck.report.audit import write_audit
from recordcheck.report.contents_pages import STAND_IN_PNG, _save_for_layout, find_pages
from recordcheck.report.excerpts import closed_end, quote_around, sentence_around, shorten
from recordcheck.report.grades import GradeScheme, GradingError
from recordcheck.report.guide import guide_for, ordered_checks
from recordcheck.report.sanitise import clean_text, looks_like_formula
from recordcheck.report.summary import in_date_order, summarise
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


def test_a_short_phrase_in_a_narrow_column_gets_a_line_for_each_word_it_wraps_at():
    # "We contacted them" is 17 characters, two lines of 10 by count, three wrapped
    book = new_workbook()
    columns = [Column("Direction", 10, wrap=True), Column("Status", 9)]
    add_list_sheet(book, "S", columns, [("We contacted them", "Done"), ("Both ways", "Done")])
    stream = io.BytesIO()
    book.save(stream)
    sheet = load_workbook(io.BytesIO(stream.getvalue()))["S"]
    assert sheet.row_dimensions[2].height == 3 * LINE_HEIGHT
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


def test_a_cut_never_leaves_a_bracket_open():
    text = "Attended MARAC (virtual, police and IDVA present) and agreed the safety plan today"
    assert shorten(text, 24) == "Attended MARAC\u2026"
    assert shorten(text, 60) == "Attended MARAC (virtual, police and IDVA present) and\u2026"
    assert shorten("Seen at home (alone) and then (with mum present) later on", 32,
                   from_left=True) == "\u2026(with mum present) later on"


def test_a_finding_cut_inside_a_bracket_is_quoted_with_it_closed():
    text = "Referral sent at 14:35 (ref MASH-25-11873). Next steps agreed."
    end = text.index(")")
    assert text[: closed_end(text, 0, end)] == "Referral sent at 14:35 (ref MASH-25-11873)"
    assert quote_around(text, 0, end).flagged.endswith("11873)")
    assert closed_end(text, 0, 10) == 10  # nothing open: unchanged
    said = 'Mum has been told the wait "could be months". Next'
    assert said[: closed_end(said, 0, said.index("months") + 6)].endswith('months"')


@pytest.mark.parametrize(
    ("score", "grade"),
    [
        (1.0, "Outstanding"), (0.946, "Outstanding"), (0.944, "Good"), (0.85, "Good"),
        (0.8449, "Requires improvement"), (0.696, "Requires improvement"),
        (0.694, "Inadequate"), (0.0, "Inadequate"),
    ],
)
def test_default_grades_follow_the_stated_thresholds_on_the_percent_shown(score, grade):
    # 69.6% is shown as 70% and graded as 70%, so the report never contradicts its criteria
    assert GradeScheme.from_table(None).grade(score) == grade


def test_an_organisation_can_name_its_own_grades_and_weights():
    scheme = GradeScheme.from_table(
        {"names": ["Meets", "Does not meet"], "from": [80], "weights": {"low": 0.1}}
    )
    assert (scheme.grade(0.8), scheme.grade(0.79)) == ("Meets", "Does not meet")
    assert "0.1 (low)" in scheme.criteria() and "Does not meet: below 80%" in scheme.criteria()
    with pytest.raises(GradingError, match="from"):
        GradeScheme.from_table({"names": ["A", "B", "C"]})


def test_contents_pages_are_found_below_the_contents_list():
    pages = [
        "Case recording audit\n",
        "Contents\nSummary\n  Actions\nMethod\n\nSummary\nsome text\nActions\n",
        "text\nMethod\n",
    ]
    assert find_pages(["Summary", "Actions", "Method"], pages) == [2, 2, 3]
    assert find_pages(["Summary", "Missing"], pages) is None


def note(note_id, case="C1", date=None, time=None, author="A") -> NoteResult:
    return NoteResult(Note(note_id, case, "Text.", date=date, time=time, author=author))


def test_libreoffice_lays_out_stand_ins_of_the_same_size_and_the_report_keeps_its_chart(
    tmp_path,
):
    from PIL import Image

    chart = io.BytesIO()
    Image.new("RGB", (300, 200), "navy").save(chart, "PNG")
    document = Document()
    document.add_paragraph().add_run().add_picture(io.BytesIO(chart.getvalue()), width=Cm(12))
    _save_for_layout(document, tmp_path / "layout.docx")
    document.save(str(tmp_path / "report.docx"))
    stand_in, stand_in_size = picture_of(tmp_path / "layout.docx")
    kept, kept_size = picture_of(tmp_path / "report.docx")
    assert stand_in == STAND_IN_PNG and kept == chart.getvalue()
    assert stand_in_size == kept_size == (Cm(12), Cm(8))


def picture_of(path) -> tuple[bytes, tuple[int, int]]:
    """The only picture in a saved document: its bytes and its size on the page."""
    document = Document(str(path))
    shape = document.inline_shapes[0]
    embed = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
    return document.part.related_parts[embed].blob, (shape.width, shape.height)


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
    assert summary.overall.clean_share == 1.0 and summary.score(summary.overall) == 1.0


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


def test_every_checks_actions_name_an_owner_a_scope_and_fill_their_gaps():
    from recordcheck.catalogue import all_checks
    from recordcheck.report.actions import SCOPES

    for spec in all_checks():
        declared = spec.data("check.toml").get("actions", [])
        assert {entry["scope"] for entry in declared} <= set(SCOPES), spec.id
        for entry in declared:
            assert entry["owner"].strip()
            assert entry.get("severity", "low") in ("high", "medium", "low")
            filled = entry["text"].format(notes="note N1", count="1 note", cases="1 case file")
            assert "{" not in filled


def test_a_quotation_closing_with_its_sentence_stays_with_that_sentence():
    # the report quoted "' She is worried ..." with the last sentence's closing quote
    text = ("She does not want police. 'He would not understand, it would frighten him.' "
            "She is worried who is looking after him now. He said \u201cstop.\u201d Then left.")
    start = text.index("She is worried")
    quote = quote_around(text, start, start + len("She is worried"))
    assert (quote.before, quote.after) == ("", " who is looking after him now.")
    assert sentence_around(text, text.index("He said"), text.index("He said") + 7) == (
        "He said \u201cstop.\u201d"
    )
