"""Reading auditors' decisions back from an earlier findings.xlsx (`--decisions`).

Columns are found by their headers, so an auditor may reorder or add columns;
a row is found again by its Finding ID. Every problem is reported naming the
file (and the rows), before any notes are checked.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from recordcheck.model import DECISIONS, Decision
from recordcheck.report.findings_book import (
    AUDITOR,
    DATE_DECIDED,
    DECISION,
    FINDING_ID,
    REASON,
    SECOND_DECISION,
)

SHEET = "Findings"
ROWS_NAMED = 3  # rows named in a message about bad values; the rest are counted
_FIELDS = {  # header -> Decision field
    DECISION: "decision",
    REASON: "reason",
    AUDITOR: "auditor",
    DATE_DECIDED: "decided",
    SECOND_DECISION: "second",
}
_AGAIN = "give the findings.xlsx an earlier `recordcheck audit` wrote"


class DecisionsError(ValueError):
    """The decisions file cannot be used; the message names the file and the problem."""


def read_decisions(path: Path) -> list[Decision]:
    """Every row of ``path``'s Findings sheet that records a decision, reason, auditor,
    date or second decision. Raises DecisionsError."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    if not path.is_file():
        raise DecisionsError(f"{path}: decisions file not found")
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise DecisionsError(
            f"{path}: not an Excel workbook (.xlsx) that can be read; {_AGAIN}"
        ) from None
    try:
        if SHEET not in book.sheetnames:
            raise DecisionsError(f"{path}: has no '{SHEET}' sheet; {_AGAIN}")
        return _decisions(path, book[SHEET].iter_rows(values_only=True))
    finally:
        book.close()


def _decisions(path: Path, rows: Iterator[tuple]) -> list[Decision]:
    header = [str(cell).strip() if cell is not None else "" for cell in next(rows, ())]
    for needed in (FINDING_ID, DECISION):
        if needed not in header:
            raise DecisionsError(f"{path}: the {SHEET} sheet has no '{needed}' column; {_AGAIN}")
    where = {name: header.index(name) for name in (FINDING_ID, *_FIELDS) if name in header}
    found: dict[str, tuple[int, Decision]] = {}
    problems: list[str] = []
    for number, row in enumerate(rows, start=2):
        fid = _text(_at(row, where[FINDING_ID]))
        values = {field: _at(row, where[h]) if h in where else None for h, field in _FIELDS.items()}
        if not fid or not any(_text(value) for value in values.values()):
            continue
        decision, row_problems = _decision(fid, values)
        problems += [f"row {number}: {problem}" for problem in row_problems]
        if fid in found and found[fid][1] != decision:
            problems.append(
                f"rows {found[fid][0]} and {number}: Finding ID {fid} is decided differently"
            )
        found.setdefault(fid, (number, decision))
    if problems:
        raise DecisionsError(f"{path}: " + _listed(problems))
    return [decision for _number, decision in found.values()]


def _decision(fid: str, values: dict[str, object]) -> tuple[Decision, list[str]]:
    problems = []
    choices = {}
    for field in ("decision", "second"):
        choices[field] = _text(values[field]).lower()
        if choices[field] and choices[field] not in DECISIONS:
            problems.append(f"'{values[field]}' is not one of {', '.join(DECISIONS)}")
    decided = _iso_date(values["decided"])
    if decided is None:
        problems.append(f"date decided '{values['decided']}' is not a date")
    decision = Decision(
        fid,
        decision=choices["decision"],
        reason=_text(values["reason"]),
        auditor=_text(values["auditor"]),
        decided=decided or "",
        second=choices["second"],
    )
    return decision, problems


def _at(row: tuple, index: int) -> object:
    return row[index] if index < len(row) else None


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _iso_date(value: object) -> str | None:
    """The ISO date of a cell: "" when empty, None when it holds something else."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = _text(value)
    if not text:
        return ""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"):
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def _listed(problems: Iterable[str]) -> str:
    problems = list(problems)
    shown = "; ".join(problems[:ROWS_NAMED])
    more = len(problems) - ROWS_NAMED
    return shown + (f"; and {more} more" if more > 0 else "")
