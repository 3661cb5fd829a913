"""Property tests: the importers never raise, and every row or entry is accounted for."""

import csv
import datetime as dt
import io
import json
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recordcheck.ingest import read_inputs
from recordcheck.model import FileNotice, Note, Unreadable

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

cell_text = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc")),
        st.sampled_from(["\n", "\r", "\t", '"', ",", ";", " "]),
    ),
    max_size=40,
)
identifier = st.text(string.ascii_letters + string.digits, min_size=1, max_size=8)


def read_items(path):
    """Notes and Unreadables; a FileNotice (about the dates) may only close the file, once."""
    items = list(read_inputs([path]))
    notices = [item for item in items if isinstance(item, FileNotice)]
    assert len(notices) <= 1 and (not notices or items[-1] is notices[0])
    return [item for item in items if not isinstance(item, FileNotice)]


def written(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@FUZZ
@given(rows=st.lists(st.tuples(identifier, cell_text, cell_text, cell_text), max_size=12))
def test_csv_every_row_is_a_note_or_an_unreadable(tmp_path, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["note_id", "case_id", "date", "text"])
    writer.writerows(rows)
    path = written(tmp_path, "fuzz.csv", buffer.getvalue().encode())
    items = read_items(path)
    if not rows:
        assert [item.reason for item in items] == [
            "the file has column headers but no notes below them"
        ]
        return
    assert [item.row for item in items] == list(range(2, len(rows) + 2))
    for item, (note_id, case_id, date, text) in zip(items, rows, strict=True):
        if isinstance(item, Note):
            assert (item.note_id, item.case_id, item.text) == (note_id, case_id.strip(), text)
            assert item.date is not None or not date.strip() or item.problems
        else:
            assert not text.strip() or not case_id.strip()


@FUZZ
@given(
    records=st.lists(
        st.dictionaries(
            st.sampled_from(["note_id", "case_id", "date", "time", "text", "Narrative", "other"]),
            st.one_of(
                st.none(), st.integers(), st.text(max_size=30), st.lists(st.integers(), max_size=2)
            ),
        ),
        max_size=10,
    )
)
def test_json_every_object_is_a_note_or_an_unreadable(tmp_path, records):
    path = written(tmp_path, "fuzz.json", json.dumps(records).encode())
    items = read_items(path)
    assert all(isinstance(item, Note | Unreadable) for item in items)
    if not records:
        assert len(items) == 1
    elif all(isinstance(item, Note | Unreadable) and item.row for item in items):
        assert [item.row for item in items] == list(range(1, len(records) + 1))
    else:  # the first object lacked the required keys: one reason for the whole file
        assert len(items) == 1 and items[0].row is None


body_line = st.text(
    st.sampled_from(list(string.ascii_letters + " .,'!?-") + ["é", "£", "“", "”"]), max_size=30
).filter(lambda line: any(char.isalpha() for char in line))
date_forms = ["%d/%m/%Y", "%Y-%m-%d", "%d %B %Y", "%A %d %B %Y", "%d %b %Y"]


@FUZZ
@given(
    entries=st.lists(
        st.tuples(
            st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)),
            st.sampled_from(date_forms),
            st.sampled_from(["", " - Visit - J. Smith"]),
            st.lists(body_line, max_size=4),
        ),
        max_size=8,
    )
)
def test_text_every_dated_entry_is_a_note_or_an_unreadable(tmp_path, entries):
    lines = ["Chronology", ""]
    for date, form, label, body in entries:
        lines += [date.strftime(form) + label, *body, ""]
    path = written(tmp_path, "fuzz.txt", "\n".join(lines).encode())
    items = read_items(path)
    if not entries:
        assert len(items) == 1 and items[0].reason.startswith("no dated entries")
        return
    assert [item.row for item in items] == list(range(1, len(entries) + 1))
    for item, (date, _, _, body) in zip(items, entries, strict=True):
        if body:
            assert isinstance(item, Note)
            assert (item.date, item.text) == (date.isoformat(), "\n".join(body))
        else:
            assert isinstance(item, Unreadable)


@FUZZ
@given(
    data=st.one_of(st.binary(max_size=600), st.binary(max_size=600).map(b"PK\x03\x04".__add__)),
    suffix=st.sampled_from([".csv", ".tsv", ".json", ".jsonl", ".txt", ".md", ".xlsx", ".docx"]),
)
def test_arbitrary_bytes_never_raise(tmp_path, data, suffix):
    path = written(tmp_path, f"junk{suffix}", data)
    items = read_items(path)
    assert items, "every file produces at least one note or reason"
    assert all(isinstance(item, Note | Unreadable) and item.source == str(path) for item in items)
    # every failure is explained, not just named by its exception type
    assert not any("could not be read (" in getattr(item, "reason", "") for item in items)
