"""How a note's words sit in the parse: lines, headings, adjectives, passives.

Case notes are telegraphic and often bulleted, and the parser misreads them in
ways that repeat: a bulleted block parses as one sentence, "Outcome:" becomes a
subject, "the shared fridge" looks like sharing. These small tests, which need
few word lists (the closed classes of sharing.toml), let the direction and party
tests ask plain questions. Some read English itself: "given his risk" says why, and
hands nothing over; "Chloe was told" reports a telling; a "disclosed" with no subject
is the person's disclosure; "police called" in a list of events is a call made, not
one that came in.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from recordcheck.events.sharing_words import WORD_CLASSES, WRITER
from recordcheck.language.clauses import line_start
from recordcheck.language.scope import Scope

# between a verb and the one it went to: "passed to Priya", "shared with Gareth"
RECIPIENT_LINKS = {"to", "with", "w/", "onto"}
THIRD_PERSON_AUXILIARIES = WORD_CLASSES["third_person_auxiliaries"]
OWN_STANCE = WORD_CLASSES["own_stance"]
# "given his risk": a participle that says why, before a noun phrase
REASON_PREPOSITIONS = WORD_CLASSES["reason_prepositions"]
TOLD_IN_A_REPORT = WORD_CLASSES["told_in_a_report"]
DISCLOSING = WORD_CLASSES["disclosing"]
STATE_WORDS = frozenset(WORD_CLASSES["state_words"])
ACT_GOES_ON = frozenset(WORD_CLASSES["act_goes_on"])
TOLD_WHAT_THEY_SAID = WORD_CLASSES["told_what_they_said"]
# the auxiliaries of a past passive: "was told", "were informed", "has been told"
PAST_PASSIVE = ("was", "were", "been")
OWN_PLAN_WINDOW = 4  # tokens after "told" in which "I'd ..." / "we will ..." starts


def modifies_noun(match: Span) -> bool:
    """A participle used as an adjective ("the shared fridge", ", shared bathroom").

    "... and updated reception" is a verb the tagger misread: it follows a conjunction.
    """
    previous = match.doc[match.start - 1] if match.start > match.sent.start else None
    modifier = match.root.dep_ in ("amod", "compound")
    opens_line = line_start(match) == match.start
    return (
        modifier
        and not opens_line
        and previous is not None
        and previous.pos_ not in ("CCONJ", "SPACE")
    )


def is_heading(token) -> bool:
    """ "Outcome:", "Action taken:": a label the parser took for the subject."""
    edge = token.right_edge
    following = token.doc[edge.i + 1] if edge.i + 1 < len(token.doc) else edge
    return ":" in (edge.text, following.text)


def explicit_passive(verb) -> bool:
    """ "Police are informed about Colin": an auxiliary makes the passive certain."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def names_what_was_sent(verb) -> bool:
    """ "Sent the chronology", "Referral sent": something was sent, not somebody."""
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return True
    return Scope.subject_of(verb) is not None


def not_a_verb(match: Span) -> bool:
    """A one-word sharing verb the parse shows is no act: part of a name ("Step Forward",
    "Kelmshire CC", "JP (CC)"), an adjective ("most alert"), a word of the person's state
    opening its sentence before a comma ("Alert, GCS 15, tearful"), an adverb ("brought
    forward"), or a noun that is the subject of another verb ("Alert added to account")."""
    if len(match) != 1:
        return False
    word = match.root
    if word.pos_ == "PROPN" and (_heads_a_name(word) or _alone_in_brackets(word)):
        return True
    if _a_state_opening_its_sentence(word):
        return True
    if word.tag_ in ("JJ", "JJR", "JJS") and not word.lower_.endswith("ed"):
        return True  # a participle may be tagged JJ ("Police informed"); "alert" is an adjective
    if word.pos_ in ("ADV", "ADP", "PART") or _hyphened_to_the_word_before(word):
        return True
    if word.tag_ in ("VB", "VBP") and any(c.dep_ == "compound" for c in word.children):
        return True  # "Police update (DS Pritchard, 10:15):": a noun; a verb takes no compound
    return (
        word.dep_ in ("nsubj", "nsubjpass")
        and word.head.i > word.i
        and word.head.pos_ in ("VERB", "AUX")
    )


def _a_state_opening_its_sentence(word) -> bool:
    """ "Alert, GCS 15": a word of the person's state alone before a comma at its
    sentence's start, where the word after the comma does not go on with the act ("Alert,
    to MASH", "Alert, and I rang MASH"); a verb there is an act of its own ("Alert, sent to
    MASH")."""
    doc = word.doc
    return (
        word.lower_ in STATE_WORDS
        and word.is_sent_start
        and word.i + 2 < len(doc)
        and doc[word.i + 1].text == ","
        and doc[word.i + 2].lower_ not in ACT_GOES_ON
    )


def _hyphened_to_the_word_before(word) -> bool:
    """ "DBT-informed", "trauma-informed": one adjective with the word it is hyphened to."""
    doc = word.doc
    if word.i < 2 or doc[word.i - 1].text not in ("-", "‐"):
        return False
    return not doc[word.i - 1].whitespace_ and not doc[word.i - 2].whitespace_


def _heads_a_name(word) -> bool:
    """ "Brackenford CC", "Step Forward": the last word of a proper name."""
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < word.i for c in word.children)


def _alone_in_brackets(word) -> bool:
    """ "JP (CC)": a role or initials in brackets after a name."""
    doc = word.doc
    return 0 < word.i < len(doc) - 1 and doc[word.i - 1].text == "(" and doc[word.i + 1].text == ")"


def describes_a_thing(match: Span, information: frozenset[str]) -> bool:
    """ "Raised voices, daughter upset": a participle opening a line that describes the noun
    after it, which is no information, with no one named it went to."""
    word = match.root
    head = word.head
    if len(match) != 1 or word.dep_ != "amod" or head.i != word.i + 1:
        return False
    if head.pos_ == "NUM":
        # "- Shared 28/29 episode in full": an adjective describes a thing, not a number or a
        # date; the parser hung a telegraphic verb on the number opening its object
        return False
    if head.lower_ in information or head.lemma_.lower() in information:
        return False  # "Raised concerns with school" is the tagger's misreading of a verb
    rest = match.doc[head.i + 1 : match.sent.end]
    return not any(t.lower_ in RECIPIENT_LINKS for t in rest)


def controller_of(verb):
    """The doer of a verb with no subject of its own in a clause hung on another:
    "Sophie was brought to ED after telling a friend" (Sophie told the friend)."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("pcomp", "advcl"):
        return None
    for ancestor in verb.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return Scope.subject_of(ancestor)
    return None


def done_by_a_third_person(verb) -> bool:
    """ "Dr Sandhu has followed the protocol, has explained to mum", "She believes she has been
    chosen and has emailed the council leader", "Priya updating ASC": the auxiliary's person,
    or the name opening the line that an "-ing" hangs on, does it; the writer writes "I have",
    "we are", and "Writer has informed police" names the writer."""
    if verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.dep_ == "ROOT":
        return verb.head.i < verb.i and verb.head.pos_ == "PROPN"
    if any(c.dep_ == "auxpass" for c in verb.children):
        return False  # "Police has been informed": a telegraphic passive, the writer told them
    third_person = any(
        c.dep_ == "aux"
        and c.lower_ in THIRD_PERSON_AUXILIARIES
        and (c.lower_ == "has" or verb.tag_ == "VBG")
        for c in verb.children
    )
    subject = Scope.subject_of(verb)
    return third_person and (subject is None or subject.lower_ not in WRITER)


def done_by_someone(word, channels: frozenset[str]) -> bool:
    """The parse names the doer of a passive ("made by the company", "sent by the GP"),
    not the channel ("sent by email")."""
    verbs = [word, *(c for c in word.children if c.dep_ == "acl")]
    if word.dep_ in ("dobj", "nsubjpass"):
        verbs.append(word.head)  # "Referral was made by the GP"
    for verb in verbs:
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            doer = [c for c in agent.children if c.dep_ == "pobj"]
            if doer and doer[0].lower_ not in channels and doer[0].lemma_.lower() not in channels:
                return True
    return False


def inside_what_was_told(match: Span, telling: frozenset[str]) -> bool:
    """ "Told him to ring his GP", "Told her to speak to Housing Options": the contact is
    what the person was told to do, not the writer's own."""
    word = match.root
    while word.head.i != word.i:
        teller = word.head
        if teller.lemma_.lower() in telling or teller.lower_ in telling:
            # "told him to ring", "told him tell the nurse"; a bare verb further down is an
            # instruction too ("Told her register ... and speak to Housing Options")
            return word.dep_ in ("ccomp", "xcomp") or match.root.tag_ == "VB"
        word = teller
    return False


def act_made_by_writer(word, making: frozenset[str], writer: frozenset[str]) -> bool:
    """A referral the writer made: "Referral to ASC.", "Referral sent", "made a referral"."""
    if word.pos_ == "VERB" or word.dep_ == "ROOT":
        return True
    head = word.head
    if head.lemma_.lower() in making or head.lower_ in making:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in head.children):
            return False  # "Lifeline referral to be done": still to do
        subject = Scope.subject_of(head)
        if (
            subject is not None
            and not word.left_edge.i <= subject.i <= word.i
            and (subject.i < head.i and subject.dep_ == "nsubj")
        ):
            # "Police will have done their own notification to CSC"
            return subject.lower_ in writer
    following = word.doc[word.i + 1] if word.i + 1 < word.sent.end else None
    if following is not None and following.lower_ == "to":
        return True  # "Referral to ASC and to the CMHT ...", whatever the parser made of it
    if word.i == word.sent.start and word.lower_.endswith("ed"):
        return True  # "Referred Beryl to ASC": the tagger reads a telegraphic verb as a name
    head = word.head
    if word.dep_ == "conj" and head.i != word.i:
        return act_made_by_writer(head, making, writer)
    if head.lemma_.lower() in making or head.lower_ in making:
        subject = Scope.subject_of(head)
        return (
            subject is None
            or subject.i == word.i
            or subject.lower_ in writer
            or subject.dep_ == "nsubjpass"
        )
    return word.dep_ in ("appos", "npadvmod", "dep")


def past_the_one_called(token) -> bool:
    """A name, a number or a time after the one called: "Rang GP Dr Lowe 01632 960448 10:15"."""
    return token.pos_ == "PROPN" or token.like_num or any(c.isdigit() for c in token.text)


def call_made_for(match: Span, matches: Sequence[Span]) -> Span | None:
    """The call a telling was made on: "Rang Priya SW 10:30 [to update] re ...", "Rang the GP
    [to let them know] ...": the contact just before "to", with only the one called between."""
    doc = match.doc
    if match.start == 0 or doc[match.start - 1].lower_ != "to" or match.root.tag_ != "VB":
        return None
    called = next((m for m in matches if m.end < match.start), None)
    if called is None or called.label_ != "contact_verbs":
        return None
    between = doc[called.end : match.start - 1]
    if all(past_the_one_called(t) or t.pos_ in ("DET", "NOUN") for t in between):
        return called
    return None


def about_sharing(match: Span) -> bool:
    """ "Spoke to Graham about the referral": talk about sharing is not sharing."""
    doc = match.doc
    before = doc[max(match.sent.start, match.start - 3) : match.start]
    return any(t.lower_ in ("about", "re", "discussed", "discuss") for t in before)


def own_plan_told(after: Span, modals: frozenset[str]) -> bool:
    """ "Told Christine I'd look into it": the writer's next step or present stance, not news
    about anyone."""
    opening = after[:OWN_PLAN_WINDOW]
    return any(
        t.lower_ in ("i", "we")
        and t.i + 1 < after.end
        and (after.doc[t.i + 1].lower_ in modals or _own_stance(t))
        for t in opening
    )


def _own_stance(writer) -> bool:
    """ "Told him I don't know", "Told them I need this confirmed", "I told Keith I am not
    comfortable ...": the writer's present knowing, thinking or needing, no news of anyone
    ("Told the GP I am worried about ..." and "Told police we have CCTV" still tell)."""
    verb = writer.head
    if writer.dep_ != "nsubj" or verb.lemma_.lower() not in OWN_STANCE:
        return False
    present = verb.tag_ == "VBP" or any(c.dep_ == "aux" and c.tag_ == "VBP" for c in verb.children)
    negated = any(c.dep_ == "neg" for c in verb.children)
    # "Told her I think he is drinking again": what the writer thinks of someone is news
    of_someone = any(
        c.dep_ == "ccomp"
        and any(
            s.dep_ == "nsubj"
            and s.pos_ in ("PRON", "PROPN")
            and s.lower_ not in ("that", "it", "this")
            for s in c.children
        )
        for c in verb.children
    )
    return present and not of_someone and (negated or verb.lemma_.lower() != "be")


def reason_preposition(word) -> bool:
    """ "progress to an assessment given Dean's risk", "instalments given OD", "graded high
    given flag": "given" before a noun phrase says why ("in view of") and hands nothing over;
    not "first dose given 14:30", "leaflet given to mum", "was given advice", "Given IDVA
    details" (a telegraphic act opening its sentence), "Description given: ..."."""
    if word.lower_ not in REASON_PREPOSITIONS or word.i == word.sent.start:
        return False
    before = word.doc[word.i - 1]
    if before.lemma_.lower() in ("be", "have", "get") or before.dep_ in ("aux", "auxpass"):
        return False
    objects = [c for c in word.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
    # the one it was given to comes before the reason's noun: "given to mum", not "given
    # overdose risk - letter to GP"
    if not objects or any(
        c.dep_ in ("dative", "dobj", "nsubjpass") or (c.lower_ == "to" and c.i < objects[0].i)
        for c in word.children
    ):
        return False
    after = word.doc[word.i + 1] if word.i + 1 < word.sent.end else None
    return after is not None and not (after.is_punct or after.like_num)


def gives_a_reason(word) -> bool:
    """A reason preposition hung on what was done ("changed ... given OD", "likely to progress
    given Dean's risk") or naming whose risk ("given his history"): the clause states why."""
    if not reason_preposition(word):
        return False
    if word.dep_ == "prep" and word.head.pos_ in ("VERB", "AUX"):
        return True
    return any(
        c.dep_ == "pobj" and any(d.dep_ in ("poss", "det") for d in c.children)
        for c in word.children
    )


def rang_in(verb, modals: frozenset[str]) -> bool:
    """ "Her neighbour rang", "Son has called twice": a call that came in; not a telegraphic
    passive ("screaming, police called": the police were called) nor one not made yet
    ("officer to call tomorrow", "she will ring back")."""
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    if verb.tag_ == "VBN" and not auxiliaries:
        return False
    return not any(a.lower_ == "to" or a.lower_ in modals for a in auxiliaries)


def told_in_a_report(verb) -> bool:
    """ "Chloe was told about the index offence", "Mum has been told the wait could be
    months", "Police were informed (crime ref on file)": a past passive of telling reports
    that someone was told, by whoever told them; the writer records their own telling
    telegraphically ("Mum told", "Police informed") or in the active. A dictated present
    ("Police are informed about Colin") stays the writer's."""
    if verb.lemma_.lower() not in TOLD_IN_A_REPORT:
        return False
    return any(c.dep_ == "auxpass" and c.lower_ in PAST_PASSIVE for c in verb.children)


def the_persons_disclosure(match: Span) -> bool:
    """ "Disclosed smoking heroin daily", "Disclosed Steve pushed her over": a "disclosed" with
    no subject, followed by what was disclosed and naming no one it went to, is the person's
    disclosure to the writer; the writer's own names its recipient ("Disclosed to GP") or
    lists what went ("Disclosed: 08/05 consult, MIU letter")."""
    verb = match.root
    if verb.lemma_.lower() not in DISCLOSING or Scope.subject_of(verb) is not None:
        return False
    rest = match.doc[match.end : match.sent.end]
    if not len(rest) or rest[0].is_punct:
        return False
    return not any(t.lower_ in RECIPIENT_LINKS for t in rest)


def came_in(match: Span, matches: Sequence[Span]) -> bool:
    """ "Her DASH from referring area", "Private fostering notification - email from
    the school": the act is where the information came from."""
    if any(a.lower_ == "from" and a.dep_ == "prep" for a in match.root.ancestors):
        return True
    if match.label_ != "sharing_acts" or match.root.pos_ not in ("NOUN", "PROPN"):
        return False
    after = match.doc[match.end : match.sent.end]
    if len(after) and after[0].lower_ in ("to", "with"):
        return False  # "Referral to ASC following an email from school": ours
    return any(m.label_ == "received" and m[-1].lower_ == "from" for m in matches)


def names_no_sharing(match: Span) -> bool:
    """A sharing verb that records no sharing of the writer's: "given his risk", "Disclosed
    smoking heroin"."""
    return reason_preposition(match.root) or the_persons_disclosure(match)


def sends_no_information(verb, not_information: frozenset[str]) -> bool:
    """ "Sent MSU", "sent apologies": a sample or a courtesy, not news of someone."""
    themes = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    subject = Scope.subject_of(verb)
    if subject is not None and subject.pos_ == "NOUN":
        themes.append(subject)  # telegraphic passive: "application sent"
    if verb.dep_ == "acl" and verb.head.i < verb.i:
        themes.append(verb.head)  # "- prescription sent to GP" parsed as a noun phrase
    return any(t.lemma_.lower() in not_information or t.lower_ in not_information for t in themes)


def told_by_the_one_called(verb) -> bool:
    """ "Rang Northmoor Police 101 - told they can't share over the phone", "Rang CAMHS - told
    it's being screened": a telling verb with nobody told, going straight into what "they"
    or "it" is, records what the writer was told (the writer's own telling names whom:
    "told them she had fallen")."""
    if any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children):
        return False
    after = verb.doc[verb.i + 1] if verb.i + 1 < verb.sent.end else None
    return (
        after is not None
        and after.lower_ in TOLD_WHAT_THEY_SAID
        and after.dep_ in ("nsubj", "nsubjpass")
    )
