"""Who made a contact the note records: the writer's service, the agency, or someone else.

Recording standard, "Contact events": a contact is the author's service dealing with
another agency. A partner named in a communication is not always ours to count: "Mum
said she had rung the police" is in someone else's account, "Advised mum to report it
to police" is mum's act, "the GP had called him" is the GP's contact with the person,
"Referred to SALT by the GP" is the GP's referral. The words are in words.toml beside
this module.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.events.parties import (
    CONTACT_LEMMAS,
    MESSAGE_NOUNS,
    Party,
    sent_elsewhere,
    told_by_us,
)
from recordcheck.language.scope import Scope

WORDS = package_toml(__package__, "words.toml")
BOTH_WAYS = frozenset(WORDS["both_ways_lemmas"])
WRITER = frozenset(WORDS["writer_words"])
THIRD_PERSONS = frozenset({"him", "her", "them"})
CHANNEL_NOUNS = frozenset(WORDS["channel_nouns"])


class ContactActors:
    """Reads who made each contact, with the shared scope readings of one pipeline."""

    def __init__(self, scope: Scope):
        self.scope = scope

    def inside_someone_elses_account(self, verb: Token) -> bool:
        """ "Mum said she had rung the police": the contact is in what someone else said.
        The verb itself may be one of saying ("Reported to police", "Asked the GP to
        visit"): with no subject written, that is the writer's own act."""
        return any(
            node.pos_ in ("VERB", "AUX") and self.scope.reported_by_other(node)
            for node in verb.ancestors
        )

    def actor(self, verb: Token, party: Party, mention: Span) -> str:
        """Who made the contact: "writer", "agency" (the mentioned one), or "someone else"."""
        if party.link == "opening":
            return "writer"  # "Rang the GP", "Referral to MASH": the note's own clipped voice
        if party.link == "subject":
            return _actor_of_subject(verb)
        if party.link == "by":
            # "Referred by Dr Mistry": they contacted us; "referred to SALT by the GP", "Cl
            # was told by police", "PNC checked by PC Walsh": theirs, with someone else
            return "someone else" if sent_elsewhere(verb) else "agency"
        if party.link == "passive":
            # "was notified by the school" (theirs); "by phone" names the channel, not who
            agent = [
                t for c in verb.children if c.dep_ == "agent" for t in c.children
                if t.lower_ not in CHANNEL_NOUNS
            ]
            return "someone else" if agent else "writer"
        if _someone_told_to(verb, mention):
            return "someone else"  # "Advised mum to report it to police": mum's act, not ours
        subject = Scope.subject_of(verb)
        if subject is None or subject.lower_ in WRITER or subject.dep_ == "expl":
            return "writer"
        if subject.lemma_.lower() in CONTACT_LEMMAS or subject.lower_ in MESSAGE_NOUNS:
            return "writer"  # "Referral to MASH submitted": the thing sent, sent by us
        if mention.start <= subject.i < mention.end:
            return "agency"
        if subject.pos_ == "PRON" and subject.lower_ in ("she", "he", "they") and party.link in (
            "from", "with"
        ):
            return "writer"  # "she had a call from the GP": the person, with us, heard
        return "someone else"


def _actor_of_subject(verb: Token) -> str:
    if told_by_us(verb):
        return "writer"  # "School informed", "DoLS team notified": we told them
    # "the GP had called him", "police referred her to witness care": their contact
    # with the person, not with us (a visit to the person we support is with us)
    spoken_to = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if verb.lemma_.lower() not in BOTH_WAYS and any(c.lower_ in THIRD_PERSONS for c in spoken_to):
        return "someone else"
    return "agency"


def _someone_told_to(verb: Token, mention: Span) -> bool:
    """ "Advised mum to keep police updated": the verb is what someone else was told to do."""
    if verb.dep_ not in ("xcomp", "advcl", "ccomp"):
        return False
    told = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
    return any(not (mention.start <= t.i < mention.end) for t in told)
