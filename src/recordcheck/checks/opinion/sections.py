"""Sections of a note whose words are not the writer's own unsupported claims.

Four headings set their text apart (corpus/README.md, readings settled across the
adjudications, and the recording standard's "what someone said, attributed"):
  own account   SOAP "S:" (subjective): the person's own account, in their terms;
  examination   a mental state examination ("MSE:", "Mental state:"): a clinician's
                structured examination, each item a finding of a recognised
                assessment ("Mood low, reactive affect", "Insight partial"), not a
                verdict written in passing; and so are the items of a capacity
                assessment ("Understand:", "Retain:", "Communicate:");
  diagnosis     "Diagnosis:", "Dx:": the diagnosis on record, as the standard's
                "(45, dx paranoid schizophrenia)" is;
  history       "Hx:", "History:": the history taken, the person's own account and
                the records', not the writer's verdict on the day.
A section is the rest of the heading's line; when the heading stands alone on
its line ("MSE" then "Appearance: ...", "Speech: ..."), the lines after it that
open on a label of their own belong to it too. The headings are data, in
terms.toml ([sections]).

One more kind is introduced by whoever gave it rather than headed: a line that
ends on a saying and a colon ("He disclosed:", "Summary of what Amelia said:")
and the list under it, each item a line opening on a bullet. The items are what
was said, attributed, however little each repeats the "said" (terms.toml,
[account_lists]).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from recordcheck.datafiles import package_toml
from recordcheck.language.doc_values import text_of

TERMS = package_toml(__package__, "terms.toml")
SET_APART_KEY = "rc_set_apart"  # Doc.user_data: the character ranges the note sets apart
HEADINGS = TERMS["sections"]
# a heading opens a line (or a sentence) and ends at a colon, or stands alone on its line:
# "MSE: ...", "MSE today: ...", "MSE\n", "S: ..." (but not "S upset" on a line of its own)
HEADING_WORDS = "|".join(re.escape(h) for words in HEADINGS.values() for h in words)
HEADING = re.compile(
    r"(?im)(?:^|(?<=\. ))[ \t]*(?:" + HEADING_WORDS + r")\b(?:[^:\n.]{0,20}?:|[ \t]*$)"
)
# a line that opens on a label of its own: "Appearance: ...", "A: ...", "Mood - ..."
SUB_LABEL = re.compile(r"[ \t]*[A-Za-z][A-Za-z /]{0,24}\s*[:\-]")
# a line ending on a saying and a colon: "He disclosed:", "What Amelia said:"
SAYINGS = "|".join(re.escape(w) for w in TERMS["account_lists"]["sayings"])
ACCOUNT_INTRO = re.compile(r"(?im)\b(?:" + SAYINGS + r")[ \t]*:[ \t]*$")
# an item of a list: "- ...", "* ...", "• ...", "1. ...", "2) ..."
LIST_ITEM = re.compile(r"[ \t]*(?:[-*\u2022\u2013]|\d{1,2}[.)])[ \t]+\S")


def set_apart_in(doc: Doc) -> list[tuple[int, int]]:
    """``set_apart`` of the note's text, worked out once per note: the claims and the
    states both ask for it."""
    kept = doc.user_data.get(SET_APART_KEY)
    if kept is None:
        kept = doc.user_data[SET_APART_KEY] = tuple(set_apart(text_of(doc)))
    return list(kept)


def set_apart(text: str) -> list[tuple[int, int]]:
    """The character ranges of the note that such headings set apart."""
    ranges = []
    for heading in HEADING.finditer(text):
        line_end = _line_end(text, heading.end())
        end = line_end
        if not text[heading.end() : line_end].strip():
            # the heading alone on its line: its labelled lines follow
            while end < len(text) and SUB_LABEL.match(text, end + 1):
                end = _line_end(text, end + 1)
        ranges.append((heading.end(), end))
    return ranges + _account_lists(text)


def _account_lists(text: str) -> list[tuple[int, int]]:
    """The list items under a line that ends on a saying and a colon."""
    ranges = []
    for intro in ACCOUNT_INTRO.finditer(text):
        end = _line_end(text, intro.end())
        while end < len(text) and LIST_ITEM.match(text, end + 1):
            end = _line_end(text, end + 1)
        if end > intro.end():
            ranges.append((intro.end(), end))
    return ranges


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end
