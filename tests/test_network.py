"""recordcheck never touches the network: whole runs with every socket refused."""

from __future__ import annotations

import json
import socket

import pytest
from click.testing import CliRunner
from conftest import sockets_blocked

from recordcheck.cli import main

ROWS = [
    ("N1", "C1", "Home visit to Mrs Adeyemi. The kitchen was messy. Mum seemed drunk."),
    ("N2", "C1", "Phoned PC Patel at Thames Valley Police and shared the chronology."),
    ("N3", "C2", "Present: Tom, his mother and me. He is manipulative."),
]


def run_offline(*args: str):
    with sockets_blocked():
        return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_the_blocker_really_blocks():
    with sockets_blocked(), pytest.raises(OSError, match="network access"):
        socket.create_connection(("localhost", 80))


@pytest.mark.usefixtures("stand_in_pipeline")
@pytest.mark.parametrize("output_format", ["text", "jsonl", "json"])
def test_check_runs_offline(write_csv, output_format):
    export = write_csv("notes.csv", ROWS)

    result = run_offline("check", str(export), "--format", output_format)

    assert result.exit_code == 0
    assert "Notes checked: 3" in result.stderr


@pytest.mark.slow
@pytest.mark.usefixtures("real_pipeline")
def test_check_audit_and_redact_run_offline_with_the_real_pipeline(write_csv, tmp_path):
    pytest.importorskip("recordcheck.report.audit")
    export = write_csv("notes.csv", ROWS)

    checked = run_offline("check", str(export), "--format", "jsonl", "--redact")
    audited = run_offline("audit", str(export), "--out", str(tmp_path / "audit"))

    assert checked.exit_code == 0 and audited.exit_code == 0, audited.output
    assert len(checked.stdout.splitlines()) == 3
    assert any(json.loads(line)["findings"] for line in checked.stdout.splitlines())
    assert (tmp_path / "audit" / "report.json").exists()
