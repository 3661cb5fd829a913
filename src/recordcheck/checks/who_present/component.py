"""Check `who_present`: an encounter recorded without who was present.

Recording standard, "Check `who-present`": flag a note that records an
encounter (visit, meeting, welfare check, strategy discussion, review,
face-to-face contact) but not who was present. It passes on "Present: ...",
"seen alone", "attended by ...", "with <person>", a household member placed in
the room; a call passes when the other party is named. Notes with no encounter
(letters, emails, allocations, file reviews) are not applicable.

Marks: `doc.spans["rc_who_present"]` holds the sentence recording the
encounter when nobody present is recorded, labelled by the kind of encounter
so the advice fits it: "encounter-without-attendees" (a visit or face-to-face
contact), "meeting-without-attendees" or "call-without-other-party".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from recordcheck.checks.who_present.attendees import Attendees
from recordcheck.checks.who_present.words import DATA, SELF
from recordcheck.datafiles import merged_terms, package_toml
from recordcheck.language.clauses import labelled_sentence
from recordcheck.language.matching import TermMatcher
from recordcheck.language.note_context import note_type
from recordcheck.language.scope import Scope

DECLARED = package_toml(__package__, "check.toml")["check"]
SPAN_GROUP, ENCOUNTER_GROUP = DECLARED["span_group"], DECLARED["applies_group"]
VISIT_CUE, MEETING_CUE, CALL_CUE = (
    "encounter-without-attendees", "meeting-without-attendees", "call-without-other-party"
)
# consulted per token, not matched
WORD_SETS = ("person_words", "place_words", "speech_verbs", "topic_words", "group_words")
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
    def cue(self) -> str:
        """What to ask for: who was in the home, who attended the meeting, who was called."""
        if self.meeting:
            return MEETING_CUE
        return VISIT_CUE if self.face_to_face else CALL_CUE

    @property
    def call_in_passing(self) -> bool:
        """Only a call mentioned in the text, with no visit, meeting or call-typed note."""
        return not (self.face_to_face or self.meeting or self.call_typed)


@Language.factory(
    "rc_who_present",
    assigns=["doc.spans"],
    requires=["token.dep", "token.lemma", "doc.sents"],
    default_config={"extra_terms": {}},
)
def make_who_present_check(nlp: Language, name: str, extra_terms: dict):
    return WhoPresentCheck(nlp, extra_terms)


class WhoPresentCheck:
    def __init__(self, nlp: Language, extra_terms: Mapping[str, Sequence[str]]):
        lists = merged_terms(DATA["terms"], extra_terms)
        self.matcher = TermMatcher(nlp, {k: v for k, v in lists.items() if k not in WORD_SETS})
        self.speech_verbs = frozenset(lists["speech_verbs"])
        types = DATA["note_types"]
        self.encounter_types = frozenset(types["encounter"])
        self.call_types = frozenset(types["call"])
        self.never_types = frozenset(types["no_encounter"])
        self.meeting_types = frozenset(types["meeting"])
        self.scope = Scope(nlp)
        self.attendees = Attendees(lists, self.scope)

    def __call__(self, doc: Doc) -> Doc:
        encounter = self.encounter_in(doc)
        doc.spans[ENCOUNTER_GROUP] = (
            [labelled_sentence(_sentence_of(doc, encounter), "encounter")] if encounter else []
        )
        doc.spans[SPAN_GROUP] = self.missing_attendees(doc, encounter)
        return doc

    def missing_attendees(self, doc: Doc, encounter: Encounter | None) -> list[Span]:
        """The sentence recording an encounter that names nobody present, or nothing."""
        if encounter is None or self._who_was_there_recorded(doc, encounter):
            return []
        return [labelled_sentence(_sentence_of(doc, encounter), encounter.cue)]

    def encounter_in(self, doc: Doc) -> Encounter | None:
        """What kind of encounter the note records, from its words and its exported type."""
        kind = note_type(doc)
        if kind in self.never_types:
            return None
        matches, missed = self._what_happened(doc)
        if missed:
            kind = ""  # "Home Visit: no answer, card left" records no encounter
        visits = [
            m for m in matches if m.label_ == "encounter_words" and self._writer_took_part(m)
        ]
        meetings = [
            m for m in matches if m.label_ == "meeting_words" and not self._told_about(m.root)
        ]
        calls = [m for m in matches if m.label_ == "call_words"]
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

    def _who_was_there_recorded(self, doc: Doc, encounter: Encounter) -> bool:
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
        planned_from = {m.start for m in found if m.label_ == "planned_after"}
        happened = [
            m
            for m in found
            if m.sent.start not in failed_sentences
            and m.end not in planned_from
            and not self.scope.not_yet(m)
            and not _followed_by_plan(m)
        ]
        return happened, bool(missed)

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



def _sentence_of(doc: Doc, encounter: Encounter) -> Span:
    """The sentence that records the encounter (the note's first when only its type says so)."""
    recorded = (encounter.visits or encounter.meetings or encounter.calls or [doc[:]])[0]
    return recorded.sent if len(doc) else doc[:]


def _followed_by_plan(match: Span) -> bool:
    """ "HV to visit weekly": the health visitor's plan, not "HV to Larch Walk"."""
    doc = match.doc
    return match[-1].lower_ == "to" and match.end < len(doc) and doc[match.end].pos_ == "VERB"




