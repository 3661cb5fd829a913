"""Run-wide pseudonyms: the same person or identifier gets the same label everywhere.

People are numbered in order of first appearance ("Person 1", "Person 2").
Forms of one name are joined where it is safe to tell, within one case:
"Sarah", "Ms Jones" and "Jones" join "Sarah Jones" when she is the only
person of that name in the case; "Mrs H" joins "Mrs Edna Harrow" when she is
the only Mrs H in it. Full names and initial-and-surname forms ("S. Mistry")
are recognised across cases, so staff keep one pseudonym throughout a run;
a lone first name or "Mrs A" stays within its case, as it may be someone
else elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from recordcheck.language.identifiers import identifier_label, normalise_identifier
from recordcheck.language.people import PeopleWords, people_words

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class ParsedName:
    honorific: str  # "mrs", or "" when none
    words: tuple[str, ...]  # lower case, dots dropped: ("sarah", "jones"), ("h",)

    @property
    def is_full(self) -> bool:
        """First name and surname, not an initial: "Sarah Jones"."""
        return len(self.words) >= 2 and len(self.words[0]) > 1

    @property
    def is_initial_and_surname(self) -> bool:
        return len(self.words) == 2 and len(self.words[0]) == 1

    def could_be(self, full: ParsedName) -> bool:
        """Whether this short form can refer to the person with this full name."""
        if self.honorific and full.honorific and self.honorific != full.honorific:
            return False
        first, last = full.words[0], full.words[-1]
        if self.is_initial_and_surname:
            return self.words[1] == last and first.startswith(self.words[0])
        if len(self.words) != 1:
            return False
        word = self.words[0]
        if len(word) == 1:  # "Mrs H": only with the same courtesy title
            return bool(self.honorific) and self.honorific == full.honorific and last[0] == word
        return word in (first, last)


def parse_name(text: str, words: PeopleWords) -> ParsedName:
    parts = _WORD.findall(text)
    honorific = ""
    if parts and parts[0] in words.honorifics:
        honorific = parts.pop(0).lower()
    return ParsedName(honorific, tuple(part.lower() for part in parts))


class Pseudonyms:
    """The pseudonym tables of one run."""

    def __init__(self, words: PeopleWords | None = None) -> None:
        self._words = words or people_words()
        self._labels: dict[tuple[str, ...], str] = {}
        self._counts: Counter[str] = Counter()
        self._full_names: dict[str, dict[str, ParsedName]] = defaultdict(dict)
        self._short_forms: dict[str, list[tuple[ParsedName, tuple[str, ...]]]] = defaultdict(list)

    def identifier(self, kind: str, value: str) -> str:
        """The label for a phone number, email address, postcode, NHS or NI number."""
        return self._label(kind, identifier_label(kind), (kind, normalise_identifier(kind, value)))

    def learn_names(self, case_id: str, names: Iterable[str]) -> None:
        """Make full names known in a case before labelling, so "Sarah" then "Sarah Jones" join."""
        for text in names:
            name = parse_name(text, self._words)
            if name.is_full:
                self._full_names[case_id].setdefault(" ".join(name.words), name)

    def person(self, text: str, case_id: str, *, staff: bool = False) -> str:
        """The label for one written form of a person's name in a case.

        staff: the note's author, whose name is not offered to the case's short
        forms (a client called "Sarah" is not the social worker Sarah Jones).
        """
        name = parse_name(text, self._words)
        if not name.words:
            return self._label("person", self._words.person_label, ("text", case_id, text.lower()))
        if name.is_full:
            if not staff:
                self.learn_names(case_id, [text])
            key = ("name", " ".join(name.words))
            if key not in self._labels:
                earlier = self._earlier_short_form_label(case_id, name)
                if earlier:
                    self._labels[key] = earlier
            return self._label("person", self._words.person_label, key)
        matches = [full for full in self._full_names[case_id].values() if name.could_be(full)]
        if len(matches) == 1:
            key = ("name", " ".join(matches[0].words))
        elif name.is_initial_and_surname:
            key = ("name", " ".join(name.words))
        else:
            key = ("short", case_id, name.honorific, *name.words)
            self._short_forms[case_id].append((name, key))
        return self._label("person", self._words.person_label, key)

    def _earlier_short_form_label(self, case_id: str, full: ParsedName) -> str | None:
        """The label of an earlier short form that can only have meant this person."""
        fulls = self._full_names[case_id].values()
        labels = {
            self._labels[key]
            for short, key in self._short_forms[case_id]
            if short.could_be(full) and sum(short.could_be(other) for other in fulls) == 1
        }
        return labels.pop() if len(labels) == 1 else None

    def _label(self, kind: str, template: str, key: tuple[str, ...]) -> str:
        if key not in self._labels:
            self._counts[kind] += 1
            self._labels[key] = template.format(n=self._counts[kind])
        return self._labels[key]
