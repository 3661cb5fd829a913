"""findings.xlsx: every finding on one sheet for auditors to accept or dismiss, plus totals.

The findings list keeps each note's author: a moderator needs to know whose
note it is. The summaries are by check, case file and team only; per-worker
figures belong to the supervision handout, not the inspection pack.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from recordcheck.model import DECISIONS, Decision, Report
from recordcheck.report.accuracy_statement import shown_grade
from recordcheck.report.excerpts import quote_around, sentence_spans, shorten
from recordcheck.report.grades import LABEL
from recordcheck.report.guide import guide_for
from recordcheck.report.moderation import decisions_by_id, identified, moderation_figures
from recordcheck.report.summary import AuditSummary, author_label, case_label, summarise
from recordcheck.report.workbook import (
    Block,
    Column,
    add_blocks_sheet,
    add_list_sheet,
    new_workbook,
    save_workbook,
)

# The headers `--decisions` reads back (report/decisions_book.py finds columns by them).
FINDING_ID = "Finding ID"
DECISION = "Decision"
REASON = "Reason"
AUDITOR = "Auditor"
DATE_DECIDED = "Date decided"
SECOND_DECISION = "Second auditor's decision"
CONTEXT_WORDS = 160  # characters of the sentence kept each side of the flagged words
NEIGHBOUR_WORDS = 120  # characters kept of the sentence before and the one after
# Narrow enough to print one A4 landscape page wide at a readable size (workbook.py):
# long text wraps, and names wrap rather than being cut off.
FINDING_COLUMNS = (
    Column(FINDING_ID, 12.5),
    Column("Case", 9, wrap=True),
    Column("Note ID", 9, wrap=True),
    Column("Date", 10.5, "date"),
    Column("Time", 6, "time"),
    Column("Note type", 9, wrap=True),
    Column("Author", 14, wrap=True),
    Column("Check", 11, wrap=True),
    Column("Severity", 8),
    Column("Flagged words \u00abin\u00bb context", 28, wrap=True),
    Column("Message", 18, wrap=True),
    Column("Suggested rewrite", 22, wrap=True),
    Column(DECISION, 9),
    Column(REASON, 12, wrap=True),
    Column(AUDITOR, 10, wrap=True),
    Column(DATE_DECIDED, 10.5, "date"),
    Column(SECOND_DECISION, 9),
)


def in_context(text: str, start: int, end: int) -> str:
    """The flagged words marked \u00ablike this\u00bb in their sentence, with the sentences
    either side (shortened), so an auditor can judge them without opening the record."""
    quote = quote_around(text, start, end, context=CONTEXT_WORDS)
    spans = sentence_spans(text)
    before = [s for s in spans if s[1] <= start and not s[0] <= start < s[1]]
    after = [s for s in spans if s[0] >= end]
    earlier = shorten(text[slice(*before[-1])], NEIGHBOUR_WORDS, from_left=True) if before else ""
    later = shorten(text[slice(*after[0])], NEIGHBOUR_WORDS) if after else ""
    flagged = f"{quote.before}\u00ab{quote.flagged}\u00bb{quote.after}"
    return " ".join(part for part in (earlier, flagged, later) if part)


def _finding_rows(report: Report) -> Iterator[tuple]:
    decisions = decisions_by_id(report)
    for fid, result, finding in identified(report):
        note = result.note
        decided = decisions.get(fid, Decision(fid))
        yield (
            fid,
            case_label(result),
            note.note_id,
            note.date,
            note.time,
            note.note_type,
            author_label(result),
            guide_for(finding.check).title,
            finding.severity.value,
            in_context(note.text, finding.start, finding.end),
            finding.message,
            finding.suggestion or "",
            decided.decision,
            decided.reason,
            decided.auditor,
            decided.decided,
            decided.second,
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
                shown_grade(summary, check),
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
            *(Column(f"{name}: findings", 14, "number") for name in titles),
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
    # the same words as the Word report, so a grade is never read without its criteria;
    # a sentence a row, as one cell of them all is taller than a row can show
    sentences = re.split(r"(?<=\.) (?=[A-Z])", summary.scheme.criteria())
    blocks.append(
        Block("How grades are worked out", (Column("Criteria", 30, wrap=True),),
              [(sentence,) for sentence in sentences])
    )
    return blocks


def _moderation_block(report: Report, summary: AuditSummary) -> Block:
    figures = moderation_figures(report, summary.checks)
    return Block(
        "Auditors' decisions (findings dismissed are left out of the figures above)",
        (
            Column("Check", 30),
            Column("Accepted", 12, "number"),
            Column("Dismissed", 14, "number"),
            Column("Not yet decided or unsure", 14, "number"),
            Column("Precision (accepted of decided)", 14, "percent"),
        ),
        [
            (
                guide_for(check).title,
                counts.accepted,
                counts.dismissed,
                counts.undecided,
                counts.precision,
            )
            for check, counts in figures.items()
        ],
    )


def write_findings_workbook(
    report: Report, path: Path, summary: AuditSummary | None = None
) -> Path:
    """Every finding of ``report`` (dismissed ones too, with their decisions), and
    totals from ``summary`` (the moderated figures when the pack is written)."""
    summary = summary or summarise(report)
    workbook = new_workbook()
    add_list_sheet(
        workbook,
        "Findings",
        FINDING_COLUMNS,
        _finding_rows(report),
        choices={DECISION: DECISIONS, SECOND_DECISION: DECISIONS},
    )
    blocks = _summary_blocks(summary)
    if report.moderation is not None:
        blocks.append(_moderation_block(report, summary))
    add_blocks_sheet(workbook, "Summary", blocks)
    return save_workbook(workbook, path)
