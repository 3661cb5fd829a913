"""A document an agency sent, heading what it says: "MIU letter 08/05: XR - undisplaced
fracture", "Housing letter: arrears cleared".

The recording standard counts a notification received from an agency as an inbound contact.
A letter named with its agency and followed by a colon, with nothing between but its date,
is that agency's letter, and what follows is its content. The writer's own letter is
written to someone ("Letter to GP: ..."), and one only planned or awaited has a verb that
says so ("GP letter to follow", "awaiting MIU letter"); those are read by the rules for
messages in parties.py.
"""

from __future__ import annotations

from spacy.tokens import Token

from recordcheck.datafiles import package_toml

DOCUMENT_LEMMAS = frozenset(package_toml(__package__, "words.toml")["document_lemmas"])
DATE_MARKS = frozenset({"/", ".", "-"})  # inside a date the tokeniser split: "08/05"
HEADING_REACH = 4  # tokens from the document word to its colon: "letter 08/05:"


def heads_a_document(noun: Token) -> bool:
    """Whether ``noun`` is a document word followed by a colon, with only a date between."""
    if noun.lemma_.lower() not in DOCUMENT_LEMMAS:
        return False
    for token in noun.doc[noun.i + 1 : min(noun.i + 1 + HEADING_REACH, noun.sent.end)]:
        if token.text == ":":
            return True
        if not (token.like_num or token.text in DATE_MARKS):
            return False
    return False
