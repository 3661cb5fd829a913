"""Checks that run before a file is handed to a parser, so hostile or broken
files are refused with a plain reason instead of crashing or exhausting memory.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# Files people rename to .csv/.txt by mistake: what each is, and what to do.
BINARY_SIGNATURES = {
    ZIP_MAGIC: ("an Excel or Word file", "give it its real suffix (.xlsx or .docx)"),
    OLE2_MAGIC: (
        "an Excel 97-2003 (.xls) or Word .doc file",
        "give an Excel file the .xls suffix, or save it as .xlsx, .docx or .csv",
    ),
    b"%PDF-": ("a PDF", "export the notes as CSV, Excel or Word instead"),
    b"\x89PNG": ("an image", "export the notes as CSV, Excel or Word instead"),
    b"\xff\xd8\xff": ("an image", "export the notes as CSV, Excel or Word instead"),
}
MAX_UNCOMPRESSED_TOTAL = 200 * 1024 * 1024
# An .xls is read whole into memory (it holds at most 65,536 rows a sheet).
MAX_LEGACY_WORKBOOK = 100 * 1024 * 1024
MAX_RATIO = 100
# Small members compress extremely well (blank styles, repeated XML); only a
# large member with a huge ratio is a bomb.
LARGE_MEMBER = 10 * 1024 * 1024
MAX_MEMBERS = 10_000
# Word and Excel never write a DOCTYPE, so one is refused outright rather than
# trusting every XML parser downstream to ignore its entities.
_XML_PROLOG_BYTES = 4096
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")


class UnsafeFileError(ValueError):
    """The file must not be opened; the message says why in plain English."""


def read_head(path: Path, size: int = 8) -> bytes:
    with path.open("rb") as stream:
        return stream.read(size)


def check_office_container(path: Path, kind: str) -> None:
    """Refuse a .docx/.xlsx that is encrypted, damaged, a zip bomb or carries a DTD.

    kind is the user-facing suffix, e.g. ".xlsx".
    """
    head = read_head(path)
    if not head:
        raise UnsafeFileError("the file is empty")
    old_format = ".xls" if kind == ".xlsx" else ".doc"
    if head.startswith(OLE2_MAGIC):
        raise UnsafeFileError(
            f"the file is password-protected or an old {old_format} file; "
            f"save it as {kind} without a password"
        )
    if not head.startswith(ZIP_MAGIC):
        raise UnsafeFileError(f"the file is not a real {kind} file (it is damaged or renamed)")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_sizes(members)
            _check_no_dtd(archive, members)
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error, NotImplementedError) as error:
        raise UnsafeFileError(f"the {kind} file is damaged or incomplete ({error})") from error


def check_legacy_workbook(path: Path) -> None:
    """Refuse an .xls that is not an Excel 97-2003 file, or too large to read safely.

    A password-protected one is refused by its reader, which finds out first.
    """
    head = read_head(path)
    if not head:
        raise UnsafeFileError("the file is empty")
    if head.startswith(ZIP_MAGIC):
        raise UnsafeFileError("this is an .xlsx workbook with an .xls name; rename it to .xlsx")
    if not head.startswith(OLE2_MAGIC):
        raise UnsafeFileError(
            "the file is named .xls but is not an Excel 97-2003 workbook (some systems save "
            "a web page or text as .xls); open it in Excel and save it as .xlsx or CSV"
        )
    size = path.stat().st_size
    if size > MAX_LEGACY_WORKBOOK:
        raise UnsafeFileError(
            f"the .xls file is {size // (1024 * 1024):,} MB, over the "
            f"{MAX_LEGACY_WORKBOOK // (1024 * 1024)} MB read safely; save it as .xlsx or CSV"
        )


def _check_sizes(members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise UnsafeFileError(f"the file holds {len(members):,} parts; refused as unsafe")
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_TOTAL:
        raise UnsafeFileError(
            f"the file would expand to {total // (1024 * 1024):,} MB; refused as a possible "
            f"zip bomb (limit {MAX_UNCOMPRESSED_TOTAL // (1024 * 1024)} MB)"
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > LARGE_MEMBER and ratio > MAX_RATIO:
            raise UnsafeFileError(
                f"part {member.filename!r} is compressed {ratio:,.0f} to 1; "
                "refused as a possible zip bomb"
            )


def _check_no_dtd(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    # zipfile stops at each member's declared size, so reading a prolog is bounded.
    for member in members:
        if not member.filename.endswith((".xml", ".rels")):
            continue
        with archive.open(member) as part:
            prolog = part.read(_XML_PROLOG_BYTES)
        if any(marker in prolog for marker in _DTD_MARKERS):
            raise UnsafeFileError(
                f"part {member.filename!r} declares XML entities (a DOCTYPE), which "
                "Word and Excel never write; refused for safety"
            )
