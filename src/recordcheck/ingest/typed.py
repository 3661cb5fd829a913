"""Notes typed or pasted instead of exported: standard input, `--text`, the web page.

Such a note has no header, date or author line: it is only its text. Each
gets an id from where it came from and its place ("stdin-1", "stdin-2",
"text-1") and an empty case id. On standard input several notes are
separated by one or more blank lines; a note given whole (one `--text`, one
paste into the web page) is one note however many blank lines it holds.
Text is kept exactly as given (only NULs removed, as for files), so a
finding's offsets point into it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from recordcheck.model import Note, SourceFile

STDIN_LABEL = "stdin"
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n(?:[ \t\r\f\v]*\n)*")


@dataclass(frozen=True)
class TypedNotes:
    """Note texts given directly, with the label their ids start with."""

    label: str
    texts: tuple[str, ...]
    note_type: str = ""  # "Home Visit", "Phone Call"..., where the person says

    @classmethod
    def whole(cls, label: str, texts: Iterable[str], note_type: str = "") -> TypedNotes:
        """Each text one note; blank ones are dropped."""
        kept = tuple(t for t in (_clean(text) for text in texts) if t.strip())
        return cls(label, kept, note_type.strip())

    @classmethod
    def separated(cls, label: str, text: str) -> TypedNotes:
        """One or more notes separated by blank lines (standard input)."""
        return cls.whole(label, (block.strip("\r\n") for block in _BLANK_LINES.split(text)))

    @property
    def source(self) -> str:
        """Where the notes came from, as a run's account and report name it."""
        return f"<{self.label}>"

    def notes(self) -> Iterator[Note]:
        for number, text in enumerate(self.texts, 1):
            yield Note(
                note_id=f"{self.label}-{number}", case_id="", text=text,
                note_type=self.note_type, source=self.source, row=number,
            )

    def describe(self) -> SourceFile:
        digest = hashlib.sha256("\x00".join(self.texts).encode("utf-8")).hexdigest()
        return SourceFile(self.source, digest, "typed")


def _clean(text: str) -> str:
    return text.replace("\x00", "")
