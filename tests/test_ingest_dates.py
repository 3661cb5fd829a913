"""Date, time and date-line grammar shared by every importer."""

import datetime as dt

import pytest

from recordcheck.ingest.dates import DateTime, from_python_value, parse_date, parse_time
from recordcheck.ingest.entries import case_id_of, parse_date_line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-14", DateTime("2025-03-14")),
        ("2025-03-14T10:30:00Z", DateTime("2025-03-14", "10:30")),
        ("2025/03/14", DateTime("2025-03-14")),
        ("14/03/2025", DateTime("2025-03-14")),
        ("04/03/2025", DateTime("2025-03-04")),  # UK: 4 March, not 3 April
        ("14-03-2025", DateTime("2025-03-14")),
        ("14.03.2025", DateTime("2025-03-14")),
        ("14/03/25", DateTime("2025-03-14")),
        ("14/03/2025 10:30", DateTime("2025-03-14", "10:30")),
        ("14/03/2025 9:05:59", DateTime("2025-03-14", "09:05")),
        ("14/03/2025 2:15pm", DateTime("2025-03-14", "14:15")),
        ("14 March 2025", DateTime("2025-03-14")),
        ("14 Mar 2025", DateTime("2025-03-14")),
        ("14th Sept 2025", DateTime("2025-09-14")),
        ("Monday 14 March 2025", DateTime("2025-03-14")),
        ("Mon, 14 March 2025 at 10:30", DateTime("2025-03-14", "10:30")),
        ("March 14, 2025", DateTime("2025-03-14")),
        ("  14/03/2025  ", DateTime("2025-03-14")),
    ],
)
def test_accepted_date_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["31/02/2025", "yesterday", "14/13/2025", "14/03/2025 25:00", "14/03/2025 extra", ""]
)
def test_dates_that_are_not_understood(text):
    assert parse_date(text) is None


def test_month_first_when_day_first_is_off():
    assert parse_date("03/14/2025", day_first=False) == DateTime("2025-03-14")
    assert parse_date("04/03/2025", day_first=False) == DateTime("2025-04-03")


def test_a_custom_format_is_tried_first():
    assert parse_date("2025.14.03 1030", date_format="%Y.%d.%m %H%M") == DateTime(
        "2025-03-14", "10:30"
    )
    assert parse_date("14/03/2025", date_format="%Y.%d.%m") == DateTime("2025-03-14")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:30", "10:30"),
        ("10.30", "10:30"),
        ("2pm", "14:00"),
        ("12am", "00:00"),
        ("10", None),
        ("24:00", None),
        ("13pm", None),
        ("soon", None),
    ],
)
def test_times(text, expected):
    assert parse_time(text) == expected


def test_excel_cell_values():
    assert from_python_value(dt.datetime(2025, 3, 14, 10, 30)) == DateTime("2025-03-14", "10:30")
    assert from_python_value(dt.datetime(2025, 3, 14)) == DateTime("2025-03-14")
    assert from_python_value(dt.date(2025, 3, 14)) == DateTime("2025-03-14")
    assert from_python_value(dt.time(9, 5)) == "09:05"


@pytest.mark.parametrize(
    ("line", "date", "time", "note_type", "author"),
    [
        (
            "14/03/2025 10:30 - Home Visit - J. Smith",
            "2025-03-14",
            "10:30",
            "Home Visit",
            "J. Smith",
        ),
        ("14 March 2025", "2025-03-14", None, "", ""),
        ("Monday 14 March 2025 – Phone call", "2025-03-14", None, "Phone call", ""),
        ("## 14 Mar 2025 | Email | A. Khan", "2025-03-14", None, "Email", "A. Khan"),
        ("**14/03/2025** - Visit", "2025-03-14", None, "Visit", ""),
        ("Date: 2025-03-14", "2025-03-14", None, "", ""),
    ],
)
def test_date_lines(line, date, time, note_type, author):
    parsed = parse_date_line(line)
    assert parsed is not None
    assert (parsed.when.date, parsed.when.time) == (date, time)
    assert (parsed.note_type, parsed.author, parsed.first_text) == (note_type, author, None)


def test_a_date_line_with_a_sentence_carries_the_start_of_the_note():
    parsed = parse_date_line("14/03/2025: Rang Mrs A to confirm the visit.")
    assert parsed.first_text == "Rang Mrs A to confirm the visit."
    assert parsed.note_type == ""


@pytest.mark.parametrize(
    "line",
    [
        "14 March 2025 I visited Mrs A",  # a sentence that starts with a date
        "On 14/03/2025 the GP called",
        "Visited Mrs A",
        "14/03/20255 - typo",
        "",
    ],
)
def test_lines_that_are_not_date_lines(line):
    assert parse_date_line(line) is None


@pytest.mark.parametrize(
    ("line", "case_id"),
    [
        ("Case: 12345", "12345"),
        ("Client ID: C-7", "C-7"),
        ("Person ID: 889", "889"),
        ("**Case ref:** AB/12", "AB/12"),
        ("Case: discussed with manager today", None),
        ("In case: no", None),
    ],
)
def test_case_id_lines(line, case_id):
    assert case_id_of(line) == case_id
