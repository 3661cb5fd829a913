"""A verdict of absence that sums up what the note has just recorded.

The standard flags a verdict "with no observable basis given in the same sentence or
the one next to it". A lone "No concerns." is the writer's conclusion from a record
next to it when the words before it in its sentence, or the statement just before,
record something done or measured:
- an act: a verb in the past, a participle or the present tense ("Pad changed at 03:00",
  "Eating at breakfast club", "Kelsey made a poster") that is not negated, modal or
  infinitival (a plan: "Will visit next week", "Plan to review"), is not a feeling or
  an effort (`not_behaviour_verbs`: "is struggling") or a bare encounter
  (`encounter_verbs`: "Visited", "Case reviewed", "Mum denied any problems"), and has an
  object or complement naming what was done, to whom or where ("Dad is trying hard",
  "Door sensor working" have none);
- or a count or measure of something: a number on a noun that is not a span of time
  ("Attendance 97%", "BP 122/70", "2 hourly turns"; not "in 6 weeks").
A heading, date or time ("Update:", "12/03/25", "14:00.") records neither. Over writers-dev
and writers-fresh the labellers left such verdicts unflagged (11 findings wrong to 2 right).
A verdict beside another verdict stays flagged: one the check found, before or without
the classifier's confirmation ("Good night. No concerns."), or a mild verdict word it
does not flag itself ("fine, no concerns", "a good night": `[severity_words].mild_verdicts`
in terms.toml, matched as whole runs of words).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from recordcheck.checks.opinion.spans import Candidate
from recordcheck.datafiles import package_toml, word_classes
from recordcheck.language.clauses import statement_of

TERMS = package_toml(__package__, "terms.toml")
WORDS = word_classes(TERMS)
ABSENCE_WORDS = WORDS["absence_words"]
UNREAL_MARKERS = WORDS["unreal_markers"]
NO_ACT_VERBS = WORDS["not_behaviour_verbs"] | WORDS["encounter_verbs"]
TIME_NOUNS = WORDS["rate_units"] | WORDS["duration_units"]
# bare verdicts of one to four words: "fine", "a good night", "in good spirits"
MILD_VERDICTS = frozenset(TERMS["severity_words"]["mild_verdicts"])
LONGEST_VERDICT = max(len(v.split()) for v in MILD_VERDICTS)
# finite or participle forms: the base form "Visit to Ellie", "Plan to ..." is a heading or plan
RECORDING_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ", "VBP"})
# what a verb's object or complement hangs on: what was done, to whom, where, when
NAMING_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "ccomp", "agent", "npadvmod", "prep"})


def drop_summaries(kept: Sequence[Candidate], found: Sequence[Candidate]) -> list[Candidate]:
    """The kept candidates less verdicts of absence that sum up a record next to them;
    `found` are all the candidates, before the classifier confirmed any, since a verdict
    it let go ("Quiet night") is still no record of what was observed."""
    return [c for c in kept if not _sums_up_a_record(c, found)]


def _sums_up_a_record(candidate: Candidate, candidates: Sequence[Candidate]) -> bool:
    clause = candidate.clause
    if candidate.cue != "vague-evaluation" or clause[0].lower_ not in ABSENCE_WORDS:
        return False
    statement = statement_of(clause.root)
    before = _statement_before(statement)
    words_before_it = statement.doc[statement.start : clause.start]
    others = [c for c in candidates if c.clause.start != clause.start]
    if any(_within(c.clause, statement) for c in others):
        return False
    if before is not None and any(_within(c.clause, before) for c in others):
        return False
    if _mild_verdict_in(words_before_it) or (before is not None and _mild_verdict_in(before)):
        return False
    return _records(words_before_it) or (before is not None and _records(before))


def _records(words: Span) -> bool:
    """Whether the words record an act done or a thing counted or measured."""
    return any(_is_recorded_act(t, words) or _counts_a_thing(t) for t in words)


def _is_recorded_act(token: Token, words: Span) -> bool:
    """An act with what it was done to among `words`: a heading's verb the parser hangs
    the verdict itself on ("Safeguarding:\nNo concerns.") names nothing done."""
    if token.tag_ not in RECORDING_TAGS or token.lemma_.lower() in NO_ACT_VERBS:
        return False
    if any(child.lower_ in UNREAL_MARKERS for child in token.children):
        return False
    return any(
        child.dep_ in NAMING_DEPS and words.start <= child.i < words.end
        for child in token.children
    )


def _counts_a_thing(token: Token) -> bool:
    """A number on a noun ("97 %", "BP 122/70"), not a span of time ("6 weeks")."""
    return (
        token.dep_ == "nummod"
        and token.like_num
        and token.head.pos_ in {"NOUN", "PROPN"}
        and token.head.lemma_.lower() not in TIME_NOUNS
    )


def _mild_verdict_in(words: Span) -> bool:
    """Whether any run of the words (up to the longest listed verdict) is a mild verdict."""
    lowered = [t.lower_ for t in words]
    runs = (
        " ".join(lowered[i : i + n])
        for n in range(1, LONGEST_VERDICT + 1)
        for i in range(len(lowered) - n + 1)
    )
    return any(run in MILD_VERDICTS for run in runs)


def _statement_before(statement: Span) -> Span | None:
    """The statement just before, skipping blank lines; None when the note opens here."""
    doc, i = statement.doc, statement.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct):
        i -= 1
    return statement_of(doc[i]) if i >= 0 else None


def _within(clause: Span, statement: Span) -> bool:
    return statement.start <= clause.start < statement.end
