"""Who is the other party of a call, from the grammar around the call word.

attendees.py asks these when it looks for whom a call was with: a pronoun that
is who rang or was rung ("Rang her"), and the whole object of the call verb
("spoke to the hospice at home team").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from recordcheck.events.encounter_words import CALL_PREPOSITIONS


def referred_back(pronoun: Token, call: Span) -> bool:
    """The pronoun is who called or was called: "Rang her", "he rang", "call from her"."""
    head = pronoun.head
    if head.lower_ in CALL_PREPOSITIONS and pronoun.dep_ == "pobj":
        head = head.head
    return head.i == call.root.i and pronoun.dep_ in ("nsubj", "dobj", "dative", "pobj")


def called_party_phrase(verb: Token) -> list[Token]:
    """The whole object of "spoke to the hospice at home team", however long."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objects += [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in CALL_PREPOSITIONS
        for o in c.children
        if o.dep_ == "pobj"
    ]
    return [t for o in objects for t in o.subtree]
