"""Contact events in someone else's account: an agency acting, or named, in what another
agency did or reported, or in what came before the note, is not the author's contact."""

from __future__ import annotations

import pytest

from tests.contact_reading import rules_contact_reader

pytestmark = pytest.mark.slow

ADULT_SOCIAL_CARE = "Anytown Council - Adult Social Care, Locality Team"


@pytest.fixture(scope="module")
def events(real_nlp):
    """The contact events of one note by Sam Okoro of an adult social care team."""
    read = rules_contact_reader(
        real_nlp, ["Sam Okoro"], author="Sam Okoro", team=ADULT_SOCIAL_CARE
    )
    return lambda text, note_type="Case Note", **fields: {
        e.agency: e for e in read(text, note_type=note_type, **fields)
    }


def test_a_clipped_verb_after_another_agencys_outcome_is_that_agencys_act(events):
    found = events("MASH outcome: passed to West Pennine Police online CE team.")
    assert set(found) == {"MASH (authority not named)"}
    assert found["MASH (authority not named)"].direction == "in"
    # the same verb with no agency's outcome before it is the writer's own
    assert "West Pennine Police" in events("Passed to West Pennine Police online CE team.")


def test_a_verb_joined_to_another_shares_its_subject(events):
    # the parser joins "share" to "records"; the sharing is still Rhian's
    assert events("Rhian will check records and share with police in MASH.") == {}


@pytest.mark.parametrize(
    "text",
    [
        "Referred by Dr Oliver Stamp (Castle Street Health Centre) following a letter from "
        "Greenacre Housing about neighbour complaints.",
        "Case allocated to Josh following my MASH referral last week.",
    ],
)
def test_a_contact_named_as_what_came_before_is_not_recorded_by_the_note(events, text):
    assert not {"Greenacre Housing", "MASH (authority not named)"} & set(events(text))


def test_a_message_named_with_an_agency_is_theirs_only_when_the_note_says_it_came(events):
    listed = "Included: chronology, staff statements (Grace, Dorota), body maps, police outcome."
    assert events(listed) == {}
    considered = events("Discussed with Tracey - hospital also considering police info share.")
    assert "Police (force not named)" not in considered
    assert events("Gave her the Harbour Recovery Hub info for her son.") == {}
    assert events("MARAC actions received by email.")["MARAC (area not named)"].status == "done"
    assert "Police (force not named)" in events("Police info: he was stopped in a car on 9/10.")


def test_a_request_to_a_colleague_is_a_contact_still_to_be_made(events):
    found = events("DH please email the housing officer to request this.")
    assert {e.status for e in found.values()} == {"planned"}
    found = events("PM - please make sure CMHT are contacted before the review.")
    assert {e.status for e in found.values()} == {"planned"}


def test_a_polite_opener_does_not_make_a_done_contact_a_request(events):
    found = events("Please note I have rung the GP and told them about the fall.")
    assert {e.status for e in found.values()} == {"done"}
    found = events("Please see below. I rang 101 and reported the assault.")
    assert {e.status for e in found.values()} == {"done"}


def test_a_plan_heading_run_on_after_a_full_stop_heads_what_follows_it(events):
    """The bundled sample note 100650: the forum the author sat in is an event both ways;
    the actions given to the author's service are still to be done."""
    found = events(
        "MARAC. Actions for ASC: keep visiting fortnightly, advocacy referral, review care and "
        "support plan. TVP to flag the address. Housing to fit a video doorbell.",
        note_type="Meeting",
    )
    assert found["Advocacy service (not named)"].status == "planned"
    assert found["MARAC (area not named)"].status == "done"
    assert found["MARAC (area not named)"].direction == "both"
    assert found["MARAC (area not named)"].channel == "meeting"  # not the referral's form


def test_minutes_after_an_attendance_list_are_not_who_was_there(events):
    found = events(
        "Present: mum, Carla Dunne SW, Mrs Okon DSL, me.\n"
        "- Mason: bedwetting reduced, GP referral to enuresis clinic\n",
        note_type="Meeting",
    )
    assert "GP (practice not named)" not in found
    listed = events("Present:\n- PC Ashford (Kent Police)\n- Hannah Cole (midwife)\n")
    assert set(listed) == {"Kent Police", "Midwifery (not named)"}


def test_a_visit_dated_before_the_note_is_told_of_but_one_of_its_day_may_be_ours(events):
    text = "DN visited Irene 11/06 and redressed the leg."
    assert events(text, date="2025-06-14") == {}
    assert "District nursing (not named)" in events(text, date="2025-06-11")


def test_a_clipped_verb_after_a_persons_label_is_their_news(events):
    found = events("TAF review.\n- Lee: attending Jobcentre, applying for a CSCS card.\n")
    assert found == {}
    assert events("GP: rang, no answer.")["GP (practice not named)"].status == "attempted"


def test_a_list_of_whose_actions_it_is_is_still_to_do(events):
    found = events("School actions: monitor Amira, share any concerns with the IDVA.")
    assert {e.status for e in found.values()} == {"planned"}


@pytest.mark.parametrize(
    "text",
    [
        # a professional's own work on an earlier day, with nothing putting the writer there
        "Mum home and comfortable, DN visited last night.",
        "Police attended, he was arrested, NFA at the time.",
        # an earlier occasion: in the perfect, the last or one of several, dated before the note
        "Flat clean. Health visitor (Moira Dutton) has visited twice and Ivy is gaining weight.",
        "Home conditions not known - HV last visited April.",
        # their work under way or to come, with nothing putting the writer there
        "Rang dad 09:10 - home treatment team visiting this afternoon.",
        "Baby feeding well, health visitor visiting on Friday.",
        "District nurse visiting daily for the dressing.",
        # their contact with the person, not with us
        "DN has referred Irene to the tissue viability nurse.",
        # gone, with no message left us
        "Up until the ambulance left at 04:40, then back to bed.",
        # told, by someone else
        "Theo's school informed by Margaret.",
        # one agency's dealing with another, told of
        "Call from Ruth. ASC have informed Westmarch Police Safeguarding Hub.",
        "School already rang MASH (ref MASH-250626-044).",
        # the agency in a to-clause of what someone else was asked to do
        "Asked mum to keep the GP informed of any new bruising, gave her the leaflet.",
        # a base-form verb joined to a verb of telling, however the parser joins it
        "Ex messaging her a lot - advised her to keep screenshots and report any threats to "
        "police.",
        # the verb after a label's dash is the next person's, not the labelled agency's
        "Offered the Lighthouse Centre - Jo agreed to think about it.",
        "Actions: 1. GP - Imran agreed to book appt.",
        "Offered a Home Fire Safety Check - Mr T agreed.",
    ],
)
def test_what_an_agency_did_in_someone_elses_account_is_not_our_contact(events, text):
    assert events(text) == {}


def test_the_writers_own_clause_after_what_someone_was_told_is_ours(events):
    # "I called" has its own subject: not part of what he was told to do
    found = events("Told him to leave before I called the police.")
    assert list(found) == ["Police (force not named)"]
    assert found["Police (force not named)"].direction == "out"


def test_a_name_and_its_role_before_the_verb_are_still_its_subject(events):
    assert events("Dr Ahmed (GP) rang at 10:00 about the bloods.")[
        "GP (practice not named)"
    ].direction == "in"


def test_a_contact_in_the_past_beside_advice_stays_the_writers(events):
    assert "Police (force not named)" in events("Advised her and rang the police at 14:00.")


def test_a_visit_the_writer_was_at_and_a_telling_by_phone_stay_contacts(events):
    visited = events("PC Aisha Gordon visited yesterday at 14:00 and spoke with Irene with me.")
    assert visited["Police (force not named)"].direction == "both"
    assert events("PC Lee left a voicemail for me.")["Police (force not named)"].direction == "in"
    assert events("School informed by phone.")["School (not named)"].direction == "out"


def test_a_clipped_opening_ends_at_a_dash(events):
    assert events("Rang mum - police are aware of him.") == {}
    assert "Police (force not named)" in events("Rang mum and the police.")


def test_a_word_of_an_organisations_name_is_no_place(events):
    # "Children's Services Front Door" is no front door of a place called "Services"
    found = events("Children's Services Front Door - referral by phone 15:05, spoke to Aaron.")
    assert "Services MASH" not in found
    assert "MASH (authority not named)" in found


@pytest.mark.parametrize(
    "text",
    [
        "School - not yet checked.",
        "Brokerage referral sent 10:20 - double-up calls, NOT Willow Home Support (pt choice).",
        "Declined IDVA, said she is not a victim.",
        "Still rising; discussed with Claire - not MARAC yet, review in 2 wks.",
    ],
)
def test_an_agency_denied_or_turned_down_is_no_contact(events, text):
    assert not {"School (not named)", "Willow Home Support", "IDVA service (not named)",
                "MARAC (area not named)"} & set(events(text))


def test_a_role_with_the_name_in_brackets_after_it_is_one_contact(events):
    # the role names the person, not a second partner beside them
    found = events("DN (Sam Kirkbride, Ashbridge North DN Team) visited 10:30 - confirmed it.")
    assert set(found) == {"Ashbridge North DN Team"}
    assert len(events("Referral sent to school nurse (Bev Ashworth) by email.")) == 1


def test_an_act_the_writer_shares_with_another_agency_is_still_ours(events):
    # "SW and I rang MASH": the writer was one of those acting, not told of another's call
    assert events("SW and I rang MASH.")
