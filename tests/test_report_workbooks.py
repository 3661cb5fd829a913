"""The audit pack's workbooks (findings, partner register, chronology), read back."""

from __future__ import annotations

from datetime import datetime, time

from openpyxl import load_workbook
from report_sample import (
    RATIONALE_SHARE,
    sample_report,
    sheet_rows,
)


def test_findings_sheet_lists_every_finding_with_a_decision_drop_down(outputs):
    book = load_workbook(outputs["findings.xlsx"])
    assert book.sheetnames == ["Findings", "Summary"]
    sheet = book["Findings"]
    count = sum(len(r.findings) for r in sample_report().results)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:L{count + 1}"
    rows = sheet_rows(outputs["findings.xlsx"], "Findings")
    assert len(rows) == count
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"accept,dismiss"'
    assert str(validation.sqref) == f"K2:K{count + 1}"
    first = rows[0]
    assert first["Case"] == "C-100" and first["Severity"] == "high"
    assert first["Suggestion"] == "Describe what Mum said or did."
    assert isinstance(first["Date"], datetime)
    assert all(row["Auditor decision"] is None for row in rows)


def test_summary_sheet_counts_by_check_case_and_author(outputs):
    cells = [
        row
        for row in load_workbook(outputs["findings.xlsx"])["Summary"].iter_rows(values_only=True)
    ]
    titles = [row[0] for row in cells if row and row[0] and str(row[0]).startswith("Findings by")]
    assert titles == ["Findings by check", "Findings by case file", "Findings by author"]
    by_check = {
        row[0]: row[1]
        for row in cells
        if row[0] in ("Opinion recorded as fact", "Why information was shared")
    }
    assert by_check == {"Opinion recorded as fact": 4, "Why information was shared": 1}
    okafor = next(row for row in cells if row[0] == "J. Okafor")
    assert okafor[1:4] == (2, 0, 0)


def test_text_that_looks_like_a_formula_stays_text(outputs):
    book = load_workbook(outputs["findings.xlsx"])
    cells = [
        c
        for row in book["Findings"].iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=")
    ]
    assert {c.value for c in cells} == {"=N6", "=cmd|' /C calc'!A0"}
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    contacts = load_workbook(outputs["partner-register.xlsx"])["Partners"]
    named = [c for row in contacts.iter_rows() for c in row if c.value == '=HYPERLINK("x")']
    assert named and named[0].data_type == "s"


def test_control_characters_are_removed_from_spreadsheets(outputs):
    rows = sheet_rows(outputs["findings.xlsx"], "Findings")
    assert "being difficult again" in [row["Flagged words"] for row in rows]
    chronology = sheet_rows(outputs["chronology.xlsx"], "Chronology")
    summary = next(row["What happened"] for row in chronology if row["Note ID"] == "N7")
    assert summary == "He was being difficult again and refused to talk."


# --- partner-register.xlsx ----------------------------------------------------------------------


def test_partner_register_groups_by_agency_and_named_contact(outputs):
    book = load_workbook(outputs["partner-register.xlsx"])
    assert book.sheetnames == ["Partners", "Contacts"]
    assert book["Partners"].freeze_panes == "A2"
    partners = {
        (r["Agency"], r["Named contact"]): r
        for r in sheet_rows(outputs["partner-register.xlsx"], "Partners")
    }
    assert set(partners) == {
        ("Oxford MASH", None),
        ("Riverside GP Surgery", "Dr Ahmed"),
        ("Thames Valley Police", None),
        ("Thames Valley Police", "PC Patel"),
        ("Thames Valley Police", '=HYPERLINK("x")'),
    }
    patel = partners[("Thames Valley Police", "PC Patel")]
    assert patel["Phone"] == "01865 000000" and patel["Role"] == "police officer"
    assert patel["First contact"] == datetime(2024, 2, 10)
    assert patel[RATIONALE_SHARE] is None  # nothing went out
    assert partners[("Riverside GP Surgery", "Dr Ahmed")][RATIONALE_SHARE] == 1
    assert partners[("Oxford MASH", None)][RATIONALE_SHARE] == 0
    assert all(row["Last verified"] is None for row in partners.values())


def test_contacts_sheet_has_every_contact_event_in_date_order(outputs):
    rows = sheet_rows(outputs["partner-register.xlsx"], "Contacts")
    assert len(rows) == 5
    dates = [row["Date"] for row in rows]
    assert dates == sorted(dates)
    mash = next(row for row in rows if row["Agency"] == "Oxford MASH")
    assert (mash["Direction"], mash["Rationale recorded"], mash["Note ID"]) == ("out", "No", "N2")
    inward = next(row for row in rows if row["Named contact"] == "PC Patel")
    assert inward["Rationale recorded"] is None


# --- chronology.xlsx ----------------------------------------------------------------------------


def test_chronology_rows_are_significant_events_in_date_order(outputs):
    sheet = load_workbook(outputs["chronology.xlsx"])["Chronology"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:J7"
    rows = sheet_rows(outputs["chronology.xlsx"], "Chronology")
    # N1 and N4 record no significant event and no contact: they are left out
    assert [(r["Case"], r["Note ID"], r["Event type"]) for r in rows] == [
        ("C-100", "N2", "Multi-agency contact"),
        ("C-200", "N3", "Decision"),
        ("C-200", "N5", "Multi-agency contact"),
        ("C-300", "=N6", "Multi-agency contact"),
        ("C-300", "N7", "Incident"),
        ("C-400", "N8", "Harm or injury"),
    ]
    first = rows[0]
    assert first["Date"] == datetime(2024, 3, 1) and first["Time"] == time(9, 15)
    assert first["What happened"] == (
        "Referral sent to MASH with the chronology of the last 3 weeks."
    )
    assert first["Agencies involved"] == "Oxford MASH"
    gp_note = next(r for r in rows if r["Note ID"] == "N5")
    assert gp_note["Agencies involved"] == "Riverside GP Surgery; Thames Valley Police"


def test_a_chronology_row_carries_the_event_not_the_note(outputs):
    rows = {r["Note ID"]: r for r in sheet_rows(outputs["chronology.xlsx"], "Chronology")}
    fall = rows["N8"]
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
    assert any("6 of 8 notes" in line and "left out" in line for line in lines)
