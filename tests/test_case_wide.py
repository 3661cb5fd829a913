"""The case-wide pass: a professional named alone in one note is filed under the agency
another note of the same case gives them; an unnamed force is the case's one named force."""

from __future__ import annotations

from dataclasses import replace

import pytest

from recordcheck.case_model import CaseClues, KnownProfessional
from recordcheck.engine import NoteChecker, run
from recordcheck.events.case_names import family_names
from recordcheck.events.case_wide import across_cases
from recordcheck.model import ChronologyEvent, ContactEvent, Note, NoteResult

STAFF = ["Kim Hart"]


def note(note_id: str, case_id: str, text: str, author: str = "Kim Hart") -> Note:
    return Note(note_id, case_id, text, date="2025-03-14", author=author)


@pytest.fixture(scope="module")
def contacts(real_nlp):
    """Each note's contacts, by note id, from one real run over the notes given."""

    def read(*notes: Note) -> dict[str, list[ContactEvent]]:
        results = run(
            notes,
            jobs=1,
            partners=True,
            loader=lambda options: NoteChecker.for_pipeline(real_nlp, options),
            own_service={"names": [], "staff": STAFF},
        )
        return {r.note.note_id: [c for c in r.contacts if c.counts_as_contact] for r in results}

    return read


def second_notes_contact(contacts, first: str, second: str) -> ContactEvent:
    """The one contact the second note of a two-note case records."""
    found = contacts(note("N1", "C1", first), note("N2", "C1", second))
    (event,) = found["N2"]
    return event


@pytest.mark.slow
def test_a_first_name_alone_takes_the_agency_another_note_gives_it(contacts):
    event = second_notes_contact(
        contacts,
        "Home visit. Jess (health visitor) was also present.",
        "Rang Jess, she will visit Friday to weigh the baby.",
    )
    assert event.agency_type == "health"
    assert "Health visiting" in event.agency
    assert (event.person, event.role) == ("Jess", "health visitor")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("first", "second", "agency"),
    [
        # a surname alone takes the agency a titled mention gives it
        (
            "Strategy discussion with DS Dawson (CID) about the disclosure.",
            "Rang Dawson back about the interview date.",
            "Police (force not named)",
        ),
        # a first name the recogniser does not take for a name, the full name elsewhere
        (
            "Present: Rachel Oyelaran (SW, Calderbrook Children's Social Care), me.",
            "Home visit, baby well. Updated Rachel by email.",
            "Calderbrook Children's Social Care",
        ),
        # "the police" is the one force the case names
        (
            "Thames Valley Police attended the address on Friday night.",
            "Rang the police to report the threats.",
            "Thames Valley Police",
        ),
        # and stays unnamed when the case names two
        (
            "Thames Valley Police and West Mercia Police shared information.",
            "Rang the police to report the threats.",
            "Police (force not named)",
        ),
        # a force's name written short is the force
        (
            "Home visit, all well.",
            "Rang Thames Valley Pol. to report the threats.",
            "Thames Valley Police",
        ),
    ],
)
def test_agencies_the_case_file_names(contacts, first, second, agency):
    assert second_notes_contact(contacts, first, second).agency == agency


@pytest.mark.slow
@pytest.mark.parametrize(
    "other_note",
    [
        # two Jesses at two agencies: which one was rung cannot be told
        "PC Jess Brown (police) rang about the incident last night.",
        # a family member of that name
        "Her sister Jess was there and helped with the shopping.",
    ],
)
def test_a_name_the_case_gives_two_people_is_no_contact(contacts, other_note):
    found = contacts(
        note("N1", "C1", "Home visit. Jess (health visitor) was also present."),
        note("N2", "C1", other_note),
        note("N3", "C1", "Rang Jess, no answer."),
    )
    assert found["N3"] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("second", "author"),
    [
        ("Jess is on leave until Monday.", "Kim Hart"),  # a name alone, no contact
        ("Rang Jess about the visit.", "Jess Moore"),  # the author is never a partner
    ],
)
def test_no_contact_from_a_name_alone(contacts, second, author):
    found = contacts(
        note("N1", "C1", "Home visit. Jess (health visitor) was also present.", author=author),
        note("N2", "C1", second, author=author),
    )
    assert found["N2"] == []


def _result(
    note_id: str, case_id: str, *, knows: str = "", rang: str = "", at: str = "health"
) -> NoteResult:
    agency = {"health": "Health visiting (not named)", "police": "Police (force not named)"}[at]
    professionals = (KnownProfessional(knows, agency, at, "HV"),) if knows else ()
    waiting = (ContactEvent("", "", 0, len(rang), person=rang),) if rang else ()
    return NoteResult(
        note=note(note_id, case_id, f"{rang} {knows}"),
        case_clues=CaseClues(professionals=professionals, waiting=waiting),
    )


def test_cases_are_joined_whatever_order_their_notes_arrive_in():
    """Notes of two cases interleaved: input order is kept, each case learns only from its
    own notes, and knowing the case sizes (to let each case go as soon as it is in)
    changes nothing."""
    results = [
        _result("A1", "A", rang="Jess"),
        _result("B1", "B", rang="Jess"),
        _result("A2", "A", knows="Jess"),
        _result("B2", "B", knows="Jess Brown"),
        _result("B3", "B", knows="PC Jess Smith", at="police"),
    ]
    streamed = list(across_cases(results, {"A": 2, "B": 3}))
    held = list(across_cases(results))
    assert streamed == held
    assert [r.note.note_id for r in streamed] == ["A1", "B1", "A2", "B2", "B3"]
    assert [c.agency for c in streamed[0].contacts] == ["Health visiting (not named)"]
    assert streamed[1].contacts == ()  # two Jesses at two agencies in case B
    assert all(r.case_clues is None for r in streamed)


def test_a_case_goes_on_as_soon_as_all_its_notes_are_in():
    seen = []

    def arriving():
        for result in [_result("A1", "A", rang="Jess"), _result("A2", "A", knows="Jess")]:
            seen.append(result.note.note_id)
            yield result
        seen.append("end")
        yield _result("B1", "B")

    stream = across_cases(arriving(), {"A": 2, "B": 1})
    next(stream)
    assert seen == ["A1", "A2"]


@pytest.mark.slow
def test_the_case_never_makes_a_partner_of_the_notes_own_service(real_nlp):
    """ "Jess (HV)" in a social worker's note; "Rang Jess" in the health visitors' own note
    is a colleague, whatever the other note says."""
    notes = [
        Note("N1", "C1", "Home visit. Jess (health visitor) was also present.",
             date="2025-03-14", author="Kim Hart", team="Children's Social Care"),
        Note("N2", "C1", "Rang Jess about the weigh-in.", date="2025-03-15",
             author="Amy Cole", author_role="Health Visitor", team="Health Visiting Team"),
    ]
    results = run(
        notes, jobs=1, partners=True,
        loader=lambda options: NoteChecker.for_pipeline(real_nlp, options),
    )
    assert [r.contacts for r in results if r.note.note_id == "N2"] == [()]


@pytest.mark.slow
def test_a_social_worker_a_social_care_note_names_alone_is_no_partner_of_the_case(contacts):
    found = contacts(
        Note("N1", "C1", "Strategy meeting. Present: Tom Price (SW), PC Jo Lane.",
             date="2025-03-14", author="Kim Hart", team="Children's Social Care"),
        Note("N2", "C1", "Spoke to Tom about the plan.", date="2025-03-15",
             author="Kim Hart", team="Children's Social Care"),
    )
    assert found["N2"] == []


def test_a_note_with_no_case_goes_on_at_once():
    seen = []

    def arriving():
        for result in [_result("X1", ""), _result("A1", "A", rang="Jess")]:
            seen.append(result.note.note_id)
            yield result

    assert next(across_cases(arriving())).note.note_id == "X1"
    assert seen == ["X1"]


def test_the_chronology_takes_the_cases_one_force_even_when_no_contact_changes():
    unnamed = "Police (force not named)"
    event = ChronologyEvent("incident", 0, 5, "Police attended", agencies=(unnamed,))
    results = [
        NoteResult(note=note("A1", "A", "Police attended"), events=(event,),
                   case_clues=CaseClues()),
        NoteResult(note=note("A2", "A", "x"), case_clues=CaseClues(
            named_agencies=(("Thames Valley Police", "police"),))),
    ]
    first = next(across_cases(results))
    assert first.events[0].agencies == ("Thames Valley Police",)


def test_the_chronology_names_no_agency_that_is_the_authors_own_service():
    # "Agreed s47 enquiry, single agency (CSC) with police sharing intelligence."
    own, police = "Children's social care (authority not named)", "Thames Valley Police"
    event = ChronologyEvent("decision", 0, 5, "Agreed s47 enquiry", agencies=(own, police))
    written = Note("A1", "A", "Agreed s47 enquiry", author="Kim Hart",
                   team="Children's Social Care Assessment Team")
    by_someone_else = replace(written, note_id="B1", case_id="B", team="Adult Social Care")
    results = [
        NoteResult(note=written, events=(event,), case_clues=CaseClues()),
        NoteResult(note=by_someone_else, events=(event,), case_clues=CaseClues()),
    ]
    first, second = across_cases(results)
    assert first.events[0].agencies == (police,)
    assert second.events[0].agencies == (own, police)


def test_family_names_are_read_from_relations():
    assert family_names("Spoke to her sister Jess and Connor Hale (dad).") >= {
        "jess", "connor", "hale"
    }
    assert family_names("Alfie Brennan (11 wks) seen with Mel Hutchins (HV).") == {
        "alfie", "brennan"
    }


@pytest.mark.slow
def test_the_organisation_a_case_gives_the_author_is_their_own_service(contacts):
    """ "Present: Kim Hart (Cherwell Homes)" tells the case whom Kim works for, so Kim's
    call to Cherwell Homes repairs is no partner contact; another author's is."""
    found = contacts(
        note("N1", "C1", "Meeting at the flat. Present: Mr Boateng, Kim Hart (Cherwell "
             "Homes), PC Jo Lane (Thames Valley Police)."),
        note("N2", "C1", "Rang Cherwell Homes repairs and gave them his mobile number."),
        note("N3", "C1", "Rang Cherwell Homes repairs and gave them his mobile number.",
             author="Amy Cole"),
    )
    assert [c.agency for c in found["N1"]] == ["Thames Valley Police"]
    assert found["N2"] == []
    assert [c.agency for c in found["N3"]] == ["Cherwell Homes"]


def test_an_author_known_by_one_word_names_no_employer():
    results = [
        NoteResult(
            note=note("A1", "A", "Rang Cherwell Homes.", author="Kim"),
            contacts=(ContactEvent("Cherwell Homes", "housing", 0, 4),),
            case_clues=CaseClues(
                professionals=(KnownProfessional("Kim", "Cherwell Homes", "housing"),)
            ),
        )
    ]
    (result,) = across_cases(results)
    assert [c.agency for c in result.contacts] == ["Cherwell Homes"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("first", "second", "agency"),
    [
        # the case names the organisation in full with its kind; a note writes it short
        (
            "Came today with her support worker from Lanterns Women's Centre (Becky Hall).",
            "Rang Becky (Lanterns) to arrange the visit.",
            "Lanterns Women's Centre",
        ),
        (
            "Moved to 3 Linden Terrace, managed by Stepway Trust.",
            "Approved, he moves 01/04. Stepway informed.",
            "Stepway Trust",
        ),
    ],
)
def test_an_organisation_written_short_is_the_one_the_case_names_in_full(
    contacts, first, second, agency
):
    assert second_notes_contact(contacts, first, second).agency == agency


@pytest.mark.slow
@pytest.mark.parametrize(
    "first",
    [
        # two organisations begin with the word: which one cannot be told
        "Lanterns Women's Centre and Lanterns Housing Trust both support her.",
        # named after its town: "Kelsford" alone is the town
        "Kelsford Police attended on Friday.",
        # no organisation of that name in the case
        "Home visit, all well.",
    ],
)
def test_a_short_name_that_is_not_one_organisations_is_no_contact(contacts, first):
    found = contacts(note("N1", "C1", first), note("N2", "C1", "Stepway informed. Rang Lanterns."))
    # "Stepway" is no contact; the organisation the writer rang stays as written, not guessed
    # to be one the case names in full (partners/called.py)
    assert [(e.agency, e.agency_type) for e in found["N2"]] == [("Lanterns", "other")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("first", "second"),
    [
        # what the organisation did by itself: a care round, not a contact with the writer
        ("Care package starts Monday with Brightwell Care.", "Brightwell first call 17:00 today."),
        # a thing the clause talks about, not the contact it records
        (
            "Letter received from Pennant Housing about the inspection.",
            "We talked about the letter from Pennant (inspection 20/10).",
        ),
    ],
)
def test_a_short_name_is_read_only_in_a_contact_the_writer_made(contacts, first, second):
    found = contacts(note("N1", "C1", first), note("N2", "C1", second))
    assert found["N2"] == []


@pytest.mark.slow
def test_the_unnamed_school_of_a_note_is_the_one_it_writes_short(contacts):
    event = second_notes_contact(
        contacts,
        "Report sent to Thornfield School.",
        "Attended CIN meeting at Thornfield: Chantelle, Mr Bains (school), me.",
    )
    assert (event.agency, event.person) == ("Thornfield School", "Mr Bains")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("first", "second", "agency"),
    [
        # a role written straight after the name, in another note of the case
        ("Present at the review: Gemma Rowntree SW.", "Emailed Gemma.", "Social care"),
        ("Emailed Katie Lowther PO with the dates.", "Emails w Katie Lowther.", "Probation"),
    ],
)
def test_a_name_another_note_writes_with_its_role_after_it(contacts, first, second, agency):
    event = second_notes_contact(contacts, first, second)
    assert event.agency.startswith(agency)


@pytest.mark.slow
def test_a_midwife_named_alone_is_not_the_notes_health_centre(contacts):
    found = contacts(
        note("N1", "C1", "Rang Rachel Dunn midwife - informed, she is seeing Shannon Tues."),
        note("N2", "C1", "Consent signed for Millfield Health Centre. Emailed Rachel."),
    )
    assert "Millfield Health Centre" not in {event.agency for event in found["N2"]}


@pytest.mark.slow
def test_the_force_the_case_gives_an_officer_wins_over_the_notes_one_force(contacts):
    found = contacts(
        note("N1", "C1", "Strategy meeting. Present: DC Fran Ackroyd, Westmere Police."),
        note(
            "N2",
            "C1",
            "Lacey reported missing to Caxton Police at 22:10. "
            "Later emailed DC Fran Ackroyd with the update.",
        ),
    )
    officer = [event for event in found["N2"] if event.person == "DC Fran Ackroyd"]
    assert [event.agency for event in officer] == ["Westmere Police"]


def test_a_relation_in_a_list_is_the_next_persons_not_the_one_before():
    # "aunt Leanne": Leanne is the aunt; Kieran Molloy, before the comma, is not
    assert family_names("Present: Kieran Molloy, aunt Leanne, Darren Pryce (YJS).") == {"leanne"}
    assert family_names("Present: Lacey, Gemma, mum by phone (5 mins).") == set()
    assert family_names("Seen with Jess, sister, at home.") == {"jess"}


def test_a_relation_with_a_word_before_it_is_still_family():
    assert family_names("HV to Sharon Mellor (paternal aunt, SG for Tyler) today.") == {
        "sharon", "mellor"
    }
    assert family_names("Dean Platt (step-dad) answered.") == {"dean", "platt"}
    assert family_names("Seen with Jess, older sister, at home.") == {"jess"}
    # a qualifier alone, or before a word that is no relation, says nothing
    assert family_names("Kim Lee (older adults team) rang.") == set()
    assert family_names("Mel Hutchins (little ones' nursery) rang.") == set()
    # a relative's relative, however described, is family (a second reviewer's sentences)
    assert family_names("Jo Reed (mum's partner) was present.") == {"jo", "reed"}
    assert family_names("Dean Platt (mum's new partner) answered.") == {"dean", "platt"}
    assert family_names("Gemma Hale (mum by phone) joined.") == {"gemma", "hale"}
    # known limitation, pinned: a relative's professional is read as family too, so that
    # name's contacts are lost across the case (a missing row, not a wrong one)
    assert family_names("Tom Hill (older child's SW) attended the core group.") == {
        "tom", "hill"
    }


@pytest.mark.slow
def test_a_family_member_the_case_names_is_no_professional_anywhere_in_it(contacts):
    """ "HV Sharon and Tyler" (a home visit) reads Sharon as a health visitor; another note
    of the case says she is the child's aunt, so no note's "Rang Sharon" is a contact."""
    found = contacts(
        note("N1", "C1", "HV to Sharon Mellor (paternal aunt, SG for Tyler) at home."),
        note("N2", "C1", "HV Sharon and Tyler. Both in. Tyler calmer this week."),
        note("N3", "C1", "Rang Sharon 09.10, Tyler not home last night."),
    )
    assert [e.agency for events in found.values() for e in events] == []


@pytest.mark.slow
def test_an_initial_and_surname_are_the_professional_the_case_names_in_full(contacts):
    event = second_notes_contact(
        contacts,
        "Strategy discussion. Present: Natalie Brook (CSC Assessment Team 2), myself.",
        "Also sent S47 info to N Brook today.",
    )
    assert (event.person, event.agency) == ("Natalie Brook", "CSC Assessment Team 2")


@pytest.mark.slow
@pytest.mark.parametrize("order", [(0, 1, 2), (1, 0, 2), (2, 1, 0)])
def test_a_social_worker_said_more_closely_in_one_note_is_one_partner(contacts, order):
    # "Martin Ebbs SW" falls back to social care of no kind; beside the IRO he is children's
    # social care's: one person, so "Emailed Martin" in a third note is his
    texts = [
        "Visit with Martin Ebbs SW to see Aaron at home.",
        "LAC review. Present: Aaron, Martin Ebbs SW, IRO Sandra Pike, myself.",
        "Emailed Martin about the comment Aaron made.",
    ]
    found = contacts(*[note(f"N{index}", "C1", texts[index]) for index in order])
    assert [(c.agency, c.person) for c in found["N2"]] == [
        ("Children's social care (authority not named)", "Martin Ebbs")
    ]


def test_every_note_of_a_long_case_learns_from_its_last_note():
    """A case file of hundreds of notes, each naming Jess alone: each learns her agency from
    the one note that gives it, and none does when the last note gives her a second one
    (the case's answer for a name is worked out once, but only once every note is in)."""
    ringing = [_result(f"A{n}", "A", rang="Jess") for n in range(300)]
    one_agency = list(across_cases([*ringing, _result("A-known", "A", knows="Jess")]))
    assert all(
        [c.agency for c in r.contacts] == ["Health visiting (not named)"]
        for r in one_agency[:300]
    )
    two_agencies = [
        *ringing,
        _result("A-known", "A", knows="Jess"),
        _result("A-police", "A", knows="Jess", at="police"),
    ]
    assert all(r.contacts == () for r in across_cases(two_agencies))
