"""The shared frame for writing the audit report: headings tracked for the contents,
labelled paragraphs, tables, and the way dates and shares are written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from recordcheck.model import Report
from recordcheck.report.sanitise import clean_text
from recordcheck.report.summary import AuditSummary
from recordcheck.report.word import add_table, new_paragraph, style_ids, use_style


def day(when: date | None) -> str:
    return f"{when.day} {when:%b %Y}" if when else "not recorded"


def period(first: date | None, last: date | None) -> str:
    if first is None:
        return "no dated notes"
    return day(first) if first == last else f"{day(first)} to {day(last)}"


def percent(share: float) -> str:
    return f"{share:.0%}"


def plural(count: int, word: str) -> str:
    return f"{count:,} {word if count == 1 else word + 's'}"


@dataclass
class AuditDocument:
    """A Word document being written, and the headings it has so far (for the contents)."""

    document: WordDocument
    report: Report
    summary: AuditSummary
    headings: list[tuple[int, str]] = field(default_factory=list)
    # pictures holding a stand-in, and the figure to draw into each (report/charts.py)
    undrawn: list[tuple] = field(default_factory=list)

    ids: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.ids = style_ids(self.document)

    def styled(self, paragraph: Paragraph, style: str | None) -> Paragraph:
        if style in self.ids:
            use_style(paragraph, self.ids[style])
        return paragraph

    def heading(self, text: str, level: int = 1, *, new_page: bool = False) -> Paragraph:
        paragraph = self.para(text, f"Heading {level}")
        paragraph.paragraph_format.page_break_before = new_page or None
        self.headings.append((level, clean_text(text)))
        return paragraph

    def para(self, text: str = "", style: str | None = None) -> Paragraph:
        return self.styled(new_paragraph(self.document, clean_text(text)), style)

    def lead(self, label: str, text: str, style: str | None = None) -> Paragraph:
        """A paragraph opening with a bold label, the way auditors' reports read."""
        paragraph = self.para(style=style)
        paragraph.add_run(clean_text(label) + " ").bold = True
        paragraph.add_run(clean_text(text))
        return paragraph

    def bullet(self, text: str, label: str = "") -> Paragraph:
        if "List Bullet" in self.ids:
            return (
                self.lead(label, text, "List Bullet") if label else self.para(text, "List Bullet")
            )
        # a template without list styles still shows bullets
        marked = "\u2022 " + (label or text)
        return self.lead(marked, text) if label else self.para(marked)

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[object]], widths_cm):
        # the words introducing a table stay on its page: LibreOffice otherwise leaves
        # "Grades by case file" and its sentence at a page's foot, the table overleaf
        introduction = _last_paragraph(self.document)
        if introduction is not None:
            introduction.paragraph_format.keep_with_next = True
        table = add_table(self.document, headers, rows, widths_cm, self.ids)
        self.para(style="Small Print")  # breathing space after a table
        return table

    def page_break(self) -> None:
        new_paragraph(self.document).add_run().add_break(WD_BREAK.PAGE)


def _last_paragraph(document: WordDocument) -> Paragraph | None:
    """The body's last element when it is a paragraph (not a table), without listing them
    all: a report writes thousands of tables."""
    for element in reversed(document.element.body):
        if element.tag == qn("w:sectPr"):
            continue
        return Paragraph(element, document._body) if element.tag == qn("w:p") else None
    return None
