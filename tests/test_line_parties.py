"""Parties read from the note's lines where the parser runs lines together or apart."""

from __future__ import annotations

import pytest

from tests.contact_reading import rules_contact_reader

pytestmark = pytest.mark.slow

PROBATION = "Probation (service not named)"


@pytest.fixture(scope="module")
def events(real_nlp):
    """The contact events of one note by agency, read by the rules alone."""
    read = rules_contact_reader(
        real_nlp, ["Sam Okoro"], author="Sam Okoro", team="Northgate Recovery Team"
    )
    return lambda text: {e.agency: e for e in read(text)}


def test_each_line_of_a_run_together_list_is_its_own_clipped_record(events):
    found = events(
        "Kayleigh rang 09:10 - Len found on floor, 999 called.\n"
        "- Rang the GP surgery, msg left with reception\n"
        "- Emailed Katie Lowther PO\n"
    )
    assert found[PROBATION].status == "done"
    assert found[PROBATION].direction == "out"
    assert "GP (practice not named)" in found


@pytest.mark.parametrize(
    "text",
    [
        # the parser cuts "Present:" off from its list
        "Transition planning meeting 14/07. Present: Shanice, Olu Adeyemi (SW), Katie Lowther "
        "(PO), Jenna Brooke (support coordinator, Harbour Lodge), myself.\n",
        # a held meeting's label heads the list of who took part
        "Meeting held 03/03 - Karen Whitby (LADO), Katie Lowther (PO), RI, myself.\n"
        "Agreed plan for the week.\n",
    ],
)
def test_people_listed_at_a_meeting_took_part(events, text):
    assert events(text)[PROBATION].status == "done"


@pytest.mark.parametrize(
    "text",
    [
        "Actions today:\n- Katie Lowther PO on leave until Monday\n",
        # a line after the attendance list is not who was there
        "Present:\nShanice, myself.\nDiscussed plan for the week.\n"
        "Shanice said Katie Lowther (PO) cancelled her appointment.\n",
        # a meeting to come, or a label with no list
        "Meeting to be held 10/03 - Karen Whitby (LADO), Katie Lowther (PO), RI, myself.\n",
        "Meeting held 03/03 - Katie Lowther (PO) and me.\n",
        # a noun opening an item of someone else's plan
        "Plan from probation:\n- Bloods booked 20/02 with the nurse\n- Referral to Katie "
        "Lowther PO for a new assessment.\n",
    ],
)
def test_lines_that_record_no_contact_with_the_one_named(events, text):
    assert PROBATION not in events(text)


def test_a_full_stop_ends_the_attendance_list_on_its_line(events):
    found = events(
        "Core group 04/12. Present: Tom Akers SW, Rachel Dunn midwife, me, Shannon. "
        "Northshire Police - report only.\n"
    )
    assert not any("Police" in agency for agency in found)
