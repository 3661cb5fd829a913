"""Read the data files that sit beside the checks: word lists, cue texts, examples.

Each check `<name>` has `<name>.toml` (its `[terms]` lists and `[cues.*]`
messages) and `<name>_examples.toml` (sentences it must flag and must pass).
An organisation extends a `[terms]` list through its rules file; nothing here
needs Python changes.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from recordcheck.model import Severity

CHECK_NAMES = ("opinion", "who_present", "sharing_rationale")


@cache
def read_data(name: str) -> dict[str, Any]:
    """Parse one TOML data file of this package (cached: the files never change at run time)."""
    resource = files(__package__) / f"{name}.toml"
    return tomllib.loads(resource.read_text(encoding="utf-8"))


def terms(
    name: str, extra: Mapping[str, Sequence[str]] | None = None
) -> dict[str, tuple[str, ...]]:
    """The `[terms]` lists of a data file, with an organisation's extra terms appended."""
    merged = {key: list(values) for key, values in read_data(name).get("terms", {}).items()}
    for key, values in (extra or {}).items():
        merged.setdefault(key, []).extend(values)
    return {
        key: tuple(dict.fromkeys(v.strip() for v in values if v.strip()))
        for key, values in merged.items()
    }


def extendable_terms() -> dict[str, frozenset[str]]:
    """Which `[terms]` lists each check lets a rules file extend."""
    return {name: frozenset(read_data(name).get("terms", {})) for name in CHECK_NAMES}


@dataclass(frozen=True)
class CueText:
    """What a finding with this cue tells the reader."""

    severity: Severity
    message: str
    suggestion: str


def cue_text(check: str, cue: str) -> CueText:
    entry = read_data(check)["cues"][cue]
    return CueText(Severity(entry["severity"]), entry["message"], entry["suggestion"])


@dataclass(frozen=True)
class Example:
    """A text a check must flag or must pass, with the note type it was exported with."""

    text: str
    note_type: str = ""


def examples(check: str) -> dict[str, list[Example]]:
    """`must_flag` and `must_pass` examples a check ships with (its tests run them)."""
    data = read_data(f"{check}_examples")
    return {
        outcome: [Example(e) if isinstance(e, str) else Example(**e) for e in data.get(outcome, [])]
        for outcome in ("must_flag", "must_pass")
    }


def word_classes(name: str) -> dict[str, frozenset[str]]:
    """The `[word_classes]` of a data file: closed sets of words a check's grammar reads."""
    return {key: frozenset(words) for key, words in read_data(name).get("word_classes", {}).items()}
