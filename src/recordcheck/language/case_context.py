"""Names known by the words around them, as written, for hiding across a case file.

The language model misses names written in lower case ("lee says", "mrs
shazia akhtar") and names that are English words or months ("wife June",
"told rob"). Where the words around a word say it is a person (a title or a
relation before it, a verb only a person does after it, or one only a person
is the object of before it), the word is that case's name as written, and
is hidden at each mention in the case written the same way. Plain text, no
spaCy: it runs in the main process, once a case's notes are all in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from recordcheck.datafiles import package_toml
from recordcheck.language.identifiers import address_words
from recordcheck.language.people import given_names, people_words

_WORD = r"([^\W\d_][\w'’-]*)"


@dataclass(frozen=True)
class CaseContext:
    titled: re.Pattern[str]  # "dr okonjo": any word but a common one
    related: re.Pattern[str]  # "wife June", "carer sue": a given name or a month
    object_of: re.Pattern[str]  # "told lee": a given name only
    subject_of: re.Pattern[str]  # "lee says": a given name only
    never_lower: frozenset[str]


@cache
def case_context() -> CaseContext:
    data = package_toml(__package__, "people.toml")["case_context"]
    words = people_words()
    relations = {*data["relations"], *words.relations}

    def alternatives(items) -> str:
        return "|".join(map(re.escape, sorted(items, key=len, reverse=True)))

    return CaseContext(
        titled=re.compile(rf"\b(?:{alternatives(data['titles'])})\.?[ \t]+{_WORD}"),
        related=re.compile(rf"(?i:\b(?:{alternatives(relations)}))[ \t]+{_WORD}"),
        # not the first word of a longer proper name: "Rang West Pennine Police"
        object_of=re.compile(
            rf"(?i:\b(?:{alternatives(data['person_objects'])}))[ \t]+{_WORD}\b(?![ \t]+[A-Z])"
        ),
        subject_of=re.compile(rf"{_WORD}[ \t]+(?i:(?:{alternatives(data['person_verbs'])})\b)"),
        never_lower=frozenset(data["never_lower"]),
    )


def names_by_context(text: str) -> set[str]:
    """The words text marks as people's names by the words around them, as written.

    After a title any word but a common or relational one ("dr okonjo"); after
    a relation, before a person's verb or after a verb whose object is a
    person, only a given name from the list or a month ("wife June", "lee
    says", "told rob").
    """
    context = case_context()
    found = {m.group(1) for m in context.titled.finditer(text) if _could_be_a_name(m.group(1))}
    for pattern in (context.related, context.subject_of, context.object_of):
        for match in pattern.finditer(text):
            word = match.group(1)
            title = word[:1].upper() + word[1:]
            known = given_names().is_given_name(title) or title in people_words().months
            if known and _could_be_a_name(word):
                found.add(word)
    return found


def _could_be_a_name(word: str) -> bool:
    words = people_words()
    title = word[:1].upper() + word[1:]
    if len(word) < 2 or not word.isalpha() or not (word.islower() or word == title):
        return False
    if word.lower() in words.relations | words.roles | words.naming_words:
        return False
    common = case_context().never_lower | address_words().not_between
    if word.islower() and word in common:
        return False
    # a month is a name here ("wife June"); other stop words are not ("son Baby")
    return title in words.months or title not in words.stop_words
