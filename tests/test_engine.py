"""The engine: order, streaming, worker processes and the run account."""

from __future__ import annotations

import pytest
from conftest import BREAKS_PIPELINE, make_note, stand_in_checker

from recordcheck import engine
from recordcheck.account import RunAccount
from recordcheck.engine import PipelineOptions, build_report, run, worker_count
from recordcheck.model import SourceFile, Unreadable

TEXTS = [
    "Visited Mrs A at home.",
    "The flat was messy and cold.",
    "",
    "   \n ",
    "Messy kitchen, messy bedroom.",
    "Phoned GP about medication.",
]


def many_notes(count: int):
    return [make_note(i, TEXTS[i % len(TEXTS)] + f" Entry {i}.", case=f"C{i % 3}")
            for i in range(count)]


def checked(notes, **options):
    account = RunAccount()
    results = list(run(notes, loader=stand_in_checker, account=account, **options))
    return results, account


def test_every_note_comes_back_in_input_order_with_its_findings():
    notes = [make_note(i, text) for i, text in enumerate(TEXTS)]

    results, account = checked(notes, jobs=1, batch_size=2)

    assert [r.note for r in results] == notes
    assert [len(r.findings) for r in results] == [0, 1, 0, 0, 2, 0]
    for result in results:
        for finding in result.findings:
            assert result.note.text[finding.start:finding.end] == finding.text
    assert (account.notes_read, account.notes_checked) == (6, 6)
    assert account.model_versions == {"base": "blank en (test stand-in)"}


def test_two_worker_processes_give_exactly_what_one_process_gives():
    notes = many_notes(40)

    in_process, _ = checked(notes, jobs=1, batch_size=3)
    in_workers, account = checked(notes, jobs=2, batch_size=3)

    assert in_workers == in_process
    assert account.notes_checked == 40
    assert account.model_versions == {"base": "blank en (test stand-in)"}


class CountingNotes:
    """An input stream that counts how many notes the engine has pulled from it."""

    def __init__(self, count: int):
        self.pulled = 0
        self._notes = many_notes(count)

    def __iter__(self):
        for note in self._notes:
            self.pulled += 1
            yield note


def test_notes_are_pulled_a_chunk_at_a_time_not_all_at_once():
    notes = CountingNotes(100)

    stream = run(notes, loader=stand_in_checker, jobs=1, batch_size=8)
    next(stream)

    assert notes.pulled == 8
    stream.close()


def test_workers_hold_only_a_bounded_number_of_chunks():
    notes = CountingNotes(400)

    stream = run(notes, loader=stand_in_checker, jobs=2, batch_size=5)
    next(stream)
    stream.close()

    in_flight_limit = 2 * engine.CHUNKS_IN_FLIGHT_PER_WORKER * 5
    assert notes.pulled <= in_flight_limit


def test_a_note_that_breaks_the_pipeline_is_accounted_for_without_its_text():
    secret = f"Private details of Mrs Q. {BREAKS_PIPELINE}"
    notes = [make_note(1, "fine"), make_note(2, secret), make_note(3, "messy")]

    results, account = checked(notes, jobs=1, batch_size=8)

    assert [r.note.note_id for r in results] == ["N1", "N3"]
    assert len(results[1].findings) == 1
    assert (account.notes_read, account.notes_checked) == (3, 2)
    [failure] = account.unreadable
    assert (failure.source, failure.row) == ("notes.csv", 3)
    assert "N2" in failure.reason and "ValueError" in failure.reason
    assert "Mrs Q" not in failure.reason


def test_rows_ingest_could_not_read_and_duplicate_ids_are_reported_not_merged():
    items = [
        make_note(1, "one"),
        Unreadable("notes.csv", 3, "the text cell is empty"),
        make_note(1, "same id, different note"),
        make_note(1, "and again"),
        make_note(2, "two", source="other.csv"),
    ]

    results, account = checked(items, jobs=1)

    assert [r.note.text for r in results] == [
        "one", "same id, different note", "and again", "two"
    ]
    assert account.duplicate_note_ids == ["N1"]
    assert account.unreadable == [Unreadable("notes.csv", 3, "the text cell is empty")]
    counted = account.with_counts(
        [SourceFile("notes.csv", "aa", "csv"), SourceFile("other.csv", "bb", "csv")]
    )
    assert [(s.notes_read, s.rows_not_read) for s in counted] == [(3, 1), (1, 0)]


def test_progress_is_told_about_every_note():
    done = []

    list(run(many_notes(23), loader=stand_in_checker, jobs=1, batch_size=5, progress=done.append))

    assert sum(done) == 23
    assert len(done) == 5


def _broken_rules_loader(options: PipelineOptions):
    raise ValueError(f"{options.rules}:3: 'labels' must be a list")


def test_a_loading_error_in_a_worker_reaches_the_caller_with_its_message():
    with pytest.raises(ValueError, match=r"org\.toml:3: 'labels' must be a list"):
        list(run(many_notes(5), rules="org.toml", jobs=2, loader=_broken_rules_loader))


def test_report_carries_the_account_and_the_described_files():
    account = RunAccount()
    items = [make_note(1, "messy"), Unreadable("notes.csv", None, "not a CSV file")]
    results = run(items, loader=stand_in_checker, jobs=1, account=account)

    report = build_report(results, account, [SourceFile("notes.csv", "ab12", "csv")])

    assert [r.note.note_id for r in report.results] == ["N1"]
    assert report.unreadable == (Unreadable("notes.csv", None, "not a CSV file"),)
    assert report.sources[0].notes_read == 1 and report.sources[0].rows_not_read == 1
    assert report.model_versions == {"base": "blank en (test stand-in)"}
    assert report.tool_version and report.created


@pytest.mark.parametrize(
    ("requested", "total", "cpus", "expected"),
    [(3, 10, 2, 3), (None, 50, 2, 1), (None, 10_000, 2, 2), (None, None, 4, 4)],
)
def test_worker_count(monkeypatch, requested, total, cpus, expected):
    monkeypatch.setattr(engine.os, "cpu_count", lambda: cpus)
    assert worker_count(requested, total) == expected


@pytest.mark.usefixtures("real_pipeline")
def test_each_result_says_which_checks_applied_to_its_note():
    notes = [
        make_note(0, "Home visit. Seen with her mother present in the lounge."),
        make_note(1, "Emailed the GP her new address so the repeat prescription reaches her."),
        make_note(2, "File reviewed, no actions."),
    ]

    results = list(run(notes, account=RunAccount(), jobs=1))

    visit, email, review = (set(r.applicable) for r in results)
    assert "who-present" in visit and not results[0].findings  # applied, and met
    assert "sharing-rationale" in email and "who-present" not in email
    assert review == {"opinion"}
