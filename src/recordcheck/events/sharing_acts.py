"""Sharing acts: the sentences in which the writer passed information outward, and why.

Recording standard, "Check `sharing-rationale`" and "Contact events": personal
information shared with or disclosed to another agency or person (a referral,
concerns passed to police, the GP emailed, a report sent to MASH). Information
received, telling the person themselves, and internal discussion with a manager
or in supervision are not sharing; a note of an internal type (supervision)
records none.

Whether each act has its reason recorded is read here too, by the standard's
rule (sharing_reasons.py): consent or a basis anywhere in the note covers all of
its sharing; a purpose covers only the sharing it sits in or follows
(consecutive sharing sentences are one act). Someone who rang in is on the line
until the writer makes a call of their own ("16:50 spoke to Jordan by phone").

The parts:
- sharing_direction.py: which way information went in a sentence (out, in, or
  neither), with sharing_plans.py (sharing not yet done) and sharing_shape.py
  (parse quirks);
- sharing_parties.py: who it went to, outside or in-house;
- sharing_reasons.py and sharing_purposes.py: consent, legal basis and purpose,
  and which sharing each covers;
- sharing_words.py: the word lists of sharing.toml, which an organisation's rules
  file extends through its [sharing_rationale] table.

Marks:
- `doc.spans["rc_sharing"]`: every sentence recording OUTWARD sharing, label
  "rationale" or "no_rationale"; the group's attr "reason_recorded" says whether
  every act in the note has its reason (the sharing-rationale check and the
  partner register read these);
- `doc.spans["rc_received"]`: sentences recording information received;
- `doc.user_data["rc_sharing_acts"]`: one SharingAct per outward sentence: the
  words of the act, who it went to, and the purpose the grammar gives it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from recordcheck.datafiles import merged_terms
from recordcheck.events.log_lines import a_clock_time
from recordcheck.events.sharing_direction import DirectionReader
from recordcheck.events.sharing_parties import Parties
from recordcheck.events.sharing_plans import not_yet
from recordcheck.events.sharing_reasons import ReasonFinder
from recordcheck.events.sharing_words import DATA, WORD_CLASSES, WRITER
from recordcheck.language.clauses import FOUR_DIGIT_CLOCK, labelled_sentence
from recordcheck.language.note_context import note_type
from recordcheck.language.scope import Scope

SHARING_GROUP = "rc_sharing"
RECEIVED_GROUP = "rc_received"
REASON_RECORDED = "reason_recorded"  # the attr of SHARING_GROUP the check reads
ACTS_KEY = "rc_sharing_acts"  # Doc.user_data key: the note's SharingActs
CALLER_PRONOUNS = WORD_CLASSES["caller_pronouns"]
LEAVING_THE_CALL = frozenset(WORD_CLASSES["leaving_the_call"])
CALLS_MADE = frozenset(WORD_CLASSES["calls_made"])  # "Rang Courtney", read as a name
# verbs whose object is the one told: "informed the police", "told the school"
TOLD = frozenset(WORD_CLASSES["told_passively"]) | {"tell"}
THEIRS = frozenset(("she", "he", "they"))  # the caller or someone they speak of, not the writer
EXPLAINING_TO = frozenset(WORD_CLASSES["explaining_to"])


@dataclass(frozen=True)
class SharingAct:
    """One outward sharing: the words of the act, its sentence (the evidence, as character
    offsets), the outside party it went to as written, and the words giving its purpose
    where the grammar gives one ("to arrange transport", "for a carer's assessment")."""

    act: str
    evidence: tuple[int, int]
    recipient: str = ""
    purpose: str = ""


@Language.factory(
    "rc_sharing_acts",
    assigns=["doc.spans"],
    requires=["token.dep", "token.lemma", "doc.sents"],
    default_config={"extra_terms": {}, "partner_agencies": {}, "own_service": {}},
)
def make_sharing_acts(
    nlp: Language, name: str, extra_terms: dict, partner_agencies: dict, own_service: dict
):
    """partner_agencies: the organisation's own agencies, as the agency lexicon takes them;
    own_service: the run's own-service settings, as the contact events take them."""
    return SharingActReader(nlp, extra_terms, partner_agencies, own_service)


class SharingActReader:
    def __init__(
        self,
        nlp: Language,
        extra_terms: Mapping[str, Sequence[str]],
        partner_agencies: Mapping[str, Any] | None = None,
        own_service: Mapping[str, Any] | None = None,
    ):
        lists = merged_terms(DATA["terms"], extra_terms)
        self.parties = Parties(nlp, lists, partner_agencies, own_service)
        self.directions = DirectionReader(nlp, lists, self.parties)
        self.reasons = ReasonFinder(nlp, lists, self.directions.acts, self.parties)
        self.internal_types = frozenset(DATA["note_types"]["internal"])

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[ACTS_KEY] = ()
        if note_type(doc) in self.internal_types:
            doc.spans[SHARING_GROUP] = []
            doc.spans[RECEIVED_GROUP] = []
            return doc
        acts, received = self.read(doc)
        outward = [sent for sent, _ in acts]
        doc.user_data[ACTS_KEY] = tuple(self._act(sent, words) for sent, words in acts)
        recorded = self.reasons.recorded(doc, outward)
        label = "rationale" if recorded else "no_rationale"
        doc.spans[SHARING_GROUP] = [labelled_sentence(s, label) for s in outward]
        doc.spans[SHARING_GROUP].attrs[REASON_RECORDED] = recorded
        doc.spans[RECEIVED_GROUP] = [labelled_sentence(s, "received") for s in received]
        return doc

    def read(self, doc: Doc) -> tuple[list[tuple[Span, Span]], list[Span]]:
        """(sentences recording outward sharing with the act's words, sentences recording
        information received)."""
        outward: list[tuple[Span, Span]] = []
        received: list[Span] = []
        in_touch = False  # the previous sentence got in touch with an outside party
        outsiders = self.parties.outside_names(doc)
        call = self.directions.outside_caller(doc)
        for sent in doc.sents:
            if call is not None and sent.start > call and self._calls_out(sent):
                call = None  # "16:50 spoke to Jordan by phone": the caller's call is over
            # "PC Aziz rang ... asked for his CPN's name. Gave both.": the caller is on the line
            # from the sentence recording the call on
            caller = call is not None and sent.start >= call
            heard = outsiders | CALLER_PRONOUNS if caller else outsiders
            way, contacted, act = self.directions.read(sent, in_touch or caller, heard)
            in_touch = contacted
            if act is not None and caller and self._callers_account(sent, act, doc[call]):
                act, way = None, "in"  # "Call from the Hub ... Police were informed": theirs
            if act is not None and caller and self._explained_to_family(act, doc[call]):
                act = None  # "Her sister rang ... I explained we have a referral with CLDT"
            if act is not None:
                outward.append((sent, act))
            elif way == "in":
                received.append(sent)
        return outward, received

    def _calls_out(self, sent: Span) -> bool:
        """The writer makes a call or contact of their own here ("Rang X", "spoke to Jordan"),
        done, not planned, or goes somewhere ("I went to Shannon's flat after the call")."""
        if any(_writer_went(token) for token in sent):
            return True
        return any(
            m.label_ == "contact_verbs"
            and _a_call_made(m)
            and not not_yet(m, self.directions.scope)
            and ((subject := Scope.subject_of(m.root)) is None or _writer_or_a_time(subject))
            for m in self.directions.acts.spans(sent)
        )

    def _callers_account(self, sent: Span, act: Span, call: Token) -> bool:
        """ "Phone call from Emma Lowry, Safeguarding Adults Hub. ... Police were informed (crime
        ref on Irene's file)": with someone outside on the line, a telling with no doer, or one
        done by "she" or "they", passed to a third party, not the caller, is the caller's
        account of what was done; the writer writes their own ("I rang the police", "Told
        her ...", "Gave both.")."""
        if any(t.lower_ in WRITER for t in sent) or act.label_ == "contact_verbs":
            return False
        subject = Scope.subject_of(act.root)
        if subject is not None and subject.dep_ != "nsubjpass" and subject.lower_ not in THEIRS:
            return False
        verb = act.root
        if subject is not None and subject.dep_ == "nsubjpass":
            ones_told = [subject]  # "Police were informed"
        else:  # "Reported him missing to Northshire Police": whom the verb names
            links = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "with")]
            # "informed the police"; but the thing in "gave Jon the school names", "sent the log"
            objects = ("dobj", "dative", "iobj") if verb.lemma_.lower() in TOLD else ("dative",)
            ones_told = [c for c in verb.children if c.dep_ in objects]
            ones_told += [o for link in links for o in link.children if o.dep_ == "pobj"]
        if any(t.lower_ in CALLER_PRONOUNS for t in ones_told):
            return False  # "Told her ...": the caller
        doc = sent.doc
        told = [p for t in ones_told for p in self.parties.outside(doc[t.left_edge.i : t.i + 1])]
        caller = call.sent.text.lower()
        return bool(told) and not any(p.text.lower() in caller for p in told)

    def _explained_to_family(self, act: Span, call: Token) -> bool:
        """ "Bernadette (Maggie's sister) called office ... I explained we have referral with
        CLDT": explaining to a family caller tells them about the service's process, as
        explaining to family with nobody rung does (sharing_not_ours.py); an agency the
        explanation went to ("explained to the GP") keeps it sharing."""
        verb = act.root
        if verb.lemma_.lower() not in EXPLAINING_TO and verb.lower_ not in EXPLAINING_TO:
            return False
        callers = self.parties.outside(call.sent)
        if not callers or any(p.label_ != "people" for p in callers):
            return False
        links = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"]
        doc = act.doc
        told = [p for c in links for p in self.parties.outside(doc[c.i : c.right_edge.i + 1])]
        return not any(p.label_ == "agencies" for p in told)

    def _act(self, sent: Span, words: Span) -> SharingAct:
        """The act's record: who it went to (named after it, else before), and its purpose."""
        parties = self.parties.outside(sent)
        after = [p for p in parties if p.start >= words.end]
        recipient = (after or parties or [None])[0]
        return SharingAct(
            act=words.text,
            evidence=(sent.start_char, sent.end_char),
            recipient=_phrase(recipient),
            purpose=self.reasons.purposes.purpose_words(sent, words.root),
        )


def _writer_went(verb) -> bool:
    """ "I went to her flat", "Visited Shannon": the writer, in the past, left the call."""
    if verb.lemma_.lower() not in LEAVING_THE_CALL or verb.tag_ != "VBD":
        return False
    subject = Scope.subject_of(verb)
    return subject is None or subject.lower_ in WRITER


def _a_call_made(contact: Span) -> bool:
    """The contact word records a call or message made: a verb ("Rang X"), or a telegraphic
    noun naming whom it went to ("Call to Jordan", "Phone call to GP 16:50"); not a thing
    named in some clause ("the scam call", "a new phone number in her contacts")."""
    word = contact.root
    if word.pos_ in ("VERB", "AUX") or _opening_call(contact):
        return True
    if contact[-1].lower_ in ("to", "with"):
        return True
    return word.dep_ == "ROOT" and not any(c.dep_ in ("det", "poss") for c in word.children)


def _opening_call(contact: Span) -> bool:
    """ "Rang Courtney - she cried", "21:52 Rang EDT": a call made, opening its line after
    at most a time, whatever the tagger made of the verb."""
    before = contact.doc[contact.sent.start : contact.start]
    return contact[0].lower_ in CALLS_MADE and all(_a_time(t) or t.is_punct for t in before)


def _writer_or_a_time(subject: Token) -> bool:
    """ "16:50 spoke to Jordan": a time the parser took for the subject leaves the writer's."""
    return subject.lower_ in WRITER or _a_time(subject)


def _a_time(token: Token) -> bool:
    """ "16:50", "1650": a clock time, not "101" or "999", which name who was rung."""
    return a_clock_time(token) or re.fullmatch(FOUR_DIGIT_CLOCK, token.text) is not None


def _phrase(party: Span | None) -> str:
    """The party with the words before it that belong to it: "the continence service"."""
    if party is None:
        return ""
    start = min(party.root.left_edge.i, party.start)
    return party.doc[start : party.end].text
