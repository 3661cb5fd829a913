"""audit-report.docx: the audit written up for managers, auditors and inspectors.

The document is filled into a Word template (styles, header, footer) and built
section by section from SECTIONS; the detailed sections live in
audit_sections.py, case_files.py and method.py. The report names no worker in
its analysis: team-level figures stay, per-worker material is the supervision
handout's (`recordcheck coach`).
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Callable
from pathlib import Path
from zipfile import BadZipFile

from docx import Document
from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from recordcheck.model import Report
from recordcheck.report import audit_sections, case_files, method
from recordcheck.report.accuracy_statement import (
    AT_BEST,
    accuracy_record,
    accuracy_summary,
    decided_summary,
    finds_under_half,
    shown_grade,
)
from recordcheck.report.charts import charts_section, draw_figures
from recordcheck.report.contents_pages import ContentsNumbering
from recordcheck.report.doc_builder import AuditDocument, day, percent, period, plural
from recordcheck.report.grades import LABEL
from recordcheck.report.guide import guide_for
from recordcheck.report.moderation import moderation_figures
from recordcheck.report.moderation_section import sampling_and_moderation
from recordcheck.report.partnership import partnership_section
from recordcheck.report.sanitise import clean_text
from recordcheck.report.styles import TEXT_WIDTH_CM, ensure_report_styles
from recordcheck.report.summary import AuditSummary, out_of, parse_timestamp
from recordcheck.report.word import (
    BAND_FILL,
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
    "This report sets out how the case notes measure against the recording standard. It was "
    "produced by recordcheck on the computer that holds the notes; no note was sent elsewhere. "
    "Its findings are prompts for professional review, not verdicts, and its grades are "
    "machine-assisted, not a judgement. It quotes case notes and contains personal data: store "
    "and share it as you would the case records."
)


def _sampled(report: Report) -> str:
    """Where a sample was drawn, the words that say so wherever case files are counted."""
    if report.sample is None:
        return ""
    return (
        f", a random sample of the {report.sample.of:,} in the export (seed "
        f"{report.sample.seed}; see How case files were chosen)"
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
    details = [
        ("Period covered", period(*summary.period)),
        (
            "Notes checked",
            f"{summary.overall.notes:,} in {plural(len(summary.cases), 'case file')}"
            + _sampled(report),
        ),
        ("Date of run", f"{day(run_at.date())}, {run_at:%H:%M}" if run_at else report.created),
        ("Grades", f"{LABEL[:1].upper()}{LABEL[1:]}; criteria in the executive summary"),
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
    doc.para(ABOUT, "Callout")
    doc.page_break()


def _key_figures(doc: AuditDocument) -> None:
    summary, report = doc.summary, doc.report
    overall = summary.overall
    figures = (
        (f"{overall.notes:,}", "notes checked"),
        (f"{len(summary.cases):,}", "case files"),
        (percent(overall.clean_share), "of notes had no finding"),
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
    doc.heading("Executive summary")
    doc.para(
        f"This audit checked {plural(overall.notes, 'note')} from "
        f"{plural(len(summary.cases), 'case file')}{_sampled(doc.report)}, written by "
        f"{plural(summary.authors, 'author')} "
        f"({period(*summary.period)}), against these parts of the recording standard: "
        + "; ".join(guide_for(check).title.lower() for check in summary.checks)
        + "."
    )
    _key_figures(doc)
    doc.para(summary.scheme.criteria(), "Callout")
    accuracy = accuracy_summary(accuracy_record(), summary.checks)
    if doc.report.moderation is not None:  # what the auditors found, beside what was measured
        decided = decided_summary(moderation_figures(doc.report, summary.checks))
        accuracy = " ".join(part for part in (accuracy, decided) if part)
    if accuracy:
        doc.lead("How often the tool is right:", accuracy)
    doc.para(f"Grades by check ({LABEL})", "Label")
    doc.table(
        ("Check", "Notes it applies to", "Notes with a finding", "Share", "High / medium / low",
         "Score", "Grade"),
        [
            (
                guide_for(check).title,
                f"{overall.applicable[check]:,}",
                f"{overall.notes_with[check]:,}",
                percent(overall.share_with(check)),
                audit_sections.severity_split(check, doc.report.results),
                percent(summary.check_score(check, overall)),
                shown_grade(summary, check),
            )
            for check in summary.checks
        ],
        (3.9, 1.9, 1.9, 1.4, 2.2, 1.4, 3.9),
    )
    if any(finds_under_half(check) for check in summary.checks):
        doc.para(
            f"\u201c{AT_BEST.capitalize()}\u201d: the check finds fewer than "
            "half the shortfalls there are, so its grade counts only what it found; the notes "
            "may deserve a lower one.",
            "Small Print",
        )
    _headline(doc)
    audit_sections.summary_actions_and_strengths(doc)
    _grades_by_case(doc)


def _grades_by_case(doc: AuditDocument) -> None:
    summary = doc.summary
    doc.heading("Grades by case file", 2)
    worst_first = summary.worst_first()
    listed = worst_first[:CASES_IN_SUMMARY]
    grades = [summary.grade(tally) for tally in worst_first]
    counts = ", ".join(
        f"{plural(grades.count(name), 'case file')} {name}"
        for name in summary.scheme.names
        if grades.count(name)
    )
    doc.para(
        f"{counts or 'No case files'} ({LABEL}). "
        + (
            "Case files are listed lowest score first."
            if len(listed) == len(worst_first)
            else f"The {len(listed)} lowest-scoring case files are listed; every case file's "
            "grade is in the Case files section and in findings.xlsx."
        )
    )
    doc.table(
        ("Case file", "Notes", "Dates", "Notes with no finding", "Score", "Grade"),
        [
            (
                tally.name,
                f"{tally.notes:,}",
                period(tally.first, tally.last),
                f"{tally.clean_notes:,}",
                percent(summary.score(tally)),
                summary.grade(tally),
            )
            for tally in listed
        ],
        # a period ("12 May 2025 to 24 Jun 2025") on one line
        (2.8, 1.5, 5.1, 2.2, 1.4, 3.6),
    )


def _headline(doc: AuditDocument) -> None:
    """One sentence each on the most common gap and the best-met check."""
    overall, checks = doc.summary.overall, doc.summary.checks
    if not overall.notes or not checks:
        return
    applied = [check for check in checks if overall.applicable[check]]
    if not applied:
        return
    commonest = max(applied, key=overall.share_with)
    if overall.notes_with[commonest]:
        doc.lead(
            "Most common gap:",
            f"{guide_for(commonest).title.lower()}, in {percent(overall.share_with(commonest))} "
            f"of {out_of(commonest, overall)}.",
        )
    # few findings from a check that finds under half the shortfalls show nothing met
    trusted = [check for check in applied if not finds_under_half(check)]
    best = min(trusted, key=overall.share_with) if trusted else None
    if best is not None and (best != commonest or not overall.notes_with[best]):
        doc.lead(
            "Best-met check:",
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


# The report's sections after the title page and contents, in order. Another module's
# section is added here with one line: a function taking the AuditDocument.
SECTIONS: list[Callable[[AuditDocument], object]] = [
    _executive_summary,
    charts_section,
    audit_sections.findings_by_check,
    case_files.case_files,
    partnership_section,
    audit_sections.by_team,
    audit_sections.data_problems,
    sampling_and_moderation,
    method.method_and_limitations,
    method.run_details,
]


class WordReportUnderWay:
    """The report written but for its figures' pixels and its contents' page numbers:
    LibreOffice lays the report out with the figures' blank stand-ins, in the background,
    while the workbooks are written and then the figures drawn (report/audit.py)."""

    def __init__(self, doc: AuditDocument, note: Paragraph):
        self._doc, self._note = doc, note
        self._numbering = ContentsNumbering(doc.document, note)

    def finish(self) -> WordDocument:
        """The document with its figures drawn and, where LibreOffice could, its contents
        numbered."""
        if not draw_figures(self._doc):  # a figure came out another size: lay out again
            self._numbering.close()
            self._numbering = ContentsNumbering(self._doc.document, self._note)
        return self._numbering.finish()

    def close(self) -> None:
        self._numbering.close()


def start_audit_document(
    report: Report,
    summary: AuditSummary,
    *,
    template: Path | None = None,
    organisation: str = "",
    service: str = "",
) -> WordReportUnderWay:
    """The report written, its figures and contents' page numbers being worked out:
    ``finish()`` returns the document with them."""
    document = open_template(Path(template) if template else bundled_template())
    clear_body(document)
    ensure_report_styles(document)
    doc = AuditDocument(document, report, summary)
    _title_page(doc, organisation, service)
    doc.para("Contents", "Label")
    contents = doc.para()
    note = doc.para(
        "Page numbers appear when Word updates the contents (it offers to when the report is "
        "opened; or right-click the contents and choose Update Field).",
        "Small Print",
    )
    for section in SECTIONS:
        section(doc)
    add_contents(contents, doc.headings, doc.ids)
    update_fields_on_open(document)
    document.core_properties.title = "Case recording audit"
    document.core_properties.subject = clean_text(" ".join((organisation, service)).strip())
    return WordReportUnderWay(doc, note)
