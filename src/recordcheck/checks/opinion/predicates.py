"""Where an evaluative word stands in its sentence: said of someone, or just used.

"He is manipulative" predicates the label of a person; "a difficult
conversation" and "she finds it difficult to ..." do not. Only predicative
uses ("X is/was/seemed/presented as WORD", a verbless "WORD on the phone.")
count as judging someone or something.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml, word_classes
from recordcheck.language.clauses import statement_of
from recordcheck.language.scope import Scope

PREDICATE_DEPS = {"acomp", "attr", "oprd"}
# "Pt v unkempt.", "Obs fine.": shorthand the parser cannot read; up to this many words
SHORTHAND_WORDS = 5
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# what parts the items of a shorthand list: "CD calm, apologised", "Mum upset - said ..."
ITEM_SUBJECT_POS = {"PROPN", "NOUN", "PRON", "ADV", "ADJ", "DET"}
ITEM_BREAKS = {",", "-", "\u2013", "\u2014", ":", ";", "(", ")"}
WORD_CLASSES = word_classes(package_toml(__package__, "terms.toml"))
MANNER_VERBS = WORD_CLASSES["manner_verbs"]


@dataclass(frozen=True)
class Use:
    """How an evaluative word is used: as a predicate or a modifier, and of what."""

    predicative: bool
    subject: Token | None  # what the word is said of, when the parse shows it


def use_of(token: Token, shorthand: bool = True) -> Use:
    """How the word is used; with shorthand=False, verbless lines are not read as predicates
    (for unlisted words, where "No UTIs per DN" would otherwise judge "UTIs")."""
    dep, head = token.dep_, token.head
    if dep == "conj" and head.i != token.i:
        return use_of(head, shorthand)
    own_subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if dep in PREDICATE_DEPS or (dep in ("ccomp", "xcomp") and token.pos_ == "ADJ"):
        return Use(True, own_subject or Scope.subject_of(head))
    if dep == "ROOT":
        # "had drunk half a bottle": a verb with its object, not a description
        acts_as_verb = any(
            c.dep_ == "dobj" or (c.dep_ == "aux" and c.lemma_.lower() == "have")
            for c in token.children
        )
        return Use(not acts_as_verb, Scope.subject_of(token))
    if dep == "amod" and head.lower_ == "as":
        return Use(True, Scope.subject_of(head.head))
    if dep == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in MANNER_VERBS:
        return Use(True, Scope.subject_of(head.head))
    if dep == "advmod" and head.lemma_.lower() in MANNER_VERBS:
        return Use(True, Scope.subject_of(head))
    if dep in ("advmod", "appos") and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN"):
        return Use(True, head)  # verbless "Ada very poorly this morning", "mum v defensive"
    if dep == "advcl" and token.pos_ == "ADJ":
        return Use(True, Scope.subject_of(head))  # "came back happy", "left upset"
    if dep in ("amod", "compound"):
        if head.dep_ in PREDICATE_DEPS:
            return Use(True, Scope.subject_of(head.head))
        if head.dep_ == "pobj" and use_of(head, shorthand).predicative:
            return use_of(head, shorthand)  # "presents as a happy, confident girl"
        if head.dep_ == "ROOT":
            return Use(True, head)
        in_shorthand = _shorthand_use(token) if shorthand else Use(False, None)
        return in_shorthand if in_shorthand.predicative else Use(False, head)
    return _shorthand_use(token) if shorthand else Use(False, None)


def _shorthand_use(token: Token) -> Use:
    """In a verbless shorthand line ("Pt v unkempt.", "Obs fine after.") the word is said
    of the line's first word, however the parser mislabelled it. A log line is often a
    list of such items ("CD calm, apologised for the fire"; "Mum upset but supportive -
    said ..."): the item the word stands in is read the same way."""
    statement = statement_of(token)
    item = _words(item_of(token, statement))
    # an item is a verdict when it ends on the word and opens on what it is said of:
    # "sats fine", but not "healing well", "mild fine tremor", "£50 fine"
    verdict_item = item[-1].i == token.i and item[0].pos_ in ITEM_SUBJECT_POS
    for words in (_words(statement), item if verdict_item else []):
        if not words or len(words) > SHORTHAND_WORDS or words[0].i == token.i:
            continue
        if not any(t.pos_ == "AUX" or t.tag_ in FINITE_TAGS for t in words[1:]):
            return Use(True, words[0])
    return Use(False, None)


def _words(span: Span) -> list[Token]:
    return [t for t in span if not (t.is_punct or t.is_space)]


def item_of(token: Token, statement: Span | None = None) -> Span:
    """The stretch of a list the token stands in, between commas, dashes or colons."""
    doc = token.doc
    statement = statement or statement_of(token)
    start, end = token.i, token.i + 1
    while start > statement.start and doc[start - 1].text not in ITEM_BREAKS:
        start -= 1
    while end < statement.end and doc[end].text not in ITEM_BREAKS:
        end += 1
    return doc[start:end]
