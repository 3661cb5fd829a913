"""A party read from the note's lines where the parser ran several lines into one sentence.

Clipped records are written one to a line ("- Emailed Nadia Hussain PVH / - Emailed Katie
Lowther PO"), and attendance lists put their mark on a line of its own ("Present:" over
"Shanice, Olu Adeyemi (SW), ..."). The parser often joins such lines into one sentence, or
cuts the mark off from the list below it, and the sentence-level readings in parties.py
then miss the party. Here each line is read as the record the layout makes it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Span

from recordcheck.datafiles import package_toml
from recordcheck.events.attendance_lists import ATTENDANCE_MARKS, LIST_BULLETS, listed_as_present
from recordcheck.events.encounter_time import names_a_later_date
from recordcheck.events.encounter_words import DATA as ENCOUNTER_WORDS
from recordcheck.events.parties import Party, clipped_opening, verb_form
from recordcheck.language.clauses import PAST_TAGS, opening_word
from recordcheck.language.doc_values import LINE_BREAK, text_of, tokens_matching
from recordcheck.language.note_context import note_date

# A meeting word in the label of a line whose list follows a dash or colon: "Meeting held
# 03/03 - Karen Whitby (LADO), Beth Aldridge (SW), RI, myself".
MEETING_WORDS = re.compile(
    r"\b(?:" + "|".join(map(re.escape, ENCOUNTER_WORDS["terms"]["meeting_words"])) + r")\b",
    re.IGNORECASE,
)
# Words in such a label that put the meeting in the future: "Meeting booked 10/03 - ...".
FUTURE = [
    *ENCOUNTER_WORDS["terms"]["planned_after"],
    *ENCOUNTER_WORDS["terms"]["arranging_verbs"],
    "next",
    "will",
]
FUTURE_WORDS = re.compile(r"\b(?:" + "|".join(map(re.escape, FUTURE)) + ")", re.IGNORECASE)
LABEL_END = re.compile(r"\s[-–—]\s|:\s")
LIST_ITEMS = 3  # fewer is a place or a topic: "TAF meeting - Oakwood Primary, meeting room"
# A full stop or a new label ends an attendance list: "..., me. Apologies: Housing Options".
LIST_ENDS = re.compile(r"[.:](?:\s|$)")
# How many lines above a mention an attendance mark may head the list it is in.
LIST_REACH = 12
REFERRER_LABELS = tuple(package_toml(__package__, "words.toml")["referrer_labels"])


def party_by_layout(sentence: Span, mention: Span) -> Party | None:
    """The party the mention's own line makes it: the clipped opening of a line inside the
    sentence ("... 999 called. / - Rang Market Street Surgery, msg left"), or an item of an
    attendance list whose mark the parser put in an earlier sentence."""
    line = _line_of(sentence, mention)
    opening = opening_word(line)
    # a verb in the past records a contact; a noun ("- Referral to CLDT") may be a plan's item
    recorded = opening is not None and (verb_form(opening) or opening.tag_ in PAST_TAGS)
    opened = clipped_opening(line, mention) if recorded and line.start > sentence.start else None
    return (
        opened
        or _named_as_referrer(line, mention)
        or _listed_under_earlier_mark(sentence, mention)
        or _listed_after_meeting_label(sentence, mention)
    )


def _line_of(sentence: Span, mention: Span) -> Span:
    """The tokens of the sentence on the mention's line: from the token after the last line
    break before the mention to the first token holding one from its last token on. The
    note's line breaks are found once, not walked to from every mention."""
    doc = sentence.doc
    breaks = tokens_matching(doc, LINE_BREAK)
    before = bisect_left(breaks, mention.start)
    start = max(sentence.start, breaks[before - 1] + 1) if before else sentence.start
    start = min(start, mention.start)
    end = mention.end
    if end < sentence.end:
        after = bisect_left(breaks, end - 1)
        end = min(sentence.end, breaks[after] + 1) if after < len(breaks) else sentence.end
    return doc[start:end]


def _named_as_referrer(line: Span, mention: Span) -> Party | None:
    """ "Referrer: Ben Ashworth, Housing Officer, Cressfield Homes, 01632 960579": an intake
    record's label of who referred the case to us, the partner on its line before any full
    stop."""
    text = text_of(line.doc)
    opening = line[1] if line[0].text in LIST_BULLETS and len(line) > 1 else line[0]
    lowered = text[opening.idx : mention.start_char].lower()
    if not lowered.startswith(REFERRER_LABELS) or ". " in lowered:
        return None
    return Party(opening, opening, "theirs")  # their referral came to us


def _listed_under_earlier_mark(sentence: Span, mention: Span) -> Party | None:
    """ "Present: / Shanice, Olu Adeyemi (SW), ...", parsed as two sentences: the list is
    read from the nearest line above that holds an attendance mark, when that line is
    before the sentence (a mark in the sentence itself is read in parties.py)."""
    text = text_of(sentence.doc)
    line_start = text.rfind("\n", 0, mention.start_char) + 1
    for _ in range(LIST_REACH):
        line_end = text.find("\n", line_start)
        line = text[line_start : len(text) if line_end < 0 else line_end].lower()
        marks = [(line.find(mark), len(mark)) for mark in ATTENDANCE_MARKS if mark in line]
        if marks:
            break
        if line_start == 0:
            return None
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    else:
        return None
    found_at, length = min(marks)
    mark_at = line_start + found_at
    if mark_at >= sentence.start_char:
        return None  # the mark is in the sentence: read in parties.py
    own_line = text.rfind("\n", 0, mention.start_char) + 1
    if LIST_ENDS.search(text, max(own_line, mark_at + length), mention.start_char):
        return None  # "Present: ..., me. Northshire Police - report only.", "Apologies: ..."
    block = sentence.doc.char_span(line_start, sentence.end_char, alignment_mode="expand")
    return listed_as_present(block, mention) if block is not None else None


def _listed_after_meeting_label(sentence: Span, mention: Span) -> Party | None:
    """ "Meeting held 03/03 - Karen Whitby (LADO), Beth Aldridge (SW), RI, myself",
    "Strategy discussion 10:00 (Teams) - CSC, police CAIU (DC Amy Doherty), JP, SN": a line
    labelled with a held meeting, then a list of at least three, lists who took part. The
    label opens its line or its sentence: "LADO outcome. Meeting held 03/03 - ..."."""
    text = text_of(sentence.doc)
    line_start = max(text.rfind("\n", 0, mention.start_char) + 1, sentence.start_char)
    label_end = LABEL_END.search(text, line_start, mention.start_char)
    if label_end is None:
        return None
    label = text[line_start : label_end.start()]  # the line's first label only
    if LIST_ENDS.search(label) or not MEETING_WORDS.search(label) or FUTURE_WORDS.search(label):
        return None  # "Connor initial panel. ... Contract: ..., school": not the meeting's
    if names_a_later_date(label, note_date(sentence.doc)):
        return None  # "LADO meeting 21/10 - invite sent to me, police, ..." of 15/10: to come
    items = _top_level_items(text, label_end.end())
    starts = [start for start, _ in items]
    if len(items) < LIST_ITEMS or mention.start_char not in starts:
        return None
    return Party(sentence.root, sentence.root, "present")


def _top_level_items(text: str, start: int) -> list[tuple[int, int]]:
    """The comma- or semicolon-separated items from start to the line's or sentence's end,
    brackets kept whole: [(start, end), ...] of each item's text without its spaces."""
    items, depth, item_start = [], 0, start
    for index in range(start, len(text) + 1):
        char = text[index] if index < len(text) else "\n"
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and (char in ",;\n" or char == "." and _ends_sentence(text, index)):
            piece = text[item_start:index]
            stripped = piece.lstrip()
            items.append((index - len(piece) + (len(piece) - len(stripped)), index))
            item_start = index + 1
            if char in ".\n":
                break
    return items


def _ends_sentence(text: str, index: int) -> bool:
    """A full stop before a space or the end of the text, not the dot of "v1.2"."""
    return text[index + 1 : index + 2] in (" ", "\n", "")
