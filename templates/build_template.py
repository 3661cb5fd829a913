"""Build templates/audit-report.docx, the Word template the audit report is filled into.

Run it after changing recordcheck/report/styles.py:

    .venv/bin/python templates/build_template.py

An organisation can instead open the built template in Word, put its logo in
the first page's header (double-click the top of the first page, Insert,
Pictures), adjust styles, headers and footers, save it under a new name and
pass it with --template. The bundled template has no logo and no placeholder
for one, so a report from it never shows a "LOGO" box.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from recordcheck.report.styles import TEXT_WIDTH_CM, apply_house_style
from recordcheck.report.word import add_field

TEMPLATE = Path(__file__).with_name("audit-report.docx")
MARKING = "OFFICIAL-SENSITIVE"
def _page_setup(section) -> None:
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm((21.0 - TEXT_WIDTH_CM) / 2)
    section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.0)
    section.different_first_page_header_footer = True


def _running_header(section) -> None:
    paragraph = section.header.paragraphs[0]
    paragraph.style = "Header"
    paragraph.add_run("Case recording audit\t")
    paragraph.add_run(MARKING).bold = True


def _footers(section) -> None:
    page = section.footer.paragraphs[0]
    page.style = "Footer"
    page.add_run("Findings are prompts for professional review, not verdicts.\tPage ")
    add_field(page, "PAGE", "1")
    page.add_run(" of ")
    add_field(page, "NUMPAGES", "1")
    cover = section.first_page_footer.paragraphs[0]
    cover.style = "Footer"
    cover.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cover.add_run(MARKING).bold = True


def build(path: Path = TEMPLATE) -> Path:
    document = Document()
    apply_house_style(document)
    section = document.sections[0]
    _page_setup(section)
    _running_header(section)
    _footers(section)
    document.add_paragraph(
        "This template gives the recordcheck audit report its styles, page layout, headers and "
        "footers. The report replaces this paragraph with its own text. Put your organisation's "
        "logo in the first page's header, and edit the styles (Heading 1, Heading 2, Table "
        "Text, Quote, Suggestion...) to match your house style."
    )
    document.core_properties.title = "Case recording audit"
    document.core_properties.author = "recordcheck"
    document.save(path)
    return path


if __name__ == "__main__":
    written = build(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE)
    print(f"wrote {written}")
