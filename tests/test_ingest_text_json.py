"""Plain-text/Markdown reports and JSON / JSON Lines exports."""

import json

import pytest

from recordcheck.ingest import jsonfile, read_inputs
from recordcheck.ingest.encoding import REPLACED_PROBLEM
from recordcheck.model import Note, Unreadable


def read_one(path, **options):
    return list(read_inputs([path], **options))


REPORT = (
    "# Case notes\n"
    "Case ID: 4411\n"
    "\n"
    "## 14/03/2025 10:30 - Home Visit - J. Smith\n"
    "\n"
    "Visited Mrs A.  Her son was present.\n"
    "  Indented line kept as written.\n"
    "\n"
    "**Monday 17 March 2025** | Phone call\n"
    "Rang the GP.\n"
)


def test_markdown_report_entries(tmp_path):
    path = tmp_path / "chronology.md"
    path.write_text(REPORT)
    visit, call = read_one(path)
    assert visit == Note(
        note_id="chronology-1",
        case_id="4411",
        text="Visited Mrs A.  Her son was present.\n  Indented line kept as written.",
        date="2025-03-14",
        time="10:30",
        author="J. Smith",
        note_type="Home Visit",
        source=str(path),
        row=1,
    )
    assert (call.date, call.note_type, call.text, call.row) == (
        "2025-03-17",
        "Phone call",
        "Rang the GP.",
        2,
    )


def test_note_text_is_an_exact_slice_of_the_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes(
        b"14/03/2025\r\nLine one\r\n\r\nLine three \r\n15/03/2025: Short call.\r\nThen more.\r\n"
    )
    first, second = read_one(path)
    assert first.text == "Line one\r\n\r\nLine three "
    assert first.text in path.read_bytes().decode()
    assert second.text == "Short call.\r\nThen more."
    assert first.case_id == "notes"


def test_cp1252_text_file_and_replacement_problem(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes("14/03/2025\nOwes \u00a3300 \u2013 \u201crent\u201d\n".encode("cp1252"))
    [note] = read_one(path)
    assert note.text == "Owes \u00a3300 \u2013 \u201crent\u201d" and not note.problems
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"14/03/2025\nodd \x81 byte\n")
    [note] = read_one(bad)
    assert note.problems == (REPLACED_PROBLEM,)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02" * 500, "binary file"),
        (b"No dates here at all.\n", "no dated entries found"),
    ],
)
def test_unusable_text_files(tmp_path, content, reason):
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    [problem] = read_one(path)
    assert problem.row is None and reason in problem.reason


CANONICAL = {
    "note_id": "N1",
    "case_id": "C1",
    "date": "2025-03-14",
    "time": "10:30",
    "author": "J Smith",
    "note_type": "Visit",
    "text": "Seen alone.",
}


def test_json_array(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text(json.dumps([CANONICAL, {**CANONICAL, "note_id": None, "text": "Second."}]))
    first, second = read_one(path)
    assert first == Note(**CANONICAL, source=str(path), row=1)
    assert (second.note_id, second.text, second.row) == ("notes-2", "Second.", 2)


def test_json_object_with_notes_list_and_alias_keys(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text(
        json.dumps({"notes": [{"Client ID": 7, "Narrative": "Hi", "Event Date": "14/03/2025"}]})
    )
    [note] = read_one(path)
    assert (note.case_id, note.text, note.date) == ("7", "Hi", "2025-03-14")


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson", ".json"])
def test_json_lines_with_a_bad_line(tmp_path, suffix):
    path = tmp_path / f"notes{suffix}"
    path.write_text(
        json.dumps(CANONICAL) + "\n\n{broken\n" + json.dumps({**CANONICAL, "text": ""}) + "\n[1]\n"
    )
    note, broken, empty, not_object = read_one(path)
    assert note.text == "Seen alone." and note.row == 1
    assert broken.row == 3 and broken.reason.startswith("not valid JSON")
    assert empty == Unreadable(str(path), 4, "the note text is empty")
    assert not_object == Unreadable(str(path), 5, "this entry is not a JSON object")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[", "not valid JSON (line 1, column 2"),
        ("[]", "the file holds no notes"),
        ('"just a string"', "the JSON is not a list of notes"),
        ('[{"id": 1, "body_text": "x"}]', "missing column(s): case_id, text"),
    ],
)
def test_unusable_json(tmp_path, content, reason):
    path = tmp_path / "notes.json"
    path.write_text(content)
    [problem] = read_one(path)
    assert problem.row is None and reason in problem.reason


def test_oversized_json_document_is_refused_but_json_lines_stream(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonfile, "MAX_DOCUMENT_BYTES", 100)
    records = [{**CANONICAL, "note_id": f"N{i}"} for i in range(5)]
    document = tmp_path / "notes.json"
    document.write_text(json.dumps(records))
    lines = tmp_path / "notes.jsonl"
    lines.write_text("\n".join(map(json.dumps, records)))
    [problem] = read_one(document)
    assert problem.row is None and "export it as JSON Lines" in problem.reason
    assert [n.note_id for n in read_one(lines)] == ["N0", "N1", "N2", "N3", "N4"]
