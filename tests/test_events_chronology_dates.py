"""rc_chronology with the real pipeline: the day a statement's one date gives its event."""

from __future__ import annotations

import pytest

from tests.chronology_reading import events_in, only

pytestmark = pytest.mark.slow

NOTE_DAY = "2025-04-24"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the parser hangs the date on another verb or a noun: it is still the episode's
        ("Police went to Larch Grove 11/4, Darren arrested, on bail.", "2025-04-11"),
        ("Warrant executed 03/04 Thamesgate - Jordan ELLIS arrested.", "2025-04-03"),
        ("Police called to home 11/4 - A-M says 'just a row', nobody hurt.", "2025-04-11"),
    ],
)
def test_the_one_date_of_an_incident_dates_it(real_nlp, text, day):
    event = only(events_in(real_nlp, text, date=NOTE_DAY, time="14:30"))
    assert (event.kind, event.date, event.time) == ("incident", day, None)


@pytest.mark.parametrize(
    "text",
    [
        # the date of a reason, an aside, a span of time or a quantity is not the event's
        "Reported missing 17:00, HIGH risk because of the debt concerns 22/03.",
        "Head lice untreated and K scratching to bleeding (10/4).",
        "Has been on the COC for 3/12 and found with a cut to her arm today.",
        "Found collapsed, 3/4 bottle vodka gone.",
    ],
)
def test_a_date_that_dates_something_else_leaves_the_notes_day(real_nlp, text):
    events = events_in(real_nlp, text, date=NOTE_DAY, time="18:00")
    assert events
    assert all(event.date == NOTE_DAY for event in events)


@pytest.mark.parametrize(
    "text",
    [
        "Assaulted at home, seen in A&E, follow-up 21/3.",
        "Darren arrested, ICPC booked 27/3.",
        "Kicked by peer at school, mum informed 29/3.",
        "Arrested for breach of order made 22/10.",
    ],
)
def test_a_day_after_another_verb_dates_what_that_verb_did(real_nlp, text):
    assert only(events_in(real_nlp, text, date="2025-03-30")).date == "2025-03-30"
