"""An agency named with its person in brackets: a note in, its contact rows out
(events/bracketed_subjects.py)."""

from __future__ import annotations

import pytest

from tests.contact_reading import rules_contact_reader

pytestmark = pytest.mark.slow

SCHOOL = ("Larkspur Hill School - Safeguarding & Family Support", "Designated Safeguarding Lead")


@pytest.fixture(scope="module")
def rows(real_nlp):
    """The note's counted and planned contacts as (agency, status, direction), rules only."""
    read_note = rules_contact_reader(real_nlp, ["Rachel Okonjo"], author="Rachel Okonjo")

    def read(text: str, service: tuple[str, str] = SCHOOL) -> list:
        team, role = service
        return [(e.agency, e.status, e.direction)
                for e in read_note(text, author_role=role, team=team)]

    return read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GP (Dr Farooq, Harbour Lane) informed by secure email.",
         [("GP (practice not named)", "done", "out")]),
        ("GP (Dr Nkemelu, Moorside Medical Practice) informed by task/email re weight loss.",
         [("Moorside Medical Practice", "done", "out")]),
        ("HV for Mia (Riverside 0-19, HV Claire Dunmore) informed by phone 13:45.",
         [("Health visiting (not named)", "done", "out")]),
    ],
)
def test_the_agency_opening_a_record_with_its_person_in_brackets_is_the_party(
    rows, text, expected
):
    # ("Mia" of "HV for Mia (Riverside 0-19, ...)" is read as a person of "Riverside", as
    # before: a reading of names this change leaves alone)
    assert set(expected) <= set(rows(text))


@pytest.mark.parametrize(
    "text",
    [
        "Mum (with Dr Farooq) rang the office.",  # mum's call
        "Mum said the GP (Dr Shah) rang her.",  # what mum says
        "GP (Dr Farooq) not informed yet.",  # negated
        "GP (Dr Farooq) to be informed tomorrow.",  # a plan, never counted
        "GP (Dr Farooq, Harbour Lane) saw him last week.",  # the GP's own work with him
        "GP (Dr Farooq, Harbour Lane) prescribed sertraline in 2021.",  # history
        "If worse, GP (Dr Farooq) informed.",  # a condition
        "GP (Dr Farooq, Harbour Lane) informed by mum at her appointment.",  # someone else told
        "GP (Dr Farooq) informed by the hospital of the discharge.",  # not our contact
        "GP (Dr Farooq) needs to be informed.",  # not done
    ],
)
def test_a_person_in_an_agencys_brackets_makes_no_contact_of_another_act(rows, text):
    assert [row for row in rows(text) if row[1] != "planned"] == []


def test_a_role_in_the_agencys_brackets_is_no_second_partner(rows):
    found = rows("Front Door (Sharon, screening SW) rang 11:40. Police stopped Ryan Doyle.")
    assert found == [("MASH (authority not named)", "done", "in")]


# A labelled list ("Present:") read before the parser ends at a dash between spaces and at


def test_an_agency_joined_to_family_at_the_opening_is_still_the_party(rows):
    assert ("GP (practice not named)", "done", "out") in rows(
        "Mum and GP (Dr Farooq) informed by letter.")
