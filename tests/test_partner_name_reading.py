"""Whose partner a contact is, as the note's grammar names it: the organisation a person
works for rather than the department written before it, a school's full name with its
saint, a surname rather than a place, a home address rather than an organisation, and
clinical shorthand rather than a name (recording standard, "Contact events": Identity;
places only mentioned are no partners)."""

from __future__ import annotations

import pytest

from tests.contact_reading import rules_contact_reader

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def agencies(real_nlp):
    """The agencies of one note's counted contacts, by a leaving care personal adviser."""
    read = rules_contact_reader(
        real_nlp, ["Kim Hart"], author="Kim Hart", author_role="Personal Adviser",
        team="Castlebridge City Council - Leaving Care Team",
    )
    return lambda text, **fields: {e.agency for e in read(text, **fields) if e.counts_as_contact}


def test_a_department_before_its_organisation_is_no_partner_of_its_own(agencies):
    found = agencies("Email from Jo Whitlam, Student Support, Kelsford College - Kyle enrolled.")
    assert found == {"Kelsford College"}
    # an organisation in its own right before its funder is where the person works
    found = agencies("Call from Sam Reed, Oakfield Trust, Castlebridge Council - tenancy worker.")
    assert found == {"Oakfield Trust"}


def test_a_school_named_after_a_saint_keeps_the_saint(agencies):
    assert agencies(
        "Call from Amina Shah, School Nurse, St Aidan's Catholic High School."
    ) >= {"St Aidan's Catholic High School"}
    assert agencies(
        "Emailed Mr Daniel Ferris (DSL) and Mrs Kaur (Y7 pastoral), St Aldhelm's C of E "
        "Academy, with Claire's consent."
    ) == {"St Aldhelm's C of E Academy"}


def test_a_surname_after_an_initial_makes_no_school(agencies):
    found = agencies("Present: N Greer SW, DC Mensah, F Raine DSL, myself.")
    assert "Raine School" not in found
    assert "School (not named)" in found


def test_a_home_address_is_no_partner(agencies):
    assert agencies("Visit to Kyle at his flat, 3 Larch Court, Fernside Road.") == set()


def test_clinical_shorthand_is_no_ones_name(agencies):
    team = "Ashcombe Reablement and Occupational Therapy Service"
    assert agencies("OT Ax on return home (met hosp transport).", team=team) == set()


def test_an_areas_0_19_service_is_one_named_partner(agencies):
    found = agencies("Tel call from Claire Dunmore, Health Visitor (Eastbridge 0-19 Service).")
    assert found == {"Eastbridge 0-19 Service"}
