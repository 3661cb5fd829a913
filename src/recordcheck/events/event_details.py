"""Who reported an event and what was done about it, read from the parse.

Source: the subject (or the "by ..." agent) of a verb of reporting or finding
above the event's words ("PC Shah reported that ...", "School rang to say
...", "Neighbour found him ..."), or what follows "from" after a word such as
call or referral ("Call from Northgate Building Society"). Pronouns and the
writer are not sources: the chronology names who, or leaves the cell empty.

Outcome: the clause holding an action cue ("ambulance called", "body map
completed", "referred to MASH") after the event in its own statement, or in the
next one.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from recordcheck.language.clauses import clause_of
from recordcheck.language.contact_words import contact_cues

SUBJECTS = ("nsubj", "nsubjpass")
# "Referral received from the police": the verb that hangs the sender on a sent thing
RECEIVING = frozenset({"receive", "come", "get"})
# "Len found on floor": a finding verb with nothing found has the found one for subject
FINDING = frozenset({"find", "discover", "see", "notice", "spot"})
MAX_SOURCE_WORDS = 6
MAX_OUTCOME_CHARS = 160
_FIRST_PERSON = {"i", "we", "me", "us", "myself"}
_LEADING = {"det", "punct", "cc", "prep"}


def source_of(
    cue: Span, statement: Span, verbs: frozenset[str], nouns: frozenset[str]
) -> str:
    """Who reported the event, as the note names them, or ""."""
    for node in [cue.root, *cue.root.ancestors]:
        if not statement.start <= node.i < statement.end:
            break
        if node.lemma_.lower() in verbs and not _finds_nothing(node):
            who = _agent(node) or _subject(node)
            if who is not None and (named := _named(who)):
                return named
    return _sender(statement, nouns)


def opening_source(opening: Span, nouns: frozenset[str]) -> str:
    """Who a note that opens "Call from ...", "Contact from ..." came from, or ""."""
    start = opening.start
    heads = [t for t in opening[:3] if t.lemma_.lower() in nouns]
    if not heads or heads[0].i > start + 1:
        return ""
    return _sender(opening, nouns)


def _sender(statement: Span, nouns: frozenset[str]) -> str:
    """What follows "from" after a word such as call or referral: "Call from the school"."""
    for token in statement:
        if token.lower_ == "from" and _sent_thing(token.head, nouns):
            objects = [child for child in token.children if child.dep_ == "pobj"]
            if objects and (named := _named(objects[0])):
                return named
    return ""


def _sent_thing(head: Token, nouns: frozenset[str]) -> bool:
    """ "call from", or "referral received from", "contact came from"."""
    if head.lemma_.lower() in nouns:
        return True
    if head.lemma_.lower() not in RECEIVING:
        return False
    # "Referral received from ...": the parser hangs the thing on the verb or the verb on it
    near = [*head.children, head.head]
    return any(t.lemma_.lower() in nouns and t.i < head.i for t in near)


def _finds_nothing(verb: Token) -> bool:
    """ "Len found on floor" (he was found), not "Neighbour found him on the floor"."""
    return verb.lemma_.lower() in FINDING and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in verb.children
    )


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    # "School rang to say ...": the saying's subject is the ringing's
    if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        return _subject(verb.head)
    return None


def _agent(verb: Token) -> Token | None:
    """ "Was reported by the school" -> school."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _named(who: Token) -> str:
    """The words that name a source, its modifiers before it included: "Night HCA Bethany".

    Empty for pronouns and the writer, who the chronology cannot name.
    """
    # "Rang 101 and reported ...": a note's opening verb the parser took for a subject
    if who.pos_ in ("PRON", "VERB", "AUX") or who.lower_ in _FIRST_PERSON | _channel_words():
        return ""
    if _is_label(who):
        return ""
    words = [t for t in who.doc[who.left_edge.i : who.i + 1]]
    # "At 14:50 Mason told ...": the parser may take the time into the name
    while words and (words[0].dep_ in _LEADING or words[0].is_space or _has_digit(words[0])):
        words = words[1:]
    words = words[-MAX_SOURCE_WORDS:]
    # "Benn 15/10 18:22 - Stephen Gale": a name run into a date is two things, not a source
    if any(_has_digit(t) or t.text in ("-", "–", ":") for t in words):
        return ""
    return who.doc[words[0].i : words[-1].i + 1].text.strip() if words else ""


def _is_label(who: Token) -> bool:
    """ "Decision: raise a concern with ASC": a line's label the parser took for a subject."""
    doc, first = who.doc, who.left_edge.i
    opens_line = first == 0 or doc[first - 1].is_space or doc[first - 1].text in (".", "\n")
    return opens_line and who.i + 1 < len(doc) and doc[who.i + 1].text == ":"


@cache
def _channel_words() -> frozenset[str]:
    """ "rang", "emailed", "phoned": how a contact went, never who made it."""
    return frozenset(term.lower() for _, terms in contact_cues().channels for term in terms)


def _has_digit(token: Token) -> bool:
    return any(character.isdigit() for character in token.text)


def outcome_of(
    cue: Span, statement: Span, following: list[Span], outcomes: list[Span], negated
) -> Span | None:
    """The clause recording what was done after the event, or None.

    `following` are the statements after the event's own that may record it (up to the
    next event); `outcomes` are the action cues found in the note; `negated(span)` says
    whether one is denied ("police not informed").
    """
    for span in outcomes:
        after_cue = statement.start <= span.start < statement.end and span.start >= cue.end
        later = any(s.start <= span.start < s.end for s in following)
        if (after_cue or later) and not negated(span):
            clause = clause_of(span.root)
            if clause.start <= cue.start < clause.end:
                continue  # the event's own words, not what was done about it
            if len(clause.text) > MAX_OUTCOME_CHARS:
                clause = span
            return clause
    return None
