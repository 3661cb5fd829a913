"""The JSON Lines contract: one line per note, in input order, findings [] when clean.

Each line is ``{"case_id", "date", "findings": [{"check", "cue", "end",
"message", "severity", "start", "suggestion", "text"}], "note_id"}`` with
``text == note_text[start:end]``. Keys and findings are sorted and nothing
depends on the clock, so the same input gives byte-identical output.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from recordcheck.model import Finding, NoteResult


def note_line(result: NoteResult) -> str:
    """One note's JSON line, without the trailing newline."""
    note = result.note
    record = {
        "note_id": note.note_id,
        "case_id": note.case_id,
        "date": note.date,
        "findings": finding_records(result.findings),
    }
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def finding_records(findings: Iterable[Finding]) -> list[dict]:
    """Findings in the contract's shape and order (the web page's API answers with these)."""
    return [finding.to_dict() for finding in sorted(findings, key=_finding_order)]


def write_jsonl(results: Iterable[NoteResult], stream: TextIO) -> int:
    """Write each result as it arrives (nothing is held back); return the line count."""
    lines = 0
    for result in results:
        stream.write(note_line(result) + "\n")
        lines += 1
    return lines


def _finding_order(finding: Finding) -> tuple:
    return (finding.start, finding.end, finding.check, finding.cue or "", finding.message)
