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
