"""Excel workbooks (.xlsx, .xlsm): the first sheet, or the one named by
sheet= or the mapping file. The header row may sit below title rows.

The workbook is streamed (read_only) and formulas are never evaluated: the
value Excel cached when the file was last saved is read (data_only). Real
Excel date and time cells are used as they are. Row numbers are the ones
Excel shows.
"""

from __future__ import annotations

from collections.abc import Iterator

from openpyxl import load_workbook

from recordcheck.ingest.rows import SourceContext, TableItem, notes_from_table
from recordcheck.ingest.safety import check_office_container
from recordcheck.model import Note, Unreadable


def read_workbook(context: SourceContext, sheet: str | None) -> Iterator[Note | Unreadable]:
    check_office_container(context.path, ".xlsx")
    workbook = load_workbook(context.path, read_only=True, data_only=True)
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            yield context.unreadable(no_such_sheet(sheet, workbook.sheetnames))
            return
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        yield from notes_from_table(_rows(worksheet), context)
    finally:
        workbook.close()


def no_such_sheet(sheet: str, names: list[str]) -> str:
    """Why a sheet asked for cannot be read, naming the sheets there are."""
    listed = ", ".join(f"'{name}'" for name in names)
    return f"there is no sheet named '{sheet}'; sheets: {listed}"


def _rows(worksheet) -> Iterator[TableItem]:
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        yield number, list(values)
