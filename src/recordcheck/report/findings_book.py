"""findings.xlsx: every finding on one sheet for auditors to accept or dismiss, plus totals.

The findings list keeps each note's author: a moderator needs to know whose
note it is. The summaries are by check, case file and team only; per-worker
figures belong to the supervision handout, not the inspection pack.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from recordcheck.model import Report
from recordcheck.report.grades import LABEL
from recordcheck.report.guide import guide_for
from recordcheck.report.summary import AuditSummary, author_label, case_label, summarise
from recordcheck.report.workbook import (
    Block,
    Column,
    add_blocks_sheet,
    add_list_sheet,
    new_workbook,
    save_workbook,
)

DECISIONS = ("accept", "dismiss")
FINDING_COLUMNS = (
    Column("Case", 14),
    Column("Note ID", 14),
    Column("Date", 12, "date"),
    Column("Author", 18),
    Column("Check", 26),
    Column("Severity", 10),
    Column("Flagged words", 40, wrap=True),
    Column("Message", 45, wrap=True),
    Column("Suggestion", 45, wrap=True),
    Column("Cue", 16),
    Column("Auditor decision", 16),
    Column("Auditor comment", 30, wrap=True),
)


def _finding_rows(report: Report) -> Iterator[tuple]:
    for result in report.results:
        note = result.note
        for finding in result.findings:
            yield (
                case_label(result),
                note.note_id,
                note.date,
                author_label(result),
                guide_for(finding.check).title,
                finding.severity.value,
                finding.text,
                finding.message,
                finding.suggestion or "",
                finding.cue or "",
                "",
                "",
            )


def _summary_blocks(summary: AuditSummary) -> list[Block]:
    titles = [guide_for(check).title for check in summary.checks]
    by_check = Block(
        "Findings by check",
        (
            Column("Check", 30),
            Column("Findings", 12, "number"),
            Column("Notes it applies to", 14, "number"),
            Column("Notes with a finding", 14, "number"),
            Column("Share of the notes it applies to", 14, "percent"),
            Column("Score", 10, "percent"),
            Column(f"Grade ({LABEL})", 24),
        ),
        [
            (
                guide_for(check).title,
                summary.overall.findings[check],
                summary.overall.applicable[check],
                summary.overall.notes_with[check],
                summary.overall.share_with(check),
                summary.check_score(check, summary.overall),
                summary.check_grade(check, summary.overall),
            )
            for check in summary.checks
        ],
    )

    def per_group(title: str, label: str, tallies) -> Block:
        columns = (
            Column(label, 30),
            Column("Notes checked", 12, "number"),
            Column("Notes with no finding", 14, "number"),
            Column("Score", 10, "percent"),
            Column(f"Grade ({LABEL})", 24),
            *(Column(name, 14, "number") for name in titles),
        )
        rows = [
            (
                tally.name,
                tally.notes,
                tally.clean_notes,
                summary.score(tally),
                summary.grade(tally),
                *(tally.findings[check] for check in summary.checks),
            )
            for tally in tallies
        ]
        return Block(title, columns, rows)

    blocks = [by_check, per_group("Findings by case file", "Case", summary.cases)]
    if summary.teams:
        blocks.append(per_group("Findings by team", "Team", summary.teams))
    # the same words as the Word report, so a grade is never read without its criteria
    blocks.append(
        Block("How grades are worked out", (Column("Criteria", 30, wrap=True),),
              [(summary.scheme.criteria(),)])
    )
    return blocks


def write_findings_workbook(
    report: Report, path: Path, summary: AuditSummary | None = None
) -> Path:
    workbook = new_workbook()
    add_list_sheet(
        workbook,
        "Findings",
        FINDING_COLUMNS,
        _finding_rows(report),
        choices={"Auditor decision": DECISIONS},
    )
    add_blocks_sheet(workbook, "Summary", _summary_blocks(summary or summarise(report)))
    return save_workbook(workbook, path)
