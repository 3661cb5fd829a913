"""Recognise which column holds which field, whatever the export calls it.

Headers are compared ignoring case, spaces and punctuation ("Case Note ID",
"case_note_id" and "CASE NOTE-ID" are the same). A mapping file's names win
over the built-in aliases. The header row may sit below title rows: the
first of the top rows that names every required field is taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

FIELDS = (
    "note_id", "case_id", "date", "time", "author", "author_role", "team", "note_type", "text"
)

# Normalised header names; earlier aliases win when an export has several
# (a Case ID beats a Person ID).
ALIASES: dict[str, tuple[str, ...]] = {
    field: tuple(names.split())
    for field, names in {
        "note_id": "noteid casenoteid entryid recordid noteref notereference",
        "case_id": "caseid caseref casereference casenumber caseno clientid personid "
        "serviceuserid customerid",
        "date": "date eventdate contactdate notedate dateofcontact entrydate recordeddate "
        "datetime eventdatetime contactdatetime",
        "time": "time eventtime contacttime notetime",
        "author": "author recordedby worker createdby writtenby practitioner staff",
        # the author's job and team tell their own service from the partners they contact
        "author_role": "authorrole role jobtitle workerrole designation stafftitle",
        "team": "team authorteam workerteam service serviceteam department unit",
        "note_type": "notetype contacttype eventtype type category",
        "text": "text note notes narrative details casenote description notetext body content",
    }.items()
}
HEADER_SCAN_ROWS = 20
_SHOWN_HEADER_CHARS = 40
_SHOWN_HEADERS = 30


def normalise_header(name: Any) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name if name is not None else "").lower())


@dataclass(frozen=True)
class ColumnPlan:
    """Where each recognised field sits in a row."""

    positions: dict[str, int]
    width: int  # number of header cells, to spot ragged rows

    def pick(self, cells: Sequence[Any]) -> dict[str, Any]:
        return {name: cells[i] for name, i in self.positions.items() if i < len(cells)}


@dataclass(frozen=True)
class HeaderProblem:
    """No usable header row: what is missing and what was there instead."""

    missing: tuple[str, ...]
    found: tuple[str, ...]

    @property
    def reason(self) -> str:
        shown = [_shorten(h) for h in self.found if h][:_SHOWN_HEADERS]
        found = ", ".join(f"'{h}'" for h in shown) if shown else "none"
        return (
            f"missing column(s): {', '.join(self.missing)}; headers found: {found}; "
            "name your export's columns in a mapping file (--mapping FILE, see the README)"
        )


def plan_columns(
    header: Sequence[Any], mapped: dict[str, str], required: Iterable[str]
) -> ColumnPlan | HeaderProblem:
    """Match one header row against the mapping and the aliases."""
    index: dict[str, int] = {}
    for position, name in enumerate(header):
        index.setdefault(normalise_header(name), position)
    positions: dict[str, int] = {}
    missing: list[str] = []
    for field in FIELDS:
        if field in mapped:
            position = index.get(normalise_header(mapped[field]))
        else:
            position = next((index[a] for a in ALIASES[field] if a in index), None)
        if position is not None:
            positions[field] = position
        elif field in required or field in mapped:
            missing.append(f"{field} (mapped to '{mapped[field]}')" if field in mapped else field)
    if missing:
        return HeaderProblem(tuple(missing), tuple(str(h or "").strip() for h in header))
    return ColumnPlan(positions, len(header))


def find_header(
    rows: Iterator[tuple[int, list[Any]]], mapped: dict[str, str], required: Iterable[str]
) -> tuple[ColumnPlan, Iterator[tuple[int, list[Any]]]] | HeaderProblem | None:
    """Find the header among the top rows; return it and the rows after it.

    None means the rows held nothing at all.
    """
    required = tuple(required)
    first_problem: HeaderProblem | None = None
    for scanned, (_, cells) in enumerate(rows):
        if is_blank_row(cells):
            continue
        plan = plan_columns(cells, mapped, required)
        if isinstance(plan, ColumnPlan):
            return plan, rows
        first_problem = first_problem or plan
        if scanned >= HEADER_SCAN_ROWS:
            break
    return first_problem


def is_blank_row(cells: Sequence[Any]) -> bool:
    return not any(_has_value(cell) for cell in cells)


def _has_value(cell: Any) -> bool:
    return cell is not None and str(cell).strip() != ""


def _shorten(text: str) -> str:
    return text if len(text) <= _SHOWN_HEADER_CHARS else text[: _SHOWN_HEADER_CHARS - 1] + "…"
