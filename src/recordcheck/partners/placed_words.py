"""The words placed.py reads local organisations by (placed.toml), apart from the reading:
the case-wide pass needs some of them in the process that gathers the results, which
loads no spaCy."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from recordcheck.datafiles import package_toml
from recordcheck.language.contact_words import contact_cues
from recordcheck.language.people import people_words


@dataclass(frozen=True)
class PlacedWords:
    not_entities: frozenset[str]
    role_words: frozenset[str]  # lower case: a role's last word
    role_types: dict[str, str]
    languages: frozenset[str]  # as written: "Pashto" in "Mr Sharif (Pashto)"
    not_words: frozenset[str]  # lower case: channels ("Teams"), rooms, beds
    job_titles: frozenset[str]  # lower case: "deputy", "head" of "(Deputy Head)"
    descriptions: frozenset[str]  # lower case: "landlord", "deceased": of the person
    town_before: frozenset[str]  # "in Marlbridge (...)": a town follows, not an organisation
    stays: frozenset[str] = frozenset()  # lower case: "ward", "room": where someone stays


@cache
def placed_words() -> PlacedWords:
    data = package_toml(__package__, "placed.toml")
    people = people_words()
    return PlacedWords(
        frozenset(data["not_organisation_entities"]),
        frozenset(data["role_words"]) | people.roles,
        dict(data["role_types"]),
        frozenset(data["languages"]),
        frozenset(word.lower() for word in data["not_organisations"])
        | frozenset(
            word.lower()
            for _, terms in contact_cues().channels
            for term in terms
            for word in term.split()
        ),
        frozenset(data["job_title_words"]),
        frozenset(data["person_descriptions"]),
        frozenset(data["town_before"]),
        frozenset(word.lower() for word in data["not_organisations"]),
    )
