"""The opinion check on what was said and on positions held, with sentences written for these
tests: what the writer told someone, what anyone made plain, and a word that gives someone's
position on a clause are records of what was said or held, not the writer's verdict."""

from __future__ import annotations

import pytest

from tests.test_checks import check_note

pytestmark = pytest.mark.slow


def _flagged(nlp, text: str) -> list[str]:
    doc = check_note(nlp, text)
    return [s.text for s in doc.spans["rc_opinion"]]


@pytest.mark.parametrize(
    "text",
    [
        "I told him that being honest with his sister would help.",
        "Talked about what a safe friendship looks like.",
        "Dad was clear this was not acceptable.",
        "Made clear Ben is frightened of his cousin finding out.",
        "Nan not sure whether the lodger is still there.",
    ],
)
def test_what_was_said_or_held_is_not_the_writers_verdict(real_nlp, text):
    assert _flagged(real_nlp, text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # after a comma the writer speaks for themselves again
        ("I said well done, he is lazy.", "he is lazy"),
        # the writer's own certainty is a view
        ("I'm sure he is lying to staff.", "I'm sure he is lying to staff"),
    ],
)
def test_the_writers_own_view_beside_a_saying_is_still_flagged(real_nlp, text, flagged):
    assert any(flagged in found or found in flagged for found in _flagged(real_nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Likely transfer to the ward tomorrow.",
        "Review panel likely 04/11.",
        "Chest sounds crackly - likely chest infection.",
        "A woman was at the door, maybe late 30s, would not give her name.",
    ],
)
def test_a_probability_on_a_noun_or_number_is_an_estimate(real_nlp, text):
    assert _flagged(real_nlp, text) == []


@pytest.mark.parametrize("text", ["He probably shoved her.", "Probably drunk again."])
def test_a_probability_on_a_verb_or_adjective_is_a_guess(real_nlp, text):
    assert _flagged(real_nlp, text) != []


@pytest.mark.parametrize(
    "text", ["It looks like her partner hit her.", "Her partner probably hit her."]
)
def test_an_observation_a_hedge_puts_in_doubt_is_the_guess_not_its_basis(real_nlp, text):
    assert _flagged(real_nlp, text) != []


@pytest.mark.parametrize(
    "text", ["He seemed drunk, slurring his words.", "She seemed upset and was shaking."]
)
def test_an_observation_after_the_guess_is_still_its_basis(real_nlp, text):
    assert _flagged(real_nlp, text) == []
