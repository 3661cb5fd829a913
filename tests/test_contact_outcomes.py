"""A contact's outcome is this partner's reply or result, not whatever sentence comes next:
never a list of who was there, another partner's account, or anyone's "she" at a meeting."""

from __future__ import annotations

import pytest

from tests.test_contact_events import events, one  # noqa: F401  (the fixture)

pytestmark = pytest.mark.slow

MEETING = "Present: PC Lee (Kelsford Police), Jo Hart (Safe Steps IDVA), me.\n"


def _outcomes(found) -> dict[str, str]:
    return {event.agency: event.outcome for event in found}


def test_the_list_of_who_was_there_is_no_outcome(events):  # noqa: F811
    found = events(MEETING + "Mum joined for the second half.\nApologies: Hillside Surgery.")
    assert found
    assert set(_outcomes(found).values()) == {""}


def test_a_meetings_outcome_line_is_each_attendees_result(events):  # noqa: F811
    found = events(
        MEETING + "Mum joined for the second half. Concerns: drinking, money.\n"
        "Outcome: child to be subject of a CP plan, category neglect."
    )
    assert set(_outcomes(found).values()) == {
        "Outcome: child to be subject of a CP plan, category neglect."
    }


def test_at_a_meeting_she_may_be_anyone_there(events):  # noqa: F811
    found = events(MEETING + "She declined to make a statement.")
    assert set(_outcomes(found).values()) == {""}


def test_another_partners_contact_is_not_this_ones_outcome(events):  # noqa: F811
    found = events("Call from Mrs Pearson, DSL at Holmewood Academy.\n"
                   "The MASH have been in touch with the school.")
    school = [event for event in found if "Holmewood" in event.agency]
    assert one(school).outcome == ""


def test_what_came_in_is_still_the_outcome_of_a_call(events):  # noqa: F811
    found = events("Tel from Jess Turnbull, housing officer, Riverdale Homes.\n"
                   "Gary fell on the communal stairs last night.")
    assert one(found).outcome == "Gary fell on the communal stairs last night."


def test_a_line_of_facts_after_a_referral_is_not_what_it_said(events):  # noqa: F811
    found = events("Referral from Dr Cheung, Oak Lane Surgery.\nEllie-May Corrigan, 15.\n"
                   "Mum found her with cuts to both arms last night.")
    assert one(found).outcome == "Mum found her with cuts to both arms last night."


def test_the_persons_consent_is_not_what_the_partner_agreed(events):  # noqa: F811
    found = events("Call from PC Lee, Kelsford Police.\n"
                   "Offered the Beacon Centre - Leanne agreed to a referral.")
    assert one(found).outcome == ""
    # a meeting's decision naming agencies is still every attendee's
    found = events(MEETING + "Agreed s47 enquiry, single agency (CSC) with police sharing "
                   "intelligence.")
    attendees = [event for event in found if "Kelsford" in event.agency or "Safe" in event.agency]
    assert len(attendees) == 2
    assert {event.outcome[:10] for event in attendees} == {"Agreed s47"}


@pytest.mark.parametrize(
    "text",
    [
        "Tel call from the GP surgery. Updated the care plan and informed manager.",
        "Call from PC Lee. Spoke to Kelly afterwards.",
    ],
)
def test_the_writers_own_doing_after_a_call_is_not_what_it_told_us(events, text):  # noqa: F811
    assert set(_outcomes(events(text)).values()) == {""}
