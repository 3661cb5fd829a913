"""Word case-notes reports: a table of notes, or dated entries in paragraphs."""

import zipfile

import docx
import pytest

from recordcheck.ingest import read_inputs, safety, word
from recordcheck.model import Note, Unreadable


def read_one(path, **options):
    return list(read_inputs([path], **options))


def save_document(path, paragraphs=(), table=None, page_header=None):
    document = docx.Document()
    if page_header:
        document.sections[0].header.paragraphs[0].text = page_header
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    document.save(path)
    return path


def test_table_with_header_row(tmp_path):
    path = save_document(
        tmp_path / "report.docx",
        paragraphs=["Case notes report", "Client ID: C-77"],
        table=[
            ["Date", "Type", "Recorded By", "Note"],
            ["14/03/2025 10:30", "Home Visit", "J. Smith", "Seen alone.\nFlat tidy."],
            ["", "", "", ""],
            ["15 March 2025", "Phone call", "A. Khan", "Rang GP."],
        ],
    )
    first, second = read_one(path)
    assert first == Note(
        note_id="report-1",
        case_id="C-77",
        text="Seen alone.\nFlat tidy.",
        date="2025-03-14",
        time="10:30",
        author="J. Smith",
        note_type="Home Visit",
        source=str(path),
        row=1,
    )
    assert (second.row, second.date, second.note_type, second.text) == (
        2,
        "2025-03-15",
        "Phone call",
        "Rang GP.",
    )


def test_rows_are_numbered_across_tables_and_layout_tables_ignored(tmp_path):
    document = docx.Document()
    layout = document.add_table(rows=1, cols=2)
    layout.rows[0].cells[0].text, layout.rows[0].cells[1].text = "Name", "Mrs A"
    for texts in (["first"], ["second", "third"]):
        table = document.add_table(rows=1, cols=2)
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Date", "Case Note"
        for text in texts:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = "14/03/2025", text
    path = tmp_path / "report.docx"
    document.save(path)
    assert [(n.row, n.text) for n in read_one(path)] == [(1, "first"), (2, "second"), (3, "third")]


def test_a_case_column_in_the_table_wins_over_the_file_stem(tmp_path):
    path = save_document(
        tmp_path / "report.docx", table=[["Case Ref", "Note"], ["R1", "a"], ["R2", "b"]]
    )
    assert [n.case_id for n in read_one(path)] == ["R1", "R2"]


def test_dated_entries_in_paragraphs(tmp_path):
    path = save_document(
        tmp_path / "report.docx",
        paragraphs=[
            "Chronology",
            "Case: 12345",
            "14/03/2025 10:30 - Home Visit - J. Smith",
            "Visited Mrs A at home.",
            "Her son was present.",
            "",
            "14 March 2025",
            "Rang the GP surgery.",
        ],
    )
    visit, call = read_one(path)
    assert visit == Note(
        note_id="report-1",
        case_id="12345",
        text="Visited Mrs A at home.\nHer son was present.",
        date="2025-03-14",
        time="10:30",
        author="J. Smith",
        note_type="Home Visit",
        source=str(path),
        row=1,
    )
    assert (call.row, call.time, call.text, call.case_id) == (
        2,
        None,
        "Rang the GP surgery.",
        "12345",
    )


def test_dated_entries_inside_a_layout_table(tmp_path):
    document = docx.Document()
    document.add_paragraph("Case: 555")
    frame = document.add_table(rows=1, cols=2)
    frame.rows[0].cells[0].merge(frame.rows[0].cells[1])
    cell = frame.rows[0].cells[0]
    cell.paragraphs[0].text = "14/03/2025 - Visit"
    cell.add_paragraph("Seen alone.")
    document.add_paragraph("15/03/2025 - Call")
    document.add_paragraph("Rang back.")
    path = tmp_path / "framed.docx"
    document.save(path)
    assert [(n.case_id, n.note_type, n.text) for n in read_one(path)] == [
        ("555", "Visit", "Seen alone."),
        ("555", "Call", "Rang back."),
    ]


def test_case_id_from_page_header_then_file_stem(tmp_path):
    with_header = save_document(
        tmp_path / "a.docx", paragraphs=["14/03/2025", "Note."], page_header="Person ID: P-9"
    )
    without = save_document(tmp_path / "Smith family.docx", paragraphs=["14/03/2025", "Note."])
    assert read_one(with_header)[0].case_id == "P-9"
    assert read_one(without)[0].case_id == "Smith family"


def test_soft_line_breaks_split_a_date_line_from_its_body(tmp_path):
    path = save_document(tmp_path / "r.docx", paragraphs=["14/03/2025 - Visit\nSeen alone."])
    [note] = read_one(path)
    assert (note.note_type, note.text) == ("Visit", "Seen alone.")


def test_an_entry_without_text_and_a_document_without_entries(tmp_path):
    empty_entry = save_document(
        tmp_path / "a.docx", paragraphs=["14/03/2025 - Visit", "", "15/03/2025", "x"]
    )
    problem, note = read_one(empty_entry)
    assert problem == Unreadable(str(empty_entry), 1, "the entry dated 2025-03-14 has no text")
    assert note.row == 2
    no_dates = save_document(tmp_path / "b.docx", paragraphs=["Just a letter.", "Kind regards"])
    [problem] = read_one(no_dates)
    assert problem.row is None and problem.reason.startswith("no dated entries found")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (safety.OLE2_MAGIC + bytes(100), "password-protected or an old .doc file"),
        (b"This is plain text, not Word.", "not a real .docx file"),
    ],
)
def test_unusable_word_files(tmp_path, content, reason):
    path = tmp_path / "report.docx"
    path.write_bytes(content)
    [problem] = read_one(path)
    assert problem.row is None and reason in problem.reason


def test_truncated_document(tmp_path):
    path = save_document(tmp_path / "r.docx", paragraphs=["14/03/2025", "x"])
    path.write_bytes(path.read_bytes()[:3000])
    [problem] = read_one(path)
    assert "damaged or incomplete" in problem.reason


def xxe_document(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    path = save_document(tmp_path / "r.docx", paragraphs=["14/03/2025 - Visit", "PAYLOAD"])
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = parts["word/document.xml"]
    prolog_end = xml.index(b"?>") + 2
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'.encode()
    parts["word/document.xml"] = (
        xml[:prolog_end] + doctype + xml[prolog_end:].replace(b"PAYLOAD", b"&xxe;")
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_xxe_document_is_refused(tmp_path):
    [problem] = read_one(xxe_document(tmp_path))
    assert "DOCTYPE" in problem.reason


def test_xxe_is_not_expanded_even_without_the_precheck(tmp_path, monkeypatch):
    path = xxe_document(tmp_path)
    monkeypatch.setattr(word, "check_office_container", lambda *args: None)
    # python-docx parses it, but the entity stays unresolved: the entry is empty
    assert read_one(path) == [Unreadable(str(path), 1, "the entry dated 2025-03-14 has no text")]
