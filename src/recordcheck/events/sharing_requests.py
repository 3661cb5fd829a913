"""Purposes a sharing act takes from what the writer asked for or decided.

- telling a partner to do something is a request, whose purpose is the thing asked:
  "Told the pharmacist (if J turns up) to send him to us";
- a request whose subject the parser made of the act before it is the writer's, and the
  act's purpose: "Emailed J Harker asking for a written account";
- sharing after the note's decision, recorded under its label, gives notice of it to
  those who must act on it: "Decision: emergency recall. ... PC Hollis informed by
  phone" (the standard's corpus reading: a notice of a decision to the agency that
  must act on it has its purpose). The decision's own sentence or line is the decision,
  not a notice of it: "Decision: raised safeguarding concern with the LA" needs its reason.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from recordcheck.events.sharing_words import WORD_CLASSES, WRITER
from recordcheck.language.clauses import PAST_TAGS, line_start
from recordcheck.language.scope import Scope

# verbs of telling that, with "to" + a verb, ask the one told to do something
INSTRUCTING = WORD_CLASSES["instructing"]
# verbs of telling: "told them ... to update them" restates the telling, asks nothing
TELLING = WORD_CLASSES["telling"]
# the label under which a note records its decision: "Decision: recall"
DECISION_LABELS = WORD_CLASSES["decision_labels"]
LABEL_MARKS = (":", "-")


def instruction(token: Token, roots: dict[int, Token]) -> Token | None:
    """ "Told the pharmacist (if J turns up) to send him to us": the writer telling the one
    told to do something; not someone else's telling ("Dr Shah told mum to ...", "voices
    telling him to go")."""
    if token.i not in roots or token.lemma_.lower() not in INSTRUCTING:
        return None
    if token.dep_ in ("acl", "relcl", "amod") or token.tag_ == "VBG":
        return None  # "hearing voices telling him to go to the bridge": what he hears
    subject = Scope.subject_of(token)
    if subject is not None and subject.lower_ not in WRITER:
        return None
    told = [c for c in token.children if c.dep_ in ("dobj", "dative")]
    near = {token.i, *(c.i for c in token.children)}
    to_do = [
        t
        for t in token.subtree
        if t.dep_ == "xcomp"
        and t.head.i in near
        and not _telling_them_again(t, told)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
    ]
    return token if told and to_do else None


def _telling_them_again(verb: Token, told: list[Token]) -> bool:
    """ "told them about the missed doses to update them": the writer's telling restated,
    to the same one told; "told the pharmacist to send him to us" asks the pharmacist."""
    if verb.lemma_.lower() not in TELLING:
        return False
    objects = {c.lower_ for c in verb.children if c.dep_ in ("dobj", "dative")}
    return not objects or bool(objects & {t.lower_ for t in told})


def decision_label(doc: Doc) -> Token | None:
    """The label of the decision a note records ("Decision:", "DECISION -"), if any."""
    for token in doc[:-1]:
        if token.lower_ in DECISION_LABELS and doc[token.i + 1].text in LABEL_MARKS:
            return token
    return None


def notice_of_decision(label: Token | None, acts: Sequence[Span]) -> bool:
    """Sharing past the decision's own sentence or line: notice of it to those who must act
    on it (line_start stops at its sentence's start)."""
    if label is None:
        return False
    return any(act.start > label.i and line_start(act) != line_start(label) for act in acts)


def act_read_as_the_subject(subject: Token | None, roots: dict[int, Token]) -> Token | None:
    """ "Emailed J Harker asking for a written account": the parser folds the telegraphic act
    and its recipient into one noun phrase, the subject of the asking; the act opening that
    phrase is the writer's, and the request is its own."""
    if subject is None or subject.pos_ != "PROPN":
        return None
    opening = subject.doc[subject.left_edge.i]
    if opening.i not in roots or opening.dep_ != "compound" or opening.tag_ not in PAST_TAGS:
        return None
    return opening
