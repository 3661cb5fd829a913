"""Sharing-rationale readings of the unseen-writer work that two independent reviewers broke
with ordinary sentences (who-present's are in test_reviewer_broken_who_present.py). Three were
reverted and keep main's reading; the request reading and the planned
sharing ("will", "'ll", "shall" only) stay. Each tuple pins what the check does with the
sentence today: (span group, sentence, flagged). Most are what the recording standard
wants; a few pin a known false alarm or miss of main's reading (marked "known ..."), so
that a change to them is seen and judged, not slipped in."""

from __future__ import annotations

import pytest

SHARING = "rc_sharing_rationale"

# 1. Telling the one told about themselves ("Told her she can ring me any time") was read as
# telling nobody else; reverted, since what they are told of themselves is often news of a
# child ("Told her she should be aware of the bruising to the baby's face"). Main's reading.
TOLD_ABOUT_THEMSELVES = [
    (
        SHARING,
        "DC Lloyd rang. Told him he should be aware the boy has disclosed abuse at home.",
        True,
    ),
    (
        SHARING,
        "GP rang for an update. Told her she could"
        " see from the photos that the bruise was fingertip shaped.",
        True,
    ),
    # known false alarm: nothing of anyone else is told
    (SHARING, "Mum rang. Told her she can ring me any time.", True),
    (SHARING, "DC Lloyd rang. Told him he should know that mum has disclosed self-harm.", True),
    (SHARING, "Rang the HV. Told her she should know that dad has moved back in.", True),
    (SHARING, "Rang the school. Told them they should know mum's partner has a conviction.", True),
    # known false alarm: nothing of anyone else is told
    (SHARING, "Dad rang about the bus. Told him he can call me if he is worried.", True),
    # known false alarm: nothing of anyone else is told
    (SHARING, "PC Jones rang about the log. Told her she can email the request to me.", True),
    # known false alarm: nothing of anyone else is told
    (SHARING, "Mum rang about the bus. Told her she can ring me any time.", True),
    (
        SHARING,
        "Mum rang, upset about the bus. Told her she did the right thing calling us.",
        False,
    ),
    (SHARING, "Mum rang about the bus. Told her he can't come home tonight.", True),
    (SHARING, "Rang the GP. Told her she should know he has taken an overdose.", True),
    (
        SHARING,
        "Rang the HV. Told her she should be aware of the bruising to the baby's face.",
        True,
    ),
    (
        SHARING,
        "Rang the GP. Told her she needs to know about the injuries found on the baby.",
        False,  # known miss: the baby's injuries went to the GP with no reason
    ),
    (
        SHARING,
        "DC Lloyd rang. Told him he should be aware"
        " of the domestic abuse incident at the address last night.",
        True,
    ),
    (
        SHARING,
        "Rang the school. Told them they need to keep a close eye on the bruising on Amir's arm.",
        False,
    ),
    (
        SHARING,
        "Rang the school. Told them they should watch"
        " for bruising as the child disclosed being hit.",
        True,
    ),
    (
        SHARING,
        "GP rang. Told her she was right to be worried about the weight loss and the neglect.",
        False,
    ),
    (
        SHARING,
        "Rang the HV. Told her she will be getting the chronology and the police log today.",
        True,
    ),
    (
        SHARING,
        "Rang the HV. Told her she will need to do a home visit as the baby has a burn.",
        False,
    ),
    (
        SHARING,
        "Rang PC Smith. Told him he will receive the referral about the sexual abuse today.",
        True,
    ),
    (
        SHARING,
        "Rang the school. Told them they were right to refer as the child disclosed abuse.",
        False,
    ),
    (SHARING, "Mum rang. Told her she should take the baby to A&E.", True),
    (SHARING, "Dad rang. Told him he needs to attend the child protection conference.", False),
    (
        SHARING,
        "Rang the GP. Told her she needs to be aware of the new bruising on the baby.",
        False,  # known miss, as above
    ),
    (
        SHARING,
        "Rang the school. Told them they should know about the injunction against the stepfather.",
        True,
    ),
    (
        SHARING,
        "Rang the HV. Told her she should be aware of the disclosure of abuse made today.",
        True,
    ),
    (SHARING, "Rang the DSL. Told her she will need to keep a close eye on the bruising.", False),
    (
        SHARING,
        "Rang the GP. Told her she would be getting a copy of the strategy discussion minutes.",
        True,
    ),
]

# 2. A bare verb joined to one with a modal of the future ("will", "'ll", "shall") is planned
# too; "would", "must" and "should" also tell of habits and of what was done, and "to" is no
# modal, so those keep main's reading.
JOINED_TO_A_PLAN = [
    (SHARING, "Had to ring 999 and tell them she had collapsed.", True),
    (
        SHARING,
        "Went out to see her and had to call the GP and tell them about the pressure sore.",
        True,
    ),
    (SHARING, "Managed to speak to the duty SW and pass on the concerns about dad.", True),
    (SHARING, "Was able to speak to the GP and share the concerns about her weight loss.", True),
    (SHARING, "Decided to ring the police and tell them about the assault.", True),
    (SHARING, "Tried to ring the school and email the head about the bruise.", True),
    (SHARING, "Couldn't wait for the SW so rang the police and inform them of the assault.", True),
    (SHARING, "I should have rang the police and tell them about the assault.", True),
    (SHARING, "I will share the chronology with MASH, inform the GP and update the HV.", False),
    (SHARING, "Needed to ring the GP and tell her about the fall.", True),
    (SHARING, "Wanted to ring the GP and tell her about the fall.", True),
    (SHARING, "We shall ring the school and tell them about the bruise.", False),
    (SHARING, "Every visit I would ring her daughter and update her on how mum is.", True),
    (
        SHARING,
        "As agreed with mum I would ring the GP, so rang and tell them about the rash.",
        False,
    ),
    (
        SHARING,
        "Mum asked that I should ring the GP and tell them about the rash, which I did.",
        False,
    ),
    (SHARING, "Said I would ring the school, rang them and tell them about the bruise.", True),
    (
        SHARING,
        "I must ring 999 and tell them she is not breathing, ambulance arrived 10 mins later.",
        True,
    ),
    (
        SHARING,
        "He would not stop shouting so I must call police and tell them about the threat.",
        False,
    ),
    (SHARING, "Told mum I'll ring the GP. Rang GP and tell them about the rash.", True),
    (SHARING, "I will ring the school and tell them about the bruise.", False),
    (SHARING, "I'll ring the school and let them know about the bruise.", False),
    (SHARING, "Should ring GP and inform re rash.", True),
    (
        SHARING,
        "Mum said she would ring the school and tell"
        " them herself, I emailed the SW about the bruise.",
        True,
    ),
    (SHARING, "Rang the GP as she would not eat and tell them about her weight.", False),
    (SHARING, "She would not eat so phoned GP and tell them about her weight.", False),
    (SHARING, "Last year the SW would visit weekly and share the minutes with the school.", True),
    (
        SHARING,
        "When she was on the ward the nurses would ring the GP and update them daily.",
        True,
    ),
    (SHARING, "Every visit I would ring the GP and update her on how mum is.", True),
    (SHARING, "Last week I would ring the GP and tell them about the rash but she said no.", True),
    (
        SHARING,
        "As agreed at core group I should ring the GP and update them, which I did this afternoon.",
        False,
    ),
    (
        SHARING,
        "Mum begged me so I must ring the school and tell them about the bruise, done at 3pm.",
        False,
    ),
    (
        SHARING,
        "Each time she fell I would ring the GP and tell them, as the care plan says.",
        False,
    ),
]

# 3. One capital after "to" was read as a colleague's initial ("passing this on to D");
# reverted, since it may as well be anyone outside ("Rang the school, passing this on to H").
# Main's reading.
ONE_INITIAL = [
    (SHARING, "Saw Jodie's note from Thursday, passing this on to D.", True),
    (SHARING, "Passed that to D - not sure if it's good or bad.", True),
    (SHARING, "Passing this on to D (SW, CSC) today.", True),
    (SHARING, "Info to SL + SW (I emailed Becky T 12/06).", True),
    (SHARING, "Referral faxed to A&E, passed the details on to X-ray.", True),
    (SHARING, "Passed the referral on to B. at the Hub.", True),
    (SHARING, "Passed the concerns on to C. at the GP surgery.", True),
    (SHARING, "Sent the chronology to T. at MASH.", True),
    (SHARING, "Passed this on to R at the police station.", True),
    (SHARING, "Sent the referral to P. who is the school DSL.", True),
    (SHARING, "Passing this on to D.", True),
    (SHARING, "Gave the report to K for the LADO.", False),
    (SHARING, "Rang the school, passing this on to H.", True),
    (SHARING, "Emailed Hollybank School and passed the concerns on to H.", True),
    (SHARING, "Handed over to B team at 8pm.", False),
]

# 4. "voice" was read as no information ("raised voice at reception"); reverted, since the
# child's voice is what is shared ("Shared the child's voice with the IRO"). Main's reading.
VOICE = [
    (SHARING, "Client frustrated, raised voice at reception volunteer about the wait.", True),
    (SHARING, "Raised the voice of the child with the IRO at the review.", True),
    (SHARING, "Shared the child's voice with the IRO ahead of the review.", True),
    (SHARING, "Sent a voice note to the SW about the bruise.", True),
    (SHARING, "Left a voice message for the SW about the bruise on his arm.", False),
    (SHARING, "Raised my voice concerns with the SW.", True),
    (SHARING, "Passed on Amir's voice to the panel.", False),
    (SHARING, "Discussed the child's views with the IRO.", False),
    (SHARING, "Raised the child's wishes and feelings with the IRO.", True),
]

# 5. The writer's request, which the parser hangs the email under, is the email's purpose
# ("Emailed J Harker asking for a written account"); a request that is someone else's, or
# forwarded, is not.
REQUEST = [
    (SHARING, "Emailed J Harker asking for a written account.", False),
    (SHARING, "Forwarded J Harker's email asking for the chronology to the SW.", True),
    (SHARING, "Emailed DC Lloyd asking him to confirm the bail conditions.", False),
    (SHARING, "Received email J Harker asking for the chronology, sent it.", False),
    (SHARING, "Emailed J Harker asking how mum is.", True),
    (SHARING, "Emailed Jo Harker asking if she is free on Tuesday.", False),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("group", "text", "flagged"),
    [
        *TOLD_ABOUT_THEMSELVES,
        *JOINED_TO_A_PLAN,
        *ONE_INITIAL,
        *VOICE,
        *REQUEST,
    ],
)
def test_each_sentence_keeps_its_reading(group_flagged, group, text, flagged):
    assert group_flagged(group, text) is flagged
