"""Kinds of service the agency lexicon names by their usual UK abbreviations and titles."""

from __future__ import annotations

import pytest

from recordcheck.model import Note
from recordcheck.nlp import note_doc

pytestmark = pytest.mark.slow


def agencies_in(real_nlp, text: str) -> dict[str, str]:
    """Each agency mention's canonical name, with its type."""
    doc = real_nlp(note_doc(real_nlp, Note("N1", "C1", text, author="Nadia Rahman")))
    return {span._.rc_agency: span._.rc_agency_type for span in doc.spans["rc_agencies"]}


MENTAL_HEALTH_TEAM = "Community mental health team (not named)"
MACE = "MACE panel (area not named)"


@pytest.mark.parametrize(
    ("text", "agency", "agency_type"),
    [
        # a home treatment or crisis team is a mental health team
        ("Rang HTT at 14:10 to pass on the risk plan.", MENTAL_HEALTH_TEAM, "mental health"),
        ("Referral to the crisis resolution team by phone.", MENTAL_HEALTH_TEAM, "mental health"),
        ("Spoke to CRHT, they will visit tonight.", MENTAL_HEALTH_TEAM, "mental health"),
        # the child exploitation panel is a multi-agency forum
        ("MACE meeting attended at the civic centre.", MACE, "mash"),
        ("Shared the chronology with the MACE panel ahead of Thursday.", MACE, "mash"),
    ],
)
def test_a_kind_of_service_named_by_its_usual_title(real_nlp, text, agency, agency_type):
    found = agencies_in(real_nlp, text)
    assert found.get(agency) == agency_type, found


def test_mace_alone_is_not_the_panel(real_nlp):
    found = agencies_in(real_nlp, "He threatened her with mace, police called.")
    assert MACE not in found, found


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # the recogniser runs a hospital's name into the date or time after it
        ("Update: G admitted to Wharfeside General 02/11 via ambulance.", "Wharfeside General"),
        ("Mum admitted to Kingsbury Infirmary 14.03.25, ward informed.", "Kingsbury Infirmary"),
    ],
)
def test_a_hospital_is_named_without_the_date_after_it(real_nlp, text, agency):
    found = agencies_in(real_nlp, text)
    assert found.get(agency) == "health", found
    assert not any(any(ch.isdigit() for ch in name) for name in found), found


def test_general_alone_names_no_organisation(real_nlp):
    assert agencies_in(real_nlp, "General update: mum is settled and eating well.") == {}


def test_cafcass_by_its_name(real_nlp):
    assert agencies_in(real_nlp, "Rang CAFCASS duty line to ask for the hearing date.") == {
        "Cafcass": "other"
    }


@pytest.mark.parametrize(
    "text",
    [
        # a reviewer's sentences: a school or a social worker calls a family carer so
        "Letter sent home to the children's guardian (Nan) about Kayden's attendance.",
        "Rang Grandad, the children's guardian, to let him know Mia had a temperature.",
        "Nan is now his special guardian and is coping well.",
    ],
)
def test_a_childrens_guardian_may_be_family_so_is_not_cafcass(real_nlp, text):
    assert agencies_in(real_nlp, text) == {}


@pytest.mark.parametrize(
    ("name", "agency_type"),
    [
        # the regulator is read before health: not "mental health" inside "environmental"
        ("Brackenshire Council Environmental Health", "regulator"),
        ("Harwick Trading Standards", "regulator"),
        ("Millbrook CMHT", "mental health"),
        # a kind's word inside a compound or an acronym still tells it (a reviewer's)
        ("Oakfield Schools Trust", "education"),
        ("Harwick Preschool", "education"),
        ("Lloydspharmacy", "health"),
        ("OPCMHT", "mental health"),
        ("Oakwood Polyclinic", "health"),
        ("Kestrel Vale Housing", "housing"),
        # but an umbrella's word inside another is not that umbrella's
        ("Scarborough Rugby Club", "other"),
    ],
)
def test_an_organisations_type_is_told_by_its_words(name, agency_type):
    from recordcheck.language.agencies import load_lexicon

    assert load_lexicon().type_of_organisation(name) == agency_type
