"""Who-present readings of the unseen-writer work that two independent reviewers broke with
ordinary sentences, both reverted: each sentence keeps main's reading, asserted through the
check itself (or whether an encounter is read at all): (span group, sentence, flagged)."""

from __future__ import annotations

import pytest

WHO = "rc_who_present"
ENCOUNTER = "rc_encounter"  # an encounter is read at all

# 1. Someone's calls changing ("TW's calls reduced") were read as a pattern, not an
# encounter; reverted, since the writer's own call often follows ("Mum's calls to me
# increased this week, spoke to her twice today"). Main's reading.
SOMEONES_CALLS = [
    (WHO, "Today's calls completed, no concerns.", True),
    (WHO, "Tonight's calls done, settled well.", True),
    (WHO, "This morning's calls went well, ate his breakfast.", True),
    (WHO, "Completed today's calls, skin intact.", True),
    (ENCOUNTER, "Completed Mr T's calls, settled well.", True),
    (ENCOUNTER, "Did Mrs B's calls this morning, tearful at times.", True),
    (WHO, "TW's calls reduced to monthly in March.", True),
    (WHO, "Tonight's visits completed, no concerns.", True),
    (WHO, "Finished this evening's calls, all settled.", True),
    (WHO, "Her visits to the office have stopped since the move.", False),
    (ENCOUNTER, "Review. TW's calls reduced from weekly to monthly in March.", True),
    (ENCOUNTER, "Review. Her calls to the office have stopped.", True),
    (ENCOUNTER, "Our calls with Amir this week went well.", True),
    (ENCOUNTER, "TW's call to Amir went well.", True),
    (WHO, "Mrs B's calls changed to double-up from today; attended with Sarah, all well.", False),
    (WHO, "Mr T's visits moved to 10am today, seen at home, settled.", True),
    (
        WHO,
        "SW's visits have increased to weekly; visited today with SW, mum and baby seen.",
        False,
    ),
    (WHO, "Jo's calls stopped at 9pm when mum got home.", False),
    (WHO, "Dad's visits with the children ended early today as he was drunk.", False),
    (
        WHO,
        "Dad's visits ended early today at the contact centre as he was drunk, children upset.",
        False,
    ),
    (WHO, "The HV's visits moved to fortnightly.", False),
    (WHO, "Amir's sessions with CAMHS stopped in May.", False),
    (WHO, "Mum's contact sessions were cut short today, supervised by me and Jane.", False),
    (WHO, "Grandma's visits were cut short today, I supervised.", False),
    (WHO, "Mr T's calls reduced to monthly.", True),
    (WHO, "Social worker's home visits changed to monthly.", False),
    (WHO, "Her calls to me today ended abruptly when I raised the police.", True),
    (WHO, "Jo's calls ended at 3pm.", True),
    (WHO, "Amir's calls to the office reduced after the warning letter.", False),
    (WHO, "Mum's visits to the ward stopped after the incident.", False),
    (
        WHO,
        "Mum's calls to me increased this week, spoke to her twice today about the eviction.",
        True,
    ),
    (
        WHO,
        "Dad's visits to the home stopped today when police attended, I was present with Jane.",
        False,
    ),
    (WHO, "Mrs K's calls moved to 8am from today, attended with Bev, all settled.", False),
    (WHO, "Her visits to me at the office stopped after she moved.", False),
]

# 2. "<agency> represented by <person>" was read as naming who attended; reverted, since it
# as often tells of another meeting or of someone absent ("police represented by DS Kerr at
# the next meeting", "usually represented by the DSL but nobody came"). Main's reading.
REPRESENTED_BY = [
    (
        WHO,
        "Strategy discussion held. Mum is represented by a solicitor in the care proceedings.",
        True,
    ),
    (WHO, "Review held today; the LA was represented by counsel at court last week.", True),
    (
        WHO,
        "Professionals meeting held 12/03. Concerns were represented by a chart of incidents.",
        True,
    ),
    (WHO, "Strategy discussion held, health represented by B Quinn.", True),
    (
        WHO,
        "Strategy discussion held 18/06; children's services represented by the duty manager.",
        True,
    ),
    (
        WHO,
        "Strategy discussion held. Dad will be represented by his solicitor at the hearing.",
        True,
    ),
    (WHO, "Core group held, agencies represented.", True),
    (WHO, "Core group meeting held, school represented by the DSL.", True),
    (WHO, "Strategy discussion held 18/06, health represented by B Quinn.", True),
    (WHO, "Strategy discussion held 18/06, all agencies represented.", True),
    (
        WHO,
        "Strategy discussion held, health represented by B Quinn who sent apologies and a report.",
        False,
    ),
    (
        WHO,
        "Strategy discussion held; health represented by B Quinn (apologies sent, report shared).",
        False,
    ),
    (WHO, "Strategy discussion held, police represented by DS Kerr in her absence.", True),
    (WHO, "Strategy discussion held, school not represented by anyone.", True),
    (WHO, "Strategy discussion held, health represented by nobody.", True),
    (WHO, "Strategy discussion held, health represented by the GP's written report.", True),
    (WHO, "Strategy discussion held, police represented by DS Kerr at the next meeting.", True),
    (
        WHO,
        "Strategy discussion held without police; police to be represented by DS Kerr next time.",
        True,
    ),
    (
        WHO,
        "Strategy discussion held. Health represented by B Quinn"
        " at the last one, no one from health today.",
        True,
    ),
    (WHO, "Core group held, school usually represented by the DSL but nobody came today.", True),
    (
        WHO,
        "Strategy discussion held with no health; health normally represented by B Quinn.",
        True,
    ),
    (WHO, "Strategy discussion held, health represented by B Quinn, police absent.", True),
    (WHO, "Strategy discussion held, health represented by the HV.", True),
    (WHO, "Strategy discussion held; police to be represented by DS Kerr going forward.", True),
    (WHO, "Core group held. School represented by the DSL, who left before the start.", True),
    (
        WHO,
        "Strategy discussion held, health was to be represented by B Quinn but she did not join.",
        True,
    ),
    (
        WHO,
        "Strategy discussion held, health represented by B Quinn at the previous strategy.",
        True,
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("group", "text", "flagged"), [*SOMEONES_CALLS, *REPRESENTED_BY])
def test_each_sentence_keeps_mains_reading(group_flagged, group, text, flagged):
    assert group_flagged(group, text) is flagged
