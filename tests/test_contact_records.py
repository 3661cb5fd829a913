"""Contact events: clipped records of a message sent, and lists of what is still to do.

Each case is one error kind found on the writers' corpus, written afresh: a
message named with its agency ("CQC notification submitted"), a message only
named or offered, the items of a plan list, the route a thing goes by ("via
the GP"), the council's out-of-hours and DoLS teams, and "HV" for a home visit.
"""

from __future__ import annotations

import pytest

from tests.contact_reading import rules_contact_reader

pytestmark = pytest.mark.slow

COUNTED = ("done", "attempted")


@pytest.fixture(scope="module")
def events(real_nlp):
    read = rules_contact_reader(
        real_nlp, ["Tom Reyes"], author="Tom Reyes", author_role="Senior Carer"
    )
    return lambda text, team="Oakdene Lodge Care Home": read(text, team=team)


def counted(found):
    return {(event.agency, event.status, event.direction) for event in found
            if event.status in COUNTED}


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Fell in the lounge at 15:10. CQC notification submitted (serious injury).", "CQC"),
        ("MARAC referral sent this afternoon with her consent.", "MARAC (area not named)"),
        ("Spoke with mum about the worries. Early Help referral done today with her consent.",
         "Children's social care (authority not named)"),
    ],
)
def test_a_message_named_with_its_agency_and_sent_is_a_contact(events, text, agency):
    assert counted(events(text)) == {(agency, "done", "out")}


@pytest.mark.parametrize(
    "text",
    [
        "Decision: MASH referral today - bruising to the face.",
        "Information as per the MASH referral of last week.",
        "IMHA referral offered to him on the ward.",
        "MARAC referral made by the police on Friday.",
        "Recommend a MASH referral and a strategy discussion.",
    ],
)
def test_a_message_only_named_offered_or_sent_by_another_is_not_ours(events, text):
    assert not {agency for agency, *_ in counted(events(text))} & {
        "MASH (authority not named)", "Advocacy service (not named)", "MARAC (area not named)"
    }


def test_every_item_of_a_plan_list_is_planned(events):
    found = events(
        "Seen at home, settled.\n"
        "Plan:\n"
        "1. Joint visit with the district nurse on Monday.\n"
        "2. Letter to the GP about her medication.\n"
        "3. Tell the school, consent given."
    )
    assert counted(found) == set()
    assert {event.status for event in found} == {"planned"}


def test_a_past_record_under_an_actions_heading_was_done(events):
    found = events("Actions:\n- Rang 101 at 11:50, log given.\n- Letter to the GP.")
    assert counted(found) == {("Police (force not named)", "done", "out")}
    assert [e.status for e in found if e.agency.startswith("GP")] == ["planned"]


def test_a_past_verb_of_another_item_does_not_make_an_item_done(events):
    found = events("ACTIONS\n- MARAC referral (high) - sent\n- MASH referral - both children\n"
                   "- IDVA - referral sent")
    assert {agency for agency, *_ in counted(found)} == {
        "MARAC (area not named)", "IDVA service (not named)"
    }
    assert [e.status for e in found if e.agency.startswith("MASH")] == ["planned"]
    found = events("Plan:\n- Home visit Tuesday (consent given)\n"
                   "- Letter to the GP (Canal Street)\n- MDT Weds")
    assert [e.status for e in found if e.agency.startswith("GP")] == ["planned"]


def test_an_item_given_a_reference_number_was_sent(events):
    found = events("Actions:\n- MARAC referral sent 11:30\n"
                   "- Safeguarding concern to ASC ref SGC-26-0831")
    assert ("Adult social care (authority not named)", "done", "out") in counted(found)


@pytest.mark.parametrize(
    "text",
    [
        "Referral to CAMHS to be sent.",
        "Told mum, discharge letter to the GP to follow.",
        "Safeguarding referral to MASH required today.",
    ],
)
def test_a_contact_its_own_clause_says_is_owed_is_planned(events, text):
    found = events(text)
    assert counted(found) == set()
    assert {event.status for event in found} == {"planned"}


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Rang the GP to be told she was on leave.", "GP (practice not named)"),
        ("Spoke to the GP, letter to follow.", "GP (practice not named)"),
        ("Referral to CAMHS sent today.", "CAMHS (service not named)"),
        # what the contact was about owes the thing, not the contact
        ("Email to school re uniform required for Monday.", "School (not named)"),
        ("Meeting with housing re the move to follow.", "Housing (provider not named)"),
        ("Referral to MASH no longer required.", "MASH (authority not named)"),
    ],
)
def test_a_contact_made_before_anything_owed_was_done(events, text, agency):
    assert agency in {name for name, status, _ in counted(events(text)) if status == "done"}


def test_a_meetings_agreed_actions_are_tasks_whatever_their_tense(events):
    found = events("MARAC attended.\nActions agreed:\n- Police: marker placed on the address.\n"
                   "- Housing informed of the risk by the IDVA.")
    assert {e.agency for e in found if e.status in COUNTED} <= {"MARAC (area not named)"}


def test_the_line_after_a_plan_list_is_no_longer_part_of_it(events):
    found = events("Plan:\n- Letter to the GP.\nSpoke to the health visitor at 14:00.")
    assert {agency for agency, *_ in counted(found)} == {"Health visiting (not named)"}


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Rang the emergency duty team at 23:10 and passed on the concern.",
         "Social care (authority not named)"),
        ("Standard authorisation request emailed to the DoLS team today.",
         "Adult social care (authority not named)"),
    ],
)
def test_council_teams_named_by_their_function(events, text, agency):
    assert counted(events(text)) == {(agency, "done", "out")}


@pytest.mark.parametrize(
    "text",
    [
        "Joint HV with Tom from the team. Flat tidy, he was up and dressed.",
        "HV booked Fri 14th at 4pm with mum.",
        "Rang to confirm. HV 14:00 - no answer, curtains closed.",
    ],
)
def test_hv_for_a_home_visit_is_no_health_visitor(events, text):
    assert not [e for e in events(text) if e.agency == "Health visiting (not named)"]


def test_hv_for_a_health_visitor_still_is_one(events):
    found = events("Spoke to the HV this morning about the baby's weight.")
    assert {agency for agency, *_ in counted(found)} == {"Health visiting (not named)"}


@pytest.mark.parametrize(
    "text",
    [
        # the route a thing goes by
        "Vitamin B tablets to be prescribed via the GP.",
        "She found us via a poster at the surgery.",
        # a contact under a condition
        "Told her to ring the police if she sees him near the house again.",
        "If he arrives drunk, staff to ask him to leave and call the police.",
    ],
)
def test_a_route_or_a_condition_is_no_contact_made(events, text):
    assert counted(events(text)) == set()


def test_a_please_on_a_handover_is_a_request_not_a_contact(events):
    found = events("Settled after 2am. Please ask GP to review her pain relief.")
    assert counted(found) == set()
    assert [e.status for e in found] == ["planned"]


@pytest.mark.parametrize(
    "text",
    [
        "Decision: raise a safeguarding concern with Kingsbury ASC today.",
        # the parser takes the label for the subject here
        "Reviewed the week's logs with the team. Decision: raise a safeguarding concern "
        "with Kingsbury ASC today.",
        "Agreed actions:\n- Outcome: refer to CAMHS.",
    ],
)
def test_a_bare_verb_under_a_short_label_is_a_decision_not_a_contact(events, text):
    found = events(text)
    assert counted(found) == set()
    assert [e.status for e in found] == ["planned"]


def test_an_agency_owning_what_was_sent_is_not_who_it_went_to(events):
    # the parser takes "report" for a verb here; a possessive still names whose it is
    text = "I have forwarded my notes from 04/08 and the fire service's Safe and Well report."
    assert counted(events(text)) == set()
    assert counted(events("Emailed the school's DSL the incident log."))


def test_a_list_of_actions_for_someone_mid_line_is_planned(events):
    found = events("Core group. Actions for school: weekly check-in, early help referral.")
    assert counted(found) == set()


def test_a_label_does_not_make_a_recorded_contact_a_decision(events):
    assert counted(events("Update: rang the GP, appointment booked for Friday."))


def test_an_agency_calling_the_person_is_not_our_contact(events):
    assert counted(events("He said the GP had called him last week about his bloods.")) == set()
    assert counted(events("PC Lee rang him on Monday to take a statement.")) == set()
    # a partner visiting the person we support is dealing with us
    assert counted(events("The district nurse visited her at 10:00 and dressed the leg."))


def test_a_professional_named_again_without_their_force_is_one_contact(events):
    text = (
        "Strategy call with PC Dev Amara (Northmoor Police) and the ASC duty worker. "
        "PC Amara confirmed the neighbour was spoken to on Sunday."
    )
    police = [event for event in events(text) if event.agency_type == "police"]
    assert [event.agency for event in police] == ["Northmoor Police"]


def test_two_officers_of_one_surname_at_different_forces_stay_apart():
    from recordcheck.events.merging import one_per_agency
    from recordcheck.model import ContactEvent

    def officer(agency, person):
        return ContactEvent(agency=agency, agency_type="police", start=0, end=5, person=person)

    merged = one_per_agency([
        officer("Northmoor Police", "PC Dev Amara"),
        officer("Eastfield Constabulary", "DS Joy Amara"),
        officer("Police (force not named)", "PC Amara"),
    ])
    assert {event.agency for event in merged} == {
        "Northmoor Police", "Eastfield Constabulary", "Police (force not named)"}


def _event(agency, agency_type, person=""):
    from recordcheck.model import ContactEvent

    return ContactEvent(agency=agency, agency_type=agency_type, start=0, end=5, person=person)


@pytest.mark.parametrize(
    ("events", "agencies"),
    [
        # a council's children's services holds its MASH: one contact, not two rows
        ([("Brackenford Children's Social Care", "mash", "Gemma Hollis"),
          ("MASH (authority not named)", "mash", "")],
         {"Brackenford Children's Social Care"}),
        # "the surgery" in a note naming one health centre is that practice
        ([("Castle Street Health Centre", "health", ""), ("GP (practice not named)", "health", "")],
         {"Castle Street Health Centre"}),
        # every force is a police force
        ([("Thames Valley Police", "police", ""),
          ("Police (force not named)", "police", "PC Walsh")],
         {"Thames Valley Police"}),
        # a hospital is not a GP practice's kind: both stay
        ([("Cowley Road Medical Centre", "health", ""), ("Hospital (not named)", "health", "")],
         {"Cowley Road Medical Centre", "Hospital (not named)"}),
        # two schools of the kind: nothing says which one "the school" was
        ([("Highcross School", "education", ""), ("Oakfield Primary School", "education", ""),
          ("School (not named)", "education", "")],
         {"Highcross School", "Oakfield Primary School", "School (not named)"}),
        # a named agency of another type does not take it
        ([("Westmoor General Hospital", "health", ""), ("Police (force not named)", "police", "")],
         {"Westmoor General Hospital", "Police (force not named)"}),
    ],
)
def test_an_unnamed_kind_is_the_notes_one_named_agency_of_that_kind(events, agencies):
    from recordcheck.events.merging import one_per_agency

    merged = one_per_agency([_event(*event) for event in events], by_kind=True)
    assert {event.agency for event in merged} == agencies
