"""The partner register's rows: one partner under one name, no name made of a person's
job title or of the note's own words (issue 10, "lumping and splitting")."""

from __future__ import annotations

import pytest

from recordcheck.engine import NoteChecker, run
from recordcheck.events.short_names import names_in_full
from recordcheck.model import Note
from tests.contact_reading import rules_contact_reader

STAFF = ["Kim Hart"]


@pytest.fixture(scope="module")
def agencies(real_nlp):
    """The agencies of one note's counted contacts, by a safeguarding practitioner."""
    read = rules_contact_reader(
        real_nlp, STAFF, author="Kim Hart", author_role="Safeguarding Practitioner"
    )
    return lambda text: {e.agency for e in read(text) if e.counts_as_contact}


@pytest.fixture(scope="module")
def case_agencies(real_nlp):
    """The agencies of each note's counted contacts, from one real run over a case's notes."""

    def read(*texts: str) -> list[set[str]]:
        notes = [Note(f"N{i}", "C1", text, date="2025-03-14", author="Kim Hart")
                 for i, text in enumerate(texts)]
        results = run(notes, jobs=1, partners=True, own_service={"names": [], "staff": STAFF},
                      loader=lambda options: NoteChecker.for_pipeline(real_nlp, options))
        return [{c.agency for c in r.contacts if c.counts_as_contact} for r in results]

    return read


@pytest.mark.slow
def test_a_job_title_before_an_organisation_is_no_part_of_its_name(agencies):
    found = agencies("Email sent to Phil Sandys, Regional Manager Brightwater Care Group.")
    assert found == {"Brightwater Care Group"}


@pytest.mark.slow
def test_a_role_in_brackets_is_no_school_named_after_a_place(agencies):
    assert agencies("Rang Mrs Jones (Class Teacher) to share the concern.") == {
        "School (not named)"
    }


@pytest.mark.slow
def test_a_place_before_a_role_still_names_the_school(agencies):
    found = agencies("Emailed Kelsford Park Academy DSL (Mr Paul Nkemelu) with the plan.")
    assert found == {"Kelsford Park Academy"}  # not "Kelsford Park Academy School"


@pytest.mark.slow
def test_the_abbreviation_for_a_call_is_no_part_of_the_name_called(agencies):
    assert agencies("TC Hensworth Home Care - spoke to the manager re missed calls.") == {
        "Hensworth Home Care"
    }


@pytest.mark.slow
def test_a_name_written_short_in_one_note_is_the_fuller_one_of_another(case_agencies):
    first, second = case_agencies(
        "Referred Keith to Wexley Recovery Service today.",
        "Emailed Wexley Recovery with the plan.",
    )
    assert first == second == {"Wexley Recovery Service"}


def test_only_words_of_a_kind_make_a_name_the_fuller_form_of_another():
    named = {
        "health": {"Stourvale General", "Stourvale General Hospital"},
        "mash": {"Oxfordshire Adult Social Care", "Oxfordshire County Council Adult Social Care"},
        "police": {"Westmere Police", "Westmere Police Public Protection Unit"},
        "education": {"Kelsford School", "Kelsford Primary"},
    }
    assert names_in_full(named) == {
        "Stourvale General": "Stourvale General Hospital",
        "Oxfordshire Adult Social Care": "Oxfordshire County Council Adult Social Care",
    }


def test_a_name_two_fuller_ones_could_complete_stays_as_written():
    named = {"other": {"Wexley Recovery", "Wexley Recovery Service", "Wexley Recovery Hub"}}
    assert names_in_full(named) == {}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Present: Daniel Pryce (SP), DC Alison Marsh (Vulnerable Adults Team, Stourvale "
        "Constabulary), Nadia Shah (Harbour & Vale Bank).",
        "TC DC Alison Marsh, Vulnerable Adults Team, Stourvale Constabulary - crime report made.",
    ],
)
def test_a_team_written_before_its_organisation_is_that_organisation(agencies, text):
    assert "Stourvale Constabulary" in agencies(text)
    assert "Vulnerable Adults Team" not in agencies(text)


@pytest.mark.slow
def test_an_initial_ending_a_sentence_is_no_place_before_a_police_mention(case_agencies):
    first, second = case_agencies(
        "Money taken without evidence of benefit to Mr A. Police NFA. Emailed DC Marsh.",
        "Rang DC Marsh at Stourvale Constabulary re the theft.",
    )
    assert "A. Police" not in first | second
    assert first == second == {"Stourvale Constabulary"}


@pytest.mark.slow
def test_a_person_staying_on_a_ward_is_no_professional_of_the_hospital(case_agencies):
    first, second = case_agencies(
        "Visit to Mr Arthur Stebbings, Stourvale General, Ward 12. Spoke to the ward sister.",
        "Phone to Christine - Arthur home 03/07, carers coming.",
    )
    assert second == set()


@pytest.mark.slow
def test_a_ward_manager_is_staff_of_her_ward(agencies):
    found = agencies("Spoke to Charlotte Nye (ward manager, Postnatal Ward) about discharge.")
    assert found == {"Postnatal Ward"}


@pytest.mark.slow
def test_a_contact_being_arranged_is_not_yet_made(real_nlp):
    read = rules_contact_reader(real_nlp, STAFF, author="Kim Hart")
    events = read("A strategy discussion with police is being arranged for today.")
    assert [(e.agency_type, e.status) for e in events] == [("police", "planned")]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Agency decision made 07/10/25, letter to carers to follow.",
        "Rang Carers Centre (Pam) - Dennis was on their waiting list.",
    ],
)
def test_a_kind_of_body_with_no_name_is_no_organisation(agencies, text):
    assert not {"Agency", "Centre"} & agencies(text)
