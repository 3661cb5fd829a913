"""Pseudonymising personal data (--redact): patterns, names, offsets, whole results."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recordcheck.language.identifiers import find_identifiers, nhs_check_digit_ok
from recordcheck.model import (
    Finding,
    Note,
    NoteResult,
    PersonalSpan,
    Severity,
)
from recordcheck.redact.component import personal_data_for
from recordcheck.redact.offsets import Replacement, Rewrite
from recordcheck.redact.pseudonyms import Pseudonyms
from recordcheck.redact.results import redact_results

# --- identifiers found by pattern -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("01865 123456", "phone"),
        ("07700 900123", "phone"),
        ("(020) 7946 0958", "phone"),
        ("+44 7700 900123", "phone"),
        ("0118-496-0000", "phone"),
        ("sarah.jones@refuge.org.uk", "email"),
        ("J.Okafor@Council.GOV.uk", "email"),
        ("OX4 1AB", "postcode"),
        ("SW1A 1AA", "postcode"),
        ("943 476 5919", "nhs_number"),
        ("943-476-5919", "nhs_number"),
        ("9434765919", "nhs_number"),
        ("AB 12 34 56 C", "ni_number"),
        ("JK123456D", "ni_number"),
    ],
)
def test_identifier_is_found_whole(text, kind):
    sentence = f"Details: {text}, recorded today."
    assert [(sentence[s:e], k) for s, e, k in find_identifiers(sentence)] == [(text, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "Seen on 14/03/2025 at 10:30 for 45 minutes.",
        "Withdrew £500 six times; rang 101 and 999.",
        "943 476 5910 fails the check digit.",
        "Flat 12, room 4B, case ref 2024-118.",
        "Postcodes are written in capitals, ox4 1ab is not taken.",
    ],
)
def test_ordinary_numbers_are_not_identifiers(text):
    assert find_identifiers(text) == []


@given(st.lists(st.integers(0, 9), min_size=9, max_size=9))
def test_nhs_check_digit(first_nine):
    weighted = sum(d * w for d, w in zip(first_nine, range(10, 1, -1), strict=True))
    check = (11 - weighted % 11) % 11
    digits = "".join(map(str, first_nine))
    if check == 10:  # no valid NHS number starts with these nine digits
        assert not any(nhs_check_digit_ok(digits + str(last)) for last in range(10))
    else:
        assert nhs_check_digit_ok(digits + str(check))
        assert not nhs_check_digit_ok(digits + str((check + 1) % 10))


# --- names and identifiers marked by the pipeline ---------------------------------------------


pytestmark_slow = pytest.mark.slow


def marked(doc):
    return [(doc.text[p.start : p.end], p.kind) for p in personal_data_for(doc)]


@pytestmark_slow
def test_names_identifiers_and_what_stays_in_clear(real_nlp):
    doc = real_nlp(
        "Home visit to Mrs Edna Harrow, 12 Larch Close, OX4 1AB. Jamie opened the door. "
        "Mrs H said Ms Jones from the bank had rung. Rang PC Patel, Thames Valley Police, "
        "on 01865 123456 and Sarah Jones (IDVA, Refuge). NHS number 943 476 5919."
    )
    found = marked(doc)
    for expected in [
        ("Mrs Edna Harrow", "person"),
        ("OX4 1AB", "postcode"),
        ("Jamie", "person"),
        ("Mrs H", "person"),
        ("Ms Jones", "person"),
        ("Patel", "person"),
        ("01865 123456", "phone"),
        ("Sarah Jones", "person"),
        ("943 476 5919", "nhs_number"),
    ]:
        assert expected in found
    redacted = {text for text, _ in found}
    for kept in ["PC", "Thames Valley Police", "IDVA", "Refuge", "Rang"]:
        assert not any(kept in text.split() for text in redacted), kept


@pytestmark_slow
def test_family_words_are_not_names(real_nlp):
    assert marked(real_nlp("Mum said Dad and Nan were out on Monday.")) == []


# --- consistent pseudonyms ---------------------------------------------------------------------


def test_people_are_numbered_in_order_of_first_appearance():
    names = Pseudonyms()
    assert [names.person(n, "C1") for n in ["Amir Khan", "Sue Hall", "Amir Khan"]] == [
        "Person 1",
        "Person 2",
        "Person 1",
    ]


def test_forms_of_one_name_join_within_a_case():
    names = Pseudonyms()
    names.learn_names("C1", ["Sarah Jones", "Mrs Edna Harrow"])
    labels = {form: names.person(form, "C1") for form in ["Sarah", "Ms Jones", "Sarah Jones"]}
    assert len(set(labels.values())) == 1
    assert names.person("Mrs H", "C1") == names.person("Edna Harrow", "C1")
    assert names.person("Mr H", "C1") != names.person("Edna Harrow", "C1")


def test_a_short_form_seen_before_the_full_name_keeps_its_pseudonym():
    names = Pseudonyms()
    first = names.person("Sarah", "C1")
    assert names.person("Sarah Jones", "C1") == first


def test_ambiguous_short_forms_stay_apart():
    names = Pseudonyms()
    names.learn_names("C1", ["Tom Brown", "Tom Green"])
    tom = names.person("Tom", "C1")
    assert tom not in {names.person("Tom Brown", "C1"), names.person("Tom Green", "C1")}


def test_short_forms_are_scoped_to_their_case_and_full_names_to_the_run():
    names = Pseudonyms()
    assert names.person("Mrs A", "C1") != names.person("Mrs A", "C2")
    assert names.person("S. Mistry", "C1") == names.person("S. Mistry", "C2")
    assert names.person("Jane Okafor", "C1") == names.person("Jane Okafor", "C2")


def test_identifiers_written_differently_get_one_pseudonym():
    names = Pseudonyms()
    assert names.identifier("phone", "01865 123456") == names.identifier("phone", "01865123456")
    assert names.identifier("phone", "+44 1865 123456") == "[phone 1]"
    assert names.identifier("email", "A@B.org") == names.identifier("email", "a@b.org")
    assert names.identifier("postcode", "OX4 1AB") == "[postcode 1]"


# --- offsets ----------------------------------------------------------------------------------


@st.composite
def text_with_replacements(draw):
    text = draw(st.text(alphabet="abc .", min_size=0, max_size=40))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8)))
    replacements = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if start < end:
            replacements.append(
                Replacement(start, end, draw(st.sampled_from(["X", "Person 1", ""])))
            )
    return text, replacements


def expected_slice(text, replacements, start, end):
    """What [start, end) becomes, computed piece by piece: a naive oracle."""
    pieces, cursor = [], 0
    for r in replacements:
        pieces += [(i, i + 1, text[i]) for i in range(cursor, r.start)]
        pieces.append((r.start, r.end, r.text))
        cursor = r.end
    pieces += [(i, i + 1, text[i]) for i in range(cursor, len(text))]
    if start == end:
        inside = [p for p in pieces if p[0] < start < p[1]]
        return inside[0][2] if inside else ""
    return "".join(new for a, b, new in pieces if a < end and start < b)


@given(text_with_replacements(), st.data())
def test_offsets_follow_the_replacements(case, data):
    text, replacements = case
    rewrite = Rewrite(text, replacements)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert rewrite.text[rewrite.start(start) : rewrite.end(end)] == expected_slice(
        text, replacements, start, end
    )
    assert rewrite.start(0) == 0
    assert rewrite.end(len(text)) == len(rewrite.text)


def test_overlapping_replacements_are_refused():
    with pytest.raises(ValueError, match="overlap"):
        Rewrite("abcdef", [Replacement(0, 3, "X"), Replacement(2, 4, "Y")])


# --- whole results ----------------------------------------------------------------------------

WORDS = ["Amir", "Khan", "saw", "the", "GP", "on", "Monday", "and", "said", "Sue", "Hall"]


@st.composite
def results_with_personal_data(draw):
    """A note of random words, some of them marked as people, with random findings."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
    text = " ".join(words)
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    spans = [
        PersonalSpan(start, start + len(word), "person")
        for start, word in zip(starts, words, strict=True)
        if word in {"Amir", "Khan", "Sue", "Hall"} and draw(st.booleans())
    ]
    findings = []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        findings.append(
            Finding(
                "opinion", start, end, text[start:end], Severity.LOW, f"Quoted: {text[start:end]}"
            )
        )
    note = Note("N1", "C1", text, author="Sue Hall")
    return NoteResult(note, tuple(findings), personal_data=tuple(spans))


@given(results_with_personal_data())
def test_findings_still_quote_the_redacted_text(result):
    redacted = next(redact_results([result]))
    text = redacted.note.text
    for before, after in zip(result.findings, redacted.findings, strict=True):
        assert after.text == text[after.start : after.end]
        # a finding that touched a name now covers its whole pseudonym
        for span in result.personal_data:
            if before.start < span.end and span.start < before.end:
                assert re.search(r"Person \d+", after.text)
    assert redacted.personal_data == ()
    assert redacted.note.author == "Person 1"


@given(results_with_personal_data())
def test_no_marked_name_survives(result):
    redacted = next(redact_results([result]))
    marked = {result.note.text[s.start : s.end] for s in result.personal_data}
    for word in marked:
        assert not re.search(rf"\b{word}\b", redacted.note.text)
        for finding in redacted.findings:
            assert not re.search(rf"\b{word}\b", finding.text + finding.message)


@pytestmark_slow
def test_redacting_a_real_pipeline_run(real_nlp):
    from recordcheck.events.contacts import contacts_for

    notes = [
        Note(
            "N1",
            "C1",
            "Sarah Jones (IDVA, Refuge) rang on 07700 900123 about Mrs Edna Harrow.",
            author="S. Mistry",
        ),
        Note("N2", "C1", "Mrs H seen alone. Sarah confirmed the refuge place.", author="S. Mistry"),
    ]
    results = []
    for note in notes:
        doc = real_nlp(note.text)
        results.append(NoteResult(note, (), contacts_for(doc), personal_data_for(doc)))
    first, second = redact_results(results)
    assert first.note.text == "Person 2 (IDVA, Refuge) rang on [phone 1] about Person 3."
    assert second.note.text.startswith("Person 3 seen alone. Person 2 confirmed")
    assert first.note.author == second.note.author == "Person 1"
    (contact,) = first.contacts
    assert (contact.person, contact.agency, contact.phone) == (
        "Person 2",
        "Refuge",
        "[phone 1]",
    )


@pytestmark_slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Agreed with team manager (K. Adeyemi) that this meets s42 criteria.", "K. Adeyemi"),
        ("Visited Liam Barker at the flat.", "Liam Barker"),
        ("Left a message for housing officer D Fairweather about the clean.", "Fairweather"),
        ("Spoke to Mr. Okafor on the doorstep.", "Mr. Okafor"),
    ],
)
def test_names_the_recogniser_alone_would_miss_or_mangle(real_nlp, text, name):
    found = [t for t, kind in marked(real_nlp(text)) if kind == "person"]
    assert any(name in t for t in found), found
    assert not any(t.startswith(("Visited", "Left", "Agreed")) for t in found)
