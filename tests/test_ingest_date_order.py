"""Dates written the other way round, or whose order cannot be told: never
dropped, and pointed out once per file with the setting that fixes them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from recordcheck.cli import main
from recordcheck.ingest import read_inputs
from recordcheck.ingest.dates import DAY_FIRST, EITHER, MONTH_FIRST, parse_date
from recordcheck.model import FileNotice, Note, Report

HEADER = "Case Note ID,Person ID,Event Date,Recorded By,Narrative\n"


def export(tmp_path, dates, name="notes.csv"):
    """A common export layout with one note per date."""
    lines = [f"N{n},C1,{date},J. Smith,Visited at home. Seen alone.\n" for n, date in
             enumerate(dates, start=1)]
    path = tmp_path / name
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def read(path, mapping=None):
    items = list(read_inputs([path], mapping=mapping))
    notes = [item for item in items if isinstance(item, Note)]
    notices = [item.message for item in items if isinstance(item, FileNotice)]
    assert all(isinstance(item, Note | FileNotice) for item in items)
    return notes, notices


def month_first_mapping(tmp_path):
    path = tmp_path / "mapping.toml"
    path.write_text("day_first = false\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "day_first", "date", "order"),
    [
        ("04/13/2025", True, "2025-04-13", MONTH_FIRST),  # only month first makes a date
        ("13/04/2025", False, "2025-04-13", DAY_FIRST),
        ("13/04/2025 10:30", True, "2025-04-13", DAY_FIRST),
        ("04/05/2025", True, "2025-05-04", EITHER),
        ("04/05/2025", False, "2025-04-05", EITHER),
        ("05/05/2025", True, "2025-05-05", ""),  # both orders give the same date
        ("2025-04-05", True, "2025-04-05", ""),
        ("5 April 2025", False, "2025-04-05", ""),
    ],
)
def test_what_a_date_says_about_its_order(text, day_first, date, order):
    parsed = parse_date(text, day_first=day_first)
    assert (parsed.date, parsed.order) == (date, order)


def test_a_date_invalid_both_ways_is_still_not_understood():
    assert parse_date("13/14/2025") is None
    assert parse_date("31/02/2025") is None


def test_month_first_dates_in_a_day_first_run_are_read_and_the_file_pointed_out(tmp_path):
    path = export(tmp_path, ["03/14/2025", "04/05/2025", "12/25/2025 14:00", "02/03/2025"])

    notes, [notice] = read(path)

    assert [n.date for n in notes] == ["2025-03-14", "2025-05-04", "2025-12-25", "2025-03-02"]
    assert notes[0].problems == (
        "date '03/14/2025' can only be read month first, so it was read as 2025-03-14; "
        "dates here are read day first",
    )
    assert notes[1].problems == ()
    assert notice.startswith("2 dates can only be read month first (first in row 2)")
    assert "so 2 dates that could be read either way (first in row 3) may be the wrong way" \
        in notice
    assert "set day_first = false in a mapping file (--mapping)" in notice


def test_day_first_dates_in_a_month_first_run_are_never_turned_into_no_date(tmp_path):
    path = export(tmp_path, ["13/04/2025", "25/12/2025"])

    notes, [notice] = read(path, mapping=month_first_mapping(tmp_path))

    assert [n.date for n in notes] == ["2025-04-13", "2025-12-25"]
    assert all("can only be read day first" in n.problems[0] for n in notes)
    assert "If this export writes the day first, set day_first = true" in notice


def test_a_file_whose_dates_all_read_either_way_is_pointed_out_once(tmp_path):
    path = export(tmp_path, ["04/05/2025", "01/02/2025", "11/12/2025", "03/03/2025"])

    notes, [notice] = read(path)

    assert [n.date for n in notes] == ["2025-05-04", "2025-02-01", "2025-12-11", "2025-03-03"]
    assert all(n.problems == () for n in notes)
    assert notice.startswith("which comes first in the dates cannot be told: all 3 of its dates")
    assert "were read day first. If this export writes the month first, set day_first = false" \
        in notice


def test_a_file_that_settles_its_order_raises_no_doubt(tmp_path):
    day_first = export(tmp_path, ["14/03/2025", "04/05/2025"], "uk.csv")
    iso = export(tmp_path, ["2025-04-05", "2025-05-04"], "iso.csv")

    assert read(day_first)[1] == []
    assert read(iso)[1] == []


def test_a_file_with_both_orders_is_pointed_out_without_a_setting_to_change(tmp_path):
    path = export(tmp_path, ["25/03/2025", "03/26/2025", "04/05/2025"])

    notes, [notice] = read(path)

    assert [n.date for n in notes] == ["2025-03-25", "2025-03-26", "2025-05-04"]
    assert notice.startswith("dates are written both ways round: 1 can only be read day first "
                             "(first in row 2) and 1 only month first (first in row 3)")
    assert "day_first =" not in notice


def test_a_date_line_written_month_first_still_starts_its_own_entry(tmp_path):
    path = tmp_path / "chronology.txt"
    path.write_text(
        "Case: 881\n04/12/2025 - Visit\nSeen alone.\n04/13/2025 - Phone call\nRang GP.\n",
        encoding="utf-8",
    )

    notes, [notice] = read(path)

    assert [(n.date, n.text) for n in notes] == [
        ("2025-12-04", "Seen alone."), ("2025-04-13", "Rang GP.")
    ]
    assert notes[1].problems == (
        "the date of this entry can only be read month first, so it was read as 2025-04-13; "
        "dates here are read day first",
    )
    assert "set day_first = false" in notice


def test_the_run_account_and_the_report_carry_the_notice(stand_in_pipeline, tmp_path):
    path = export(tmp_path, ["04/05/2025", "01/02/2025"])
    saved = tmp_path / "report.json"

    result = CliRunner().invoke(main, ["check", str(path), "-q"], catch_exceptions=False)
    as_json = CliRunner().invoke(
        main, ["check", str(path), "-q", "--format", "json", "-o", str(saved)]
    )

    assert result.exit_code == 0 and as_json.exit_code == 0
    assert result.stderr.count("Check these files:") == 1
    assert "notes.csv: which comes first in the dates cannot be told" in result.stderr
    assert "Check these files:" in result.stdout
    [notice] = Report.from_dict(json.loads(saved.read_text())).notices
    assert notice.source == str(path) and "set day_first = false" in notice.message
