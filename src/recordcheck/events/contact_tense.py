"""Whether the verb of a contact records it made: planned ("will ring", "to refer"),
wished ("wants police informed"), asked of someone ("DH please email Kev"), recorded as
done ("rang", "informed") or negated ("did not ring", "no referral made").

The contact reader (contacts.py) decides a contact's status from these; the words are
in words.toml beside this module.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.events.log_lines import CLAUSE_BREAKS, on_one_line
from recordcheck.events.parties import TOPIC_PREPOSITIONS, verb_form
from recordcheck.events.plans import auxiliaries
from recordcheck.language.clauses import PAST_TAGS, line_start

WORDS = package_toml(__package__, "words.toml")
PLAN_AUX = frozenset({"will", "'ll", "shall", "to", "going", "need", "needs", "plan", "must"})
WISHES = frozenset(WORDS["wish_lemmas"])
REQUEST_WORDS = frozenset(WORDS["request_words"])
OWED_INFINITIVES = frozenset(WORDS["owed_infinitives"])
OWED_PARTICIPLES = frozenset(WORDS["owed_participles"])
RECEIPT_WORDS = frozenset(WORDS["receipt_words"])
# where a contact's own clause starts and ends, for reading what it owes
_CLAUSE_EDGES = CLAUSE_BREAKS | {",", ":"}
# verbs of trying: an attempt at the contact only where the contact is what was tried
TRYING = frozenset({"try", "attempt"})


def planned(verb: Token) -> bool:
    """ "will ring", "to refer", "need to chase", "going to email": not yet done; but "tried
    to ring" was tried, unless the trying is to come ("will try to ring")."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in TRYING and verb.head.i != verb.i:
        return planned(verb.head)
    if any(c.dep_ == "aux" and c.lower_ in PLAN_AUX for c in auxiliaries(verb)):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("need", "plan", "want", "intend"):
        return True
    if _under_way(verb):
        return True
    return verb.tag_ == "VB" and not any(c.dep_ in ("nsubj", "aux") for c in verb.children) and (
        verb.i + 1 < len(verb.doc) and verb.i > verb.sent.start and verb.nbor(-1).lower_ == "to"
    )


def owed(mention: Span) -> bool:
    """ "Referral to Oakleaf to be sent", "discharge letter to GP and mum to follow",
    "Safeguarding referral to MASH required today": the first verb after the contact, in its
    own clause and line, says the contact is still owed; but only where no verb in the past
    comes before it in that clause ("Rang GP to be told she was on leave" was made). Read
    from the words' order, as the parser hangs these on any noun near them."""
    doc = mention.doc
    start = line_start(mention)
    opening = max(
        (t.i + 1 for t in doc[start : mention.start] if t.text in _CLAUSE_EDGES), default=start
    )
    if any(recorded_as_done(t) for t in doc[opening : mention.start]):
        return False
    for token in doc[mention.end : mention.sent.end]:
        if token.text in _CLAUSE_EDGES or "\n" in token.text:
            return False
        if token.lower_ in TOPIC_PREPOSITIONS or token.dep_ == "neg" or token.lower_ == "longer":
            return False  # "Email to school re uniform required": what it was about owes it
        if token.pos_ != "VERB" and token.lower_ not in OWED_PARTICIPLES:
            continue  # "to be sent": the auxiliaries before the verb
        return _owed_verb(token)
    return False


def _owed_verb(verb: Token) -> bool:
    if verb.lower_ in OWED_PARTICIPLES:
        return True
    before = [t.lower_ for t in verb.doc[max(verb.i - 2, 0) : verb.i]]
    if before[-1:] == ["to"] and verb.lemma_.lower() in OWED_INFINITIVES:
        following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        return following is None or following.is_punct or following.is_space
    return before == ["to", "be"] and verb.tag_ == "VBN"


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
    return verb.tag_ in PAST_TAGS or verb_form(verb)


def item_recorded_as_done(verb: Token, mention: Span) -> bool:
    """ "Actions: / - rang 101" was done. An item of a list is done only by a verb in the
    past on its own line: the parser often runs a list's items into one sentence, and in
    "ACTIONS / - MARAC referral (high) - sent / - MASH referral - Alfie and Ruby" the
    "sent" is MARAC's, not MASH's. A reference number given is a receipt: "- Safeguarding
    concern to ASC ref SGC-26-08301" was sent."""
    if on_one_line(verb, mention.root):
        return recorded_as_done(verb)
    line = [
        token for token in verb.doc[line_start(mention) : mention.sent.end]
        if on_one_line(token, mention.root)
    ]
    return any(token.tag_ in PAST_TAGS for token in line) or any(
        word.lower_ in RECEIPT_WORDS and any(c.isdigit() for c in number.text)
        for word, number in zip(line, line[1:], strict=False)
    )


def wished(verb: Token) -> bool:
    return verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in WISHES


def negated(verb: Token) -> bool:
    """ "did not ring", "never contacted", "no referral made", "not yet checked": the contact
    did not happen."""
    modifiers = [c for c in verb.children if c.dep_ == "advmod"]  # "not yet"
    return any(c.dep_ == "neg" for node in (verb, *modifiers) for c in node.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in verb.children
    )


def attempted(attempt_marks: Iterable[Span], mention: Span, verb: Token) -> bool:
    """An attempt mark of the sentence records this contact as tried and not made: "no
    answer", "left a message", "Tried the GP", "tried to ring DC Lee"; but a verb of trying
    whose object is something else is another's act ("School rang ... as he bit the TA when
    they tried to take him into assembly")."""
    contact_at = min(verb.i, mention.start)
    for mark in attempt_marks:
        if _of_an_earlier_clause(mark, contact_at):
            continue  # "Home visit 10:00, no answer - rang the surgery": the visit's
        trying = mark.root
        if trying.lemma_.lower() not in TRYING or trying.pos_ not in ("VERB", "AUX"):
            return True
        if trying.i == verb.i or any(t.i in (mention.root.i, verb.i) for t in trying.subtree):
            return True
    return False


def _of_an_earlier_clause(mark: Span, contact_at: int) -> bool:
    """The mark ends before the contact, with a dash or semicolon between them."""
    between = mark.doc[mark.end : contact_at]
    return mark.end <= contact_at and any(t.text in CLAUSE_BREAKS for t in between)
