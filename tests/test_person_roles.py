"""A role's abbreviation read as a person by the grammar ("SW says likely CIN", "emailed
PO"), never in its other sense ("paracetamol 1g PO"); names the recogniser misses before
a role ("Emailed Katie Lowther PO"); and a social worker of no named authority is the
note's one social care service."""

from __future__ import annotations

import pytest

from recordcheck.events.contacts import contacts_for
from recordcheck.events.merging import one_per_agency
from recordcheck.model import ContactEvent, Note
from recordcheck.nlp import note_doc

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def contacts(real_nlp):
    def read(text: str):
        note = Note("N1", "C1", text, author="Kim Hart", team="Eastfield Recovery Service")
        return [c for c in contacts_for(real_nlp(note_doc(real_nlp, note))) if c.counts_as_contact]

    return read


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("SW says likely CIN.", "Social care (authority not named)"),
        ("Emailed PO to let her know.", "Probation (service not named)"),
        ("DRR finished, letter from PO rec'd.", "Probation (service not named)"),
        ("VLO informed by email today.", "Victim liaison (not named)"),
        ("Call from Darren Pryce (YJS) about the panel.", "Youth justice service (not named)"),
    ],
)
def test_a_roles_abbreviation_the_grammar_makes_a_person_is_a_contact(contacts, text, agency):
    assert [c.agency for c in contacts(text)] == [agency]


@pytest.mark.parametrize(
    "text",
    [
        "Paracetamol 1g PO QDS given.",
        "Give 10mg PO at night.",
        "Took tablets PO with water.",
        "Given 10mg PO.",
        "Passed to Priya for SW.",
        "Lives in SW London with her aunt.",
    ],
)
def test_an_abbreviation_in_its_other_sense_is_no_contact(contacts, text):
    assert contacts(text) == []


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        ("Emailed Katie Lowther PO with the dates.", "Katie Lowther", "PO"),
        ("Emailed PO Katie Lowther with the dates.", "Katie Lowther", "PO"),
        ("Rang Lauren Daly SW 10:15 re mark on wrist.", "Lauren Daly", "SW"),
        ("Call from Sandra Pryce (VLO) this morning.", "Sandra Pryce", "VLO"),
    ],
)
def test_a_name_written_beside_a_role_is_that_roles_person(contacts, text, person, role):
    (contact,) = contacts(text)
    assert (contact.person, contact.role) == (person, role)


def test_a_person_told_that_a_role_will_act_is_not_that_roles_person(contacts):
    assert contacts("Explained to Jade SW has to share this.") == []


def _event(agency: str, agency_type: str = "mash", person: str = "") -> ContactEvent:
    return ContactEvent(
        agency=agency, agency_type=agency_type, start=0, end=1, person=person, status="done"
    )


def test_a_social_worker_of_no_named_authority_is_the_notes_one_social_care_service():
    events = [
        _event("Social care (authority not named)", person="Priya Chandran"),
        _event("Adult social care (authority not named)"),
    ]
    (merged,) = one_per_agency(events, by_kind=True)
    assert merged.agency == "Adult social care (authority not named)"
    assert merged.person == "Priya Chandran"


def test_a_social_worker_is_not_filed_under_a_hub_beside_her():
    events = [
        _event("Social care (authority not named)", person="Priya Nair"),
        _event("MASH (authority not named)"),
    ]
    assert len(one_per_agency(events, by_kind=True)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Phone call to Mark Delaney, Care Coordinator, Castlebridge North CMHT, 0113 496 0904.",
        "Rang Jo Pike, Care Coordinator, about the review.",
    ],
)
def test_a_capitalised_job_title_is_no_organisation(contacts, text):
    # the recogniser tags "Care Coordinator" ORG; it is the CMHT worker's role
    assert [c.agency for c in contacts(text)] == ["Community mental health team (not named)"]
