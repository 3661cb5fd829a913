"""Mentions of a partner that a communication word sits beside but that record no contact
of the writer's service (recording standard, "Contact events": agencies only mentioned,
someone else's dealings, consent to a contact still to be made).

- whose number it is: "Tel no. for Housing Options passed to her", "wrote the IDVA number
  on an appointment card" give someone a number; the writer dealt with no one;
- consent to a partner: "Agreed to MARAC + IDVA" is the person's agreement to a referral
  still to be made (planned), as "Consent given for contact with his school" is;
- the person's own act: "self-referred to Pathways"; their attending a school or service
  they use: "attends Hollins Park Primary", "attending Phoenix Recovery"; a service they
  were pointed to: "Signposted to Millbrook Advice Centre";
- the agency's own dealings with the person: "Housing spoke to him", "Police called to the
  flat again on Saturday" (summoned there, by someone);
- a contact denied in its noun: "no concerns raised by school or GP";
- the agency's dealings with another partner: "CAMHS referral (made by previous school)";
- a call-out: "No further police call outs" is the police attending, not a call;
- what the writer told someone of a partner: "explained police sit on MARAC", "told her
  police will want to speak to him";
- a suggestion: "Recommend MASH referral", "Suggested we speak to GP" is a contact still to
  be made (planned), or someone else's ("The GP suggested a referral to SALT").

Read from the parse and the shared word lists; the words are in contact_limits.toml.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.events.call_parties import CONTACT_DETAIL_WORDS
from recordcheck.events.encounters import ENCOUNTER_GROUP, MEETING
from recordcheck.events.log_lines import on_one_line
from recordcheck.events.parties import SENT_NOUNS, TOPIC_PREPOSITIONS, Party
from recordcheck.partners.component import AGENCIES_KEY, CONTACTS_KEY

WORDS = package_toml(__package__, "contact_limits.toml")
# the contact reader's own words, for the two readings below that it asks of a mention
READER_WORDS = package_toml(__package__, "words.toml")
EARLIER = frozenset(READER_WORDS["earlier_contact_prepositions"])
DENYING_WORDS = frozenset(READER_WORDS["denying_words"])
DIALLING = frozenset(WORDS["dialling_forms"])
CONSENTING = frozenset(WORDS["consent_lemmas"])
SELF_MARKS = frozenset(WORDS["self_marks"])
SUMMONED = frozenset(WORDS["summoned_lemmas"])
ATTENDING = frozenset(WORDS["attending_lemmas"])
HABITUAL_TAGS = frozenset(WORDS["habitual_tags"])
HABIT_WORDS = frozenset(WORDS["habit_words"])
SIGNPOSTING = frozenset(WORDS["signposting_forms"])
ATTENDED_DEPS = frozenset({"dobj", "prep", "pobj", "compound"})
WRITER = frozenset(WORDS["writer_words"])
THIRD_PERSONS = frozenset(WORDS["third_persons"])
CALL_OUTS = frozenset(WORDS["call_out_words"])
CALL_OUT_ENDINGS = frozenset(WORDS["call_out_endings"])
SUGGESTING = frozenset(WORDS["suggesting_lemmas"])
SUGGESTING_FORMS = frozenset(WORDS["suggesting_forms"])
# what was suggested, as the parser joins it to the verb of suggesting
SUGGESTED_CONTENT = frozenset({"dobj", "ccomp", "xcomp", "oprd", "attr", "dep"})
SUGGESTION_REACH = 2  # "Suggested HV check": the partner right after the opening word
EXPLAINING = frozenset(WORDS["explaining_lemmas"])
TOLD_PERSON = frozenset(WORDS["told_person_words"])
DETAIL_REACH = 3  # "the Safe Steps IDVA number", "no. for the Housing Options team"


def names_whose_number(mention: Span) -> bool:
    """ "Tel no. for Housing Options passed to her", "gave her the IDVA number", "the GP's
    number": the agency only says whose number or details they are. Giving someone a number
    is no contact; ringing it is ("Rang the Housing Options number")."""
    doc, sentence = mention.doc, mention.sent
    after = [t for t in doc[mention.end : min(mention.end + DETAIL_REACH, sentence.end)]
             if t.text not in ("'s", "'")]
    before = [t for t in doc[max(sentence.start, mention.start - DETAIL_REACH) : mention.start]
              if t.tag_ not in ("DT", "PRP$")]
    detail = None
    # "the Safe Steps IDVA number": past a role's abbreviation written beside a local name
    roles = next((k for k, t in enumerate(after) if not (t.is_alpha and t.is_upper)), len(after))
    if after[roles:] and _detail_word(after[roles:]):
        detail = after[roles]  # "the IDVA number", "the GP's number"
    elif before and before[-1].lower_ == "for":
        words = before[:-1]
        for start in (len(words) - 1, len(words) - 2):
            if start >= 0 and _detail_word(words[start:]):
                detail = words[start]  # "number for the GP", "no. for Housing Options"
    if detail is None:
        return False
    return not any(t.lower_ in DIALLING for t in doc[sentence.start : detail.i])


def _detail_word(tokens: list[Token]) -> bool:
    """The tokens open with "number", "details" or "no." ("no" only with its full stop:
    "Tel no answer" is a call)."""
    first = tokens[0].lower_
    if first == "no":
        return len(tokens) > 1 and tokens[1].text == "."
    return first in CONTACT_DETAIL_WORDS


def consent_to_partner(party: Party, mention: Span) -> bool:
    """ "Agreed to MARAC + IDVA", "Agreed to CMHT visit": the person agreed to the partner
    itself, a referral or service still to come; "Agreed with the GP that ..." is a
    conversation with it."""
    verb = party.predicate
    if verb.lemma_.lower() not in CONSENTING:
        return False
    node = mention.root
    while node.head.i != node.i and node.head.i != verb.i:
        if node.dep_ not in ("pobj", "conj", "compound", "cc", "nmod") and node.head.pos_ != "ADP":
            return False
        node = node.head
    return node.head.i == verb.i and node.dep_ == "prep" and node.lower_ == "to"


def the_persons_own(party: Party, mention: Span) -> bool:
    """A contact that is the person's to make or their own use of a service: made by
    themselves, a school or service they attend, one they were pointed to."""
    return self_made(party) or attends_as_its_user(party, mention) or signposted(party)


def signposted(party: Party) -> bool:
    """ "Signposted to Mental Health Support Team in school": the person was given the
    service to go to; the writer dealt with no one there."""
    return party.predicate.lower_ in SIGNPOSTING or party.governing.lower_ in SIGNPOSTING


def self_made(party: Party) -> bool:
    """ "self-referred", "Self referral to Pathways": the person made the contact."""
    doc = party.predicate.doc
    for word in {party.predicate, party.governing}:
        if any(c.lower_ in SELF_MARKS for c in word.children):
            return True
        previous = [t.lower_ for t in doc[max(0, word.i - 2) : word.i]]
        if previous and (previous[-1] in SELF_MARKS or previous == ["self", "-"]):
            return True
    return False


def attends_as_its_user(party: Party, mention: Span) -> bool:
    """ "Son Riley attends Hollins Park Primary", "attending Phoenix Recovery (alcohol)": a
    school or service attended, as a habit or a course under way, is the person's place of
    learning or care; the writer's own attendance is an occasion, told in the past
    ("Attended ICPC"). A subject of its own that is the writer keeps it ours, and so does
    no subject at all when the sentence records a meeting: a terse note's "Attending MARAC
    at the Civic Centre this morning" is the writer's occasion."""
    verb = party.predicate
    if verb.lemma_.lower() not in ATTENDING or verb.tag_ not in HABITUAL_TAGS:
        return False
    if not _attended_thing(mention.root, verb):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.lower_ in WRITER for s in subjects):
        return False
    unwritten_attender = not subjects and verb.dep_ not in ("acl", "relcl")
    return not (unwritten_attender and _records_a_meeting(verb.sent))


def _records_a_meeting(sentence: Span) -> bool:
    """One meeting, not a habit of them ("Phoenix Recovery group meetings weekly")."""
    if any(t.lower_ in HABIT_WORDS for t in sentence):
        return False
    return any(
        span.label_ == MEETING and sentence.start <= span.start < sentence.end
        and span[-1].tag_ != "NNS"
        for span in sentence.doc.spans.get(ENCOUNTER_GROUP, ())
    )


def _attended_thing(token: Token, verb: Token) -> bool:
    """The verb's object, or where it is held: "attends Hollins Park Primary", "attending
    cardiac rehab at Castlebridge Leisure Centre"."""
    while token.dep_ in ATTENDED_DEPS and token.head.i != token.i:
        token = token.head
        if token.i == verb.i:
            return True
    return False


def summoned_elsewhere(verb: Token) -> bool:
    """ "Police called to Orchard Way again Sat", "Ambulance called to the home": summoned to
    a place, by someone; "called to the MASH" names a partner, "called me" names us."""
    if verb.lemma_.lower() not in SUMMONED:
        return False
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    places = [
        o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
        for o in c.children if o.dep_ == "pobj"
    ]
    return bool(places) and not any(_a_partner(o) or o.pos_ == "PRON" for o in places)


def _a_partner(token: Token) -> bool:
    doc = token.doc
    partners = (*doc.spans.get(AGENCIES_KEY, ()), *doc.spans.get(CONTACTS_KEY, ()))
    return any(p.start <= t.i < p.end for p in partners for t in token.subtree)


def denied_in_its_noun(party: Party) -> bool:
    """ "no concerns raised by school or GP", "No referral made by the GP": what the agency
    did is a noun that says there was none; so is the message itself ("No referrals to
    CSC/ASC yet"), as "no" makes any noun it determines (a reply noun, "No answer from the
    GP", is an attempt, and is not among the messages sent). After a label the noun is the
    agency's news, not its contact: "Police: no previous DA logged at address" was a check
    made."""
    verb = party.governing
    message = party.predicate
    sent = message.lower_ in SENT_NOUNS or message.lemma_.lower() in SENT_NOUNS
    if sent and any(c.dep_ == "det" and c.lower_ == "no" for c in message.children):
        return True
    if party.link != "by":
        return False
    nouns = [verb.head] if verb.dep_ in ("acl", "relcl") else []
    nouns += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.dep_ == "det" and c.lower_ == "no" for n in nouns for c in n.children)


def made_for_another(party: Party) -> bool:
    """ "CAMHS referral (made by previous school in June)", "police informed by school": the
    agency after "by" dealt with another partner, which the noun or the subject of what it
    did names; the writer's service was not a party ("Referred by Dr Stamp" was to us)."""
    verb = party.governing
    if party.link != "by":
        return False
    nouns = [verb.head] if verb.dep_ in ("acl", "relcl") else []
    nouns += [c for c in verb.children if c.dep_ == "nsubjpass"]
    doc = verb.doc
    partners = (*doc.spans.get(AGENCIES_KEY, ()), *doc.spans.get(CONTACTS_KEY, ()))
    named = {i for p in partners for i in range(p.start, p.end)}
    return any(
        word.i in named
        for noun in nouns
        for word in (noun, *(c for c in noun.children if c.dep_ == "compound"))
    )


def spoke_to_them(verb: Token) -> bool:
    """ "Housing spoke to him", "the GP wrote to her": the agency's own dealing with the
    person, named by a pronoun after "to" or "with"; not when the writer shares the subject
    ("DC Benn and I spoke with her"). A name after it may be the agency's own worker
    ("Rang the Front Door - spoke to Nicola"), so only the pronoun counts."""
    subject = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(t.lower_ in WRITER for s in subject for t in s.subtree):
        return False
    return any(
        o.lower_ in THIRD_PERSONS
        for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
        for o in c.children if o.dep_ == "pobj"
    )


def told_another_partner(verb: Token, mention: Span) -> bool:
    """ "ASC have informed Westmarch Police", "School already rang MASH", "IDVA to re-refer to
    MARAC": the acting agency's dealing with another partner, told of; not a contact with
    us (recording standard: "police to visit" is the police's contact, not ours)."""
    told = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + [
        o
        for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
        for o in c.children if o.dep_ == "pobj"
    ]
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(t.lower_ in WRITER for s in subjects for t in s.subtree):
        return False  # "SW and I rang MASH": the writer was one of those acting
    partners = (*doc.spans.get(AGENCIES_KEY, ()), *doc.spans.get(CONTACTS_KEY, ()))
    # a list the parser ran into one clause ("Outcome: FORWARDED / - MASH - sent / - MARAC")
    # is no agency telling another: each on its own line
    return on_one_line(mention.root, verb) and any(
        not mention.start <= t.i < mention.end
        and on_one_line(t, verb)
        and any(p.start <= t.i < p.end for p in partners)
        for t in told
    )


def a_call_out(party: Party, mention: Span) -> bool:
    """ "No further police call outs", "named in police call-outs to the address": a call-out
    is the agency attending an incident, not a call with us ("Called out the GP" is)."""
    word = party.predicate
    if word.i < mention.start:
        return False
    if word.lower_.replace("-", "") in CALL_OUTS:
        return True
    following = word.nbor(1) if word.i + 1 < len(word.doc) else None
    return (
        word.lemma_.lower() == "call" and following is not None
        and following.lower_.lstrip("-") in CALL_OUT_ENDINGS
    )


def suggested(mention: Span) -> str:
    """Whose suggestion the mention is in, "" when none: "Recommend MASH referral",
    "Suggested we speak to GP", "Suggested HV check re speech" are the writer's ("writer"),
    "The GP suggested a referral to SALT" the GP's ("someone else"). A suggestion is a
    contact still to be made, not one made. A mention that is not what was suggested (the
    one it was put to, "Suggested to the GP ...") gets "": whether it records a contact is
    left to the other contact rules."""
    node = mention.root
    while node.head.i != node.i:
        head = node.head
        if head.lemma_.lower() in SUGGESTING or head.lower_ in SUGGESTING_FORMS:
            if node.dep_ not in SUGGESTED_CONTENT:
                return ""
            subjects = [c for c in head.children if c.dep_ == "nsubj"]
            return "someone else" if any(s.lower_ not in WRITER for s in subjects) else "writer"
        node = head
    # a clipped opening the parser takes for a name: "Suggested HV check re speech"
    opening = next((t for t in mention.sent if not (t.is_punct or t.is_space)), None)
    if opening is None or opening.lower_ not in SUGGESTING_FORMS:
        return ""
    between = mention.doc[opening.i + 1 : mention.start]
    if len(between) > SUGGESTION_REACH or any(t.lower_ == "to" or t.is_punct for t in between):
        return ""
    return "writer"


def refers_back(party: Party) -> bool:
    """ "following a letter from Greenacre Housing", "after my MASH referral": a contact
    named as what came before what the note records, not a contact it records."""
    noun = party.predicate
    # the preposition opens the noun's own phrase: "Following call above: - referral sent"
    # (a parse joining a later line to "Following") refers back to nothing
    return (
        noun.dep_ in ("pobj", "dobj")  # "following" may be tagged a verb
        and noun.head.lower_ in EARLIER
        and noun.left_edge.i == noun.head.i + 1
    )


def refused_or_denied(mention: Span) -> bool:
    """ "NOT Willow Home Support", "not MARAC yet", "Declined IDVA", "Said no to police":
    the word before the agency denies it, or says the offer of it was turned down."""
    index = mention.start - 1
    doc = mention.doc
    while index >= 0 and doc[index].dep_ == "det" and doc[index].lower_ != "no":
        index -= 1
    if index > 0 and doc[index].lower_ == "to" and doc[index - 1].lower_ == "no":
        index -= 1  # "no to police": a refusal of it
    return index >= 0 and doc[index].lower_ in DENYING_WORDS


def said_of(mention: Span) -> bool:
    """ "explained police sit on MARAC", "Told her police will want to speak to him": the
    partner opens what the writer said to someone, as the subject of its verb; the writer
    said it to the person, not to the partner. "Told police she had left" is a contact."""
    doc = mention.doc
    before = mention.start - 1
    while before >= mention.sent.start and doc[before].lower_ in TOLD_PERSON:
        before -= 1
    if before < mention.sent.start or doc[before].lemma_.lower() not in EXPLAINING:
        return False
    after = doc[mention.end] if mention.end < mention.sent.end else None
    return after is not None and (after.tag_ == "MD" or after.pos_ in ("VERB", "AUX"))


def talked_about(party: Party) -> bool:
    """ "told her about the referral to children's services": the message the partner is
    party to is what was talked about, not the act the sentence records."""
    message = party.predicate
    return (
        message.pos_ not in ("VERB", "AUX")
        and message.dep_ == "pobj"
        and message.head.lower_ in TOPIC_PREPOSITIONS
    )
