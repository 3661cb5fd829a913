"""chronology.xlsx: each case file's notes in date order, one line each.

A spreadsheet rather than a Word table because a chronology is a working
document: practitioners filter it to one case, sort it, add the events the
notes missed and paste it into their own templates, and it stays quick to
open at tens of thousands of notes, where a Word table does not.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from recordcheck.model import Report
from recordcheck.report.excerpts import first_sentence
from recordcheck.report.guide import guide_for
from recordcheck.report.summary import agencies_in, author_label, case_label, in_date_order
from recordcheck.report.workbook import Column, add_list_sheet, new_workbook, save_workbook

CHRONOLOGY_COLUMNS = (
    Column("Case", 14),
    Column("Date", 12, "date"),
    Column("Time", 8, "time"),
    Column("Note type", 20),
    Column("Author", 18),
    Column("Summary", 70, wrap=True),
    Column("Agencies involved", 30, wrap=True),
    Column("Recording points", 26, wrap=True),
    Column("Note ID", 14),
)


def _rows(report: Report) -> Iterator[tuple]:
    for result in in_date_order(report.results):
        note = result.note
        checks = dict.fromkeys(guide_for(finding.check).title for finding in result.findings)
        yield (
            case_label(result),
            note.date,
            note.time,
            note.note_type,
            author_label(result),
            first_sentence(note.text),
            "; ".join(agencies_in(result)),
            "; ".join(checks),
            note.note_id,
        )


def write_chronology(report: Report, path: Path) -> Path:
    workbook = new_workbook()
    add_list_sheet(workbook, "Chronology", CHRONOLOGY_COLUMNS, _rows(report))
    return save_workbook(workbook, path)
