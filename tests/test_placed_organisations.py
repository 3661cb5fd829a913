"""Local organisations named without a word of their kind, placed by the note's layout
(partners/placed.py): "Kerry Jarvis (Safe Harbour)", "project worker Grange Lodge"."""

from __future__ import annotations

import pytest

from recordcheck.engine import NoteChecker, run
from recordcheck.model import ContactEvent, Note
from recordcheck.nlp import note_doc

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def read(counted_contacts):
    return counted_contacts


@pytest.fixture(scope="module")
def agencies(real_nlp):
    def marked(text: str) -> set[str]:
        doc = real_nlp(note_doc(real_nlp, Note("N1", "C1", text)))
        return {span._.rc_agency for span in doc.spans["rc_agencies"]}

    return marked


@pytest.mark.parametrize(
    ("text", "agency", "direction"),
    [
        ("Call from Kerry Jarvis (Safe Harbour) - she will visit Friday.", "Safe Harbour", "in"),
        (
            "Tel from Bev Sutcliffe, project worker Grange Lodge 01632 960662, 09.05.",
            "Grange Lodge",
            "in",
        ),
        ("Rang Jo Pike (Larchwood manager) about the fall.", "Larchwood", "out"),
        ("Emailed Tasha Greenwood (BrightShift) with the rota.", "BrightShift", "out"),
        ("Call from Holmwood (Mr Bray) about his attendance.", "Holmwood", "in"),
        ("Handover sent to Cedar Lodge SW (Jess Ormond) today.", "Cedar Lodge", "out"),
    ],
)
def test_an_organisation_the_layout_places_is_the_partner(read, text, agency, direction):
    found = [c for c in read(text) if c.agency == agency]
    assert len(found) == 1, read(text)
    assert found[0].direction == direction
    assert found[0].status == "done"


def test_the_person_it_follows_works_there(read):
    (contact,) = read("Call from Kerry Jarvis (Safe Harbour) - she will visit Friday.")
    assert contact.person == "Kerry Jarvis"


@pytest.mark.parametrize(
    ("text", "not_an_organisation"),
    [
        ("Rang daughter Karen Moss (Leeds) to update her.", "Leeds"),
        ("Mr Sharif (Pashto) interpreted for the visit.", "Pashto"),
        ("Night staff informed of the fall.", "Night"),
        ("Present: PC Walsh, SW Femi, Oakleigh manager.", "Femi"),
        ("Tracey Bell (Finance, Brackenridge Care Trust) emailed.", "Finance"),
        ("Asked the GP and the Parkinson's nurse to review.", "Parkinson"),
        ("Spoke to Gemma (Teams) about the plan.", "Teams"),
        ("Kitchen (Lorraine) given a copy of the plan.", "Kitchen"),
        ("J Pryce CPN", "Pryce"),
        ("Phoned Mrs Hollins (Deputy Head) - left message.", "Deputy Head"),
        ("Rang Tom Reed (Acting Head) about the exclusion.", "Acting Head"),
        ("Spoke to Ann Lee (Interim Director) about funding.", "Interim Director"),
        ("Emailed Raj Patel (Chief Executive) the letter.", "Chief Executive"),
        ("Rang Jo Pike (Landlord) about repairs.", "Landlord"),
        ("Rang Sue Bell (Childminder) re pick-up.", "Childminder"),
        ("Met Liam Ford (Appropriate Adult) at custody.", "Appropriate Adult"),
        ("Rang Tom Hill (Alleged Perpetrator) - no answer.", "Alleged Perpetrator"),
        ("Call from Mo Ali (Imam) re mum.", "Imam"),
        ("Spoke to Tom Smith (Deceased) family.", "Deceased"),
        ("Call from Leo Price (Deaf) via text relay.", "Deaf"),
        ("Mum gave Oramorph PO as prescribed.", "Oramorph"),
        ("Staff gave Lactulose PO.", "Lactulose"),
        ("Antibiotics for Acute OM started. Rang school.", "Acute"),
        ("Moved from Hackney SW to Croydon.", "Hackney"),
    ],
)
def test_people_places_languages_and_departments_are_not_organisations(
    agencies, text, not_an_organisation
):
    assert not_an_organisation not in agencies(text)


def test_the_authors_own_service_placed_so_is_no_partner(read):
    text = "Call from Sam Hill (Grange Lodge) about Mick's rent."
    assert read(text, team="Grange Lodge Supported Housing") == []


@pytest.fixture(scope="module")
def case_contacts(real_nlp):
    """Each note's contacts, by note id, from one real run over a case's notes."""

    def read(*texts: str) -> dict[str, list[ContactEvent]]:
        notes = [
            Note(f"N{number}", "C1", text, date="2025-03-14", author="Kim Hart")
            for number, text in enumerate(texts, start=1)
        ]
        results = run(
            notes,
            jobs=1,
            partners=True,
            loader=lambda options: NoteChecker.for_pipeline(real_nlp, options),
            own_service={"names": [], "staff": ["Kim Hart"]},
        )
        return {r.note.note_id: [c for c in r.contacts if c.counts_as_contact] for r in results}

    return read


def test_an_organisation_placed_in_one_note_is_the_bare_name_in_another(case_contacts):
    found = case_contacts(
        "Present: Kerry Jarvis (Safe Harbour), Shannon, me.",
        "Rang Safe Harbour to ask about the outreach space.",
    )
    assert [c.agency for c in found["N2"]] == ["Safe Harbour"]


def test_a_placed_short_name_is_the_organisation_the_case_names_in_full(case_contacts):
    found = case_contacts(
        "Referral sent to Merrowfield Homes about the repairs.",
        "Call from Carl Benning (Merrowfield) about the boiler.",
    )
    assert [c.agency for c in found["N2"]] == ["Merrowfield Homes"]


def test_a_professional_placed_short_and_in_full_works_for_the_one_organisation(case_contacts):
    found = case_contacts(
        "Present: Neil Patterson (Greystone Housing), Carl Bentley (ASC), me.",
        "Neil Patterson (Greystone) met us at the flat.",
        "Call from Neil Patterson - boiler fixed.",
    )
    assert [c.agency for c in found["N3"]] == ["Greystone Housing"]
