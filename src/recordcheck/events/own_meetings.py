"""Whether a meeting a note names is one the writer (or their service) took part in.

Recording standard, "Check `who-present`": the encounter is the writer's. A note
may name a meeting only to record what came of it ("MARAC heard 23/4. Actions for
us: ...", "MARAC 28/08 - actions rec'd", "MARAC review 25/09 - risk reduced"): that
is information received, like a document, not an encounter the writer held.

The exported note type is read first. A note typed as a meeting, a review, a panel
or a visit (or with no type at all) is the writer's own record of the meeting it
names. A note typed as anything else (a case note, a safeguarding log, a daily log)
names a meeting as the writer's only when its sentence says so: the writer attended
or joined it ("Attended CIN meeting", "MACE meeting attended", "Priya attended with
me"), the writer acted in it ("I presented the case"), or it is told as held
("Core group held at school"); a meeting held with someone ("meeting with mum") is
read as the writer's by rc_encounters itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from recordcheck.events.encounter_words import MEETING_CHANNELS, NEWS_WORDS, SELF
from recordcheck.language.scope import Scope

NEWS_OPENING = 3  # words at a sentence's start within which "Email from ..." opens news


class OwnMeetings:
    """Questions about whose a meeting was, fed by encounters.toml's lists."""

    def __init__(
        self,
        meeting_words: Iterable[str],
        meeting_heads: Iterable[str],
        attending_verbs: Iterable[str],
        holding_verbs: Iterable[str],
    ):
        names = sorted({w.lower() for w in [*meeting_words, *meeting_heads]}, key=len)
        self.names_a_meeting = re.compile(
            r"\b(?:" + "|".join(re.escape(name) for name in reversed(names)) + r")\b"
        )
        self.attending_verbs = frozenset(attending_verbs)
        self.holding_verbs = frozenset(holding_verbs)

    def type_records_meetings(self, note_type: str, encounter_types: frozenset[str]) -> bool:
        """ "Panel Meeting", "Board round", "MARAC", "Case review", "Home Visit", or no type:
        the note is the writer's record of the meeting it names."""
        return (
            not note_type
            or note_type in encounter_types
            or bool(self.names_a_meeting.search(note_type))
        )

    def writers_meeting(self, meeting: Span) -> bool:
        """The meeting's sentence says the writer was there, or that it was held (not in news
        from someone: "Confirmation from SW - ... conference held 14/08")."""
        news = _news_from_someone(meeting.sent)
        return any(
            self._writer_attended(token, meeting)
            or self._writer_acted(token)
            or (not news and self._held(token, meeting))
            for token in meeting.sent
        )

    def held_by_another(self, meeting: Span) -> bool:
        """ "Strategy meeting held Sun 29/06 by Kirkdale EDT/police - health not represented":
        a meeting its sentence says another held, with the writer not said to attend, was
        theirs; not one held "by me", "by Teams" or "by phone"."""
        verb = meeting.root.head
        if verb.lemma_.lower() not in self.holding_verbs or verb.i == meeting.root.i:
            return False
        holders = [
            list(agent.subtree)[1:] for agent in verb.children if agent.dep_ == "agent"
        ]
        return any(
            holder
            and not any(t.lower_ in SELF or t.lower_ in MEETING_CHANNELS for t in holder)
            and not any(t.like_num for t in holder)
            for holder in holders
        ) and not any(self._writer_attended(token, meeting) for token in meeting.sent)

    def _writer_attended(self, token: Token, meeting: Span) -> bool:
        """ "Attended MARAC", "MACE meeting attended", "Priya attended with me"; the tagger
        may take the meeting for the subject of its own "attended"."""
        if token.lemma_.lower() not in self.attending_verbs or token.pos_ not in ("VERB", "AUX"):
            return False
        subject = Scope.subject_of(token)
        with_writer = any(
            c.dep_ == "prep"
            and c.lower_ in ("with", "w/")
            and any(o.dep_ == "pobj" and o.lower_ in SELF for o in c.children)
            for c in token.children
        )
        return (
            subject is None
            or subject.lower_ in SELF
            or subject.i in _words(meeting)
            or with_writer
        )

    @staticmethod
    def _writer_acted(token: Token) -> bool:
        """ "I presented the case", "we agreed the plan": the writer took part."""
        return token.dep_ == "nsubj" and token.lower_ in SELF

    def _held(self, token: Token, meeting: Span) -> bool:
        """ "Core group held at school", "CIN review held": told as taking place, by no one
        else ("Police held him overnight" is theirs)."""
        if token.lemma_.lower() not in self.holding_verbs or token.tag_ not in ("VBN", "VBD"):
            return False
        subject = Scope.subject_of(token)
        return subject is None or subject.dep_ == "nsubjpass" or subject.i in _words(meeting)


def _words(meeting: Span) -> range:
    """The meeting's own words, which the tagger may take for the subject of "held" or
    "attended" ("Best interests meeting held", "CP conference - attended")."""
    return range(meeting.start, meeting.end)


def _news_from_someone(sentence: Span) -> bool:
    """ "Confirmation from SW Amira Shah - ...", "Email from school: ...": the sentence opens
    with news that came from someone, and tells what they said."""
    opening = sentence[:NEWS_OPENING]
    return any(
        word.lower_ in NEWS_WORDS and word.i + 1 < sentence.end and word.nbor().lower_ == "from"
        for word in opening
    )
