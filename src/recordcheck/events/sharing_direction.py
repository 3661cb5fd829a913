"""Which way information went in one sentence: out from the writer, in, or neither.

Only outward sharing by the writer needs a reason. A sharing verb does not count
when the sharing has not happened (plans.py), when someone else did it ("shared
by DC Wilde", "DBS referral made by the company", "Sophie ... after telling a friend",
"Behaviours: sends flowers", "Self-referral", "Chloe was told about the offence",
"Disclosed smoking heroin daily"), when it went only to in-house colleagues, when what
went was no news of anyone ("sent apologies"), when it is what the person was told
to do ("Told him to ring his GP"), or when the word
is no act at all: an adjective, a channel or part of a name ("the shared fridge",
"Email to provider:", "Raised voices", "Kelmshire CC", "given his risk"). Information
received ("Call from the school", "GP informed me", "DASH from referring area") makes the
sentence "in". A contact verb ("rang") with an outside party on the line lets the next
sentence's "Gave both." count as sharing; a caller is on the line from the call on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from recordcheck.events.sharing_names import past_names
from recordcheck.events.sharing_not_ours import (
    MAKING,
    records_no_sharing,
    sent_by_the_subject,
    tells_no_outsider,
    their_message,
)
from recordcheck.events.sharing_parties import RECIPIENT_WINDOW, Parties
from recordcheck.events.sharing_plans import not_yet
from recordcheck.events.sharing_shape import (
    about_sharing,
    act_made_by_writer,
    call_made_for,
    came_in,
    controller_of,
    describes_a_thing,
    done_by_a_third_person,
    done_by_someone,
    explicit_passive,
    inside_what_was_told,
    is_heading,
    modifies_noun,
    names_no_sharing,
    not_a_verb,
    past_the_one_called,
    rang_in,
    sends_no_information,
    told_in_a_report,
)
from recordcheck.events.sharing_words import CLIENT_FACING, WORD_CLASSES, WRITER
from recordcheck.language.clauses import line_start
from recordcheck.language.matching import TermMatcher
from recordcheck.language.scope import Scope

TO_WRITER = WORD_CLASSES["to_writer"]
RECEIVED_WORDS = WORD_CLASSES["received_words"]
# sharing that needs no named recipient: the word itself says it went out
SHARED_WITHOUT_RECIPIENT = WORD_CLASSES["shared_without_recipient"]
# verbs by which the writer makes a referral or notification happen
SPLIT_VERB_GAP = 4  # tokens between "let" and "know" in "let the nursery manager know"
# "Probation informed." / "GP notified today": a telegraphic passive names who was told
TOLD_PASSIVELY = WORD_CLASSES["told_passively"]
AFTER_TELEGRAPHIC_PASSIVE = WORD_CLASSES["after_telegraphic_passive"]
# "Son informed by text": after "by", these name how the news went, not who gave it
CHANNELS = WORD_CLASSES["channels"]
AGENT_WINDOW = 5  # tokens after a participle in which "by <someone>" names the doer
MODALS = WORD_CLASSES["modals"]
NOT_A_SHARING_ACT = WORD_CLASSES["not_a_sharing_act"]
# what a call or talk was about: "Spoke to the nurse about his falls", "Rang the GP re his toe"
TOPIC_MARKERS = WORD_CLASSES["topic_markers"]
# "Rang Westmoor Careline to let them know ...": one told as "them" is an agency or a family
TOLD_AS_A_GROUP = WORD_CLASSES["told_as_a_group"]
# a meeting is both ways and names no telling of ours: "Met Gail re the tenancy"
MEETING = WORD_CLASSES["meeting"]
# "Self-referral", "self referred": the person's own act, not the writer's
OWN_ACT_MARKS = WORD_CLASSES["own_act_marks"]
OUTWARD_LABELS = ("sharing_verbs", "sharing_acts", "contact_verbs")
ACT_LISTS = ("sharing_verbs_lemma", "sharing_acts_lemma", "contact_verbs_lemma", "received_lemma")


class DirectionReader:
    """Reads each sentence's sharing, contact and receiving words for the way information went."""

    def __init__(self, nlp: Language, lists: Mapping[str, Sequence[str]], parties: Parties):
        self.acts = TermMatcher(nlp, {key: lists[key] for key in ACT_LISTS})
        self.parties = parties
        # "let X know", "fill X in": the one told sits between the verb and its particle
        split = [phrase.split() for phrase in lists["split_verbs_lemma"]]
        self.split_tails = {words[0]: words[-1] for words in split}
        self.split_heads = TermMatcher(nlp, {"sharing_verbs_lemma": list(self.split_tails)})
        self.not_information = frozenset(word.lower() for word in lists["not_information"])
        self.information = frozenset(word.lower() for word in lists["information_words"])
        self.scope = Scope(nlp)

    def read(
        self, sent: Span, in_touch: bool, outsiders: frozenset[str] = frozenset()
    ) -> tuple[str, bool, Span | None]:
        """("out" | "in" | "", whether the writer got in touch with an outside party here,
        the words of the outward act)."""
        matches = sorted(
            self.acts.spans(sent) + self._split_verbs(sent), key=lambda m: (m.start, m.end)
        )
        contacted = any(
            m.label_ == "contact_verbs"
            and self._by_writer(m)
            and not inside_what_was_told(m, CLIENT_FACING)
            and self.parties.named_after(m, client_facing=True, outsiders=outsiders)
            for m in matches
        )
        verdict = ""
        for match in matches:
            if match.label_ != "received" and records_no_sharing(match, self.information):
                continue  # "referred to in the note", "Apologies: X - report sent": no act
            if match.label_ == "received" and not not_yet(match, self.scope):
                verdict = "in"
            if match.label_ == "contact_verbs" and self._discussed_with(match):
                return "out", contacted, match
            if match.label_ == "sharing_verbs" and inside_what_was_told(match, CLIENT_FACING):
                continue  # "Told her she did the right thing telling mum": what she was told
            if match.label_ == "sharing_verbs" and self._told_on_a_call(match, matches, contacted):
                return "out", contacted, match
            if match.label_ in ("contact_verbs", "received") or not_yet(match, self.scope):
                continue
            if (
                self._told_by_another(match)
                or self._no_act_of_ours(match)
                or inside_what_was_told(match, CLIENT_FACING)
            ):
                continue  # "Keith told me the application is sent": his news, not our sharing
            if self._received(match) or came_in(match, matches):
                verdict = verdict or "in"
                continue
            if self._told_passively(match):
                return "out", contacted, match
            if self._by_writer(match) and self._outward(match, in_touch or contacted, outsiders):
                return "out", contacted, match
        return verdict, contacted, None

    def _no_act_of_ours(self, match: Span) -> bool:
        """The word names no sharing by the writer: "Step Forward", "most alert",
        "Raised voices", "Self-referral", "given his risk"."""
        if match.label_ == "sharing_verbs" and (
            not_a_verb(match)
            or describes_a_thing(match, self.information)
            or names_no_sharing(match)
            or self._told_in_a_report(match)
        ):
            return True
        words = match.doc[max(match.sent.start, match.start - 2) : match.start]
        if len(words) == 2 and words[-1].text in ("-", "‐"):
            words = words[:1]  # "Self-referral"
        return bool(len(words)) and words[-1].lower_ in OWN_ACT_MARKS

    def _told_in_a_report(self, match: Span) -> bool:
        """ "Chloe was told about the offence", "Mum has been told": someone's telling of the
        person or family, reported; an agency so told ("Police were informed.") stays ours."""
        told = Scope.subject_of(match.root)
        if told is None or not told_in_a_report(match.root):
            return False
        words = match.doc[told.left_edge.i : told.right_edge.i + 1]
        return not any(p.label_ == "agencies" for p in self.parties.matcher.spans(words))

    def _told_by_another(self, match: Span) -> bool:
        """The sharing sits in what someone else said: "Sue confirmed the letters were sent"."""
        speech = self.scope.words["speech"]
        for verb in match.root.ancestors:
            if verb.lemma_.lower() not in speech or not self.scope.reported_by_other(verb):
                continue
            if line_start(verb) != line_start(match):
                continue  # a bulleted block parsed as one sentence: "Denise agreed" is a line
            teller = Scope.subject_of(verb)
            # "Referral to the law firm - accepted": the sharing is what was accepted, not told
            if not teller.left_edge.i <= match.root.i <= teller.right_edge.i:
                return True
        return False

    def outside_caller(self, doc: Doc) -> int | None:
        """Where someone outside rang or wrote in ("Call from Patricia's son", "Her neighbour
        rang"): the start of that sentence, from which they are on the line; None if nobody."""
        for match in self.acts.spans(doc):
            if match.label_ == "received" and match[-1].lower_ == "from":
                words = doc[match.end : match.sent.end]
                if self.parties.outside(words[: past_names(words, RECIPIENT_WINDOW)]):
                    return match.sent.start
            elif match.label_ == "contact_verbs" and rang_in(match.root, MODALS):
                subject = Scope.subject_of(match.root)
                if subject is not None and subject.i < match.start and subject.lower_ not in WRITER:
                    caller = doc[subject.left_edge.i : subject.right_edge.i + 1]
                    if self.parties.outside(caller):
                        return match.sent.start
        return None

    def _split_verbs(self, sent: Span) -> list[Span]:
        """ "let the manager know", "filled him in": the verb, when its particle follows."""
        found = []
        for head in self.split_heads.spans(sent):
            lemma = head.root.lemma_.lower()
            tail = self.split_tails.get(lemma) or self.split_tails.get(head.text.lower())
            following = sent.doc[head.end : min(sent.end, head.end + SPLIT_VERB_GAP + 1)]
            if any(t.lemma_.lower() == tail or t.lower_ == tail for t in following[1:]):
                found.append(head)
        return found

    def _outward(self, match: Span, contacted: bool, outsiders: frozenset[str]) -> bool:
        word = match.text.lower()
        after = match.doc[match.end : match.sent.end]
        if any(t.lower_ == "internal" for t in match.sent):
            return False
        if len(after) and after[0].lower_ == "by":
            return False  # "explained by mum", "shared by DC Wilde": not the writer sharing
        passive = match.label_ == "sharing_acts" or match.root.tag_ == "VBN"
        if passive and self.parties.agent_named(after[:AGENT_WINDOW]):
            return False  # "Concern raised to ASC by Lakeside Bank": the bank raised it
        if done_by_someone(match.root, CHANNELS):
            return False  # "DBS referral made by the company"
        if match.label_ == "sharing_acts":
            return (
                not (len(after) and after[0].lower_ in NOT_A_SHARING_ACT)
                and not about_sharing(match)
                and act_made_by_writer(match.root, MAKING, WRITER)
                and not their_message(match, self.parties)
                # "Referred to Priya re fuel support", "Referral to DSL": a colleague
                and not self.parties.only_a_name_after(match, outsiders)
                and not self.parties.only_internal(after, contacted)
            )
        if modifies_noun(match) or match.root.pos_ == "NOUN":
            # "the shared fridge", "carer report:"; "Email to provider:" names the channel,
            # like "Letter to GP": what went out is in the words that follow
            return False
        if self.parties.only_internal(after, contacted):
            return False
        if sends_no_information(match.root, self.not_information):
            return False
        client_facing = match.root.lemma_.lower() in CLIENT_FACING or word in CLIENT_FACING
        if client_facing and tells_no_outsider(match, outsiders, contacted, self.parties):
            return False  # "Told him I'd ring", "Explained the S47 to parents"
        if self.parties.only_a_name_after(match, outsiders):
            return False  # "Passed to Priya": a colleague, as far as the note shows
        if self.parties.named_after(match, client_facing, outsiders):
            return True
        return contacted or word in SHARED_WITHOUT_RECIPIENT

    def _discussed_with(self, match: Span) -> bool:
        """ "Spoke to the practice nurse about George's falls": the writer told an agency.

        With family it is as often their own matter ("spoke to mum about next steps"). A
        call needs no "to": "Rang Kettleby Community Nursing Team re Len's toe".
        """
        if match.root.lemma_.lower() in MEETING or match[-1].lower_ in MEETING:
            return False
        if not_yet(match, self.scope):
            return False
        after = match.doc[match.end : match.sent.end]
        recipient = after[: past_names(after, RECIPIENT_WINDOW)]
        agencies = [p for p in self.parties.outside(recipient) if p.label_ == "agencies"]
        if not (agencies and self._by_writer(match)):
            return False
        if match[-1].lower_ in ("to", "with"):
            about = next((t for t in after if t.lower_ in TOPIC_MARKERS), None)
        else:
            # a call's topic follows the one called, past their name, number or the time:
            # "Rang Westfield Surgery 01632 960448 re ..."; not "call 999 if ... about ..."
            beyond = match.doc[agencies[0].end : match.sent.end]
            about = next((t for t in beyond if not past_the_one_called(t)), None)
            if about is not None and about.lower_ not in TOPIC_MARKERS:
                return False
        return about is not None and not self.acts.has(match.doc[about.i : about.i + 3])

    def _told_on_a_call(self, match: Span, matches: Sequence[Span], contacted: bool) -> bool:
        """ "Rang Westmoor Careline to let them know he's coming home": a telling the writer's
        call was made for was done on it, to the one called: an outside party, or one told
        as "them" (an agency or a family, not the person)."""
        called = call_made_for(match, matches)
        if called is None or not self._by_writer(called) or not_yet(called, self.scope):
            return False
        told = match.doc[match.end : min(match.end + 1, match.sent.end)]
        return contacted or any(t.lower_ in TOLD_AS_A_GROUP for t in told)

    def _told_passively(self, match: Span) -> bool:
        """ "Probation informed.", "Office and son Martin informed": the writer told them."""
        verb = match.root
        if verb.lemma_.lower() not in TOLD_PASSIVELY or verb.tag_ not in ("VBN", "VBD"):
            return False
        subject = Scope.subject_of(verb)
        if verb.dep_ in ("acl", "amod") and verb.head.i < verb.i:
            # "Son informed by text.", "MARAC informed.": parsed as a noun phrase
            subject = verb.head
        elif subject is None or subject.i > verb.i:
            return False  # "Police were informed", "GP notified" both name the one told
        if any(c.dep_ in ("dobj", "dative", "attr") for c in verb.children):
            return False  # "Mum informed staff ...": she told them
        nxt = match.doc[match.end] if match.end < match.sent.end else None
        after_by = match.doc[match.end + 1] if match.end + 1 < match.sent.end else None
        if nxt is not None and nxt.lower_ == "by":
            if after_by is None or after_by.lower_ not in CHANNELS:
                return False  # "DSL informed by form tutor": the tutor told the DSL
        elif nxt is not None and not (
            nxt.is_punct
            or nxt.lower_ in AFTER_TELEGRAPHIC_PASSIVE
            or (nxt.lower_ in ("about", "re") and explicit_passive(verb))
        ):
            return False  # "Police informed that ...", "GP informed me", "Son informed by PC X"
        words = match.doc[subject.left_edge.i : subject.right_edge.i + 1]
        return bool(self.parties.outside(words))

    def _received(self, match: Span) -> bool:
        doc = match.doc
        if any(
            t.lower_ in RECEIVED_WORDS
            for t in doc[match.start : min(match.end + 2, match.sent.end)]
        ):
            return True
        if any(t.lower_ in ("received", "rec'd") for t in match.sent):
            return True
        agent = doc[match.end : min(match.end + 3, match.sent.end)]
        if (
            len(agent) > 1
            and agent[0].lower_ == "by"
            and (agent[1].pos_ == "PROPN" or self.parties.has(agent))
        ):
            return True
        nxt = doc[match.end] if match.end < match.sent.end else None
        return nxt is not None and nxt.lower_ in TO_WRITER

    def _by_writer(self, match: Span) -> bool:
        if done_by_a_third_person(match.root) or self._partys_doing(match.root):
            return False
        subject = Scope.subject_of(match.root)
        previous = match.doc[match.start - 1] if match.start > match.sent.start else None
        if subject is None and previous is not None and previous.pos_ == "CCONJ":
            # "X sent apologies and shared records": a verb the parser missed shares X's subject
            subject = Scope.subject_of(match.sent.root)
        if (
            subject is not None
            and subject.dep_ == "nsubjpass"
            and subject.head.i != match.root.i
            and any(c.dep_ == "dobj" for c in match.root.children)
        ):
            # "GP surgery invited, sent apologies and shared records": the one invited did it
            return not self.parties.is_party(subject)
        if subject is None:
            subject = controller_of(match.root)
            if subject is not None and not self._information(subject):
                return subject.lower_ in WRITER  # "... after telling a friend": Sophie told
        if subject is None:
            # "sends flowers": a present tense with no subject is someone else's habit
            return match.root.tag_ != "VBZ"
        if subject.dep_ == "nsubjpass" or subject.lower_ in WRITER:
            return True
        if subject.tag_ == "PRP" and match.root.i > subject.i:
            # "Called the practice - they gave appointment", "Rang mum - she was at work and
            # sent her sister": a pronoun is no misread verb, and a verb joined to its own
            # does what its subject did
            return False
        if is_heading(subject):
            # "Outcome: Told the neighbour ...": a section label, not a doer; "Behaviours:
            # sends flowers" lists someone else's doings
            return match.root.tag_ != "VBZ"
        if self._information(subject) and match.root.tag_ not in ("VBP", "VBZ"):
            # telegraphic passives: "Concerns passed to police", "Info shared w/ ..."; but
            # "the boys share a room" is the boys' present doing, and a verb with a thing
            # sent as its object is active: "Tonight account sent a collage of his images"
            return not sent_by_the_subject(match.root, subject, self.information, self.parties)
        # the tagger often reads telegraphic "Referred Beryl ...", "Rang X and gave ..." as names:
        # a sentence opening with a verb of ours was written by the writer about themselves
        spans = self.acts.spans(match.sent)
        received = {m.start for m in spans if m.label_ == "received"}  # "Email from X - K passed"
        opening = [m for m in spans if m.label_ in OUTWARD_LABELS and m.start not in received]
        return subject.i > match.root.i or (bool(opening) and opening[0].start == match.sent.start)

    def _partys_doing(self, word) -> bool:
        """ "Police submitting PPN to MASH", "Receptionist passing to Dr Hewitt", "Police making
        MARAC referral": an "-ing" hung on the party that opens the sentence is what that party
        is doing, not the writer's act (a referral is the object of the party's verb); not
        "Rang police, passing on the concerns", whose call the tagger made part of the name."""
        verb = word.head if word.dep_ == "dobj" else word
        head = verb.head
        opening = word.doc[word.sent.start : head.i]
        return (
            verb.tag_ == "VBG"
            and verb.dep_ in ("acl", "xcomp")
            and head.dep_ == "ROOT"
            and head.i < verb.i
            and head.pos_ in ("NOUN", "PROPN")
            and self.parties.is_party(head)
            and not any(m.label_ == "contact_verbs" for m in self.acts.spans(opening))
        )

    def _information(self, subject) -> bool:
        """What was sent, not who sent it: "Concerns passed to police", "Info shared"."""
        return subject.lower_ in self.information or (
            subject.pos_ == "NOUN" and not self.parties.is_party(subject)
        )
