"""Replace spans of a text and carry other offsets across the change.

An offset that falls inside a replaced span moves to the edge of the
replacement, so a finding that overlaps a name still covers the pseudonym
that replaced it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate


@dataclass(frozen=True)
class Replacement:
    start: int
    end: int
    text: str


class Rewrite:
    """The text with replacements made, and the old->new offset mapping."""

    def __init__(self, text: str, replacements: Sequence[Replacement]) -> None:
        ordered = sorted(replacements, key=lambda r: r.start)
        for before, after in zip(ordered, ordered[1:], strict=False):
            if after.start < before.end:
                raise ValueError(f"replacements overlap at {after.start}")
        if any(not 0 <= r.start < r.end <= len(text) for r in ordered):
            raise ValueError("replacement outside the text or empty")
        self._replacements = ordered
        self._ends = [r.end for r in ordered]
        # shift[i]: how far text after the first i replacements has moved
        self._shift = [0, *accumulate(len(r.text) - (r.end - r.start) for r in ordered)]
        pieces, cursor = [], 0
        for r in ordered:
            pieces += [text[cursor : r.start], r.text]
            cursor = r.end
        pieces.append(text[cursor:])
        self.text = "".join(pieces)

    def start(self, offset: int) -> int:
        """New position of a span start; inside a replacement it moves to its start."""
        index = bisect_right(self._ends, offset)
        shift = self._shift[index]
        if index < len(self._replacements) and self._replacements[index].start < offset:
            return self._replacements[index].start + shift
        return offset + shift

    def end(self, offset: int) -> int:
        """New position of a span end; inside a replacement it moves to its end."""
        index = bisect_right(self._ends, offset)
        shift = self._shift[index]
        if index < len(self._replacements) and self._replacements[index].start < offset:
            replaced = self._replacements[index]
            return replaced.start + shift + len(replaced.text)
        return offset + shift
