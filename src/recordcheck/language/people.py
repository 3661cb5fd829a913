"""The words that tell people's names from other capitalised words (people.toml).

Plain data, no spaCy: the pseudonymiser in the main process reads it as well
as the name finder in the workers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from recordcheck.datafiles import package_toml

# A capitalised word or an initial: "Okafor", "McDonald", "O'Brien", "J." (not "IDVA")
NAME_WORD = re.compile(r"^[A-Z](?:[a-z'’][A-Za-z'’-]*)?\.?$")


@dataclass(frozen=True)
class PeopleWords:
    person_label: str
    honorifics: frozenset[str]
    professional_titles: dict[str, str]  # title -> agency type
    not_names: frozenset[str]
    organisation_words: frozenset[str]  # lower case

    def is_organisation(self, words: list[str]) -> bool:
        return any(word.lower() in self.organisation_words for word in words)

    def is_name_word(self, word: str) -> bool:
        return bool(NAME_WORD.match(word)) and word.rstrip(".") not in self.stop_words

    @property
    def stop_words(self) -> frozenset[str]:
        return self.not_names | self.honorifics | frozenset(self.professional_titles)


@cache
def people_words() -> PeopleWords:
    """The words in people.toml."""
    data = package_toml(__package__, "people.toml")
    return PeopleWords(
        person_label=data["person_label"],
        honorifics=frozenset(data["honorifics"]),
        professional_titles=dict(data["professional_titles"]),
        not_names=frozenset(data["not_names"]["words"]),
        organisation_words=frozenset(data["organisation_words"]["words"]),
    )
