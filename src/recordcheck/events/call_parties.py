"""Calls, from the grammar around the call word: is it a call, and who was it with?

encounters.py asks whether a call word names a thing instead ("call bell"), parties.py
whether it labels someone's number ("Tel: 0161 ...");
encounters.py asks whether a call names its other party (`caller_named`);
attendees.py asks whom a call was with: a pronoun that is who rang or was rung
("Rang her"), and the whole object of the call verb ("spoke to the hospice at
home team"); encounters.py, whether a pronoun names whom the writer saw or called
("Saw him at the flat") or someone told of as they were then ("She was in good spirits").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.events.encounter_words import (
    CALL_HEADS,
    CALL_NOUNS,
    CALL_PREPOSITIONS,
    CHANNEL_PREPOSITIONS,
    HANDSET_NOUNS,
    SELF,
    STATE_PREPOSITIONS,
    THIRD_PERSON,
)
from recordcheck.language.scope import Scope

if TYPE_CHECKING:
    from recordcheck.events.attendees import Attendees

CALLER_WINDOW = 4  # tokens either side of "rang" / "call from" in which the other party is named
SUBJECT_PRONOUNS = frozenset(["he", "she"])  # "they" may be the carers, not the person
CONTACT_DETAIL_WORDS = frozenset(package_toml(__package__, "words.toml")["contact_detail_words"])


def a_call(call: Span, attendees: Attendees) -> bool:
    """A call, not a handset ("his phone", "phone switched off") nor a thing that rang.

    A handset noun names a call only after a channel preposition ("by phone", "on the
    phone") or as a modifier ("phone contact"); a call verb whose subject is a thing
    ("result phoned through") is not a call anyone took part in.
    """
    root = call.root
    if names_a_thing(call, attendees.is_party) or a_count(call, attendees.is_party):
        return False  # "Call bell within reach", "Phone number updated", "14 calls blocked"
    if len(call) == 1 and root.pos_ == "NOUN" and root.lemma_.lower() in HANDSET_NOUNS:
        return _handset_call(root)
    subject = Scope.subject_of(root) if root.pos_ == "VERB" else None
    return not (
        subject is not None
        and subject not in call  # "Telephone call" misread as a telephone that called
        and subject.pos_ == "NOUN"
        and not attendees.is_person(subject)
        and subject.lower_ not in attendees.party_words
    )


def _handset_call(handset: Token) -> bool:
    """ "phone contact", "by phone", "discussed with Ana on the phone": a call; "his phone",
    "mum on the phone", "irritable on phone", "Gone to his room and on phone": not ours.

    "On the phone" says someone was on a call: it is the writer's only as the channel of
    something the writer did, a verb in a tense with no subject but the writer.
    """
    if handset.dep_ == "compound" and handset.head.pos_ == "NOUN":
        return True  # "phone contact"
    preposition = handset.head
    if preposition.lower_ not in CHANNEL_PREPOSITIONS or any(
        c.dep_ == "poss" for c in handset.children
    ):
        return False
    if preposition.lower_ not in STATE_PREPOSITIONS:
        return True
    if preposition.dep_ != "prep":
        return False  # "to his room and on the phone": one of his whereabouts
    verb = preposition.head  # through what was done: "Discussed the plan on the phone"
    if verb.dep_ == "dobj" or (verb.dep_ == "pobj" and verb.head.dep_ == "prep"):
        verb = verb.head if verb.dep_ == "dobj" else verb.head.head  # "Spoke to mum on it"
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN", "VBP", "VBZ"):
        return False  # someone's state ("v demanding on phone"), not a thing done on it
    subject = Scope.subject_of(verb)
    return subject is None or subject.lower_ in SELF


def names_a_thing(call: Span, party: Callable[[Token], bool]) -> bool:
    """ "Call bell within reach", "Call log checked", "Phone number updated": one call word
    qualifying the thing after it (the tagger may read "Call bell" as an order to call a
    bell), not "phone contact", "telephone review" nor "Call GP" (a `party`)."""
    root, doc = call.root, call.doc
    following = doc[call.end] if call.end < len(doc) else None
    if len(call) != 1 or root.lower_ not in CALL_NOUNS or following is None:
        return False
    if following.pos_ != "NOUN" or party(following):
        return False
    if following.lemma_.lower() in CALL_HEADS:
        return False
    if root.dep_ in ("compound", "amod", "nmod") and root.head == following:
        return True
    opening = root.tag_ == "VB" and root.i == root.sent.start
    return opening and following.dep_ == "dobj" and following.head == root


def a_count(call: Span, party: Callable[[Token], bool]) -> bool:
    """ "14 calls blocked per the unit log", "No calls overnight": calls counted, none of them
    with anyone named, are not a call the writer took part in ("2 calls to the GP" are)."""
    root = call.root
    if root.tag_ != "NNS" or root.lower_ not in CALL_NOUNS:
        return False  # "by phone 13:40" is one call, at a time of day
    counted = any(
        (c.dep_ == "nummod" and c.is_digit) or (c.dep_ == "det" and c.lower_ == "no")
        for c in root.children
    )
    return counted and not any(map(party, called_party_phrase(root)))


def caller_named(calls: list[Span], attendees: Attendees) -> bool:
    """A call passes when the other party is named: "call from PC Jones", "rang her GP"."""
    for call in calls:
        doc, sent = call.doc, call.sent
        end = min(sent.end, call.end + CALLER_WINDOW)
        if call.end == sent.end and sent.end < len(doc):
            end = min(len(doc), sent.end + CALLER_WINDOW)  # "Rang" cut from "The Laurels"
        near = doc[max(sent.start, call.start - CALLER_WINDOW) : end]
        if call == sent:  # no call wording: the note type says it was a call
            near = doc[sent.start : max(end, sent.end)]
        candidates = [*near, *called_party_phrase(call.root)]
        if any(
            _call_party(t, call, attendees) and not (call != sent and t in call)
            for t in candidates
        ):
            return True
    return False


def _call_party(token: Token, call: Span, attendees: Attendees) -> bool:
    if token.lower_ in SELF or attendees.topic(token):
        return False
    if token.lower_ in THIRD_PERSON:
        return referred_back(token, call)  # "Rang her after": who was rung (pronoun_party)
    return attendees.is_person(token) or token.lower_ in attendees.party_words


def referred_back(pronoun: Token, call: Span) -> bool:
    """The pronoun is who called or was called: "Rang her", "he rang", "call from her"."""
    head = pronoun.head
    if head.lower_ in CALL_PREPOSITIONS and pronoun.dep_ == "pobj":
        head = head.head
    return head.i == call.root.i and pronoun.dep_ in ("nsubj", "dobj", "dative", "pobj")


def pronoun_party(encounter: Span) -> bool:
    """ "Rang her", "Met with him", "Saw them at the flat": a pronoun that is who the writer
    visited, met or called identifies who took part; with nobody named before it, it is the
    person the record is about (not "his phone", a possessive)."""
    return any(
        t.lower_ in THIRD_PERSON and t.dep_ != "poss" and referred_back(t, encounter)
        for t in encounter.sent
    )


def pronoun_described(doc: Doc, scope: Scope) -> bool:
    """ "Visited. She was in good spirits.", "he seemed agitated": a person the writer tells
    of in the past, by a pronoun, was there to be seen or heard (not "she will", "if he")."""
    for token in doc:
        if token.lower_ not in SUBJECT_PRONOUNS or token.dep_ != "nsubj":
            continue
        verb = token.head
        past = verb.tag_ == "VBD" or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children
        )
        if past and not scope.hypothetical(verb):
            return True
    return False


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


def heads_contact_details(opening: Token) -> bool:
    """ "Phone number for the GP", "Tel no. for Housing Options", "Tel: 0161 555 0101 (Larch
    Surgery)": the opening word labels someone's number; a note records contact details
    far more often than it spells out a call this way."""
    doc = opening.doc
    after = [t for t in doc[opening.i + 1 : opening.i + 4] if not t.is_space]
    if len(after) >= 2 and after[0].text == ":":
        return after[1].is_digit  # "Tel: 0161 ..."; "Call: GP re meds" is a call
    if not after:
        return False
    word = after[0].lower_ + ("." if len(after) > 1 and after[1].text == "." else "")
    return word in CONTACT_DETAIL_WORDS or after[0].lower_ in CONTACT_DETAIL_WORDS
