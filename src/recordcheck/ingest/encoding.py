"""Decode text exports without mojibake, one line at a time.

Strict UTF-8 is tried first over the whole file (streamed). Only when that
fails is the encoding detected with charset-normalizer, limited to the
encodings UK Windows exports really use, so a lone '£' is not read as a
Central European letter. Each line is then decoded as UTF-8 if it is valid
UTF-8 (files pasted together from two systems), else in the detected
encoding, and only as a last resort with replacement characters, which the
caller reports as a problem.

Lines end at LF, CRLF or a bare CR and keep their endings; the file is read
in chunks, so memory stays bounded whatever its size. A UTF-16 file (Excel's
"Unicode Text") is recognised by its byte-order mark.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from contextlib import closing
from itertools import islice
from pathlib import Path

from charset_normalizer import from_bytes

from recordcheck.ingest.safety import BINARY_SIGNATURES

# Candidates for a file that is not UTF-8: Windows-1252 first, as Excel and
# most case-management systems on Windows write it.
_LEGACY_ENCODINGS = ["cp1252", "iso8859_15", "latin_1"]
_CHUNK = 1 << 20
MAX_LINE_BYTES = 64 * 1024 * 1024
_SAMPLE = 64 * 1024
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
REPLACED_PROBLEM = (
    "some characters could not be decoded and were replaced with '\ufffd'; "
    "check the file's encoding"
)


class NotTextError(ValueError):
    """The file is empty or not text at all; the message says which."""


def open_lines(path: Path) -> DecodedLines:
    """Lines of a text export in its detected encoding; raises NotTextError."""
    return DecodedLines(path, detect_encoding(path))


def detect_encoding(path: Path) -> str:
    """Return the codec to read path with; raises NotTextError for non-text."""
    with path.open("rb") as stream:
        head = stream.read(_SAMPLE)
    if not head:
        raise NotTextError("the file is empty")
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    _refuse_binary(head)
    first_bad_offset = _first_invalid_utf8_offset(path)
    if first_bad_offset is None:
        return "utf-8-sig"
    sample = head + _read_around(path, first_bad_offset)
    best = from_bytes(sample, cp_isolation=_LEGACY_ENCODINGS).best()
    return best.encoding if best else _LEGACY_ENCODINGS[0]


class DecodedLines:
    """Iterate a file's lines as text (line endings kept, NULs removed).

    `replaced` turns True when a line needed replacement characters; the
    reader checks and clears it after each record.
    """

    def __init__(self, path: Path, encoding: str) -> None:
        self.path = path
        self.encoding = encoding
        self.replaced = False

    def first_lines(self, count: int) -> list[str]:
        """A sample from the top of the file, read independently of iteration."""
        with closing(iter(DecodedLines(self.path, self.encoding))) as lines:
            return list(islice(lines, count))

    def take_replaced(self) -> bool:
        replaced, self.replaced = self.replaced, False
        return replaced

    def __iter__(self) -> Iterator[str]:
        if self.encoding == "utf-16":
            yield from self._wide_lines()
            return
        with self.path.open("rb") as stream:
            for raw in _raw_lines(stream):
                yield self._decode(raw).replace("\x00", "")

    def _wide_lines(self) -> Iterator[str]:
        with (
            self.path.open("rb") as raw,
            io.TextIOWrapper(raw, encoding="utf-16", errors="replace", newline="") as text,
        ):
            for line in text:
                if "\ufffd" in line:
                    self.replaced = True
                yield line.replace("\x00", "")

    def _decode(self, raw: bytes) -> str:
        # Valid UTF-8 with non-ASCII bytes is almost never legacy text by chance,
        # so a line that decodes as UTF-8 is taken as UTF-8 even in a cp1252 file.
        for encoding in ("utf-8", self.encoding):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        self.replaced = True
        return raw.decode(self.encoding, errors="replace")


def _refuse_binary(head: bytes) -> None:
    for signature, (what, advice) in BINARY_SIGNATURES.items():
        if head.startswith(signature):
            raise NotTextError(f"this is {what}, not a text export; {advice}")
    # NULs are left out: text padded with NUL blocks (after a crash) or UTF-16
    # without a BOM is still text once they are removed.
    meaningful = head.replace(b"\x00", b"")
    if not meaningful:
        raise NotTextError("this is not a text export (it holds only NUL bytes)")
    # Text exports have almost no control codes; a binary file is full of them.
    controls = sum(1 for byte in meaningful if byte < 32 and byte not in b"\t\r\n\f")
    if controls > len(meaningful) // 20:
        raise NotTextError("this is a binary file, not a text export (it is full of control codes)")


def _raw_lines(stream: io.BufferedIOBase) -> Iterator[bytes]:
    """Split on LF, CRLF or a bare CR (Excel for Mac's "CSV (Macintosh)"),
    endings kept, reading in chunks so no line can grow without bound."""
    pending = b""
    first = True
    while chunk := stream.read(_CHUNK):
        if first and chunk.startswith(codecs.BOM_UTF8):
            chunk = chunk[len(codecs.BOM_UTF8) :]
        first = False
        lines = (pending + chunk).splitlines(keepends=True)
        # the last piece may be cut short (or be a CR whose LF is in the next chunk)
        pending = lines.pop() if lines else b""
        yield from lines
        if len(pending) > MAX_LINE_BYTES:
            raise NotTextError(
                f"a line is longer than {MAX_LINE_BYTES // (1024 * 1024)} MB; "
                "this does not look like a case-note export"
            )
    if pending:
        yield pending


def _first_invalid_utf8_offset(path: Path) -> int | None:
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                return offset + max(error.start, 0)
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return offset
    return None


def _read_around(path: Path, offset: int) -> bytes:
    if offset < _SAMPLE:
        return b""
    with path.open("rb") as stream:
        stream.seek(offset - 1024)
        return b"\n" + stream.read(_SAMPLE)
