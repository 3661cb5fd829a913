"""The opinion check on what was said, positions held, estimates and guesses, with sentences
written for these tests: what the writer told someone, what anyone made plain, a word giving
someone's position on a clause, and a probability on a noun are not the writer's verdict; an
observation a hedge puts in doubt is the guess itself, not its basis."""

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
        # what was said or held
        "I told him that being honest with his sister would help.",
        "Talked about what a safe friendship looks like.",
        "Dad was clear this was not acceptable.",
        "Made clear Ben is frightened of his cousin finding out.",
        "Nan not sure whether the lodger is still there.",
        # "per" and whoever said it attributes the statement
        "Eating well per his daughter.",
        "Not likely to walk again per physio team.",
        # a reason someone gave, or the writer's own
        "She said she refused because she wanted to go home.",
        "Left early because I wanted to ring the GP before five.",
        # a diagnosis under its heading is on record
        "Seen in clinic.\nDiagnosis: paranoid schizophrenia; alcohol dependence.",
        # estimates of a thing
        "Likely transfer to the ward tomorrow.",
        "Review panel likely 04/11.",
        "Chest sounds crackly - likely chest infection.",
        "A woman was at the door, maybe late 30s, would not give her name.",
        # a measurement after a verdict gives how much
        "Good intake at lunch, 450ml of fluids.",
        "Settled after about 15 mins.",
        # an observation after the guess is its basis
        "He seemed drunk, slurring his words.",
        "She seemed upset and was shaking.",
        # a thinking that proposes what is to happen, or weighs the writer's own doing
        "I think she needs an OT assessment before discharge.",
        "I feel this should go to the panel next week.",
        "I think I was too quick to close the case.",
        # a decision on what may be done
        "Medication appropriate to continue.",
        "Not safe to give fluids by mouth, GP aware.",
        # what the writer made plain is a record of what was said
        "I was clear this is not about his dad.",
        "I was honest that I could not promise what other services would decide.",
        # care given is what anyone present saw done
        "Baby is well in herself, fed, sleeping.",
    ],
)
def test_not_the_writers_unsupported_claim(real_nlp, text):
    assert _flagged(real_nlp, text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # after a comma the writer speaks for themselves again
        ("I said well done, he is lazy.", "he is lazy"),
        # the writer's candour opens the view; the view itself stays a claim
        ("I'll be honest, he looked frightened.", "he looked frightened"),
        # a label of someone else is a label, however plainly they spoke
        ("Mum was honest that she had used heroin.", "Mum was honest that she had used heroin"),
        # the writer's own certainty is a view
        ("I'm sure he is lying to staff.", "I'm sure he is lying to staff"),
        # a guess at what is so is no proposal; a decision word with no action stays a verdict
        ("I think he is lying about the money.", "I think he is lying about the money"),
        ("His behaviour was inappropriate.", "His behaviour was inappropriate"),
        # "per" in a rate names no source
        ("He is manipulative and rings us twice per day.", "He is manipulative"),
        # a motive or feeling given as the reason for what someone did
        ("Tearful at tea because she misses her dad.", "because she misses her dad"),
        ("He threw his plate because he wanted attention.", "because he wanted attention"),
        # the same word outside the heading is a label
        ("Seen in clinic. He is paranoid and hostile.", "He is paranoid and hostile"),
        # a bare number is not a measurement of the verdict
        ("Lovely morning, 2 visitors.", "Lovely morning"),
        # a probability on a verb or an adjective is a guess
        ("He probably shoved her.", "He probably shoved her"),
        ("Probably drunk again.", "Probably drunk again"),
        # the observation is what the hedge puts in doubt
        ("It looks like her partner hit her.", "It looks like her partner hit her"),
        ("Her partner probably hit her.", "Her partner probably hit her"),
    ],
)
def test_the_writers_unsupported_claim_is_flagged(real_nlp, text, flagged):
    assert flagged in _flagged(real_nlp, text)
