"""Notes longer than spaCy takes whole are checked in pieces, with exact offsets."""

from __future__ import annotations

import itertools

import pytest
from conftest import FLAGGED_WORD, make_note, stand_in_checker

from recordcheck import engine
from recordcheck.account import RunAccount
from recordcheck.engine import NoteChecker, PipelineOptions, run
from recordcheck.model import ContactEvent, Finding, NoteResult, PersonalSpan, Severity
from recordcheck.pieces import PIECE_CHARS, joined, piece_bounds

# Paragraphs in the shape of a daily log pasted into one record over months.
PARAGRAPHS = [
    "Visited Daniel at home with his key worker. The kitchen was messy and there was "
    "no food in the fridge. Daniel said \"I'm fine, honestly\" and asked us to leave.",
    "Phoned the GP surgery about his repeat prescription; the receptionist said the "
    "review is booked for next week.\nLeft a message for his sister.",
    "Key work session in the office. Talked about the rent arrears and the letter from "
    "the housing officer. Bedroom messy, clothes on the floor, smell of cannabis.",
]


def long_log(size: int) -> str:
    """A note of at least ``size`` characters: dated paragraphs separated by blank lines."""
    parts, length, day = [], 0, 0
    while length < size:
        paragraph = f"Day {day}: " + PARAGRAPHS[day % len(PARAGRAPHS)]
        parts.append(paragraph)
        length += len(paragraph) + 2
        day += 1
    return "\n\n".join(parts)


def covers_exactly(text: str, bounds) -> bool:
    return "".join(text[start:end] for start, end in bounds) == text and all(
        previous[1] == following[0] for previous, following in itertools.pairwise(bounds)
    )


def test_pieces_end_at_paragraph_breaks_and_cover_the_text_exactly():
    text = long_log(5_000)

    bounds = piece_bounds(text, 1_000)

    assert covers_exactly(text, bounds)
    assert all(end - start <= 1_000 for start, end in bounds)
    assert all(text[:end].endswith("\n\n") for _, end in bounds[:-1])
    assert bounds[-1][1] == len(text)


def test_a_paragraph_too_long_is_cut_at_lines_then_sentences_then_spaces():
    lines = "\n".join(f"Line {n}. Saw him at the shop. He was with two men." for n in range(40))
    one_sentence = " ".join(["word"] * 400)
    no_spaces = "x" * 2_500

    by_line = piece_bounds(lines, 300)
    by_sentence = piece_bounds("Mum was out. " * 100, 300)
    by_space = piece_bounds(one_sentence, 300)
    by_force = piece_bounds(no_spaces, 1_000)

    assert all(lines[:end].endswith("\n") for _, end in by_line[:-1])
    assert all(("Mum was out. " * 100)[:end].endswith(". ") for _, end in by_sentence[:-1])
    assert all(one_sentence[:end].endswith(" ") for _, end in by_space[:-1])
    assert by_force == [(0, 1_000), (1_000, 2_000), (2_000, 2_500)]
    for text, bounds, limit in [
        (lines, by_line, 300), ("Mum was out. " * 100, by_sentence, 300),
        (one_sentence, by_space, 300), (no_spaces, by_force, 1_000),
    ]:
        assert covers_exactly(text, bounds)
        assert all(end - start <= limit for start, end in bounds)


def test_a_short_text_is_one_piece():
    assert piece_bounds("Seen at home.", 100) == [(0, 13)]
    assert piece_bounds("", 100) == [(0, 0)]


class RecordingChecker:
    """The stand-in checker with max_length lowered, noting the size of every Doc it makes."""

    def __init__(self, max_length: int):
        self.seen: list[int] = []
        checker = stand_in_checker(PipelineOptions())
        checker.nlp.max_length = max_length
        make_doc = checker.make_doc

        def recording_make_doc(note):
            self.seen.append(len(note.text))
            return make_doc(note)

        checker.make_doc = recording_make_doc
        self.checker = checker

    def __call__(self, options):
        return self.checker


def test_a_note_over_max_length_is_checked_in_pieces_with_exact_offsets():
    text = long_log(1_200_000)
    note = make_note(7, text)
    loader = RecordingChecker(max_length=100_000)
    account = RunAccount()

    _, result, _ = run([make_note(1, "Messy flat."), note, make_note(2, "Fine.")],
                       loader=loader, jobs=1, account=account)

    assert len(text) > 1_200_000
    assert result.note is note
    assert (account.notes_read, account.notes_checked, account.unreadable) == (3, 3, [])
    assert [f.start for f in result.findings] == [m.start() for m in FLAGGED_WORD.finditer(text)]
    assert all(f.text == text[f.start:f.end] for f in result.findings)
    # memory stays flat: no Doc was made of more than a piece
    assert max(loader.seen[1:-1]) <= min(PIECE_CHARS, 100_000)
    assert sum(loader.seen[1:-1]) == len(text)


def test_pieces_are_made_one_at_a_time(monkeypatch):
    checker = stand_in_checker(PipelineOptions())
    checker.nlp.max_length = 1_000
    made, checked = [], []
    monkeypatch.setattr(checker, "make_doc", lambda note: made.append(1) or
                        checker.nlp.make_doc(note.text))
    monkeypatch.setattr(checker, "read_doc", lambda doc, note: checked.append(len(made)) or
                        NoteResult(note))

    checker.check([make_note(1, long_log(10_000))], batch_size=64)

    assert checked == list(range(1, len(made) + 1))


def test_before_pieces_a_long_note_was_not_checked_and_a_piece_failure_still_is_reported():
    secret = long_log(5_000) + "\n\nPrivate details. EXPLODE"
    checker = stand_in_checker(PipelineOptions())
    checker.nlp.max_length = 1_000

    [failure] = checker.check([make_note(3, secret)], batch_size=8)

    assert "N3 could not be checked (ValueError)" in failure.reason
    assert "Private" not in failure.reason


def finding(check: str, start: int, end: int, text: str) -> Finding:
    return Finding(check, start, end, text, Severity.LOW, "message", cue="cue")


def test_joined_moves_offsets_and_keeps_one_finding_per_note_for_per_note_checks():
    note = make_note(1, "Home visit done.\n\nHome visit done again.\n\nThe flat was messy.")
    first, second, third = (0, 18, 42)
    contact = ContactEvent("Police", "police", 0, 4, status="planned", evidence="Rang")
    parts = [
        (first, NoteResult(note, (finding("who-present", 0, 16, "Home visit done."),),
                           contacts=(contact,), personal_data=(PersonalSpan(0, 4, "person"),))),
        (second, NoteResult(note, (finding("who-present", 0, 22, "Home visit done again."),),
                            contacts=(contact,))),
        (third, NoteResult(note, (finding("opinion", 13, 18, "messy"),))),
    ]

    result = joined(note, parts, merge_contacts=lambda found: found[:1])

    assert [(f.check, f.start, f.end) for f in result.findings] == [
        ("who-present", 0, 16), ("opinion", 55, 60)
    ]
    assert all(f.text == note.text[f.start:f.end] for f in result.findings)
    assert [(c.start, c.end) for c in result.contacts] == [(0, 4)]
    assert result.personal_data == (PersonalSpan(0, 4, "person"),)


@pytest.mark.slow
def test_the_real_pipeline_in_pieces_finds_what_it_finds_in_the_whole_note(
    monkeypatch, real_nlp
):
    visit = "Home visit completed, concerns discussed. The flat was filthy."
    email = "Emailed Thames Valley Police. He is manipulative."
    text = "\n\n".join([visit, email] * 10)
    checker = NoteChecker.for_pipeline(real_nlp, PipelineOptions(partners=True))
    note = make_note(1, text)
    [whole] = checker.check([note], batch_size=8)

    monkeypatch.setattr(real_nlp, "max_length", 400)
    [in_pieces] = checker.check([note], batch_size=8)

    assert len(text) > 1_000 and len(piece_bounds(text, 400)) == 4
    checks = [f.check for f in in_pieces.findings]
    assert (checks.count("who-present"), checks.count("sharing-rationale")) == (1, 1)
    assert checks.count("opinion") == 20
    assert all(f.text == text[f.start:f.end] for f in in_pieces.findings)
    assert in_pieces.findings == whole.findings
    assert [c.agency for c in in_pieces.contacts] == ["Thames Valley Police"]
    assert in_pieces.contacts == whole.contacts


def test_engine_uses_pieces_for_any_note_over_the_piece_size():
    checker = stand_in_checker(PipelineOptions())
    assert checker.piece_chars == min(engine.PIECE_CHARS, checker.nlp.max_length)
