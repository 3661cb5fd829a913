"""Notes too long to check whole: cut into pieces at natural breaks, and the
pieces' results joined back into one result for the note.

spaCy refuses a text longer than its ``max_length`` (1,000,000 characters),
and below that its time and memory grow faster than the text: measured with
the full pipeline on the development machine, a 50,000-character note takes
4 s and 190 MiB more memory, 100,000 takes 13 s and 390 MiB, 300,000 takes
84 s and 1.1 GiB. So a note longer than ``PIECE_CHARS`` (or than the
pipeline's ``max_length``, if that is lower) is cut into pieces no longer
than that, checked one piece at a time, and only the small results are kept:
memory stays flat however long the note.

A piece ends at the strongest break within reach: a blank line between
paragraphs, else a line break, else the end of a sentence, else a space,
and only as a last resort (a run of 50,000 characters without a space) in
the middle of a word. The pieces cover the note exactly, so every offset
maps back: ``finding.text == note.text[finding.start:finding.end]``.

Checks see one piece at a time, so a check whose evidence is split between
two pieces (an encounter in one, who was present in the next) judges each
piece alone. A check scored per note ("unit = note" in its check.toml)
keeps at most one finding per note, as when the note is checked whole: the
first piece's. Contacts with one agency in several pieces become one
contact, merged as repeated mentions within a note are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TypeVar

from recordcheck.case_model import CaseClues
from recordcheck.catalogue import spec_for
from recordcheck.model import ContactEvent, Note, NoteResult

PIECE_CHARS = 50_000

# Strongest first: a paragraph break, a line break, a sentence end, a space.
_BREAKS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?]+[\"'\u2019\u201d)\]]*\s+"),
    re.compile(r"\s+"),
)

Piece = tuple[int, int]  # start and end offsets in the note's text
_Located = TypeVar("_Located")


def piece_bounds(text: str, limit: int) -> list[Piece]:
    """Consecutive (start, end) pieces of at most ``limit`` characters that
    together cover ``text`` exactly, each cut at the strongest break in reach."""
    if limit < 1:
        raise ValueError("a piece must be allowed at least one character")
    return list(_cut(text, 0, len(text), limit, 0))


def _cut(text: str, start: int, end: int, limit: int, level: int) -> Iterator[Piece]:
    if end - start <= limit:
        yield start, end
        return
    if level == len(_BREAKS):
        yield from ((at, min(at + limit, end)) for at in range(start, end, limit))
        return
    stops = [found.end() for found in _BREAKS[level].finditer(text, start, end)]
    stops = [stop for stop in stops if stop < end] + [end]
    piece_start = fitted = start
    for stop in stops:
        if stop - piece_start > limit and fitted > piece_start:
            yield piece_start, fitted  # as many whole units as fit
            piece_start = fitted
        if stop - piece_start > limit:  # one unit alone is too long: cut it finer
            yield from _cut(text, piece_start, stop, limit, level + 1)
            piece_start = stop
        fitted = stop
    if piece_start < end:
        yield piece_start, end


MergeContacts = Callable[[list[ContactEvent]], Iterable[ContactEvent]]


def joined(
    note: Note,
    parts: Sequence[tuple[int, NoteResult]],
    merge_contacts: MergeContacts = list,
) -> NoteResult:
    """One result for the whole ``note`` from its pieces' results, given as
    (offset, result) in text order. Offsets are moved to the whole note's
    text; a check scored per note keeps the first piece's finding only."""
    findings, contacts, personal, events, clues = [], [], [], [], []
    applicable: set[str] = set()
    judged_per_note: set[str] = set()
    for offset, part in parts:
        flagged_here = set()
        for finding in part.findings:
            if _scored_per_note(finding.check):
                if finding.check in judged_per_note:
                    continue
                flagged_here.add(finding.check)
            findings.append(_moved(finding, offset))
        judged_per_note |= flagged_here
        contacts.extend(_moved(contact, offset) for contact in part.contacts)
        personal.extend(_moved(span, offset) for span in part.personal_data)
        events.extend(_moved(event, offset) for event in part.events)
        applicable.update(part.applicable or ())
        if part.case_clues is not None:
            clues.append((offset, part.case_clues))
    return NoteResult(
        note=note,
        findings=tuple(sorted(findings, key=lambda f: (f.start, f.end, f.check))),
        contacts=tuple(merge_contacts(contacts)),
        personal_data=tuple(personal),
        events=tuple(events),
        applicable=tuple(sorted(applicable)),
        case_clues=_joined_clues(clues) if clues else None,
    )


def _joined_clues(parts: list[tuple[int, CaseClues]]) -> CaseClues:
    """One note's clues for its case file from its pieces'."""
    return CaseClues(
        professionals=tuple(known for _, clues in parts for known in clues.professionals),
        named_agencies=tuple(
            dict.fromkeys(named for _, clues in parts for named in clues.named_agencies)
        ),
        waiting=tuple(
            _moved(event, offset) for offset, clues in parts for event in clues.waiting
        ),
        places=tuple(dict.fromkeys(place for _, clues in parts for place in clues.places)),
        made_by_writer=tuple(
            _moved(event, offset) for offset, clues in parts for event in clues.made_by_writer
        ),
    )


def _moved(item: _Located, offset: int) -> _Located:
    return replace(item, start=item.start + offset, end=item.end + offset) if offset else item


def _scored_per_note(check_id: str) -> bool:
    spec = spec_for(check_id)
    return spec is not None and spec.unit == "note"
