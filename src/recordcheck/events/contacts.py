"""Contact events: which of the agencies a note mentions its author's service dealt with.

Recording standard, "Contact events". rc_partners marks every agency and
named professional a note mentions; most mentions are not contacts ("says she
won't involve the police", "when she was in hospital last year"). A mention
is a contact only when it is a party to a communication in the note's own
voice: the object of the writer's call, email or referral ("Rang the GP",
"referral to MASH"), the subject of one that came in ("PC Lee rang"), or a
participant in a meeting ("strategy discussion with police"). Then:

- status: planned when the writer's service intends it ("will ring the duty
  team", "to refer to SALT"), attempted when it did not get through ("no
  answer", "left a message"), else done. Someone else's plan ("police to
  visit") and conditions ("if he turns up, ring 101") are not our contacts.
- direction: both for meetings and joint work, in when the agency contacted
  us, else out (it stays out when the partner replies).
- the author's own service and colleagues are never partners, and a colleague's
  contact is the service's (`recordcheck.language.own_service`, contact_actors.py).

One event per agency per note; the words in words.toml beside this module."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.events.attendance_lists import listed_as_present
from recordcheck.events.bracketed_subjects import named_in_the_subjects_brackets
from recordcheck.events.case_clues import CLUES_KEY, read_case_clues
from recordcheck.events.contact_actors import ContactActors, author_with_employer, placed_elsewhere
from recordcheck.events.contact_gate import Candidate, ContactGate, Reading, candidate_features
from recordcheck.events.contact_limits import (
    a_call_out,
    consent_to_partner,
    denied_in_its_noun,
    made_for_another,
    names_whose_number,
    refers_back,
    refused_or_denied,
    said_of,
    suggested,
    talked_about,
)
from recordcheck.events.contact_tense import (
    asked_of_someone,
    attempted,
    item_recorded_as_done,
    negated,
    owed,
    planned,
    wished,
)
from recordcheck.events.details import (
    channel_in_its_item,
    channel_of,
    channel_of_its_label,
    on_its_lines,
    sentences_of,
    with_own_times,
    with_phone_and_email,
)
from recordcheck.events.dialled import dialled_after_a_break, rang_us
from recordcheck.events.encounters import ENCOUNTER_GROUP, MEETING
from recordcheck.events.forums import conference_of, venue_of_a_forum
from recordcheck.events.line_parties import party_by_layout
from recordcheck.events.log_lines import on_its_line
from recordcheck.events.merging import STATUS_RANK, one_per_agency
from recordcheck.events.note_mentions import mentions_by_sentence
from recordcheck.events.outcomes import outcome_after
from recordcheck.events.parties import (
    Party,
    clipped_opening,
    party_of,
    sends_to,
    subject_before_verb,
)
from recordcheck.events.plans import (
    conditional,
    consented_to,
    holds_tasks,
    instruction,
    modal,
    plan_heading_over,
    under_condition,
)
from recordcheck.events.same_partner import filed_with_their_partner
from recordcheck.events.sharing_acts import RECEIVED_GROUP, SHARING_GROUP
from recordcheck.events.what_shared import what_was_shared
from recordcheck.language.agencies import load_lexicon
from recordcheck.language.clauses import labelled_sentence
from recordcheck.language.contact_words import contact_cues
from recordcheck.language.matching import TermMatcher
from recordcheck.language.note_context import NOTE_TYPE, author_context
from recordcheck.language.own_service import OwnService, OwnServiceTest
from recordcheck.language.scope import Scope
from recordcheck.model import ContactEvent

EVENTS_KEY = "rc_contact_events"  # Doc.user_data key: the note's ContactEvents
SHARING_KEY = SHARING_GROUP  # outward-sharing sentences, marked by sharing_acts.py
RECEIVED_KEY = RECEIVED_GROUP  # sentences recording information received
WORDS = package_toml(__package__, "words.toml")
BOTH_WAYS = frozenset(WORDS["both_ways_lemmas"])
SOCIAL_CARE_TEAM = tuple(WORDS["social_care_team_words"])
PHONE_OPENINGS = frozenset(WORDS["phone_openings"])
# the channels of those names in language/contact_words.toml
MEETING_CHANNEL, PHONE_CHANNEL = "meeting", "phone"


@Language.factory(
    "rc_contact_events",
    default_config={"own_service": {}, "gate": False},
    requires=["doc.spans", "token.dep", "token.lemma"],
)
def make_contact_events(nlp: Language, name: str, own_service: dict[str, Any], gate: bool):
    """gate: weigh each mention with the trained contact gate (off: contact_gate.py)."""
    return ContactEventReader(nlp, own_service, gate)


class ContactEventReader:
    def __init__(self, nlp: Language, own_service: Mapping[str, Any], gate: bool = False):
        self.gate = ContactGate.bundled() if gate else None
        self.scope = Scope(nlp)
        self.own = OwnServiceTest(OwnService.from_settings(own_service), load_lexicon())
        self.actors = ContactActors(self.scope, self.own)
        self.attempts = TermMatcher(nlp, {"attempt_words": WORDS["attempt_words"]})
        self.cues = contact_cues()
        # "Kelly (key worker)": a job title of no kind of agency, and no organisation named,
        # does not show someone is outside the writer's own service
        self.no_employer = load_lexicon().unnamed_agency("other")
        self.unnamed_social_worker = WORDS["unnamed_social_worker_agency"]

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[EVENTS_KEY] = tuple(self.read(doc))
        doc.user_data[CLUES_KEY] = read_case_clues(self, doc)
        return doc

    def read(self, doc: Doc) -> list[ContactEvent]:
        # the gate's features cost a fifth of this component's time: only made for the gate
        candidates = self.candidates(doc, with_features=self.gate is not None)
        if self.gate is not None:
            kept = self.gate.select(candidates)
        else:
            kept = [c for c in candidates if c.reading.verdict in STATUS_RANK]
        kept = filed_with_their_partner(doc, kept)
        events = with_own_times(with_phone_and_email(doc, [(c.mention, c.event) for c in kept]))
        events = one_per_agency(events, by_kind=True)
        conference = conference_of(doc)  # "ICPC - Alfie Brennan. Chair: ...": a forum of its own
        return [conference, *events] if conference else events

    def candidates(self, doc: Doc, with_features: bool = True) -> list[Candidate]:
        """Every mention of a partner in the note, with what the rules made of it (and the
        contact gate's features of it, unless ``with_features`` is off)."""
        author, role, team = author_context(doc)
        note_type = doc._.get(NOTE_TYPE) or ""
        quoted = self.scope.quoted_ranges(doc)
        found: list[Candidate] = []
        sentences = sentences_of(doc)
        grouped, shadowed = mentions_by_sentence(doc, sentences)
        author_placed = author_with_employer(doc, author, self.own)
        for number, sentence in enumerate(sentences):
            mentions = grouped.get(number, [])
            hidden = shadowed.get(number, [])
            for mention, is_person in [*mentions, *((agency, False) for agency in hidden)]:
                if self.own.is_own_agency(mention._.rc_agency, team, role):
                    continue
                # in a record several organisations write in, a fellow author the note
                # places in another organisation than its own author is a partner there:
                # "Present: Sarah Lindqvist (Cherwell Homes), ..., Aisha Karim (ASC)"
                colleague = self.own.is_named_colleague(mention.text, team) and not (
                    is_person and placed_elsewhere(mention, author_placed)
                )
                if is_person and (colleague or self.no_partner_shown(mention, team)):
                    continue
                if self.scope.inside(mention, quoted) or venue_of_a_forum(mention):
                    continue  # "Attended MARAC (Harwick Civic Centre)": where it met
                reading = self.reading_of(sentence, mention)
                if mention in hidden and not _called_in_the_opening(reading):
                    continue  # "Dr Shah at Ashgrove Surgery": the person's mention says it
                event = self.event_of(doc, sentence, mention, is_person, mentions, reading)
                if mention in hidden:
                    event = _with_its_person(event, mention, mentions)
                features = (
                    candidate_features(sentence, mention, is_person, reading, note_type)
                    if with_features else ()
                )
                found.append(Candidate(mention, sentence, reading, event, features))
        return found

    def no_partner_shown(self, person: Span, team: str) -> bool:
        """A job title of no agency kind, or a social worker of no named authority in a
        social care team's note ("Grace Adeyemi (SW)"): likely the writer's own colleague."""
        agency = person._.rc_agency
        return agency == self.no_employer or (
            agency == self.unnamed_social_worker
            and any(word in team.lower() for word in SOCIAL_CARE_TEAM)
        )

    def reading_of(self, sentence: Span, mention: Span) -> Reading:
        """What the rules make of a mention: its status, or why it is no contact."""
        # a clipped opening ("Phoned X to ask ...") is surer than a parse of it
        party = (
            clipped_opening(sentence, mention)
            or dialled_after_a_break(sentence, mention)
            or rang_us(sentence, mention)
            or party_by_layout(sentence, mention)
            or on_its_line(party_of(mention), mention)
            or listed_as_present(sentence, mention)
            or on_its_line(subject_before_verb(sentence, mention), mention)
            or on_its_line(named_in_the_subjects_brackets(sentence, mention), mention)
        )
        if party is None or names_whose_number(mention) or a_call_out(party, mention):
            return Reading("no party")  # "Tel no. for Housing Options passed to her"
        verb = party.governing
        if negated(verb) or refused_or_denied(mention) or denied_in_its_noun(party):
            return Reading("negated", party)
        if said_of(mention) or talked_about(party):
            return Reading("said of", party)  # "explained police sit on MARAC"
        if made_for_another(party):
            return Reading("someone else", party, "someone else")  # "CAMHS referral made by school"
        if refers_back(party):
            return Reading("reference back", party)  # "following a letter from housing"
        if consented_to(party.predicate) or consent_to_partner(party, mention):
            return Reading("planned", party, "writer")  # "agreed to me speaking to the GP"
        suggestion = suggested(mention)
        if suggestion:  # "Recommend MASH referral": still to be made, by us or another
            return Reading("planned" if suggestion == "writer" else "another's plan", party)
        if party.link != "opening" and self.actors.inside_someone_elses_account(verb):
            return Reading("someone else's account", party)
        actor = self.actors.actor(verb, party, mention)
        if actor == "someone else":
            return Reading("someone else", party, actor)
        status = self._status(sentence, verb, party, mention)
        if status is None:
            return Reading("condition", party, actor)
        if status == "planned" and actor != "writer":
            return Reading("another's plan", party, actor)  # "police to visit"
        return Reading(status, party, actor)

    def event_of(
        self,
        doc: Doc,
        sentence: Span,
        mention: Span,
        is_person: bool,
        mentions: list[tuple[Span, bool]],
        reading: Reading,
    ) -> ContactEvent:
        """The event the mention records, as the rules read it; where they read none, what
        it would be if it were one (the gate may yet find it is)."""
        status = reading.verdict
        party = reading.party or Party(sentence.root, sentence.root, "mention")
        if status not in STATUS_RANK:
            tried = attempted(self.attempts.spans(sentence), mention, party.governing)
            status = "attempted" if tried else "done"
        direction, rationale = self._direction(doc, mention, party, reading.actor or "writer")
        note_type = doc._.get(NOTE_TYPE) or ""
        evidence = labelled_sentence(on_its_lines(sentence, mention), "contact")
        return ContactEvent(
            agency=mention._.rc_agency,
            agency_type=mention._.rc_agency_type,
            start=mention.start_char,
            end=mention.end_char,
            person=mention.text if is_person else "",
            role=mention.label_ if is_person else "",
            channel=self._channel(sentence, mention, party, note_type),
            direction=direction,
            status=status,
            shared=(
                what_was_shared(evidence, mention, [m for m, _ in mentions], self.cues)
                if direction != "in" and status == "done"  # an unanswered call passed nothing
                else ""
            ),
            rationale_recorded=rationale,
            outcome=(
                outcome_after(sentence, mention, direction)
                if status == "done"
                else ""
            ),
            evidence=evidence.text,
        )

    def _channel(self, sentence: Span, mention: Span, party: Party, note_type: str) -> str:
        """The sentence's channel word; but one at a meeting, or the forum a meeting note
        records ("MARAC. Actions for ASC: ... advocacy referral"), is met at the meeting."""
        of_note = self.cues.channel_for_note_type(note_type)
        if party.link == "present" or listed_as_present(sentence, mention):
            # one who attended: by the channel their own item names ("PC Patel by phone"),
            # else the meeting's ("Strategy discussion (Teams):"), the note type's, the room
            return (
                channel_in_its_item(mention)
                or channel_of_its_label(sentence)
                or of_note
                or MEETING_CHANNEL
            )
        if party.link == "theirs" and of_note == MEETING_CHANNEL:
            return of_note
        if party.link in ("opening", "from") and party.predicate.lower_ in PHONE_OPENINGS:
            of_note = PHONE_CHANNEL  # "Tel Housing Options re arrears": a call
        return channel_of(sentence) or of_note

    def _status(
        self, sentence: Span, verb: Token, party: Party, mention: Span
    ) -> str | None:
        if self.scope.hypothetical(verb) and conditional(verb) or under_condition(verb):
            return None
        if wished(verb):
            return None  # "Wants police informed": someone's wish, not a contact made
        if planned(verb) or modal(verb) or instruction(party) or owed(mention):
            return "planned"
        if party.link != "present" and asked_of_someone(verb):
            return "planned"  # "DH please email Kev": asked of a colleague
        heading = plan_heading_over(sentence, before=mention.start_char)
        if heading and (holds_tasks(heading) or not item_recorded_as_done(verb, mention)):
            return "planned"  # "Plan: / 1. Letter to GP"; but "Actions: / - rang 101" was done
        if attempted(self.attempts.spans(sentence), mention, verb):
            return "attempted"
        return "done"

    def _direction(
        self, doc: Doc, mention: Span, party: Party, actor: str
    ) -> tuple[str, bool | None]:
        """(direction, rationale recorded?): the sharing check's marks decide where present."""
        lemma = party.predicate.lemma_.lower()
        if party.link == "theirs":
            # "MASH outcome: passed to police": their message came to us, whatever it passed on;
            # "MARAC. Actions for ASC: ...": the forum the author sat in
            return ("both" if _records_a_meeting(doc) else "in"), None
        for span in doc.spans.get(SHARING_KEY, ()):
            if span.start <= mention.start < span.end:
                rationale = span.label_ == "rationale"
                return ("both" if lemma in BOTH_WAYS else "out"), rationale
        if lemma in BOTH_WAYS or party.link == "present":
            return "both", None
        if sends_to(party, mention):
            return "out", None  # "Email to Helen Okafor, CQC - ... 2 more received 07/02"
        if actor == "agency" or party.link in ("from", "theirs"):
            return "in", None
        if actor == "writer" and self.actors.made_by_a_colleague(party.governing, party):
            return "out", None  # "CSC informed by Dawn": by a colleague, so by us
        for span in doc.spans.get(RECEIVED_KEY, ()):
            if span.start <= mention.start < span.end:
                return "in", None
        return ("both" if party.link == "with" else "out"), None


def _with_its_person(
    event: ContactEvent, agency: Span, mentions: list[tuple[Span, bool]]
) -> ContactEvent:
    """The agency's event names the person of it its sentence names next ("msg left for Dr
    Hewitt"), so the case-wide pass files the two as the one partner they are."""
    person = next((m for m, is_person in mentions if is_person and m.start > agency.start
                   and m._.rc_agency == agency._.rc_agency), None)
    return event if person is None else replace(event, person=person.text, role=person.label_)


def _called_in_the_opening(reading: Reading) -> bool:
    """A clipped opening called or wrote to the agency ("Rang Riverside Surgery, msg left
    for Dr Hewitt"): a contact, whatever the sentence says of the person after."""
    return reading.party is not None and reading.party.link == "opening"


def _records_a_meeting(doc: Doc) -> bool:  # the note's encounter (events/encounters.py)
    return any(span.label_ == MEETING for span in doc.spans.get(ENCOUNTER_GROUP, ()))


def contacts_for(doc: Doc) -> tuple[ContactEvent, ...]:
    """The note's contact events, as rc_contact_events read them."""
    return tuple(doc.user_data.get(EVENTS_KEY, ()))
