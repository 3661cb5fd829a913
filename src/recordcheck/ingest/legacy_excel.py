"""Excel 97-2003 workbooks (.xls), read with xlrd 2.x.

Read as .xlsx is (spreadsheet.py): the first sheet, or the one named by
sheet= or the mapping file; title rows above the header skipped; real Excel
dates and times used as they are; row numbers the ones Excel shows. xlrd
reads the value Excel saved for a formula and never evaluates anything.

Before xlrd sees a file, safety.py checks that it is an OLE2 compound file
(what Excel 97-2003 writes) of at most 100 MB, as xlrd reads the whole
workbook into memory. A password-protected workbook is refused with the
reason, and no message from xlrd is passed on (its errors can quote the
file's bytes). xlrd's warnings, printed to standard output by default, are
discarded so they never mix with a report written there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import xlrd

from recordcheck.ingest.rows import SourceContext, TableItem, notes_from_table
from recordcheck.ingest.safety import UnsafeFileError, check_legacy_workbook
from recordcheck.ingest.spreadsheet import no_such_sheet
from recordcheck.model import Note, Unreadable

_ENCRYPTED = "Workbook is encrypted"
_NO_WORKBOOK = "Can't find workbook"


class _Discard:
    """A log file that keeps nothing."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def read_legacy_workbook(context: SourceContext, sheet: str | None) -> Iterator[Note | Unreadable]:
    check_legacy_workbook(context.path)
    book = _open(context)
    try:
        names = book.sheet_names()
        if sheet is not None and sheet not in names:
            yield context.unreadable(no_such_sheet(sheet, names))
            return
        worksheet = _sheet(book, names.index(sheet) if sheet is not None else 0)
        yield from notes_from_table(_rows(worksheet, book.datemode), context)
    finally:
        book.release_resources()


def _open(context: SourceContext):
    try:
        return xlrd.open_workbook(
            str(context.path), on_demand=True, ragged_rows=True, logfile=_Discard()
        )
    except xlrd.XLRDError as error:
        if _ENCRYPTED in str(error):
            raise UnsafeFileError(
                "the workbook is password-protected; save it without a password"
            ) from None
        if _NO_WORKBOOK in str(error):
            raise UnsafeFileError(
                "the file holds no Excel workbook: it is password-protected (an encrypted "
                "Excel file) or another Office file named .xls; save it as .xlsx without "
                "a password"
            ) from None
        raise _damaged() from None
    except Exception:  # noqa: BLE001 - xlrd fails on broken files in many ways
        raise _damaged() from None


def _sheet(book, index: int):
    try:
        return book.sheet_by_index(index)
    except Exception:  # noqa: BLE001
        raise _damaged() from None


def _damaged() -> UnsafeFileError:
    return UnsafeFileError("the .xls file is damaged or incomplete")


def _rows(worksheet, datemode: int) -> Iterator[TableItem]:
    for index in range(worksheet.nrows):
        yield index + 1, [_value(cell, datemode) for cell in worksheet.row(index)]


def _value(cell, datemode: int) -> Any:
    """A cell as openpyxl would give it: None, text, a number, a date, a time or a bool."""
    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_DATE:
        try:
            moment = xlrd.xldate.xldate_as_datetime(value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return value
        return moment.time() if 0 <= value < 1 else moment
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#ERROR")
    return value

