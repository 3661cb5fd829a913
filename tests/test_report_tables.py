"""Tables in the Word report keep every row when laid out for print."""

from __future__ import annotations

from docx import Document

from recordcheck.report.audit_docx import bundled_template
from recordcheck.report.word import add_table, style_ids


def test_a_tables_header_row_keeps_with_its_first_row():
    # LibreOffice 7.4 printed a case table's header alone at the foot of a page and
    # dropped every row below it; a header kept with the next row moves with the table
    document = Document(str(bundled_template()))
    table = add_table(
        document, ("Row", "Text"), [("1", "one"), ("2", "two")], (4.0, 12.0), style_ids(document)
    )
    header, first = table.rows[0], table.rows[1]
    assert all(cell.paragraphs[0].paragraph_format.keep_with_next for cell in header.cells)
    assert not any(cell.paragraphs[0].paragraph_format.keep_with_next for cell in first.cells)
