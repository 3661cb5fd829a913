"""The audit report's Case files section: each case file's grade, strengths, actions for
its case holder, and its notes with findings, with the words each finding quotes.

The tables identify notes by ID, date and time, never by author: the findings
workbook keeps the author for moderators.
"""

from __future__ import annotations

from collections.abc import Sequence

from recordcheck.model import NoteResult
from recordcheck.report.accuracy_statement import accuracy_record, finding_under_half
from recordcheck.report.actions import actions_for
from recordcheck.report.audit_sections import write_actions
from recordcheck.report.doc_builder import AuditDocument, day, percent, period, plural
from recordcheck.report.excerpts import closed_end, shorten
from recordcheck.report.grades import LABEL
from recordcheck.report.guide import guide_for
from recordcheck.report.strengths import met_on_most
from recordcheck.report.summary import (
    AuditSummary,
    Tally,
    grouped_by_case,
    in_date_order,
    parse_date,
    parse_time,
)
from recordcheck.report.word import grade_ink

QUOTED = 70  # characters of a finding's words quoted in a case table


def _done_well_caution(checks) -> str:
    """What "done well" rests on, where a check misses most shortfalls."""
    low = finding_under_half(accuracy_record(), checks)
    return (
        f" What a case file does well is where the tool found no shortfall; for {low} it finds "
        "fewer than half of them (How accurate the checks are), so confirm a strength in the "
        "notes before citing it."
        if low
        else ""
    )


def case_files(doc: AuditDocument) -> None:
    summary = doc.summary
    doc.heading("Case files")
    doc.para(
        f"Case files are grouped by grade ({LABEL}), lowest score first. Each lists what its "
        "notes do well, actions for the case holder, and the notes with findings, oldest first, "
        "with the words each finding quotes and its severity; notes with no finding are counted "
        "but not listed."
        + _done_well_caution(summary.checks)
    )
    by_case = grouped_by_case(in_date_order(doc.report.results))
    worst_first = summary.worst_first()
    for name in reversed(summary.scheme.names):  # where a reader should look first
        group = [tally for tally in worst_first if summary.grade(tally) == name]
        if group:
            doc.heading(f"{name}: {plural(len(group), 'case file')}", 2)
        for tally in group:
            _case_file(doc, tally, by_case[tally.name])


def _case_file(doc: AuditDocument, tally: Tally, results: list[NoteResult]) -> None:
    summary = doc.summary
    doc.heading(f"Case file {tally.name}", 3)
    grade = summary.grade(tally)
    rating = doc.lead(
        f"{grade}.",
        f"Score {percent(summary.score(tally))}: {tally.clean_notes:,} of "
        f"{plural(tally.notes, 'note')} had no finding. Notes dated "
        f"{period(tally.first, tally.last)}.",
    )
    rating.runs[0].font.color.rgb = grade_ink(summary.scheme.names.index(grade), summary.scheme)
    strengths = _strengths(summary, tally, results)
    if strengths:
        doc.lead("Done well:", "; ".join(strengths) + ".")
    actions = [a for check in summary.checks for a in actions_for(check, results, "case")]
    write_actions(doc, actions)
    flagged = [result for result in results if result.findings]
    if flagged:
        doc.table(
            ("Date", "Time", "Note ID", "Note type", "Recording points"),
            [
                (
                    day(parse_date(r.note.date)),
                    _time(r),
                    r.note.note_id,
                    r.note.note_type,
                    recording_points(r),
                )
                for r in flagged
            ],
            (2.5, 1.4, 2.3, 2.8, 7.6),
        )


def _strengths(
    summary: AuditSummary, tally: Tally, results: Sequence[NoteResult]
) -> list[str]:
    """The checks the case file meets on most notes and grades well on."""
    named = []
    for check in summary.checks:
        found = met_on_most(check, results)
        if found is not None and summary.graded_well(check, tally):
            met, applicable = found
            named.append(
                f"{guide_for(check).strength} ({len(met)} of {plural(applicable, 'note')})"
            )
    return named


def _time(result: NoteResult) -> str:
    at = parse_time(result.note.time)
    return f"{at:%H:%M}" if at else ""


def recording_points(result: NoteResult) -> str:
    """The note's findings by check, each quoting its words (shortened at a word or
    bracket, never dropped) with its severity."""
    text = result.note.text
    grouped: dict[str, list[str]] = {}
    for finding in result.findings:
        end = closed_end(text, finding.start, finding.end)
        words = shorten(text[finding.start : end] or finding.text, QUOTED)
        grouped.setdefault(guide_for(finding.check).title, []).append(
            f"\u201c{words}\u201d ({finding.severity.value})"
        )
    return "\n".join(
        f"{title}: {', '.join(dict.fromkeys(quotes))}" for title, quotes in grouped.items()
    )
