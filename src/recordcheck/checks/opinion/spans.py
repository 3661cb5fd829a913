"""From a judged cue to the span the check marks.

A cue the rules keep (claims.py) becomes a Candidate: the clause that makes
the claim and the sentence the classifier would read. Candidates in touching
clauses of one sentence are then merged, so a reader sees one finding per
stretch of opinion rather than one per word, named by its most specific cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from recordcheck.datafiles import package_toml, word_classes
from recordcheck.language.clauses import DASHES, clause_of, is_run_on, spaced_dash, statement_of

# when one clause has several cues, the finding names the most specific
CUE_PRIORITY = ["unsupported-judgement", "mind-reading", "label", "hedge", "vague-evaluation"]
# a hedge or a judgement marker governs the clause it introduces: keep them together
WHOLE_CLAIM_CUES = {"hedge", "unsupported-judgement"}
# what parts the items of a list or a log line: "Ava watching TV, said hello, seemed fine";
# a dash only with a space before it ("Lily-Mae", "well-behaved" are one word each)
ITEM_BREAKS = {",", ";", ":"}
# the words a question in its own word order opens with, besides an auxiliary ("Are you ...")
QUESTION_WORDS = word_classes(package_toml(__package__, "terms.toml"))["question_words"]


@dataclass(frozen=True)
class Candidate:
    clause: Span
    cue: str
    sentence: Span
    weak: bool = False  # kept only when the classifier agrees strongly
    # the reading that found it, when its own classifier minimum applies (terms.toml,
    # [judging.classifier_minimum]) rather than its cue's
    reading: str | None = None


def candidate_for(match: Span, cue: str, weak: bool) -> Candidate:
    """The candidate finding for a cue the rules kept."""
    claim = claim_span(match, cue)
    # the classifier reads a run-on's clause: the whole dictated note would drown it
    statement = statement_of(claim.root)
    return Candidate(claim, cue, claim if is_run_on(statement) else statement, weak)


def asks(claim: Span) -> bool:
    """ "Are you ok for money this month?", "How is she doing?": a question put to
    someone records nothing as fact, whatever words it holds (no gold span in any split is
    one). Only a question in its word order counts: "Mum was drunk??" is the writer's
    guess with a query mark, still a guess; so is an exclamation ("How manipulative he
    was?!", "How rude!")."""
    statement = statement_of(claim.root)
    words = [t for t in statement if not (t.is_space or t.is_punct)]
    ending = "".join(t.text for t in statement if t.is_punct)[-3:]
    how_adjective = len(words) > 1 and words[0].lower_ == "how" and words[1].pos_ == "ADJ"
    exclaims = "!" in ending or how_adjective
    return (
        bool(words)
        and ending.endswith("?")
        and not exclaims
        and (words[0].lower_ in QUESTION_WORDS or words[0].pos_ == "AUX")
    )


def claim_span(match: Span, cue: str) -> Span:
    """The clause making the claim, ending at the first comma after the cue."""
    # a one-word hedge or marker ("clearly", "probably") qualifies only its own clause
    whole_claim = cue in WHOLE_CLAIM_CUES and not (len(match) == 1 and match.root.pos_ == "ADV")
    clause = clause_of(match.root, subordinate=not whole_claim)
    start = _item_start(clause, match)
    for token in clause.doc[match.end : clause.end - 2]:
        if token.text in (",", "(") or _joins_another_act(token):
            return clause.doc[start : token.i]
    return clause.doc[start : clause.end]


def _joins_another_act(token: Token) -> bool:
    """ "looked tired but chatted easily": the conjunction opens what the person did next,
    which is not part of the claim."""
    return token.dep_ == "cc" and any(
        c.dep_ == "conj" and c.pos_ == "VERB" and c.i > token.i for c in token.head.children
    )


def _item_start(clause: Span, match: Span) -> int:
    """Where the cue's own item starts. The parser often hangs a list of items on one
    verb ("Ava was watching TV, said hello, seemed fine"; "I explained who we are, she
    seemed relieved"): the items before the cue's are what happened, not the claim."""
    doc = clause.doc
    breaks = [t.i for t in doc[clause.start : match.start] if parts_items(t)]
    if not breaks:
        return clause.start
    start = breaks[-1] + 1
    while start < match.start and (doc[start].dep_ == "cc" or doc[start].is_space):
        start += 1
    return start


def parts_items(token: Token) -> bool:
    """A comma, semicolon, colon or spaced dash: where one item of a list or log line ends."""
    if token.text in DASHES:
        return spaced_dash(token)
    return token.text in ITEM_BREAKS


def merge_by_clause(candidates: list[Candidate]) -> list[Span]:
    """One span per run of flagged clauses in a sentence, labelled with its most specific cue."""
    if not candidates:
        return []
    doc = candidates[0].clause.doc
    merged: list[list] = []  # [start, end, cue]
    for candidate in sorted(candidates, key=lambda c: (c.clause.start, c.clause.end)):
        start, end, cue = candidate.clause.start, candidate.clause.end, candidate.cue
        last = merged[-1] if merged else None
        joined = (
            last is not None
            and statement_of(doc[last[1] - 1]) == candidate.sentence
            and _only_punctuation_between(doc, last[1], start)
        )
        if joined:
            last[1] = max(last[1], end)
            if CUE_PRIORITY.index(cue) < CUE_PRIORITY.index(last[2]):
                last[2] = cue
        else:
            merged.append([start, end, cue])
    return [Span(doc, start, end, label=cue) for start, end, cue in merged]


def _only_punctuation_between(doc: Doc, end: int, start: int) -> bool:
    return start <= end or all(t.is_punct or t.dep_ == "cc" or t.is_space for t in doc[end:start])
