"""rc_chronology with the real pipeline: which kind of event a statement's row records."""

from __future__ import annotations

import pytest

from tests.chronology_reading import FRIDAY, events_in, only

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Rang 101, log 0214-0367.", (FRIDAY, "10:00")),
        ("Called police 101 at 13:00, logged as possible harassment.", (FRIDAY, "13:00")),
        ("I also rang 101 ref NP-250506-0940 and gave details.", (FRIDAY, "10:00")),
    ],
)
def test_the_writers_own_call_to_101_is_a_contact_dated_as_told(real_nlp, text, when):
    event = only(events_in(real_nlp, text))
    assert event.kind == "contact"
    assert (event.date, event.time) == when


@pytest.mark.parametrize(
    "text",
    [
        "She rang 101 when he would not leave.",  # another's call may be all there is of it
        "Rang 999 at 02:15 as chest pain.",  # an emergency call is the incident's own
    ],
)
def test_another_persons_call_or_a_999_call_stays_an_incident(real_nlp, text):
    assert only(events_in(real_nlp, text)).kind == "incident"


def test_what_the_writer_told_the_police_is_the_same_row(real_nlp):
    text = "Rang police 101 from scene - ref 1390. Told them bail breach and MARAC case."
    event = only(events_in(real_nlp, text))
    assert event.kind == "contact"
    assert event.summary.startswith("Rang police 101 from scene")


@pytest.mark.parametrize(
    "text", ["Paramedics arrived 05:15, gave IV glucose.", "Hand dressed by paramedics."]
)
def test_paramedics_who_came_are_still_the_incident(real_nlp, text):
    assert only(events_in(real_nlp, text)).kind == "incident"


def test_a_job_after_a_name_or_a_denied_thought_is_no_event(real_nlp):
    for text in (
        "Referrer J Harker, Paramedic",  # a job after a person's name: no call-out
        "J Harker Paramedic / R Yates ECA",
        "Requests witness statements from J Harker (paramedic) and R Yates (ECA).",
        "No thoughts of hurting himself since.",  # a gerund under a noun "no" denies
    ):
        assert events_in(real_nlp, text) == (), text


@pytest.mark.parametrize(
    "text",
    ["No injuries after hitting her head on the table.", "No contact since punching his brother."],
)
def test_a_gerund_after_a_denied_noun_but_not_its_content_is_an_event(real_nlp, text):
    assert only(events_in(real_nlp, text)).kind in ("harm", "incident")


def test_harm_told_after_the_writers_call_is_an_event_of_its_own(real_nlp):
    rows = events_in(real_nlp, "Rang 101 at 14:00. Dad punched Mum in the face at 16:00.")
    assert [(e.kind, e.time) for e in rows] == [("contact", "14:00"), ("harm", "16:00")]
