"""CSV/TSV exports: headers, encodings, delimiters, broken rows."""

import csv
import io

import pytest

from recordcheck.ingest import encoding, read_inputs
from recordcheck.ingest.encoding import REPLACED_PROBLEM
from recordcheck.model import Note, Unreadable

CANONICAL = ["note_id", "case_id", "date", "time", "author", "note_type", "text"]


def csv_bytes(rows, delimiter=",", encoding="utf-8"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def read_one(path, **options):
    return list(read_inputs([path], **options))


def notes(items):
    return [item for item in items if isinstance(item, Note)]


def test_canonical_csv_with_bom_and_multiline_text(tmp_path):
    path = tmp_path / "export.csv"
    text = 'Visited Mrs A.\r\nShe said "I\'m fine", and smiled.'
    path.write_bytes(
        b"\xef\xbb\xbf"
        + csv_bytes([CANONICAL, ["N1", "C1", "14/03/2025", "10:30", "J Smith", "Home Visit", text]])
    )
    [note] = read_one(path)
    assert note == Note(
        note_id="N1",
        case_id="C1",
        text=text,
        date="2025-03-14",
        time="10:30",
        author="J Smith",
        note_type="Home Visit",
        source=str(path),
        row=2,
    )


def test_text_is_kept_exactly_except_nul_bytes(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(
        csv_bytes([CANONICAL, ["N1", "C1", "", "", "", "", "  two  spaces\x00 kept \n"]])
    )
    [note] = read_one(path)
    assert note.text == "  two  spaces kept \n"


def test_nul_padding_and_utf16_without_bom_still_read(tmp_path):
    padded = tmp_path / "padded.csv"
    padded.write_bytes(b"Case ID,Note\r\nC1,before the crash\r\n" + bytes(8192))
    wide = tmp_path / "wide.csv"
    wide.write_bytes("Case ID,Note\r\nC2,wide text\r\n".encode("utf-16-le"))
    assert [n.text for n in read_one(padded)] == ["before the crash"]
    assert [n.text for n in read_one(wide)] == ["wide text"]


@pytest.mark.parametrize(
    "header",
    [
        [
            "Case Note ID",
            "Person ID",
            "Event Date",
            "Time",
            "Recorded By",
            "Contact Type",
            "Narrative",
        ],
        ["NOTE ID", "client_id", "contact date", "TIME", "Worker", "Note Type", "Details"],
        ["Note ID", "Case Ref", "Date", "Time", "Author", "Note Type", "Case Note"],
        ["Note ID", "Case ID", "Date", "Time", "Author", "Note Type", "Description"],
    ],
)
def test_common_export_headers_are_recognised(tmp_path, header):
    path = tmp_path / "export.csv"
    path.write_bytes(
        csv_bytes([header, ["77", "P9", "14 Mar 2025", "9:05", "Bob", "Call", "Rang."]])
    )
    [note] = read_one(path)
    assert (note.note_id, note.case_id, note.date, note.time) == ("77", "P9", "2025-03-14", "09:05")
    assert (note.author, note.note_type, note.text) == ("Bob", "Call", "Rang.")


def test_title_rows_above_the_header_are_skipped_and_rows_numbered_as_shown(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(
        csv_bytes(
            [["Case notes export"], [], ["Case ID", "Note"], ["C1", "First"], ["C1", "Second"]]
        )
    )
    assert [(n.text, n.row) for n in read_one(path)] == [("First", 4), ("Second", 5)]


def test_missing_note_id_is_derived_from_stem_and_row_and_is_stable(tmp_path):
    path = tmp_path / "visits.csv"
    path.write_bytes(csv_bytes([["Case ID", "Note"], ["C1", "a"], ["C1", "b"]]))
    first = [n.note_id for n in read_one(path)]
    assert first == ["visits-2", "visits-3"]
    assert [n.note_id for n in read_one(path)] == first


def test_date_with_time_is_split_and_a_separate_time_column_wins(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(
        csv_bytes(
            [
                ["Case ID", "Date", "Time", "Note"],
                ["C1", "14/03/2025 09:15", "", "a"],
                ["C1", "14/03/2025 09:15", "11:00", "b"],
            ]
        )
    )
    assert [(n.date, n.time) for n in read_one(path)] == [
        ("2025-03-14", "09:15"),
        ("2025-03-14", "11:00"),
    ]


def test_a_date_that_does_not_parse_keeps_the_note_with_a_problem(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(csv_bytes([["Case ID", "Date", "Note"], ["C1", "the 14th", "Visited."]]))
    [note] = read_one(path)
    assert note.date is None
    assert note.problems == ("date not understood: 'the 14th'",)


def test_missing_required_columns_give_one_unreadable_listing_headers(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(
        csv_bytes([["Ref", "When", "Comments"], ["1", "14/03/2025", "x"], ["2", "", "y"]])
    )
    [problem] = read_one(path)
    assert problem.row is None and problem.source == str(path)
    assert "missing column(s): case_id, text" in problem.reason
    assert "'Ref', 'When', 'Comments'" in problem.reason
    assert "--mapping FILE" in problem.reason  # tells the user how to name the columns


def test_mapping_file_maps_other_layouts(tmp_path):
    mapping = tmp_path / "map.toml"
    mapping.write_text(
        'date_format = "%Y%m%d"\n[columns]\ntext = "Observations"\ncase_id = "Service User No"\n'
    )
    path = tmp_path / "export.csv"
    path.write_bytes(
        csv_bytes([["Service User No", "Date", "Observations"], ["S1", "20250314", "Seen."]])
    )
    [note] = read_one(path, mapping=mapping)
    assert (note.case_id, note.date, note.text) == ("S1", "2025-03-14", "Seen.")


def test_mapping_naming_a_column_the_file_lacks_is_reported(tmp_path):
    mapping = tmp_path / "map.toml"
    mapping.write_text('[columns]\ntext = "Observations"\n')
    path = tmp_path / "export.csv"
    path.write_bytes(csv_bytes([["Case ID", "Note"], ["C1", "x"]]))
    [problem] = read_one(path, mapping=mapping)
    assert "text (mapped to 'Observations')" in problem.reason


def test_windows_1252_export_keeps_pound_sign_and_curly_quotes(tmp_path):
    text = "Mum said \u201cI can\u2019t pay the \u00a3450\u201d \u2013 Zo\u00eb"
    path = tmp_path / "export.csv"
    path.write_bytes(csv_bytes([["Case ID", "Note"], ["C1", text]], encoding="cp1252"))
    [note] = read_one(path)
    assert note.text == text
    assert not note.problems


def test_legacy_bytes_late_in_a_large_file_are_still_detected(tmp_path):
    rows = [["Case ID", "Note"]] + [["C1", "plain ascii"]] * 5000 + [["C2", "rent \u00a3450"]]
    path = tmp_path / "export.csv"
    path.write_bytes(csv_bytes(rows, encoding="cp1252"))
    assert read_one(path)[-1].text == "rent \u00a3450"


def test_mixed_encodings_decode_each_line_and_flag_only_replacements(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(
        "Case ID,Note\r\nC1,caf\u00e9 \u00a35\r\n".encode("cp1252")
        + "C2,na\u00efve\r\n".encode()
        + b"C3,bad \x81\x8d byte\r\n"
    )
    first, second, third = read_one(path)
    assert (first.text, first.problems) == ("caf\u00e9 \u00a35", ())
    assert (second.text, second.problems) == ("na\u00efve", ())
    assert third.problems == (REPLACED_PROBLEM,)
    assert third.text.startswith("bad ")


@pytest.mark.parametrize(("delimiter", "suffix"), [(";", ".csv"), ("\t", ".csv"), ("\t", ".tsv")])
def test_semicolon_and_tab_delimiters(tmp_path, delimiter, suffix):
    path = tmp_path / f"export{suffix}"
    path.write_bytes(
        csv_bytes([["Case ID", "Note"], ["C1", "one, two; three"]], delimiter=delimiter)
    )
    [note] = read_one(path)
    assert (note.case_id, note.text) == ("C1", "one, two; three")


@pytest.mark.parametrize("name", ["export.tsv", "export.txt"])
def test_utf16_excel_unicode_text_export(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(("Case ID\tNote\r\nC1\tCaf\u00e9 \u00a35\r\n").encode("utf-16"))
    [note] = read_one(path)
    assert note.text == "Caf\u00e9 \u00a35"


def test_sniffing_finds_semicolons_below_a_title_row(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"Exported 14/03/2025, by admin\r\nCase ID;Note\r\nC1;one, two\r\n")
    [note] = read_one(path)
    assert (note.case_id, note.text, note.row) == ("C1", "one, two", 3)


def test_ragged_rows_keep_notes_with_text_and_report_the_rest(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(
        b"Case ID,Date,Note\r\nC1,14/03/2025,kept,EXTRA\r\nC2,14/03/2025\r\nC3,14/03/2025,fine\r\n"
    )
    extra, short, fine = read_one(path)
    assert extra.text == "kept" and "extra cells were ignored" in extra.problems[0]
    assert isinstance(short, Unreadable) and short.row == 3
    assert "the note text is empty" in short.reason and "2 cells" in short.reason
    assert fine.text == "fine" and not fine.problems


def test_empty_text_rows_are_unreadable_and_blank_rows_skipped(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"Case ID,Note\r\nC1,   \r\n,\r\n\r\nC3,x\r\n")
    blank_text, note = read_one(path)
    assert blank_text == Unreadable(str(path), 2, "the note text is empty")
    assert note.row == 5


def test_missing_case_id_in_a_row_is_unreadable(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"Case ID,Note\r\n,orphan note\r\n")
    assert read_one(path) == [Unreadable(str(path), 2, "the case id is empty")]


def test_unclosed_quote_is_reported_at_its_row_and_earlier_rows_kept(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b'Case ID,Note\r\nC1,fine\r\nC2,"never closed\r\nC3,lost\r\n')
    note, problem = read_one(path)
    assert note.text == "fine"
    assert problem.row == 3 and "never closed" in problem.reason


def test_a_malformed_row_is_reported_and_reading_continues(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b'Case ID,Note\r\nC1,"quoted"junk\r\nC2,after\r\n')
    problem, note = read_one(path)
    assert problem == Unreadable(
        str(path),
        2,
        'the row could not be read as CSV: a quote mark inside a cell is not doubled ("") '
        "or the cell is not quoted",
    )
    assert (note.text, note.row) == ("after", 3)


def test_classic_mac_line_endings(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b'Case ID,Note\rC1,"two\rlines"\rC2,second\r')
    first, second = read_one(path)
    assert (first.text, first.row) == ("two\rlines", 2)
    assert (second.text, second.row) == ("second", 3)


def test_line_endings_split_across_read_chunks(tmp_path, monkeypatch):
    rows = [["Case ID", "Note"], ["C1", "first\r\nstill first"], ["C2", "second"]]
    path = tmp_path / "export.csv"
    path.write_bytes(b"\xef\xbb\xbf" + csv_bytes(rows))
    monkeypatch.setattr(encoding, "_CHUNK", 5)  # every CRLF and the BOM get cut somewhere
    assert [(n.case_id, n.text, n.row) for n in read_one(path)] == [
        ("C1", "first\r\nstill first", 2),
        ("C2", "second", 3),
    ]


def test_a_line_too_long_to_be_an_export_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(encoding, "MAX_LINE_BYTES", 1024 * 1024)
    path = tmp_path / "export.csv"
    path.write_bytes(b"Case ID,Note\n" + b"C1,ok\n" * 60 + b"C2," + b"x" * 1_500_000)
    items = read_one(path)
    assert [item.text for item in items[:-1]] == ["ok"] * 60
    assert items[-1] == Unreadable(
        str(path),
        None,
        "reading stopped part-way: a line is longer than 1 MB; "
        "this does not look like a case-note export",
    )


def test_a_five_megabyte_note(tmp_path):
    text = ("She said she was fine. " * 230_000)[:5_000_000]
    path = tmp_path / "export.csv"
    path.write_bytes(csv_bytes([["Case ID", "Note"], ["C1", text]]))
    [note] = read_one(path)
    assert note.text == text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"Case ID,Note\r\n", "the file has column headers but no notes below them"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "this is an image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "this is a PDF"),
        (bytes(range(256)) * 40, "binary file"),
        (bytes(4000), "only NUL bytes"),
        (b"PK\x03\x04" + bytes(100), "give it its real suffix"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "give an Excel file the .xls suffix"),
    ],
)
def test_files_that_are_not_usable_csv(tmp_path, content, reason):
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    [problem] = read_one(path)
    assert problem.source == str(path) and problem.row is None
    assert reason in problem.reason
