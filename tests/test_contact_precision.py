"""Partner mentions beside a communication word that record no contact of the writer's
service: a number given, someone told to contact an agency, consent to a referral still to
come, the person's own referral, the agency's own dealings with the person."""

from __future__ import annotations

import pytest

from tests.contact_reading import rules_contact_reader

pytestmark = pytest.mark.slow

HOME_CARE = "Kettleby Home Care - Community Team"


@pytest.fixture(scope="module")
def events(real_nlp):
    """The contact events of one note by Sam Okoro, a care coordinator of a home care team."""
    read = rules_contact_reader(
        real_nlp, ["Sam Okoro"], author="Sam Okoro", team=HOME_CARE,
        author_role="Care Coordinator",
    )
    return lambda text: {e.agency: e for e in read(text)}


@pytest.mark.parametrize(
    "text",
    [
        # advice to someone else to contact an agency is theirs to do
        "Advised mum to keep police updated.",
        # giving someone a number is not a contact
        "Tel no. for Housing Options passed to her.",
        "Wrote the Safe Steps IDVA number on the back of an appt card.",
        # the person's own referral
        "Self-referred to Pathways Recovery Service from my room.",
        # the agency's own dealings with the person
        "Housing spoke to him last week.",
        "Police called to the flat again on Saturday.",
        # a contact denied in its noun
        "Children - no concerns raised by school or GP.",
        # a call-out is the police attending, not a call with us
        "Seen at the office. Tenancy stable, no arrears. No further police call outs.",
        "Noted - Darren was named in police call outs to the address in 2023 (on file).",
        # the agency after "by" dealt with another partner, not with us
        "- CAMHS referral (made by previous school in June) - I will ask Rosie where this is.",
        "Police informed by school yesterday.",
        # an agency's own work with the person, which the note reports
        "Follow up to disclosure 20/10: Eastmoor Police completed ABE 24/10.",
        "Police safe and well completed Sun 19th 15:00 by PC Liam Hollis.",
        # what the writer told the person of a partner
        "Told her police will want to speak to him.",
        # a service called out to an incident
        "Alarm activated, FRS attended, fire contained to chute hopper.",
        # the person's refusal; a time, not a list of those present
        'Said no to police - "they will know it was me".',
        "Wishes: she does not want police involvement at present - frightened of him.",
        # a school or service the person attends, as a habit or a course: theirs, not ours
        "Child: son Riley age 6 (previous relationship) lives with them, attends Hollins "
        "Park Primary.",
        "Engaging with weekly visits, on psychology waiting list, attending Phoenix Recovery.",
        "Attending cardiac rehab at Castlebridge Leisure Centre Wednesdays.",
        "Attending Phoenix Recovery group meetings weekly, 3 weeks sober.",
        "Attending Phoenix Recovery group meeting on Tuesdays, sober 3 weeks.",
        # a service the person was pointed to is theirs to use
        "Signposted to Millbrook Advice Centre.",
        # a suggestion is a contact still to be made
        "Suggested we speak to GP about whether eating is appropriate.",
        "Recommend MASH referral, strategy discussion, consider CAWN.",
    ],
)
def test_a_mention_beside_a_communication_word_records_no_contact_of_ours(events, text):
    assert [e for e in events(text).values() if e.counts_as_contact] == []


def test_a_referral_to_us_made_by_an_agency_is_a_contact_in(events):
    found = events("Safeguarding referral made by the GP this morning - concerns re bruising.")
    assert [(e.agency_type, e.direction, e.status) for e in found.values()] == [
        ("health", "in", "done")
    ]


def test_agreeing_to_a_partner_is_consent_to_a_contact_still_to_come(events):
    found = events("Agreed to MARAC + IDVA.")
    assert {e.status for e in found.values()} == {"planned"}
    assert "MARAC (area not named)" in found


def test_ringing_a_number_and_talking_with_the_writer_stay_contacts(events):
    rang = events("Rang the Housing Options number, no answer.")
    assert [e.status for e in rang.values()] == ["attempted"]
    assert "Police (force not named)" in events("DC Benn and I spoke with her.")
    assert "GP (practice not named)" in events("Agreed with the GP that she will review him.")
    # a check's result after its label is no denial of the contact
    assert "Police (force not named)" in events("Police: no previous DA logged at address.")


def test_a_clipped_tel_opening_is_a_phone_call(events):
    found = events("Tel Housing Options re rent arrears.")
    assert found["Housing options (council not named)"].channel == "phone"


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        # a person or a kind of service in brackets after a name is that partner's
        ("Tel from Whinmoor Unit (nurse Carol) - Gary due for admission 10am.", "Whinmoor Unit"),
        ("Referral to Safe Harbour DA Service (IDVA) - done online 15.45.",
         "Safe Harbour DA Service"),
        # a name in brackets after a kind of service names it, when of that kind
        ("Referral to SALT (Northgate Community Health, Adult SLT) sent by email today.",
         "Northgate Community Health"),
    ],
)
def test_a_partner_in_brackets_beside_another_is_one_contact(events, text, partner):
    assert list(events(text)) == [partner]


def test_a_venue_in_brackets_is_not_the_forums_name(events):
    assert "MARAC (area not named)" in events("Attended MARAC (Harwick Civic Centre) today.")


def test_a_reply_answers_the_notes_own_call_and_stays_outward(events):
    found = events("Phoned Vale Urgent Care (out of hours GP) 18:50 - Dr Mason called back 19:20.")
    assert list(found) == ["Vale Urgent Care"]
    assert found["Vale Urgent Care"].direction == "out"
    assert found["Vale Urgent Care"].person == "Dr Mason"
    # with no call of ours before it, a call back is theirs; nor is a doctor filed under
    # an organisation of no known kind in another sentence
    alone = events("Emailed the Beacon Centre 10:00. Dr Mason called back 19:20.")
    assert alone["Health service (not named)"].direction == "in"


def test_calling_out_a_partner_is_still_a_call(events):
    assert events("Called out the GP at 02:00.")["GP (practice not named)"].channel == "phone"


def test_the_writers_own_attendance_stays_a_contact(events):
    assert [e.status for e in events("Attended Riverside Academy for the review.").values()] == [
        "done"
    ]
    # a terse note drops the "I": attending a meeting under way is the writer's occasion
    assert "MARAC (area not named)" in events(
        "Attending MARAC at Castlebridge Civic Centre this morning."
    )
    assert "Castlebridge MASH" in events(
        "Attending strategy meeting at Castlebridge MASH with DC Mensah today."
    )


def test_telling_a_partner_and_a_partner_telling_us_stay_contacts(events):
    assert [e.status for e in events("Told police she had left the flat.").values()] == ["done"]
    assert [e.person for e in events("Hollie Stainsby (IDVA) attended.").values()] == [
        "Hollie Stainsby"
    ]
    rang = events("PC Lee rang to say he had been arrested.")
    assert [(e.direction, e.status) for e in rang.values()] == [("in", "done")]
