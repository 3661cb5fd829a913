"""How the case-wide pass reads people's names: who a name could be, its words without
titles, the forms a case may write one person by, and the names a note gives family.

Kept apart from case_wide.py, which joins a case's contacts, so that each reads in one
sitting; nothing here knows about contacts or agencies.
"""

from __future__ import annotations

import re
from functools import cache

from recordcheck.language.identifiers import address_words
from recordcheck.language.people import given_names, people_words
from recordcheck.model import NAME_EDGE_PUNCTUATION

_NAME = r"[A-Z][\w'’-]+"


def could_be_a_person(name: str) -> bool:
    """Capitalised words, none an organisation's, and not a place: "school" is not a person,
    nor "Brook Lane" (a school named by its street), but "Hollie Green" is."""
    words = plain_words(name)
    written = [w.strip(NAME_EDGE_PUNCTUATION) for w in name.split()]
    if not words or not all(word[:1].isupper() for word in written if word):
        return False
    if any(word in people_words().organisation_words for word in words):
        return False
    streets = {word.lower() for word in address_words().street_words}
    given = given_names().is_given_name(words[0].capitalize())
    return given or words[-1] not in streets


def begins(longer: str, shorter: str) -> bool:
    """Whether ``shorter``'s words begin ``longer``, a longer name: "Greystone" of "Greystone
    HA"."""
    words = shorter.lower().split()
    return len(longer.split()) > len(words) and longer.lower().split()[: len(words)] == words


def plain_words(name: str) -> list[str]:
    """A name's words in lower case without titles: "DS Dawson," -> ["dawson"]."""
    words = people_words()
    titles = {t.lower() for t in (*words.honorifics, *words.professional_titles)}
    plain = (word.strip(NAME_EDGE_PUNCTUATION).lower() for word in name.split())
    return [word for word in plain if word and word not in titles]


def first_initial(name: str) -> str:
    """ "n" of "Natalie Brook"; "" for a name of one word, whose first name is not known."""
    words = plain_words(name)
    return words[0][0] if len(words) > 1 else ""


def name_words(name: str) -> set[str]:
    return set(plain_words(name))


def author_key(name: str) -> str:
    """A person's name as an author column and a note both write it: "Sarah Lindqvist"
    for "Sarah Lindqvist" and "Ms Sarah Lindqvist,"; "" when it is one word or none, which
    could be anyone."""
    words = plain_words(name)
    return " ".join(words) if len(words) > 1 else ""


def name_keys(name: str) -> set[str]:
    """How the case may write the person alone: the whole name, the first or the last word."""
    words = plain_words(name)
    return {" ".join(words), words[0], words[-1]} if words else set()


@cache
def _family_patterns() -> tuple[re.Pattern[str], ...]:
    words = people_words()
    relations = "|".join(re.escape(r) for r in sorted(words.relations, key=len, reverse=True))
    qualifiers = "|".join(re.escape(q) for q in sorted(words.relation_qualifiers))
    kin = rf"(?:(?:{qualifiers})[ \t-]+)*(?:{relations})"  # "aunt", "paternal aunt"
    return (
        # "mum Jess", "her brother Dean Hale"
        re.compile(rf"(?i:\b(?:{relations}))[ \t]+({_NAME}(?:[ \t]+{_NAME})?)"),
        # "Connor Hale (dad)", "Sharon Mellor (paternal aunt, SG for Tyler)"
        # (a relative's professional, "(older child's SW)", is read as family too: a row
        # lost; telling them apart by what follows the possessive lost relatives, "(mum's
        # new partner)", whose first names then made wrong rows: reverted after review)
        re.compile(rf"({_NAME}(?:[ \t]+{_NAME})?)[ \t]*\([ \t]*(?i:{kin})\b"),
        # "Jess, sister,", "Dean, brother of Kelly"; not a list's next item ("Present: Kieran
        # Molloy, aunt Leanne", "Gemma, mum by phone"), whose relation is the next person's
        re.compile(
            rf"({_NAME}(?:[ \t]+{_NAME})?)[ \t]*,[ \t]*(?i:{kin})"
            rf"(?=[ \t]*(?:[,.;:)\n]|$)|[ \t]+(?i:of|to)\b)"
        ),
        # "Alfie Brennan (11 wks)", "Tia Dobson (10, Brook Lane)": a professional's age
        # is not written beside their name; a child's or a family member's is
        re.compile(rf"({_NAME}(?:[ \t]+{_NAME})?)[ \t]*\([ \t]*\d{{1,2}}\b"),
    )


def family_names(text: str) -> set[str]:
    """The name words a note gives family and friends, or the people the case is about
    (written with their age), in lower case."""
    found: set[str] = set()
    for pattern in _family_patterns():
        for match in pattern.finditer(text):
            found |= name_words(match.group(1))
    return found
