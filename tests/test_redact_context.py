"""--redact: names the words around them mark somewhere in a case, ages beside names,
(addresses with no street word are tested with the others, in test_redact_names.py)."""

from __future__ import annotations

import pytest

from recordcheck.language.case_context import names_by_context
from recordcheck.model import Note, NoteResult, PersonalSpan
from recordcheck.redact.results import redact_results


def result(text, names=(), *, case="C7"):
    spans = tuple(PersonalSpan(text.index(n), text.index(n) + len(n), "person") for n in names)
    return NoteResult(Note(f"N{abs(hash(text))}", case, text, author="Sam Ojo"), (), (), spans)


def texts(results):
    return [r.note.text for r in redact_results(results)]


# --- names the words around them mark ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("visited lee at the flat, lee says dean takes him shopping", {"lee", "dean"}),
        ("rang pc sandhu and left a voicemail", {"sandhu"}),
        ("SH: lives with wife June (82) who has dementia.", {"June"}),
        ("told rob about the new locks", {"rob"}),
        ("morning carer sue arrived late", {"sue"}),
        ("joint visit, mrs shazia akhtar 64 asking for a carers assessment", {"shazia"}),
    ],
)
def test_the_words_around_a_name_mark_it_however_it_is_written(text, names):
    assert names_by_context(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "her son will visit on sunday and mum said she was fine",
        "saw mark on her left arm, about 2cm",
        "she rang bell at 02:10 asking for the toilet",
        "MR successful, DWP have accepted the claim",
        "staff said he settled after midnight, nurse told him to rest",
        "her partner is on bail, the carer said he was out",
        "Rang West Pennine Police 101 to report it.",
    ],
)
def test_common_words_relations_and_capitals_are_not_taken_for_names(text):
    assert names_by_context(text) == set()


def test_a_lower_case_name_marked_once_is_hidden_at_every_mention_in_the_case():
    notes = [
        result("lee says everything fine. dean not there today, on holiday."),
        result("reminded lee about the bank statements. rang dean back on the 21st."),
        result("Lee was not in when I called."),
    ]
    out = texts(notes)
    assert not any(word in t for t in out for word in ("lee", "dean", "Lee")), out
    assert out[1].startswith("reminded Person ")


def test_a_name_marked_in_one_case_is_not_hidden_in_another():
    notes = [
        result("told rob about the review."),
        result("no one tried to rob the flat, says neighbour.", case="C8"),
    ]
    assert texts(notes)[1] == "no one tried to rob the flat, says neighbour."


def test_a_month_that_is_a_name_in_the_case_is_still_a_date_beside_a_number():
    notes = [
        result("Lives with wife June (82) who has dementia."),
        result("June in lounge, calm today. Review booked 12 June."),
    ]
    out = texts(notes)[1]
    assert out.startswith("Person ") and out.endswith("Review booked 12 June.")


def test_a_name_beside_a_number_is_a_childs_age_not_a_date():
    notes = [
        result("Hamza Ali seen at school.", ["Hamza Ali"]),
        result("Household: mum, dad, Hamza 6 and baby 5 months."),
    ]
    assert "Hamza" not in texts(notes)[1]


@pytest.mark.slow
def test_the_name_finder_takes_a_given_name_beside_an_age_but_not_a_month(real_nlp):
    from recordcheck.redact.component import personal_data_for

    text = "Household: Hamza 6 and Amira 3. Seen 12 Jan with both."
    found = [text[p.start : p.end] for p in personal_data_for(real_nlp(text)) if p.kind == "person"]
    assert "Hamza" in found and "Jan" not in found
