"""Contacts any writer records that the rules used to miss: a sentence in, its contact rows out."""

from __future__ import annotations

import pytest

from tests.contact_reading import rules_contact_reader

pytestmark = pytest.mark.slow

FOSTERING = ("Harbourlight Fostering - North Team", "Supervising Social Worker")
RECOVERY = ("Northgate Recovery Team", "Recovery Worker")
CHILDREN_LA = "Children's social care (authority not named)"


@pytest.fixture(scope="module")
def events(real_nlp):
    """The note's contact events as (agency, person, status, direction, channel), rules only."""
    read_note = rules_contact_reader(real_nlp, ["Sam Okoro"], author="Sam Okoro")

    def read(text: str, service: tuple[str, str] = RECOVERY, date: str | None = None) -> list:
        team, role = service
        found = read_note(text, date=date, author_role=role, team=team)
        return [(e.agency, e.person, e.status, e.direction, e.channel) for e in found]

    return read


@pytest.mark.parametrize(
    ("text", "agency", "status"),
    [
        ("Rang SW - no answer.", "Social care (authority not named)", "attempted"),
        ("Rang PO \u2014 left msg.", "Probation (service not named)", "attempted"),
        ("Called OM to update.", "Probation (service not named)", "done"),
    ],
)
def test_a_terse_call_to_a_role_alone_is_a_contact(events, text, agency, status):
    assert events(text) == [(agency, "", status, "out", "phone")]


def test_a_dose_by_mouth_is_no_probation_contact(events):
    # the reading above must not make "1g PO" (by mouth) a probation officer
    assert events("Paracetamol 1g PO given at 10:00.") == []


@pytest.mark.parametrize(
    "text",
    [
        "TC Hollybank Surgery - practice nurse Jo Whitlock (resp nurse).",
        "TC Hollybank Surgery (practice manager). Doreen independent at home.",
    ],
)
def test_a_telephone_call_written_tc_is_not_part_of_the_name(events, text):
    rows = events(text)
    assert [(agency, status, direction, channel) for agency, _, status, direction, channel
            in rows] == [("Hollybank Surgery", "done", "out", "phone")]


def test_the_fire_service_written_frs_is_a_partner(events):
    rows = events("FRS (LC) emailed 20/10 - fire at flat Sun 19/10 approx 19:30.")
    assert [(r[0], r[3]) for r in rows] == [("Fire and rescue (not named)", "in")]


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Present: Natalie Grange (LA SW), Karen Boyle (FC), myself.", "both"),
        ("Emailed Michelle Dunmore (LA SW) 12:30 with the log.", "out"),
        # "by email 16/04": the channel and a date, not someone else who told her
        ("Kirsty Barrow (LA SW) informed by email 16/04.", "out"),
    ],
)
def test_the_childs_local_authority_social_worker_is_a_partner_of_a_fostering_agency(
    events, text, direction
):
    rows = events(text, FOSTERING)
    assert [(r[0], r[2], r[3]) for r in rows] == [(CHILDREN_LA, "done", direction)]


def test_an_unnamed_social_worker_stays_the_fostering_social_workers_colleague(events):
    # without "LA" a social worker in a social worker's note may be their own colleague
    assert events("Emailed Gemma Lloyd (SW) 12:30 with the log.", FOSTERING) == []


def test_a_meeting_label_after_a_sentence_on_its_line_heads_its_list(events):
    rows = events(
        "LADO outcome. Meeting held 03/03 - Karen Whitby (LADO), Katie Lowther (PO), RI, "
        "myself.\nPolice NFA.\n"
    )
    probation = [r for r in rows if r[0] == "Probation (service not named)"]
    assert [(r[1], r[2], r[3]) for r in probation] == [("Katie Lowther", "done", "both")]


def test_a_meeting_label_dated_after_the_note_lists_who_is_invited(events):
    rows = events(
        "Club has suspended him. LADO evaluation meeting 21/10 at 14:00 - invite sent to me, "
        "Katie Lowther (PO), club welfare officer, county FA.\n",
        date="2025-10-15",
    )
    assert "Probation (service not named)" not in [r[0] for r in rows]



@pytest.mark.parametrize(
    ("text", "agency", "person"),
    [
        ("Rang Riverside Medical Practice 11:00, msg left for Dr Hewitt.",
         "Riverside Medical Practice", "Dr Hewitt"),
        ("Rang Ashby Road Surgery, spoke to duty GP Dr Okafor who agreed to phone T today.",
         "Ashby Road Surgery", "Dr Okafor"),
    ],
)
def test_the_agency_a_clipped_call_opens_with_is_called_whoever_it_names_next(
    events, text, agency, person
):
    assert [(r[0], r[1], r[3], r[4]) for r in events(text)] == [
        (agency, person, "out", "phone")
    ]


def test_a_person_of_the_agency_still_speaks_for_it_outside_an_opening_call(events):
    # the doctor saw the person at the surgery: no contact of ours with the surgery
    text = "Freya seen by Dr Malik at Ashgrove Surgery on 9/10, GP has referred to CAMHS."
    assert "Ashgrove Surgery" not in [r[0] for r in events(text)]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Arrived 15:30 with SW Gemma Rowntree.", "Gemma Rowntree"),
        ("Brought by SW Chris Dunmore (Westmere UASC team) 16:30.", "Chris Dunmore"),
    ],
)
def test_a_professional_who_brought_the_person_to_us_met_us(events, text, person):
    rows = events(text, ("Alder View Children's Home", "Shift Leader"))
    assert [(r[1], r[2], r[3]) for r in rows] == [(person, "done", "in")]


@pytest.mark.parametrize(
    "text",
    [
        "SW will collect him on Friday.",
        "Police to bring him back after interview.",
        # the police's errand with him, not a handover to us
        "Scott collected belongings with police 24/05.",
    ],
)
def test_a_handover_still_to_come_is_no_contact(events, text):
    assert events(text, ("Alder View Children's Home", "Shift Leader")) == []


def test_a_professional_who_brought_the_person_to_another_agency_did_not_meet_us(events):
    rows = events(
        "ED attendance Eastbridge General 06/12 02:40 - brought in by police, found "
        "intoxicated in town centre.",
        ("Eastbridge Medical Practice", "GP"),
    )
    assert not any("Police" in r[0] for r in rows)


@pytest.mark.parametrize(
    ("text", "agency", "status", "channel"),
    [
        ("Rang Greenway - J last collected Mon 31/3.", "Greenway", "done", "phone"),
        ("Rang Priory Dental 17:40 - closed, left voicemail.", "Priory Dental", "attempted",
         "phone"),
        ("Emailed CIHTT for summary.", "CIHTT", "done", "email"),
        # a name in the brackets is someone who works there
        ("Rang Oakleigh House (Sam, keyworker) re missing protocol.", "Oakleigh House", "done",
         "phone"),
        ("Emailed CPS (Mr D FINCH) - review re evidence-led.", "Crown Prosecution Service",
         "done", "email"),
    ],
)
def test_a_name_nobody_lists_is_the_party_the_writer_called(events, text, agency, status,
                                                             channel):
    assert [(a, s, c) for a, _, s, _, c in events(text)] == [(agency, status, channel)]


@pytest.mark.parametrize(
    "text",
    [
        "Rang Mum to check.",
        "Rang Mr Ferris 09:50.",
        "Emailed TM Ruth KELLY asking for a strat discussion.",
        "Emailed TM re cover.",  # a role written short, not a body
        "Rang Hollins. S/N Becky Hollins says he is fine.",  # a surname, not a pharmacy
        "Police passed the file to CPS for advice.",  # someone else's act
        "Birth cert held by SW Olu Adeyemi. Emailed Olu.",  # his first name
        "Emailed Sam Ellery (tutor) about Monday.",  # a person placed by the brackets
        "Rang Reception to ask.",  # a desk of some body, not which one
        "Emailed Finance re payment.",
    ],
)
def test_a_person_or_another_s_act_is_no_unknown_partner_called(events, text):
    found = {a for a, *_ in events(text)}
    assert not found - {"Police (force not named)", "Social care (authority not named)"}


def test_a_person_the_brackets_place_is_no_organisation_of_their_own_name(events):
    found = events("Emailed Anil Mistry (ASC) this week's call logs as requested.")
    assert [a for a, *_ in found] == ["Adult social care (authority not named)"]


@pytest.mark.parametrize(
    ("text", "agencies"),
    [
        ("Rang Westmere CAMHS single point of access.", {"CAMHS (service not named)"}),
        ("Emailed Southmere online CSE team (DS Marcus HOYLE).", {"Police (force not named)"}),
    ],
)
def test_a_place_before_a_service_is_no_organisation_of_its_own(events, text, agencies):
    assert {a for a, *_ in events(text)} == agencies


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("07:05 rang Westmere Police 101 to say he is back.", "Westmere Police"),
        ("19:05 rang EDT, duty SW Kim - she will contact police and Gemma.",
         "Social care (authority not named)"),
        ("0930 phoned Riverside Surgery re his bloods.", "Riverside Surgery"),
    ],
)
def test_a_log_s_time_stamp_does_not_hide_the_call_it_opens(events, text, agency):
    assert [(a, s, d) for a, _, s, d, _ in events(text)] == [(agency, "done", "out")]


def test_the_writer_s_own_call_mid_sentence_names_its_party(events):
    rows = events("She stayed home today. I rang The Hive to inform (spoke to Jenny, reception).")
    assert [(a, s, c) for a, _, s, _, c in rows] == [("The Hive", "done", "phone")]


@pytest.mark.parametrize(
    "text", ["MARF to MASH \u2013 done 16:35", "MARF sent to MASH 16:10 yesterday"]
)
def test_a_marf_is_a_referral(events, text):
    # the multi-agency referral form is named for the referral it carries
    assert events(text) == [("MASH (authority not named)", "", "done", "out", "referral form")]


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("Young carers referral emailed.", "referral form"),
        ("Rang Carers Centre (Pam) - Dennis was on their waiting list.", "phone"),
    ],
)
def test_a_carers_service_is_a_partner(events, text, channel):
    assert events(text) == [("Carers service (not named)", "", "done", "out", channel)]


@pytest.mark.parametrize(
    "text",
    [
        "Mia is a young carer and looks after mum.",
        "Carers visited at 8am.",
        "Rang Kettleby Home Care office, carers support confirmed extra call.",
    ],
)
def test_a_carer_is_no_carers_service(events, text):
    assert "Carers service (not named)" not in [row[0] for row in events(text)]
