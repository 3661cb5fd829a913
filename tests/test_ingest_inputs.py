"""Choosing files, describing them, mapping files, and carrying on past bad files."""

import hashlib

import pytest

from recordcheck.ingest import (
    SUPPORTED_SUFFIXES,
    MappingError,
    describe_source,
    expand_inputs,
    load_mapping,
    read_inputs,
)
from recordcheck.model import Note, SourceFile, Unreadable


def test_folders_expand_to_supported_files_sorted_and_files_stay_as_given(tmp_path):
    folder = tmp_path / "exports"
    (folder / "sub").mkdir(parents=True)
    for name in ["b.csv", "a.XLSX", "sub/c.md", "skip.pdf", "~$a.docx", ".hidden.csv"]:
        (folder / name).write_text("x")
    explicit = tmp_path / "given.pdf"
    assert expand_inputs([explicit, folder]) == [
        explicit,
        folder / "a.XLSX",
        folder / "b.csv",
        folder / "sub" / "c.md",
    ]


def test_describe_source(tmp_path):
    path = tmp_path / "notes.tsv"
    path.write_bytes(b"Case ID\tNote\n")
    assert describe_source(path) == SourceFile(
        str(path), hashlib.sha256(b"Case ID\tNote\n").hexdigest(), "csv"
    )
    assert describe_source(tmp_path / "gone.docx") == SourceFile(
        str(tmp_path / "gone.docx"), "", "docx"
    )


def test_supported_suffixes_cover_every_shape():
    assert {".csv", ".tsv", ".xlsx", ".docx", ".txt", ".md", ".json", ".jsonl"} <= set(
        SUPPORTED_SUFFIXES
    )


def test_unknown_suffix_and_missing_file_are_reported_and_the_run_continues(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    old = tmp_path / "old.doc"
    old.write_bytes(b"x")
    good = tmp_path / "good.csv"
    good.write_text("Case ID,Note\nC1,fine\n")
    items = list(read_inputs([pdf, tmp_path / "missing.csv", old, good]))
    assert items[0] == Unreadable(
        str(pdf),
        None,
        f"not a supported file type: .pdf; supported: {', '.join(SUPPORTED_SUFFIXES)}",
    )
    assert items[1] == Unreadable(str(tmp_path / "missing.csv"), None, "file not found")
    assert items[2].reason.endswith("; save it as .docx")
    assert isinstance(items[3], Note) and items[3].text == "fine"


def test_inputs_are_read_lazily_in_order(tmp_path):
    first, second = tmp_path / "1.csv", tmp_path / "2.csv"
    first.write_text("Case ID,Note\nC1,one\n")
    second.write_text("Case ID,Note\nC2,two\n")
    stream = read_inputs([first, second])
    assert next(stream).text == "one"
    second.unlink()  # not opened yet, so its loss is reported, not raised
    assert next(stream) == Unreadable(str(second), None, "file not found")


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ("[columns]\ntext = \n", 2, "not valid TOML"),
        ("day_first = true\nsheets = 'x'\n", 2, "unknown setting 'sheets'"),
        ("[columns]\ncase_id = 'Ref'\nbody = 'Narrative'\n", 3, "unknown field 'body'"),
        ("[columns]\n\ntext = ''\n", 3, "must be non-empty text"),
        ("day_first = 'yes'\n", 1, "'day_first' must be true or false"),
        ("columns = 3\n", 1, "'columns' must be a table"),
    ],
)
def test_bad_mapping_files_name_file_and_line(tmp_path, content, line, words):
    mapping = tmp_path / "map.toml"
    mapping.write_text(content)
    with pytest.raises(MappingError) as raised:
        read_inputs([tmp_path], mapping=mapping)  # raised at the call, before reading
    message = str(raised.value)
    assert message.startswith(f"{mapping}:{line}: ")
    assert words in message


def test_missing_mapping_file(tmp_path):
    with pytest.raises(MappingError, match="cannot read the mapping file"):
        load_mapping(tmp_path / "nope.toml")


def test_valid_mapping_file(tmp_path):
    mapping = tmp_path / "map.toml"
    mapping.write_text(
        'date_format = "%d.%m.%Y"\nday_first = false\nsheet = "Notes"\n'
        '[columns]\ntext = "Obs"\ncase_id = "Ref"\n'
    )
    loaded = load_mapping(mapping)
    assert loaded.columns == {"text": "Obs", "case_id": "Ref"}
    assert (loaded.date_format, loaded.day_first, loaded.sheet) == ("%d.%m.%Y", False, "Notes")


def test_month_first_mapping_applies_to_rows(tmp_path):
    mapping = tmp_path / "map.toml"
    mapping.write_text("day_first = false\n")
    path = tmp_path / "us.csv"
    path.write_text("Case ID,Date,Note\nC1,03/14/2025,x\n")
    [note] = read_inputs([path], mapping=mapping)
    assert note.date == "2025-03-14"


def test_reasons_never_quote_long_note_text(tmp_path):
    secret_text = "Mrs A disclosed " + "private detail " * 20
    path = tmp_path / "export.csv"
    path.write_text(f"Case ID,Date,Note\nC1,{secret_text},x\n")
    [note] = read_inputs([path])
    assert len(note.problems[0]) < 100
    assert secret_text not in note.problems[0]


def test_an_unexpected_failure_part_way_is_reported_and_the_next_file_read(tmp_path, monkeypatch):
    from recordcheck.ingest import rows

    real = rows.note_from_values

    def fails_on_row_three(values, row, *args):
        if row == 3:
            raise RuntimeError("Mrs A's private words")  # must not reach the reason
        return real(values, row, *args)

    monkeypatch.setattr(rows, "note_from_values", fails_on_row_three)
    broken, good = tmp_path / "a.csv", tmp_path / "b.csv"
    broken.write_text("Case ID,Note\nC1,one\nC1,two\nC1,three\n")
    good.write_text("Case ID,Note\nC2,fine\n")
    first, problem, after = read_inputs([broken, good])
    assert first.text == "one"
    assert problem == Unreadable(
        str(broken), None, "reading stopped part-way: the file could not be read (RuntimeError)"
    )
    assert after.text == "fine"
