"""Who else a clause names as making a contact, when it is not the subject before the verb.

Recording standard, "Contact events": another agency's dealing with a partner is not the
writer's contact ("police to visit" is the police's contact, not ours). English names the
one acting in more places than the subject before the verb: the agent of a passive, with
"by" ("Referral to MARAC by police"), the noun a participle describes ("Police submitting
PPN to MASH"), and the subject of the clause a participle hangs in ("she had been really
brave ringing the police").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.events.log_lines import on_one_line
from recordcheck.events.parties import PARTY_NOUNS, Party, names_a_channel
from recordcheck.language.clauses import PAST_TAGS, passive_agents
from recordcheck.language.people import people_words
from recordcheck.partners.component import AGENCIES_KEY, CONTACTS_KEY

WORDS = package_toml(__package__, "words.toml")
WRITER = frozenset(WORDS["writer_words"])
BOTH_WAYS = frozenset(WORDS["both_ways_lemmas"])  # meetings and visits: "attended by" lists
# links whose maker is read elsewhere: the mention after "by", its subject, a list of those
# present, a message of theirs, someone handed over
MAKER_READ_ELSEWHERE = frozenset({"by", "subject", "present", "theirs", "handover"})
TIMES = frozenset({"DATE", "TIME"})


def agents_of(verb: Token) -> list[Token]:
    """Who the passive verb names as doing it: "informed by Dawn"; also when the parser
    took a clipped passive for a past tense and its "by" for a preposition ("School
    informed by Dawn"), when that "by" names someone (_a_maker)."""
    agents = passive_agents(verb)
    if verb.tag_ not in PAST_TAGS:
        return agents
    return agents + [
        t for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"
        for t in c.children if _a_maker(t)
    ]


def _a_maker(token: Token) -> bool:
    """Who acts, after "by": someone (a partner, a name, a relation or a worker), not a
    time, the writer or a channel: "Left by back door" is the way out."""
    if token.dep_ != "pobj" or token.like_num or token.ent_type_ in TIMES:
        return False
    if token.lower_ in WRITER or any(names_a_channel(t) for t in token.subtree):
        return False
    return (
        _partner_at(token) is not None
        or token.pos_ == "PROPN"
        or token.lower_ in people_words().relations
        or token.lemma_.lower() in PARTY_NOUNS
    )


def participle_owner(verb: Token) -> Token | None:
    """The partner a participle describes is the one doing it: "Police submitting PPN to
    MASH", "IDVA making MARAC referral and notifying CSC" (a verb joined to the participle
    shares its owner). Only a partner: "Email to school asking them to call" is the
    writer's email."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "acl" or node.tag_ != "VBG":
        return None
    owner = node.head
    return owner if _in_a_partner(owner) else None


def participle_doer(verb: Token) -> Token | None:
    """A participle with no subject of its own is done by the subject of the clause it
    hangs in: "she had been really brave ringing the police", "he did the right thing
    telling school" are her and his acts, praised; "Rang the GP asking for a call back"
    has no subject, and stays the writer's."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("xcomp", "acl", "advcl"):
        return None
    for ancestor in verb.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return next((c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def made_by_another(party: Party, mention: Span) -> bool:
    """ "Referral to MARAC by police", "Referral made to MASH by the GP": the word of
    contact names who made it after "by", and it is not the writer, so the partner it went
    to dealt with them; and the maker, when the contact went to another partner, dealt with
    that partner, not with us ("Referral by GP received", naming no other partner, stays the
    GP's contact with us)."""
    if party.link in MAKER_READ_ELSEWHERE or _both_ways(party):
        return False  # "CIN meeting. Attended by Jade, Angela Curtis (DSL)": who was there
    makers = [t for by in _bys_of(party) for t in by.children if _a_maker(t)]
    if not makers:
        return False
    # the mention is the maker when it names the maker's agency, however often: "referred
    # by GP (Dr Ruth Agnew, Oak Lane Surgery)"
    making = {p._.rc_agency for p in map(_partner_at, makers) if p is not None}
    if mention._.rc_agency not in making:
        return True
    word = party.predicate
    return any(  # a partner it went to, besides its maker
        p is not None and p._.rc_agency not in making and on_one_line(t, word)
        for t in word.subtree if _sent_to(t, word) for p in (_partner_at(t),)
    )


def _sent_to(token: Token, word: Token) -> bool:
    """The token is where the word of contact went: after its "to" (which the parser may
    hang on the noun, "Referral to CAMHS"), not in what it was about ("after 2 ED
    attendances", "following a letter from Greenacre Housing")."""
    path = [token]
    for ancestor in token.ancestors:
        if ancestor.i == word.i:
            break
        path.append(ancestor)
    return any(
        t.lower_ == "to" or any(c.lower_ == "to" and c.dep_ == "aux" for c in t.children)
        for t in path
    )


def _both_ways(party: Party) -> bool:
    return any(
        w.lemma_.lower() in BOTH_WAYS or w.lower_ in BOTH_WAYS
        for w in (party.predicate, party.governing)
    )


def _bys_of(party: Party) -> list[Token]:
    """The "by" of the word of contact or its verb, or of the partner it names ("Referral
    to MARAC by police": the parser hangs it on MARAC), on its line."""
    word, verb = party.predicate, party.governing
    found = []
    for token in word.subtree:
        if token.lower_ != "by" or token.dep_ not in ("agent", "prep"):
            continue
        if not on_one_line(token, word):
            continue
        if token.head.i in (word.i, verb.i) or _in_a_partner(token.head):
            # "Rang MASH to say it was made by the GP" (another verb's), "Reported to police
            # as possible theft by an employee" (another noun's): not the contact's maker
            found.append(token)
    if verb.i != word.i:
        found += [c for c in verb.children if c.lower_ == "by" and c.dep_ == "agent"]
    return found


def _in_a_partner(token: Token) -> bool:
    return _partner_at(token) is not None


def _partner_at(token: Token) -> Span | None:
    """The mention of an agency or of one of its people that the token is in."""
    doc = token.doc
    partners = (*doc.spans.get(AGENCIES_KEY, ()), *doc.spans.get(CONTACTS_KEY, ()))
    return next((p for p in partners if p.start <= token.i < p.end), None)
