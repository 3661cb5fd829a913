"""Values kept on a Doc, and word lists matched once per note, give what spaCy would."""

import re

import pytest
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span, Token

from recordcheck.language.clauses import BULLETS, ends_statement, line_start, statement_of
from recordcheck.language.doc_values import any_token_matching, ends_in_question_mark, text_of
from recordcheck.language.matching import TermMatcher

NOTES = [
    "Rang the GP re meds?  \nNo answer. Will try again tmrw\n\n",
    "Mum said she 'can't cope'. Is he safe ?\n - visit at 14:30, seemed drunk",
    "Home visit.\tPresent: Tom and me. Shared the plan with the social worker?",
]


@pytest.fixture(scope="module")
def docs(real_nlp):
    return [real_nlp(text) for text in NOTES]


def every_span(doc):
    return [doc[start:end] for start in range(len(doc) + 1) for end in range(start, len(doc) + 1)]


def test_text_is_the_docs_text(docs):
    for doc in docs:
        assert text_of(doc) == doc.text
        assert text_of(doc) is text_of(doc)


def test_question_mark_read_from_the_last_words(docs):
    asked = told = 0
    for doc in docs:
        for span in every_span(doc):
            expected = span.text.rstrip().endswith("?")
            assert ends_in_question_mark(span) == expected, span.text
            asked, told = asked + expected, told + (not expected)
    assert asked and told


def test_token_pattern_search(docs):
    clock = re.compile(r"\d{1,2}[:.]\d{2}")
    doc = docs[1]
    (at,) = [t.i for t in doc if t.text == "14:30"]
    assert any_token_matching(doc, clock, at, at + 1)
    assert any_token_matching(doc, clock, 0, len(doc))
    assert not any_token_matching(doc, clock, 0, at)
    assert not any_token_matching(doc, clock, at + 1, len(doc))
    assert not any_token_matching(docs[0], clock, 0, len(docs[0]))


def test_matches_over_a_span_are_the_phrase_matchers(real_nlp, docs):
    lists = {"contact_lemma": ["ring", "share the plan", "try again"], "who": ["the gp", "mum"]}
    matcher = TermMatcher(real_nlp, lists)
    assert isinstance(matcher.as_written, PhraseMatcher)
    found = 0
    for doc in docs:
        for span in every_span(doc):
            # what the PhraseMatchers give when run over the span itself
            expected = {*matcher.as_written(span), *matcher.by_lemma(span)}
            got = matcher.spans(span, longest=False)
            assert sorted((s.label, s.start, s.end) for s in got) == sorted(expected)
            found += len(got)
    assert found


def test_a_new_matcher_never_reads_a_discarded_ones_matches(real_nlp):
    doc = real_nlp("He is a rascal.")
    for _ in range(50):  # id() of a discarded matcher is soon reused; its number never is
        assert not TermMatcher(real_nlp, {"labels": ["a lad"]}).has(doc)
        assert TermMatcher(real_nlp, {"labels": ["a rascal"]}).has(doc, "labels")


def test_statements_cut_once_per_sentence_as_searched_from_each_word(docs):
    """Each word's statement, kept for its whole sentence, is what searching back and on
    from that word for a full stop or line break gives ("seemed drunk" is not "No answer")."""
    for doc in docs:
        for token in doc:
            sent = token.sent
            start = next(
                (t.i + 1 for t in reversed(doc[sent.start : token.i]) if ends_statement(t)),
                sent.start,
            )
            end = next((t.i + 1 for t in doc[token.i : sent.end] if ends_statement(t)), sent.end)
            assert statement_of(token) == doc[start:end], token.text
    log = docs[1]
    drunk = next(t for t in log if t.text == "drunk")
    assert statement_of(drunk).text.strip() == "- visit at 14:30, seemed drunk"


def test_line_start_found_among_the_notes_line_breaks(docs):
    """A word's line starts after the last line break before it in its sentence, past a
    bullet, as walking back from the word finds it: "seemed drunk" is on the line "- visit ..."."""
    for doc in docs:
        for words in [*doc, *every_span(doc)[1:]]:
            if isinstance(words, Span) and not len(words):
                continue
            first = words.i if isinstance(words, Token) else words.start
            start = first
            while start > words.sent.start and "\n" not in doc[start - 1].text_with_ws:
                start -= 1
            while start < first and (doc[start].text in BULLETS or doc[start].is_space):
                start += 1
            assert line_start(words) == start, words.text
    drunk = next(t for t in docs[1] if t.text == "drunk")
    assert docs[1][line_start(drunk)].text == "visit"
