"""The text of a Word document as it reads with every tracked change accepted.

python-docx's ``paragraph.text`` reads only the runs sitting directly in a
paragraph or a hyperlink, so words typed with Track Changes on (inside
``w:ins``) and anything in a content control (``w:sdt``) are silently left
out of the note. Here a paragraph's text is every run in it, at any depth,
except:

- deleted text (``w:del``, whose runs hold ``w:delText``) and text moved
  away (``w:moveFrom``; its copy at ``w:moveTo`` is read);
- runs of paragraphs nested inside it (text boxes), as python-docx does.

Comments are not note text: their words live in a part of their own
(comments.xml), and the paragraph holds only markers with no text
(``w:commentRangeStart``, ``w:commentReference``), which read as nothing.
A paragraph whose mark was deleted (its text joined to the next paragraph
when the change is accepted) is read joined to the next. A table row
deleted with Track Changes (``w:trPr/w:del``) is not read.
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.oxml.ns import qn

_PARAGRAPH = qn("w:p")
_TABLE = qn("w:tbl")
_ROW = qn("w:tr")
_CELL = qn("w:tc")
_RUN = qn("w:r")
_REMOVED = frozenset({qn("w:del"), qn("w:moveFrom")})
# Block-level wrappers whose content is part of the document's flow.
_WRAPPERS = {qn("w:sdt"): qn("w:sdtContent"), qn("w:customXml"): None}
_DELETED_MARK = f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}"
_DELETED_ROW = f"{qn('w:trPr')}/{qn('w:del')}"


def paragraph_text(paragraph) -> str:
    """The paragraph element's text with its tracked changes accepted."""
    return "".join(run.text for run in _live_runs(paragraph))


def block_texts(container) -> Iterator[str]:
    """Every paragraph's text under a body, cell, header or content control,
    in reading order, descending into tables (each cell once) and content
    controls; paragraphs joined where a tracked change deleted the mark
    between them."""
    joined = None
    for paragraph in _paragraphs(container):
        text = paragraph_text(paragraph)
        joined = text if joined is None else joined + text
        if paragraph.find(_DELETED_MARK) is None:
            yield joined
            joined = None
    if joined is not None:
        yield joined


def cell_text(cell) -> str:
    """A table cell's text, its paragraphs joined by line breaks, as python-docx does."""
    return "\n".join(block_texts(cell._tc))


def tables(container) -> Iterator:
    """The table elements at the top level of a body, including those in content controls."""
    for block in _blocks(container):
        if block.tag == _TABLE:
            yield block


def is_deleted_row(row) -> bool:
    """True for a table row deleted with Track Changes on."""
    return row._tr.find(_DELETED_ROW) is not None


def _live_runs(paragraph) -> Iterator:
    for run in paragraph.iter(_RUN):
        node = run.getparent()
        while node is not None and node is not paragraph:
            if node.tag in _REMOVED or node.tag == _PARAGRAPH:
                break
            node = node.getparent()
        else:
            yield run


def _blocks(container, tags=(_PARAGRAPH, _TABLE)) -> Iterator:
    """Children of container with one of tags, looking through content controls."""
    for child in container.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            inner_tag = _WRAPPERS[child.tag]
            inner = child.find(inner_tag) if inner_tag else child
            if inner is not None:
                yield from _blocks(inner, tags)


def _paragraphs(container) -> Iterator:
    for block in _blocks(container):
        if block.tag == _PARAGRAPH:
            yield block
            continue
        for row in _blocks(block, (_ROW,)):
            if row.find(_DELETED_ROW) is None:
                for cell in _blocks(row, (_CELL,)):
                    yield from _paragraphs(cell)
