"""Excel 97-2003 workbooks (.xls), written here with xlwt and read with xlrd."""

from __future__ import annotations

import datetime as dt

import pytest

from recordcheck.ingest import expand_inputs, read_inputs, safety
from recordcheck.model import Note, Unreadable

xlwt = pytest.importorskip("xlwt")

DATE = xlwt.easyxf(num_format_str="DD/MM/YYYY")
DATE_TIME = xlwt.easyxf(num_format_str="DD/MM/YYYY HH:MM")
TIME = xlwt.easyxf(num_format_str="HH:MM")


def save_xls(path, sheets):
    """sheets: {name: rows}; a cell is a value or (value, style)."""
    book = xlwt.Workbook(encoding="utf-8")
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                value, style = cell if isinstance(cell, tuple) else (cell, None)
                sheet.write(r, c, value, style) if style else sheet.write(r, c, value)
    book.save(str(path))
    return path


EXPORT = {
    "Case notes": [
        ["Case notes export: Riverside team"],
        [],
        ["Case Note ID", "Client ID", "Contact Date", "Time", "Worker", "Note Type", "Note"],
        [101, 5001, (dt.datetime(2025, 3, 14, 10, 30), DATE_TIME), None, "J Smith",
         "Home Visit", "Visited Zoë at home. Café receipts £5, “quoted”.\nSeen alone."],
        [102.0, "5001", (dt.datetime(2025, 3, 15), DATE), (dt.time(9, 5), TIME), "J Smith",
         "Phone call", "Rang the GP."],
        [None, None, None, None, None, None, None],
        [103, 5002, "16/03/2025", None, "A Khan", "Email", "=not a formula"],
    ],
    "Other": [["Case ID", "Note"], ["C9", "On the second sheet."]],
}


def test_an_xls_export_reads_like_an_xlsx_one(tmp_path):
    path = save_xls(tmp_path / "export.xls", EXPORT)

    first, second, third = read_inputs([path])

    assert first == Note(
        note_id="101", case_id="5001", date="2025-03-14", time="10:30", author="J Smith",
        note_type="Home Visit", source=str(path), row=4,
        text="Visited Zoë at home. Café receipts £5, “quoted”.\nSeen alone.",
    )
    assert (second.note_id, second.date, second.time, second.row) == (
        "102", "2025-03-15", "09:05", 5
    )
    assert (third.row, third.date, third.text) == (7, "2025-03-16", "=not a formula")


def test_a_named_sheet_and_a_missing_one(tmp_path):
    path = save_xls(tmp_path / "export.xls", EXPORT)

    [note] = read_inputs([path], sheet="Other")
    [problem] = read_inputs([path], sheet="Notes")

    assert (note.case_id, note.text, note.row) == ("C9", "On the second sheet.", 2)
    assert problem == Unreadable(
        str(path), None, "there is no sheet named 'Notes'; sheets: 'Case notes', 'Other'"
    )


def test_folders_include_xls_files(tmp_path):
    save_xls(tmp_path / "a.xls", EXPORT)
    (tmp_path / "~$a.xls").write_bytes(b"lock")

    assert expand_inputs([tmp_path]) == [tmp_path / "a.xls"]


def encrypted_copy(path, tmp_path):
    """The workbook with a FILEPASS record where Excel puts one for a password to open.

    Excel 97-2003 encrypts a workbook inside its own stream and announces it with
    FILEPASS (0x002F) right after the first BOF; here the INTERFACEHDR record
    that follows BOF gives up its type code, keeping every length intact.
    """
    data = path.read_bytes()
    interface_header = b"\xe1\x00\x02\x00"
    at = data.index(interface_header)
    locked = tmp_path / "locked.xls"
    locked.write_bytes(data[:at] + b"\x2f\x00" + data[at + 2 :])
    return locked


def test_a_password_protected_xls_is_refused(tmp_path):
    locked = encrypted_copy(save_xls(tmp_path / "export.xls", EXPORT), tmp_path)

    [problem] = read_inputs([locked])

    assert problem == Unreadable(
        str(locked), None, "the workbook is password-protected; save it without a password"
    )


def test_an_office_file_without_a_workbook_is_refused(tmp_path):
    path = save_xls(tmp_path / "export.xls", EXPORT)
    renamed = path.read_bytes().replace("Workbook".encode("utf-16-le"),
                                        "Wxrkbook".encode("utf-16-le"))
    path.write_bytes(renamed)

    [problem] = read_inputs([path])

    assert problem.row is None and "password-protected (an encrypted Excel file)" in problem.reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"PK\x03\x04" + bytes(100), "an .xlsx workbook with an .xls name; rename it to .xlsx"),
        (b"<html><table><tr><td>Case</td></tr></table></html>",
         "not an Excel 97-2003 workbook (some systems save a web page or text as .xls)"),
        (safety.OLE2_MAGIC + bytes(600), "the .xls file is damaged or incomplete"),
    ],
)
def test_files_that_are_not_readable_workbooks(tmp_path, content, reason):
    path = tmp_path / "export.xls"
    path.write_bytes(content)

    [problem] = read_inputs([path])

    assert problem.row is None and reason in problem.reason


def test_a_truncated_xls_is_damaged_and_nothing_is_printed(tmp_path, capsys):
    path = save_xls(tmp_path / "export.xls", EXPORT)
    path.write_bytes(path.read_bytes()[:3000])

    [problem] = read_inputs([path])

    assert problem.reason == "the .xls file is damaged or incomplete"
    assert capsys.readouterr().out == ""


def test_an_xls_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = save_xls(tmp_path / "export.xls", EXPORT)
    monkeypatch.setattr(safety, "MAX_LEGACY_WORKBOOK", 1024)

    [problem] = read_inputs([path])

    assert problem.row is None
    assert problem.reason.endswith("MB read safely; save it as .xlsx or CSV")
