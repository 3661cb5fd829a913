"""A meeting's list of who was there: "Present: PC Ashford (police), Hannah Cole
(midwife)". Everyone the list names took part, whether the list runs on the mark's own
line or as items below a mark that ends its line. The marks are in words.toml.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from recordcheck.datafiles import package_toml
from recordcheck.events.parties import Party
from recordcheck.language.doc_values import text_of

WORDS = package_toml(__package__, "words.toml")
ATTENDANCE_MARKS = tuple(WORDS["attendance_marks"])
ATTENDANCE_MARK = re.compile(
    "(?<!at )(?:" + "|".join(re.escape(mark) for mark in ATTENDANCE_MARKS) + ")"
)
LIST_BULLETS = ("-", "*", "•", "–")


def listed_as_present(sentence: Span, mention: Span) -> Party | None:
    """ "Present: PC Ashford (police), Hannah Cole (midwife), ...": all took part. The list
    is the mark's line, or, under a mark that ends its line, the list items below it; a
    line of minutes after the list ("- Mason: GP referral to the enuresis clinic") is what
    was said, not who was there, though the parser may run it into the same sentence."""
    lowered = sentence.text.lower()
    # "She does not want police involvement at present - frightened": a time, not a list
    found = [m.start() for m in ATTENDANCE_MARK.finditer(lowered)]
    if not found:
        return None
    text = text_of(sentence.doc)
    mark_at = sentence.start_char + min(found)
    line_end = text.find("\n", mark_at)
    line_end = len(text) if line_end < 0 else line_end
    line_start = text.rfind("\n", 0, mark_at) + 1
    if mention.start_char < line_start:
        return None  # a line before the list
    if mention.start_char > line_end and not _in_list_under(text, mark_at, line_end, mention):
        return None
    return Party(sentence.root, sentence.root, "present")


def _in_list_under(text: str, mark_at: int, line_end: int, mention: Span) -> bool:
    """The mark ends its line ("Present:") and the mention is on the line below it, or on
    a list item below that with only items between."""
    if text[mark_at:line_end].rstrip().rstrip(":-–").strip().count(" ") > 2:
        return False  # "Present: cl, Carla Dunne SW, ...": the list was on the mark's line
    first, *items = text[line_end + 1 : mention.start_char].split("\n")
    return not items or all(
        line.lstrip().startswith(LIST_BULLETS) or not line.strip() for line in [first, *items]
    )
