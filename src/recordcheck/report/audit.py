"""The audit pack: one table of writers, each turning a Report into one file.

No spaCy here: a saved report.json is enough to rebuild every file
(`recordcheck render`). Adding an output is adding a row to WRITERS.

Moderation is applied here, once: every writer is given the report without the
findings auditors dismissed, and the summary made from it, except those in
EVERY_FINDING, which keep each finding beside its decision.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from recordcheck.model import Report
from recordcheck.report.accuracy_statement import shown_grade
from recordcheck.report.atomic import atomic_output, move_into_place, staging_folder
from recordcheck.report.audit_docx import TemplateError, open_template, start_audit_document
from recordcheck.report.chronology import write_chronology
from recordcheck.report.findings_book import write_findings_workbook
from recordcheck.report.moderation import agreement, moderated, moderation_json
from recordcheck.report.partner_register import write_partner_register
from recordcheck.report.summary import AuditSummary, summarise

AUDIT_REPORT = "audit-report.docx"
PARTNER_REGISTER = "partner-register.xlsx"
FINDINGS = "findings.xlsx"
CHRONOLOGY = "chronology.xlsx"
REPORT_JSON = "report.json"

__all__ = ["TemplateError", "check_template", "read_report", "write_audit"]


@dataclass(frozen=True)
class PackOptions:
    """What the Word report's title page and styles come from."""

    template: Path | None = None
    organisation: str = ""
    service: str = ""


@dataclass(frozen=True)
class Unfinished:
    """A file a writer left being worked on in the background: ``finish`` completes it once
    the other writers have written theirs, ``abandon`` stops the work (a no-op once finished)."""

    finish: Callable[[], object]
    abandon: Callable[[], object]


def _word_report(
    report: Report, path: Path, summary: AuditSummary, options: PackOptions
) -> Unfinished:
    # LibreOffice numbers the contents in the background while the workbooks are written
    numbering = start_audit_document(
        report,
        summary,
        template=options.template,
        organisation=options.organisation,
        service=options.service,
    )

    def finish() -> None:
        document = numbering.finish()
        with atomic_output(path) as stream:
            document.save(stream)

    return Unfinished(finish, numbering.close)


def _report_json(report: Report, path: Path, summary: AuditSummary, options: PackOptions) -> None:
    # Saved beside the pack so any output can be rebuilt without re-running the checks:
    # "results" keep every finding, dismissed ones too, and "decisions" the auditors'
    # decisions. The figures the other outputs show ("checks", after moderation, and
    # "moderation") are added for readers of the JSON; reading it back uses only the
    # report itself.
    figures = {
        "checks": {
            check: {
                "applicable_notes": summary.overall.applicable[check],
                "notes_with_finding": summary.overall.notes_with[check],
                "findings": summary.overall.findings[check],
                "rate": round(summary.overall.share_with(check), 4),
                "score": round(summary.check_score(check, summary.overall), 4),
                "grade": shown_grade(summary, check),
            }
            for check in summary.checks
        },
        "moderation": moderation_json(report, summary.checks),
    }
    if (second := agreement(report)).n:
        figures["agreement"] = second.to_dict()
    with atomic_output(path, "w") as stream:
        json.dump(report.to_dict() | figures, stream, ensure_ascii=False, indent=2)


# A writer writes its file, or returns it Unfinished (its slow part overlaps the others)
Writer = Callable[[Report, Path, AuditSummary, PackOptions], object]

# file name -> the writer that makes it, in the order they are written
WRITERS: dict[str, Writer] = {
    AUDIT_REPORT: _word_report,
    PARTNER_REGISTER: lambda report, path, summary, options: write_partner_register(report, path),
    FINDINGS: lambda report, path, summary, options: write_findings_workbook(
        report, path, summary
    ),
    CHRONOLOGY: lambda report, path, summary, options: write_chronology(report, path),
    REPORT_JSON: _report_json,
}
# given the report with dismissed findings still in it: the auditors' workbook shows
# every finding with its decision, and report.json keeps them so `render` can rebuild
EVERY_FINDING = frozenset({FINDINGS, REPORT_JSON})


def write_audit(
    report: Report,
    out_dir: Path,
    *,
    template: Path | None = None,
    organisation: str = "",
    service: str = "",
    outputs: tuple[str, ...] = tuple(WRITERS),
    written: Callable[[Path], object] | None = None,
) -> list[Path]:
    """Write the pack's files (all of WRITERS unless ``outputs`` names fewer).

    The files are built in a staging folder beside ``out_dir`` and moved into
    place together at the end, so an interrupted run (Ctrl-C, a full disk, a
    crash) leaves the previous pack whole instead of a new report beside old
    workbooks. Other files in ``out_dir`` are never touched. Returns the paths
    written, in order, and tells ``written`` of each as it lands. Findings an
    auditor dismissed (``report.moderation``) leave every figure. Raises
    TemplateError (one line, naming the file) when ``template`` is missing or
    is not a Word document.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    decided = moderated(report)
    summary = summarise(decided)
    options = PackOptions(template=template, organisation=organisation, service=service)
    with staging_folder(out_dir) as staging:
        unfinished: list[Unfinished] = []
        try:
            for name in outputs:
                given = report if name in EVERY_FINDING else decided
                written_or_not = WRITERS[name](given, staging / name, summary, options)
                if isinstance(written_or_not, Unfinished):
                    unfinished.append(written_or_not)
            for item in unfinished:
                item.finish()
        finally:
            for item in unfinished:  # a writer failed or Ctrl-C: stop what is still running
                item.abandon()
        paths = move_into_place(staging, out_dir, outputs)
    for path in paths:
        if written is not None:
            written(path)
    return paths


def read_report(path: Path) -> Report:
    """A Report saved by `audit` (report.json), ready for the writers."""
    with open(path, encoding="utf-8") as handle:
        return Report.from_dict(json.load(handle))


def check_template(template: Path) -> None:
    """Raise TemplateError now if ``template`` cannot be used, before a long run starts."""
    open_template(Path(template))
