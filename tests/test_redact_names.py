"""--redact: names known across a case, names by context and list, garbled names, addresses."""

from __future__ import annotations

from dataclasses import replace

import pytest

from recordcheck.language.identifiers import find_addresses
from recordcheck.language.names import find_garbled_names
from recordcheck.model import ChronologyEvent, ContactEvent, Note, NoteResult, PersonalSpan
from recordcheck.redact.component import personal_data_for
from recordcheck.redact.results import redact_results

slow = pytest.mark.slow


def result(text, names=(), *, author="Jane Okafor", case="C1", note_id=None):
    spans = tuple(PersonalSpan(text.index(n), text.index(n) + len(n), "person") for n in names)
    return NoteResult(
        Note(note_id or f"N{abs(hash(text))}", case, text, author=author), (), (), spans
    )


def texts(results):
    return [r.note.text for r in redact_results(results)]


# --- case-wide propagation ------------------------------------------------------------------


def test_a_name_found_in_one_note_is_hidden_in_every_note_of_the_case_even_earlier_ones():
    first = result("Shah was not home when we called round.")
    second = result("Joint visit with Ravi Shah's key worker.", ["Ravi Shah"])
    third = result("Ravi rang back later.")
    out = texts([first, second, third])
    assert all("Shah" not in t and "Ravi" not in t for t in out), out
    assert out[0].startswith("Person ")


def test_names_do_not_cross_into_other_cases():
    found = result("Ravi Shah seen at home.", ["Ravi Shah"], case="C1")
    other = result("Ravi is a different boy in another family.", case="C2")
    assert texts([found, other])[1] == "Ravi is a different boy in another family."


def test_the_authors_name_is_hidden_where_the_case_writes_it():
    out = texts(
        [result("Night settled.", author="Dorota Nowak"), result("Dorota checked at 02:00.")]
    )
    assert "Dorota" not in out[1]


def test_a_name_word_the_case_also_uses_as_an_ordinary_word_is_hidden_only_mid_sentence():
    notes = [
        result("Tenancy review with Will Hart.", ["Will Hart"]),
        result("Will ring the landlord. Spoke to Will about it, he will call back."),
    ]
    second = texts(notes)[1]
    assert second.startswith("Will ring the landlord.")
    assert "to Will" not in second and "he will call back" in second


def test_a_known_name_is_not_hidden_where_it_starts_a_place_or_agency():
    notes = [
        result("Grace Miller moved in.", ["Grace Miller"]),
        result("Grace went to Grace House day centre on Victoria Road."),
    ]
    assert texts(notes)[1].endswith("went to Grace House day centre on Victoria Road.")


def test_relational_words_are_never_spread_as_names():
    notes = [
        result('She said "Mummy hit me" to Ravi Shah.', ["Mummy", "Ravi Shah"]),
        result("Mummy came to collect her."),
    ]
    assert texts(notes)[1] == "Mummy came to collect her."


# --- names from the list and from the words around them (real pipeline) ---------------------


def person_texts(nlp, text):
    doc = nlp(text)
    return [text[p.start : p.end] for p in personal_data_for(doc) if p.kind == "person"]


@slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("School rang to say her son Kayden had not arrived.", "Kayden"),
        ("The health visitor weighed baby Esme at home.", "Esme"),
        ("Mum has a new partner named Precious who stays most nights.", "Precious"),
        ("Tyler (brother) was at school during the visit.", "Tyler"),
        ("Concerns raised by Esme's mum about the bruise.", "Esme"),
        ("Spoke with Wojciech about the rent arrears and the heating.", "Wojciech"),
        ("Letter copied to Mrs Wojcik and to Dr Amadi.", "Wojcik"),
    ],
)
def test_names_from_the_list_or_the_words_around_them(real_nlp, text, name):
    assert any(name in found for found in person_texts(real_nlp, text))


@slow
@pytest.mark.parametrize(
    "text",
    [
        "Will ring the school again tomorrow if no reply.",
        "Hope is that the placement settles before Easter.",
        "Lives on Victoria Road near the shops.",
        'She said "Mummy was cross" and Nan agreed.',
    ],
)
def test_ordinary_words_and_relational_words_stay_in_clear(real_nlp, text):
    found = person_texts(real_nlp, text)
    for word in ("Will", "Hope", "Victoria", "Mummy", "Nan"):
        assert not any(word in f for f in found), found


# --- garbled names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Zo? said she was fine.", "Zo?"),
        ("Visit to Jos\ufffd Garc\ufffda at home.", "Garc\ufffda"),
        ("Visit to Jos\ufffd at home.", "Jos\ufffd"),
        ("Zo?e was asleep.", "Zo?e"),
    ],
)
def test_names_with_lost_letters(text, name):
    assert name in [text[s:e] for s, e in find_garbled_names(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Is she OK? she would not say.",
        "Any concerns? None reported by the school.",
        "She said \ufffdNo\ufffd and walked off.",  # a lost quotation mark, not a letter
    ],
)
def test_question_marks_and_lost_quotes_are_not_names(text):
    assert find_garbled_names(text) == []


# --- addresses --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Moved to 14 Rowan Close last week.", "14 Rowan Close"),
        ("New tenancy at 27a Mill Lane, Harwick.", "27a Mill Lane"),
        ("Seen at Flat 3 with her sister.", "Flat 3"),
        ("lives flat 12b, Cedar Court since May", "flat 12b, Cedar Court"),
        ("address 18 windmill lane hensall", "18 windmill lane"),
        ("Flat 2, 117 Market Street", "Flat 2, 117 Market Street"),
        # no street word: a home only after the words that say one follows
        ("OOH log - neighbour at 20 Fernside rang 19/05 23:40", "20 Fernside"),
        ("She moved to 4 Brook Vale last month.", "4 Brook Vale"),
        ("new address 17 Elmhurst, Harwick", "17 Elmhurst"),
    ],
)
def test_addresses_are_found(text, address):
    assert [text[s:e] for s, e, _ in find_addresses(text)] == [address]


@pytest.mark.parametrize(
    "text",
    [
        "Walked 2 miles up the hill with staff.",
        "Moved to room 6, Cedar House on the ward.",
        "Gave her 2 Green tablets at 10:30.",
        "Seen at 14:00 Park Road clinic.",
        "She moved to 12 June for the review.",
        "address 29 on the form was wrong",
        "Seen at 3 Counties clinic with mum.",
        "Client moved to 2 The Larches care home.",
    ],
)
def test_ordinary_numbers_are_not_addresses(text):
    assert find_addresses(text) == []


def test_addresses_are_redacted_in_the_text_and_the_chronology():
    text = "Eviction notice served at 14 Rowan Close; moved to Flat 3, Cedar Court."
    event = ChronologyEvent("housing", 0, len(text), text, outcome="moved to Flat 3, Cedar Court")
    [redacted] = redact_results([replace(result(text), events=(event,))])
    assert redacted.note.text == "Eviction notice served at [address 1]; moved to [address 2]."
    [moved] = redacted.events
    assert "Rowan" not in moved.summary and "Cedar" not in moved.outcome


def test_a_known_name_next_to_a_number_is_a_month_not_a_name():
    notes = [result("Jan Holloway rang.", ["Jan Holloway"]), result("Seen 12 Jan; Jan was well.")]
    assert texts(notes)[1].startswith("Seen 12 Jan; Person ")


def test_free_text_loses_names_as_whole_words_and_agencies_named_after_a_person_lose_them():
    text = "CIN meeting: Mrs Okon (DSL) and Lee from Leeds Housing."
    contact = ContactEvent(
        agency="Okon School", agency_type="education", start=13, end=21, person="Mrs Okon"
    )
    event = ChronologyEvent("contact", 0, len(text), text, source="Lee from Leeds Housing")
    marked = replace(result(text, ["Mrs Okon", "Lee"]), contacts=(contact,), events=(event,))
    [redacted] = redact_results([marked])
    assert "Okon" not in redacted.contacts[0].agency
    assert redacted.events[0].source.endswith(" from Leeds Housing")


def test_a_given_name_that_is_no_english_word_is_hidden_in_lower_case_too():
    notes = [result("Kelly Marsh rang.", ["Kelly Marsh"]), result("spoke to kelly, will ring back")]
    assert texts(notes)[1].startswith("spoke to Person ")
    assert texts(notes)[1].endswith(", will ring back")


@slow
def test_lower_case_given_names_are_found_in_voice_to_text_notes(real_nlp):
    text = "went round to see kelly and gemma, their mum about the telly licence"
    assert person_texts(real_nlp, text) == ["kelly", "gemma"]
