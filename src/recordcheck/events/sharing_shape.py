"""How a note's words sit in the parse: lines, headings, adjectives, passives.

Case notes are telegraphic and often bulleted, and the parser misreads them in
ways that repeat: a bulleted block parses as one sentence, "Outcome:" becomes a
subject, "the shared fridge" looks like sharing. These small tests, which need
no word lists, let the direction and party tests ask plain questions.
"""

from __future__ import annotations

from spacy.tokens import Span

from recordcheck.language.clauses import line_start
from recordcheck.language.scope import Scope


def modifies_noun(match: Span) -> bool:
    """A participle used as an adjective ("the shared fridge", ", shared bathroom").

    "... and updated reception" is a verb the tagger misread: it follows a conjunction.
    """
    previous = match.doc[match.start - 1] if match.start > match.sent.start else None
    modifier = match.root.dep_ in ("amod", "compound")
    opens_line = line_start(match) == match.start
    return (
        modifier
        and not opens_line
        and previous is not None
        and previous.pos_ not in ("CCONJ", "SPACE")
    )


def is_heading(token) -> bool:
    """ "Outcome:", "Action taken:": a label the parser took for the subject."""
    edge = token.right_edge
    following = token.doc[edge.i + 1] if edge.i + 1 < len(token.doc) else edge
    return ":" in (edge.text, following.text)


def explicit_passive(verb) -> bool:
    """ "Police are informed about Colin": an auxiliary makes the passive certain."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def names_what_was_sent(verb) -> bool:
    """ "Sent the chronology", "Referral sent": something was sent, not somebody."""
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return True
    return Scope.subject_of(verb) is not None
