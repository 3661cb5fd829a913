"""How a mention of an agency takes part in a communication, read from the parse.

A mention is a party to a communication when it hangs from a word of
communication ("Rang the GP", "referral to MASH", "PC Lee rang"), when the
note's clipped opening is one ("Call from PC Lee", "Emailed Fernhill DSL"),
when its sentence lists those present at a meeting, or when a name and its
role come just before the verb ("Dr Ahmed (GP) rang"). The words are in
words.toml beside this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.events.call_parties import heads_contact_details
from recordcheck.events.documents import heads_a_document
from recordcheck.language.agencies import load_lexicon
from recordcheck.language.clauses import opening_word, passive_agents
from recordcheck.language.organisations import organisation_heads
from recordcheck.partners.component import AGENCIES_KEY, CONTACTS_KEY

WORDS = package_toml(__package__, "words.toml")
CONTACT_LEMMAS = frozenset(WORDS["contact_lemmas"])
IN_LEMMAS = frozenset(WORDS["in_lemmas"])
CONTACT_FORMS = frozenset(WORDS["contact_forms"])
OPENING_CONTACT_FORMS = frozenset(WORDS["opening_contact_forms"])
# How a mention hangs from the word that makes it a party: "referral to MASH",
# "Rang Dr Shah at the surgery", "Sarah Jones (IDVA) called".
CLIMB_DEPS = frozenset(
    {"pobj", "prep", "dobj", "dative", "appos", "compound", "conj", "nmod", "npadvmod",
     "nsubj", "nsubjpass", "agent", "attr", "cc", "dep", "oprd", "punct", "amod", "nummod"}
)
CLIMB_STEPS = 5
# A noun of communication takes its partner through these prepositions only:
# "call from PC Lee", "referral to MASH", "meeting with school"; "the police visit" is
# the police's own visit.
NOUN_LINKS = frozenset({"to", "with", "from", "w/", "via", "for"})
# Things an agency sends us: "MASH outcome: ...", "MARAC actions received", "GP's letter".
MESSAGE_NOUNS = frozenset(WORDS["message_nouns"])
# ... of which the ones we usually send ("MASH referral sent", "CQC notification"). Not
# "report": "the police report", "DC Lee's report" are usually theirs.
SENT_NOUNS = frozenset({"referral", "notification", "request", "email", "letter"})
RECEIVING = frozenset({"receive", "get", "arrive", "come", "return"})
# A message labels what follows it when a colon or dash comes within a few words:
# "MASH outcome: NFA", "Actions for ASC: ...".
LABEL_MARKS = frozenset({":", "-", "–", "—"})
LABEL_REACH = 4
# Words that open an attendance list: everyone listed took part in the meeting.
ROLE_WORDS = 5  # "Priya SW rang", "Darren Quigley, SW, ASC Safeguarding Team rang"
TELEGRAPHIC_REACH = 6  # tokens from a clipped opening ("Rang", "Call from") to the one contacted
# Nouns that open a clipped record of a contact: "Call from PC Lee", "Referral to MASH".
OPENING_NOUNS = frozenset(WORDS["opening_nouns"])
# "arrived with SW X", "brought by PC Lee": the link -> the verbs it makes a handover
HANDOVER_LEMMAS = {link: frozenset(lemmas) for link, lemmas in WORDS["handover_lemmas"].items()}
TOPIC_PREPOSITIONS = frozenset(WORDS["topic_prepositions"])
TOPIC_VERBS = frozenset(WORDS["topic_verbs"])
WRITER_WORDS = frozenset(WORDS["writer_words"])
ROLE_MODIFIERS = frozenset(WORDS["role_modifiers"])
CHANNEL_NOUNS = frozenset(WORDS["channel_nouns"])  # "informed by phone": how, not who
PARTNER_LINKS = frozenset({"with", "to", "w/"})  # "Discussed with the GP", "Explained to HV"
ROLES = frozenset(role.lower() for role in load_lexicon().roles)
# Nouns naming people or parts of an agency: "police officers", "school staff", "ASC brokerage".
PARTY_NOUNS = frozenset(WORDS["party_nouns"])
TOLD = frozenset(WORDS["told_lemmas"])
# what a verb of telling takes when the partner is the one telling: "PC Lee informed me that"
TOLD_WHOM = frozenset({"dobj", "dative", "iobj", "ccomp", "xcomp", "aux", "auxpass", "prt"})


@dataclass(frozen=True)
class Party:
    """How a mention takes part in a communication."""

    predicate: Token  # the verb (or noun) of communication
    governing: Token  # the verb whose subject, tense and negation decide (may be predicate)
    link: str  # "subject", "object", "from", "with", "to", "passive", "handover"


def party_of(mention: Span) -> Party | None:
    """The communication the mention is a party to, found by climbing the parse."""
    token, link = mention.root, ""
    for _ in range(CLIMB_STEPS):
        link = link or _link_of(mention, token)
        if link == NOT_A_PARTY:
            return None
        head = token.head
        if head.i == token.i:
            break
        if token.dep_ in ("compound", "poss", "nmod") and head.lower_ in SENT_NOUNS:
            return _message_acted_on(head)  # "CQC notification submitted", "GP letter received"
        if head.pos_ == "VERB" and hands_over(head, link):
            return Party(head, head, "handover")  # "Arrived 15:30 with SW Gemma Rowntree"
        if communicates(head):
            if token.dep_ == "poss":
                return None  # "sent the fire service's report": whose thing, not who was told
            if token.dep_ == "dobj" and head.lemma_.lower() in TOPIC_VERBS:
                return None  # "Discussed MARAC", "Explained Early Help": the topic
            if head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB") or verb_form(head):
                return Party(head, head, link or "object")
            if link in NOUN_LINKS or link == "object" and token.dep_ == "dobj":
                return Party(head, governing_verb(head), link)
            return None  # "the police visit", "GP appointment": theirs, not ours
        if token.dep_ in ("compound", "poss", "nmod") and head.lower_ in MESSAGE_NOUNS:
            return _message_party(head)  # "MASH outcome: ...", "MARAC actions received"
        if _names_its_thing(mention, token):
            return None  # "MARAC threshold met", "College place confirmed": not the agency
        if head.pos_ in ("VERB", "AUX") and token.dep_ not in ("conj", "appos"):
            return None  # a verb that is not communication: "involve", "known to"
        if token.dep_ not in CLIMB_DEPS:
            return None
        token = head
    return None


NOT_A_PARTY = "none"


def _names_its_thing(mention: Span, token: Token) -> bool:
    """The agency only qualifies a common noun that is no one of it: "MARAC threshold met",
    "College place confirmed", "UC housing costs missing", "GP Brookside - pt agrees". The
    noun is then what the clause is about, not the agency; but people and parts of it
    ("police officers", "Ambulance clinician", "nursery manager", "ASC brokerage"), its
    addresses ("the practice admin inbox"), its appointments, hearings and applications to it
    ("Advice Centre appt booked", "Crown Court trial attended"), and its messages and
    meetings (above) are the agency itself."""
    head = token.head
    if token.i != mention.root.i or token.dep_ not in ("compound", "nmod"):
        return False  # only the agency's own word: "Calderbrook ASC Front Door - long lie"
    if mention.start <= head.i < mention.end:
        return False
    if head.pos_ != "NOUN" or head.i < token.i:
        return False
    return not (
        head.lemma_.lower() in PARTY_NOUNS
        or head.lower_ in PARTY_NOUNS
        or head.lower_ in ROLES
        or head.lower_ in organisation_heads()
    )


def _message_acted_on(noun: Token) -> Party | None:
    """ "CQC notification submitted", "MASH referral sent", "Early Help referral done": a
    message named with its agency is a contact when a verb records it sent (or planned, or
    received). Named alone ("Decision: MASH referral today", "as per the MASH referral"),
    offered or recommended, or made by someone else ("MARAC referral made by police"), it
    is not ours."""
    act = None if heads_a_document(noun) else governing_verb(noun)  # a colon ends its clause
    if act is not None and act.i == noun.i:
        act = next(
            (c for c in noun.children if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBD")),
            None,
        )
    if act is not None and act.lemma_ == "be":
        act = None  # "agreed MASH referral re Tyrese is urgent": said of it, not sent
    if act is None or act.lemma_.lower() in TOPIC_VERBS:  # "MIU letter 08/05: XR": theirs
        return Party(noun, noun, "theirs") if act is None and heads_a_document(noun) else None
    by = [t for t in passive_agents(act) if t.dep_ == "pobj"]
    if any(t.lower_ not in WRITER_WORDS for t in by):
        return None
    return Party(noun, act, "theirs" if act.lemma_.lower() in RECEIVING else "sent")


def _message_party(noun: Token) -> Party | None:
    """The agency names a message: sent by us when it is one we send and nothing says it
    came in ("CQC notification submitted"), else theirs when the note records it come:
    as the label of what it said ("MASH outcome: NFA", "Police info: ..."), the subject of
    what is reported of it ("the GP's letter says ..."), or received ("MARAC actions
    received"). Otherwise the agency only names what the message is about or whose it is:
    "after the police outcome", "gave her Recovery Hub info", "once the police decision is
    made" record no message to us."""
    governing = governing_verb(noun)
    described = [c for c in noun.children if c.dep_ in ("acl", "relcl")]  # "actions received"
    received = any(v.lemma_.lower() in RECEIVING for v in (governing, *described))
    if noun.lower_ in SENT_NOUNS and not received:
        return Party(noun, governing, "sent")
    if received or _labels_what_follows(noun) or _reported_of(noun, governing):
        return Party(noun, governing, "theirs")
    return None


def _labels_what_follows(noun: Token) -> bool:
    """ "MASH outcome: NFA", "Actions for ASC: ...", "Police update - bail extended": the
    message heads what follows a colon or dash, with no verb before it."""
    doc = noun.doc
    for token in doc[noun.i + 1 : min(noun.i + 1 + LABEL_REACH, noun.sent.end)]:
        if labels(token):
            return True
        if token.pos_ in ("VERB", "AUX") or token.is_sent_start:
            return False
    return False


def labels(token: Token) -> bool:
    """A colon, or a dash standing apart ("Police update - bail extended"), not the hyphen
    of "May-June"."""
    if token.text == ":":
        return True
    spaced = token.i > 0 and token.doc[token.i - 1].whitespace_ and token.whitespace_
    return token.text in LABEL_MARKS and bool(spaced)


def _reported_of(noun: Token, governing: Token) -> bool:
    """ "The GP's letter says ...", "MASH outcome was NFA": the message is the subject."""
    node = noun
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        node = node.head
    return node.dep_ in ("nsubj", "nsubjpass") and node.head.i == governing.i


def _link_of(mention: Span, token: Token) -> str:
    """How the word reached on the climb from the mention links to the word above it."""
    if token.dep_ == "pobj" and token.head.lower_ in TOPIC_PREPOSITIONS:
        return NOT_A_PARTY  # "told her about Samaritans": what was talked about
    if token.dep_ == "nsubj":
        # "Offered Home Fire Safety Check - T agreed": T agreed, not the service
        return "subject" if _is_or_joins(mention, token) else NOT_A_PARTY
    if token.dep_ == "nsubjpass":
        return "passive"
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return "by"  # "Referred by Dr Mistry": the one who made the contact
    if token.dep_ == "pobj":
        return token.head.lower_ if token.head.lower_ in NOUN_LINKS else "object"
    if token.dep_ in ("dobj", "dative"):
        return "object"
    return ""


def _is_or_joins(mention: Span, subject: Token) -> bool:
    """The subject is the mention itself, one of several subjects joined to it ("Nursery and
    HV informed"), or a common noun it describes ("police officers"); not a person it
    happens to sit beside ("Offered Home Fire Safety Check - T agreed")."""
    if mention.start <= subject.i < mention.end:
        return True
    node = mention.root
    while node.i != subject.i and node.head.i != node.i:
        head = node.head
        if node.dep_ in ("compound", "nmod", "poss", "amod") and head.pos_ == "PROPN":
            return head.lower_ in ROLES  # "MASH consultation - duty SW advised"
        node = node.head
    return True


def clipped_opening(sentence: Span, mention: Span) -> Party | None:
    """ "Informed Moorgate Medical Practice of death", "Call from PC Lee": a note's clipped
    opening the parser often misreads; the opening word is the communication."""
    opening = opening_word(sentence)
    if opening is None:
        return None
    reach = mention.start - opening.i
    opens_with_contact = verb_form(opening) or opening.lemma_.lower() in OPENING_NOUNS or (
        opening.pos_ == "VERB" and communicates(opening)
    )
    if not opens_with_contact or not 0 < reach <= TELEGRAPHIC_REACH:
        return None
    if heads_contact_details(opening):
        return None  # "Phone number for the GP given to mum": no call
    between = sentence.doc[opening.i + 1 : mention.start]
    if any("\n" in t.text for t in between):
        return None  # "Good progress. MET / - Housing: on the list": the opening's line ended
    if any(t.lower_ in TOPIC_PREPOSITIONS for t in between):
        return None  # "Advised pt about OPG": what was talked about
    spoken_to = any(t.lower_ in PARTNER_LINKS for t in between)
    if opening.lemma_.lower() in TOPIC_VERBS and not spoken_to:
        return None  # "Discussed Kelmshire Recovery Service for him", "Explained DNs"
    if _new_statement_after_dash(between):
        return None  # "Phoned mum 08:40 - crisis team visiting today"
    if any(t.pos_ == "VERB" and not _qualifies_the_one_called(t, between) for t in between):
        return None  # "Asked him to keep the noise down ... college": another act comes first
    if any(t.lower_ == "from" for t in between):
        return Party(opening, opening, "from")  # "Call from PC Lee", "Email from Rob (SW)"
    return Party(opening, opening, "opening")


def _qualifies_the_one_called(participle: Token, between: Span) -> bool:
    """ "Rang allocated SW Hannah Quayle", "Rang the named nurse": a role's participle right
    before the one called (or their role or name), in the opening's own clause. After a
    comma or an "and" it is the writer's next act: "Rang mum, named the GP as next of kin"."""
    if participle.lower_ not in ROLE_MODIFIERS:
        return False
    doc = participle.doc
    earlier = doc[between.start : participle.i]
    if any(t.text in (",", ";") or t.dep_ == "cc" or labels(t) for t in earlier):
        return False
    after = [t for t in doc[participle.i + 1 : between.end + 1] if t.tag_ not in ("DT", "PRP$")]
    qualified = after[0] if after else doc[between.end]
    return qualified.i == between.end or qualified.lower_ in ROLES or qualified.tag_ == "NNP"


def _new_statement_after_dash(between: Span) -> bool:
    """A dash after the opening's own object starts a new statement ("Phoned mum 08:40 -
    crisis team visiting today"); after a partner it goes on about them ("Informed ASC duty
    - SW Claire Whitehead allocated"), and right after the opening word it heads the
    record ("Update - police (PC Rourke by email)")."""
    dashes = [t.i for t in between if labels(t) and t.text != ":"]
    if not dashes or dashes[0] == between.start:
        return False
    doc = between.doc
    partners = (*doc.spans.get(AGENCIES_KEY, ()), *doc.spans.get(CONTACTS_KEY, ()))
    return not any(between.start <= p.start < dashes[0] for p in partners)


def subject_before_verb(sentence: Span, mention: Span) -> Party | None:
    """ "Dr Ahmed (GP) rang to say ...", "Priya SW visited": the parser often loses a name
    followed by its role; the verb right after the name and role is theirs. Not after a
    colon or a spaced dash, which ends a label: "GP - Imran agreed to book" is Imran's. Nor
    for the object of a verb before it: "Advised mum to keep police updated"."""
    root = mention.root
    if root.dep_ in ("dobj", "dative") and root.head.i < mention.start:
        return None
    doc, index, depth, role_words = sentence.doc, mention.end, 0, 0
    while index < sentence.end:
        token = doc[index]
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
        elif depth == 0 and labels(token):
            return None  # "Offered the Beacon Centre - Leanne agreed": a label's end
        elif depth == 0 and not token.is_punct:
            if verb_form(token) or (token.pos_ == "VERB" and token.lemma_.lower() in IN_LEMMAS):
                return Party(token, token, "subject")
            role_words += 1
            if role_words > ROLE_WORDS or not (token.is_upper or token.pos_ == "PROPN"):
                return None
        index += 1
    return None


def hands_over(verb: Token, link: str) -> bool:
    """A verb of coming to us with someone ("arrived with"), or of being brought or fetched
    by them ("brought by", "collected by")."""
    return verb.lemma_.lower() in HANDOVER_LEMMAS.get(link, ())


def communicates(token: Token) -> bool:
    return (
        token.lemma_.lower() in CONTACT_LEMMAS
        or token.lower_ in CONTACT_LEMMAS
        or verb_form(token)
    )


def verb_form(token: Token) -> bool:
    if token.lower_ in OPENING_CONTACT_FORMS:
        return token == opening_word(token.sent) and not heads_contact_details(token)
    return token.lower_ in CONTACT_FORMS


def governing_verb(noun: Token) -> Token:
    """The verb a noun of communication hangs from ("made a referral"), or the noun itself."""
    for ancestor in noun.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
        if ancestor.dep_ not in CLIMB_DEPS:
            break
    return noun


def sent_elsewhere(verb: Token) -> bool:
    """The verb names whom it went to, or what it was done to: "referred to SALT by the GP",
    "Cl was told by police", "PNC checked by PC Walsh"."""
    return any(
        c.dep_ in ("prep", "dative") and c.lower_ == "to" or c.dep_ in ("nsubj", "nsubjpass")
        for c in verb.children
    )


def told_by_us(verb: Token) -> bool:
    """ "GP informed.", "School nurse contacted 11:40": a verb of telling with its partner
    first and no one told after it is a clipped passive, the partner the one told."""
    if verb.lemma_.lower() not in TOLD or verb.tag_ not in ("VBN", "VBD"):
        return False
    if any(c.dep_ in TOLD_WHOM and c.tag_ != "CD" for c in verb.children):  # "notified 14:10"
        return False
    # "Theo's school informed by Margaret", "IDVA informed by police": told, not by us
    agents = passive_agents(verb)
    return all(t.lower_ in WRITER_WORDS or names_a_channel(t) for t in agents)


def names_a_channel(agent: Token) -> bool:
    """ "informed by phone", "informed by email 16/04" (the date parsed as the agent, the
    channel its modifier): the agent says how the contact went, not who made it."""
    if agent.lower_ in CHANNEL_NOUNS:
        return True
    dated = agent.like_num or agent.tag_ == "CD"
    return dated and any(c.lower_ in CHANNEL_NOUNS for c in agent.children)


def sends_to(party: Party, mention: Span) -> bool:
    """A clipped opening that sends to the mention: "Email to X", "Referral to X"."""
    between = mention.doc[party.predicate.i + 1 : mention.start]
    return party.link == "opening" and any(t.lower_ == "to" for t in between)
