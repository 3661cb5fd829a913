"""What a chronology row's summary carries: its event, with the words that tell it."""

from __future__ import annotations

import pytest

from tests.chronology_reading import FRIDAY, events_in, only

pytestmark = pytest.mark.slow


def test_a_short_statement_is_summed_up_with_the_one_its_event_is_told_in(real_nlp):
    # "Neighbour called police." alone does not say what the police were called to
    row = "Loud row between mum and dad at the flat. Neighbour called police."
    assert only(events_in(real_nlp, row)).summary == row
    # a one-word heading is summed up with what follows it
    heading = events_in(real_nlp, "Disclosure.\nOn the walk home she told me her uncle hit her.")
    assert [e.summary for e in heading] == [
        "Disclosure. On the walk home she told me her uncle hit her."
    ]
    # not across a blank line, nor with a statement another row tells
    apart = only(events_in(real_nlp, "Home visit, all calm.\n\nNeighbour called police."))
    assert apart.summary == "Neighbour called police."


def test_a_short_statement_keeps_to_its_own_log_entry(real_nlp):
    # a line opening with its own time or date is an entry of its own
    log = "09:10 Rang mum re attendance, all fine.\n09:40 Neighbour called police."
    logged = only(events_in(real_nlp, log))
    assert logged.summary == "09:40 Neighbour called police."
    dated = events_in(real_nlp, "Mon 10/3: school rang, all fine.\nTue 11/3: Mum arrested.")
    assert [e.summary for e in dated] == ["Tue 11/3: Mum arrested."]
    # a statement naming an agency is that contact's row, not this event's words
    contact = events_in(real_nlp, "Spoke to the GP about his medication review.\nHIGH RISK.")
    assert "HIGH RISK." in [e.summary for e in contact]
    # a blank line written with spaces or Windows line ends is still a blank line
    apart = only(events_in(real_nlp, "Home visit, all calm.\r\n \r\nNeighbour called police."))
    assert apart.summary == "Neighbour called police."


def test_the_summary_is_the_event_not_the_notes_first_sentence(real_nlp):
    text = "Teatime call 17:00-17:30. Noticed a bruise on her left forearm about 3cm across."
    event = only(events_in(real_nlp, text, time="17:45"))
    assert event.kind == "harm"
    assert event.summary == "Noticed a bruise on her left forearm about 3cm across."
    assert text[event.start : event.end] == event.summary
    # the line's call dates what was noticed in it
    assert (event.date, event.time) == (FRIDAY, "17:00")


def test_outcome_and_agencies_from_the_next_sentence(real_nlp):
    text = "Found Mr K on the floor at 07:10 with a cut to his head. Ambulance called."
    event = only(events_in(real_nlp, text))
    assert event.kind == "harm" and event.time == "07:10"
    assert event.outcome == "Ambulance called"
    assert "Ambulance service (not named)" in event.agencies


def test_who_rang_to_say_is_the_source(real_nlp):
    event = only(events_in(real_nlp, "School rang to say Jake had a mark on his cheek."))
    assert (event.kind, event.source) == ("harm", "School")


def test_one_episode_told_over_several_sentences_is_one_event(real_nlp):
    text = (
        "Kieran punched the window at 22:30 and broke it, cut on right hand. "
        "Called 999 as we couldn't stop the bleeding. Police and ambulance attended."
    )
    event = only(events_in(real_nlp, text, time="23:05"))
    assert (event.kind, event.time) == ("harm", "22:30")
    assert event.outcome.startswith("Called 999")


def test_a_label_and_the_one_found_are_not_sources(real_nlp):
    decision = only(events_in(real_nlp, "Decision: raise a safeguarding concern with ASC today."))
    assert (decision.kind, decision.source) == ("decision", "")
    found = only(events_in(real_nlp, "Kayleigh rang 09:10 - Len found on floor, 999 called."))
    assert found.source != "Len"


def test_what_was_done_may_be_recorded_a_few_sentences_on(real_nlp):
    text = (
        "Noticed a cut on the back of his head, dried blood. Stayed with him. "
        "Blanket over him. Body map completed."
    )
    event = only(events_in(real_nlp, text))
    assert (event.kind, event.outcome) == ("harm", "Body map completed")


def test_a_source_named_before_a_colon_and_never_one_run_into_a_date(real_nlp):
    text = "18:10 update from DC Whitlock: Dean arrested at his mum's address at 17:40."
    assert only(events_in(real_nlp, text)).source == "DC Whitlock"


def test_a_bare_decision_carries_the_statement_before(real_nlp):
    text = "Several CSE indicators even though she denies sexual activity. Meets threshold."
    event = only(events_in(real_nlp, text))
    assert (event.kind, event.summary) == ("decision", text)
