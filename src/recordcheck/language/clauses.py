"""Cut a sentence into its top-level clauses, so a finding covers only the offending one.

"Visited at 10am and mum seemed drunk" mixes a fact with a guess: the finding
should cover "mum seemed drunk". Clauses split at semicolons and dashes, at line
breaks and full stops the sentence splitter missed, and where a coordinated or
side clause brings its own subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from recordcheck.language.doc_values import LINE_BREAK, tokens_matching

# what a bulleted line opens with: "- Sent summary to ..."
BULLETS = {"-", "*", "•", "–", "·", ">"}
HARD_BREAKS = {";", "–", "—", "--", "•", "|"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl"}
SPLITTING_DEPS = frozenset({"conj", "parataxis", "advcl", "ccomp"})
COORDINATION_DEPS = frozenset({"conj", "parataxis"})
EDGE_TRIM = {"punct", "cc"}
FINITE_VERB_TAGS = {"VBD", "VBZ", "VBP"}
PAST_TAGS = frozenset({"VBD", "VBN"})  # "rang", "sent": the past or its participle
# voice-to-text: this many words or more with hardly a punctuation mark is a run-on
RUN_ON_WORDS = 30
WORDS_PER_MARK = 20
CLAUSES_KEY = "rc_clause_bounds"  # Doc.user_data: each sentence's clauses, cut once
STATEMENTS_KEY = "rc_statements"  # Doc.user_data: each token's statement, found once


DASHES = frozenset({"-", "\u2013", "\u2014"})
# a 24-hour time written as four digits: "1420"; not "101" or "999"
FOUR_DIGIT_CLOCK = r"(?:[01]\d|2[0-3])[0-5]\d"
# a log's time stamp before its entry: "19:05 rang EDT", "1420 TC Dr Bankole", "2pm phoned"
STAMP = re.compile(
    rf"(?:(?:[01]?\d|2[0-3])[:.][0-5]\d|{FOUR_DIGIT_CLOCK})(?:hrs?)?|\d{{1,2}}(?:am|pm)", re.I
)


def passive_agents(verb: Token) -> list[Token]:
    """Who a passive verb names as doing it, the words after its "by": "informed by Dawn"."""
    return [t for c in verb.children if c.dep_ == "agent" for t in c.children]


def opening_word(sentence: Span) -> Token | None:
    """The sentence's first word; a list item's number ("2. Rang the Front Door") is not,
    nor the time stamp of a running log ("19:05 rang EDT, duty SW Kim")."""
    return next(
        (
            t for t in sentence
            if not (t.is_punct or t.is_space or t.tag_ == "LS" or STAMP.fullmatch(t.text))
        ),
        None,
    )


def spaced_dash(token: Token) -> bool:
    """A dash with a space before it, which parts a label or an item from what follows
    ("Evie Y1 - fine", "ate well - slept"); "non-compliant" has none."""
    return token.text in DASHES and token.i > 0 and bool(token.nbor(-1).whitespace_)


def is_break(token: Token) -> bool:
    # a spaced hyphen separates clauses; "non-compliant" does not
    spaced_hyphen = (
        token.text == "-"
        and bool(token.whitespace_)
        and token.i > 0
        and bool(token.nbor(-1).whitespace_)
    )
    return token.text in HARD_BREAKS or spaced_hyphen or ends_statement(token)


def ends_statement(token: Token) -> bool:
    """A full stop or line break the sentence splitter missed: "No UTIs per DN. Happy."."""
    return token.text in (".", "!", "?") or (token.is_space and "\n" in token.text)


def line_start(words: Span | Token) -> int:
    """The first word of the line holding `words` (a token or a span), past any bullet:
    bulleted lines often parse as one sentence, and a plan on one line says nothing about
    the next."""
    doc = words.doc
    first = words.i if isinstance(words, Token) else words.start
    # the last line break before it, looked up among the note's breaks (found once)
    breaks, sent_start = tokens_matching(doc, LINE_BREAK), words.sent.start
    before = bisect_left(breaks, first)
    start = max(sent_start, breaks[before - 1] + 1) if before else sent_start
    while start < first and (doc[start].text in BULLETS or doc[start].is_space):
        start += 1
    return start


def statement_of(token: Token) -> Span:
    """The token's sentence, cut at line breaks and stray full stops (a bulleted log
    often parses as one long sentence). Kept on the Doc: the checks ask again and again."""
    doc = token.doc
    kept = doc.user_data.setdefault(STATEMENTS_KEY, {})
    if token.i not in kept:
        _keep_statements(doc, token.sent, kept)
    start, end = kept[token.i]
    return Span(doc, start, end)  # doc[start:end], less a slice's checks on kept bounds


def _keep_statements(doc: Doc, sent: Span, kept: dict[int, tuple[int, int]]) -> None:
    """Every token's statement in ``sent``, cut in one pass: working out one token's by
    searching both ways from it cost a walk over its statement for each word asked about."""
    start = sent.start
    for i in range(sent.start, sent.end):
        if ends_statement(doc[i]) or i == sent.end - 1:
            for member in range(start, i + 1):
                kept[member] = (start, i + 1)
            start = i + 1


def is_run_on(statement: Span) -> bool:
    """Dictated text that never stops: many words, almost no punctuation."""
    marks = sum(t.is_punct for t in statement)
    return len(statement) >= RUN_ON_WORDS and marks * WORDS_PER_MARK < len(statement)


def _starts_own_clause(
    token: Token, sent: Span, deps: frozenset[str], nested: bool = False
) -> bool:
    """With `nested`, a clause hung on any verb counts: a run-on nests each sentence in
    the one before it."""
    if token.dep_ not in deps or not (nested or token.head.i == sent.root.i):
        return False
    if token.dep_ == "ccomp" and token.i > token.head.i:
        return False  # "I think she is ..." stays one clause
    has_subject = any(child.dep_ in SUBJECT_DEPS for child in token.children)
    return has_subject and token.left_edge.i > token.head.i


def _starts_new_part(token: Token, sent: Span) -> bool:
    """A comma, or "and"/"but" before a new verb phrase: "arrived late and was rude"."""
    if token.i >= sent.end - 1 or token.i == sent.start:
        return False
    following = token.nbor(1)
    if token.text in (",", ":"):
        return True
    coordinated_verb = following.pos_ in ("VERB", "AUX") and following.dep_ in (
        "conj",
        "aux",
        "auxpass",
    )
    return token.lower_ in ("and", "but") and coordinated_verb


def _unjoined_verb(token: Token) -> bool:
    """Shorthand strings actions with no "and": "was drunk and abusive gave him a flask"."""
    if token.dep_ != "conj" or token.pos_ != "VERB" or token.tag_ not in FINITE_VERB_TAGS:
        return False
    before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
    return before is not None and not (before.is_punct or before.dep_ == "cc")


def _misread_subject_end(token: Token) -> int | None:
    """Where a finite verb the parser took for a subject clause ends: "gaz bedded down same
    spot was drunk" is two clauses ("What he did was wrong" is one)."""
    if token.dep_ != "csubj" or token.tag_ not in FINITE_VERB_TAGS:
        return None
    if token.left_edge.tag_ in ("WDT", "WP", "WRB", "IN"):
        return None
    return token.right_edge.i + 1


def clause_bounds(sent: Span, subordinate: bool = True) -> list[tuple[int, int]]:
    """Token ranges (start, end) of the sentence's clauses, in order.

    With subordinate=False only coordinated clauses are cut off, so a hedge
    keeps what it hedges ("It looks like the money is being taken").
    """
    deps = SPLITTING_DEPS if subordinate else COORDINATION_DEPS
    cuts = {sent.start, sent.end}
    run_on = is_run_on(sent)
    for token in sent:
        if is_break(token) and token.i > sent.start:
            cuts.add(token.i)
        elif _starts_own_clause(token, sent, deps, nested=run_on):
            cuts.add(token.left_edge.i)
        elif subordinate and _starts_new_part(token, sent):
            cuts.add(token.i)
        elif subordinate and _unjoined_verb(token):
            cuts.add(token.left_edge.i)
        elif subordinate and (end := _misread_subject_end(token)) is not None:
            cuts.add(end)
    edges = sorted(cuts)
    return [(a, b) for a, b in zip(edges, edges[1:], strict=False) if b > a]


def clause_of(token: Token, subordinate: bool = True) -> Span:
    """The clause holding the token, without leading/trailing punctuation and conjunctions."""
    sent = token.sent
    doc = token.doc
    start, end = next(
        (a, b) for a, b in _kept_clause_bounds(sent, subordinate) if a <= token.i < b
    )
    while start < end - 1 and (
        doc[start].dep_ in EDGE_TRIM or doc[start].is_punct or doc[start].is_space
    ):
        start += 1
    while end - 1 > start and (
        doc[end - 1].dep_ in EDGE_TRIM or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    return doc[start:end]


def _kept_clause_bounds(sent: Span, subordinate: bool) -> list[tuple[int, int]]:
    """``clause_bounds``, kept on the Doc: the checks ask for the clauses of one sentence
    many times over, and nothing changes the parse after the parser."""
    kept = sent.doc.user_data.setdefault(CLAUSES_KEY, {})
    key = (sent.start, sent.end, subordinate)
    if key not in kept:
        kept[key] = clause_bounds(sent, subordinate)
    return kept[key]


def labelled_sentence(sent: Span, label: str) -> Span:
    """The sentence without trailing punctuation or whitespace, labelled: what a note-level
    finding points at, so the quoted words end where the writer's words end."""
    end = sent.end
    while end > sent.start + 1 and (sent.doc[end - 1].is_space or sent.doc[end - 1].is_punct):
        end -= 1
    return Span(sent.doc, sent.start, end, label=label)
