"""A local organisation's short name: the words before its kind ("Lanterns" of "Lanterns
Women's Centre"), read as that organisation only where the case file allows no other."""

from __future__ import annotations

import pytest

from recordcheck.events.case_wide import NAMED_FOR_PLACES
from recordcheck.events.short_names import ShortNames, short_name


@pytest.mark.parametrize(
    ("agency", "agency_type", "short"),
    [
        ("Lanterns Women's Centre", "other", ("lanterns",)),
        ("Stepway Trust", "other", ("stepway",)),
        ("Hollins Pharmacy", "health", ("hollins",)),
        ("Safe Harbour Outreach Service", "other", ("safe", "harbour")),
        ("Kelsford Police", "police", ()),  # named after its town
        ("Westmere Borough Council Housing", "housing", ()),
        ("Whinmoor Unit", "other", ()),  # a building a person is admitted to
        ("Eastbridge 0-19 Service", "health", ()),  # the words before the kind run on
        ("St Aidan's Centre", "other", ()),  # "St" is no name of its own
        ("Refuge", "domestic abuse", ()),  # no word before its kind
        ("Midshire MARAC", "other", ()),  # no kind word
    ],
)
def test_the_short_name_of_an_organisation(agency, agency_type, short):
    assert short_name(agency, agency_type, NAMED_FOR_PLACES) == short


def names(*named: tuple[str, str], unsafe=(), texts=("",)) -> ShortNames:
    return ShortNames.of_case(named, NAMED_FOR_PLACES, unsafe, texts)


def test_a_short_name_is_the_one_organisation_it_begins():
    case = names(("Lanterns Women's Centre", "other"), ("Stepway Trust", "other"))
    assert case.agency_of("Lanterns") == ("Lanterns Women's Centre", "other")
    assert case.agency_of("Stepway") == ("Stepway Trust", "other")
    assert case.agency_of("lanterns") is None  # written as a word, not a name
    assert case.agency_of("Lanterns Women") is None  # not the short name


def test_a_short_name_two_organisations_begin_with_is_neither():
    case = names(("Lanterns Women's Centre", "other"), ("Lanterns Housing", "housing"))
    assert case.agency_of("Lanterns") is None


@pytest.mark.parametrize(
    ("unsafe", "text"),
    [
        ({"lanterns"}, ""),  # a name the case gives a person or a place
        ((), "She hung paper lanterns in her room."),  # an ordinary word in this case
        ((), "She lives in Lanterns, near the park."),  # a town
        ((), "Mr Lanterns, the landlord, called about the rent."),  # a person, by title
        ((), "Spoke to PC Jo Lanterns on 101."),
    ],
)
def test_a_short_name_the_case_uses_otherwise_is_none(unsafe, text):
    case = names(("Lanterns Women's Centre", "other"), unsafe=unsafe, texts=(text,))
    assert case.agency_of("Lanterns") is None


def test_a_given_name_is_never_read_as_an_organisation():
    assert names(("Grace Support Project", "other")).agency_of("Grace") is None


def test_a_short_name_is_judged_the_same_at_every_mention():
    """The case's notes are searched once per name: a later mention gets the first one's
    answer, and the word written before each mention is still read at each."""
    case = names(("Lanterns Women's Centre", "other"), texts=("Rang Lanterns.", "Paper lanterns."))
    assert [case.agency_of("Lanterns") for _ in range(3)] == [None, None, None]
    placed = ShortNames.of_case(
        [], NAMED_FOR_PLACES, (), ("Rang Moorgate.",), [("Moorgate", "school")]
    )
    assert placed.agency_of("Moorgate", "at") is None  # a place: "Visit to Kieran at Moorgate"
    assert placed.agency_of("Moorgate", "rang") == ("Moorgate", "school")
    assert placed.agency_of("Moorgate", "at") is None
