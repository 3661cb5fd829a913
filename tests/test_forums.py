"""A child protection conference the note records as its own meeting is a contact event of
its own (recording standard, "Meetings and visits"); its report, outcome or date is not."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def agencies(counted_contacts):
    def read(text: str) -> dict[str, tuple[str, str]]:
        return {c.agency: (c.direction, c.status) for c in counted_contacts(text)}

    return read


@pytest.mark.parametrize(
    ("text", "forum"),
    [
        ("ICPC - Alfie Brennan. Chair: Stephen Oduya. Present: mum, dad, me.", "ICPC"),
        ("RCPC 24/02/26. Chair Angela Morrow. Plan continues.", "RCPC"),
        (
            "Initial Child Protection Conference (pre-birth) - unborn baby of Shannon. Chair "
            "Andrea Bell.",
            "Initial Child Protection Conference",
        ),
        ("Pre-birth ICPC - unborn baby of Chloe. I attended for our service.", "ICPC"),
    ],
)
def test_a_conference_the_note_records_is_an_event(agencies, text, forum):
    assert agencies(text).get(forum) == ("both", "done")


@pytest.mark.parametrize(
    "text",
    [
        "ICPC report re Chloe sent to the conference unit today.",
        "ICPC 10/03 outcome (phone from conference unit, minutes to follow): CP plan.",
        "ICPC? no - S47 concluded, outcome CIN plan.",
        "Home visit. ICPC is next week, mum knows the date.",
        "icpc - mum asked what it means.",
    ],
)
def test_a_conference_only_reported_on_planned_or_asked_about_is_none(agencies, text):
    assert not {"ICPC", "RCPC"} & set(agencies(text))


@pytest.mark.parametrize(
    "text",
    [
        "ICPC cancelled - rescheduled for 3 weeks.",
        "ICPC postponed as parents not notified.",
        "RCPC scheduled 14/05.",
        "ICPC will be held on 24/03.",
        "ICPC: did not attend, sent apologies.",
        "ICPC - unable to attend due to leave; report sent.",
        "ICPC 14/02 - apologies sent, report submitted.",
    ],
)
def test_a_conference_not_held_or_not_attended_is_none(agencies, text):
    assert not {"ICPC", "RCPC"} & set(agencies(text))


@pytest.mark.parametrize(
    "text",
    [
        "ICPC 14/02 - I attended, dad did not attend. Chair: Jo Bell.",
        "Attended ICPC, did not attend the core group after.",
    ],
)
def test_someone_elses_absence_or_another_meeting_leaves_the_conference_the_writers(
    agencies, text
):
    assert agencies(text).get("ICPC") == ("both", "done")


@pytest.mark.parametrize(
    ("text", "forum", "venue"),
    [
        ("Attended ICPC 1000-1215, Ashby Civic Centre.\nMason made subject of CP plan.",
         "ICPC", "Ashby Civic Centre"),
        ("Attended MARAC (Harwick Civic Centre) for the family hub. Case heard.",
         "MARAC (area not named)", "Harwick Civic Centre"),
    ],
)
def test_the_place_a_forum_met_is_no_partner(agencies, text, forum, venue):
    found = agencies(text)
    assert forum in found
    assert venue not in found


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        ("Attended MARAC, police and IDVA also present.", "Police (force not named)"),
        ("Attended ICPC, Oakfield Primary and HV also attended.", "Oakfield Primary"),
    ],
)
def test_a_partner_listed_after_a_forums_name_is_no_venue(agencies, text, partner):
    assert partner in agencies(text)


def test_a_school_hosting_a_review_stays_a_partner(agencies):
    assert "Hawthorn Primary" in agencies("Attended CIN review at Hawthorn Primary.")
