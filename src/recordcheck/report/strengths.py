"""What a group of notes does well: a check met on most of the notes it applies to, with a
sentence of their own that meets it.

Shared by the supervision handout (one worker's notes) and the audit report (a
case file, or every note for a check). A quotation is never one that names
someone in ``others`` (colleagues, or in the inspection pack every worker).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from recordcheck.catalogue import spec_for
from recordcheck.model import NoteResult
from recordcheck.report.applicability import applicable
from recordcheck.report.colleagues import names_colleague
from recordcheck.report.excerpts import sentence_spans, shorten

QUOTE_LIMIT = 220


@dataclass(frozen=True)
class Strength:
    """A check met on every note it applied to, or on most of them."""

    check: str
    met: int  # notes it applied to with no finding for it
    applicable: int
    example: str  # one sentence of theirs that meets it ("" when none could be quoted)
    source: NoteResult | None = None


def met_on_most(check: str, notes: Sequence[NoteResult]) -> tuple[list[NoteResult], int] | None:
    """The notes meeting ``check`` and how many it applied to, when it was met on more
    than half of them (else None)."""
    relevant = applicable(check, notes)
    met = [r for r in relevant if not any(f.check == check for f in r.findings)]
    if not met or len(met) * 2 <= len(relevant):
        return None
    return met, len(relevant)


def strength(
    check: str, notes: Sequence[NoteResult], others: list[re.Pattern]
) -> Strength | None:
    """The check as a strength of ``notes``, with an example sentence, or None."""
    found = met_on_most(check, notes)
    if found is None:
        return None
    met, relevant = found
    example, source = _met_example(check, met, others)
    return Strength(check, len(met), relevant, example, source)


def _met_example(check: str, met: Sequence[NoteResult], others) -> tuple[str, NoteResult | None]:
    """A sentence from a note that meets ``check``: one holding the check's
    example words (check.toml's [handout]) first, from a note with no finding at all."""
    spec = spec_for(check)
    words = spec.data("check.toml").get("handout", {}).get("example_words", []) if spec else []
    candidates: list[tuple[int, int, str, NoteResult]] = []
    for result in met:
        text = result.note.text
        for start, end in sentence_spans(text):
            sentence = shorten(text[start:end], QUOTE_LIMIT)
            if len(sentence) < 25:
                continue
            rank = next((i for i, word in enumerate(words) if word in sentence), len(words))
            candidates.append((rank, bool(result.findings), sentence, result))
    # best first; the names are looked for only until one passes (the slow part)
    candidates.sort(key=lambda c: (c[0], c[1], abs(len(c[2]) - 110)))
    for _, _, sentence, result in candidates:
        if not names_colleague(sentence, others):
            return sentence, result
    return "", None
