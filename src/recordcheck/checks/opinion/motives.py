"""Motives and feelings given as the reason for what someone did.

Recording standard, "Check `opinion`": unsupported states of mind or intent of
someone else are flagged ("He was trying to provoke staff"). Writers often put
them in a reason clause rather than a sentence of their own: "crying because
she misses her mum", "refused because he wanted attention", "went happy
because she likes the bus". The parse shows them: a clause opened by
"because" (or "as", "since") whose verb is a verb of wanting, feeling or
knowing, said of someone other than the writer. What the person said is
reported speech and passes ("said she refused because she wanted to go
home"); the writer's own reasons ("because I wanted to check") are not
mind-reading. The verbs are data in terms.toml ([word_classes]).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from recordcheck.datafiles import package_toml, word_classes

WORD_CLASSES = word_classes(package_toml(__package__, "terms.toml"))
# verbs whose subject's mind only they can know: "wants", "misses", "likes"
MENTAL_VERBS = WORD_CLASSES["mental_verbs"]
# what opens a reason clause
REASON_MARKS = WORD_CLASSES["reason_marks"]
FIRST_PERSON = WORD_CLASSES["first_person"]


def reason_clauses(doc: Doc) -> list[Span]:
    """The reason clauses in the note that give someone else's motive or feeling."""
    return [_clause(t) for t in doc if _gives_a_motive(t)]


def _gives_a_motive(verb: Token) -> bool:
    if verb.pos_ != "VERB" or verb.dep_ != "advcl" or verb.lemma_.lower() not in MENTAL_VERBS:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in REASON_MARKS for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ not in FIRST_PERSON


def _clause(verb: Token) -> Span:
    """The reason clause, from its "because" to its last word."""
    words = list(verb.subtree)
    end = words[-1].i + 1
    while end > words[0].i + 1 and verb.doc[end - 1].is_punct:
        end -= 1
    return verb.doc[words[0].i : end]
