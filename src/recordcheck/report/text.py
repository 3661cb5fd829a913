"""A plain-text report a supervisor can read in a terminal or a text editor.

Findings are grouped by case file and note, the flagged words are quoted and
the suggested rewrite follows; a summary line closes the report. The run
account printed at the end of every run is formatted here too.
"""

from __future__ import annotations

import os
import re
import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from recordcheck.model import (
    FileNotice,
    Finding,
    Note,
    NoteResult,
    Report,
    SourceFile,
    Unreadable,
)
from recordcheck.report.guide import guide_for

if TYPE_CHECKING:
    from recordcheck.account import ProblemNote, RunAccount

LONGEST_QUOTE = 160  # characters; whole sentences are flagged for some checks
WRAP_AT = 96  # messages and suggestions, so they read well in a terminal or Notepad
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def render_text(report: Report) -> str:
    """The whole report as text, ending with a newline."""
    lines: list[str] = []
    for case_id, results in _by_case(report.results).items():
        lines.extend(_case_lines(case_id, results))
        lines.append("")
    if report.unreadable:
        lines.append("Not read:")
        lines.extend(f"  {line}" for line in unreadable_lines(report.unreadable))
        lines.append("")
    if report.notices:
        lines.append("Check these files:")
        lines.extend(f"  {line}" for line in notice_lines(report.notices))
        lines.append("")
    problem_notes = [result.note for result in report.results if result.note.problems]
    if problem_notes:
        lines.append("Data problems in notes that were read (check them in the source system):")
        lines.extend(f"  {line}" for line in data_problem_lines(problem_notes))
        lines.append("")
    if report.duplicate_note_ids:
        lines.append(_duplicates_line(report.duplicate_note_ids))
        lines.append("")
    lines.append(summary_line(report.results, len(report.unreadable)))
    return "\n".join(lines) + "\n"


def summary_line(results: Sequence[NoteResult], rows_not_read: int = 0) -> str:
    """One sentence: notes and case files checked, findings per check, what was not read."""
    findings = [finding for result in results for finding in result.findings]
    cases = {result.note.case_id for result in results}
    clean = sum(1 for result in results if not result.findings)
    per_check = Counter(finding.check for finding in findings)
    line = (
        f"Checked {_count(len(results), 'note')} in {_count(len(cases), 'case file')}: "
        f"{_count(len(findings), 'finding')}"
    )
    if per_check:
        line += " (" + ", ".join(f"{n} {check}" for check, n in sorted(per_check.items())) + ")"
    line += f"; {_count(clean, 'note')} with no findings."
    if rows_not_read:
        line += f" {_count(rows_not_read, 'row')} could not be read."
    return line


def unreadable_lines(unreadable: Iterable[Unreadable]) -> list[str]:
    """Where each unread row is and why, one line each."""
    return [f"{_where(item.source, item.row)}: {item.reason}" for item in unreadable]


def notice_lines(notices: Iterable[FileNotice]) -> list[str]:
    """A doubt about a whole file that was read, one line each."""
    return [f"{_where(notice.source, None)}: {notice.message}" for notice in notices]


def data_problem_lines(notes: Iterable[Note | ProblemNote]) -> list[str]:
    """Where each note with data problems is, and its problems, one line each (no text)."""
    return [
        _printable(f"{_where(note.source, note.row)} (note {note.note_id}): "
                   + "; ".join(note.problems))
        for note in notes
    ]


def _where(source: str, row: int | None) -> str:
    where = Path(source).name or "(unknown file)"
    return where if row is None else f"{where} row {row}"


def format_account(account: RunAccount, files: Sequence[SourceFile]) -> str:
    """The account every run ends with: files, notes read and checked, rows not read."""
    unread_files = {os.path.normpath(item.source) for item in account.whole_files_unread}
    files_read = [f for f in files if os.path.normpath(f.path) not in unread_files]
    lines = [
        f"Files read: {len(files_read)} of {len(files)}",
        f"Notes read: {account.notes_read}",
        f"Notes checked: {account.notes_checked}",
        f"Rows not read: {len(account.unreadable)}",
    ]
    if account.notes_not_sampled:
        lines.insert(3, f"Notes left out by sampling: {account.notes_not_sampled} "
                        "(their case files were not drawn; they were read, not checked)")
    lines.extend(f"  {line}" for line in unreadable_lines(account.unreadable))
    if account.notices:
        lines.append("Check these files:")
        lines.extend(f"  {line}" for line in notice_lines(account.notices))
    if account.notes_with_problems:
        lines.append(f"Notes with data problems: {account.notes_with_problems}")
        lines.extend(f"  {line}" for line in data_problem_lines(account.problem_notes))
        if (more := account.notes_with_problems - len(account.problem_notes)) > 0:
            lines.append(f"  and {_count(more, 'more note')}; the report lists every one")
    if account.duplicate_note_ids:
        lines.append(_duplicates_line(account.duplicate_note_ids))
    return "\n".join(lines)


def _by_case(results: Iterable[NoteResult]) -> dict[str, list[NoteResult]]:
    cases: dict[str, list[NoteResult]] = {}
    for result in results:
        cases.setdefault(result.note.case_id, []).append(result)
    return cases


def _case_lines(case_id: str, results: list[NoteResult]) -> list[str]:
    flagged = [result for result in results if result.findings]
    # notes typed or pasted (check -, --text) belong to no case file
    case = f"Case {case_id}" if case_id else "No case given"
    heading = _printable(f"{case}: {_count(len(results), 'note')}")
    if not flagged:
        return [heading + ", no findings."]
    heading += f", {len(flagged)} with findings"
    lines = [heading, "=" * len(heading)]
    for result in flagged:
        lines.append(f"  {_note_heading(result)}")
        for finding in sorted(result.findings, key=lambda f: (f.start, f.end, f.check)):
            lines.extend(f"    {line}" for line in _finding_lines(finding))
    return lines


def _note_heading(result: NoteResult) -> str:
    note = result.note
    parts = [f"Note {note.note_id}", _readable_date(note.date), note.note_type, note.author]
    return _printable(" | ".join(part for part in parts if part))


def _finding_lines(finding: Finding) -> list[str]:
    title = guide_for(finding.check).text_title
    lines = [f'- {title} ({finding.severity.value}): "{_quote(finding.text)}"']
    lines.extend(_wrapped(finding.message))
    if finding.suggestion:
        lines.extend(_wrapped(f"Suggestion: {finding.suggestion}"))
    return lines


def _wrapped(sentence: str) -> list[str]:
    return textwrap.wrap(
        _printable(sentence), WRAP_AT, initial_indent="  ", subsequent_indent="  "
    )


def _quote(text: str) -> str:
    flat = _printable(re.sub(r"\s+", " ", text).strip())
    if len(flat) <= LONGEST_QUOTE:
        return flat
    return flat[: LONGEST_QUOTE - 1].rstrip() + "…"


def _printable(text: str) -> str:
    """Drop control characters, so a hostile note cannot send escape codes to a terminal."""
    return _CONTROL_CHARACTERS.sub("", text)


def _readable_date(iso_date: str | None) -> str:
    if not iso_date:
        return "no date"
    try:
        return date.fromisoformat(iso_date).strftime("%d %b %Y")
    except ValueError:
        return iso_date


def _duplicates_line(note_ids: Sequence[str]) -> str:
    return "Note ids used more than once (each note kept): " + ", ".join(note_ids)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
