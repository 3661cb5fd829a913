"""Contact events in clipped log lines and attendance lists (events/log_lines.py).

Written afresh after the misses on writers-dev and writers-fresh: a bare clock time
stamps a line as done, is no verb's subject, and a spaced dash starts a new clause; a
saying or a subject on another line belongs to another record; a meeting's chair is at
it; an attendance list's status is its own, and a full stop ends it.
"""

from __future__ import annotations

import pytest

from tests.contact_reading import rules_contact_reader

pytestmark = pytest.mark.slow

COUNTED = ("done", "attempted")


@pytest.fixture(scope="module")
def events(real_nlp):
    return rules_contact_reader(
        real_nlp, ["Lena Marsh"], author="Lena Marsh", author_role="Registered Manager",
        team="Brookvale Children's Home",
    )


def counted(found):
    return {(event.agency_type, event.status, event.direction) for event in found
            if event.status in COUNTED}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time stamping the line is not the subject of its verb
        ("03:10 rang 101 - car parked opposite again, ref 4471.", ("police", "done", "out")),
        # a noun before a spaced dash is not the subject of the verb after it
        ("Second incident this month - MARAC referral sent.", ("domestic abuse", "done", "out")),
        # a time-stamped item is a record, though the tagger takes its first word for a verb
        ("Today:\n- Reg 40 notification to Ofsted 10:15.\n- Room checked.",
         ("education", "done", "out")),
        # a saying on the next line is another item, not this one's account
        ("Actions:\n- Priya (SW) informed 10:20.\n- Jade told at 12:00 what was said.",
         ("mash", "done", "out")),
    ],
)
def test_clipped_log_lines_record_what_was_done(events, text, expected):
    assert expected in counted(events(text))


@pytest.mark.parametrize(
    "text",
    [
        # a time inside the line is one set for the act, not the time it was done
        "Check with police 14:00 Friday.",
        "Decision: raise a concern with ASC 16:00 today.",
    ],
)
def test_a_time_set_for_an_act_does_not_make_it_done(events, text):
    assert counted(events(text)) == set()


@pytest.mark.parametrize(
    "text",
    [
        # said of a referral, not a referral sent
        "Phoned Dee 18:50 - agreed MASH referral re Kai is urgent.",
        # the referral is what she was told about
        "Rang Kim 09:30 - told her about the referral to children's services for Kai.",
        # the children's subject, shared by the verb joined to theirs
        "Strategy discussion held yesterday. Children identified - Lisa's children, attend "
        "Greenbank Primary.",
        # a subject on one item, its verb on the next
        "Immediate:\n- hospital discharge team today re discharge\n"
        "- Dennis - needs, refer to Locality duty today",
    ],
)
def test_no_contact_where_the_layout_only_seems_to_make_one(events, text):
    assert counted(events(text)) == set()


def test_a_meetings_chair_took_part(events):
    found = events("Core group at school. Maria Lopez SW (chair), mum, Jess Hart (IDVA), me.")
    assert {(e.agency_type, e.direction) for e in found if e.status == "done"} == {
        ("mash", "both"), ("domestic abuse", "both")
    }
    chaired = events("Strategy meeting (Teams), chaired by DI Paul Hurst, Avonshire Police.")
    assert ("Avonshire Police", "done") in {(e.agency, e.status) for e in chaired}


@pytest.mark.parametrize(
    "text",
    [
        "ICPC chaired by Sue Harte (IRO); police gave apologies.",
        "Chaired by Kirsty Hallam SW; apologies from the GP.",
        "Present: Sue Harte (IRO), Kirsty Hallam SW. Apologies: PC Dunn (police), Dr Lee (GP).",
    ],
)
def test_an_attendance_list_ends_before_the_apologies(events, text):
    assert {e.agency_type for e in events(text) if e.status == "done"} <= {"mash"}


def test_an_attendance_list_takes_its_status_from_no_verb_above_it(events):
    found = events(
        "Organisational safeguarding meeting.\nChair: Gareth Hollins (TM). Minutes: Karen Bibby"
        " - full minutes to follow, this is summary for each file.\n"
        "Present: Meera Lal (QA), Helen Okafor (CQC), Dr Faulkner (Millbrook Surgery)."
    )
    assert {(e.agency, e.status) for e in found} == {
        ("CQC", "done"), ("Millbrook Surgery", "done")
    }


def test_a_full_stop_ends_an_attendance_list_on_its_line(events):
    found = events("Present: Anna Bell SW, myself. Mum wants to ring the police herself.")
    assert [e.agency_type for e in found if e.status in COUNTED] == ["mash"]


def test_an_intakes_referrer_referred_the_case_to_us(events):
    found = events(
        "SAFEGUARDING CONCERN\nReferrer: Tom Hale, Tenancy Officer, Larchfield Homes, 01632 "
        "960111.\nConcern: rent arrears, door left open."
    )
    assert ("Larchfield Homes", "done", "in") in {(e.agency, e.status, e.direction) for e in found}
