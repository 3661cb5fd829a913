"""Excel workbooks, including hostile ones (bombs, XXE, encrypted, damaged)."""

import datetime as dt
import re
import zipfile

import openpyxl
import pytest

from recordcheck.ingest import read_inputs, safety, spreadsheet
from recordcheck.model import Unreadable


def save_workbook(path, rows, title="Sheet", extra_sheets=()):
    workbook = openpyxl.Workbook()
    workbook.active.title = title
    for row in rows:
        workbook.active.append(row)
    for name, sheet_rows in extra_sheets:
        sheet = workbook.create_sheet(name)
        for row in sheet_rows:
            sheet.append(row)
    workbook.save(path)
    return path


def rewrite_member(path, member, transform):
    """Rebuild a zip with one member's bytes transformed (to craft odd files)."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[member] = transform(parts[member])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def read_one(path, **options):
    return list(read_inputs([path], **options))


def test_title_rows_real_dates_and_excel_row_numbers(tmp_path):
    path = save_workbook(
        tmp_path / "notes.xlsx",
        [
            ["Case notes export: Riverside team"],
            [],
            ["Case Note ID", "Client ID", "Contact Date", "Time", "Worker", "Note"],
            [101, 5001, dt.datetime(2025, 3, 14, 10, 30), None, "J Smith", "Home visit."],
            [102.0, "5001", dt.date(2025, 3, 15), dt.time(9, 5), "J Smith", "Phone call."],
        ],
    )
    first, second = read_one(path)
    assert (first.note_id, first.case_id, first.date, first.time) == (
        "101",
        "5001",
        "2025-03-14",
        "10:30",
    )
    assert (second.note_id, second.date, second.time) == ("102", "2025-03-15", "09:05")
    assert (first.row, second.row) == (4, 5)
    assert first.source == str(path)


def test_excel_times_stored_as_day_fractions_and_unheaded_columns(tmp_path):
    path = save_workbook(
        tmp_path / "notes.xlsx",
        [["Case ID", "Date", "Time", "Note"], ["C1", "14/03/2025", 0.4375, "Seen.", "aside"]],
    )
    [note] = read_one(path)
    assert (note.date, note.time, note.text, note.problems) == ("2025-03-14", "10:30", "Seen.", ())


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        ([], "the file has no rows"),
        ([["Case ID", "Note"]], "the file has column headers but no notes below them"),
    ],
)
def test_empty_and_header_only_sheets(tmp_path, rows, reason):
    path = save_workbook(tmp_path / "notes.xlsx", rows)
    assert read_one(path) == [Unreadable(str(path), None, reason)]


def test_named_sheet_and_missing_sheet(tmp_path):
    path = save_workbook(
        tmp_path / "book.xlsx",
        [["Summary only"]],
        title="Summary",
        extra_sheets=[("Notes", [["Case ID", "Note"], ["C1", "from the notes sheet"]])],
    )
    [note] = read_one(path, sheet="Notes")
    assert note.text == "from the notes sheet"
    [problem] = read_one(path, sheet="Contacts")
    assert problem.reason == "there is no sheet named 'Contacts'; sheets: 'Summary', 'Notes'"


def test_sheet_named_in_the_mapping_file(tmp_path):
    mapping = tmp_path / "map.toml"
    mapping.write_text('sheet = "Notes"\n')
    path = save_workbook(
        tmp_path / "book.xlsx",
        [["x"]],
        extra_sheets=[("Notes", [["Case ID", "Note"], ["C1", "n"]])],
    )
    assert [n.text for n in read_one(path, mapping=mapping)] == ["n"]


def test_first_sheet_without_the_needed_columns_is_reported(tmp_path):
    path = save_workbook(tmp_path / "book.xlsx", [["Name", "Address"], ["A", "B"]])
    [problem] = read_one(path)
    assert problem.row is None and "missing column(s): case_id, text" in problem.reason


def test_formula_cells_give_their_cached_value(tmp_path):
    path = save_workbook(
        tmp_path / "book.xlsx", [["Case ID", "Note"], ["C1", '=CONCAT("Seen ","alone")']]
    )

    def add_cached_value(xml):
        xml = re.sub(rb'<c r="B2"([^>]*)><f>', rb'<c r="B2" t="str"><f>', xml)
        return xml.replace(b"<v></v>", b"<v>Seen alone</v>").replace(b"<v />", b"<v>Seen alone</v>")

    rewrite_member(path, "xl/worksheets/sheet1.xml", add_cached_value)
    [note] = read_one(path)
    assert note.text == "Seen alone"


def test_formula_without_a_cached_value_is_not_evaluated(tmp_path):
    path = save_workbook(tmp_path / "book.xlsx", [["Case ID", "Note"], ["C1", '="never"&"run"']])
    [problem] = read_one(path)
    assert problem == Unreadable(str(path), 2, "the note text is empty")


def test_password_protected_workbook(tmp_path):
    path = tmp_path / "secret.xlsx"
    path.write_bytes(safety.OLE2_MAGIC + bytes(2000))
    [problem] = read_one(path)
    assert problem.reason == (
        "the file is password-protected or an old .xls file; save it as .xlsx without a password"
    )


def test_truncated_workbook(tmp_path):
    path = save_workbook(tmp_path / "book.xlsx", [["Case ID", "Note"], ["C1", "x"]])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    [problem] = read_one(path)
    assert problem.row is None and "damaged or incomplete" in problem.reason


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    [problem] = read_one(path)
    assert problem.reason == "the file is not a valid Excel workbook (a required part is missing)"


def test_zip_bomb_member_is_refused_before_opening(tmp_path, monkeypatch):
    path = save_workbook(tmp_path / "book.xlsx", [["Case ID", "Note"], ["C1", "x"]])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", bytes(safety.LARGE_MEMBER + 1))
    opened = []
    monkeypatch.setattr(spreadsheet, "load_workbook", lambda *a, **k: opened.append(a))
    [problem] = read_one(path)
    assert "zip bomb" in problem.reason and "padding.bin" in problem.reason
    assert opened == []


def test_total_uncompressed_size_limit(tmp_path, monkeypatch):
    path = save_workbook(tmp_path / "book.xlsx", [["Case ID", "Note"], ["C1", "x" * 5000]])
    monkeypatch.setattr(safety, "MAX_UNCOMPRESSED_TOTAL", 4096)
    [problem] = read_one(path)
    assert "possible zip bomb" in problem.reason


def xxe_workbook(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    path = save_workbook(tmp_path / "book.xlsx", [["Case ID", "Note"], ["C1", "PAYLOAD"]])

    def inject(xml):
        doctype = f'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file://{secret}">]>'.encode()
        return doctype + xml.replace(b"PAYLOAD", b"&xxe;")

    rewrite_member(path, "xl/worksheets/sheet1.xml", inject)
    return path


def test_xxe_workbook_is_refused(tmp_path):
    path = xxe_workbook(tmp_path)
    [problem] = read_one(path)
    assert isinstance(problem, Unreadable) and "DOCTYPE" in problem.reason


def test_xxe_is_not_expanded_even_without_the_precheck(tmp_path, monkeypatch):
    path = xxe_workbook(tmp_path)
    monkeypatch.setattr(spreadsheet, "check_office_container", lambda *args: None)
    [problem] = read_one(path)
    assert problem.reason == "the file declares XML entities, which are refused for safety"
    assert "TOP-SECRET" not in str(problem)


@pytest.mark.parametrize("suffix", [".xlsx", ".xlsm"])
def test_empty_file(tmp_path, suffix):
    path = tmp_path / f"book{suffix}"
    path.write_bytes(b"")
    assert read_one(path) == [Unreadable(str(path), None, "the file is empty")]
