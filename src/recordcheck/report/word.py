"""Small python-docx building blocks: fields, shaded tables, highlighted quotations.

python-docx covers paragraphs and runs; fields, cell shading and repeating
header rows need a little raw WordprocessingML, kept here in one place.
All text passes through ``clean_text`` so no control character reaches the XML.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from recordcheck.report.excerpts import Quote
from recordcheck.report.sanitise import clean_text

HEADER_FILL = "1F3864"
BAND_FILL = "F2F4F8"
# a grade's ink: the best green, the worst red, any between amber
BEST_INK, MIDDLE_INK, WORST_INK = (
    RGBColor(0x1E, 0x6B, 0x34),
    RGBColor(0x9C, 0x5B, 0x00),
    RGBColor(0xB0, 0x00, 0x20),
)
TABLE_STYLE = "Table Grid"
TABLE_TEXT = "Table Text"


def grade_ink(position: int, scheme) -> RGBColor:
    """The colour a grade's name is written in, by its place in the scheme (best first)."""
    if position == 0:
        return BEST_INK
    return WORST_INK if position == len(scheme.names) - 1 else MIDDLE_INK


def _field_char(paragraph: Paragraph, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(element)


def _field_start(paragraph: Paragraph, instruction: str) -> None:
    _field_char(paragraph, "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    _field_char(paragraph, "separate")


def add_field(paragraph: Paragraph, instruction: str, cached: str = "") -> None:
    """Insert a Word field (PAGE, NUMPAGES ...) showing ``cached`` until Word updates it."""
    _field_start(paragraph, instruction)
    paragraph.add_run(cached)
    _field_char(paragraph, "end")


def add_contents(
    placeholder: Paragraph, headings: Sequence[tuple[int, str]], ids: dict[str, str]
) -> None:
    """Put a table of contents (Heading 1 and 2) where ``placeholder`` is.

    The field is pre-filled with the headings so it reads well before Word
    refreshes it and adds page numbers.
    """
    entries = []
    for level, text in headings:
        if level <= 2:
            entry = placeholder.insert_paragraph_before(clean_text(text))
            use_style(entry, ids[f"toc {level}"])
            entries.append(entry)
    first = entries[0] if entries else placeholder
    opening = first.runs[0]._r if first.runs else None
    _field_start(first, 'TOC \\o "1-2" \\h \\z \\u')
    if opening is not None:
        # the field must open before the first entry's text, not after it
        first._p.append(opening)
    _field_char(placeholder, "end")


def shade(cell: _Cell, fill: str) -> None:
    """Fill a cell with a background colour, replacing any it had."""
    properties = cell._tc.get_or_add_tcPr()
    shading = properties.find(qn("w:shd"))
    if shading is None:
        shading = OxmlElement("w:shd")
        properties.insert_element_before(
            shading, "w:noWrap", "w:tcMar", "w:textDirection", "w:vAlign"
        )
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)


def use_style(paragraph: Paragraph, style_id: str) -> None:
    """Apply a paragraph style by id: python-docx's lookup by name scans every style,
    which dominates the time of a report with thousands of table cells."""
    paragraph._p.get_or_add_pPr().style = style_id


def write_cell(
    cell: _Cell, text: object, style_id: str, *, bold: bool = False, white=False
) -> None:
    paragraph = cell.paragraphs[0]
    use_style(paragraph, style_id)
    run = paragraph.add_run(clean_text(text))
    run.bold = bold or None
    if white:
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def _flag_row(row, *tags: str) -> None:
    """Set row properties such as w:cantSplit (keep a row on one page)."""
    properties = row._tr.get_or_add_trPr()
    for tag in tags:
        properties.append(OxmlElement(tag))


def style_ids(document: Document) -> dict[str, str]:
    """Style name -> id, looked up once per document (see ``use_style``)."""
    return {style.name: style.style_id for style in document.styles}


def add_table(
    document: Document,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths_cm: Sequence[float],
    ids: dict[str, str],
) -> Table:
    """A table with a dark header row that repeats on every page and banded rows.

    Body rows are copies of two styled prototype rows (plain and banded) with
    their text filled in, and a table of a shape already built in this document
    is a copy of it: building cells through python-docx takes milliseconds,
    which a report with thousands of tables and rows cannot afford.
    """
    shapes = _table_shapes(document)
    key = (tuple(headers), tuple(widths_cm))
    if key not in shapes:
        shapes[key] = _empty_table(document, headers, widths_cm, ids)
    empty, prototypes = shapes[key]
    element = copy.deepcopy(empty)
    append_to_body(document, element)
    for number, values in enumerate(rows):
        row = copy.deepcopy(prototypes[number % 2])
        for run, value in zip(row.iter(qn("w:r")), values, strict=True):
            _fill_run(run, clean_text(value))
        element.append(row)
    return Table(element, document._body)


def new_paragraph(document: Document, text: str = "") -> Paragraph:
    """A paragraph added at the end of the body (what ``document.add_paragraph`` does)."""
    paragraph = Paragraph(append_to_body(document, OxmlElement("w:p")), document._body)
    if text:
        paragraph.add_run(text)
    return paragraph


def append_to_body(document: Document, element):
    """Add ``element`` at the end of the body, before the closing section properties.

    python-docx finds those by scanning every element of the body on each addition, so a
    report of thousands of paragraphs and tables took time growing with the square of
    its length; they are the body's last element, reached directly.
    """
    body = document.element.body
    last = next(body.iterchildren(reversed=True), None)
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(element)
    else:
        body.append(element)
    return element


def _table_shapes(document: Document) -> dict:
    """The tables built so far in this document, by shape (headers, widths); kept on the
    document itself, as python-docx documents can be neither hashed nor weakly keyed."""
    if not hasattr(document, "_recordcheck_table_shapes"):
        document._recordcheck_table_shapes = {}
    return document._recordcheck_table_shapes


def _empty_table(document: Document, headers, widths_cm, ids) -> tuple:
    """A detached header-only table and its plain and banded prototype rows."""
    table = document.add_table(rows=1, cols=len(headers))
    table._tbl.tblPr.style = ids.get(TABLE_STYLE)  # a template may not define it
    text_style = ids[TABLE_TEXT]
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        write_cell(cell, header, text_style, bold=True, white=True)
        shade(cell, HEADER_FILL)
    _flag_row(table.rows[0], "w:tblHeader", "w:cantSplit")  # repeats on every page
    for cell in table.rows[0].cells:
        # the header never ends a page alone: LibreOffice then drops the rows below it
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    plain, banded = table.add_row(), table.add_row()
    for cell in (*plain.cells, *banded.cells):
        write_cell(cell, "", text_style)
    for row in (plain, banded):
        _flag_row(row, "w:cantSplit")
    for cell in banded.cells:
        shade(cell, BAND_FILL)
    set_widths(table, widths_cm)
    prototypes = (plain._tr, banded._tr)
    for prototype in prototypes:
        table._tbl.remove(prototype)
    table._tbl.getparent().remove(table._tbl)
    return table._tbl, prototypes


def _fill_run(run, text: str) -> None:
    """Put text into an empty run, turning line breaks into Word's own."""
    for number, line in enumerate(text.split("\n")):
        if number:
            run.append(OxmlElement("w:br"))
        piece = OxmlElement("w:t")
        piece.set(qn("xml:space"), "preserve")
        piece.text = line
        run.append(piece)


def set_widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Fix column widths; Word reads them from the cells, LibreOffice from the grid."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def add_quote(paragraph: Paragraph, quote: Quote) -> Paragraph:
    """Write the words around a finding, with the flagged words highlighted."""
    paragraph.add_run("\u201c" + clean_text(quote.before))
    flagged = paragraph.add_run(clean_text(quote.flagged))
    flagged.bold = True
    flagged.font.highlight_color = WD_COLOR_INDEX.YELLOW
    paragraph.add_run(clean_text(quote.after) + "\u201d")
    return paragraph


def clear_body(document: Document) -> None:
    """Remove the template's body text, keeping its page setup, headers and footers."""
    body = document.element.body
    for element in list(body):
        if element.tag != qn("w:sectPr"):
            body.remove(element)


# settings.xml has a fixed element order; these are the ones that may follow updateFields
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "w:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def update_fields_on_open(document: Document) -> None:
    """Ask Word to refresh the contents and page numbers when the report is opened."""
    settings = document.settings.element
    flag = settings.find(qn("w:updateFields"))
    if flag is None:
        flag = OxmlElement("w:updateFields")
        settings.insert_element_before(flag, *_AFTER_UPDATE_FIELDS)
    flag.set(qn("w:val"), "true")
