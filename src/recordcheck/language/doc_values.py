"""Values of a parsed Doc that the components ask for again and again, worked out once.

spaCy rebuilds ``doc.text`` from every token on each read, and several components
read it for each sentence; a search over the tokens that many rules repeat is run
once per note. Each value is kept in ``doc.user_data``: nothing after the parser
changes a note's words or parse, so a kept value is the value.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span

TEXT_KEY = "rc_text"
FULL_MATCHES_KEY = "rc_full_matches"  # pattern -> indices of the tokens it matches whole
LINE_BREAK = re.compile(r"[^\n]*\n[\s\S]*")  # a token holding a line break ("\n", "\n\n  ")


def text_of(doc: Doc) -> str:
    """``doc.text``, read once."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def tokens_matching(doc: Doc, pattern: re.Pattern) -> list[int]:
    """The indices, in order, of the tokens whose whole text ``pattern`` matches."""
    kept = doc.user_data.setdefault(FULL_MATCHES_KEY, {})
    if pattern not in kept:
        kept[pattern] = [token.i for token in doc if pattern.fullmatch(token.text)]
    return kept[pattern]


def any_token_matching(doc: Doc, pattern: re.Pattern, start: int, end: int) -> bool:
    """Whether a token in ``doc[start:end]`` matches ``pattern`` whole: an exact test a
    rule can ask first, to skip a walk over a subtree when no such token is there."""
    indices = tokens_matching(doc, pattern)
    at = bisect_left(indices, start)
    return at < len(indices) and indices[at] < end


def ends_in_question_mark(words: Span) -> bool:
    """``words.text.rstrip().endswith("?")``, read from its last words instead of building
    the text of the whole sentence."""
    doc = words.doc
    for i in range(words.end - 1, words.start - 1, -1):
        text = doc[i].text.rstrip()
        if text:
            return text.endswith("?")
    return False
