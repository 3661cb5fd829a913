"""The command line, run in-process with click's CliRunner and the stand-in checker."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BREAKS_PIPELINE

from recordcheck import __version__
from recordcheck.cli import main
from recordcheck.model import Report

ROWS = [
    ("N1", "C1", "Home visit. The kitchen was messy."),
    ("N2", "C1", "Phoned the GP about medication."),
    ("N3", "C2", "Messy room, messy hall."),
]


@pytest.fixture(autouse=True)
def stand_in_unless_real(request):
    """Most tests use the stand-in checker; the slow ones ask for the real pipeline."""
    if "real_pipeline" not in request.fixturenames:
        request.getfixturevalue("stand_in_pipeline")


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_check_prints_findings_by_case_and_ends_with_the_account(write_csv):
    export = write_csv("notes.csv", ROWS)

    result = invoke("check", str(export))

    assert result.exit_code == 0
    assert "Case C1" in result.stdout and "Case C2" in result.stdout
    assert '"messy"' in result.stdout
    assert "Checked 3 notes in 2 case files: 3 findings" in result.stdout
    assert "Notes read: 3" in result.stderr and "Notes checked: 3" in result.stderr


def test_jsonl_output_file_has_one_line_per_note(write_csv, tmp_path):
    export = write_csv("notes.csv", ROWS)
    output = tmp_path / "findings.jsonl"

    result = invoke("check", str(export), "--format", "jsonl", "--output", str(output))

    assert result.exit_code == 0
    assert result.stdout == ""
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [(r["note_id"], len(r["findings"])) for r in records] == [
        ("N1", 1), ("N2", 0), ("N3", 2)
    ]
    assert records[0]["date"] == "2025-03-14"


def test_json_format_is_the_whole_report(write_csv):
    export = write_csv("notes.csv", ROWS)

    result = invoke("check", str(export), "--format", "json")

    report = Report.from_dict(json.loads(result.stdout))
    assert [r.note.note_id for r in report.results] == ["N1", "N2", "N3"]
    assert report.sources[0].notes_read == 3 and len(report.sources[0].sha256) == 64
    assert report.tool_version == __version__


def test_no_input_checks_the_bundled_sample_and_says_so():
    result = invoke("check", "--format", "jsonl")

    assert result.exit_code == 0
    assert "bundled sample" in result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) > 10
    assert f"Notes read: {len(lines)}" in result.stderr


def test_an_unreadable_row_is_reported_and_fails_only_with_strict(write_csv):
    export = write_csv("notes.csv", [*ROWS, ("N4", "C2", "")])

    relaxed = invoke("check", str(export))
    strict = invoke("check", str(export), "--strict")

    assert relaxed.exit_code == 0 and strict.exit_code == 1
    assert "Rows not read: 1" in relaxed.stderr
    assert "notes.csv row 5" in relaxed.stderr
    assert "Checked 3 notes" in strict.stdout


def test_a_file_that_cannot_be_read_gives_exit_1_and_the_rest_is_still_written(
    write_csv, tmp_path
):
    good = write_csv("good.csv", ROWS)
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"\x00\x01\x02 not a csv \xff\xfe" * 20)
    output = tmp_path / "out.jsonl"

    result = invoke("check", str(good), str(broken), "--format", "jsonl", "--output", str(output))

    assert result.exit_code == 1
    assert len(output.read_text().splitlines()) == 3
    assert "Files read: 1 of 2" in result.stderr
    assert "broken.csv:" in result.stderr


def test_a_bad_mapping_file_is_a_usage_error_on_one_line_and_writes_nothing(
    write_csv, tmp_path
):
    export = write_csv("notes.csv", ROWS)
    mapping = tmp_path / "map.toml"
    mapping.write_text("[columns\ntext = ", encoding="utf-8")
    output = tmp_path / "out.jsonl"

    result = invoke("check", str(export), "--mapping", str(mapping), "--output", str(output))

    assert result.exit_code == 2
    [message] = result.stderr.strip().splitlines()
    assert "map.toml" in message
    assert set(tmp_path.iterdir()) == {export, mapping}  # no output, no temporary file


def test_quiet_hides_the_account_of_a_clean_run_but_not_problems(write_csv):
    clean = write_csv("clean.csv", ROWS)
    with_gap = write_csv("gap.csv", [*ROWS, ("N4", "C2", "")])

    assert invoke("check", str(clean), "--quiet").stderr == ""
    assert "gap.csv row 5" in invoke("check", str(with_gap), "--quiet").stderr


def test_log_lines_name_the_note_but_never_quote_it_unless_verbose(write_csv):
    secret = f"Mrs Quentin disclosed that her son takes her pension. {BREAKS_PIPELINE}"
    export = write_csv("notes.csv", [*ROWS, ("N9", "C3", secret)])

    normal = invoke("check", str(export))
    verbose = invoke("check", str(export), "--verbose")

    assert "N9 could not be checked (ValueError)" in normal.stderr
    assert "Mrs Quentin" not in normal.stderr and "Mrs Quentin" not in normal.stdout
    assert "Mrs Quentin" in verbose.stderr  # the traceback, shown only on request


def test_a_folder_without_case_notes_is_a_usage_error(tmp_path):
    (tmp_path / "readme.pdf").write_bytes(b"%PDF")
    empty = tmp_path / "empty"
    empty.mkdir()

    result = invoke("check", str(empty))

    assert result.exit_code == 2
    assert "no case-note files found" in result.stderr


def test_version_and_help_with_examples():
    assert invoke("--version").stdout.strip() == f"recordcheck, version {__version__}"
    assert "Examples:" in invoke("--help").stdout
    assert "recordcheck check notes.csv" in invoke("check", "--help").stdout


def test_audit_writes_the_pack_and_a_json_report(write_csv, tmp_path):
    pytest.importorskip("recordcheck.report.audit")
    export = write_csv("notes.csv", ROWS)
    out_dir = tmp_path / "audit"

    result = invoke("audit", str(export), "--out", str(out_dir), "--organisation", "Anytown")

    assert result.exit_code == 0, result.output
    saved = json.loads((out_dir / "report.json").read_text(encoding="utf-8"))
    report = Report.from_dict(saved)
    assert len(report.results) == 3
    # each check's figures say what they are out of
    for figures in saved["checks"].values():
        assert 0 < figures["applicable_notes"] <= 3
        assert figures["notes_with_finding"] <= figures["applicable_notes"]
    written = [line.removeprefix("Wrote ") for line in result.stdout.splitlines()
               if line.startswith("Wrote ")]
    assert len(written) >= 2 and all(Path(path).exists() for path in written)


def test_a_bad_rules_file_is_a_usage_error_naming_the_file_and_line(write_csv, tmp_path):
    export = write_csv("notes.csv", ROWS)
    rules = tmp_path / "our-terms.toml"
    rules.write_text("[opinion]\nlabels = 'not a list'\n", encoding="utf-8")

    result = invoke("check", str(export), "--rules", str(rules))

    assert result.exit_code == 2
    [message] = result.stderr.strip().splitlines()
    assert "our-terms.toml:2" in message


def test_importing_the_cli_leaves_numpy_unloaded_so_thread_settings_still_apply():
    # OpenBLAS reads its thread count once, when numpy first loads.
    code = "import sys, recordcheck.cli; print('numpy' in sys.modules)"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert loaded.stdout.strip() == "False"


@pytest.mark.slow
def test_real_checks_on_the_bundled_sample_keep_the_jsonl_contract(real_pipeline, tmp_path):
    from recordcheck.ingest import read_inputs

    output = tmp_path / "sample.jsonl"
    result = invoke("check", "--format", "jsonl", "--output", str(output), "--quiet")

    assert result.exit_code == 0
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    sample = str(files("recordcheck").joinpath("sample", "case-notes-sample.csv"))
    notes = list(read_inputs([sample]))
    assert [r["note_id"] for r in records] == [n.note_id for n in notes]
    assert any(r["findings"] for r in records) and any(not r["findings"] for r in records)
    for note, record in zip(notes, records, strict=True):
        for finding in record["findings"]:
            assert note.text[finding["start"]:finding["end"]] == finding["text"]
