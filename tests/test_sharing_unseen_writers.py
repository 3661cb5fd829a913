"""Sharing-rationale on two shapes that writers nobody had studied (W40 to W42, and the
other writers-fresh writers) made it fire on, against the recording standard: a request the
parser hangs the sharing under, and sharing planned by "'ll", or by a bare verb joined to a
verb with "will", "'ll" or "shall". Each is tested beside the sentences that must keep their
flag: negation, reported speech, a partner's own request, a past verb beside a planned one.
(Readings reviewers broke, and those reverted, are in test_reviewer_broken_readings.py.)"""

from __future__ import annotations

import pytest

from recordcheck.model import Note
from recordcheck.nlp import load_pipeline, note_doc


@pytest.fixture(scope="module")
def flagged():
    """Whether the sharing-rationale check flags the note, read as a note of the given type
    written by a caseworker of an advice team."""
    nlp = load_pipeline()

    def read(text: str, note_type: str = "Case note") -> bool:
        note = Note(
            note_id="N1",
            case_id="C1",
            text=text,
            note_type=note_type,
            author_role="Caseworker",
            team="Hollinsbridge Advice Team",
        )
        return bool(nlp(note_doc(nlp, note)).spans["rc_sharing_rationale"])

    return read


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # the writer's request, which the parser hangs the email under, is its purpose
        "Emailed J Harker asking for a short written account by the end of the week.",
        # a contracted modal plans the sharing as "will" does; verbs joined to a planned
        # one share its "will"
        "I'll email CHC tomorrow.",
        "She'll tell the school on Monday.",
        "I will share the health information with MASH, inform the GP and update the HV.",
        # already right before this change, and must stay so
        "Did not tell the school.",
        "Will email CHC tomorrow.",
        "Mum said she had told the GP about the fall.",
        "Since the police visit she has been quieter.",
    ],
)
def test_sharing_that_is_planned_or_has_its_request_is_not_flagged(flagged, text):
    assert not flagged(text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # a partner's request in its own sentence is theirs; a telling beside a request has
        # no purpose of its own
        "Emailed J Harker the incident log. He is asking for the chronology.",
        "Rang DC Lloyd asking whether the meeting is going ahead. Told him mum has moved.",
        "Told the school about the bruise.",
        # done beside a plan: a past verb joined to a planned one, "'d" as "had"
        "I will ring the GP tomorrow and informed the school today.",
        "I'd emailed the school about the bruise before mum rang.",
        "Rang Jodie's social worker and told her about the bruise.",
        # habits and what was done then: "would", "must", "should" are no plan to share
        "Every visit I would ring her daughter and update her on how mum is.",
        "I must ring 999 and tell them she is not breathing, ambulance arrived 10 mins later.",
        "Last week I would ring the GP and tell them about the rash but she said no.",
    ],
)
def test_outward_sharing_without_a_reason_keeps_its_flag(flagged, text):
    assert flagged(text)
