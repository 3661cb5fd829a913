"""Inner states and vague amounts said with no cue word (checks/opinion/states.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

SPAN_GROUP = "rc_opinion"


def _flagged(real_nlp, text: str) -> dict[str, str]:
    """The flagged words of a note, each with the cue its finding names."""
    doc = real_nlp(text)
    return {span.text: span.label_ for span in doc.spans[SPAN_GROUP]}


def _read(real_nlp, text: str) -> list[str]:
    """What the states reading alone finds in a note (the word lists' cues aside)."""
    doc = real_nlp(text)
    return [c.clause.text for c in real_nlp.get_pipe("rc_opinion").states.candidates(doc, [])]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a linking verb and the state, nothing observed
        ("Visited at 2pm. Kyle was relieved.", "Kyle was relieved"),
        ("Phoned Grace with the outcome, she was reassured.", "she was reassured"),
        ("Mr Okafor became very anxious.", "Mr Okafor became very anxious"),
        # a verbless line: the state alone, or the person and the state
        ("Home visit.\nDistressed.", "Distressed"),
        ("Karen very upset and angry.", "Karen very upset and angry"),
        # how someone came: "came to the office very frightened"
        ("She came to the office very frightened.", "She came to the office very frightened"),
    ],
)
def test_an_inner_state_said_as_fact_is_mind_reading(real_nlp, text, flagged):
    assert _flagged(real_nlp, text).get(flagged) == "mind-reading"


@pytest.mark.parametrize(
    "text",
    [
        # what the person said or did is in the sentence: the state's basis
        "She was upset and said she wanted to go home.",
        'He was annoyed, "I have told you lot before".',
        "Evie was tired and had fallen asleep on the sofa.",
        # the observation is in the next sentence
        "She was tired. She was yawning throughout the visit.",
        # reported, the writer's own, or consent rather than feeling
        "Dad said that she was upset.",
        "I was worried.",
        "Mum is happy for me to visit on Friday.",
        "He is keen to help with the shopping.",
        # a concern about a named matter, which the person holds and voiced
        "She is worried about giving evidence.",
        # said of a thing, not a person
        "The risk is low and the room was calm.",
        # quoted
        'Tom said "I was scared".',
    ],
)
def test_a_state_with_its_basis_or_not_the_writers_reading_passes(real_nlp, text):
    assert not _read(real_nlp, text)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (
            "Edna chesty tonight, coughing a lot from about 01:00.",
            "coughing a lot",
        ),
        ("Heart failure, drinking very little.", "drinking very little"),
    ],
)
def test_an_amount_given_as_a_degree_word_is_a_vague_evaluation(real_nlp, text, flagged):
    assert _flagged(real_nlp, text).get(flagged) == "vague-evaluation"


@pytest.mark.parametrize(
    "text",
    [
        "Drinking very little, 300ml since breakfast.",  # the amount is measured
        "He lost a lot of blood from the cut.",  # a noun counted, and not a vague amount verb
        "I slept a lot on the train.",  # the writer's own
        "She was not bleeding a lot.",  # negated
    ],
)
def test_a_measured_counted_or_negated_amount_passes(real_nlp, text):
    assert not _read(real_nlp, text)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Home visit 10:00.\nGood session.", "Good session"),
        ("Evening shift.\nA calm evening.", "A calm evening"),
        ("Positive review.", "Positive review"),
    ],
)
def test_a_line_that_is_only_a_verdict_on_a_time_is_a_vague_evaluation(real_nlp, text, flagged):
    assert _flagged(real_nlp, text).get(flagged) == "vague-evaluation"


@pytest.mark.parametrize(
    "text",
    [
        "Initial panel.",  # no verdict word
        "Good session?",  # a question
        'She said "good day".',  # quoted
        "We had a good session and made a plan.",  # not a line of its own
    ],
)
def test_a_line_that_is_not_only_a_verdict_passes(real_nlp, text):
    assert not _read(real_nlp, text)
