"""A verdict of absence that sums up what the note has just recorded.

The standard flags a verdict "with no observable basis given in the same sentence or
the one next to it". A lone "No concerns." after a sentence that records what was seen
or done ("Eating at breakfast club. No concerns.", "2 hourly turns. No concerns.") is the
writer's conclusion from that record, and the labellers left it unflagged (12 such
findings wrong to 4 right over writers-dev and writers-fresh). After another bare verdict
("Good night. No concerns.", "Quiet night, no concerns") nothing observed stands next to
it, and it is flagged as before; so is one beside a mild verdict the check does not
flag itself ("fine, no concerns", "slept well. no concerns": severity_words in terms.toml).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from recordcheck.checks.opinion.spans import Candidate
from recordcheck.datafiles import package_toml, word_classes
from recordcheck.language.clauses import statement_of

TERMS = package_toml(__package__, "terms.toml")
ABSENCE_WORDS = word_classes(TERMS)["absence_words"]
# bare verdicts, one or two words: "fine", "ok", "well", "settled", "a good night"
MILD_VERDICTS = frozenset(TERMS["severity_words"]["mild_verdicts"])


def drop_summaries(kept: Sequence[Candidate], found: Sequence[Candidate]) -> list[Candidate]:
    """The kept candidates less verdicts of absence that follow a record with no verdict
    in it; `found` are all the candidates, before the classifier confirmed any, since a
    verdict it let go ("Quiet night") is still no record of what was observed."""
    return [c for c in kept if not _sums_up_a_record(c, found)]


def _sums_up_a_record(candidate: Candidate, candidates: Sequence[Candidate]) -> bool:
    clause = candidate.clause
    if candidate.cue != "vague-evaluation" or clause[0].lower_ not in ABSENCE_WORDS:
        return False
    statement = statement_of(clause.root)
    before = _statement_before(statement)
    if before is None:
        return False
    others = [c for c in candidates if c.clause.start != clause.start]
    if any(_within(c.clause, statement) or _within(c.clause, before) for c in others):
        return False
    words_before_it = statement.doc[statement.start : clause.start]
    return not (_mild_verdict_in(before) or _mild_verdict_in(words_before_it))


def _mild_verdict_in(words: Span) -> bool:
    lowered = [t.lower_ for t in words]
    pairs = [" ".join(lowered[i : i + 2]) for i in range(len(lowered) - 1)]
    return any(w in MILD_VERDICTS for w in lowered + pairs)


def _statement_before(statement: Span) -> Span | None:
    """The statement just before, skipping blank lines; None when the note opens here."""
    doc, i = statement.doc, statement.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct):
        i -= 1
    return statement_of(doc[i]) if i >= 0 else None


def _within(clause: Span, statement: Span) -> bool:
    return statement.start <= clause.start < statement.end
