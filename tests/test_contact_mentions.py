"""Contact events: the kinds of mention that used to be taken for contacts, and are not.

Each case is one error kind found on the writers' corpus, written afresh: a
topic talked about, a person sitting beside an agency, an instruction to
oneself, someone's wish, one agency under two names, a professional in an
attendance list taking their neighbour's agency, an agency qualifying a thing of its own
("MARAC threshold met"), and a hospital team's own wards
and therapists.
"""

from __future__ import annotations

import pytest

from recordcheck.model import Note
from recordcheck.nlp import note_doc
from tests.contact_reading import rules_contact_reader

pytestmark = pytest.mark.slow

HOSPITAL_TEAM = "Westbury Hospitals NHS Trust - Discharge Team, Westbury Royal Hospital"
COUNTED = ("done", "attempted")


@pytest.fixture(scope="module")
def events(real_nlp):
    read = rules_contact_reader(
        real_nlp, ["Nadia Rahman"], author="Nadia Rahman", author_role="Support Worker"
    )
    return lambda text, team="Ashcombe Supported Living": read(text, team=team)


def counted(found):
    return [event for event in found if event.status in COUNTED]


@pytest.mark.parametrize(
    "text",
    [
        # the agency is what was talked about, not who was talked to
        "Talked to Mr Jones about the Samaritans and how to reach them at night.",
        "Explained what Early Help could offer the family.",
        "Discussed the MARAC process with her at length.",
        "Advised her about Citizens Advice for the debt letters.",
        # someone's wish for a contact is not the contact
        "Her brother wants the police informed.",
        # a step weighed up is not a step taken
        "Considered informing police without consent. Decision: not overriding her wishes.",
        # an agency qualifying a thing of its own: the thing is what the clause is about
        "Risk is very high. Now meets the MARAC threshold.",
        "College place confirmed, starts in September.",
        "The CSC written agreement says he must not stay over.",
    ],
)
def test_topics_and_wishes_are_not_contacts(events, text):
    assert counted(events(text)) == []


@pytest.mark.parametrize(
    ("text", "agency_word"),
    [
        ("Police officers attended the flat with me at 14:00.", "police"),
        ("Letter emailed to the Hillside Surgery admin inbox.", "hillside"),
        ("Riverside Advice Centre appointment booked for Tuesday.", "riverside"),
    ],
)
def test_people_addresses_and_dealings_of_an_agency_are_the_agency(events, text, agency_word):
    found = counted(events(text))
    assert len(found) == 1 and agency_word in found[0].agency.lower(), found


@pytest.mark.parametrize(
    "text",
    [
        "Update the IDVA and the health visitor.",
        "Check with police about the bail conditions.",
        "3. Ask the GP to review her medication.",
    ],
)
def test_an_instruction_opening_a_line_is_planned(events, text):
    found = events(text)
    assert found and all(event.status == "planned" for event in found)


@pytest.mark.parametrize(
    "text",
    ["Call from the school nurse this morning about the rash.", "Update from the GP by phone."],
)
def test_a_clipped_record_in_the_base_form_is_still_done(events, text):
    assert [event.status for event in events(text)] == ["done"]


def test_a_kind_of_service_joins_the_one_named_organisation_of_that_kind(events):
    found = counted(events(
        "Rang Hillcrest Primary School at 9:10 and spoke to the office. "
        "The school said she had been in class all week."
    ))
    assert [event.agency for event in found] == ["Hillcrest Primary School"]


def test_an_agency_in_brackets_belongs_to_the_person_before_it(events):
    found = counted(events(
        "Present: Dr Osei (registrar), Amy Lin (SALT), Mr Price (son), me."
    ))
    by_person = {event.person: event.agency for event in found}
    assert "speech" in by_person.get("Amy Lin", "").lower()
    assert "speech" not in by_person.get("Dr Osei", "").lower()


def test_a_hospital_teams_own_wards_and_therapists_are_not_partners(events):
    found = events(
        "New referral from Larkspur Ward. Met with the OT on the ward.", team=HOSPITAL_TEAM
    )
    assert counted(found) == []


def test_a_ward_of_another_hospital_is_a_partner(events):
    found = counted(events(
        "Call from Ward 9 at Milford General Hospital about his discharge.",
        team="Millbrook Community Mental Health Team, Harrow NHS Foundation Trust",
    ))
    assert any("Milford General" in event.agency for event in found), found


def test_a_name_before_a_service_is_not_a_place(events):
    found = counted(events("Rang Dan Whitlow ASC, fed back the visit."))
    assert found and all("Dan Whitlow" not in event.agency for event in found)


def test_local_organisations_are_named_by_their_kind(real_nlp):
    doc = real_nlp(note_doc(real_nlp, Note(
        "N1", "C1", "Rang Pennington Surgery, then emailed Larchway Housing Association. "
        "The surgery will call back.", author="Nadia Rahman",
    )))
    names = {span._.rc_agency for span in doc.spans["rc_agencies"]}
    assert "Pennington Surgery" in names, names
    assert any(name.startswith("Larchway Housing") for name in names), names


def test_a_named_fire_service_is_typed_as_one(real_nlp):
    doc = real_nlp(note_doc(real_nlp, Note(
        "N1", "C1", "Emailed Westvale Fire and Rescue asking for a home safety visit.",
        author="Nadia Rahman",
    )))
    types = {span._.rc_agency: span._.rc_agency_type for span in doc.spans["rc_agencies"]}
    assert types.get("Westvale Fire and Rescue") == "fire and rescue", types


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the recogniser ran the name over a spaced dash, a line break and a bullet
        ("Offered the Lighthouse Centre - Jo agreed to think about it.", "Lighthouse Centre"),
        ("Good progress. MET\n- Housing: on Homefinder, band C.", "Housing (provider not named)"),
        # a saint's possessive is part of the name, though written in lower case
        ("Rang St Oswald's CE Primary about attendance.", "St Oswald's CE Primary"),
    ],
)
def test_an_organisations_name_is_read_whole(real_nlp, text, name):
    doc = real_nlp(note_doc(real_nlp, Note("N1", "C1", text, author="Nadia Rahman")))
    assert [span._.rc_agency for span in doc.spans["rc_agencies"]] == [name]


def test_a_clipped_opening_does_not_reach_the_next_line(events):
    assert counted(events("Good progress. MET\n- Housing: on Homefinder, band C.")) == []
