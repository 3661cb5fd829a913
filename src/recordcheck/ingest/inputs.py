"""Which files to read, which reader reads each, and turning any failure
into an Unreadable so one bad file never stops a run.
"""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

from defusedxml import DefusedXmlException
from docx.opc.exceptions import PackageNotFoundError
from lxml.etree import XMLSyntaxError
from openpyxl.utils.exceptions import InvalidFileException

from recordcheck.ingest.delimited import read_delimited
from recordcheck.ingest.encoding import NotTextError
from recordcheck.ingest.jsonfile import read_json
from recordcheck.ingest.mapping import Mapping, load_mapping
from recordcheck.ingest.plaintext import read_plain_text
from recordcheck.ingest.rows import SourceContext
from recordcheck.ingest.safety import UnsafeFileError
from recordcheck.ingest.spreadsheet import read_workbook
from recordcheck.ingest.word import read_document
from recordcheck.model import FileNotice, Note, SourceFile, Unreadable

FORMATS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xls": "xls",
    ".docx": "docx",
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
}
SUPPORTED_SUFFIXES = tuple(sorted(FORMATS))
_OFFICE_KINDS = {"xlsx": "Excel workbook", "docx": "Word document"}
_OLD_OFFICE_HINTS = {".doc": "save it as .docx"}
_HASH_CHUNK = 1 << 20

Reader = Callable[[SourceContext], Iterator[Note | Unreadable]]
Item = Note | Unreadable | FileNotice


def expand_inputs(paths: Sequence[str | Path]) -> list[Path]:
    """Folders become every supported file inside them (recursively, sorted);
    files are kept as given, even unsupported or missing ones, so that reading
    them reports the problem.
    """
    expanded: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            expanded.extend(
                sorted(
                    found
                    for found in path.rglob("*")
                    if found.is_file()
                    and found.suffix.lower() in FORMATS
                    and not _is_hidden_or_lock_file(found.relative_to(path))
                )
            )
        else:
            expanded.append(path)
    return expanded


def describe_source(path: Path) -> SourceFile:
    """The file's path, SHA-256 and format; sha256 is "" if it cannot be read,
    and format is "" for an unsupported suffix."""
    digest = hashlib.sha256()
    try:
        with Path(path).open("rb") as stream:
            while chunk := stream.read(_HASH_CHUNK):
                digest.update(chunk)
        sha256 = digest.hexdigest()
    except OSError:
        sha256 = ""
    return SourceFile(str(path), sha256, FORMATS.get(Path(path).suffix.lower(), ""))


def read_inputs(
    paths: Sequence[str | Path], mapping: str | Path | None = None, sheet: str | None = None
) -> Iterator[Item]:
    """Stream every note of every input, in order. A bad file or row becomes an
    Unreadable, and a doubt about a whole file read (its date order) a
    FileNotice after its notes; only a bad mapping file raises (MappingError),
    and it does so here, before anything is read.
    """
    loaded = load_mapping(mapping) if mapping is not None else Mapping()
    return _read_all(expand_inputs(paths), loaded, sheet)


def _read_all(files: list[Path], mapping: Mapping, sheet: str | None) -> Iterator[Item]:
    for path in files:
        yield from read_file(path, mapping, sheet)


def read_file(
    path: Path, mapping: Mapping | None = None, sheet: str | None = None
) -> Iterator[Item]:
    """Read one file; never raises for anything wrong with the file. An explicit
    sheet wins over the mapping's."""
    context = SourceContext(path, mapping or Mapping())
    sheet = sheet if sheet is not None else context.mapping.sheet
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        hint = _OLD_OFFICE_HINTS.get(suffix)
        reason = (
            f"not a supported file type: {suffix or '(no suffix)'}; "
            f"supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )
        yield context.unreadable(f"{reason}; {hint}" if hint else reason)
        return
    if not path.is_file():
        yield context.unreadable("file not found" if not path.exists() else "not a file")
        return
    produced = 0
    try:
        for item in _reader_for(suffix, sheet)(context):
            produced += 1
            yield item
    except Exception as error:  # noqa: BLE001 - any failure is reported, never raised
        reason = _explain(error, FORMATS[suffix])
        yield context.unreadable(f"reading stopped part-way: {reason}" if produced else reason)
    notice = context.dates.notice(context.mapping.day_first)
    if notice:
        yield FileNotice(context.source, notice)


def _reader_for(suffix: str, sheet: str | None) -> Reader:
    readers: dict[str, Reader] = {
        "csv": read_delimited,
        "xlsx": partial(read_workbook, sheet=sheet),
        "xls": partial(_read_legacy_workbook, sheet=sheet),
        "docx": read_document,
        "text": read_plain_text,
        "json": read_json,
    }
    return readers[FORMATS[suffix]]


def _read_legacy_workbook(context: SourceContext, sheet: str | None) -> Iterator[Note | Unreadable]:
    # xlrd is imported only when an .xls file is read
    from recordcheck.ingest.legacy_excel import read_legacy_workbook

    return read_legacy_workbook(context, sheet)


def _explain(error: Exception, file_format: str) -> str:
    """One plain line for a failure; never the exception text of a parser that
    might quote the file's content."""
    office_kind = _OFFICE_KINDS.get(file_format)
    # openpyxl wraps the real cause (e.g. defusedxml's refusal) in a ValueError
    causes = list(_cause_chain(error))

    def caused_by(*types: type[BaseException]) -> bool:
        return any(isinstance(cause, types) for cause in causes)

    if isinstance(error, UnsafeFileError | NotTextError):
        return str(error)
    if caused_by(DefusedXmlException):
        return "the file declares XML entities, which are refused for safety"
    if caused_by(zipfile.BadZipFile, zlib.error, EOFError, XMLSyntaxError):
        return "the file is damaged or incomplete"
    if office_kind and caused_by(InvalidFileException, PackageNotFoundError, KeyError):
        return f"the file is not a valid {office_kind} (a required part is missing)"
    if caused_by(PermissionError):
        return "cannot open the file: permission denied"
    if caused_by(MemoryError):
        return "the file is too large to read"
    if caused_by(ModuleNotFoundError):
        return "a package needed to read this kind of file is not installed; reinstall recordcheck"
    return f"the file could not be read ({type(error).__name__})"


def _cause_chain(error: BaseException | None) -> Iterator[BaseException]:
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__


def _is_hidden_or_lock_file(relative: Path) -> bool:
    # "~$name.docx" is the lock file Office leaves beside an open document.
    return any(part.startswith((".", "~$")) for part in relative.parts)
