"""The words of a partner-register cell, trimmed of the punctuation at their edges and
cut short where they run long (what_shared.py)."""

from __future__ import annotations

from spacy.tokens import Span

MAX_TOKENS = 12
# what may end a phrase without being part of it ("62%" keeps its sign)
_EDGE_PUNCTUATION = frozenset({".", ",", ";", ":", "-", "\u2013", "\u2014", "(", ")"})


def trimmed(words: Span) -> Span:
    """The words less punctuation, spaces and a dangling "and" at either edge."""
    while len(words) > 1 and (
        words[-1].text in _EDGE_PUNCTUATION or words[-1].is_space or words[-1].dep_ == "cc"
    ) and not (words[-1].text == ")" and "(" in words.text):  # "referral (for a PEG)"
        words = words[:-1]
    while len(words) > 1 and (words[0].text in _EDGE_PUNCTUATION or words[0].is_space):
        words = words[1:]
    return words


def cut_short(words: Span) -> str:
    """The (trimmed) words, cut short with "…"; or "" when the cut would lose a "not"."""
    if len(words) <= MAX_TOKENS:
        return words.text
    loses_a_not = any(t.dep_ == "neg" for t in words[MAX_TOKENS:])
    return "" if loses_a_not else words[:MAX_TOKENS].text + "…"
