"""What a run read, checked and could not read: counted as the notes stream past.

The engine fills it; the text writer and the report read it. It holds counts,
note ids and problems only, never note text.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from recordcheck.model import FileNotice, Note, SourceFile, Unreadable

# Notes with data problems kept to show at the end of a run; the report has all.
PROBLEM_NOTES_KEPT = 20


@dataclass(frozen=True)
class ProblemNote:
    """Where a note with data problems came from, and its problems: no text."""

    source: str
    row: int
    note_id: str
    problems: tuple[str, ...]


@dataclass
class RunAccount:
    """What a run read, checked and could not read, built as the notes stream past."""

    notes_read: int = 0
    notes_checked: int = 0
    notes_not_sampled: int = 0  # read, but not in the case files a sample drew
    unreadable: list[Unreadable] = field(default_factory=list)
    duplicate_note_ids: list[str] = field(default_factory=list)
    model_versions: dict[str, str] = field(default_factory=dict)
    notices: list[FileNotice] = field(default_factory=list)  # doubts about whole files read
    notes_with_problems: int = 0
    problem_notes: list[ProblemNote] = field(default_factory=list)  # the first few
    _seen_note_ids: set[str] = field(default_factory=set, repr=False)
    _notes_per_source: Counter = field(default_factory=Counter, repr=False)
    _unread_per_source: Counter = field(default_factory=Counter, repr=False)

    def saw_note(self, note: Note) -> None:
        self.notes_read += 1
        self._notes_per_source[_source_key(note.source)] += 1
        if note.problems:
            self.notes_with_problems += 1
            if len(self.problem_notes) < PROBLEM_NOTES_KEPT:
                self.problem_notes.append(
                    ProblemNote(note.source, note.row, note.note_id, note.problems)
                )
        if note.note_id in self._seen_note_ids:
            if note.note_id not in self.duplicate_note_ids:
                self.duplicate_note_ids.append(note.note_id)
        else:
            self._seen_note_ids.add(note.note_id)

    def left_out_by_sampling(self, note: Note) -> None:
        """A note read but not checked: its case file was not drawn (--sample)."""
        self.notes_read += 1
        self.notes_not_sampled += 1
        self._notes_per_source[_source_key(note.source)] += 1

    def could_not_read(self, item: Unreadable) -> None:
        self.unreadable.append(item)
        self._unread_per_source[_source_key(item.source)] += 1

    @property
    def whole_files_unread(self) -> list[Unreadable]:
        return [item for item in self.unreadable if item.row is None]

    def with_counts(self, sources: Iterable[SourceFile]) -> tuple[SourceFile, ...]:
        """The described input files, with how many notes and unread rows each gave."""
        return tuple(
            replace(
                source,
                notes_read=self._notes_per_source[_source_key(source.path)],
                rows_not_read=self._unread_per_source[_source_key(source.path)],
            )
            for source in sources
        )


def _source_key(source: str) -> str:
    return os.path.normpath(source) if source else ""
