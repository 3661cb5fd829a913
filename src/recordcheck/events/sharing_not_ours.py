"""Sharing words whose grammar records no outward sharing done by the writer.

Writers we have never read put sharing verbs where nothing was shared by them, in
ways English marks in its grammar, not in their words:
- a preposition left with no object: "only referred to in the note" (mentioned);
- the name of a practice: "information sharing with police and the AP";
- a participle describing a thing a clause is about: "nothing identifying appears
  in any paperwork shared with mum" (what Natalie must check);
- a verb under a negation carried by "or": "carers did not support repositioning or
  escalate to the DN";
- a verb sharing the subject of an active verb it is joined to: "The abuse ...
  became physical and escalated" (the abuse escalated; nobody was told);
- an item of a meeting's list of who came or sent apologies: "Apologies: contracts
  officer - report sent", "Declined: CMHT duty - emailed that ..." (theirs);
- a referral that came in: "via the ambulance service's safeguarding referral";
- a referral named alone on its line, with no verb and no one it went to: "IDT
  referral", "CHILD safeguarding referral" (a heading or a form's title, not an act);
- explaining to anyone but an agency: "Explained the S47 to parents" (a process);
- telling the one the verb names as "him" or "her", with nobody rung on the line:
  "I told him he did the right thing telling school" (the boy was told, not the school),
  or giving "her" a thing the parser owns by her: "Gave her gauze to bite on".
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from recordcheck.events.sharing_parties import FINITE_TAGS, THING_SENT, Parties
from recordcheck.events.sharing_shape import own_plan_told, told_by_the_one_called
from recordcheck.events.sharing_words import WORD_CLASSES, WRITER
from recordcheck.language.clauses import line_start
from recordcheck.language.scope import Scope

# the words opening a line that lists who came or did not: "Apologies:", "Declined:"
LISTING_MARKS = tuple(WORD_CLASSES["listing_marks"])
# "via the crew's referral", "referral from school": a referral that came to the writer
CAME_BY = frozenset(WORD_CLASSES["came_by"])
NEGATORS = frozenset(("not", "n't", "never", "no"))
# where a clause ends, past which a negation before it no longer reaches
CLAUSE_BREAKS = frozenset((",", ";", ":", "but", "and", "-", "–", "so", "then"))
SUBJECTS = ("nsubj", "nsubjpass")
MODALS = frozenset(WORD_CLASSES["modals"])
# verbs of making something clear, which pass news of someone only to an agency
EXPLAINING_TO = frozenset(WORD_CLASSES["explaining_to"])
# the one told, when a verb of telling names them so: the person the note is about, as a
# rule ("them" may be an agency or a family: sharing.toml told_as_a_group)
ONE_PERSON = frozenset(("him", "her"))
SENDER_WINDOW = 7  # tokens of a sender's name between "via" and the referral
# verbs whose object is the thing sent ("sent a collage"), not the one told
# verbs by which a referral or notification is made: "MASH referral sent"
MAKING = frozenset(WORD_CLASSES["making"])
# a service's contact details given to someone (signposting), not news of anyone
SERVICE_DETAILS = frozenset(WORD_CLASSES["service_details"])
GIVING = frozenset(WORD_CLASSES["giving"])
DETAILS_BREAKS = frozenset(WORD_CLASSES["details_breaks"])
DETAILS_WINDOW = 8  # tokens after the verb in which the details and their service are named
AGENCY_BEFORE = 4  # tokens before a referral in which the agency it is named with sits
FINITE_OR_PARTICIPLE = frozenset(FINITE_TAGS | {"VBN"})  # "made", "sent" too
ORDINAL = re.compile(r"\d+(st|nd|rd|th)")


def records_no_sharing(match: Span, information: frozenset[str]) -> bool:
    """The sharing word, as the grammar places it, records no sharing done by the writer."""
    word = match.root
    return (
        _mentioned(word)
        or _names_the_practice(word, information)
        or _described_in_anothers_clause(word)
        or _negated_through_or(word)
        or _subject_of_a_joined_verb(word)
        or on_a_listing_line(match)
        or _came_by(match)
        or _named_alone(match)
    )


def _mentioned(word: Token) -> bool:
    """ "only referred to in the note", "as referred to above": "to" with nothing after it."""
    if word.lemma_.lower() != "refer" and not word.lower_.startswith("referred"):
        return False
    to = next((c for c in word.children if c.lower_ == "to" and c.dep_ == "prep"), None)
    return to is not None and not any(c.dep_ == "pobj" for c in to.children)


def _names_the_practice(word: Token, information: frozenset[str]) -> bool:
    """ "information sharing", "info sharing protocol": an -ing after the word for what it
    would pass is the name of a practice, not an act."""
    if not word.lower_.endswith("ing") or word.i == word.sent.start:
        return False
    before = word.doc[word.i - 1]
    return before.lower_ in information and before.i >= word.sent.start


def _described_in_anothers_clause(word: Token) -> bool:
    """ "nothing ... appears in any paperwork shared with mum": a participle describing a
    noun in a verb's phrase, or the object of someone else's verb ("she read the report
    sent to the court")."""
    if word.dep_ != "acl" or word.tag_ != "VBN" or word.head.i > word.i:
        return False
    thing = word.head
    if thing.dep_ == "pobj":
        # "appears in any paperwork shared with mum"; not "Copy of the letter sent to the GP"
        return thing.head.head.pos_ in ("VERB", "AUX") and thing.head.head.i != word.i
    if thing.dep_ != "dobj":
        return False  # "Concerns shared with police": the telegraphic record itself
    subject = Scope.subject_of(thing.head)
    return subject is not None and subject.lower_ not in WRITER


def _negated_through_or(word: Token) -> bool:
    """ "did not support repositioning or escalate to DN": "or" carries the negation before
    it to the verb after it, within one clause."""
    doc = word.doc
    start = word.sent.start
    before = doc[start : word.i]
    if not len(before) or before[-1].lower_ != "or":
        return False
    for token in reversed(before[:-1]):
        if token.lower_ in NEGATORS:
            return True
        if token.lower_ in CLAUSE_BREAKS:
            return False
    return False


def _subject_of_a_joined_verb(word: Token) -> bool:
    """ "The abuse has long history ... and became physical and escalated": a verb joined to
    an active verb takes its subject, here a thing, so nobody was told anything."""
    if word.dep_ != "conj" or any(c.dep_ in SUBJECTS for c in word.children):
        return False
    if any(c.dep_ in ("dobj", "dative") or c.lower_ == "to" for c in word.children):
        return False  # "Rang the ward and passed it to the nurse": a recipient or a thing sent
    head = word
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return (
        subject is not None
        and subject.pos_ == "NOUN"
        and subject.lower_ not in WRITER
        and head.tag_ in ("VBD", "VBZ", "VBP")
        and head.lemma_.lower() != word.lemma_.lower()
    )


def on_a_listing_line(match: Span) -> bool:
    """ "Apologies: Commissioning contracts officer - report sent": the line lists who sent
    apologies, came or declined, and what it says they did is theirs."""
    doc = match.doc
    start = line_start(match)
    opening = doc[start : min(match.start, start + 4)].text.lower()
    return any(opening.startswith(mark) for mark in LISTING_MARKS)


def _came_by(match: Span) -> bool:
    """ "via Tri-County Ambulance Service safeguarding referral": the referral it came by, a
    noun after "via" or "from" with only the names of its sender between."""
    if match[-1].pos_ not in ("NOUN", "PROPN"):
        return False
    doc = match.doc
    for token in reversed(doc[max(match.sent.start, match.start - SENDER_WINDOW) : match.start]):
        if token.lower_ in CAME_BY:
            return True
        if token.pos_ not in ("PROPN", "NOUN", "PUNCT", "DET"):
            return False
    return False


def _named_alone(match: Span) -> bool:
    """ "IDT referral", "High quality referral": a referral noun and the words naming it, all
    its line holds, records no act (nothing says it was made or sent, nor to whom), whereas
    "Referral to ASC." and "MASH referral sent" do."""
    if match.label_ != "sharing_acts" or match[-1].pos_ in ("VERB", "AUX"):
        return False
    doc = match.doc
    end = next((t.i for t in match.sent if t.i >= match.end and "\n" in t.text), match.sent.end)
    line = doc[line_start(match) : end]
    words = [t for t in line if not (t.is_punct or t.is_space)]
    before = [t for t in words if t.i < match.start]
    return (
        bool(words)
        and words[-1].i == match.end - 1
        # words naming the referral ("CHILD safeguarding"), no verb saying it was made, nor
        # a preposition relating it to anything
        and not any(t.pos_ in ("AUX", "ADP") or t.tag_ in FINITE_OR_PARTICIPLE for t in before)
        # nor a recipient or a topic set off before it: "MARAC coordinator - repeat incident
        # notification", "HIGH RISK - MARAC referral", "Purpose: safeguarding referral"
        and not any(t.lower_ in CLAUSE_BREAKS for t in line if t.i < match.start)
    )


def tells_no_outsider(
    match: Span, outsiders: frozenset[str], contacted: bool, parties: Parties
) -> bool:
    """A verb of telling whose one told is no outside party: the writer's own plan told ("Told
    him I'd ring"), what the one called said ("Rang 101 - told they can't share"), a service's
    details given (signposting tells nobody anything about anyone) or, with nobody rung on the
    line, a process explained to family or the one named "him" or "her"."""
    verb = match.root
    after = match.doc[match.end : match.sent.end]
    return (
        own_plan_told(after, MODALS)
        or _a_services_details(match, parties)
        or told_by_the_one_called(verb)
        or (
            not contacted
            and (
                _explains_to_no_agency(verb, after, parties)
                or _told_the_person(verb, outsiders, parties)
            )
        )
    )


def _a_services_details(match: Span, parties: Parties) -> bool:
    """ "Given IDVA details", "Gave Nightline listening service number", "gave her details of
    Calderbrook Family Advocacy Service": what was given is how to reach a service, named just
    before the details, or after "of" or "for" them when "her" or "him" was given them. Not
    "Gave details: Ruby, aged 3 ...", "Gave the GP details" (the GP was given them), nor "Gave
    PC Hart details of the refuge" (where she is, told to the police)."""
    if match.text.lower() not in GIVING:  # the tagger often takes "Gave X ..." for a name
        return False
    doc = match.doc
    words = list(doc[match.end : min(match.end + DETAILS_WINDOW, match.sent.end)])
    details = next((t for t in words if t.lower_ in SERVICE_DETAILS), None)
    if details is None or any(t.lower_ in DETAILS_BREAKS for t in words if t.i < details.i):
        return False
    before = doc[match.end : details.i]
    to_the_person = len(before) > 0 and before[0].lower_ in ONE_PERSON
    if to_the_person:
        before = before[1:]  # "gave her the Front Door number": the person given it
    elif len(before) and before[0].pos_ == "DET":
        return False  # "Gave the GP details": the GP was given them
    link = doc[details.i + 1] if details.i + 1 < match.sent.end else None
    if link is None or link.lower_ not in ("of", "for", "about"):
        named = [p for p in parties.matcher.spans(before) if p.label_ == "agencies"]
        return len(named) == 1 and named[0].end == details.i
    if not to_the_person or len(before):
        return False  # "Gave police details of the refuge": the police were given them
    # whose details: the phrase "of" or "for" governs ("details of the Family Advocacy Service")
    owners = [doc[c.left_edge.i : c.i + 1] for c in link.children if c.dep_ == "pobj"]
    return any(p.label_ == "agencies" for o in owners for p in parties.matcher.spans(o))


def _told_the_person(verb: Token, outsiders: frozenset[str], parties: Parties) -> bool:
    """ "I told him he did the right thing telling school": a verb of telling whose one told
    is "him" or "her" told them; an agency named later is in what they were told. Not a
    caller on the line (their pronouns are among the outsiders)."""
    if _given_her_a_thing(verb, outsiders, parties):
        return True
    return any(
        c.dep_ in ("dobj", "dative", "iobj")
        and c.lower_ in ONE_PERSON
        and c.lower_ not in outsiders
        for c in verb.children
    )


def _given_her_a_thing(verb: Token, outsiders: frozenset[str], parties: Parties) -> bool:
    """ "Gave her water", which the parser reads as "her water": she was given a thing; not
    "Gave her social worker the dates", whose "her" owns the one given to."""
    her = verb.doc[verb.i + 1] if verb.i + 1 < verb.sent.end else None
    return (
        verb.lemma_.lower() == "give"
        and her is not None
        and her.lower_ in ONE_PERSON
        and her.lower_ not in outsiders
        and her.dep_ == "poss"
        and her.head.head.i == verb.i
        and not parties.is_party(her.head)
    )


def _explains_to_no_agency(verb: Token, after: Span, parties: Parties) -> bool:
    """ "Explained NRM to mum", "explained S47 to parents": explaining to family or the person
    is telling them about a process, not passing on news of someone; to an agency it is."""
    if verb.lemma_.lower() not in EXPLAINING_TO and verb.lower_ not in EXPLAINING_TO:
        return False
    return not any(p.label_ == "agencies" for p in parties.outside(after))


def sent_by_the_subject(verb: Token, subject: Token, information, parties: Parties) -> bool:
    """ "Tonight account sent a collage of his images": a subject that is no word for
    information, and a verb of sending whose object is a thing with its article, not a
    party the parser took for one ("Info shared w/ police") nor a telegraphic passive's
    channel ("Outcome letter sent 2nd class post"), is an active sentence: the subject sent
    it; "told nurse Fiona" names the one told."""
    if subject.lower_ in information or verb.lemma_.lower() not in THING_SENT:
        return False
    if any(c.lower_ in NEGATORS for c in subject.children):
        return False  # "No escort from us as only 3 staff on, sent his passport": no doer
    return any(
        c.dep_ == "dobj"
        and not parties.has(c.doc[c.i : c.i + 1])
        and any(d.dep_ in ("det", "poss") for d in c.children)
        for c in verb.children
    )


def their_message(match: Span, parties: Parties) -> bool:
    """ "Police referral - Debbie R 49", "Police notification this morning: ...": a
    referral named with an agency and no verb recording it made or sent, nor whom it
    went to, is the agency's, as the contact events read it ("MASH referral sent" is
    ours)."""
    word = match.root
    doc = match.doc
    if word.pos_ not in ("NOUN", "PROPN"):
        return False
    before = doc[max(match.sent.start, match.start - AGENCY_BEFORE) : match.start]
    named = [p for p in parties.outside(before) if p.end == match.start]
    # "4th referral in 12 months", "Two safeguarding referrals": a count, not one made
    counted = (
        match.start > match.sent.start and ORDINAL.fullmatch(doc[match.start - 1].lower_)
    ) or any(c.dep_ == "nummod" for c in word.children)
    after = doc[match.end : match.sent.end]
    if not (named or counted) or (len(after) and after[0].lower_ in ("to", "with")):
        return False
    # the verb recording it made: "MASH referral sent", "made a MASH referral", "CAMHS
    # referral accepted"; not a clause of its own ("notification: Kyle arrested")
    verbs = [
        c
        for c in word.children
        if c.dep_ in ("acl", "relcl")
        and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
    ]
    if word.dep_ in ("nsubj", "nsubjpass", "dobj", "conj"):
        verbs.append(word.head)
    return not any(
        v.lemma_.lower() in MAKING or v.lower_ in MAKING or v.tag_ in ("VBN", "VBD")
        for v in verbs
    )
