"""The user's --mapping file: which of their columns hold which of our fields.

Example (TOML):

    date_format = "%d.%m.%Y"   # optional, strptime codes; tried before the usual forms
    day_first = true           # optional; false for month-first dates (03/14/2025)
    sheet = "Case notes"       # optional; the workbook sheet to read

    [columns]
    text = "Observations"
    case_id = "Service User No"
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from recordcheck.ingest.headers import FIELDS

_TOP_LEVEL_KEYS = {"columns", "date_format", "day_first", "sheet"}
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")


class MappingError(Exception):
    """The --mapping file cannot be used; the message names file:line."""


@dataclass(frozen=True)
class Mapping:
    """Column names keyed by our field name, plus date and sheet options."""

    columns: dict[str, str] = field(default_factory=dict)
    date_format: str | None = None
    day_first: bool = True
    sheet: str | None = None


def load_mapping(path: str | Path) -> Mapping:
    """Read and validate a mapping file; raises MappingError naming file:line."""
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise MappingError(f"{path}: cannot read the mapping file ({error})") from error
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_POSITION.search(str(error))
        line = found.group(1) if found and found.group(1) else str(source.count("\n") + 1)
        reason = _TOML_POSITION.sub("", str(error)).strip()
        raise MappingError(f"{path}:{line}: not valid TOML: {reason}") from error
    return _validate(data, path, source)


def _validate(data: dict, path: Path, source: str) -> Mapping:
    def fail(key: str, problem: str) -> MappingError:
        return MappingError(f"{path}:{_line_of(source, key)}: {problem}")

    for key in data:
        if key not in _TOP_LEVEL_KEYS:
            allowed = ", ".join(sorted(_TOP_LEVEL_KEYS))
            raise fail(key, f"unknown setting '{key}'; allowed: {allowed}")
    columns = data.get("columns", {})
    if not isinstance(columns, dict):
        raise fail("columns", "'columns' must be a table: [columns]")
    for name, header in columns.items():
        if name not in FIELDS:
            raise fail(name, f"unknown field '{name}'; fields are: {', '.join(FIELDS)}")
        if not isinstance(header, str) or not header.strip():
            raise fail(name, f"the column name for '{name}' must be non-empty text in quotes")
    for key, kind in (("date_format", str), ("day_first", bool), ("sheet", str)):
        if key in data and not isinstance(data[key], kind):
            raise fail(key, f"'{key}' must be {'true or false' if kind is bool else 'text'}")
    return Mapping(
        columns=dict(columns),
        date_format=data.get("date_format"),
        day_first=data.get("day_first", True),
        sheet=data.get("sheet"),
    )


def _line_of(source: str, key: str) -> int:
    """The first line defining key, so the message points where to look."""
    pattern = re.compile(rf"^\s*(\[\s*{re.escape(key)}\s*\]|[\"']?{re.escape(key)}[\"']?\s*=)")
    for number, line in enumerate(source.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1
