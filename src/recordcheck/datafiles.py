"""Read the TOML data files that sit beside the code: the one loader every part uses.

Word lists, cue texts, agency names and identifier patterns live in data
files so an organisation can read and extend them without Python. Files
inside the package are read through importlib.resources (so an installed
wheel works as well as a checkout); a check folder outside the package is
read from its path.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

# A list whose name ends so is matched on lemmas ("seem" finds "seemed").
LEMMA_SUFFIX = "_lemma"


@cache
def package_toml(package: str, name: str) -> dict[str, Any]:
    """One TOML file of a package of recordcheck, parsed once (it never changes at run time)."""
    return tomllib.loads((files(package) / name).read_text(encoding="utf-8"))


@cache
def path_toml(path: Path) -> dict[str, Any]:
    """One TOML file outside the package, such as an organisation's own check folder."""
    return tomllib.loads(path.read_text(encoding="utf-8"))


def merged_terms(
    lists: Mapping[str, Sequence[str]], extra: Mapping[str, Sequence[str]] | None = None
) -> dict[str, tuple[str, ...]]:
    """Named word lists with an organisation's extra terms appended, blanks and repeats dropped."""
    merged = {key: list(values) for key, values in lists.items()}
    for key, values in (extra or {}).items():
        merged.setdefault(key, []).extend(values)
    return {
        key: tuple(dict.fromkeys(v.strip() for v in values if v.strip()))
        for key, values in merged.items()
    }


def word_classes(data: Mapping[str, Any]) -> dict[str, frozenset[str]]:
    """The `[word_classes]` table of a data file: closed word sets a grammar reads."""
    return {key: frozenset(words) for key, words in data.get("word_classes", {}).items()}


def list_name(key: str) -> str:
    """A word list's name without its matching-mode suffix ("hedges_lemma" -> "hedges")."""
    return key.removesuffix(LEMMA_SUFFIX)
