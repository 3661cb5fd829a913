"""Word "case notes reports" (.docx). Two shapes are accepted:

(a) A table whose header row names the columns, recognised like a CSV
    header (e.g. Date | Type | Recorded By | Note). Every such table in the
    body is read, in order; rows are numbered 1, 2, ... across the tables.
(b) Otherwise, paragraphs forming dated entries, as described in
    entries.py: a date line such as "14/03/2025 10:30 - Home Visit - J. Smith"
    or "14 March 2025", then the entry's paragraphs, joined with newlines
    (a line break inside a paragraph counts as a new line too). Paragraphs
    inside tables that are not tables of notes (layout frames) are read too,
    in reading order.

Case id: a table's case column when it has one; otherwise the nearest
"Case: 123", "Client ID: 123" or "Person ID: 123" line above the entry (for
tables, the first such line in the body or page header); otherwise the file
stem.

Text is read with tracked changes accepted (word_text.py): inserted words
are part of the note, deleted words and comments are not.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import docx
from docx.table import Table

from recordcheck.ingest.entries import case_id_of, notes_from_lines
from recordcheck.ingest.headers import find_header, is_blank_row
from recordcheck.ingest.rows import SourceContext, note_from_values
from recordcheck.ingest.safety import check_office_container
from recordcheck.ingest.word_text import block_texts, cell_text, is_deleted_row, tables
from recordcheck.model import Note, Unreadable


def read_document(context: SourceContext) -> Iterator[Note | Unreadable]:
    check_office_container(context.path, ".docx")
    document = docx.Document(str(context.path))
    texts = list(block_texts(document.element.body))
    header_texts = [
        text for section in document.sections for text in block_texts(section.header._element)
    ]
    named_case = next(filter(None, map(case_id_of, header_texts + texts)), None)
    context = replace(context, default_case_id=named_case or context.path.stem)
    read_a_table = False
    for item in _table_notes(document, context):
        read_a_table = True
        yield item
    if not read_a_table:
        lines = (line + "\n" for text in texts for line in text.split("\n"))
        yield from notes_from_lines(lines, context)


def _table_notes(document, context: SourceContext) -> Iterator[Note | Unreadable]:
    number = 0
    for element in tables(document.element.body):
        table = Table(element, document._body)
        rows = (
            (index, [cell_text(cell) for cell in row.cells])
            for index, row in enumerate(table.rows)
            if not is_deleted_row(row)
        )
        found = find_header(rows, context.mapping.columns, context.required)
        if not isinstance(found, tuple):
            continue  # a layout table, not a table of notes
        plan, rest = found
        for _, cells in rest:
            if is_blank_row(cells):
                continue
            number += 1
            yield note_from_values(plan.pick(cells), number, context)
