"""A million-row export streams through in bounded memory."""

import tracemalloc
from contextlib import contextmanager
from itertools import islice

import pytest

from recordcheck.ingest import read_inputs

ROWS = 1_000_000
WINDOW = 50_000
BOUND = 8 * 1024 * 1024  # the file is ~60 MB; holding it or its notes would blow far past this


@contextmanager
def traced(peaks):
    """Record the peak traced memory of the block into peaks (tracing only the
    windows: tracing every allocation of a million rows would take minutes)."""
    tracemalloc.start()
    try:
        yield
        peaks.append(tracemalloc.get_traced_memory()[1])
    finally:
        tracemalloc.stop()


def take(items, count):
    return sum(1 for _ in islice(items, count))


@pytest.mark.slow
def test_million_row_csv_streams_in_bounded_memory(tmp_path):
    path = tmp_path / "big.csv"
    with path.open("w", newline="") as stream:
        stream.write("note_id,case_id,date,text\r\n")
        stream.writelines(
            f"N{i},C{i % 997},14/03/2025,Visited Mrs A at home; seen alone.\r\n"
            for i in range(ROWS)
        )
    peaks: list[int] = []
    # The first window catches a reader that loads the file up front; the
    # last catches one that keeps what it has read.
    with traced(peaks):
        items = read_inputs([path])
        first = take(items, WINDOW)
    middle = take(items, ROWS - 2 * WINDOW)
    with traced(peaks):
        last = take(items, WINDOW + 1)
    assert (first, middle, last) == (WINDOW, ROWS - 2 * WINDOW, WINDOW)
    assert max(peaks) < BOUND, peaks
