"""Write the four audit outputs from a Report: no spaCy, so a saved JSON report is enough."""

from __future__ import annotations

from pathlib import Path

from recordcheck.model import Report
from recordcheck.report.atomic import atomic_output
from recordcheck.report.audit_docx import TemplateError, build_audit_document, open_template
from recordcheck.report.chronology import write_chronology
from recordcheck.report.findings_book import write_findings_workbook
from recordcheck.report.partner_register import write_partner_register
from recordcheck.report.summary import summarise

AUDIT_REPORT = "audit-report.docx"
PARTNER_REGISTER = "partner-register.xlsx"
FINDINGS = "findings.xlsx"
CHRONOLOGY = "chronology.xlsx"

__all__ = ["TemplateError", "check_template", "write_audit"]


def write_audit(
    report: Report,
    out_dir: Path,
    *,
    template: Path | None = None,
    organisation: str = "",
    service: str = "",
) -> list[Path]:
    """Write the audit report, partner register, findings workbook and chronology.

    Returns the paths written, in that order. Raises TemplateError (one line,
    naming the file) when ``template`` is missing or is not a Word document.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = summarise(report)
    document = build_audit_document(
        report, summary, template=template, organisation=organisation, service=service
    )
    with atomic_output(out_dir / AUDIT_REPORT) as stream:
        document.save(stream)
    return [
        out_dir / AUDIT_REPORT,
        write_partner_register(report, out_dir / PARTNER_REGISTER),
        write_findings_workbook(report, out_dir / FINDINGS, summary),
        write_chronology(report, out_dir / CHRONOLOGY),
    ]


def check_template(template: Path) -> None:
    """Raise TemplateError now if ``template`` cannot be used, before a long run starts."""
    open_template(Path(template))
