"""Moderation and sampling: Finding IDs, auditors' decisions read back (--decisions),
Cohen's kappa, case files drawn at random (--sample --seed), and the print set-up of
every workbook in the pack."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook
from report_sample import sheet_rows

from recordcheck.cli import main
from recordcheck.model import Finding, Note, Severity
from recordcheck.report.moderation import cohens_kappa, finding_id
from recordcheck.report.workbook import CELL_POINTS, MIN_PRINTED_POINTS, print_scale
from recordcheck.sampling import CaseFiles, SampleTooLarge, draw_sample

ROWS = [
    ("N1", "C1", "Home visit. The kitchen was messy."),
    ("N2", "C1", "Phoned the GP about medication."),
    ("N3", "C2", "Messy room, messy hall."),
]
CONTEXT = "Flagged words «in» context"


@pytest.fixture(autouse=True)
def stand_in(stand_in_pipeline):
    """The stand-in checker flags the word "messy"."""


def invoke(*args: object):
    return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)


def audited(export: Path, out_dir: Path, *extra: object) -> list[dict]:
    result = invoke("audit", export, "--out", out_dir, "--quiet", *extra)
    assert result.exit_code == 0, result.output
    return sheet_rows(out_dir / "findings.xlsx", "Findings")


def decide(workbook: Path, decisions: dict[str, dict[str, object]]) -> None:
    """Fill in decisions as an auditor would: by Finding ID, in the columns named."""
    book = load_workbook(workbook)
    sheet = book["Findings"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        for column, value in decisions.get(row[0].value, {}).items():
            row[header.index(column)].value = value
    book.save(workbook)


# --- Finding IDs ---------------------------------------------------------------------------------


def _finding(start: int, text: str, check: str = "opinion") -> Finding:
    return Finding(check, start, start + len(text), text, Severity.LOW, "message")


def test_a_finding_id_comes_from_the_note_the_check_and_the_flagged_words():
    note = Note("N1", "C1", "The kitchen was messy and messy.")
    same = finding_id(note, _finding(16, "messy"))
    assert same == finding_id(note, _finding(16, "messy")) and same.startswith("F-")
    others = {
        finding_id(note, _finding(26, "messy")),  # the same words elsewhere in the note
        finding_id(note, _finding(16, "messy", "who-present")),
        finding_id(Note("N2", "C1", note.text), _finding(16, "messy")),
        finding_id(Note("N1", "C2", note.text), _finding(16, "messy")),
    }
    assert same not in others and len(others) == 4


def test_finding_ids_are_the_same_on_every_run_and_in_any_input_order(write_csv, tmp_path):
    first = audited(write_csv("notes.csv", ROWS), tmp_path / "one")
    again = audited(write_csv("notes.csv", ROWS), tmp_path / "two")
    reordered = audited(write_csv("reversed.csv", ROWS[::-1]), tmp_path / "three")

    def ids(rows):
        return {row["Finding ID"]: (row["Note ID"], row[CONTEXT]) for row in rows}

    assert len(ids(first)) == 3
    assert ids(first) == ids(again) == ids(reordered)
    assert [row["Finding ID"] for row in reordered] != [row["Finding ID"] for row in first]


# --- decisions read back -------------------------------------------------------------------------


def _all_text(docx: Path) -> str:
    document = Document(str(docx))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_dismissed_finding_leaves_the_figures_and_decisions_carry_over(write_csv, tmp_path):
    export = write_csv("notes.csv", ROWS)
    rows = audited(export, tmp_path / "first")
    by_note = {row["Note ID"]: row["Finding ID"] for row in rows}
    accepted = [row["Finding ID"] for row in rows if row["Note ID"] == "N3"]
    decide(tmp_path / "first" / "findings.xlsx", {
        by_note["N1"]: {"Decision": "dismiss", "Reason": "describes the room, not a person",
                        "Auditor": "A. Auditor", "Date decided": "02/12/2026"},
        accepted[0]: {"Decision": "Accept", "Auditor": "A. Auditor"},
    })

    result = invoke("audit", export, "--out", tmp_path / "second", "--quiet", "--decisions",
                    tmp_path / "first" / "findings.xlsx")

    assert "2 findings (2 opinion)" in result.stdout
    assert "Findings dismissed by auditors are left out: 1." in result.stdout
    rows = sheet_rows(tmp_path / "second" / "findings.xlsx", "Findings")

    # every finding is still listed, with the decisions carried over
    decided = {row["Finding ID"]: row for row in rows}
    assert len(decided) == 3
    assert decided[by_note["N1"]]["Decision"] == "dismiss"
    assert decided[by_note["N1"]]["Reason"] == "describes the room, not a person"
    assert decided[by_note["N1"]]["Date decided"].date().isoformat() == "2026-12-02"
    assert decided[accepted[0]]["Decision"] == "accept"
    assert decided[accepted[1]]["Decision"] is None
    saved = json.loads((tmp_path / "second" / "report.json").read_text(encoding="utf-8"))
    before = json.loads((tmp_path / "first" / "report.json").read_text(encoding="utf-8"))
    assert before["checks"]["opinion"]["findings"] == 3
    assert saved["checks"]["opinion"]["findings"] == 2
    assert saved["checks"]["opinion"]["notes_with_finding"] == 1
    assert saved["moderation"]["opinion"] == {
        "accepted": 1, "dismissed": 1, "undecided": 1, "precision": 0.5
    }
    assert before["moderation"]["opinion"]["precision"] is None
    # the Word report: one of three notes met every check before, two of three after
    assert "33%" in _all_text(tmp_path / "first" / "audit-report.docx")
    word = _all_text(tmp_path / "second" / "audit-report.docx")
    assert "67%" in word and "1 finding accepted, 1 dismissed and 1 not yet decided" in word


def test_render_keeps_the_decisions(write_csv, tmp_path):
    export = write_csv("notes.csv", ROWS)
    rows = audited(export, tmp_path / "first")
    decide(tmp_path / "first" / "findings.xlsx", {rows[0]["Finding ID"]: {"Decision": "dismiss"}})
    audited(export, tmp_path / "second", "--decisions", tmp_path / "first" / "findings.xlsx")

    result = invoke("render", tmp_path / "second" / "report.json", "--out", tmp_path / "again")

    assert result.exit_code == 0, result.output
    again = sheet_rows(tmp_path / "again" / "findings.xlsx", "Findings")
    assert [row["Decision"] for row in again] == ["dismiss", None, None]
    saved = json.loads((tmp_path / "again" / "report.json").read_text(encoding="utf-8"))
    assert saved["moderation"]["opinion"]["dismissed"] == 1
    assert saved["checks"]["opinion"]["findings"] == 2


def test_decisions_for_findings_this_run_did_not_find_are_counted(write_csv, tmp_path):
    export = write_csv("notes.csv", ROWS)
    audited(export, tmp_path / "first")
    book = load_workbook(tmp_path / "first" / "findings.xlsx")
    sheet = book["Findings"]
    sheet["A2"], sheet["M2"], sheet["M3"] = "F-0000000000", "accept", "dismiss"
    book.save(tmp_path / "first" / "findings.xlsx")

    result = invoke("audit", export, "--out", tmp_path / "second", "--quiet",
                    "--decisions", tmp_path / "first" / "findings.xlsx")

    assert result.exit_code == 0
    assert "1 decisions in" in result.stderr and "were not applied" in result.stderr
    saved = json.loads((tmp_path / "second" / "report.json").read_text(encoding="utf-8"))
    assert saved["decisions"]["not_matched"] == 1
    assert [d["decision"] for d in saved["decisions"]["decisions"]] == ["dismiss"]


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda folder: folder / "report.json", "not an Excel workbook"),
        (lambda folder: folder / "chronology.xlsx", "has no 'Findings' sheet"),
    ],
)
def test_a_wrong_decisions_file_is_named_with_its_problem(write_csv, tmp_path, make, problem):
    export = write_csv("notes.csv", ROWS)
    audited(export, tmp_path / "first")
    wrong = make(tmp_path / "first")

    result = invoke("audit", export, "--out", tmp_path / "second", "--decisions", wrong)

    assert result.exit_code == 2
    assert str(wrong) in result.stderr and problem in result.stderr
    assert not (tmp_path / "second").exists()  # found before any note was checked


def test_a_decision_not_on_the_list_names_its_row(write_csv, tmp_path):
    export = write_csv("notes.csv", ROWS)
    rows = audited(export, tmp_path / "first")
    decide(tmp_path / "first" / "findings.xlsx", {rows[1]["Finding ID"]: {"Decision": "maybe"}})

    result = invoke("audit", export, "--out", tmp_path / "second",
                    "--decisions", tmp_path / "first" / "findings.xlsx")

    assert result.exit_code == 2
    assert "row 3: 'maybe' is not one of accept, dismiss, unsure" in result.stderr


# --- agreement ----------------------------------------------------------------------------------


def test_cohens_kappa_matches_a_hand_worked_example():
    # 10 findings: both accept 4, both dismiss 3, first accepts and second dismisses 2,
    # first dismisses and second accepts 1. Observed 7/10; first accepts 6/10, second 5/10,
    # so chance agreement is 0.6*0.5 + 0.4*0.5 = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4
    pairs = (
        [("accept", "accept")] * 4 + [("dismiss", "dismiss")] * 3
        + [("accept", "dismiss")] * 2 + [("dismiss", "accept")]
    )
    random.Random(1).shuffle(pairs)
    agreement = cohens_kappa(pairs)
    assert (agreement.n, agreement.agreed) == (10, 7)
    assert agreement.kappa == pytest.approx(0.4)
    assert cohens_kappa([("accept", "accept")] * 3).kappa is None  # chance agreement is 1
    assert cohens_kappa([]).n == 0


def test_a_second_auditors_decisions_give_agreement(write_csv, tmp_path):
    export = write_csv("notes.csv", ROWS)
    rows = audited(export, tmp_path / "first")
    second = "Second auditor's decision"
    ids = [row["Finding ID"] for row in rows]
    decide(tmp_path / "first" / "findings.xlsx", {
        ids[0]: {"Decision": "accept", second: "accept"},
        ids[1]: {"Decision": "dismiss", second: "dismiss"},
        ids[2]: {"Decision": "accept", second: "dismiss"},
    })

    audited(export, tmp_path / "second", "--decisions", tmp_path / "first" / "findings.xlsx")

    saved = json.loads((tmp_path / "second" / "report.json").read_text(encoding="utf-8"))
    # observed 2/3; first accepts 2/3, second 1/3: chance 2/9 + 2/9 = 4/9; kappa 2/5
    assert saved["agreement"] == {"n": 3, "agreed": 2, "kappa": 0.4}
    assert saved["moderation"]["opinion"]["agreement"]["n"] == 3
    word = _all_text(tmp_path / "second" / "audit-report.docx")
    assert "Cohen's kappa 0.40 (n = 3)" in word


# --- sampling ------------------------------------------------------------------------------------


def _cases(teams: dict[str, int], *, shuffle: int | None = None) -> CaseFiles:
    notes = [
        Note(f"{team}-{case}-{n}", f"{team}-{case}", "text", team=team)
        for team, count in teams.items()
        for case in range(count)
        for n in range(2)
    ]
    if shuffle is not None:
        random.Random(shuffle).shuffle(notes)
    cases = CaseFiles()
    for note in notes:
        cases.add(note)
    return cases


def test_a_sample_is_the_same_for_a_seed_in_any_input_order_and_differs_for_another():
    teams = {"North": 10, "South": 6, "East": 4}
    drawn = draw_sample(_cases(teams), 5, seed=7)
    assert draw_sample(_cases(teams, shuffle=3), 5, seed=7) == drawn
    assert draw_sample(_cases(teams), 5, seed=8).case_ids != drawn.case_ids
    assert len(drawn.case_ids) == 5 and drawn.of == 20 and drawn.seed == 7
    assert drawn.notes_left_out == 15 * 2


def test_a_sample_is_stratified_by_team_in_proportion():
    drawn = draw_sample(_cases({"North": 10, "South": 6, "East": 4}), 5, seed=1)
    # shares 2.5, 1.5 and 1.0 make 2 + 1 + 1; the fifth goes to the largest remainder,
    # where North and South tie: North, the first alphabetically
    assert drawn.stratified_by == "team"
    assert {(s.name, s.drawn, s.of) for s in drawn.strata} == {
        ("East", 1, 4), ("North", 3, 10), ("South", 1, 6)
    }
    for stratum in drawn.strata:
        assert sum(case.startswith(stratum.name) for case in drawn.case_ids) == stratum.drawn


def test_without_teams_the_sample_is_drawn_from_all_case_files():
    drawn = draw_sample(_cases({"": 8}), 3, seed=1)
    assert drawn.stratified_by == "" and drawn.strata == () and len(drawn.case_ids) == 3
    with pytest.raises(SampleTooLarge, match="only 8 case files"):
        draw_sample(_cases({"": 8}), 9, seed=1)


def test_audit_checks_only_the_case_files_drawn_and_accounts_for_the_rest(write_csv, tmp_path):
    export = write_csv("notes.csv", ROWS)

    result = invoke("audit", export, "--out", tmp_path / "audit", "--sample", 1, "--seed", 4)

    assert result.exit_code == 0, result.output
    saved = json.loads((tmp_path / "audit" / "report.json").read_text(encoding="utf-8"))
    [case] = saved["sample"]["case_ids"]
    assert (saved["sample"]["seed"], saved["sample"]["of"]) == (4, 2)
    checked = {result["note"]["case_id"] for result in saved["results"]}
    assert checked == {case}
    left_out = sum(1 for row in ROWS if row[1] != case)
    assert f"Notes left out by sampling: {left_out}" in result.stderr
    assert "Notes read: 3" in result.stderr
    assert "with seed 4 (--seed 4 draws the same ones)" in result.stdout
    again = invoke("audit", export, "--out", tmp_path / "again", "--sample", 1, "--seed", 4)
    redrawn = json.loads((tmp_path / "again" / "report.json").read_text(encoding="utf-8"))
    assert redrawn["sample"] == saved["sample"] and again.exit_code == 0
    word = _all_text(tmp_path / "audit" / "audit-report.docx")
    assert "A sample of 1 of the 2 case files in the export was audited" in word
    # the cover and the executive summary say so too, not only the section at the back
    sampled = "1 case file, a random sample of the 2 in the export (seed 4; see How case files"
    assert word.count(sampled) == 2


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--sample", 3), "--sample 3: the input holds only 2 case files"),
        (("--seed", 3), "--seed draws a sample: give --sample N with it"),
    ],
)
def test_sample_usage_problems_are_clear(write_csv, tmp_path, options, message):
    result = invoke("audit", write_csv("notes.csv", ROWS), "--out", tmp_path / "a", *options)
    assert result.exit_code == 2 and message in result.stderr


# --- print set-up ---------------------------------------------------------------------------------


def test_every_workbook_prints_on_a4_landscape_one_page_wide_at_a_readable_size(outputs):
    for name in ("findings.xlsx", "partner-register.xlsx", "chronology.xlsx"):
        for sheet in load_workbook(outputs[name]).worksheets:
            where = f"{name} {sheet.title}"
            setup = sheet.page_setup
            assert (int(setup.paperSize), setup.orientation) == (9, "landscape"), where
            assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), where
            assert sheet.sheet_properties.pageSetUpPr.fitToPage, where
            widths = [dimension.width for dimension in sheet.column_dimensions.values()]
            assert CELL_POINTS * print_scale(widths) >= MIN_PRINTED_POINTS, where
            if sheet.title != "Summary":  # a sheet of several small tables has no one header
                assert sheet.print_title_rows == "$1:$1" and sheet.freeze_panes == "A2", where
            else:  # each table's header row is tall enough for its wrapped headers
                assert sheet.row_dimensions[2].height >= 2 * 15, where


def test_author_names_wrap_rather_than_being_cut_off(outputs):
    sheet = load_workbook(outputs["findings.xlsx"])["Findings"]
    header = [cell.value for cell in sheet[1]]
    authors = [row[header.index("Author")] for row in sheet.iter_rows(min_row=2)]
    assert authors and all(cell.alignment.wrap_text for cell in authors)
    assert "J. Okafor" in {cell.value for cell in authors}
