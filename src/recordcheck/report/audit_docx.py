"""audit-report.docx: the audit written up for managers, auditors and inspectors.

The document is filled into a Word template (styles, header, footer, logo) and
built section by section; the detailed sections live in audit_sections.py.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path
from zipfile import BadZipFile

from docx import Document
from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from recordcheck.model import Report
from recordcheck.report import audit_sections
from recordcheck.report.charts import charts_section
from recordcheck.report.doc_builder import (
    AuditDocument,
    day,
    percent,
    period,
    plural,
)
from recordcheck.report.guide import guide_for
from recordcheck.report.moderation_section import sampling_and_moderation
from recordcheck.report.partnership import partnership_section
from recordcheck.report.sanitise import clean_text
from recordcheck.report.styles import TEXT_WIDTH_CM, ensure_report_styles
from recordcheck.report.summary import (
    RATINGS,
    SCORING_CRITERIA,
    AuditSummary,
    out_of,
    parse_timestamp,
)
from recordcheck.report.word import (
    BAND_FILL,
    RAG_FILLS,
    TABLE_STYLE,
    TABLE_TEXT,
    add_contents,
    clear_body,
    set_widths,
    shade,
    update_fields_on_open,
)

# the executive summary stays short; the Case files section has them all
CASES_IN_SUMMARY = 25
ABOUT = (
    "This report sets out how the case notes above measure against the recording standard. "
    "It was produced by recordcheck on the computer that holds the notes; no note was sent "
    "elsewhere. Its findings are prompts for professional review, not verdicts. It quotes case "
    "notes and contains personal data: store and share it as you would the case records."
)


class TemplateError(ValueError):
    """The Word template given could not be used; the message names the file."""


def bundled_template() -> Path:
    resource = importlib.resources.files("recordcheck") / "templates" / "audit-report.docx"
    return Path(str(resource))


def _title_page(doc: AuditDocument, organisation: str, service: str) -> None:
    report, summary = doc.report, doc.summary
    for _ in range(3):
        doc.para()
    doc.para("Case recording audit", "Title")
    doc.para(
        " \u2013 ".join(part for part in (organisation, service) if part)
        or "Case notes checked against the recording standard",
        "Subtitle",
    )
    run_at = parse_timestamp(report.created)
    models = ", ".join(f"{name} {version}" for name, version in report.model_versions.items())
    details = [
        ("Period covered", period(*summary.period)),
        (
            "Notes checked",
            f"{summary.overall.notes:,} in {plural(len(summary.cases), 'case file')}",
        ),
        ("Date of run", f"{day(run_at.date())}, {run_at:%H:%M}" if run_at else report.created),
        ("Tool", f"recordcheck {report.tool_version}".strip()),
        ("Language models", models or "not recorded"),
    ]
    table = doc.document.add_table(rows=0, cols=2)
    table._tbl.tblPr.style = doc.ids.get(TABLE_STYLE)
    for label, value in details:
        cells = table.add_row().cells
        doc.styled(cells[0].paragraphs[0], TABLE_TEXT).add_run(label).bold = True
        doc.styled(cells[1].paragraphs[0], TABLE_TEXT).add_run(clean_text(value))
        shade(cells[0], BAND_FILL)
    set_widths(table, (4.5, TEXT_WIDTH_CM - 4.5))
    doc.para()
    doc.para("Input files", "Label")
    doc.table(
        ("File", "Format", "Notes read", "Rows not read", "SHA-256"),
        [
            (source.path, source.format, source.notes_read, source.rows_not_read, source.sha256)
            for source in report.sources
        ]
        or [("No input files were recorded for this run.", "", "", "", "")],
        (5.0, 1.6, 1.7, 1.9, 6.4),
    )
    doc.para(ABOUT, "Callout")
    doc.page_break()


def _contents(doc: AuditDocument) -> Paragraph:
    doc.para("Contents", "Label")
    placeholder = doc.para()
    doc.para(
        "Page numbers appear when Word updates the contents (it offers to when the report is "
        "opened; or right-click the contents and choose Update Field).",
        "Small Print",
    )
    return placeholder


def _key_figures(doc: AuditDocument) -> None:
    summary, report = doc.summary, doc.report
    overall = summary.overall
    figures = (
        (f"{overall.notes:,}", "notes checked"),
        (f"{len(summary.cases):,}", "case files"),
        (percent(overall.score), "of notes met every check"),
        (f"{len(report.unreadable):,}", "rows could not be read"),
    )
    table = doc.document.add_table(rows=2, cols=len(figures))
    for column, (number, label) in enumerate(figures):
        top, bottom = table.rows[0].cells[column], table.rows[1].cells[column]
        doc.styled(top.paragraphs[0], "Label").add_run(number).font.size = Pt(22)
        doc.styled(bottom.paragraphs[0], "Small Print").add_run(label)
        for cell in (top, bottom):
            shade(cell, BAND_FILL)
    set_widths(table, [TEXT_WIDTH_CM / len(figures)] * len(figures))
    doc.para()


def _executive_summary(doc: AuditDocument) -> None:
    summary = doc.summary
    overall = summary.overall
    doc.heading("Executive summary", new_page=True)
    doc.para(
        f"This audit checked {plural(overall.notes, 'note')} from "
        f"{plural(len(summary.cases), 'case file')}, written by "
        f"{plural(len(summary.authors), 'author')} "
        f"({period(*summary.period)}), against these parts of the recording standard: "
        + "; ".join(guide_for(check).title.lower() for check in summary.checks)
        + "."
    )
    _key_figures(doc)
    rows = [
        (
            guide_for(check).title,
            f"{overall.applicable[check]:,}",
            f"{overall.notes_with[check]:,}",
            percent(overall.share_with(check)),
            f"{overall.findings[check]:,}",
        )
        for check in summary.checks
    ]
    doc.para("Share of the notes each check applies to with a finding", "Label")
    doc.table(
        ("Check", "Notes it applies to", "Notes with a finding", "Share", "Findings"),
        rows,
        (6.0, 2.9, 2.9, 2.2, 2.6),
    )
    _headline(doc)
    doc.heading("Quality by case file", 2)
    doc.para(SCORING_CRITERIA, "Callout")
    worst_first = summary.worst_first()
    listed = worst_first[:CASES_IN_SUMMARY]
    ratings = [tally.rag for tally in worst_first]
    counts = ", ".join(f"{plural(ratings.count(rag), 'case file')} rated {rag}" for rag in RATINGS)
    doc.para(
        f"{counts}. "
        + (
            "Case files are listed lowest score first."
            if len(listed) == len(worst_first)
            else f"The {len(listed)} lowest-scoring case files are listed; every case file's "
            "score is in the Case files section and in findings.xlsx."
        )
    )
    table = doc.table(
        ("Case file", "Notes", "Dates", "Notes meeting every check", "Score", "Rating"),
        [
            (
                tally.name,
                f"{tally.notes:,}",
                period(tally.first, tally.last),
                f"{tally.clean_notes:,}",
                percent(tally.score),
                tally.rag,
            )
            for tally in listed
        ],
        (3.2, 1.5, 4.6, 3.0, 1.9, 2.4),
    )
    for row, tally in zip(table.rows[1:], listed, strict=True):
        shade(row.cells[-1], RAG_FILLS[tally.rag])


def _headline(doc: AuditDocument) -> None:
    """One sentence each on the most common gap and the best-met check."""
    overall, checks = doc.summary.overall, doc.summary.checks
    if not overall.notes or not checks:
        return
    applied = [check for check in checks if overall.applicable[check]]
    if not applied:
        return
    commonest = max(applied, key=overall.share_with)
    best = min(applied, key=overall.share_with)
    if overall.notes_with[commonest]:
        doc.lead(
            "Most common gap:",
            f"{guide_for(commonest).title.lower()}, in {percent(overall.share_with(commonest))} "
            f"of {out_of(commonest, overall)}.",
        )
    doc.lead(
        "Strongest area:",
        f"{guide_for(best).title.lower()}: {percent(1 - overall.share_with(best))} of "
        f"{out_of(best, overall)} had no finding for this check.",
    )


def open_template(path: Path) -> WordDocument:
    """Open a Word template, or raise TemplateError naming the file and the problem."""
    if not path.is_file():
        raise TemplateError(f"{path}: template not found")
    try:
        return Document(str(path))
    except (ValueError, KeyError, PackageNotFoundError, BadZipFile, XMLSyntaxError) as error:
        raise TemplateError(
            f"{path}: not a Word .docx file that can be used as a template"
        ) from error


def build_audit_document(
    report: Report,
    summary: AuditSummary,
    *,
    template: Path | None = None,
    organisation: str = "",
    service: str = "",
) -> WordDocument:
    document = open_template(Path(template) if template else bundled_template())
    clear_body(document)
    ensure_report_styles(document)
    doc = AuditDocument(document, report, summary)
    _title_page(doc, organisation, service)
    contents = _contents(doc)
    _executive_summary(doc)
    charts_section(doc)
    audit_sections.findings_by_check(doc)
    audit_sections.case_files(doc)
    partnership_section(doc)
    audit_sections.coaching(doc)
    audit_sections.data_problems(doc)
    sampling_and_moderation(doc)
    audit_sections.method_and_limitations(doc)
    add_contents(contents, doc.headings, doc.ids)
    update_fields_on_open(document)
    document.core_properties.title = "Case recording audit"
    document.core_properties.subject = clean_text(" ".join((organisation, service)).strip())
    return document
