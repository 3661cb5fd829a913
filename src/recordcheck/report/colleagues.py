"""Other workers' names, so the supervision handout never quotes a note that names one.

A handout is for one worker: the team's figures are totals, and a quotation
from their notes that holds a colleague's name ("Joanne", "Okafor", "Kerry
Walsh") is passed over for another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ROLE_IN_BRACKETS = re.compile(r"\([^)]*\)")
_COMMON = frozenset({"duty", "team", "mash", "the", "and", "service", "worker", "manager"})


def colleague_names(authors: Sequence[str], author: str) -> list[re.Pattern]:
    """Patterns for every other author's name and its parts ("Okafor", "Joanne")."""
    own = set(_name_words(author))
    patterns = []
    for other in authors:
        if other == author:
            continue
        words = _name_words(other)
        patterns.append(re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"))
        patterns += [
            re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
            for word in words
            if len(word.rstrip(".")) > 2 and word not in own and word.lower() not in _COMMON
        ]
    return patterns


def _name_words(author: str) -> list[str]:
    """ "MASH Duty - Fiona Lake" -> Fiona, Lake; "Kerry Walsh (IDVA)" -> Kerry, Walsh."""
    name = _ROLE_IN_BRACKETS.sub(" ", author).rsplit(" - ", 1)[-1]
    return name.split() or author.split()


def names_colleague(text: str, others: list[re.Pattern]) -> bool:
    return any(pattern.search(text) for pattern in others)
