"""A meeting note written as one section per agency, and what that says of who took part.

"Police: no previous DA logged. / Health: GP flag in place. / Housing: n/a": what
each agency brought to the meeting says it was there. The same agencies as the
items of a list of actions ("Actions: / - Police: flag address") are given tasks,
whoever was there. Plain text, no spaCy: one section is a line of its own.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

_LIST_ITEM = re.compile(r"(?:[-*•–]|\d{1,2}[.)])\s*\S")
_BULLETS = " -*•–\t"
_PARENTHESES = re.compile(r"\([^)]*\)")  # "Housing (Brackenford CC)"
_WORDS = re.compile(r"[\w']+")
MOST_LABEL_WORDS = 4  # "Children's social care" labels a section; a sentence does not


def agency_sections(text: str, agencies: Collection[str], plan_headings: Sequence[str]) -> bool:
    """Two sections or more, each opening a line with an agency and a colon, none of them
    under a heading of plans or actions (whose list runs while its lines are items)."""
    found, under_plan = set(), False
    for line in text.splitlines():
        item = line.strip()
        label, colon, said = item.lstrip(_BULLETS).partition(":")
        label = _PARENTHESES.sub(" ", label).strip().lower()
        if colon and any(re.search(rf"\b{re.escape(h)}\b", label) for h in plan_headings):
            under_plan = True
            continue
        under_plan = under_plan and bool(_LIST_ITEM.match(item))
        words = set(_WORDS.findall(label))
        if (
            colon
            and said.strip()
            and not under_plan
            and len(words) <= MOST_LABEL_WORDS
            and (label in agencies or words & set(agencies))
        ):
            found.add(label)
    return len(found) >= 2
