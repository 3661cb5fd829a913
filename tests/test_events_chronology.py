"""rc_chronology with the real pipeline: which words record a significant event, and when."""

from __future__ import annotations

import pytest

from recordcheck.engine import NoteChecker, PipelineOptions
from recordcheck.model import Note
from tests.chronology_reading import FRIDAY, events_in, only

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "No marks or injuries seen.",
        "Injuries: none.",
        "If she falls again, call 999.",
        "Plan: refer to MARAC if the risk increases.",
        "He fell asleep on the sofa after tea.",
        "Kieran kicked off at tea time.",
        "Has a history of self-harm.",
        "She said nobody touched her.",
        "Family visit this pm re the bruising.",
        "Gave Mum the \"Falls Prevention\" leaflet.",
        "Police to visit tomorrow.",
        "He pushed the bowl off the table.",
        "Pulled a face at the thickened squash and pushed it away.",
        "Cigarette burn marks on the carpet.",
        "Raised a safeguarding alert re the choking incident.",
        # what was passed on or weighed, under a label, is not a new event
        "Shared: DASH score + the two previous strangulation incidents she disclosed.",
        "Criteria: DASH 17, strangulation, threats to kill.",
        "Info shared by IDVA: DASH 17, sanctuary in progress, children's presentation.",
        # a record the writer passed on is a contact with whom it went to, not a new risk
        "Shared DASH, incident history and contact details with the MARAC coordinator.",
        "MARAC referral submitted for the 24/04 meeting.",
        "Emailed the completed DASH to the MARAC coordinator.",
        # a condition with no verb to carry it
        "If any plan/intent or injury - A&E / crisis line.",
        # court words that are no arrest or restraint
        "Power of arrest attached.",
        "Restraining order to be considered at sentence.",
        # "to" is both joined verbs': the stepping down is to come
        "CIN review 03/06 - CSC likely to close to CIN & step down to Early Help, cl agrees.",
        # the case's history, by the year (the note is of 2025)
        "Police checks with TVP: two DA call-outs to the address in 2024.",
        # the items of a list under a plan heading of its own
        "Phoned her.\nActions:\n- MARAC referral today\n- GP - cl to book",
        "Sacral wound improving, healthy granulation.",
    ],
)
def test_what_is_not_a_significant_event(real_nlp, text):
    assert events_in(real_nlp, text) == ()


def test_a_night_note_keeps_the_time_the_text_gives(real_nlp):
    event = only(events_in(real_nlp, "Night check. At 02:30 she fell in the bathroom.",
                           time="06:00"))
    assert event.kind == "harm"
    assert (event.date, event.time) == (FRIDAY, "02:30")


def test_a_disclosure_is_dated_when_it_was_made(real_nlp):
    text = "Home visit. She told me that her dad hit her with a belt last night."
    event = only(events_in(real_nlp, text))
    assert event.kind == "disclosure"
    assert event.summary == "She told me that her dad hit her with a belt last night."
    # "last night" dates the hitting, not the telling
    assert (event.date, event.time) == (FRIDAY, "10:00")
    told_yesterday = only(events_in(real_nlp, "Yesterday she disclosed that he touched her."))
    assert (told_yesterday.kind, told_yesterday.date) == ("disclosure", "2025-03-13")


def test_a_childs_own_words_in_quotes_are_a_disclosure_with_its_source(real_nlp):
    text = 'When her teacher asked, Zofia said "tata hit me with the slipper".'
    event = only(events_in(real_nlp, text))
    assert (event.kind, event.source) == ("disclosure", "Zofia")


def test_a_decision_from_a_strategy_discussion(real_nlp):
    text = (
        "Strategy discussion held this afternoon. "
        "Agreed joint s47, CP medical for Zofia today, joint visit after school."
    )
    event = only(events_in(real_nlp, text))
    assert event.kind == "decision"
    assert event.summary.startswith("Agreed joint s47")


def test_a_negative_decision_is_still_a_decision(real_nlp):
    event = only(events_in(real_nlp, "ASC will not open a s42 for Mr Pritchard."))
    assert event.kind == "decision"


def test_relative_days_and_the_source_of_an_incident(real_nlp):
    event = only(events_in(real_nlp, "PC Shah reported that Mum was arrested on Saturday."))
    assert event.kind == "incident"
    assert event.source == "PC Shah"
    assert (event.date, event.time) == ("2025-03-08", None)  # the Saturday before Friday 14th


def test_a_change_in_risk(real_nlp):
    event = only(events_in(real_nlp, "DASH completed with Becky, score 17. MARAC referral sent."))
    assert event.kind == "risk"


def test_the_audit_pipeline_fills_events_and_the_check_pipeline_does_not(real_nlp):
    note = Note("N1", "C1", "Noticed a bruise on his arm. Body map completed.", date=FRIDAY)
    audit = NoteChecker.for_pipeline(real_nlp, PipelineOptions(partners=True))
    (checked,) = audit.check([note], batch_size=8)
    (event,) = checked.events
    assert (event.kind, event.outcome) == ("harm", "Body map completed")
    plain = NoteChecker.for_pipeline(real_nlp, PipelineOptions())
    assert plain.check([note], batch_size=8)[0].events == ()


def test_harm_a_person_says_was_done_to_them_is_a_disclosure(real_nlp):
    event = only(events_in(real_nlp, "Lorraine said Steve had strangled her once in January."))
    assert (event.kind, event.source) == ("disclosure", "Lorraine")


def test_an_offence_named_in_court_is_a_decision_not_harm(real_nlp):
    text = "Dean pleaded NG at Crown Court yest to non-fatal strangulation."
    event = only(events_in(real_nlp, text))
    assert (event.kind, event.date) == ("decision", "2025-03-13")


def test_a_thing_aimed_at_someone_is_harm(real_nlp):
    # "pushed it away" is the cup; pushed into a person's face, harm
    assert only(events_in(real_nlp, "He pushed it into her face.")).kind == "harm"


def test_cuts_as_a_noun_are_harm(real_nlp):
    event = only(events_in(real_nlp, "Checked her arm - 4 new cuts L forearm, superficial."))
    assert event.kind == "harm"
    assert events_in(real_nlp, "His benefit cuts started this month.") == ()


def test_a_heading_line_dates_the_event_told_after_it(real_nlp):
    text = (
        "Referral received from Westmere Police via secure email.\n"
        "Incident 11/01/25 approx 21:30 at her home address.\n"
        "Ex-partner attended, kicked the back door in, grabbed her by the throat in the kitchen."
    )
    event = only(events_in(real_nlp, text, date="2025-01-13"))
    assert event.kind == "harm"
    assert (event.date, event.time) == ("2025-01-11", "21:30")
    assert event.source == "Westmere Police"


def test_a_time_written_with_a_full_stop_dates_the_event(real_nlp):
    event = only(events_in(real_nlp, "Waited with him. Ambulance arrived 10.20 and took him in."))
    assert (event.kind, event.time) == ("incident", "10:20")


def test_a_date_that_dates_something_else_is_not_the_events(real_nlp):
    since = only(events_in(real_nlp, "First seizure since 12/01."))
    assert since.date == FRIDAY
    aside = only(events_in(
        real_nlp, "Callum pleaded guilty to robbery (Riverside Park 22/11/24, knife shown)."
    ))
    assert (aside.kind, aside.date) == ("decision", FRIDAY)


def test_the_offence_someone_was_arrested_for_is_no_new_harm(real_nlp):
    text = "Her partner Steve Doyle was arrested for assault and bailed."
    event = only(events_in(real_nlp, text))
    assert event.kind == "incident"


def test_a_line_that_dates_something_else_does_not_date_the_next_event(real_nlp):
    text = "Sent text. No reply by 17:00.\nHe punched her in the face."
    assert only(events_in(real_nlp, text)).time == "10:00"


def test_a_decision_passed_on_under_a_label_is_still_a_decision(real_nlp):
    text = "Rang the hub. Advice: doesn't meet threshold for a concern on what we know."
    assert only(events_in(real_nlp, text)).kind == "decision"


def test_an_item_under_actions_that_records_what_was_done_is_no_plan(real_nlp):
    text = "Saw her alone.\nActions:\n- rang 101 at 11:00, police attended\n- GP to review"
    event = only(events_in(real_nlp, text))
    assert (event.kind, event.time) == ("incident", "11:00")


def test_history_a_person_tells_now_is_not_left_out_as_history(real_nlp):
    text = "Previous ED attendance 2023 with wrist fracture - she now says that Roy hit her."
    assert len(events_in(real_nlp, text)) == 1


def test_a_sentence_passed_by_a_court_is_a_decision(real_nlp):
    text = "Sentence: 12 wk custody suspended 18 months, restraining order 5 years."
    assert only(events_in(real_nlp, text)).kind == "decision"


def test_an_order_granted_is_a_decision_whatever_its_terms(real_nlp):
    text = "NMO granted without notice by DJ Cartwright - not to come within 100m of the house."
    assert only(events_in(real_nlp, text)).kind == "decision"


def test_a_breach_of_bail_is_an_incident(real_nlp):
    text = "Dean has been texting her sister asking to talk - this is a breach of bail."
    assert only(events_in(real_nlp, text)).kind == "incident"


def test_a_decision_heading_alone_on_its_line_heads_the_decision_after_it(real_nlp):
    text = "Views shared.\nDecision:\n1. Further S47 enquiries - risk re-assessed as HIGH."
    event = only(events_in(real_nlp, text))
    assert event.kind == "decision"
    assert event.summary == "Further S47 enquiries - risk re-assessed as HIGH."
    # the writer's decision, though the note came from the police
    called = only(events_in(real_nlp, "Call from PC Shah.\nDecision:\nS47 enquiries agreed."))
    assert (called.kind, called.source) == ("decision", "")


@pytest.mark.parametrize(
    "text", ["Decision:\nActions:\n- MARAC referral today", "Decision:\nNext steps:\n- SW to visit"]
)
def test_a_heading_after_a_decision_heading_ends_it(real_nlp, text):
    assert events_in(real_nlp, text) == ()


def test_a_time_in_four_figures_dates_the_event_and_is_no_year_of_history(real_nlp):
    event = only(events_in(real_nlp, "Mum was assaulted by her partner at 1945 outside the flat.",
                           time="21:00"))
    assert (event.kind, event.date, event.time) == ("harm", FRIDAY, "19:45")


def test_a_harm_dated_without_a_year_is_the_last_such_day_before_the_note(real_nlp):
    text = "Fell in the kitchen on 01/06, bruising to her arm."
    event = only(events_in(real_nlp, text, date="2025-01-10"))
    assert (event.kind, event.date, event.time) == ("harm", "2024-06-01", None)


def test_a_line_headed_by_a_day_dates_the_event_after_it(real_nlp):
    text = "Incident 02/03 at home address.\nHis wife threw a mug at him, cut above eye."
    event = only(events_in(real_nlp, text))
    assert (event.kind, event.date, event.time) == ("incident", "2025-03-02", None)


def test_a_day_to_come_on_the_line_above_leaves_the_notes_day_and_time(real_nlp):
    text = "Outstanding risk: trial 25/07.\nDean kicked the door in and threatened her."
    event = only(events_in(real_nlp, text, date="2025-06-24"))
    assert (event.date, event.time) == ("2025-06-24", "10:00")


@pytest.mark.parametrize(
    "text",
    ["Fell in the bathroom, pain 7/10.", "Obs: BP 120/80, resp 18/12.\nShe fell in the lounge."],
)
def test_a_score_or_a_line_of_readings_does_not_date_the_event(real_nlp, text):
    event = only(events_in(real_nlp, text))
    assert (event.kind, event.date, event.time) == ("harm", FRIDAY, "10:00")


def test_a_decision_is_not_dated_by_the_times_it_sets(real_nlp):
    text = "Outcome:\nYRO 12 months, EM curfew 19:00-07:00 for 6 months, supervision."
    assert only(events_in(real_nlp, text)).time == "10:00"


@pytest.mark.parametrize(
    "text",
    [
        # harm denied by a noun, or said to be gone
        "No evidence she caused injury.",
        "No new bruising seen on arms or hands, old bruises are gone.",
        # an offence admitted in interview, a habit or a count
        "Duty sol. Admits push, remorseful.",
        "Distress incidents - 9 in April, 4 in May, mostly grabbing when plans change.",
        # a view of what happened, not a new event
        "My view: the account is consistent with the pattern of bruising.",
        "Imp: fall during transfer, injuries consistent with account.",
        # the writer explaining a disclosure scheme
        'He asked if Chloe "has to know everything" - explained it is for police to decide '
        "what is disclosed.",
        # NFA beside housing is no fixed abode
        "NFA - Sarah rang Housing Options from the station, B&B at the Railway Inn.",
        # an offence's name in a charge; a possibility to be excluded
        "WEBB - CHARGE\n - s20 OAPA inflicting GBH (rib fractures).",
        "NAI needs to be excluded.",
        "No physical violence disclosed.",
        # events counted, not one of them
        "Seizures since discharge: 2 in 5 weeks, both under 3 mins.",
        "5 individual concerns linked to Larkfield. 3 open S42 enquiries.",
        # risks weighed, a concern passed up, a referral sent, an arrest referred back to
        "Risks: fire (HIGH), respiratory deterioration (HIGH), falls, alcohol, tenancy",
        "2 nights 2+1 on Rowan due to sickness - escalated by RM to regional, recorded.",
        "MARAC referral checked and sent to Eastfield MARAC coordinator 16:52.",
        "He told Lorraine the man arrested is the same male discussed at the meeting.",
        "Explained to mum that any bruise in a baby who isn't moving needs a hospital check.",
        "Explained MARAC referral goes in whether or not she consents because of the risk.",
    ],
)
def test_what_did_not_happen_as_an_event(real_nlp, text):
    assert events_in(real_nlp, text) == ()


def test_a_title_line_is_not_the_events_words_and_a_log_dates_by_its_last_time(real_nlp):
    text = (
        "SERIOUS INCIDENT - self-harm (ligature)\n"
        "22:25 check - knocked, no answer. Used override and entered 22:26 with Tomasz. "
        "Tayla sitting on floor with a ligature round her neck."
    )
    event = only(events_in(real_nlp, text, date="2025-12-14", time="23:55"))
    assert event.summary == "Tayla sitting on floor with a ligature round her neck."
    assert (event.kind, event.time) == ("incident", "22:26")


def test_a_logs_opening_four_figures_date_the_event_and_a_checklist_is_no_incident(real_nlp):
    text = (
        "On-call PPU.\n0035 999 from IP. Mason came downstairs with a kitchen knife, "
        'said "I\'ll stab you".\nDASH 14 YES - HIGH. Escalation, weapon, threats to kill, '
        "child in household."
    )
    events = events_in(real_nlp, text, date="2026-09-13", time="04:10")
    assert [(e.kind, e.time) for e in events] == [("incident", "00:35"), ("risk", "04:10")]
    assert events[0].summary.startswith("Mason came downstairs with a kitchen knife")


def test_a_weekday_date_and_a_time_after_the_notes_date_the_event(real_nlp):
    text = "Bluebell carer found Joan had a fall Sun 12/07 pm, skin tear to L forearm."
    event = only(events_in(real_nlp, text, date="2026-07-14", time="12:00"))
    assert (event.kind, event.date) == ("harm", "2026-07-12")
    missing = only(events_in(real_nlp, "Not back. Reported missing 101 at 8.05.",
                             date="2025-04-19", time="03:20"))
    # the evening before the night note; "8.05" may be 20:05, so no time is given
    assert (missing.kind, missing.date, missing.time) == ("incident", "2025-04-18", None)


def test_an_event_dated_earlier_in_its_own_line(real_nlp):
    text = (
        "Concern received from the police following a call-out on 01/04. Her partner "
        "was arrested for assault."
    )
    event = only(events_in(real_nlp, text, date="2025-04-02"))
    assert (event.kind, event.date) == ("incident", "2025-04-01")


def test_a_titles_time_dates_the_first_event_of_its_note(real_nlp):
    text = (
        "INCIDENT - FALL - Maggie Doyle - 09/01/25 approx 07:30 (unwitnessed)\n"
        "Staff heard a bang. Found Maggie on the floor of her bedroom, cut to her forehead."
    )
    event = only(events_in(real_nlp, text, date="2025-01-09", time="10:45"))
    assert event.summary == "Found Maggie on the floor of her bedroom, cut to her forehead."
    assert (event.kind, event.date, event.time) == ("harm", "2025-01-09", "07:30")


def test_a_time_told_of_in_the_line_does_not_date_a_disclosure(real_nlp):
    text = (
        "Via the interpreter he said a man picked him up at bus stop 08:30. "
        "He said he was scared for his mother."
    )
    event = only(events_in(real_nlp, text, date="2025-12-03", time="22:30"))
    assert (event.kind, event.time) == ("disclosure", "22:30")


def test_a_date_of_birth_dates_no_event(real_nlp):
    event = only(events_in(real_nlp, "Mason dob 09/03/2010. Arrested last night.",
                           date="2026-06-23"))
    assert (event.kind, event.date) == ("incident", "2026-06-22")


def test_a_line_that_says_when_a_few_statements_above_dates_the_first_event(real_nlp):
    text = (
        "DASH REVIEW - OCC 250411-1186\nIncident 11/04/25 approx 2310. 999 from IP.\n"
        "Circs per attending officers: argument over his phone. DOYLE grabbed IP by the "
        "throat and pinned her against the kitchen wall."
    )
    event = only(events_in(real_nlp, text, date="2025-04-12", time="09:20"))
    assert (event.kind, event.date, event.time) == ("harm", "2025-04-11", "23:10")


def test_a_statements_one_full_date_dates_its_harm(real_nlp):
    text = "During morning personal care 31/01/25 carer noted bruising to both forearms."
    event = only(events_in(real_nlp, text, date="2025-02-03"))
    assert (event.kind, event.date) == ("harm", "2025-01-31")


def test_what_the_writer_was_advised_of_is_still_an_event(real_nlp):
    event = only(events_in(real_nlp, "Advised by PC Shah that Mum was arrested on Saturday."))
    assert (event.kind, event.source, event.date) == ("incident", "PC Shah", "2025-03-08")


def test_a_risk_escalated_to_a_level_is_a_change_in_risk(real_nlp):
    event = only(events_in(real_nlp, "Following the new incident the risk escalated to high."))
    assert event.kind == "risk"


def test_a_day_heading_the_line_further_back_dates_the_event_with_the_nearest_time(real_nlp):
    text = (
        "Summary:\n- Investigation completed. Night of 30/01: Beech unit had 2 carers. "
        "At around 05:30 Edna was distressed. SK statement says she held Edna's arms and "
        "that it was 'firm' and she fought her."
    )
    event = only(events_in(real_nlp, text, date="2025-02-14", time="15:30"))
    assert (event.date, event.time) == ("2025-01-30", "05:30")


@pytest.mark.parametrize(
    "text",
    [
        "Falls risk increased.",
        "Her falls risk is now high.",
    ],
)
def test_a_change_in_falls_risk_is_a_change_in_risk(real_nlp, text):
    # (a reviewer's sentences: excluding "falls risk" as no fall once lost these rows)
    assert "risk" in [e.kind for e in events_in(real_nlp, text)]


def test_a_fall_found_with_a_falls_team_named_is_still_a_row(real_nlp):
    text = "Carer found Mr Owen on the floor at 07:00, falls team informed."
    assert events_in(real_nlp, text)
