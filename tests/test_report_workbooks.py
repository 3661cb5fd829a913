"""The audit pack's workbooks (findings, partner register, chronology), read back."""

from __future__ import annotations

from datetime import datetime, time

from openpyxl import load_workbook
from report_sample import (
    OUTCOME_SHARE,
    REASON_SHARE,
    sample_report,
    sheet_rows,
)

from recordcheck.report.accuracy_statement import finds_under_half


def test_findings_sheet_lists_every_finding_with_decision_drop_downs(outputs):
    book = load_workbook(outputs["findings.xlsx"])
    assert book.sheetnames == ["Findings", "Summary"]
    sheet = book["Findings"]
    count = sum(len(r.findings) for r in sample_report().results)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:Q{count + 1}"
    rows = sheet_rows(outputs["findings.xlsx"], "Findings")
    assert len(rows) == count
    first, second = sheet.data_validations.dataValidation
    assert first.formula1 == second.formula1 == '"accept,dismiss,unsure"'
    assert (str(first.sqref), str(second.sqref)) == (f"M2:M{count + 1}", f"Q2:Q{count + 1}")
    first = rows[0]
    assert first["Case"] == "C-100" and first["Severity"] == "high"
    assert first["Suggested rewrite"] == "Describe what Mum said or did."
    assert isinstance(first["Date"], datetime)
    assert first["Finding ID"].startswith("F-") and len({r["Finding ID"] for r in rows}) == count
    assert first["Flagged words «in» context"] == (
        "Home visit to Mrs Khan. Mum is «manipulative» and the flat was a mess. "
        "To refer to Oxford MASH for a care assessment."
    )
    for column in ("Decision", "Reason", "Auditor", "Date decided", "Second auditor's decision"):
        assert all(row[column] is None for row in rows)


def test_summary_sheet_counts_and_grades_by_check_and_case_and_names_no_worker(outputs):
    cells = [
        row
        for row in load_workbook(outputs["findings.xlsx"])["Summary"].iter_rows(values_only=True)
    ]
    titles = [row[0] for row in cells if row and row[0] and str(row[0]).startswith("Findings by")]
    assert titles == ["Findings by check", "Findings by case file"]  # the sample has no teams
    by_check = {
        row[0]: row[1]
        for row in cells
        if row[0] in ("Opinion recorded as fact", "Why information was shared")
    }
    assert by_check == {"Opinion recorded as fact": 4, "Why information was shared": 1}
    case = next(row for row in cells if row[0] == "C-100")
    assert case[1:5] == (2, 0, 0.375, "Inadequate")  # as the Word report grades it
    # per-check columns count findings (the Word report's team table gives shares of notes)
    header = next(row for row in cells if row[0] == "Case")
    assert header[5:] == (
        "Opinion recorded as fact: findings",
        "Who was present: findings",
        "Why information was shared: findings",
    )
    assert not any("Okafor" in str(value) for row in cells for value in row)
    criteria = "Grades are machine-assisted, not a judgement"
    assert any(str(row[0]).startswith(criteria) for row in cells)


def test_the_grading_criteria_on_the_summary_sheet_are_tall_enough_to_read(outputs):
    sheet = load_workbook(outputs["findings.xlsx"])["Summary"]
    width = sheet.column_dimensions["A"].width
    title = next(c.row for c in sheet["A"] if c.value == "How grades are worked out")
    sentences = [c for c in sheet["A"] if c.row > title + 1 and c.value]
    assert len(sentences) > 3 and sentences[0].value.startswith("Grades are machine-assisted")
    for cell in sentences:  # each sentence its own row, with a line for every ~width chars
        lines = -(-len(cell.value) // int(width))
        assert cell.alignment.wrap_text
        if lines > 1:
            assert sheet.row_dimensions[cell.row].height >= lines * 15, cell.value


def test_text_that_looks_like_a_formula_stays_text(outputs):
    book = load_workbook(outputs["findings.xlsx"])
    cells = [
        c
        for row in book["Findings"].iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=")
    ]
    # the flagged words are quoted in context, so only the note id starts like a formula
    assert {c.value for c in cells} == {"=N6"}
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    register = load_workbook(outputs["partner-register.xlsx"])
    named = [
        c
        for sheet in ("Partners", "Contacts")
        for row in register[sheet].iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith('=HYPERLINK("x")')
    ]
    assert len(named) == 2
    assert all(c.data_type == "s" and c.quotePrefix for c in named)


def test_control_characters_are_removed_from_spreadsheets(outputs):
    rows = sheet_rows(outputs["findings.xlsx"], "Findings")
    assert "Visit to Mr Obi. He was «being difficult again» and refused to talk." in [
        row["Flagged words «in» context"] for row in rows
    ]
    chronology = sheet_rows(outputs["chronology.xlsx"], "Chronology")
    summary = next(row["What happened"] for row in chronology if row["Note ID"] == "N7")
    assert summary == "He was being difficult again and refused to talk."


# --- partner-register.xlsx ----------------------------------------------------------------------


def test_partner_register_sheets_follow_the_workbook_conventions(outputs):
    book = load_workbook(outputs["partner-register.xlsx"])
    assert book.sheetnames == ["Partners", "Contacts", "Planned", "About"]
    about = [row[0] for row in book["About"].iter_rows(min_row=2, values_only=True)]
    assert any(line.startswith("Reason recorded is for contacts that sent information out")
               and "Not assessed" in line for line in about)
    assert any("check a row against its note" in line for line in about)
    for sheet, last_cell in (("Partners", "N4"), ("Contacts", "N7"), ("Planned", "F3")):
        assert book[sheet].freeze_panes == "A2"
        assert book[sheet].auto_filter.ref == f"A1:{last_cell}"
        assert book[sheet].page_setup.orientation == "landscape"


def test_partners_sheet_has_one_row_per_agency_with_its_people_merged(outputs):
    rows = sheet_rows(outputs["partner-register.xlsx"], "Partners")
    # the IDVA service is only planned, and "Police (force not named)" is PC Patel's force
    assert [row["Agency"] for row in rows] == [
        "Oxford MASH",
        "Riverside GP Surgery",
        "Thames Valley Police",
    ]
    mash, gp, police = rows
    assert police["Type"] == "Police" and gp["Type"] == "Health"
    assert police["Named contacts"] == '=HYPERLINK("x"); PC Ravi Patel (police officer)'
    assert gp["Named contacts"] == "Dr Ahmed (GP)" and mash["Named contacts"] is None
    assert police["Channels"] == "meeting, phone"
    assert (police["First contact"], police["Last contact"]) == (
        datetime(2024, 1, 20),
        datetime(2024, 4, 2),
    )
    assert police["Case files"] == "C-200, C-300, C-400"
    assert police["Phone"] == "01865 000000"
    # a planned referral to the MASH is not a contact
    assert [row["Number of contacts"] for row in rows] == [1, 1, 4]
    for row in rows:
        assert (row["Email"], row["Our named link"], row["Last verified"]) == (None, None, None)


def test_partners_sheet_gives_the_share_of_outward_sharing_with_a_reason_and_an_outcome(outputs):
    rows = {r["Agency"]: r for r in sheet_rows(outputs["partner-register.xlsx"], "Partners")}
    shares = {agency: (row[REASON_SHARE], row[OUTCOME_SHARE]) for agency, row in rows.items()}
    # the police's meeting (both ways) and calls in are not outward; only the unanswered call is
    assert shares == {
        "Oxford MASH": (0, 0),
        "Riverside GP Surgery": (1, 1),
        "Thames Valley Police": (0, 0),
    }
    book = load_workbook(outputs["partner-register.xlsx"])
    assert book["Partners"]["I2"].number_format == "0%"


def test_contacts_sheet_has_every_done_or_attempted_event_in_date_order(outputs):
    rows = sheet_rows(outputs["partner-register.xlsx"], "Contacts")
    assert [(r["Note ID"], r["Agency"]) for r in rows] == [
        ("=N6", "Thames Valley Police"),
        ("N3", "Thames Valley Police"),
        ("N2", "Oxford MASH"),
        ("N8", "Thames Valley Police"),
        ("N5", "Riverside GP Surgery"),
        ("N5", "Thames Valley Police"),
    ]
    meeting, referral, call_in, email, call_out = rows[1:]
    assert (meeting["Direction"], meeting["Reason recorded"]) == ("Both ways", None)
    assert meeting["Outcome"] == "no crime had been recorded"
    assert meeting["Evidence"] == (
        "Strategy discussion held. PC Patel advised that no crime had been recorded."
    )
    assert (referral["Direction"], referral["Reason recorded"]) == ("We contacted them", "No")
    assert referral["What was shared"] == "the chronology"
    assert (call_in["Direction"], call_in["Reason recorded"]) == ("They contacted us", None)
    assert {meeting["Person"], call_in["Person"], call_out["Person"]} == {"PC Ravi Patel"}
    assert call_in["Evidence"] == "PC Patel (police) rang to say the investigation is closed."
    assert (email["Reason recorded"], email["Outcome"]) == ("Yes", "a medication review is booked")
    assert (call_out["Status"], email["Status"]) == ("Attempted", "Done")
    assert email["Time"] == time(10, 0) and email["Date"] == datetime(2024, 4, 2)


def test_planned_sheet_lists_planned_contacts_apart(outputs):
    rows = sheet_rows(outputs["partner-register.xlsx"], "Planned")
    assert [(r["Note ID"], r["Case"], r["Agency"], r["What is planned"]) for r in rows] == [
        ("N1", "C-100", "Oxford MASH", "To refer to Oxford MASH for a care assessment."),
        ("N8", "C-400", "IDVA service (not named)", "I will ring the IDVA service on Monday."),
    ]
    assert rows[0]["Date"] == datetime(2024, 3, 5)


# --- chronology.xlsx ----------------------------------------------------------------------------


def test_chronology_rows_are_significant_events_in_date_order(outputs):
    sheet = load_workbook(outputs["chronology.xlsx"])["Chronology"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:J8"
    rows = sheet_rows(outputs["chronology.xlsx"], "Chronology")
    # N1 and N4 record no significant event and no contact: they are left out
    assert [(r["Case"], r["Note ID"], r["Event type"]) for r in rows] == [
        ("C-100", "N2", "Multi-agency contact"),
        ("C-200", "N3", "Decision"),
        ("C-200", "N5", "Multi-agency contact"),
        ("C-300", "=N6", "Multi-agency contact"),
        ("C-300", "N7", "Incident"),
        ("C-400", "N9", "Harm or injury"),
        ("C-400", "N8", "Multi-agency contact"),
    ]
    first = rows[0]
    assert first["Date"] == datetime(2024, 3, 1) and first["Time"] == time(9, 15)
    assert first["What happened"] == (
        "Referral sent to MASH with the chronology of the last 3 weeks."
    )
    assert first["Agencies involved"] == "Oxford MASH"
    gp_note = next(r for r in rows if r["Note ID"] == "N5")
    # the call to the police that did not get through involved nobody
    assert gp_note["Agencies involved"] == "Riverside GP Surgery"


def test_a_chronology_row_carries_the_event_not_the_note(outputs):
    rows = {r["Note ID"]: r for r in sheet_rows(outputs["chronology.xlsx"], "Chronology")}
    fall = rows["N9"]
    # the event's own time, not the 06:00 the night note was written
    assert (fall["Date"], fall["Time"]) == (datetime(2024, 3, 18), time(2, 30))
    assert fall["What happened"].startswith("At 02:30 she fell in the bathroom")
    assert fall["Outcome or action"] == "Ambulance called"
    assert fall["Agencies involved"] == "Ambulance service (not named)"
    decision = rows["N3"]
    assert decision["What happened"] == "PC Patel advised that no crime had been recorded."
    assert decision["Source"] == "PC Patel"
    # the police contact is named by the decision, so it is not a row of its own
    assert decision["Agencies involved"] == "Thames Valley Police"
    assert rows["=N6"]["Source"] == '=HYPERLINK("x")'
    assert rows["N7"]["Recording points"] == "Opinion recorded as fact"
    about = load_workbook(outputs["chronology.xlsx"])["About"]
    lines = [row[0] for row in about.iter_rows(values_only=True) if row[0]]
    assert any("7 of 9 notes" in line and "left out" in line for line in lines)
    # the column a reader cannot otherwise tell is about the note, not the event
    assert any(line.startswith("'Recording points' names the checks") for line in lines)


def test_report_json_grades_each_check_as_the_word_report_and_workbook_do(outputs):
    import json

    figures = json.loads(outputs["report.json"].read_text(encoding="utf-8"))["checks"]
    cells = list(load_workbook(outputs["findings.xlsx"])["Summary"].iter_rows(values_only=True))
    titles = (("opinion", "Opinion recorded as fact"), ("who-present", "Who was present"))
    for check, title in titles:
        row = next(r for r in cells if r[0] == title)
        assert (figures[check]["score"], figures[check]["grade"]) == (round(row[5], 4), row[6])
    # "at best" where the shipped accuracy finds under half the shortfalls, in every output
    suffix = " at best" if finds_under_half("opinion") else ""
    assert figures["opinion"]["grade"] == "Requires improvement" + suffix
