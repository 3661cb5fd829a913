"""JSON exports: an array of note objects, or JSON Lines (one object a line;
.jsonl, .ndjson, or a .json file that turns out to hold several objects).

Keys are matched like column headers (canonical names or the usual aliases,
or a mapping file). A .json file whose top level is an object with a
"notes" array is also accepted. Rows are numbered from 1: the array index
plus one, or the line number in JSON Lines. A JSON array is parsed whole,
so very large exports should use JSON Lines, which is streamed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from recordcheck.ingest.encoding import DecodedLines, NotTextError, open_lines
from recordcheck.ingest.headers import HeaderProblem, plan_columns
from recordcheck.ingest.rows import SourceContext, note_from_values
from recordcheck.model import Note, Unreadable

JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024  # a whole JSON document is held in memory
_Numbered = tuple[int, Any] | Unreadable  # an object with its row, or why a row failed


def read_json(context: SourceContext) -> Iterator[Note | Unreadable]:
    try:
        lines = open_lines(context.path)
    except NotTextError as error:
        yield context.unreadable(str(error))
        return
    if context.path.suffix.lower() in JSON_LINES_SUFFIXES:
        objects = _json_lines(lines, context)
    elif context.path.stat().st_size > MAX_DOCUMENT_BYTES:
        yield context.unreadable(
            f"the JSON file is over {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB; export it as "
            "JSON Lines (.jsonl), which is read a line at a time"
        )
        return
    else:
        objects = _whole_document(lines, context)
    yield from _notes(objects, context)


def _whole_document(lines: DecodedLines, context: SourceContext) -> Iterator[_Numbered]:
    try:
        data = json.loads("".join(lines))
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":  # JSON Lines saved with a .json suffix
            yield from _json_lines(lines, context)
            return
        yield context.unreadable(
            f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        )
        return
    if isinstance(data, dict):
        data = data["notes"] if isinstance(data.get("notes"), list) else [data]
    if not isinstance(data, list):
        yield context.unreadable("the JSON is not a list of notes")
        return
    yield from enumerate(data, start=1)


def _json_lines(lines: Iterable[str], context: SourceContext) -> Iterator[_Numbered]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as error:
            yield context.unreadable(f"not valid JSON ({error.msg})", number)


def _notes(objects: Iterator[_Numbered], context: SourceContext) -> Iterator[Note | Unreadable]:
    """Match each object's keys like a header row, so aliases and mappings apply."""
    seen = 0
    for entry in objects:
        seen += 1
        if isinstance(entry, Unreadable):
            yield entry
            continue
        number, item = entry
        if not isinstance(item, dict):
            yield context.unreadable("this entry is not a JSON object", number)
        else:
            keys = list(item)
            plan = plan_columns(keys, context.mapping.columns, context.required)
            if isinstance(plan, HeaderProblem):
                # a first object without the fields means the whole file has another shape
                yield context.unreadable(plan.reason, None if seen == 1 else number)
                if seen == 1:
                    return
                continue
            yield note_from_values(plan.pick([item[key] for key in keys]), number, context)
    if not seen:
        yield context.unreadable("the file holds no notes")
