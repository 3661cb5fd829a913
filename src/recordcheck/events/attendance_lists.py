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
# what separates one attendee's item from the next
ITEM_SEPARATORS = (",", ";", "\n", ". ")
# a full stop before a capital ends a list run on its mark's line ("Present: ..., myself.
# Riverside Medical Practice sent information, did not attend"); not a title's or an
# initial's ("Dr. Faulkner", "J. Whitcombe")
LIST_END = re.compile(r"(?<![A-Z])(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bSt)\.\s+(?=[A-Z])")


def listed_as_present(sentence: Span, mention: Span) -> Party | None:
    """ "Present: PC Ashford (police), Hannah Cole (midwife), ...": all took part. The list
    is the mark's line, or, under a mark that ends its line, the list items below it; a
    line of minutes after the list ("- Mason: GP referral to the enuresis clinic") is what
    was said, not who was there, though the parser may run it into the same sentence."""
    lowered = sentence.text.lower()
    # "She does not want police involvement at present - frightened": a time, not a list
    found = [
        (sentence.start_char + m.start(), sentence.start_char + m.end())
        for m in ATTENDANCE_MARK.finditer(lowered)
    ]
    if not found:
        return None
    text = text_of(sentence.doc)
    # the nearest mark before the mention heads its list ("Chair: X (TM) / Present: ..."),
    # else the first after it on its line ("Hannah Greaves SW (chair), Gemma, ...")
    before = [mark for mark in found if mark[0] <= mention.start_char]
    mark_at, mark_end = before[-1] if before else found[0]
    line_end = text.find("\n", mark_at)
    line_end = len(text) if line_end < 0 else line_end
    line_start = text.rfind("\n", 0, mark_at) + 1
    if mention.start_char < line_start:
        return None  # a line before the list
    if mention.start_char > line_end and not _in_list_under(text, mark_at, line_end, mention):
        return None
    if mention.start_char <= line_end and LIST_END.search(text, mark_at, mention.start_char):
        return None  # after the list, on its line
    if _sent_apologies(text, mention):
        return None  # "ICPC chaired by Sue Harte (IRO); police gave apologies": not there
    # the list's own words decide: not a root the parser found on a line above the list
    # ("Minutes: KB - full minutes to follow. / Present: ..."), another record's verb, nor
    # a mark taken for a verb ("Present" read as an imperative)
    root = sentence.root
    if root.idx < line_start or any(at <= root.idx < end for at, end in found):
        root = mention.root
    return Party(root, root, "present")


def _sent_apologies(text: str, mention: Span) -> bool:
    """The mention's own item of the list, between the separators around it, gives
    apologies ("police gave apologies", "GP - apologies")."""
    start = max(text.rfind(mark, 0, mention.start_char) for mark in ITEM_SEPARATORS) + 1
    ends = [at for at in (text.find(mark, mention.end_char) for mark in ITEM_SEPARATORS) if at >= 0]
    return "apolog" in text[start : min(ends, default=len(text))].lower()


def _in_list_under(text: str, mark_at: int, line_end: int, mention: Span) -> bool:
    """The mark ends its line ("Present:") and the mention is on the line below it, or on
    a list item below that with only items between."""
    if text[mark_at:line_end].rstrip().rstrip(":-–").strip().count(" ") > 2:
        return False  # "Present: cl, Carla Dunne SW, ...": the list was on the mark's line
    first, *items = text[line_end + 1 : mention.start_char].split("\n")
    return not items or all(
        line.lstrip().startswith(LIST_BULLETS) or not line.strip() for line in [first, *items]
    )
