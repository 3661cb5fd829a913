"""The rc_encounters component: the encounter a note records, and whether it says who took part.

Recording standard, "Check `who-present`": an encounter is a visit, meeting,
welfare check, strategy discussion, review, face-to-face contact or call that
took place. Who took part is recorded by "Present: ...", "seen alone",
"attended by ...", "with <person>", a household member placed in the room; for
a call, by naming the other party. Notes with no encounter (letters, emails,
allocations, file reviews) record none.

Marks: `doc.spans["rc_encounter"]` holds the sentence recording the encounter
(none when the note records no encounter), labelled by its kind: "visit" (a
visit or face-to-face contact), "meeting" or "call". The group's attrs say
whether the note records who took part (`attendees_recorded`).
`doc.spans["rc_encounter_words"]` holds the words that record it. The
`who-present` check judges these marks; it keeps no encounter words of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup, Token

from recordcheck.datafiles import merged_terms
from recordcheck.events.attendees import Attendees
from recordcheck.events.encounter_words import (
    CHANNEL_PREPOSITIONS,
    DATA,
    HANDSET_NOUNS,
    LATER_DAYS,
    SELF,
    TIME_PREPOSITIONS,
)
from recordcheck.language.clauses import labelled_sentence
from recordcheck.language.doc_values import text_of
from recordcheck.language.matching import TermMatcher
from recordcheck.language.note_context import note_type
from recordcheck.language.scope import Scope

ENCOUNTER_GROUP, WORDS_GROUP = "rc_encounter", "rc_encounter_words"
ATTENDEES_RECORDED = "attendees_recorded"  # the encounter group's attr
VISIT, MEETING, CALL = "visit", "meeting", "call"
# consulted per token, not matched
WORD_SETS = (
    "person_words", "place_words", "speech_verbs", "topic_words", "group_words",
    "arranging_verbs", "meeting_heads", "attending_verbs", "plan_headings", "household_verbs",
)
EVENT_LISTS = ("encounter_words", "meeting_words", "call_words")


@dataclass(frozen=True)
class Encounter:
    """The encounter a note records: the words that say so, and what kind it was."""

    matches: list[Span]  # every cue that took place (events, attendee and whereabouts cues)
    visits: list[Span]  # face-to-face encounters the writer took part in
    meetings: list[Span]
    calls: list[Span]
    face_to_face: bool
    meeting: bool
    call_typed: bool  # the exported note type says it was a call

    @property
    def kind(self) -> str:
        """A meeting (who attended), a visit (who was in the home) or a call (who answered)."""
        if self.meeting:
            return MEETING
        return VISIT if self.face_to_face else CALL

    @property
    def call_in_passing(self) -> bool:
        """Only a call mentioned in the text, with no visit, meeting or call-typed note."""
        return not (self.face_to_face or self.meeting or self.call_typed)

    @property
    def words(self) -> list[Span]:
        """The words that record the encounter: its visits, meetings and calls."""
        return [*self.visits, *self.meetings, *self.calls]

    def sentence(self, doc: Doc) -> Span:
        """The sentence that records it (the note's first when only its type says so)."""
        recorded = (self.words or [doc[:]])[0]
        return recorded.sent if len(doc) else doc[:]


@Language.factory(
    "rc_encounters",
    assigns=["doc.spans"],
    requires=["token.dep", "token.lemma", "doc.sents"],
    default_config={"extra_terms": {}},
)
def make_encounter_reader(nlp: Language, name: str, extra_terms: dict):
    return EncounterReader(nlp, extra_terms)


class EncounterReader:
    def __init__(self, nlp: Language, extra_terms: Mapping[str, Sequence[str]]):
        lists = merged_terms(DATA["terms"], extra_terms)
        self.matcher = TermMatcher(nlp, {k: v for k, v in lists.items() if k not in WORD_SETS})
        self.speech_verbs = frozenset(lists["speech_verbs"])
        self.arranging_verbs = frozenset(lists["arranging_verbs"])
        self.meeting_heads = frozenset(lists["meeting_heads"])
        headings = "|".join(re.escape(h) for h in lists["plan_headings"])
        self.plan_line = re.compile(rf"^\W*(?:{headings})\s*:", re.IGNORECASE)
        types = DATA["note_types"]
        self.encounter_types = frozenset(types["encounter"])
        self.call_types = frozenset(types["call"])
        self.never_types = frozenset(types["no_encounter"])
        self.meeting_types = frozenset(types["meeting"])
        self.scope = Scope(nlp)
        self.attendees = Attendees(lists, self.scope)

    def __call__(self, doc: Doc) -> Doc:
        encounter = self.encounter_in(doc)
        recorded = encounter is not None and self.attendees_recorded(doc, encounter)
        doc.spans[ENCOUNTER_GROUP] = SpanGroup(
            doc,
            name=ENCOUNTER_GROUP,
            spans=[labelled_sentence(encounter.sentence(doc), encounter.kind)] if encounter else [],
            attrs={ATTENDEES_RECORDED: recorded},
        )
        doc.spans[WORDS_GROUP] = encounter.words if encounter else []
        return doc

    def encounter_in(self, doc: Doc) -> Encounter | None:
        """What kind of encounter the note records, from its words and its exported type."""
        kind = note_type(doc)
        if kind in self.never_types:
            return None
        matches, missed = self._what_happened(doc)
        if missed:
            kind = ""  # "Home Visit: no answer, card left" records no encounter
        visits = [
            m
            for m in matches
            if m.label_ == "encounter_words"
            and self._writer_took_part(m)
            and not self._names_a_thing(m)
        ]
        named = [m for m in matches if m.label_ == "meeting_words"]
        meetings = [m for m in named if not self._told_about(m.root) and self._held(m)]
        if named and not meetings and kind in self.meeting_types:
            kind = ""  # a "MARAC" note whose text names only a "MARAC referral" held none
        calls = [m for m in matches if m.label_ == "call_words" and self._a_call(m)]
        # a call note may mention a meeting it arranged: the type says what happened
        face_to_face = kind not in self.call_types and (
            bool(visits) or kind in self.encounter_types
        )
        meeting = kind in self.meeting_types or (
            bool(meetings)
            and kind not in self.call_types
            and not (visits and visits[0].start < meetings[0].start)
            and not self.attendees.meeting_with_someone(meetings[0], visits)
        )
        call_typed = kind in self.call_types
        if not (face_to_face or meeting or calls or call_typed):
            return None
        return Encounter(matches, visits, meetings, calls, face_to_face, meeting, call_typed)

    def attendees_recorded(self, doc: Doc, encounter: Encounter) -> bool:
        """Whether the note says who took part in the encounter (for a call, who answered)."""
        if (
            any(self.attendees.says_who_was_there(m) for m in encounter.matches)
            or any(self.attendees.held_with(m) for m in encounter.meetings)
            or self.attendees.people_together(doc)
        ):
            return True
        # a call mentioned in passing ("Phone call made re the application") names its own party
        sentences = (
            [c.sent for c in encounter.calls] if encounter.call_in_passing else list(doc.sents)
        )
        covered = {t.i for m in encounter.matches for t in m}
        if not encounter.meeting and self.attendees.participant_named(sentences, covered):
            return True
        calls = encounter.calls or list(doc.sents)[:1]
        return (
            not encounter.face_to_face
            and not encounter.meeting
            and self.attendees.caller_named(calls)
        )

    def _what_happened(self, doc: Doc) -> tuple[list[Span], bool]:
        """Matches of events that took place, and whether the text says an encounter did not.

        A sentence saying the encounter failed ("No answer", "Visit cancelled") is dropped
        whole; so are events still to come ("to visit", "strategy meeting being convened").
        """
        found = self.matcher.spans(doc)
        event_sentences = {m.sent.start for m in found if m.label_ in EVENT_LISTS}
        missed = [
            m
            for m in found
            if not self._reported(m.root)
            and (
                m.label_ == "missed_cues"
                # "cancelled" says the encounter failed only where it names it or opens the note
                or (m.label_ == "called_off" and m.sent.start in event_sentences | {0})
            )
        ]
        failed_sentences = {m.sent.start for m in missed}
        quoted = Scope.quoted_ranges(doc)  # "Thought 'panel' meant a radiator", "'call me'"
        planned_from = {m.start for m in found if m.label_ == "planned_after"}
        happened = [
            m
            for m in found
            if m.sent.start not in failed_sentences
            and m.end not in planned_from
            and not self.scope.not_yet(m)
            and not _followed_by_plan(m)
            and not (
                m.label_ in EVENT_LISTS and (Scope.inside(m, quoted) or self._in_plan_line(m))
            )
        ]
        return happened, bool(missed)

    def _in_plan_line(self, event: Span) -> bool:
        """ "Plan: monthly, TAF review Sept": a line under a plan heading lists what is to come."""
        text = text_of(event.doc)
        line_start = text.rfind("\n", 0, event.start_char) + 1
        return bool(self.plan_line.match(text[line_start : event.start_char]))

    def _reported(self, token: Token) -> bool:
        """ "Mum said she cancelled the GP": someone else's account, not the encounter's outcome."""
        return any(
            node.lemma_.lower() in self.speech_verbs
            and any(c.dep_ == "nsubj" and c.lower_ not in SELF for c in node.children)
            for node in token.ancestors
        )

    def _told_about(self, token: Token) -> bool:
        """ "Told Brenda that MARAC had put a marker": a meeting in what was said, not one held."""
        return any(
            node.dep_ == "ccomp" and node.head.lemma_.lower() in self.speech_verbs
            for node in (token, *token.ancestors)
        )

    def _held(self, meeting: Span) -> bool:
        """A meeting that took place, not a thing, a date or an arrangement named after one.

        "MARAC referral" and "MARAC coordinator" are things ("MARAC review" is a meeting);
        "rebooked for after TAF" dates something else; "SW convening a strategy meeting",
        "Recommend strategy discussion" and "to raise at core group" set one up; "BI meeting
        re d/c tomorrow" is yet to come.
        """
        root, doc = meeting.root, meeting.doc
        if root.pos_ == "VERB" and any(c.dep_ == "dobj" and not _dated(c) for c in root.children):
            return False  # "Lynne meeting him there" (not "Review meeting 3/2", misread as a verb)
        if self._names_a_thing(meeting):
            return False
        following = doc[meeting.end] if meeting.end < len(doc) else None
        if root.dep_ == "compound" and _dated(root.head):
            root = root.head  # "for MARAC 13/11": the date and the meeting are one name
        dated = _dated(root) or (following is not None and _dated(following))
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # "Recommend MASH referral, strategy discussion"
        head = root.head
        if _dated_later(meeting.root):
            return False
        if head.i == root.i or meeting.start <= head.i < meeting.end:
            return True
        qualifies = root.dep_ in ("compound", "nmod", "amod") and head.i == meeting.end
        if qualifies and not dated:
            return head.lemma_.lower() in self.meeting_heads
        if root.dep_ in ("pobj", "dobj") and head.lower_ in TIME_PREPOSITIONS:
            return False
        if root.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in self.arranging_verbs:
            return False
        return not _under_infinitive(root)

    def _names_a_thing(self, event: Span) -> bool:
        """ "MARAC referral", "core group paperwork", "home visit form": event words that
        qualify the noun after them name a thing ("MARAC review" is still a meeting)."""
        doc = event.doc
        following = doc[event.end] if event.end < len(doc) else None
        return (
            following is not None
            and following.pos_ == "NOUN"
            and event.root.dep_ in ("compound", "amod", "nmod")
            and following.lemma_.lower() not in self.meeting_heads
        )

    def _a_call(self, call: Span) -> bool:
        """A call, not a handset ("his phone", "phone switched off") nor a thing that rang.

        A handset noun names a call only after a channel preposition ("by phone", "on the
        phone") or as a modifier ("phone contact"); a call verb whose subject is a thing
        ("result phoned through") is not a call anyone took part in.
        """
        root = call.root
        if len(call) == 1 and root.pos_ == "NOUN" and root.lemma_.lower() in HANDSET_NOUNS:
            owned = any(c.dep_ == "poss" for c in root.children)
            modifier = root.dep_ == "compound" and root.head.pos_ == "NOUN"  # "phone contact"
            return modifier or (root.head.lower_ in CHANNEL_PREPOSITIONS and not owned)
        subject = Scope.subject_of(root) if root.pos_ == "VERB" else None
        return not (
            subject is not None
            and subject not in call  # "Telephone call" misread as a telephone that called
            and subject.pos_ == "NOUN"
            and not self.attendees.is_person(subject)
            and subject.lower_ not in self.attendees.party_words
        )

    def _writer_took_part(self, encounter: Span) -> bool:
        """ "Visited Mrs A" is the writer's encounter; "Michael visited" is someone else's."""
        subject = Scope.subject_of(encounter.root)
        if subject is not None and encounter.start <= subject.i < encounter.end:
            subject = None  # "Doorstep chat": the tagger took part of the phrase for its subject
        return (
            subject is None
            or subject.lower_ in SELF
            or subject.pos_ not in ("PROPN", "NOUN", "PRON")
        )



def _dated(token: Token) -> bool:
    """ "13/11", "21/08": a date, which names a meeting as a heading ("MARAC 27/11 Ms B")."""
    return any(c.isdigit() for c in token.text)


def _dated_later(meeting: Token) -> bool:
    """ "BI meeting re d/c tomorrow": a meeting dated after the note is yet to come.

    Only a time word of the meeting's own phrase ("police will visit tomorrow" is not).
    """
    for token in meeting.subtree:
        if token.lower_ in LATER_DAYS:
            between = [a for a in token.ancestors if a.i != meeting.i and meeting in a.ancestors]
            if not any(a.pos_ in ("VERB", "AUX") for a in between):
                return True
    return False


def _under_infinitive(token: Token) -> bool:
    """ "to pick up at TAF", "agreed to hold a strategy meeting": a purpose or a plan."""
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _followed_by_plan(match: Span) -> bool:
    """ "HV to visit weekly": the health visitor's plan, not "HV to Larch Walk"."""
    doc = match.doc
    return match[-1].lower_ == "to" and match.end < len(doc) and doc[match.end].pos_ == "VERB"




