"""CSV and TSV exports: comma, semicolon or tab separated, RFC 4180 quoting.

The canonical header is note_id,case_id,date,time,author,note_type,text, but
any header the aliases or a mapping file recognise works, with title rows
above it. Rows are streamed, so a file of a million rows uses little memory.
Row numbers are what a spreadsheet shows: the header is row 1.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from recordcheck.ingest.encoding import REPLACED_PROBLEM, DecodedLines, NotTextError, open_lines
from recordcheck.ingest.headers import ColumnPlan, plan_columns
from recordcheck.ingest.rows import SourceContext, TableItem, notes_from_table
from recordcheck.model import Note, Unreadable

_DELIMITERS = ",;\t"
_SNIFF_LINES = 50
# Python's default (128 KB) is too small for a long note; this still stops a
# file with an unclosed quote from swallowing unbounded memory.
_FIELD_LIMIT = 64 * 1024 * 1024


def read_delimited(context: SourceContext) -> Iterator[Note | Unreadable]:
    try:
        lines = open_lines(context.path)
    except NotTextError as error:
        yield context.unreadable(str(error))
        return
    delimiter = "\t" if context.path.suffix.lower() == ".tsv" else _sniff_delimiter(lines, context)

    def row_problems(cells: list[str], plan: ColumnPlan) -> tuple[str, ...]:
        replaced = (REPLACED_PROBLEM,) if lines.take_replaced() else ()
        return replaced + _shape_problems(cells, plan)

    yield from notes_from_table(_records(lines, delimiter, context), context, row_problems)


def _records(lines: DecodedLines, delimiter: str, context: SourceContext) -> Iterator[TableItem]:
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    reader = csv.reader(iter(lines), delimiter=delimiter, strict=True)
    record = 0
    while True:
        record += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "unexpected end of data" in str(error):
                yield context.unreadable(
                    f"a quoted cell opened in row {record} is never closed, so rows {record} "
                    "to the end of the file could not be read; check the quote marks",
                    record,
                )
                return
            yield context.unreadable(f"the row could not be read as CSV: {_plain(error)}", record)
            continue
        yield record, cells


_CSV_ERRORS = {
    "expected after": 'a quote mark inside a cell is not doubled ("") or the cell is not quoted',
    "field larger than field limit": "a cell is larger than 64 MB (is a quote mark not closed?)",
    "new-line character": "a cell has a line break but is not in quotes",
}


def _plain(error: csv.Error) -> str:
    """csv's messages speak to programmers; say the same to an auditor."""
    message = str(error)
    return next((plain for key, plain in _CSV_ERRORS.items() if key in message), message)


def _shape_problems(cells: list[str], plan: ColumnPlan) -> tuple[str, ...]:
    if any(cell.strip() for cell in cells[plan.width :]):
        # most often a delimiter inside an unquoted note, which cut the note short
        return (
            f"the row has {len(cells)} cells but the header has {plan.width} "
            "(is there an unquoted separator in the text?); the extra cells were ignored",
        )
    if len(cells) < plan.width:
        return (f"the row has {len(cells)} cells but the header has {plan.width}",)
    return ()


def _sniff_delimiter(lines: DecodedLines, context: SourceContext) -> str:
    """The delimiter that splits a top line into a recognised header, else
    csv.Sniffer's guess, else the one most frequent on the first line."""
    sample_lines = lines.first_lines(_SNIFF_LINES)
    for line in sample_lines:
        for delimiter in _DELIMITERS:
            if _splits_into_header(line, delimiter, context):
                return delimiter
    first = next((line for line in sample_lines if line.strip()), "")
    try:
        sniffed = csv.Sniffer().sniff("".join(sample_lines), delimiters=_DELIMITERS).delimiter
    except csv.Error:
        sniffed = None
    return sniffed if sniffed and sniffed in first else max(_DELIMITERS, key=first.count)


def has_header_row(lines: DecodedLines, context: SourceContext, delimiter: str) -> bool:
    """True when one of the top lines, split on delimiter, is a recognised header."""
    return any(
        _splits_into_header(line, delimiter, context) for line in lines.first_lines(_SNIFF_LINES)
    )


def _splits_into_header(line: str, delimiter: str, context: SourceContext) -> bool:
    if delimiter not in line:
        return False
    cells = next(csv.reader([line], delimiter=delimiter), [])
    return isinstance(plan_columns(cells, context.mapping.columns, context.required), ColumnPlan)
