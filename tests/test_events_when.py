"""When an event happened: times and days in a note's words, resolved against its date."""

from __future__ import annotations

import pytest

from recordcheck.events import when
from recordcheck.events.when import clock_times, days, resolve, written_for


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At 02:30 she fell in the bathroom.", ["02:30"]),
        ("Kieran punched the window at 22:30 and broke it.", ["22:30"]),
        ("woke about 3am crying", ["03:00"]),
        ("seen at 3.30pm by the nurse", ["15:30"]),
        ("incident at 0230hrs", ["02:30"]),
        ("back by 8.30 as agreed", ["08:30"]),
        ("call 17:00-17:30", ["17:00", "17:30"]),
        ("found at midnight", ["00:00"]),
        ("dinner at 7:45pm", ["19:45"]),
        ("assaulted at 1945 outside the flat", ["19:45"]),
        ("home by 2230.", ["22:30"]),
        ("approx. 0830 on the landing", ["08:30"]),
    ],
)
def test_clock_times_in_a_note(text, expected):
    assert [found.value for found in clock_times(text)] == expected


@pytest.mark.parametrize(
    "text",
    ["BM 2.1 on arrival", "visit on 12/9", "MMSE 21/30", "£1.20 credit", "ref 1406-2287",
     "phone 01865 123456", "gave 14pm"],
)
def test_numbers_that_are_not_times(text):
    assert clock_times(text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("she told me yesterday", "yesterday"),
        ("he went out last night", "last night"),
        ("police came on Saturday night", "on saturday"),
        ("last Monday she fell", "last monday"),
        ("a warrant executed on 16/9", "date:16/9"),
        ("seen this morning", "today"),
    ],
)
def test_days_a_note_names(text, day):
    assert [found.value for found in days(text)] == [day]


def test_a_day_given_with_an_alternative_is_not_a_day():
    assert days("said he fell 'yesterday or the day before'") == []


# 2025-03-14 is a Friday
@pytest.mark.parametrize(
    ("day", "clock", "expected"),
    [
        ("", "02:30", ("2025-03-14", "02:30")),  # a time alone keeps the note's date
        ("", "", ("2025-03-14", "06:00")),  # nothing given: the note's own
        ("yesterday", "", ("2025-03-13", None)),  # another day: the note's time is not its
        ("yesterday", "21:00", ("2025-03-13", "21:00")),
        ("last night", "23:40", ("2025-03-13", "23:40")),
        ("last night", "02:00", ("2025-03-14", "02:00")),  # the small hours of the note's day
        ("on saturday", "", ("2025-03-08", None)),
        ("on friday", "", ("2025-03-14", "06:00")),  # today or a week ago: not certain
        ("last friday", "", ("2025-03-07", None)),
        ("date:16/9", "", ("2024-09-16", None)),  # after the note would be last year's
        ("date:02/03", "", ("2025-03-02", None)),
        ("date:31/02", "", ("2025-03-14", "06:00")),  # no such day
        ("date:16/9/23", "", ("2023-09-16", None)),
    ],
)
def test_days_resolve_against_the_notes_date(day, clock, expected):
    assert resolve(day, clock, "2025-03-14", "06:00") == expected


def test_a_note_without_a_date_keeps_its_own():
    assert resolve("yesterday", "02:30", None, None) == (None, "02:30")


def test_a_late_entry_says_which_day_it_records():
    assert written_for("Rewritten record of 03/06 tea time (replaces earlier entry).") == (
        "date:03/06"
    )
    assert written_for("Home visit to Mrs A.") == ""


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("ambulance arrived 10.20 took him to hospital", ["10:20"]),
        ("rang 999 at 09.06 then office", ["09:06"]),
        ("weighed 57.10kg, BM 14.2", []),  # a measurement, not a time
        ("paid £12.50 for the taxi", []),
        ("wound 3.0 x 2.5cm", []),
    ],
)
def test_a_time_written_with_a_full_stop_after_a_two_figure_hour(text, clock):
    assert [found.value for found in clock_times(text)] == clock


def test_yesterday_shortened_is_yesterday():
    assert [found.value for found in days("pleaded NG at PTPH yest 14/04")] == ["yesterday"]


def test_dates_and_years_written_on_their_own():
    assert [f.value for f in when.bare_dates("charged 12/01 (strangulation), listed 27/01/25")] == [
        "date:12/01", "date:27/01/25",
    ]
    assert when.bare_dates("scored 17/24 on the DASH") == []  # no 24th month
    assert [f.value for f in when.years("two call-outs to the address in 2024")] == ["year:2024"]


def test_a_day_after_the_note_is_to_come_not_when_it_happened():
    # "MARAC referral submitted for the 24/04 meeting", written on 09/04
    # and the note's time is no more the event's than its day
    assert resolve("date:24/04", "", "2025-04-09", "12:00") == ("2025-04-09", None)
    assert resolve("date:24/04/25", "", "2025-04-09", "12:00") == ("2025-04-09", None)
    assert resolve("date:24/04", "18:00", "2025-04-09", "12:00") == ("2025-04-09", "18:00")
    # a date just after the note's in January is last December's
    assert resolve("date:28/12", "", "2025-01-05", "12:00") == ("2024-12-28", None)


@pytest.mark.parametrize(
    "text", ["pain 7/10, took paracetamol", "GCS 14/12 on arrival", "AMT: 9/10", "needs 24/7 care",
             "Mood very low (\"2/10\")", "pain score was 3/5",
             "confused. AMTS 3/10."],
)
def test_a_score_or_a_ratio_is_no_date(text):
    assert when.bare_dates(text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [("DA incident 3/10 at home", "date:3/10"), ("Arthur readmitted 10/10", "date:10/10"),
     ("The most recent was Friday 10/10.", "date:10/10")],
)
def test_a_day_in_october_with_no_score_before_it_is_a_day(text, day):
    assert [f.value for f in when.bare_dates(text)] == [day]


def test_a_day_that_cannot_be_a_score_is_certain():
    assert [f.value for f in when.certain_days("Tues 03/06 approx 21:30")] == ["date:03/06"]
    assert [f.value for f in when.certain_days("Incident 11/01/25 21:30")] == ["date:11/01/25"]
    assert [f.value for f in when.certain_days("seen on 7/10")] == ["date:7/10"]
    assert when.certain_days("Obs: BP 120/80, temp 37.2, resp 18/12") == []
    # a day that heads its line, the first figures in it
    assert [f.value for f in when.opening_date("Incident 02/08 at home")] == ["date:02/08"]
    assert when.opening_date("Obs: BP 120/80, resp 18/12.") == []


def test_four_figures_that_are_a_time_are_no_year():
    assert when.years("assaulted by her partner at 1945 outside the flat") == []
    assert when.years("seen 1945 hrs") == []
    # a year after a word that brings one, or after a noun, is still a year: the case's history
    assert [f.value for f in when.years("self-harm since about 2019")] == ["year:2019"]
    assert [f.value for f in when.years("DA incident 2019 with a former partner")] == [
        "year:2019"
    ]


def test_a_date_with_no_year_of_what_cannot_be_to_come_is_the_last_one_before_the_note():
    assert resolve("date:01/06", "", "2025-01-10", "10:00", past=True) == ("2024-06-01", None)
    assert resolve("date:06/01", "", "2025-01-10", "10:00", past=True) == ("2025-01-06", None)
    # a day just after the note is a plan it names, not last year's: "MFFD from 23/05"
    assert resolve("date:23/05", "", "2025-05-22", "09:30", past=True) == ("2025-05-22", None)
    # a plan may be months ahead: a day after the note is not last year's
    assert resolve("date:01/06", "", "2025-01-10", "10:00") == ("2025-01-10", None)


def test_a_year_before_the_notes_own_is_history():
    assert when.before_the_year_of("year:2024", "2025-05-12")
    assert not when.before_the_year_of("year:2025", "2025-05-12")
    assert not when.before_the_year_of("yesterday", "2025-05-12")


def test_four_figures_after_an_at_sign_are_a_time():
    assert [f.value for f in clock_times("Call from police @ 0140.")] == ["01:40"]
