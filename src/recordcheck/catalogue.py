"""Every check, read from its own folder's declaration: the one list of checks there is.

A check is a folder holding `check.toml` (what it is: id, title, the part of
the recording standard it enforces, scoring unit, what it applies to, guide
text, cue messages, the events components it reads), `terms.toml` (its word
lists), `examples.toml` (sentences it must flag and must pass) and, for checks
with their own grammar, `component.py`. Evaluate, the report guide, the writers and the rules loader
all ask this module; none keeps its own list, so adding a check is adding a
folder (and corpus labels).

Bundled checks live in `recordcheck/checks/`. An organisation can add checks
built from word lists alone, without Python: folders named in the environment
variable RECORDCHECK_CHECK_FOLDERS (separated like PATH), each either a check
folder or a folder of them. This module never imports spaCy.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from recordcheck.datafiles import package_toml, path_toml
from recordcheck.model import Severity

BUNDLED_PACKAGE = "recordcheck.checks"
FOLDERS_VARIABLE = "RECORDCHECK_CHECK_FOLDERS"
DECLARATION = "check.toml"
UNITS = ("span", "note")
# How a check is built: its own component.py (bundled checks only), or the
# generic word-list component, which needs no Python from the check's author.
KINDS = ("component", "terms")


class CatalogueError(ValueError):
    """A check folder whose declaration cannot be used; the message names the file."""


@dataclass(frozen=True)
class CueText:
    """What a finding with this cue tells the reader."""

    severity: Severity
    message: str
    suggestion: str  # used as written when the cue declares no rewrite
    # how to rewrite the flagged sentence: its `[cues.<cue>.rewrite]` table (see rewrites.py)
    rewrite: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Example:
    """A text a check must flag or must pass, with the note type it was exported with."""

    text: str
    note_type: str = ""


@dataclass(frozen=True)
class CheckSpec:
    """One check as its folder declares it."""

    id: str
    order: int
    title: str
    short: str  # a table column heading
    text_title: str  # the heading of its findings in the plain-text report
    standard: str  # the part of the recording standard it enforces
    unit: str  # "span" or "note": how findings are scored
    applies_to: str
    kind: str
    factory: str
    span_group: str
    # the span group marking what makes a note one the check applies to ("" for every note)
    applies_group: str
    # components of the events layer the check reads (check.toml `needs`), by factory name:
    # the pipeline runs them before it, and the rules file's table extends their lists too
    needs: tuple[str, ...]
    model: str  # a trained model under recordcheck/models/ the component takes, or ""
    requires: str  # what a good note does
    why: str  # why it matters
    strength: str  # how to name it when an author does this well
    cues: Mapping[str, CueText]
    folder: Traversable = field(repr=False)
    package: str | None = None  # the Python package of a bundled check

    @property
    def gold_key(self) -> str:
        """Its key in the corpus's gold files ("who-present" -> "who_present")."""
        return self.id.replace("-", "_")

    def data(self, name: str) -> dict[str, Any]:
        """One of the folder's TOML files, or {} when the folder has none of that name."""
        if self.package is not None:
            resource = self.folder / name
            return package_toml(self.package, name) if resource.is_file() else {}
        path = Path(str(self.folder)) / name
        return path_toml(path) if path.is_file() else {}

    def terms(self) -> dict[str, Any]:
        return self.data("terms.toml")

    def extendable_lists(self) -> frozenset[str]:
        """The `[terms]` lists an organisation's rules file may add words to."""
        return frozenset(self.terms().get("terms", {}))

    def examples(self) -> dict[str, list[Example]]:
        """`must_flag` and `must_pass` examples the check ships with (its tests run them)."""
        data = self.data("examples.toml")
        return {
            outcome: [
                Example(e) if isinstance(e, str) else Example(**e) for e in data.get(outcome, [])
            ]
            for outcome in ("must_flag", "must_pass")
        }

    def cue(self, cue: str) -> CueText:
        return self.cues[cue]


def all_checks() -> tuple[CheckSpec, ...]:
    """Every check, bundled and the organisation's own, in the standard's order."""
    return _catalogue(os.environ.get(FOLDERS_VARIABLE, ""))


def check_ids() -> tuple[str, ...]:
    return tuple(spec.id for spec in all_checks())


def spec_for(check_id: str) -> CheckSpec | None:
    return next((spec for spec in all_checks() if spec.id == check_id), None)


@cache
def _catalogue(extra_folders: str) -> tuple[CheckSpec, ...]:
    specs = [
        _read_spec(folder, f"{BUNDLED_PACKAGE}.{folder.name}")
        for folder in sorted(files(BUNDLED_PACKAGE).iterdir(), key=lambda f: f.name)
        if folder.is_dir() and (folder / DECLARATION).is_file()
    ]
    for entry in filter(None, extra_folders.split(os.pathsep)):
        specs.extend(_read_spec(folder, None) for folder in _check_folders(Path(entry)))
    seen: dict[str, CheckSpec] = {}
    for spec in specs:
        if spec.id in seen:
            raise CatalogueError(f"{spec.folder}: a check with id '{spec.id}' already exists")
        seen[spec.id] = spec
    return tuple(sorted(specs, key=lambda s: (s.order, s.id)))


def _check_folders(entry: Path) -> list[Path]:
    if (entry / DECLARATION).is_file():
        return [entry]
    if not entry.is_dir():
        raise CatalogueError(f"{entry}: no such check folder (named in {FOLDERS_VARIABLE})")
    return sorted(p for p in entry.iterdir() if (p / DECLARATION).is_file())


def _read_spec(folder: Traversable, package: str | None) -> CheckSpec:
    where = f"{folder}/{DECLARATION}"
    try:
        declared = (
            package_toml(package, DECLARATION)
            if package is not None
            else path_toml(Path(str(folder)) / DECLARATION)
        )
        check, guide = declared["check"], declared.get("guide", {})
        check_id = check["id"]
        kind = check.get("kind", "terms")
        unit = check.get("unit", "span")
        if kind not in KINDS or unit not in UNITS:
            raise CatalogueError(f"{where}: kind must be one of {KINDS}, unit one of {UNITS}")
        if kind == "component" and package is None:
            raise CatalogueError(
                f"{where}: a check outside recordcheck must be of kind 'terms' (word lists)"
            )
        title = check.get("title", check_id)
        return CheckSpec(
            id=check_id,
            order=int(check.get("order", 100)),
            title=title,
            short=check.get("short", title),
            text_title=check.get("text_title", title),
            standard=check.get("standard", ""),
            unit=unit,
            applies_to=check.get("applies_to", "every note"),
            kind=kind,
            factory=check.get("factory", "rc_terms_check"),
            span_group=check.get("span_group", "rc_" + check_id.replace("-", "_")),
            applies_group=check.get("applies_group", ""),
            needs=tuple(check.get("needs", ())),
            model=check.get("model", ""),
            requires=guide.get("requires", "See the recording standard."),
            why=guide.get("why", ""),
            strength=guide.get("strength", f"meets the '{title}' check"),
            cues={
                cue: CueText(
                    Severity(text["severity"]), text["message"], text["suggestion"],
                    dict(text.get("rewrite", {})),
                )
                for cue, text in declared.get("cues", {}).items()
            },
            folder=folder,
            package=package,
        )
    except (KeyError, ValueError, TypeError) as error:
        if isinstance(error, CatalogueError):
            raise
        raise CatalogueError(f"{where}: {error!r} is missing or not valid") from error
