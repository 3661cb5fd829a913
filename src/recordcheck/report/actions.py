"""Recommended actions with an owner, derived from the findings; the words are each check's data.

A check's `check.toml` lists `[[actions]]`:

    [[actions]]
    owner = "Case holder"      # who should act
    scope = "case"             # "case": each case file with findings; "check": the whole audit
    severity = "medium"        # only where a finding is at least this serious (optional)
    text = "Add who was present to {notes}."

The text may use {notes} (the note IDs, a few then how many more), {count}
("3 notes") and {cases} ("2 case files"). An action appears only where the check has
findings that fit it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from recordcheck.catalogue import spec_for
from recordcheck.model import NoteResult, Severity
from recordcheck.report.doc_builder import plural
from recordcheck.report.grades import SEVERITIES
from recordcheck.report.summary import case_label

SCOPES = ("case", "check")
NOTES_NAMED = 6  # note IDs named in an action before "and N more"


@dataclass(frozen=True)
class Action:
    check: str
    owner: str
    text: str


def actions_for(check: str, results: Sequence[NoteResult], scope: str) -> list[Action]:
    """The check's actions of ``scope`` that the findings in ``results`` call for."""
    spec = spec_for(check)
    declared = spec.data("check.toml").get("actions", []) if spec else []
    actions = []
    for entry in declared:
        if entry.get("scope", "case") != scope:
            continue
        serious = _at_least(entry.get("severity", "low"))
        flagged = [
            result
            for result in results
            if any(f.check == check and f.severity in serious for f in result.findings)
        ]
        if flagged:
            text = entry["text"].format(
                notes=note_list(flagged),
                count=plural(len(flagged), "note"),
                cases=plural(len({case_label(result) for result in flagged}), "case file"),
            )
            actions.append(Action(check, entry["owner"], text))
    return actions


def _at_least(level: str) -> tuple[Severity, ...]:
    """The severities at least as serious as ``level``."""
    return SEVERITIES[: SEVERITIES.index(Severity(level)) + 1]


def note_list(results: Sequence[NoteResult]) -> str:
    """ "notes N1, N4 and N9", or the first few and how many more."""
    ids = list(dict.fromkeys(result.note.note_id or "(no ID)" for result in results))
    if len(ids) == 1:
        return f"note {ids[0]}"
    if len(ids) <= NOTES_NAMED:
        return f"notes {', '.join(ids[:-1])} and {ids[-1]}"
    return f"notes {', '.join(ids[:NOTES_NAMED])} and {len(ids) - NOTES_NAMED} more"
