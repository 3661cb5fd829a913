"""One person, one partner (recording standard, "Identity"): a professional the case file
files under one name for their employer stays with the agency a note writes right beside
them, not a second contact of that note."""

from __future__ import annotations

import pytest

from recordcheck.engine import NoteChecker, run
from recordcheck.model import Note

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def second_note(real_nlp):
    """The second note's counted contacts, (agency, person), from a real run of a case."""

    def read(first: str, second: str) -> list[tuple[str, str]]:
        notes = [Note(f"N{i}", "C1", text, date="2025-03-14", author="Kim Hart")
                 for i, text in enumerate((first, second))]
        own_service = {"names": [], "staff": ["Kim Hart"]}
        results = run(notes, jobs=1, partners=True, own_service=own_service,
                      loader=lambda options: NoteChecker.for_pipeline(real_nlp, options))
        return sorted((c.agency, c.person) for c in list(results)[1].contacts
                      if c.counts_as_contact)

    return read


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # the case calls him a social worker; this note writes his MASH beside his name
        ("Call from Tom Ellery, social worker, re the referral.",
         "Call from Tom Ellery MASH SW (01632 960527). Referral progressed.",
         [("MASH (authority not named)", "Tom Ellery")]),
        ("Email from Femi Adeyemi, ASC Learning Disability Team - s42 opened.",
         "Letter sent to Femi Adeyemi (ASC) in reply to his request for information.",
         [("Adult social care (authority not named)", "Femi Adeyemi")]),
    ],
)
def test_a_person_is_filed_with_the_agency_written_beside_them(second_note, first, second,
                                                              expected):
    assert second_note(first, second) == expected


def test_the_next_name_in_a_list_is_someone_elses(second_note):
    found = second_note(
        "DC Fran Ackroyd (Westmere Police) rang re the arrest.",
        "Present: DC Fran Ackroyd, Darren Pryce (Westmere YJS), myself.",
    )
    assert ("Westmere Police", "DC Fran Ackroyd") in found
    assert ("Westmere YJS", "DC Fran Ackroyd") not in found


def test_a_person_is_not_filed_under_the_next_partner_a_sentence_names(second_note):
    found = second_note(
        "Spoke to Jane Hill, social worker, about the visit.",
        "Spoke to Jane Hill then the school nurse.",
    )
    assert ("Social care (authority not named)", "Jane Hill") in found
