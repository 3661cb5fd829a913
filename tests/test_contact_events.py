"""Contact events: a mention is a contact only when the author's service dealt with the agency."""

from __future__ import annotations

import pytest

from tests.contact_reading import rules_contact_reader

pytestmark = pytest.mark.slow

NURSING_TEAM = "Wexcombe Community Health NHS Trust - Northgate District Nursing Team"


@pytest.fixture(scope="module")
def events(real_nlp):
    """The contact events of one note, for a service whose staff are Jodie Fairclough and
    Sam Okoro."""
    read = rules_contact_reader(real_nlp, ["Jodie Fairclough", "Sam Okoro"], author="Sam Okoro")
    return lambda text, team="", role="", note_type="": read(
        text, team=team, author_role=role, note_type=note_type
    )


def one(found):
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "She says she won't involve the police.",
        "She does not want the police involved at the moment.",
        "Has been like that since school.",
        "She was in hospital last year after a fall.",
        "Police to visit Mrs A tomorrow.",
        "If he turns up again she will ring 101.",
        "Mum said she had rung the police.",
    ],
)
def test_mentions_that_are_not_contacts(events, text):
    assert events(text) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("I'll phone the safeguarding duty desk at the MASH tomorrow.", "planned"),
        ("Will chase the GP about the prescription.", "planned"),
        ("Rang the GP - no answer, left a message.", "attempted"),
        ("Rang the GP and booked an appointment for Friday.", "done"),
    ],
)
def test_status_of_the_writers_own_contacts(events, text, status):
    assert one(events(text)).status == status


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Emailed the GP the wound photos.", "out"),
        ("PC Lee rang to say the caution had been issued.", "in"),
        ("Call from PC Lee this morning.", "in"),
        ("Strategy discussion with the police today.", "both"),
    ],
)
def test_direction(events, text, direction):
    assert one(events(text)).direction == direction


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        # "Tel" for telephoned, in clinical shorthand
        ("Tel Eastbridge Integrated Front Door 01632 960200 at 12:40.", "out"),
        ("Tel from Tom Akers, SW, Eastfield Children's Services (Assessment Team).", "in"),
        ("Tel GP re meds.", "out"),
        # a numbered list item, and a role's participle between the call and the one called
        ("2. Rang Eastbridge Front Door 13:00, spoke to Kim (consultation line).", "out"),
        ("Rang allocated SW Hannah Quayle (CSC Assessment Team 1) 09:45 about the bruise.", "out"),
    ],
)
def test_clipped_records_of_a_call_are_contacts(events, text, direction):
    event = one(events(text))
    assert (event.status, event.direction) == ("done", direction)


@pytest.mark.parametrize(
    "text",
    [
        # "asked" is the writer's next act, not a description of the school
        "Rang mum, asked her to ring the school.",
        # a role's participle after a comma or an "and" is the writer's next act too
        "Rang mum, named the GP as her emergency contact.",
        "Rang mum and named the GP as her emergency contact.",
        "Phoned mum, linked her to Women's Aid.",
    ],
)
def test_a_participle_that_is_another_act_still_ends_a_clipped_opening(events, text):
    assert events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # "tel" after a name, or heading a number, labels contact details: no call
        "Larch Surgery tel 0161 555 0101.",
        "Health visitor Jo Bright tel 07700 900123.",
        "Allocated SW: Hannah Quayle, Northgate CSC, tel 01632 960123.",
        "Police tel 101 given to her.",
        "Tel: 0161 555 0101 (Larch Surgery).",
        "Tel no. for the Housing Options team given to her.",
        "Tel numbers of Women's Aid and the police given.",
        "Phone number for the GP given to mum.",
        "2. Phone number for the GP given to mum.",
    ],
)
def test_contact_details_are_no_call(events, text):
    assert events(text) == []


def test_everyone_listed_as_present_at_a_meeting_took_part(events):
    found = events(
        "Present: PC Jenny Ashford (Kent Police), Hannah Cole (midwife), Mel Hutchins (HV)."
    )
    assert {e.agency for e in found} == {
        "Kent Police", "Midwifery (not named)", "Health visiting (not named)"
    }
    assert {e.direction for e in found} == {"both"}


def test_the_authors_own_service_and_colleagues_are_never_partners(events):
    assert events("Discussed with the district nurses on the team.", team=NURSING_TEAM) == []
    assert events("Spoke to Jodie Fairclough about the rota.") == []
    [health_visitor] = events("Rang the health visitor about the baby.", team=NURSING_TEAM)
    assert health_visitor.agency == "Health visiting (not named)"


def test_someone_known_only_by_a_job_title_of_no_agency_is_no_partner(events):
    assert events("Told Marcus (key worker) about the fall.") == []
    [school] = events("Told Marcus (key worker) and rang the school.")
    assert school.agency == "School (not named)"


def test_a_social_worker_of_no_named_authority_is_a_colleague_in_social_cares_notes(events):
    text = "Present: DC Amy Roe (Kent Police), Tom Price (SW)."
    social_care = "Wexcombe Council - Children's Social Care, Duty Team"
    assert {e.agency for e in events(text, team=social_care)} == {"Kent Police"}
    assert {e.agency for e in events(text, team=NURSING_TEAM)} == {
        "Kent Police", "Social care (authority not named)"
    }


def test_repeated_mentions_of_one_agency_are_one_event(events):
    found = events("Rang the GP, no answer. Rang the GP again at 2pm and spoke to Dr Shah.")
    assert one(found).status == "done"


def test_the_partners_reply_is_the_outcome(events):
    event = one(events("Referral sent to the MASH. The MASH confirmed it will be RAG rated today."))
    assert event.outcome.startswith("The MASH confirmed")
    assert one(events("Referral sent to the MASH.")).outcome == ""
    # a contact that came in: what the partner told us is its result
    assert one(events("PC Lee rang to say the caution had been issued.")).outcome


@pytest.mark.parametrize(
    "text",
    [
        # a second verb shares the first one's "will"
        "Will look at the file and ask PC Barnes whether there is a marker on the address.",
        # a modal: what may be done
        "I could email the school the new care plan.",
        "The health visitor should be told about the weight loss.",
        # consent or agreement to a contact still to be made
        "Consent signed by both parents for sharing with the nursery and the GP.",
        "Grandad agreed to me talking to the housing officer about the damp.",
    ],
)
def test_contacts_still_to_be_made_are_planned(events, text):
    assert {e.status for e in events(text)} == {"planned"}


@pytest.mark.parametrize(
    "text",
    [
        "Emailed Hillside Surgery the referral, with his consent.",
        "Referred to the falls service - Mr Obi agreed.",
        "Rang the GP and asked for a review.",
    ],
)
def test_contacts_made_with_consent_are_done(events, text):
    assert {e.status for e in events(text)} == {"done"}


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Hillside Surgery informed of the fall.", "out"),
        ("Housing officer notified 14:10.", "out"),
        ("PC Barnes informed me that the caution was issued.", "in"),
        ("The housing officer was notified by phone.", "out"),
        # the one who made the contact, after "by": they referred to us
        ("Referred by Dr Aaron Mistry, Riverside Medical Centre, following a letter.", "in"),
    ],
)
def test_a_partner_before_a_verb_of_telling_was_told(events, text, direction):
    assert one(events(text)).direction == direction


def test_a_referral_by_a_partner_to_someone_else_is_not_ours(events):
    assert events("He was referred to SALT by the GP last year.") == []


def test_what_counts_as_the_partners_reply(events):
    # our own telling, and the person we support speaking, are not the partner's reply
    assert one(events("Hillside Surgery informed. Mr Obi said he was relieved.")).outcome == ""
    booked = one(events("Rang Hillside Surgery about the rash. Appointment booked for Friday."))
    assert booked.outcome.startswith("Appointment booked")
    replied = one(events("Emailed the housing officer about the damp. Reply: survey on Monday."))
    assert replied.outcome.startswith("Reply")
    # a call that came in: the account that follows is what came of it
    assert one(events("Call from PC Barnes. The son has been arrested and bailed.")).outcome


@pytest.mark.parametrize(
    "text",
    [
        "Call from PC Barnes.\nWHO INFORMED:",  # a heading waiting for what follows
        "Call from Kestrel Pharmacy. 4.",  # a piece the parser cut off
    ],
)
def test_a_piece_of_a_line_is_no_outcome(events, text):
    assert one(events(text)).outcome == ""


def test_a_label_closing_the_outcome_is_left_off(events):
    found = events("Call from Hillside Surgery. Dr Obi will visit on Friday.\nApologies:")
    assert one(found).outcome == "Dr Obi will visit on Friday."


def test_a_meetings_outcome_is_what_it_agreed(events):
    found = events(
        "Joint visit with Anil Mistry (ASC). Edith seen in her bedroom; Gary present throughout."
        " Gary said he can't afford the shopping. Agreed shopping delivery to be set up."
    )
    assert one(found).outcome == "Agreed shopping delivery to be set up."
    # nothing agreed: the account that follows is what came of it, as before
    assert one(events("Call from PC Barnes. The son has been arrested.")).outcome.startswith(
        "The son has been arrested"
    )


def test_each_attendee_has_the_channel_their_own_item_gives(events):
    found = events(
        "Review of visiting plan. Attended: Daniel, Sam Reid (advocate), PC Patel (TVP) by"
        " phone for first 10 min, me.",
        note_type="Review",
    )
    channels = {e.role or e.agency: e.channel for e in found}
    assert channels == {"advocate": "meeting", "PC": "phone"}
    teams = events(
        "Strategy meeting on MS Teams. Present: DS Connor (police), Lucy Brennan (HV), me."
    )
    assert {e.channel for e in teams} == {"video call"}


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("Strategy discussion (Teams). Present: DS Connor (police), Lucy Brennan (HV), me.",
         "video call"),
        ("Transfer meeting via Zoom with Ashcombe Women's Aid IDVA (Lucy Brannagan).",
         "video call"),
        # teams of people, not the platform
        ("Met both teams at Riverside Surgery to agree the plan.", "meeting"),
        # the police's written notice of a concern is a form, not a call
        ("Concern received from Thames Valley Police (PPN from PC Owen Fraser).",
         "referral form"),
    ],
)
def test_the_channel_is_what_the_words_name(events, text, channel):
    assert {e.channel for e in events(text)} == {channel}


@pytest.mark.parametrize(
    ("text", "direction", "status"),
    [
        # the agency right before "rang" rang us, though the parser makes it the object
        ("Kestrel Pharmacy rang (Amrit, pharmacist) - blister packs not collected.", "in",
         "done"),
        # "tried" belongs to the school's staff, not to the call
        ("School rang 10.50 to come and get him as he bit the TA when they tried to take him"
         " into assembly.", "in", "done"),
        # a clipped call after a dash, in the writer's voice throughout
        ("Decided not to go to Riverside today - rang Riverside Day Opportunities 09:10,"
         " spoke to Mags.", "out", "done"),
        # a clipped opening sending to the partner stays ours whatever came in after
        ("Email to Helen Okafor, CQC Inspector - shared QA findings + 2 more concerns"
         " received 07/02.", "out", "done"),
        # the parser makes "concern" the one who spoke: a thing recorded tells nothing
        ("Safeguarding concern made to Bucks ASC by phone, spoke to duty worker Anil"
         " Mistry.", "out", "done"),
        # the visit's "no answer" is not the surgery's
        ("Home visit 10:00, no answer - rang Hillside Surgery to check.", "out", "done"),
        ("Tried to ring Hillside Surgery.", "out", "attempted"),
        ("Will try to ring Hillside Surgery tomorrow.", "out", "planned"),
    ],
)
def test_who_called_whom_and_whether_it_got_through(events, text, direction, status):
    event = one(events(text))
    assert (event.direction, event.status) == (direction, status)


def test_a_call_after_a_dash_may_be_the_one_named_before_it(events):
    # the neighbour may have rung police: not read as the writer's call
    assert events("Neighbour heard shouting - rang police at 02:10.") == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Spoke to SW Gemma RILEY re the placement.", "Gemma RILEY"),
        ("Email from DS Marcus HALE (CID) re the interview.", "DS Marcus HALE"),
        ("Referral from Brensham Academy - DSL Mrs Anita CORLESS.", "Mrs Anita CORLESS"),
        # an agency's acronym after a full name is no surname
        ("Spoke to DS Mike Connor CAIU re the interview.", "DS Mike Connor"),
    ],
)
def test_a_surname_in_capitals_after_a_first_name_is_part_of_the_name(events, text, person):
    assert one(events(text)).person == person


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Rang Riverside Surgery 09:10, spoke to the receptionist.", "09:10"),
        ("21:52 Reported to Westmere Police via 101, ref WP-0773.", "21:52"),
        ("School (Marlbridge Academy, Yr 7) rang 13:30 - he threw pens.", "13:30"),
        # the time is another thing's: after the contact's clause ends, or two of them
        ("Tel from Whinmoor Unit (nurse Carol) - Gary due for admission 10am.", ""),
        ("Rang Marsh Lane Medical Practice, they fitted her in 16:00.", ""),
        ("Rang the GP at 2pm, appt booked for 4.30pm.", ""),
    ],
)
def test_a_contact_has_the_clock_time_its_own_clause_gives(events, text, time):
    assert one(events(text)).time == time


def test_an_unnamed_mention_of_a_named_pharmacy_is_that_pharmacy(events):
    found = events("Rang Brookside Pharmacy about the blister pack. The pharmacist checked it.")
    assert one(found).agency == "Brookside Pharmacy"


def test_the_rules_files_service_table_keeps_the_organisation_out_of_the_register(tmp_path):
    import json

    from click.testing import CliRunner

    from recordcheck.cli import main

    rules = tmp_path / "rules.toml"
    rules.write_text('[service]\nnames = ["Kestrel Vale Housing"]\nstaff = ["Dawn Ashcroft"]\n')
    notes = tmp_path / "notes.csv"
    notes.write_text(
        "note_id,case_id,date,time,author,note_type,text\n"
        '1,C1,2025-01-01,10:00,A,Case Note,"Rang Kestrel Vale Housing and spoke to Dawn '
        'Ashcroft. Emailed the GP about the fall."\n'
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["audit", str(notes), "--out", str(out), "-q",
                                       "--rules", str(rules), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    [checked] = json.loads((out / "report.json").read_text())["results"]
    assert [c["agency"] for c in checked["contacts"]] == ["GP (practice not named)"]


def test_a_colleague_who_goes_by_a_title_is_no_partner(real_nlp):
    """In a GP practice the authors are "Dr Tom Ashworth" and "Dr Priya Sandhu": "Dr Ashworth
    made aware" and "Dr S" are the practice's own doctors; another practice's "Dr Shah" and a
    police officer who shares a colleague's surname ("PC Sandhu") are partners still."""
    read = rules_contact_reader(
        real_nlp, ["Dr Tom Ashworth", "Dr Priya Sandhu"], author="Dr Priya Sandhu",
        author_role="Salaried GP", team="Thornleigh Medical Practice",
    )

    def agencies(text: str) -> set[str]:
        return {e.agency for e in read(text)}

    assert agencies("Discussed with Dr Ashworth, who agreed the plan.") == set()
    assert agencies("Rang Dr S to update her on the bloods.") == set()
    assert agencies("Rang Dr Shah at Oakfield Surgery to update her on the bloods.") == {
        "Oakfield Surgery"
    }
    assert agencies("PC Sandhu rang to say the caution had been issued.") != set()
    # a doctor who shares a colleague's surname but not her first name is someone else's
    assert agencies("Rang Dr Sarah Ashworth at Oakfield Surgery re bloods.") == {
        "Oakfield Surgery"
    }


def test_a_name_the_recogniser_took_with_its_role_for_an_organisation_is_a_person(events):
    # the entity recogniser reads "Gemma Rowntree (SW" as one organisation
    event = one(events("Spoke with Gemma Rowntree (SW, Westmere CSC) about the episode."))
    assert (event.person, event.agency) == ("Gemma Rowntree", "Westmere Children's Social Care")


def test_a_fellow_author_the_note_places_in_another_organisation_is_a_partner(real_nlp):
    """A record several organisations write in: Aisha Karim writes notes of the case too,
    but this note places her in adult social care and its own author in the housing
    provider; a housing officer beside the author stays a colleague."""
    staff = ["Sarah Lindqvist", "Aisha Karim", "Gemma Pryce"]
    read = rules_contact_reader(real_nlp, staff, author="Sarah Lindqvist")

    def agencies(text: str) -> set[str]:
        return {e.agency for e in read(text)}

    meeting = "Present: Mr Boateng, Sarah Lindqvist (Cherwell Homes), {other}."
    assert agencies(meeting.format(other="Aisha Karim (ASC)")) == {
        "Adult social care (authority not named)"
    }
    assert agencies(meeting.format(other="Gemma Pryce (housing officer)")) == set()
    # without the note saying where its own author works, a fellow author is a colleague
    assert agencies("Present: Mr Boateng, Aisha Karim (ASC).") == set()


@pytest.fixture(scope="module")
def team_events(real_nlp):
    """Contact events of a note by a children's home team whose staff the export lists."""
    team = "Harbour Lights Children's Home"
    staff = ["Ryan Cole", "Dawn Pike", "Gail Ashby", "Sam Okoro"]
    read = rules_contact_reader(
        real_nlp, staff, staff_by_team={team: staff}, author="Sam Okoro", team=team,
        note_type="Case note",
    )
    return lambda text: [(e.agency, e.status, e.direction) for e in read(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ryan rang Harlow Vale EDT at 19:45 and spoke to the duty SW.",
         [("Social care (authority not named)", "done", "out")]),
        ("CSC informed by Dawn at 14:10.",
         [("Children's social care (authority not named)", "done", "out")]),
    ],
)
def test_a_colleagues_contact_is_the_writers_services(team_events, text, expected):
    assert team_events(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Her sister Dawn rang the police last night.",  # family, whatever their name
        "Dental GA booked at Kingsmere General Hospital.",  # an anaesthetic, not Gail Ashby
    ],
)
def test_a_name_that_only_looks_like_a_colleagues_makes_no_contact_of_ours(team_events, text):
    assert team_events(text) == []
