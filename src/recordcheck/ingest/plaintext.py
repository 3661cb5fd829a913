"""Plain-text and Markdown case-note reports (.txt, .md).

The accepted shape is described in entries.py: entries that each begin with
a date line. The file's encoding is detected as for CSV. A .txt file with a
tab-separated header row near the top is Excel's "Text (Tab delimited)" or
"Unicode Text" export, and is read as a table instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from recordcheck.ingest.delimited import has_header_row, read_delimited
from recordcheck.ingest.encoding import REPLACED_PROBLEM, NotTextError, open_lines
from recordcheck.ingest.entries import notes_from_lines
from recordcheck.ingest.rows import SourceContext
from recordcheck.model import Note, Unreadable


def read_plain_text(context: SourceContext) -> Iterator[Note | Unreadable]:
    try:
        lines = open_lines(context.path)
    except NotTextError as error:
        yield context.unreadable(str(error))
        return
    if has_header_row(lines, context, "\t"):
        yield from read_delimited(context)
        return

    def replaced_problem() -> tuple[str, ...]:
        return (REPLACED_PROBLEM,) if lines.take_replaced() else ()

    yield from notes_from_lines(lines, context, replaced_problem)
