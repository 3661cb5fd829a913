"""Rows a reviewer found wrong in the partner register (issue 10: "an inspector who finds
one invented contact in the partner register stops trusting the whole pack"): the
author's own service told from a partner sharing its place name, a professional's
service when the note names none, one authority under one name across a case, names
that are no person's."""

from __future__ import annotations

import pytest

from recordcheck.engine import NoteChecker, run
from recordcheck.model import Note
from tests.contact_reading import rules_contact_reader

pytestmark = pytest.mark.slow

CMHT = "Harrowdene Partnership NHS Foundation Trust - Millbrook Community Mental Health Team"
HOSPITAL = "Ashby Vale Hospitals NHS Trust - Integrated Discharge Team, St Aldric's Hospital"
FAMILY_HUB = "Harwick Council Early Help - Brookfield Family Hub"
STAFF = ["Sam Okoro"]


@pytest.fixture(scope="module")
def contacts(real_nlp):
    """The counted contacts of one note, by an author of the team and role given."""
    read = rules_contact_reader(real_nlp, STAFF, author="Sam Okoro")

    def counted(text: str, team: str = "Kettleby Home Care", role: str = "Care Coordinator"):
        return [e for e in read(text, team=team, author_role=role) if e.counts_as_contact]

    return counted


@pytest.fixture(scope="module")
def case_contacts(real_nlp):
    """Each note's counted contacts, from one real run over a case's notes."""

    def read(*texts: str) -> list[list]:
        notes = [Note(f"N{i}", "C1", text, date="2025-03-14", author="Sam Okoro")
                 for i, text in enumerate(texts)]
        results = run(notes, jobs=1, partners=True, own_service={"names": [], "staff": STAFF},
                      loader=lambda options: NoteChecker.for_pipeline(real_nlp, options))
        return [[c for c in r.contacts if c.counts_as_contact] for r in results]

    return read


def test_a_shared_place_name_does_not_make_another_kind_of_service_ones_own(contacts):
    found = contacts("Rang Millbrook Police to report the threats.", team=CMHT, role="CPN")
    assert [(e.agency, e.agency_type) for e in found] == [("Millbrook Police", "police")]
    # the team's own kind is still its own
    assert contacts("Discussed with Millbrook CMHT duty worker.", team=CMHT, role="CPN") == []


def test_a_hospital_safeguarding_lead_refers_to_adult_social_care_as_a_partner(contacts):
    found = contacts("Referral sent to adult social care re concerns about his wife.",
                     team=HOSPITAL, role="Named Professional - Adult Safeguarding")
    assert [e.agency for e in found] == ["Adult social care (authority not named)"]
    # a council's adult safeguarding team writing "adult safeguarding" means its own
    assert contacts("Discussed with adult safeguarding duty.",
                    team="Stourvale County Council - Adult Safeguarding Team",
                    role="Safeguarding Practitioner") == []


def test_a_council_names_no_kind_of_its_teams_services(contacts):
    # a family hub of a council runs a nursery: the council says nothing of which kinds
    assert contacts("Spoke to nursery about Tayla's attendance.", team=FAMILY_HUB,
                    role="Nursery Key Worker") == []


DAY_CENTRE = "Larkhill Day Centre - Brackenshire County Council Adult Day Services"


@pytest.mark.parametrize(
    "text, agency",
    [
        ("PC Sarah Quayle, Brackenshire Police, rang re the missing money.",
         "Brackenshire Police"),
        ("Rang Brackenshire NHS Foundation Trust switchboard for the ward.",
         "Brackenshire NHS Foundation Trust"),
    ],
)
def test_a_council_shares_its_place_name_with_the_countys_police_and_nhs(
    contacts, text, agency
):
    # a council runs neither: sharing "Brackenshire" with the day centre's council does not
    # make them the author's own
    assert [e.agency for e in contacts(text, team=DAY_CENTRE, role="Deputy Manager")] == [agency]


def test_a_council_still_runs_what_its_name_shares(contacts):
    # a council runs care services: its own place name on one is its own ...
    assert contacts("Rang Brackenshire Day Services about transport.", team=DAY_CENTRE,
                    role="Deputy Manager") == []
    # ... and an NHS trust its wards, where the team names no kind but the umbrella
    assert contacts("Rang Harrowdene Partnership NHS Foundation Trust about his notes.",
                    team="Harrowdene Partnership NHS Foundation Trust", role="Nurse") == []


def test_a_cpn_of_no_named_service_is_adult_community_mental_health(contacts):
    found = contacts("Spoke to Dawn Fisher, CPN, about her mood.")
    assert [(e.agency, e.person) for e in found] == [
        ("Community mental health team (not named)", "Dawn Fisher")
    ]


def test_the_people_a_team_serves_are_no_persons_name(contacts):
    found = contacts("Rang Older Adults CMHT duty - no answer.")
    assert [(e.agency, e.person) for e in found] == [
        ("Community mental health team (not named)", "")
    ]


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # the place before a school's role already names the school
        ("Emailed Kelsford Park Academy DSL re attendance.", "Kelsford Park Academy"),
        # a kind's word heading the name is the organisation's own word, not "School"
        ("Emailed Anita Corless (DSL, Brensham Academy) re the meeting.", "Brensham Academy"),
        ("Rang Hartleford Community College to update.", "Hartleford Community College"),
        # a town the recogniser took for a person
        ("Rang Oxford police to report the incident.", "Oxford Police"),
    ],
)
def test_an_organisation_named_by_its_place(contacts, text, agency):
    assert [e.agency for e in contacts(text)] == [agency]


def test_each_local_member_of_a_federation_is_an_organisation_of_its_own(contacts):
    found = [
        contacts(text)[0].agency
        for text in (
            "Referral to the IDVA service (Banbury Women's Aid) for Lorraine.",
            "Referral to the IDVA service (Ashcombe Women's Aid), consent given.",
            "Rang Women's Aid to ask about refuge space.",
        )
    ]
    assert found == ["Banbury Women's Aid", "Ashcombe Women's Aid", "Women's Aid"]


def test_a_town_before_police_is_no_person(contacts):
    (event,) = contacts("Rang Oxford police to report the incident.")
    assert event.person == ""


def test_a_name_after_a_title_before_a_role_is_a_persons_not_a_place(contacts):
    # "Mr Shah DSL" is the school's safeguarding lead, not a "Shah School"
    (event,) = contacts("Call from Mr Shah DSL this morning - Mia absent Weds to Fri.")
    assert event.agency == "School (not named)"


def test_an_officer_called_by_an_initial_is_the_officer_the_note_names(contacts):
    found = contacts(
        "TC PC Ryan Doughty, Wexley Neighbourhood Policing Team (via 101). PC D asked we "
        "don't visit without telling him first - agreed."
    )
    assert [(e.agency, e.agency_type, e.person) for e in found] == [
        ("Wexley Neighbourhood Policing Team", "police", "PC Ryan Doughty")
    ]


def test_a_team_beside_an_officers_title_is_a_police_team(contacts):
    found = contacts("TC DC Paul Kersey, DA Safeguarding Team. Liam bailed to Leeds.")
    assert [(e.agency, e.agency_type) for e in found] == [("DA Safeguarding Team", "police")]


def test_an_unnamed_authority_is_the_one_the_case_names(case_contacts):
    named, unnamed = case_contacts(
        "Safeguarding concern sent to Oxfordshire adult social care by email.",
        "Rang adult social care duty to chase the concern.",
    )
    assert [e.agency for e in named] == ["Oxfordshire Adult Social Care"]
    assert [e.agency for e in unnamed] == ["Oxfordshire Adult Social Care"]


def test_an_unnamed_authority_stays_unnamed_beside_two_or_a_hub(case_contacts):
    *_, unnamed = case_contacts(
        "Safeguarding concern sent to Oxfordshire adult social care by email.",
        "Rang Swindon adult social care about his move.",
        "Rang adult social care duty to chase the concern.",
    )
    assert [e.agency for e in unnamed] == ["Adult social care (authority not named)"]
    *_, unnamed = case_contacts(
        "Concern raised to the Safeguarding Adults Hub by email.",
        "Rang adult social care duty to chase the concern.",
    )
    assert [e.agency for e in unnamed] == ["Adult social care (authority not named)"]
