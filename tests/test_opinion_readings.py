"""The opinion check's grammar readings, on sentences written for these tests."""

from __future__ import annotations

import pytest

from recordcheck.checks.opinion.behaviour import behaviour_follows
from recordcheck.checks.opinion.predicates import use_of
from recordcheck.checks.opinion.sections import set_apart

pytestmark = pytest.mark.slow

SPEECH = frozenset({"say", "tell", "ask"})


def _word(doc, text):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize(
    ("text", "verdict", "follows"),
    [
        ("She was happy, singing along to the radio.", "happy", True),
        ("In good spirits, laughing at the cartoons with his brother.", "good", True),
        ("She was happy and told me her son is visiting.", "happy", False),
        ("Grandad was happy and relaxed with us.", "happy", False),
        ("He was happy but would not eat.", "happy", False),
        ("The flat was fine, we went to the park.", "fine", False),
    ],
)
def test_behaviour_after_a_verdict_is_its_basis(real_nlp, text, verdict, follows):
    doc = real_nlp(text)
    word = _word(doc, verdict)
    assert behaviour_follows(doc[word.i : word.i + 1], use_of(word).subject, SPEECH) is follows


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Reviewed in clinic with her mum, very agitated.", "agitated"),
        ("Late call done, Maureen ok, kettle left filled.", "ok"),
        ("Rang mum at 6pm - Stan fine, will ring again tomorrow.", "fine"),
    ],
)
def test_a_verdict_item_in_a_shorthand_list_is_a_predicate(real_nlp, text, word):
    assert use_of(_word(real_nlp(text), word)).predicative


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Reviewed at clinic, mild fine tremor noted on the left side.", "fine"),
        ("Arrears cleared today, £50 fine paid at the counter.", "fine"),
    ],
)
def test_a_list_item_that_does_not_end_on_the_word_is_not_a_verdict(real_nlp, text, word):
    assert not use_of(_word(real_nlp(text), word)).predicative


def test_an_examination_heading_sets_apart_its_line():
    text = "Seen at clinic.\nMSE: tired, mood low, insight partial.\nHe was lazy about his meds."
    [(start, end)] = set_apart(text)
    assert text[start:end] == " tired, mood low, insight partial."


def test_a_clinicians_impression_is_set_apart_as_a_diagnosis_is():
    text = "O/E: wt 52kg, down 4kg.\nImp: likely reduced intake.\nMum was rude."
    [(start, end)] = set_apart(text)
    assert text[start:end] == " likely reduced intake."


def test_a_capacity_assessments_item_is_set_apart_as_an_examinations_are():
    text = "Seen on the ward.\nRetain: could not recall either option.\nMum was rude."
    [(start, end)] = set_apart(text)
    assert text[start:end] == " could not recall either option."


def test_a_heading_alone_takes_the_labelled_lines_under_it():
    text = "MSE\nAppearance: unshaven.\nMood: flat.\n\nPlan: review in 2 weeks. Mum was rude."
    [(start, end)] = set_apart(text)
    assert text[start:end] == "\nAppearance: unshaven.\nMood: flat."


def test_soap_subjective_is_the_persons_account_and_other_lines_are_not_set_apart():
    text = (
        "S: feels useless, says the carers are lazy.\nO: wound 2cm, clean.\nSomething else: fine."
    )
    assert [text[a:b] for a, b in set_apart(text)] == [" feels useless, says the carers are lazy."]


def test_a_heading_word_opening_a_sentence_is_no_heading():
    assert set_apart("S upset\nMood: flat, says she is fine.") == []


def test_a_list_under_a_saying_and_a_colon_is_their_account():
    text = "Seen with PCSO.\nHe disclosed:\n- the cut was Jay\n- he was scared\nHe was rude."
    assert [text[a:b] for a, b in set_apart(text)] == ["\n- the cut was Jay\n- he was scared"]


def test_a_list_under_another_line_is_not_set_apart():
    assert set_apart("Agreed:\n- he is lazy\nHe said:  it was fine.\nMum is rude.") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Nicola disclosed:\n- Ashley was drunk.\n- She's scared of him.", []),
        ("Concerns:\n- She's scared of him.", ["She's scared of him"]),
    ],
)
def test_what_a_list_of_someones_words_says_is_not_the_writers_claim(real_nlp, text, flagged):
    doc = real_nlp(text)
    assert [span.text for span in doc.spans["rc_opinion"]] == flagged


def test_a_history_heading_sets_apart_the_history_taken():
    text = "Clinic.\nHistory: poor adherence with tablets.\nHx: 2 falls.\nPoor adherence today."
    assert [text[a:b] for a, b in set_apart(text)] == [
        " poor adherence with tablets.",
        " 2 falls.",
    ]
