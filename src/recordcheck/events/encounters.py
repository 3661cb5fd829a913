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
from recordcheck.events.call_parties import a_call, caller_named, pronoun_described, pronoun_party
from recordcheck.events.encounter_time import (
    a_verb,
    asks_for_a_call,
    bare,
    dated,
    dated_later,
    followed_by_plan,
    no_one_met,
    on_a_condition,
    under_infinitive,
    with_kind,
)
from recordcheck.events.encounter_words import DATA, SELF, TIME_PREPOSITIONS
from recordcheck.events.meeting_company import held_with, meeting_with_someone, opening_held_with
from recordcheck.events.own_meetings import OwnMeetings
from recordcheck.events.plans import PLAN_HEADINGS, TASK_HEADINGS
from recordcheck.language.clauses import labelled_sentence
from recordcheck.language.doc_values import text_of
from recordcheck.language.matching import TermMatcher
from recordcheck.language.note_context import note_date, note_type, note_type_as_written
from recordcheck.language.people import people_words
from recordcheck.language.scope import Scope

ENCOUNTER_GROUP, WORDS_GROUP = "rc_encounter", "rc_encounter_words"
ATTENDEES_RECORDED = "attendees_recorded"  # the encounter group's attr
VISIT, MEETING, CALL = "visit", "meeting", "call"
# consulted per token, not matched
WORD_SETS = (
    "person_words", "place_words", "speech_verbs", "topic_words", "group_words",
    "arranging_verbs", "meeting_heads", "attending_verbs", "plan_headings", "household_verbs",
    "relationship_verbs", "section_agencies", "holding_verbs",
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
        # the plan headings are the events layer's one list (headings.toml), plus any of ours
        lists = merged_terms(
            {**DATA["terms"], "plan_headings": [*TASK_HEADINGS, *PLAN_HEADINGS]}, extra_terms
        )
        self.matcher = TermMatcher(nlp, {k: v for k, v in lists.items() if k not in WORD_SETS})
        self.speech_verbs = frozenset(lists["speech_verbs"])
        self.arranging_verbs = frozenset(lists["arranging_verbs"])
        self.meeting_heads = frozenset(lists["meeting_heads"])
        self.attending_verbs = frozenset(lists["attending_verbs"])
        headings = "|".join(re.escape(h) for h in lists["plan_headings"])
        self.plan_line = re.compile(rf"^\W*(?:{headings})\s*:", re.IGNORECASE)
        types = DATA["note_types"]
        self.encounter_types = frozenset(types["encounter"])
        self.call_types = frozenset(types["call"])
        self.never_types = frozenset(types["no_encounter"])
        self.meeting_types = frozenset(types["meeting"])
        self.scope = Scope(nlp)
        self.attendees = Attendees(lists, self.scope)
        self.own_meetings = OwnMeetings(
            lists["meeting_words"], self.meeting_heads, self.attending_verbs, lists["holding_verbs"]
        )

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
        kind = exported = note_type(doc)
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
            and not no_one_met(m)
            and not self.own_meetings.held_by_another(m)
        ]
        named = [m for m in matches if m.label_ == "meeting_words"]
        meetings = [m for m in named if not self._told_about(m.root) and self._held(m)]
        if not self.own_meetings.type_records_meetings(exported, self.encounter_types):
            # "MARAC heard 23/4" in a case note: what came of a meeting, unless it was ours
            theirs = [m for m in meetings if not self._ours(m, visits)]
            meetings = [m for m in meetings if m not in theirs]
            visits = [v for v in visits if not any(_overlap(v, m) for m in theirs)]
        if named and not meetings and kind in self.meeting_types:
            kind = ""  # a "MARAC" note whose text names only a "MARAC referral" held none
        calls = [m for m in matches if m.label_ == "call_words" and a_call(m, self.attendees)]
        # a call note may mention a meeting it arranged: the type says what happened
        face_to_face = kind not in self.call_types and (
            bool(visits) or kind in self.encounter_types
        )
        meeting = kind in self.meeting_types or (
            bool(meetings)
            and kind not in self.call_types
            and not (visits and visits[0].start < meetings[0].start)
            and not meeting_with_someone(meetings[0], visits)
        )
        call_typed = kind in self.call_types
        if not (face_to_face or meeting or calls or call_typed):
            return None
        return Encounter(matches, visits, meetings, calls, face_to_face, meeting, call_typed)

    def attendees_recorded(self, doc: Doc, encounter: Encounter) -> bool:
        """Whether the note says who took part in the encounter (for a call, who answered)."""
        if (
            any(self.attendees.says_who_was_there(m) for m in encounter.matches)
            or any(held_with(self.attendees, m) for m in encounter.meetings)
            or (encounter.meeting and opening_held_with(self.attendees, doc))
            or (encounter.meeting and self.attendees.agency_sections(doc))
            or self.attendees.people_together(doc)
        ):
            return True
        # whoever spoke or dealt with the writer took part, wherever the note tells it
        # ("Rang. Angela said all fine", "he let me in");
        # a meeting still needs who attended, not only who spoke at it
        if not encounter.meeting and self.attendees.someone_took_part(doc):
            return True
        # "Rang her", "Saw him at the flat", a note typed "Home visit to Mrs Fry"
        if not encounter.meeting and (
            people_words().names_someone(note_type_as_written(doc))
            or any(map(pronoun_party, [*encounter.visits, *encounter.calls]))
            or pronoun_described(doc, self.scope)
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
            and caller_named(calls, self.attendees)
        )

    def _what_happened(self, doc: Doc) -> tuple[list[Span], bool]:
        """Matches of events that took place, and whether the text says an encounter did not.

        A sentence saying the encounter failed ("No answer", "Visit cancelled") is dropped
        whole; so are events still to come ("to visit", "strategy meeting being convened").
        """
        found = sorted([*self.matcher.spans(doc), *self._attended_meetings(doc)])
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
        noted = note_date(doc)
        happened = [
            m
            for m in found
            if m.sent.start not in failed_sentences
            and m.end not in planned_from
            and not self.scope.not_yet(with_kind(m))
            and not followed_by_plan(m)
            and not (
                m.label_ in EVENT_LISTS
                and (
                    Scope.inside(m, quoted)
                    or self._in_plan_line(m)
                    or dated_later(m, noted)
                    or asks_for_a_call(m)
                    or on_a_condition(m)
                    or self._asked_for(m)
                )
            )
        ]
        return happened, bool(missed)

    def _attended_meetings(self, doc: Doc) -> list[Span]:
        """ "Attended EHCP annual review": a review, meeting or round the writer attended was
        held, whatever it is called ("Mum attended her review" is hers)."""
        found = []
        for verb in doc:
            if verb.tag_ != "VBD" or verb.lemma_.lower() not in self.attending_verbs:
                continue
            subject = Scope.subject_of(verb)
            if subject is not None and subject.lower_ not in SELF:
                continue
            found += [
                Span(doc, thing.left_edge.i, thing.i + 1, label="meeting_words")
                for thing in verb.children
                if thing.dep_ == "dobj" and thing.lemma_.lower() in self.meeting_heads
            ]
        return found

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
        re d/c tomorrow" is yet to come; one "held by" another agency was theirs.
        """
        root, doc = meeting.root, meeting.doc
        if root.pos_ == "VERB" and any(c.dep_ == "dobj" and not dated(c) for c in root.children):
            return False  # "Lynne meeting him there" (not "Review meeting 3/2", misread as a verb)
        if self._names_a_thing(meeting) or self.own_meetings.held_by_another(meeting):
            return False  # "held by Kirkdale EDT/police - health not represented": theirs
        following = doc[meeting.end] if meeting.end < len(doc) else None
        if root.dep_ == "compound" and dated(root.head):
            root = root.head  # "for MARAC 13/11": the date and the meeting are one name
        is_dated = dated(root) or (following is not None and dated(following))
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # "Recommend MASH referral, strategy discussion"
        head = root.head
        if head.i == root.i or meeting.start <= head.i < meeting.end:
            return True
        qualifies = root.dep_ in ("compound", "nmod", "amod") and head.i == meeting.end
        if qualifies and not is_dated:
            return head.lemma_.lower() in self.meeting_heads
        if root.dep_ in ("pobj", "dobj") and head.lower_ in TIME_PREPOSITIONS:
            return False
        if root.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in self.arranging_verbs:
            return False
        return not under_infinitive(root)

    def _asked_for(self, event: Span) -> bool:
        """An encounter asked for, set up or instructed, not held.

        "Arranged joint visit for Friday": the nearest verb over it arranges. "Recommend MASH
        referral, strategy discussion": a sentence opening with a verb of arranging asks for
        all it lists, however the tagger read that verb (often as an adjective). "Explain
        key words (victim, panel)": a sentence that opens with a bare verb and no subject is
        an instruction ("Review panel." names the meeting).
        """
        verb = next((n for n in (event.root, *event.root.ancestors) if a_verb(n)), None)
        if verb is not None and self._arranging(verb):
            return True
        sent = event.sent
        opening = next((t for t in sent if t.is_alpha), None)
        named = event.root.pos_ not in ("VERB", "AUX")  # "Set off at 9, visited": a tense
        if opening is None or opening.i >= event.start or not named:
            return False
        if self._arranging(opening) and opening.dep_ not in ("nsubj", "nsubjpass"):
            return True  # not "Plan agreed at core group"
        return (
            opening == sent.root
            and bare(opening)
            and opening in event.root.ancestors
            and opening.lemma_.lower() not in self.meeting_heads
        )

    def _arranging(self, token: Token) -> bool:
        return token.lower_ in self.arranging_verbs or (
            token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.arranging_verbs
        )

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

    def _ours(self, meeting: Span, visits: list[Span]) -> bool:
        """A meeting the writer attended, acted in or told as held, or "meeting with mum"."""
        own = self.own_meetings.writers_meeting(meeting)
        return own or meeting_with_someone(meeting, visits)

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


def _overlap(first: Span, second: Span) -> bool:
    """ "core group" is an encounter word and a meeting word: the same words, read twice."""
    return first.start < second.end and second.start < first.end

