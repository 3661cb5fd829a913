"""Characters lost before the export reached us: a data problem on the note,
shown in the run account and the report, and never fired by ordinary '?'."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from recordcheck.cli import main
from recordcheck.ingest import read_inputs
from recordcheck.ingest.encoding import REPLACED_PROBLEM
from recordcheck.ingest.lost_characters import lost_character_problems, lost_question_marks
from recordcheck.model import Note

LOST = [
    "Visited Wojci?ch at home.",
    "Zo? came to the door and let us in.",
    "Spoke to Zo? and her mum.",
    "Ren?e said she was fine.",
    "Mum didn?t answer the door.",
    "Collected Mum?s prescription.",
    "He owes ?250 in rent arrears.",
    "Zo?, her sister, was there.",
    "Met Wojciech Ko?odziej at the office.",
]
ORDINARY = [
    "is he ok?",
    "?query",
    "Is he ok? he said yes.",
    "Did Zoe attend? no",
    "Was it Zoe? she did not say.",
    "Who was there? Dad? Mum?",
    "See https://portal.example/case.aspx?id=12 for the plan.",
    "What?! he shouted.",
    "Anything else? No.",
    "Asked about Dad? she said he left in May.",
    "Any concerns? none raised.",
    "Q: eating? A: yes",
    "(Mum?) was mentioned.",
]


@pytest.mark.parametrize("text", LOST)
def test_question_marks_standing_for_lost_letters_are_found(text):
    assert lost_question_marks(text) == [text.index("?")]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_question_marks_are_left_alone(text):
    assert lost_question_marks(text) == []
    assert lost_character_problems(text) == ()


def test_the_problem_says_how_many_and_where_but_never_quotes_the_note():
    text = "Visited Wojci?ch and Zo? at home. Is he ok? Paid ?20."

    [problem] = lost_character_problems(text)

    assert problem.startswith("'?' stands for a lost character in 3 places")
    assert f"first at character {text.index('?')}" in problem
    assert "Wojci" not in problem and "UTF-8" in problem


def test_replacement_characters_are_reported_once():
    text = "Visited Zo\ufffd at home; Ma\ufffdgorzata was there."

    [problem] = lost_character_problems(text)

    assert problem.startswith("2 characters could not be read and show as '\ufffd'")
    assert lost_character_problems(text, reported=(REPLACED_PROBLEM,)) == ()


def read_notes(path):
    return [item for item in read_inputs([path]) if isinstance(item, Note)]


def test_a_csv_note_with_lost_letters_carries_the_problem(write_csv):
    export = write_csv("notes.csv", [
        ("N1", "C1", "Home visit to Wojci?ch. Is he ok? He said yes."),
        ("N2", "C1", "Rang the GP. Any concerns? none."),
        ("N3", "C1", "Zo\ufffd was present."),
    ])

    lost, clean, replaced = read_notes(export)

    assert [p.split(" (")[0] for p in lost.problems] == [
        "'?' stands for a lost character in 1 place"
    ]
    assert clean.problems == ()
    assert replaced.problems[0].startswith("1 character could not be read and shows as")


def test_a_word_entry_with_lost_letters_carries_the_problem(tmp_path):
    import docx

    document = docx.Document()
    for text in ("14/03/2025 - Home Visit", "Zo? and her brother were seen."):
        document.add_paragraph(text)
    path = tmp_path / "report.docx"
    document.save(path)

    [note] = read_notes(path)

    assert note.problems and "'?' stands for a lost character" in note.problems[0]


def test_the_account_and_the_report_show_the_problem_without_the_words(
    stand_in_pipeline, write_csv
):
    export = write_csv("notes.csv", [
        ("N1", "C1", "Visited Wojci?ch at home."),
        ("N2", "C1", "Is he ok? He said yes."),
    ])

    result = CliRunner().invoke(main, ["check", str(export), "-q"], catch_exceptions=False)

    assert result.exit_code == 0
    assert "Notes with data problems: 1" in result.stderr
    assert "notes.csv row 2 (note N1): '?' stands for a lost character in 1 place" in result.stderr
    assert "Data problems in notes that were read" in result.stdout
    assert "notes.csv row 2 (note N1)" in result.stdout
    assert "Wojci" not in result.stderr
