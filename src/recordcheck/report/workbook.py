"""Excel sheets the way an auditor expects them: frozen header, filters, real dates.

Workbooks are written in openpyxl's streaming mode so a run of 100,000 notes
does not hold every cell in memory. Text from notes is always stored as text
(never a formula), with Excel's own quote prefix when it starts like one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from recordcheck.report.atomic import atomic_output
from recordcheck.report.sanitise import EXCEL_CELL_LIMIT, clean_text, looks_like_formula
from recordcheck.report.summary import parse_date, parse_time

DATE_FORMAT = "dd/mm/yyyy"
LINE_HEIGHT = 15  # points: one line of Excel's default 11pt font
MAX_LINES = 12  # beyond this a row is cut off; the full text is in the cell
TIME_FORMAT = "hh:mm"
# Print set-up (see _print_setup): cells are Excel's default 11 pt; a sheet's columns
# must be narrow enough that fitting them to the page keeps MIN_PRINTED_POINTS.
A4_PAPER = 9  # Excel's paper size code
A4_LANDSCAPE_WIDTH_INCHES = 297 / 25.4
SIDE_MARGIN_INCHES = 0.3
CELL_POINTS = 11
MIN_PRINTED_POINTS = 7.5
# named, so LibreOffice does not fall back to a serif font for headers
_HEADER_FONT = Font(name="Calibri", bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F3864")
_TITLE_FONT = Font(name="Calibri", bold=True, size=13, color="1F3864")
_TOP = Alignment(vertical="top")
_WRAP = Alignment(vertical="top", wrap_text=True)
_HEADER_ALIGN = Alignment(vertical="center", wrap_text=True)


@dataclass(frozen=True)
class Column:
    header: str
    width: float = 14
    kind: str = "text"  # text, date, time, number, percent, yesno
    wrap: bool = False


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def save_workbook(workbook: Workbook, path: Path) -> Path:
    with atomic_output(path) as stream:
        workbook.save(stream)
    return path


class _CellStyles:
    """The style of each kind of cell on a sheet, looked up in its workbook once.

    openpyxl hashes the alignment and format objects on every assignment, which
    was a third of the time of writing a cell; a cell of a kind already seen
    gets a copy of the first one's style indices instead.
    """

    def __init__(self) -> None:
        self._styles: dict[tuple[bool, str, bool], StyleArray] = {}

    def style(self, cell: WriteOnlyCell, *, wrap: bool, number_format: str, quote: bool) -> None:
        key = (wrap, number_format, quote)
        if key in self._styles:
            cell._style = copy(self._styles[key])
            return
        cell.number_format = number_format
        cell.quotePrefix = quote
        cell.alignment = _WRAP if wrap else _TOP
        self._styles[key] = copy(cell._style)


def text_cell(
    sheet, value: object, *, wrap: bool = False, styles: _CellStyles | None = None
) -> WriteOnlyCell:
    """A cell that Excel shows as the text given, whatever it starts with."""
    text = clean_text(value)[:EXCEL_CELL_LIMIT]
    cell = WriteOnlyCell(sheet, value=text or None)
    if text:
        # openpyxl would store "=..." as a formula; a note's words must stay words
        cell.data_type = "s"
    quote = bool(text) and looks_like_formula(text)
    (styles or _CellStyles()).style(cell, wrap=wrap, number_format="General", quote=quote)
    return cell


def _cell(sheet, column: Column, value: object, styles: _CellStyles) -> WriteOnlyCell:
    if column.kind == "text":
        return text_cell(sheet, value, wrap=column.wrap, styles=styles)
    if column.kind == "yesno":
        return text_cell(sheet, {True: "Yes", False: "No"}.get(value, ""), styles=styles)
    if column.kind == "date":
        value = value if isinstance(value, date) else parse_date(value)
    elif column.kind == "time":
        value = value if isinstance(value, time) else parse_time(value)
    cell = WriteOnlyCell(sheet, value=value)
    number_format = {
        "date": DATE_FORMAT,
        "time": TIME_FORMAT,
        "percent": "0%",
    }.get(column.kind, "General")
    styles.style(cell, wrap=False, number_format=number_format, quote=False)
    return cell


def _row_cells(
    sheet, columns: Sequence[Column], values: Sequence[object], styles: _CellStyles
) -> list:
    return [
        _cell(sheet, column, value, styles)
        for column, value in zip(columns, values, strict=True)
    ]


def _header_cells(sheet, columns: Sequence[Column]) -> list[WriteOnlyCell]:
    cells = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN
        cells.append(cell)
    return cells


def _lines_needed(text: str, width: float) -> int:
    # a column's width counts "0" characters, about what a line of ordinary text holds
    per_line = max(int(width), 1)
    return sum(_wrapped_lines(line, per_line) for line in text.split("\n"))


def _wrapped_lines(line: str, per_line: int) -> int:
    """Lines one paragraph takes when wrapped at word boundaries, as Excel does.

    Counting characters alone undercounts short phrases in narrow columns: "We
    contacted them" is 17 characters, two lines of 10 by count, but three wrapped.
    """
    if len(line) <= per_line:
        return 1
    lines, used = 1, 0
    for word in line.split():
        if used and used + 1 + len(word) > per_line:
            lines, used = lines + 1, 0
        if used:
            used += 1 + len(word)
        else:  # a word longer than a line is broken across lines
            broken = (len(word) - 1) // per_line
            lines, used = lines + broken, len(word) - broken * per_line
    return lines


def _fit_height(sheet, row_number: int, cells: Sequence[tuple[float, object]]) -> None:
    """Give a row room for its wrapped text.

    LibreOffice (and Excel, for rows it has not measured) shows rows of a
    streamed sheet at one line's height, so wrapped text would be hidden.
    """
    lines = max(
        (_lines_needed(text, width) for width, text in cells if isinstance(text, str)),
        default=1,
    )
    if lines > 1:
        sheet.row_dimensions[row_number].height = min(lines, MAX_LINES) * LINE_HEIGHT


def _fit_header(sheet, row_number: int, widths: Sequence[float], columns: Sequence[Column]):
    # headers are bold, so fewer characters fit on a line
    _fit_height(
        sheet, row_number, [(w * 0.8, c.header) for w, c in zip(widths, columns, strict=False)]
    )


def _set_widths(sheet, widths: Iterable[float]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def print_scale(widths: Iterable[float]) -> float:
    """How far a sheet of these column widths shrinks to print one A4 landscape page wide.

    A column ``width`` characters wide is 7 * width + 5 pixels at 96 pixels to the
    inch (Excel's rule for its default 11 pt font); 1.0 means it prints full size.
    """
    pixels = sum(7 * width + 5 for width in widths)
    printable_inches = A4_LANDSCAPE_WIDTH_INCHES - 2 * SIDE_MARGIN_INCHES
    return min(1.0, printable_inches * 96 / pixels) if pixels else 1.0


def _print_setup(sheet, *, header_row: bool) -> None:
    """The one print set-up of every workbook in the pack: A4 landscape, one page wide
    (column widths are kept so the text prints at MIN_PRINTED_POINTS or larger), the
    header row repeated on every page, grid lines printed, narrow side margins."""
    sheet.page_setup.paperSize = A4_PAPER
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    sheet.page_margins.left = sheet.page_margins.right = SIDE_MARGIN_INCHES
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    if header_row:
        sheet.freeze_panes = "A2"
        sheet.print_title_rows = "1:1"


def add_list_sheet(
    workbook: Workbook,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[object]],
    *,
    choices: dict[str, Sequence[str]] | None = None,
) -> int:
    """Write one table as a sheet and return its number of data rows.

    ``choices`` maps a column header to the values its drop-down offers.
    """
    sheet = workbook.create_sheet(title)
    _set_widths(sheet, (column.width for column in columns))
    _print_setup(sheet, header_row=True)
    _fit_header(sheet, 1, [column.width for column in columns], columns)
    sheet.append(_header_cells(sheet, columns))
    count, styles = 0, _CellStyles()
    for row in rows:
        cells = _row_cells(sheet, columns, row, styles)
        wrapped = [(c.width, cell.value) for c, cell in zip(columns, cells, strict=True) if c.wrap]
        _fit_height(sheet, count + 2, wrapped)
        sheet.append(cells)
        count += 1
    last_column = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last_column}{count + 1}"
    for header, values in (choices or {}).items():
        letter = get_column_letter([column.header for column in columns].index(header) + 1)
        _add_drop_down(sheet, f"{letter}2:{letter}{max(count + 1, 2)}", values)
    return count


def _add_drop_down(sheet, cells: str, values: Sequence[str]) -> None:
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(values) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Choose from the list",
        error="Choose one of: " + ", ".join(values),
    )
    validation.add(cells)
    sheet.data_validations.append(validation)


@dataclass(frozen=True)
class Block:
    """A small titled table on a sheet that holds several of them."""

    title: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[object]]


def add_blocks_sheet(workbook: Workbook, title: str, blocks: Sequence[Block]) -> None:
    """Stack small tables one under another, each with a title and its own header."""
    sheet = workbook.create_sheet(title)
    widest = max((len(block.columns) for block in blocks), default=0)
    widths = [
        max(block.columns[i].width for block in blocks if i < len(block.columns))
        for i in range(widest)
    ]
    _set_widths(sheet, widths)
    _print_setup(sheet, header_row=False)
    row_number, styles = 0, _CellStyles()
    for block in blocks:
        heading = WriteOnlyCell(sheet, value=block.title)
        heading.font = _TITLE_FONT
        sheet.append([heading])
        row_number += 2
        _fit_header(sheet, row_number, widths, block.columns)
        sheet.append(_header_cells(sheet, block.columns))
        for row in block.rows:
            row_number += 1
            wrapped = [(width, value) for width, column, value
                       in zip(widths, block.columns, row, strict=False) if column.wrap]
            _fit_height(sheet, row_number, wrapped)
            sheet.append(_row_cells(sheet, block.columns, row, styles))
        sheet.append([])
        row_number += 1
