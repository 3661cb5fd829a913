"""Where an evaluative word stands in its sentence: said of someone, or just used.

"He is manipulative" predicates the label of a person; "a difficult
conversation" and "she finds it difficult to ..." do not. Only predicative
uses ("X is/was/seemed/presented as WORD", a verbless "WORD on the phone.")
count as judging someone or something.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from recordcheck.checks.scope import Scope

PREDICATE_DEPS = {"acomp", "attr", "oprd"}
MANNER_VERBS = {
    "present",
    "look",
    "do",
    "cope",
    "settle",
    "engage",
    "behave",
    "act",
    "seem",
    "appear",
}


@dataclass(frozen=True)
class Use:
    """How an evaluative word is used: as a predicate or a modifier, and of what."""

    predicative: bool
    subject: Token | None  # what the word is said of, when the parse shows it


def use_of(token: Token) -> Use:
    dep, head = token.dep_, token.head
    if dep == "conj" and head.i != token.i:
        return use_of(head)
    own_subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if dep in PREDICATE_DEPS or (dep in ("ccomp", "xcomp") and token.pos_ == "ADJ"):
        return Use(True, own_subject or Scope.subject_of(head))
    if dep == "ROOT":
        return Use(True, Scope.subject_of(token))
    if dep == "amod" and head.lower_ == "as":
        return Use(True, Scope.subject_of(head.head))
    if dep == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in MANNER_VERBS:
        return Use(True, Scope.subject_of(head.head))
    if dep == "advmod" and head.lemma_.lower() in MANNER_VERBS:
        return Use(True, Scope.subject_of(head))
    if dep in ("amod", "compound"):
        if head.dep_ in PREDICATE_DEPS:
            return Use(True, Scope.subject_of(head.head))
        return Use(head.dep_ == "ROOT", head)
    return Use(False, None)
