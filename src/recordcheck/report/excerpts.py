"""Short quotations from notes: the sentence around a finding or contact, a note's first
sentence.

Writers never load spaCy, so sentence edges are found with punctuation alone;
that is good enough to show a reader where the flagged words sit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from recordcheck.model import Finding, NoteResult, Severity
from recordcheck.report.summary import author_label, case_label

# "Mr. Smith" and "Dr. Ahmed" do not end a sentence.
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "pc",
    "ds",
    "dc",
    "sgt",
    "st",
    "no",
    "tel",
    "approx",
    "e.g",
    "i.e",
}
# a quotation or bracket closing with the sentence ends it too: "... frighten him.' She is"
# quotes "She is", not "' She is"
_SENTENCE_END = re.compile(
    r"[.!?][\"'\u2019\u201d)\]]?(?=\s)|\n\s*\n|\n(?=\s*[-*\u2022])"
)
_SPACES = re.compile(r"\s+")
_SEVERITY_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


@dataclass(frozen=True)
class Quote:
    """Words before the flagged text, the flagged text, and the words after it."""

    before: str
    flagged: str
    after: str


# a note with several findings is split once, not once for each (twice, for findings.xlsx)
@lru_cache(maxsize=256)
def _sentence_ends(text: str) -> tuple[int, ...]:
    ends = []
    for match in _SENTENCE_END.finditer(text):
        # look back a few characters only: searching the whole prefix is quadratic
        before = text[max(0, match.start() - 12) : match.start()]
        word = re.search(r"([\w.]+)$", before)
        if match.group().startswith(".") and word and _abbreviated(word.group(1), before):
            continue
        ends.append(match.end())
    return tuple(ends)


def _abbreviated(word: str, before: str) -> bool:
    """ "Dr." does not end a sentence, nor an initial: "K. Adeyemi" (but "Mrs A." may)."""
    if word.lower() in _ABBREVIATIONS:
        return True
    title = re.search(r"(\w+)\.?\s+\w$", before)
    return len(word) == 1 and word.isupper() and not (title and title[1].lower() in _ABBREVIATIONS)


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text)


def shorten(text: str, limit: int, *, from_left: bool = False) -> str:
    """Cut ``text`` to about ``limit`` characters at a word boundary, marking the cut; a
    bracket is kept whole or left out, never cut open ("Attended MARAC (virtual")."""
    text = _squash(text).strip()
    if len(text) <= limit:
        return text
    if from_left:
        cut = text[-limit:]
        cut = cut[cut.find(" ") + 1 :] if " " in cut else cut
        return "\u2026" + _outside_brackets(cut, from_left=True)
    cut = text[:limit]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return _outside_brackets(cut).rstrip(",;:- ") + "\u2026"


def _outside_brackets(cut: str, *, from_left: bool = False) -> str:
    """A cut piece without a bracket left open at its cut end."""
    if from_left:
        depth, keep_from = 0, 0
        for position, char in enumerate(cut):
            depth += (char == "(") - (char == ")")
            if depth < 0:  # a ")" whose "(" was cut off: start after it
                depth, keep_from = 0, position + 1
        return cut[keep_from:].lstrip() or cut
    depth, open_at = 0, []
    for position, char in enumerate(cut):
        if char == "(":
            open_at.append(position)
        elif char == ")" and open_at:
            open_at.pop()
        depth = len(open_at)
    if depth and open_at[0] > 0:
        return cut[: open_at[0]].rstrip()
    return cut


def closed_end(text: str, start: int, end: int, reach: int = 60) -> int:
    """``end`` moved past the ")" or '"' closing a bracket or quotation that text[start:end]
    opens, when it comes within ``reach`` characters: a finding's words are quoted whole."""
    piece = text[start:end]
    if piece.count("(") > piece.count(")"):
        close = text.find(")", end, end + reach)
        if close != -1 and "(" not in text[end:close]:
            end = close + 1
    if text[start:end].count('"') % 2:
        close = text.find('"', end, end + reach)
        if close != -1:
            end = close + 1
    return end


def evidence_words(text: str, evidence: str, reach: int = 40) -> str:
    """A contact's quoted words on one line, with a bracket they leave open closed from
    the note's text when it closes within ``reach`` characters, else cut before it:
    "Call from PC Patel (collar no. 4417" -> "Call from PC Patel (collar no. 4417)"."""
    piece = " ".join(evidence.split())
    if piece.count("(") <= piece.count(")"):
        return piece
    at = text.find(evidence)
    close = text.find(")", at + len(evidence)) if at >= 0 else -1
    if 0 <= close - (at + len(evidence)) <= reach:
        return " ".join(text[at : close + 1].split())
    return piece[: piece.rfind("(")].rstrip(" ,;:-")


def quote_around(text: str, start: int, end: int, *, context: int = 160) -> Quote:
    """The sentence(s) holding text[start:end], trimmed to ``context`` characters each side."""
    end = closed_end(text, start, end)
    sentence_start, sentence_end = _sentence_bounds(text, start, end)
    before = shorten(text[sentence_start:start], context, from_left=True)
    after = shorten(text[end:sentence_end], context)
    # keep the single spaces that separate the flagged words from their neighbours
    gap_before = " " if before and text[start - 1 : start].isspace() else ""
    gap_after = " " if after and text[end : end + 1].isspace() else ""
    return Quote(before + gap_before, _squash(text[start:end]), gap_after + after)


def sentence_around(text: str, start: int, end: int, limit: int = 200) -> str:
    """The sentence holding text[start:end], on one line, shortened if long."""
    sentence_start, sentence_end = _sentence_bounds(text, start, end)
    return shorten(text[sentence_start:sentence_end], limit)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ends = _sentence_ends(text)
    sentence_start = max((e for e in ends if e <= start), default=0)
    return sentence_start, min((e for e in ends if e >= end), default=len(text))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, leading spaces left out."""
    spans, start = [], 0
    for end in [*_sentence_ends(text), len(text)]:
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            spans.append((start, end))
        start = end
    return spans


@dataclass(frozen=True)
class Example:
    result: NoteResult
    finding: Finding
    quote: Quote


def pick_examples(results: Iterable[NoteResult], check: str, count: int = 3) -> list[Example]:
    """The clearest findings for ``check``: most severe first, with a suggestion, short,
    and spread across authors and case files so one person's notes do not dominate."""
    candidates = [
        (result, finding)
        for result in results
        for finding in result.findings
        if finding.check == check
    ]
    candidates.sort(
        key=lambda pair: (
            _SEVERITY_RANK.get(pair[1].severity, 3),
            not pair[1].suggestion,
            abs(len(pair[1].text) - 40),
        )
    )
    chosen: list[Example] = []
    seen_authors: set[str] = set()
    seen_cases: set[str] = set()
    for prefer_new in (True, False):
        for result, finding in candidates:
            if len(chosen) == count:
                return chosen
            if any(example.finding is finding for example in chosen):
                continue
            author, case = author_label(result), case_label(result)
            if prefer_new and (author in seen_authors or case in seen_cases):
                continue
            seen_authors.add(author)
            seen_cases.add(case)
            quote = quote_around(result.note.text, finding.start, finding.end)
            chosen.append(Example(result, finding, quote))
    return chosen
