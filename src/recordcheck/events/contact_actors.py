"""Who made a contact the note records: the writer's service, the agency, or someone else.

Recording standard, "Contact events": a contact is the author's service dealing with
another agency. A partner named in a communication is not always ours to count: "Mum
said she had rung the police" is in someone else's account, "Advised mum to report it
to police" is mum's act, "the GP had called him" is the GP's contact with the person,
"Referred to SALT by the GP" is the GP's referral. The words are in words.toml beside
this module.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.events.contact_limits import (
    spoke_to_them,
    summoned_elsewhere,
    the_persons_own,
    told_another_partner,
)
from recordcheck.events.contact_makers import (
    agents_of,
    made_by_another,
    participle_doer,
    participle_owner,
)
from recordcheck.events.encounter_time import on_an_earlier_occasion
from recordcheck.events.log_lines import a_clock_time, beyond_a_break, on_one_line
from recordcheck.events.parties import (
    CONTACT_LEMMAS,
    MESSAGE_NOUNS,
    Party,
    labels,
    names_a_channel,
    sent_elsewhere,
    told_by_us,
)
from recordcheck.language.clauses import line_start, passive_agents
from recordcheck.language.note_context import author_context
from recordcheck.language.own_service import OwnServiceTest
from recordcheck.language.people import given_names, people_words
from recordcheck.language.scope import SUBJECT_DEPS, Scope
from recordcheck.model import UNNAMED_AGENCY_MARK
from recordcheck.partners.component import AGENCIES_KEY, CONTACTS_KEY

WORDS = package_toml(__package__, "words.toml")
BOTH_WAYS = frozenset(WORDS["both_ways_lemmas"])
WRITER = frozenset(WORDS["writer_words"])
THIRD_PERSONS = frozenset({"him", "her", "them"})
REPLY_NOUNS = frozenset(WORDS["reply_nouns"])
LABEL_NAME_WORDS = 3
OWN_WORK = frozenset(WORDS["own_work_lemmas"])
EARLIER_DAYS = tuple(WORDS["earlier_day_words"])
PRESENCE = frozenset(WORDS["presence_lemmas"])
WRITER_THERE = frozenset(WORDS["present_writer_words"])
TELLING = frozenset(WORDS["telling_lemmas"])
AGENCY_ACTS = frozenset(WORDS["agency_act_lemmas"])
# things a note records, which say nothing: "Safeguarding concern made to Bucks ASC by phone,
# spoke to Anil" (the parser makes the concern the one who spoke)
RECORDED_THINGS = frozenset(WORDS["recorded_things"])


# how a colleague's clause names the agency they dealt with: "Ryan rang EDT", "CSC informed
# by Dawn", "Dawn spoke to the police"
COLLEAGUE_LINKS = frozenset({"object", "dobj", "to", "with", "subject", "passive"})


class ContactActors:
    """Reads who made each contact, with the shared scope readings of one pipeline and the
    run's own service (a colleague's contact is the writer's service's)."""

    def __init__(self, scope: Scope, own: OwnServiceTest):
        self.scope = scope
        self.own = own

    def inside_someone_elses_account(self, verb: Token) -> bool:
        """ "Mum said she had rung the police": the contact is in what someone else said.
        The verb itself may be one of saying ("Reported to police", "Asked the GP to
        visit"): with no subject written, that is the writer's own act. A saying on another
        line is another record the parser ran on into this one ("- Beth (SW) informed 10:20.
        / - Jade told at 12:00")."""
        return any(
            node.pos_ in ("VERB", "AUX")
            and on_one_line(node, verb)
            and self.scope.reported_by_other(node)
            and self.scope.subject_of(node).lemma_.lower() not in RECORDED_THINGS
            for node in verb.ancestors
        )

    def actor(self, verb: Token, party: Party, mention: Span) -> str:
        """Who made the contact: "writer", "agency" (the mentioned one), or "someone else".
        A colleague of the writer's own team is the writer's service: "19:45 Ryan rang
        Harlow Vale EDT", "CSC informed by Dawn"."""
        actor = self._actor(verb, party, mention)
        if actor == "someone else" and self.made_by_a_colleague(verb, party):
            return "writer"
        return actor

    def made_by_a_colleague(self, verb: Token, party: Party) -> bool:
        """The verb is a colleague's dealing with the mentioned agency itself, not with
        what they asked of it ("Bev has asked the surgery for a SALT referral")."""
        if party.link not in COLLEAGUE_LINKS or party.predicate.i != verb.i:
            return False
        person = _named_maker(verb)
        if person is None or any(t.lower_ in people_words().relations for t in person.subtree):
            return False  # "her sister Kelly rang the police": family, whatever their name
        if any(a.start <= person.i < a.end for a in verb.doc.spans.get(AGENCIES_KEY, ())):
            return False  # "GP", "SW": an agency's initials, whoever else shares them
        name = " ".join(t.text for t in person.subtree if t.pos_ == "PROPN" and t.i <= person.i)
        _, _, team = author_context(verb.doc)
        return self.own.is_named_colleague(name, team) or self.own.is_teammate_by_short_name(
            name, team
        )

    def _actor(self, verb: Token, party: Party, mention: Span) -> str:
        own = the_persons_own(party, mention)
        if own or _own_work(verb, party, mention) or made_by_another(party, mention):
            # "self-referred to Pathways": the person's own referral; "Eastmoor Police
            # completed ABE", "as arranged by SW": the agency's own work with the person;
            # "Referral to MARAC by police": the police's referral
            return "someone else"
        if party.link in ("opening", "theirs", "present"):
            # "Rang the GP", "Referral to MASH": the note's own clipped voice; "Police info:
            # he was stopped ...": their message to us, whatever the verb of its content;
            # "Present: PC Ashford, Hannah Cole": at the meeting with us, whichever name the
            # parser made the subject
            return "writer"
        if party.link == "handover":
            # "Brought by SW Chris Dunmore": they came to us; "ED attendance Eastbridge
            # General - brought in by police": to the other agency the sentence names
            return "someone else" if _another_agency_beside(mention) else "agency"
        if _inside_what_someone_was_told(mention):
            return "someone else"  # "Advised mum to keep police updated": mum's to do
        if party.link == "subject":
            if _reported_visit(verb, mention) or summoned_elsewhere(verb):
                return "someone else"  # "DN visited last night": told us, not with us
            return _actor_of_subject(verb, mention)
        if party.link == "by":
            # "Referred by Dr Mistry": they contacted us; "referred to SALT by the GP", "Cl
            # was told by police", "PNC checked by PC Walsh": theirs, with someone else
            return "someone else" if sent_elsewhere(verb) else "agency"
        if party.link == "passive":
            # "was notified by the school" (theirs); "by phone" names the channel, not who
            agent = [t for t in passive_agents(verb) if not names_a_channel(t)]
            return "someone else" if agent else "writer"
        if _someone_told_to(verb, mention):
            return "someone else"  # "Advised mum to report it to police": mum's act, not ours
        subject = subject_in_its_clause(verb)
        if subject is None and _after_someone_elses_label(verb, mention):
            return "someone else"  # "MASH outcome: passed to police": MASH passed it on
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


def _named_maker(verb: Token) -> Token | None:
    """The named person the clause says made the contact: a passive's agent ("informed by
    Dawn"), else its subject ("Ryan rang EDT"); None when that is no proper name."""
    agents = agents_of(verb)
    person = agents[0] if agents else clause_subject(verb)
    if person is None or person.pos_ != "PROPN":
        return None
    # a name is all proper nouns up to its head ("19:45 Ryan rang": a time may lead); "Dental
    # GA booked" is an anaesthetic
    before = [t for t in person.subtree if t.i < person.i]
    return person if all(t.pos_ in ("PROPN", "PUNCT", "NUM") for t in before) else None


def _another_agency_beside(mention: Span) -> bool:
    """Its sentence names an agency other than the mention's own."""
    sentence, own = mention.sent, mention._.rc_agency
    return any(
        sentence.start <= agency.start < sentence.end and agency._.rc_agency != own
        for agency in mention.doc.spans.get(AGENCIES_KEY, ())
    )


def _reported_visit(verb: Token, mention: Span) -> bool:
    """ "DN visited last night", "CAMHS crisis team visited yesterday", "police attended, NFA
    at the time": a professional's own work with the person on an earlier day, with
    nothing in the sentence putting the writer there, is what someone told us of it; and
    in the progressive ("crisis team visiting today", "midwife visiting") it is their work
    under way or to come, not a contact the note records; so is a service attending an
    incident ("Police attended, crime ref 25/41877")."""
    sentence = verb.sent
    if any(t.lower_ in WRITER_THERE for t in sentence):
        return False  # "PC Gordon visited yesterday - spoke with Irene with me"
    lowered = sentence.text.lower()
    if verb.lemma_.lower() not in OWN_WORK:
        return False  # "Dr Anand said too high, last year 58": the year is the reading's
    if verb.tag_ == "VBG":
        return True  # "crisis team visiting today": their visit, under way or to come
    if _attended_an_incident(verb, mention):
        return True  # "Police attended, crime ref ...", "FRS attended": at an incident
    if verb.lemma_.lower() in PRESENCE and on_an_earlier_occasion(verb):
        return True  # "HV has visited twice", "Mark Lowe CPN visited her 06/02"
    return any(re.search(rf"\b{re.escape(words)}\b", lowered) for words in EARLIER_DAYS)


def _attended_an_incident(verb: Token, mention: Span) -> bool:
    """ "Police attended", "FRS attended": a service, named by no one of it, attending with
    nothing attended named is called out; "Hollie Stainsby (IDVA) attended" came to us."""
    if verb.lemma_.lower() != "attend" or any(c.dep_ == "dobj" for c in verb.children):
        return False
    return not any(
        person.start <= mention.start < person.end
        for person in mention.doc.spans.get(CONTACTS_KEY, ())
    )


def _actor_of_subject(verb: Token, mention: Span) -> str:
    agents = agents_of(verb)
    if any(t.lower_ not in WRITER and not names_a_channel(t) for t in agents):
        return "someone else"  # "Theo's school informed by Margaret": told, by someone else
    if told_by_us(verb):
        return "writer"  # "School informed", "DoLS team notified": we told them
    # "the GP had called him", "police referred her to witness care": their contact
    # with the person, not with us (a visit to the person we support is with us)
    spoken_to = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if verb.lemma_.lower() not in BOTH_WAYS and (
        any(_a_person(c) for c in spoken_to) or told_another_partner(verb, mention)
    ):
        return "someone else"  # "DN has referred Irene to the TVN", "School rang MASH"
    if verb.lemma_.lower() not in BOTH_WAYS and spoke_to_them(verb):
        return "someone else"  # "Housing spoke to him": with the person, not with us
    if verb.lemma_.lower() == "leave" and not any(c.lower_ in MESSAGE_NOUNS for c in spoken_to):
        return "someone else"  # "ambulance left at 04:40": gone, no message left us
    return "agency"


def _own_work(verb: Token, party: Party, mention: Span) -> bool:
    """An agency's own act that carries no message ("Police safe and well completed by PC
    Hollis", "Eastmoor Police completed ABE"): its work with the person, which the note
    reports; "referral made by the GP" carries one. The agency must be the one acting,
    not a word describing the thing acted on ("Police check on the address requested",
    "Household Support Fund application submitted")."""
    if party.link not in ("subject", "by") or verb.lemma_.lower() not in AGENCY_ACTS:
        return False
    root = mention.root
    by = root.head if root.dep_ == "pobj" and root.head.dep_ == "agent" else None
    acting = root.head.i == verb.i and root.dep_ == "nsubj"
    if not (acting or by is not None and by.head.i == verb.i):
        return False
    carried = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if verb.dep_ == "acl":
        carried.append(verb.head)  # "Safeguarding referral made by the GP"
    return not any(
        c.lemma_.lower() in CONTACT_LEMMAS or c.lower_ in MESSAGE_NOUNS for c in carried
    )


def _a_person(token: Token) -> bool:
    """ "him", "her", or someone named who is no partner ("Irene", "Mrs Oduya")."""
    if token.lower_ in THIRD_PERSONS:
        return True
    doc = token.doc
    partners = (*doc.spans.get(AGENCIES_KEY, ()), *doc.spans.get(CONTACTS_KEY, ()))
    if any(p.start <= token.i < p.end for p in partners):
        return False
    return token.ent_type_ == "PERSON" or given_names().is_given_name(token.text)


def _someone_told_to(verb: Token, mention: Span) -> bool:
    """ "Advised mum to keep police updated": the verb is what someone else was told to do.
    A verb in the base form joined to a verb of telling shares what it told, however the
    parser joins it: "advised her to keep screenshots and report threats to police", "Told
    her to register and speak to Housing Options" (a record of the writer's own would be
    in the past)."""
    node = verb
    while node.dep_ == "conj" and node.tag_ == "VB" and not _own_subject_or_auxiliary(node):
        node = node.head
        if node.lemma_.lower() in TELLING and _told_someone_else(node, mention):
            return True
    return verb.dep_ in ("xcomp", "advcl", "ccomp") and _told_someone_else(verb.head, mention)


def _told_someone_else(verb: Token, mention: Span) -> bool:
    told = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return any(not (mention.start <= t.i < mention.end) for t in told)


def _own_subject_or_auxiliary(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def _inside_what_someone_was_told(mention: Span) -> bool:
    """ "Advised mum to keep police updated", "Asked Dad to ring the GP himself": the agency
    sits in a to-clause of what someone other than it was told or asked to do. A clause
    with its own subject on the way is that subject's act: "Told him to leave before I
    called the police" is the writer's call."""
    for node in mention.root.ancestors:
        if node.pos_ not in ("VERB", "AUX"):
            continue
        to_clause = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if to_clause and node.dep_ in ("xcomp", "advcl"):
            told = node.head.lemma_.lower() in TELLING
            return told and _told_someone_else(node.head, mention)
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return False
    return False


def clause_subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the clause it is joined to: "Rhian will check the
    records and share them with police" (the parser may join the second verb to the first
    one's object; it is still Rhian's)."""
    subject = Scope.subject_of(verb)
    node = verb
    while subject is None and node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head  # "check records and share": joined to "records", of "check"
        subject = Scope.subject_of(node)
    return subject


def subject_in_its_clause(verb: Token) -> Token | None:
    """The verb's subject, but not a word the parser took for one from the layout of a log
    line: the time stamping it ("02:25 rang 101") or a noun of the clause before a spaced
    dash ("Repeat incident within 12 months - MARAC referral sent"). A subject shared with
    the verb it is joined to is that verb's ("Children identified - Lisa's children, attend
    Greenbank Primary")."""
    direct = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not direct:
        joined = clause_subject(verb) or participle_owner(verb) or participle_doer(verb)
        return None if joined is None or a_clock_time(joined) else joined
    return next((s for s in direct if not a_clock_time(s) and not beyond_a_break(s, verb)), None)


def _after_someone_elses_label(verb: Token, mention: Span) -> bool:
    """A clipped verb after a label naming someone else records their act, not the
    writer's: another agency's message ("MASH outcome: passed to police", "Panel decision -
    referred to CAMHS"), or a person, as minutes give each one's news ("- Lee: attending
    the Jobcentre", "- Jade: GP 17/11, referred to Talking Therapies")."""
    doc = verb.doc
    start = max(verb.sent.start, line_start(verb))
    marks = [t.i for t in doc[start : verb.i] if labels(t)]
    if not marks:
        return False
    label = doc[start : marks[-1]]
    partners = [
        other
        for other in (*doc.spans.get(AGENCIES_KEY, ()), *doc.spans.get(CONTACTS_KEY, ()))
        if label.start <= other.start and other.end <= label.end
    ]
    if any(t.lower_ in REPLY_NOUNS for t in label):
        return any(other.start != mention.start for other in partners)
    return not partners and _names_a_person(label)


def _names_a_person(label: Span) -> bool:
    """ "Lee", "Jade Hollis": one to three capitalised words, the first a given name (not
    "Ward visit")."""
    words = [t for t in label if t.is_alpha]
    return (
        0 < len(words) <= LABEL_NAME_WORDS
        and all(t.is_title for t in words)
        and given_names().is_given_name(words[0].text)
    )


def author_with_employer(doc: Doc, author: str, own: OwnServiceTest) -> Span | None:
    """The note's own author where the note writes a named organisation beside them
    ("Present: Sarah Lindqvist (Cherwell Homes)")."""
    for person in doc.spans.get(CONTACTS_KEY, ()):
        agency = person._.rc_agency or ""
        if agency and UNNAMED_AGENCY_MARK not in agency and own.names_the_same(person.text, author):
            return person
    return None


def placed_elsewhere(person: Span, author: Span | None) -> bool:
    """Whether the note places a person in another organisation than its own author's: in a
    record several organisations write in, a fellow author of the export is then a partner
    ("Aisha Karim (ASC)" beside "Sarah Lindqvist (Cherwell Homes)"). Another named
    organisation, or an unnamed one of another kind; an unnamed one of the same kind
    ("Gemma (housing officer)") may be the author's own."""
    agency = person._.rc_agency or ""
    if author is None or not agency or agency == author._.rc_agency:
        return False
    if UNNAMED_AGENCY_MARK in agency:
        return person._.rc_agency_type != author._.rc_agency_type
    return True
