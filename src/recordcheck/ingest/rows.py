"""Turn one row of cells (from CSV, XLSX, a Word table or JSON) into a Note.

All tabular readers share this, so every format fills Note the same way:
text kept exactly as read (only NULs removed), a missing note id derived
from the file stem and row, and a date that does not parse, or characters
lost before the export reached us, kept as problems on the note instead of
dropping it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from recordcheck.ingest.dates import (
    DateOrders,
    DateTime,
    from_python_value,
    order_problem,
    parse_date,
    parse_time,
)
from recordcheck.ingest.headers import ColumnPlan, HeaderProblem, find_header, is_blank_row
from recordcheck.ingest.lost_characters import lost_character_problems
from recordcheck.ingest.mapping import Mapping
from recordcheck.model import Note, Unreadable

TableItem = tuple[int, list[Any]] | Unreadable
_SHOWN_VALUE_CHARS = 60


@dataclass(frozen=True)
class SourceContext:
    """What every row of one file shares."""

    path: Path
    mapping: Mapping = field(default_factory=Mapping)
    default_case_id: str | None = None  # from the document, when it names one
    # what the file's numeric dates say about their order, counted as rows are read
    dates: DateOrders = field(default_factory=DateOrders, compare=False, repr=False)

    @property
    def source(self) -> str:
        return str(self.path)

    def unreadable(self, reason: str, row: int | None = None) -> Unreadable:
        return Unreadable(self.source, row, reason)

    @property
    def required(self) -> tuple[str, ...]:
        return ("text",) if self.default_case_id else ("text", "case_id")


def notes_from_table(
    items: Iterable[TableItem],
    context: SourceContext,
    row_problems: Callable[[list[Any], ColumnPlan], tuple[str, ...]] = lambda cells, plan: (),
) -> Iterator[Note | Unreadable]:
    """Find the header, then yield a Note or Unreadable for every non-blank row.

    row_problems is asked, right after each row is read, for problems the
    reader saw in it (e.g. characters that had to be replaced).
    """
    pending: list[Unreadable] = []
    rows = _set_aside_unreadables(iter(items), pending)
    found = find_header(rows, context.mapping.columns, context.required)
    yield from _drain(pending)
    if found is None:
        yield context.unreadable("the file has no rows")
        return
    if isinstance(found, HeaderProblem):
        yield context.unreadable(found.reason)
        return
    plan, rest = found
    emitted = 0
    for number, cells in rest:
        problems = row_problems(cells, plan)
        emitted += len(pending)
        yield from _drain(pending)
        if is_blank_row(cells):
            continue
        yield note_from_values(plan.pick(cells), number, context, problems)
        emitted += 1
    emitted += len(pending)
    yield from _drain(pending)
    if not emitted:
        yield context.unreadable("the file has column headers but no notes below them")


def note_from_values(
    values: dict[str, Any], row: int, context: SourceContext, problems: tuple[str, ...] = ()
) -> Note | Unreadable:
    """Build the Note for one row, or say why it cannot be one."""
    raw_text = values.get("text")
    text = raw_text.replace("\x00", "") if isinstance(raw_text, str) else _as_text(raw_text)
    if not text.strip():
        return context.unreadable("; ".join(("the note text is empty", *problems)), row)
    case_id = _as_text(values.get("case_id")).strip() or (context.default_case_id or "")
    if not case_id:
        return context.unreadable("the case id is empty", row)
    date, time, date_problems = _date_and_time(values, context, row)
    problems += date_problems
    return Note(
        note_id=_as_text(values.get("note_id")).strip() or derived_note_id(context.path, row),
        case_id=case_id,
        text=text,
        date=date,
        time=time,
        author=_as_text(values.get("author")).strip(),
        author_role=_as_text(values.get("author_role")).strip(),
        team=_as_text(values.get("team")).strip(),
        note_type=_as_text(values.get("note_type")).strip(),
        source=context.source,
        row=row,
        problems=problems + lost_character_problems(text, problems),
    )


def derived_note_id(path: Path, row: int) -> str:
    """A stable id for a note its export gave none: same file and row, same id."""
    return f"{path.stem}-{row}"


def _quoted(value: Any) -> str:
    """A cell value for a problem message, shortened so it never carries a whole note."""
    text = _as_text(value).strip()
    if len(text) > _SHOWN_VALUE_CHARS:
        text = text[: _SHOWN_VALUE_CHARS - 1] + "…"
    return f"'{text}'"


def _set_aside_unreadables(
    items: Iterator[TableItem], sink: list[Unreadable]
) -> Iterator[tuple[int, list[Any]]]:
    """Pass rows through; set reader errors aside so they are yielded in order."""
    for item in items:
        if isinstance(item, Unreadable):
            sink.append(item)
        else:
            yield item


def _drain(pending: list[Unreadable]) -> list[Unreadable]:
    taken = pending[:]
    pending.clear()
    return taken


def _date_and_time(
    values: dict[str, Any], context: SourceContext, row: int
) -> tuple[str | None, str | None, tuple[str, ...]]:
    """The ISO date and HH:MM time of a row; a time column beats a time in the date."""
    when, date_problems = _date_cell(values.get("date"), context.mapping)
    context.dates.saw(when, row)
    time, time_problems = _time_cell(values.get("time"))
    date = when.date if when else None
    return date, time or (when.time if when else None), date_problems + time_problems


def _date_cell(raw: Any, mapping: Mapping) -> tuple[DateTime | None, tuple[str, ...]]:
    if isinstance(raw, dt.date):  # a real Excel date or datetime cell
        parsed = from_python_value(raw)
        return (parsed if isinstance(parsed, DateTime) else None), ()
    if not _as_text(raw).strip():
        return None, ()
    parsed = parse_date(_as_text(raw), day_first=mapping.day_first, date_format=mapping.date_format)
    if parsed is None:
        return None, (f"date not understood: {_quoted(raw)}",)
    return parsed, order_problem(parsed, mapping.day_first, f"date {_quoted(raw)}")


def _time_cell(raw: Any) -> tuple[str | None, tuple[str, ...]]:
    if isinstance(raw, dt.time | dt.datetime):
        parsed = from_python_value(raw)
        return (parsed if isinstance(parsed, str) else parsed.time), ()
    if isinstance(raw, float) and 0 <= raw < 1:  # an Excel time stored as a day fraction
        minutes = round(raw * 24 * 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}", ()
    if not _as_text(raw).strip():
        return None, ()
    parsed = parse_time(_as_text(raw))
    return (parsed, ()) if parsed else (None, (f"time not understood: {_quoted(raw)}",))


def _as_text(value: Any) -> str:
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)
