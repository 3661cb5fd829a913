"""Documents an agency sent are inbound contacts (recording standard, "Contact events");
one only awaited is none, and a hospital department written short is matched as written."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def read(counted_contacts):
    return lambda text: counted_contacts(text, team="Thornleigh Medical Practice")


@pytest.mark.parametrize(
    "text",
    [
        "MIU letter 08/05: XR - undisplaced fracture distal radius L. Backslab.",
        "ED letter: attended with a head injury, CT normal, discharged home.",
    ],
)
def test_an_agencys_letter_heading_what_it_says_came_in(read, text):
    (contact,) = read(text)
    assert contact.agency_type == "health"
    assert (contact.direction, contact.status) == ("in", "done")


@pytest.mark.parametrize(
    "text",
    ["Awaiting MIU letter.", "Awaiting GP letter about the bloods.", "Ed came round at 3pm."],
)
def test_a_letter_only_awaited_or_a_man_called_ed_is_no_contact(read, text):
    assert read(text) == []


def test_the_writers_own_letter_to_an_agency_goes_out(read):
    (contact,) = read("Letter to GP: requested a review of her medication.")
    assert contact.direction == "out"


def test_the_emergency_departments_liaison_team_is_mental_health(read):
    (contact,) = read("Rang ED liaison 14:50 - they will see him once sober.")
    assert contact.agency_type == "mental health"


@pytest.mark.parametrize(
    "text",
    [
        "Referred to ED service at CAMHS.",
        "Rang the community ED team - no answer.",
    ],
)
def test_ed_for_an_eating_disorder_is_no_hospital(read, text):
    assert "Hospital (not named)" not in [c.agency for c in read(text)]


def test_a_date_after_ed_leaves_it_the_hospital(read):
    (contact,) = read("Rang ED 13/01 re his discharge.")
    assert contact.agency == "Hospital (not named)"
