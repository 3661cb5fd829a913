"""Whether the verb of a contact records it made: planned ("will ring", "to refer"),
wished ("wants police informed"), asked of someone ("DH please email Kev"), recorded as
done ("rang", "informed") or negated ("did not ring", "no referral made").

The contact reader (contacts.py) decides a contact's status from these; the words are
in words.toml beside this module.
"""

from __future__ import annotations

from spacy.tokens import Token

from recordcheck.datafiles import package_toml
from recordcheck.events.parties import verb_form
from recordcheck.events.plans import auxiliaries

WORDS = package_toml(__package__, "words.toml")
PLAN_AUX = frozenset({"will", "'ll", "shall", "to", "going", "need", "needs", "plan", "must"})
WISHES = frozenset(WORDS["wish_lemmas"])
REQUEST_WORDS = frozenset(WORDS["request_words"])


def planned(verb: Token) -> bool:
    """ "will ring", "to refer", "need to chase", "going to email": not yet done."""
    if any(c.dep_ == "aux" and c.lower_ in PLAN_AUX for c in auxiliaries(verb)):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("need", "plan", "want", "intend"):
        return True
    if _under_way(verb):
        return True
    return verb.tag_ == "VB" and not any(c.dep_ in ("nsubj", "aux") for c in verb.children) and (
        verb.i + 1 < len(verb.doc) and verb.i > verb.sent.start and verb.nbor(-1).lower_ == "to"
    )


def _under_way(verb: Token) -> bool:
    """ "A strategy discussion with police is being arranged": a present progressive
    passive is still going on, not yet done (the grammar's tenses, no word list)."""
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (
        verb.tag_ == "VBN"
        and any(c.lemma_ == "be" and c.tag_ == "VBG" for c in helpers)
        and any(c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in helpers)
    )


def asked_of_someone(verb: Token) -> bool:
    """ "DH please email Kev", "PM - please make sure CMHT are contacted": asked of a
    colleague, still to be done; but "Please note I have rung the GP" and "please see
    below, I rang 101" record what was done, in the past under a polite opener."""
    if verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    return any(
        child.lower_ in REQUEST_WORDS and child.i < verb.i
        for node in (verb, *verb.ancestors)
        for child in node.children
    )


def recorded_as_done(verb: Token) -> bool:
    """ "rang", "spoke", "informed": a verb in the past with nothing making it a plan."""
    return verb.tag_ in ("VBD", "VBN") or verb_form(verb)


def wished(verb: Token) -> bool:
    return verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in WISHES


def negated(verb: Token) -> bool:
    """ "did not ring", "never contacted", "no referral made", "not yet checked": the contact
    did not happen."""
    modifiers = [c for c in verb.children if c.dep_ == "advmod"]  # "not yet"
    return any(c.dep_ == "neg" for node in (verb, *modifiers) for c in node.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in verb.children
    )
