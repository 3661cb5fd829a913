"""Build templates/audit-report.docx, the Word template the audit report is filled into.

Run it after changing recordcheck/report/styles.py:

    .venv/bin/python templates/build_template.py

An organisation can instead open the built template in Word, replace the logo
on the first page (right-click it, Change Picture), adjust styles, headers and
footers, save it under a new name and pass it with --template.
"""

from __future__ import annotations

import io
import struct
import sys
import zlib
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from recordcheck.report.styles import TEXT_WIDTH_CM, apply_house_style
from recordcheck.report.word import add_field

TEMPLATE = Path(__file__).with_name("audit-report.docx")
MARKING = "OFFICIAL-SENSITIVE"
LOGO_HINT = "Organisation logo: right-click, Change Picture, to use your own"

# 5x7 bitmap letters, enough to write LOGO on the placeholder without an imaging library
_GLYPHS = {
    "L": ("10000", "10000", "10000", "10000", "10000", "10000", "11111"),
    "O": ("01110", "10001", "10001", "10001", "10001", "10001", "01110"),
    "G": ("01110", "10001", "10000", "10111", "10001", "10001", "01111"),
}


def _png(width: int, height: int, pixel) -> bytes:
    """Encode an RGB image given as pixel(x, y) -> (r, g, b)."""
    rows = b"".join(
        b"\x00" + bytes(channel for x in range(width) for channel in pixel(x, y))
        for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        checksum = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + checksum

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def logo_placeholder(word: str = "LOGO", width: int = 400, height: int = 160) -> bytes:
    """A grey box with WORD in block letters: obviously a placeholder, easy to replace."""
    scale, border = 8, 4
    columns = len(word) * 6 - 1
    left, top = (width - columns * scale) // 2, (height - 7 * scale) // 2
    fill, edge, ink = (0xE7, 0xE9, 0xEE), (0x8A, 0x94, 0xA6), (0x8A, 0x94, 0xA6)

    def pixel(x: int, y: int):
        if min(x, y, width - 1 - x, height - 1 - y) < border:
            return edge
        column, row = (x - left) // scale, (y - top) // scale
        if 0 <= row < 7 and 0 <= column < columns and column % 6 < 5:
            glyph = _GLYPHS[word[column // 6]]
            if glyph[row][column % 6] == "1":
                return ink
        return fill

    return _png(width, height, pixel)


def _describe_picture(run, description: str) -> None:
    """Alt text, so screen readers and the organisation know what the picture is for."""
    for properties in run._r.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
    ):
        properties.set("descr", description)


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


def _first_page_header(section) -> None:
    paragraph = section.first_page_header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run()
    run.add_picture(io.BytesIO(logo_placeholder()), width=Cm(4.0))
    _describe_picture(run, LOGO_HINT)


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
    _first_page_header(section)
    _footers(section)
    document.add_paragraph(
        "This template gives the recordcheck audit report its styles, page layout, headers and "
        "footers. The report replaces this paragraph with its own text. Replace the logo on the "
        "first page with your organisation's, and edit the styles (Heading 1, Heading 2, Table "
        "Text, Quote, Suggestion...) to match your house style."
    )
    document.core_properties.title = "Case recording audit"
    document.core_properties.author = "recordcheck"
    document.save(path)
    return path


if __name__ == "__main__":
    written = build(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE)
    print(f"wrote {written}")
