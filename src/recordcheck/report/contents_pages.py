"""Page numbers in the contents, worked out by laying the report out with LibreOffice.

Word fills in a contents field's page numbers when it opens the report, but a
PDF made with LibreOffice (or any reader that does not update fields) shows the
entries alone. When LibreOffice and pdftotext are installed, the report is
converted to PDF once in a scratch folder, each contents entry's heading is
found on its page, and the number is written into the entry (the field stays,
so Word still updates it). Nothing leaves the computer; without either tool,
or if anything goes wrong, the contents stay as they were with a note saying
how to get the numbers.

The environment variable RECORDCHECK_SOFFICE names the LibreOffice program to
use; set to an empty value it turns this off (the test suite does, for speed).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from docx.document import Document
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.parts.image import ImagePart
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from recordcheck.report.styles import TEXT_WIDTH_CM

SOFFICE_VARIABLE = "RECORDCHECK_SOFFICE"
CONTENTS_STYLES = ("toc 1", "toc 2")
TIMEOUT_SECONDS = 300
# A one-pixel white PNG: what LibreOffice is given in place of each chart (see _save_for_layout)
STAND_IN_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108020000009077"
    "53de0000000c4944415478da63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082"
)


def libreoffice() -> str | None:
    """The LibreOffice program to lay the report out with, or None."""
    named = os.environ.get(SOFFICE_VARIABLE)
    if named is not None:
        return named or None
    return shutil.which("soffice") or shutil.which("libreoffice")


def number_contents(document: Document, note: Paragraph | None = None) -> Document:
    """Write page numbers into the contents entries; remove ``note`` (how to get them)
    when they were written."""
    return ContentsNumbering(document, note).finish()


class ContentsNumbering:
    """The contents' page numbers, worked out while other work goes on.

    Made, it saves the report to a scratch folder and starts LibreOffice laying
    it out; ``finish`` waits for the layout and writes the numbers in. The
    layout is the slowest step of writing the pack, so the workbooks are
    written meanwhile (report/audit.py). The document must not change between
    the two. ``close`` (called by ``finish``) stops LibreOffice and removes the
    scratch folder if the pack is abandoned before then.
    """

    def __init__(self, document: Document, note: Paragraph | None = None):
        self.document, self.note = document, note
        # by style id: python-docx's paragraph.style scans every style, once per paragraph
        wanted = {style.style_id for style in document.styles if style.name in CONTENTS_STYLES}
        self.entries = [p for p in document.paragraphs if p._p.style in wanted]
        self._scratch: tempfile.TemporaryDirectory | None = None
        self._process: subprocess.Popen | None = None
        program, self._reader = libreoffice(), shutil.which("pdftotext")
        if self.entries and program is not None and self._reader is not None:
            self._start(program)

    def _start(self, program: str) -> None:
        self._scratch = tempfile.TemporaryDirectory(prefix="recordcheck-contents-")
        folder = Path(self._scratch.name)
        source = folder / "report.docx"
        _save_for_layout(self.document, source)
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            self._process = subprocess.Popen(
                command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        except OSError:
            self._process = None

    def finish(self) -> Document:
        """The document with its contents numbered, or as it was when that failed."""
        try:
            pages = self._laid_out_pages()
        finally:
            self.close()
        numbers = find_pages([entry.text for entry in self.entries], pages) if pages else None
        if numbers is None:
            return self.document
        for entry, number in zip(self.entries, numbers, strict=True):
            _add_number(entry, number)
        if self.note is not None:
            self.note._p.getparent().remove(self.note._p)
        return self.document

    def _laid_out_pages(self) -> list[str] | None:
        """The text of each page as LibreOffice laid the document out, or None on any failure."""
        if self._process is None or self._scratch is None or self._reader is None:
            return None
        try:
            if self._process.wait(timeout=TIMEOUT_SECONDS) != 0:
                return None
            text = subprocess.run(
                [self._reader, "-layout", str(Path(self._scratch.name) / "report.pdf"), "-"],
                check=True,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
            ).stdout.decode("utf-8", "replace")
        except (OSError, subprocess.SubprocessError):
            return None
        return text.split("\f")

    def close(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._process = None
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None


def _save_for_layout(document: Document, path: Path) -> None:
    """The report saved for LibreOffice with a one-pixel stand-in for every PNG picture.

    A picture takes the room its size in the document gives it, whatever its pixels, so
    the pages come out the same; LibreOffice is spared decoding the charts and compressing
    them again into a PDF that is read only for its text (about 0.5 of its 6 CPU seconds
    on the bench's 174-page report). The document keeps its pictures.
    """
    pictures = [
        part
        for part in document.part.package.iter_parts()
        if isinstance(part, ImagePart) and part.content_type == "image/png"
    ]
    kept = [part._blob for part in pictures]
    try:
        for part in pictures:
            part._blob = STAND_IN_PNG
        document.save(str(path))
    finally:
        for part, blob in zip(pictures, kept, strict=True):
            part._blob = blob


def find_pages(headings: Sequence[str], pages: Sequence[str]) -> list[int] | None:
    """The page (from 1) each heading starts on, in document order, after the page holding
    the contents; None when one cannot be found."""
    contents_page = next(
        (n for n, page in enumerate(pages) if "Contents" in _lines(page)), None
    )
    if contents_page is None:
        return None
    numbers, page = [], contents_page
    # the contents list itself holds every heading: start looking below its last entry
    skip = _after_entries(pages[contents_page], headings)
    for heading in headings:
        wanted = " ".join(heading.split())
        while page < len(pages):
            lines = _lines(pages[page])[skip if page == contents_page else 0 :]
            if wanted in lines:
                numbers.append(page + 1)
                if page == contents_page:
                    skip = skip + lines.index(wanted) + 1
                break
            page += 1
        else:
            return None
    return numbers


def _after_entries(page: str, headings: Sequence[str]) -> int:
    """The line index below the contents entries on the contents page."""
    lines = _lines(page)
    last = " ".join(headings[-1].split()) if headings else ""
    start = lines.index("Contents") if "Contents" in lines else 0
    for number in range(start, len(lines)):
        if lines[number] == last:
            return number + 1
    return start + 1


def _lines(page: str) -> list[str]:
    return [" ".join(line.split()) for line in page.splitlines()]


def _add_number(entry: Paragraph, number: int) -> None:
    stops = entry.paragraph_format.tab_stops
    stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    entry.add_run(f"\t{number}")
