"""Case-note reports written as prose: entries that each start with a date line.

Shared by the Word (.docx paragraphs) and plain-text/Markdown readers.

A date line is a line that starts with a date (any form dates.py accepts,
optionally with a time), then either ends or goes on after a separator
("-", "–", "|", ":" or ","), for example:

    14/03/2025 10:30 - Home Visit - J. Smith      type "Home Visit", author "J. Smith"
    Monday 14 March 2025
    ## 14 Mar 2025 | Phone call                  (Markdown headings and **bold** allowed)
    14/03/2025: Rang Mrs A to confirm the visit.  (a long tail is the start of the text)

Up to three short parts after the date are read as note type then author;
anything longer is taken as the first line of the note. The lines after a
date line, up to the next one, are the note's text, exactly as written
(blank lines at either edge dropped). A line such as "Case: 12345",
"Client ID: C-7" or "Person ID: 889" sets the case id for the entries
after it; it is not part of any note. Lines before the first date line
(titles, addresses) are not notes and are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from recordcheck.ingest.dates import DateTime, match_date_prefix, order_problem
from recordcheck.ingest.lost_characters import lost_character_problems
from recordcheck.ingest.rows import SourceContext, derived_note_id
from recordcheck.model import Note, Unreadable

_DECORATION = re.compile(r"^\s*(?:#{1,6}\s*)?(?:[*_]{1,2})?\s*(?:date\s*:\s*)?", re.IGNORECASE)
_SEPARATOR = re.compile(r"^\s*(?:[-–—|:,]|\*{1,2}\s*[-–—|:,]?)\s*")
_PART_SPLIT = re.compile(r"\s+[-–—|]\s+|\s*\|\s*")
_MAX_PART_CHARS = 40
_MAX_PARTS = 3
_CASE_LINE = re.compile(
    r"^\s*(?:[*_#]+\s*)?(?:case(?:\s*(?:id|ref|reference|number|no\.?))?|client\s*id"
    r"|person\s*id|service\s*user\s*id)\s*[:#]\s*(?:[*_]+\s*)?"
    r"(?P<id>[A-Za-z0-9][A-Za-z0-9/_.\-]{0,40})\s*(?:[*_]+)?\s*$",
    re.IGNORECASE,
)
EXAMPLE_DATE_LINE = "14/03/2025 10:30 - Home Visit - J. Smith"


@dataclass(frozen=True)
class DateLine:
    """What a date line says; first_text is the note text it already carries."""

    when: DateTime
    note_type: str = ""
    author: str = ""
    first_text: str | None = None


@dataclass
class Entry:
    number: int
    header: DateLine
    case_id: str | None
    lines: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The body lines as read, without blank edges or the final line break."""
        lines = list(self.lines)
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        return "".join(lines).removesuffix("\n").removesuffix("\r")


def case_id_of(line: str) -> str | None:
    match = _CASE_LINE.match(line)
    return match["id"] if match else None


def parse_date_line(line: str, *, day_first: bool = True) -> DateLine | None:
    decoration = _DECORATION.match(line)
    start = decoration.end() if decoration else 0
    found = match_date_prefix(line[start:], day_first=day_first)
    if not found:
        return None
    when, length = found
    rest_start = start + length
    rest = line[rest_start:].rstrip("\r\n")
    if not rest.strip(" *_"):
        return DateLine(when)
    separator = _SEPARATOR.match(rest)
    if not separator:
        return None
    tail = rest[separator.end() :]
    parts = [p.strip(" *_") for p in _PART_SPLIT.split(tail.strip(" *_")) if p.strip(" *_")]
    if len(parts) <= _MAX_PARTS and all(_looks_like_label(p) for p in parts):
        return DateLine(when, parts[0] if parts else "", " - ".join(parts[1:]))
    return DateLine(when, first_text=line[rest_start + separator.end() :])


def group_entries(lines: Iterable[str], *, day_first: bool = True) -> Iterator[Entry]:
    """Split lines (line endings kept) into entries at each date line."""
    case_id: str | None = None
    current: Entry | None = None
    number = 0
    for line in lines:
        content = line.rstrip("\r\n")
        new_case = case_id_of(content)
        if new_case:
            case_id = new_case
            continue
        header = parse_date_line(content, day_first=day_first)
        if header:
            if current:
                yield current
            number += 1
            current = Entry(number, header, case_id)
            if header.first_text is not None:
                current.lines.append(header.first_text + line[len(content) :])
        elif current:
            current.lines.append(line)
    if current:
        yield current


def notes_from_lines(
    lines: Iterable[str],
    context: SourceContext,
    line_problems: Callable[[], tuple[str, ...]] = tuple,
) -> Iterator[Note | Unreadable]:
    """Yield a Note (or an Unreadable for an empty entry) for every dated entry."""
    seen = 0
    day_first = context.mapping.day_first
    for entry in group_entries(lines, day_first=day_first):
        seen += 1
        context.dates.saw(entry.header.when, entry.number)
        text = entry.text().replace("\x00", "")
        if not text.strip():
            yield context.unreadable(
                f"the entry dated {entry.header.when.date} has no text", entry.number
            )
            continue
        problems = line_problems() + order_problem(
            entry.header.when, day_first, "the date of this entry"
        )
        yield Note(
            note_id=derived_note_id(context.path, entry.number),
            case_id=entry.case_id or context.default_case_id or context.path.stem,
            text=text,
            date=entry.header.when.date,
            time=entry.header.when.time,
            author=entry.header.author,
            note_type=entry.header.note_type,
            source=context.source,
            row=entry.number,
            problems=problems + lost_character_problems(text, problems),
        )
    if not seen:
        yield context.unreadable(
            "no dated entries found; each entry must start with a date line such as "
            f"'{EXAMPLE_DATE_LINE}'"
        )


def _looks_like_label(part: str) -> bool:
    return len(part) <= _MAX_PART_CHARS and not part.rstrip().endswith((".", "!", "?"))
