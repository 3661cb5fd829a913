"""Which notes a check applies to: the denominator of every rate the outputs show.

Opinion applies to every note; who-present to notes recording an encounter;
sharing-rationale to notes recording outward sharing. The checks say which
applied when they read each note (`NoteResult.applicable`). A report written
before they did says nothing, and every note is counted, as the basis says.
"""

from __future__ import annotations

from collections.abc import Sequence

from recordcheck.catalogue import spec_for
from recordcheck.model import NoteResult

EVERY_NOTE = "every note"


def applies(check: str, result: NoteResult) -> bool:
    if any(finding.check == check for finding in result.findings):
        return True
    if result.applicable is None:
        return True
    return check in result.applicable


def told_apart(results: Sequence[NoteResult]) -> bool:
    """Whether the report says, note by note, which checks applied."""
    return all(result.applicable is not None for result in results)


def basis(check: str, results: Sequence[NoteResult]) -> str:
    """What a check's rate is out of, in words."""
    spec = spec_for(check)
    applies_to = spec.applies_to if spec else EVERY_NOTE
    if applies_to == EVERY_NOTE:
        return "all notes"
    if not told_apart(results):
        return "all notes (this report does not say which notes each check applied to)"
    return applies_to


def applicable(check: str, results: Sequence[NoteResult]) -> list[NoteResult]:
    return [result for result in results if applies(check, result)]
