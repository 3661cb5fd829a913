"""Four readings of the unseen-writer work that an independent reviewer broke with ordinary
sentences, each beside the sentences it was written for: telling the one told about
themselves, a bare verb sharing a planned verb's modal, someone's calls as a pattern, and
who represented an agency at a meeting. What the recording standard wants of each
sentence is asserted through the checks themselves (flagged or not)."""

from __future__ import annotations

import pytest

from recordcheck.model import Note
from recordcheck.nlp import note_doc


@pytest.fixture(scope="module")
def flags(real_nlp):
    """The span group of a check (rc_sharing_rationale, rc_who_present) is non-empty."""

    def read(group: str, text: str) -> bool:
        note = Note(
            note_id="N1",
            case_id="C1",
            text=text,
            note_type="Case note",
            author_role="Caseworker",
            team="Hollinsbridge Advice Team",
        )
        return bool(real_nlp(note_doc(real_nlp, note)).spans[group])

    return read


SHARING = "rc_sharing_rationale"
WHO = "rc_who_present"


# 1. Telling the one told about themselves tells nobody else -- but not when what was
# told has a subject of its own: that is news of someone else.
@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "DC Lloyd rang. Told him he should be aware the boy has disclosed abuse at home.",
        "GP rang for an update. Told her she could see from the photos that the bruise was"
        " fingertip shaped.",
        # our own
        "Rang the HV. Told her she should know that dad has moved back in.",
        "DC Lloyd rang. Told him he should know that mum has disclosed self-harm.",
        "Rang the school. Told them they should know mum's partner has a conviction.",
    ],
)
def test_telling_them_news_of_someone_else_keeps_its_flag(flags, text):
    assert flags(SHARING, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Mum rang. Told her she can ring me any time.",
        # our own
        "Dad rang about the bus. Told him he can call me if he is worried.",
        "PC Jones rang about the log. Told her she can email the request to me.",
    ],
)
def test_telling_them_about_themselves_is_not_flagged(flags, text):
    assert not flags(SHARING, text)


# 2. A bare verb joined to one with a modal ("I will share ..., inform ...") is planned too;
# "to" is no modal, and a finite verb stops the climb.
@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Had to ring 999 and tell them she had collapsed.",
        "Went out to see her and had to call the GP and tell them about the pressure sore.",
        "Managed to speak to the duty SW and pass on the concerns about dad.",
        "Was able to speak to the GP and share the concerns about her weight loss.",
        "Decided to ring the police and tell them about the assault.",
        "Tried to ring the school and email the head about the bruise.",
        "Couldn't wait for the SW so rang the police and inform them of the assault.",
        # our own
        "Needed to ring the GP and tell her about the fall.",
        "Wanted to ring the GP and tell her about the fall.",
    ],
)
def test_done_sharing_beside_an_infinitive_keeps_its_flag(flags, text):
    assert flags(SHARING, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "I should have rang the police and tell them about the assault.",
        "I will share the chronology with MASH, inform the GP and update the HV.",
        # our own
        "We shall ring the school and tell them about the bruise.",
    ],
)
def test_sharing_joined_to_a_modal_plan_is_not_flagged(flags, text):
    assert not flags(SHARING, text)


# 3. Someone's calls changing ("TW's calls reduced") are a pattern; the calls the writer
# made today, or made to someone, are the encounter the note records.
@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Today's calls completed, no concerns.",
        "Tonight's calls done, settled well.",
        "This morning's calls went well, ate his breakfast.",
        "Completed today's calls, skin intact.",
        # our own
        "Tonight's visits completed, no concerns.",
        "Finished this evening's calls, all settled.",
    ],
)
def test_the_days_calls_with_nobody_named_keep_their_flag(flags, text):
    assert flags(WHO, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "TW's calls reduced to monthly in March.",
        # our own
        "Her visits to the office have stopped since the move.",
    ],
)
def test_someones_calls_changing_are_a_pattern(flags, text):
    assert not flags(WHO, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # the person visited named as the calls' owner: still the encounter the note records
        # (whether naming them is enough is the settled "Visited Dorothy" reading's business)
        "Completed Mr T's calls, settled well.",
        "Did Mrs B's calls this morning, tearful at times.",
    ],
)
def test_calls_of_the_person_visited_are_an_encounter(flags, text):
    assert flags("rc_encounter", text)

