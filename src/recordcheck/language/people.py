"""The words that tell people's names from other capitalised words (people.toml).

Plain data, no spaCy: the pseudonymiser in the main process reads it as well
as the name finder in the workers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from recordcheck.datafiles import package_toml
from recordcheck.language.identifiers import address_words, month_words

# A capitalised word or an initial: "Okafor", "McDonald", "O'Brien", "J." (not "IDVA")
NAME_WORD = re.compile(r"^[A-Z](?:[a-z'’][A-Za-z'’-]*)?\.?$")
# A surname written in capitals, as some records do ("Paul DENHOLM"); taken only
# next to a first name, as most words in capitals are acronyms
SHOUTED_SURNAME = re.compile(r"^[A-Z][A-Z'’-]{3,}$")


@cache
def agency_acronyms() -> frozenset[str]:
    """One-word agency terms in capitals ("MASH", "CAMHS", "IDVA"): never a surname."""
    from recordcheck.language.agencies import load_lexicon

    return frozenset(t.text.upper() for t in load_lexicon().terms if " " not in t.text.strip())


def shouted_surname_at(words: list[str], index: int, is_name_word) -> bool:
    """words[index] is a surname in capitals after a lone first name, as police and some
    councils write them ("SW Gemma RILEY", "DSL Mrs Anita CORLESS"); not after a full
    name ("Jo Smith CAIU"), nor an agency's acronym ("Sue MASH")."""
    return (
        index > 0
        and SHOUTED_SURNAME.match(words[index]) is not None
        and words[index] not in agency_acronyms()
        and is_name_word(words[index - 1])
        and (index < 2 or not is_name_word(words[index - 2]))
    )


@dataclass(frozen=True)
class PeopleWords:
    person_label: str
    honorifics: frozenset[str]
    professional_titles: dict[str, str]  # title -> agency type
    not_names: frozenset[str]
    organisation_words: frozenset[str]  # lower case
    relations: frozenset[str]  # lower case: "son", "mum", "baby"
    relation_qualifiers: frozenset[str]  # lower case: "paternal" of "paternal aunt"
    naming_words: frozenset[str]  # lower case: "named"
    roles: frozenset[str]  # lower case: "worker" in "refuge worker (Bushra)"
    months: frozenset[str]  # as written: "Jan", "June"; a date beside a number
    groups: frozenset[str] = frozenset()  # as written: "Older", "Adults"

    def names_a_group(self, words: list[str]) -> bool:
        """ "Older Adults": the people a team serves, not a person's name."""
        return bool(words) and all(word in self.groups for word in words)

    def is_organisation(self, words: list[str]) -> bool:
        return any(word.lower() in self.organisation_words for word in words)

    def is_name_word(self, word: str) -> bool:
        return bool(NAME_WORD.match(word)) and word.rstrip(".") not in self.stop_words

    @cached_property
    def _titles(self) -> frozenset[str]:
        return frozenset(title.lower() for title in self.professional_titles)

    def title_of(self, name: str) -> str:
        """The professional title opening a name as written ("PC" of "PC Ravi Patel", "Dr."
        of "Dr. Shah"), in any case; "" when none, or when the title is all there is."""
        first, _, rest = name.partition(" ")
        return first if rest.strip() and first.rstrip(".").lower() in self._titles else ""

    def names_someone(self, text: str) -> bool:
        """ "Home visit to Mrs Fry", "Home Visit - Doreen Fry": a courtesy title before a
        name, or a given name that is no English word (a note type or heading naming whom)."""
        words = re.findall(r"[A-Za-z'’.-]+", text)
        names = given_names()
        return any(
            before.rstrip(".") in self.honorifics and self.is_name_word(word)
            for before, word in zip(words, words[1:], strict=False)
        ) or any(names.is_given_name(w) and not names.is_ordinary_word(w) for w in words)

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
        relations=frozenset(data["name_context"]["relations"]),
        relation_qualifiers=frozenset(data["name_context"]["relation_qualifiers"]),
        naming_words=frozenset(data["name_context"]["naming_words"]),
        roles=frozenset(data["name_context"]["roles"]),
        months=month_words(),
        groups=frozenset(data["not_names"]["groups"]),
    )


@dataclass(frozen=True)
class GivenNames:
    """Given names (given_names.toml), and those that are also ordinary English words."""

    names: frozenset[str]
    ordinary_words: frozenset[str]

    def is_given_name(self, word: str) -> bool:
        return word in self.names

    def could_be_cut_short(self, stem: str) -> bool:
        """Whether stem is a given name less its last letter ("Zo" of "Zoë", "Jos" of "José")."""
        return stem in _stems(self.names)

    def is_lower_case_name(self, word: str, shortest: int = 4) -> bool:
        """"kelly", "shazia": a given name of four letters or more that is no English word,
        so that written in lower case (as voice-to-text and hurried notes do) it is still a name.
        Shorter ones ("len", "jan") only where the caller's context makes them a name."""
        title = word[:1].upper() + word[1:]
        return (
            len(word) >= shortest
            and word.isalpha()
            and word.islower()
            and title in self.names
            and title not in self.ordinary_words
        )

    def is_ordinary_word(self, word: str) -> bool:
        """"Grace", "Will", "Precious": a name only where the context says so."""
        return word in self.ordinary_words


@cache
def place_words() -> frozenset[str]:
    """Words that make a name before them a place's or an agency's ("Victoria Road",
    "Grace House", "Florence Ward"), as written: capitalised."""
    organisations = {word.title() for word in people_words().organisation_words}
    return frozenset(address_words().street_words) | organisations


@cache
def _stems(names: frozenset[str]) -> frozenset[str]:
    return frozenset(name[:-1] for name in names if len(name) >= 3)


@cache
def given_names() -> GivenNames:
    data = package_toml(__package__, "given_names.toml")
    return GivenNames(frozenset(data["names"]), frozenset(data["ordinary_words"]))
