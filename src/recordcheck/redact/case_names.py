"""Names known in a case file, to hide at every mention in it (the case-level pass).

A worker sees one note; a name the recogniser found in one note of a case (or
a note's author) is often written elsewhere in the case where nothing marks
it: "Ravi Shah" in one note, "Ravi" or "Shah" alone in the next. So once all
of a case's results are together in the main process, every name found in
the case, and each of its words, is looked for in every note of it.

A word is taken as written, capitalised and whole ("Shah", not "shah" or
"Shahid"). A word the case also writes in lower case, as an ordinary word
("Will" and "will", "Green" and "green"), is taken only inside a sentence,
where its capital says it is a name. No word is taken where it
starts a place's or an agency's name ("Grace House", "Victoria Road").
A word the words around it mark as a person somewhere in the case ("lee
says", language/case_context.py) is taken as written there, lower case too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from recordcheck.language.case_context import names_by_context
from recordcheck.language.people import (
    NAME_WORD,
    SHOUTED_SURNAME,
    given_names,
    people_words,
    place_words,
)
from recordcheck.model import NoteResult, PersonalSpan

_WORD = re.compile(r"[^\W\d_][\w'’?\ufffd-]*")
_NUMBER_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?\s*$")
_NUMBER_AFTER = re.compile(r"\s*\d")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")
_NEXT_WORD = re.compile(r"[\s,]*([A-Z][\w'’-]*)")
# what comes just before the first word of a sentence, a list item or a quote
_SENTENCE_OPENERS = set(".!?:;\n\"'“‘(-•*")


@dataclass(frozen=True)
class CaseNames:
    """The names written in one case: whole names, and single words to hide alone."""

    names: frozenset[str]  # as found: "Ravi Shah", "PC Patel"
    words: frozenset[str]  # "Ravi", "Shah": hidden anywhere in the case
    ordinary: frozenset[str]  # "Grace": hidden only inside a sentence

    def occurrences(self, text: str) -> list[PersonalSpan]:
        """Each place a known name or name word is written in text, longest first.

        Names of two or more words match in any case ("mrs harrow").
        """
        found = []
        for name in sorted(self.names | self.words | self.ordinary, key=len, reverse=True):
            pattern = rf"(?<![\w?\ufffd]){re.escape(name)}(?![\w\ufffd])"
            # a given name that is no English word is a name in lower case too ("kelly")
            lower_too = " " in name or given_names().is_lower_case_name(name.lower())
            flags = re.IGNORECASE if lower_too else 0
            for match in re.finditer(pattern, text, flags):
                if " " not in name and not self._single_word_here(text, match, name):
                    continue
                found.append(PersonalSpan(match.start(), match.end(), "person"))
        return found

    def words_of(self, name: str) -> list[str]:
        """The words of name that the case hides alone ("Okon" of "Mrs Okon")."""
        return [word for word in _WORD.findall(name) if word in self.words | self.ordinary]

    def _single_word_here(self, text: str, match: re.Match[str], word: str) -> bool:
        following = _NEXT_WORD.match(text, match.end())
        if following and following.group(1) in place_words():
            return False
        if text[: match.start()].rstrip().endswith(("St", "St.")):
            return False  # "St Grace's"
        if word in people_words().months and (
            _NUMBER_BEFORE.search(text, 0, match.start()) or _NUMBER_AFTER.match(text, match.end())
        ):
            return False  # "12 Jan", "Mar 2025": a month, not Jan Holloway
        if word in self.ordinary:
            before = text[: match.start()].rstrip()
            return bool(before) and before[-1] not in _SENTENCE_OPENERS
        return True


def case_names(results: Iterable[NoteResult]) -> dict[str, CaseNames]:
    """The names found in each case file, by case id, from all of its results."""
    results = list(results)
    found: dict[str, set[str]] = defaultdict(set)
    for result in results:
        found[result.note.case_id] |= {n for n in names_in(result) if _is_surely_a_name(result, n)}
    lower: dict[str, set[str]] = defaultdict(set)
    by_context: dict[str, set[str]] = defaultdict(set)
    for result in results:
        names = found[result.note.case_id]
        lower[result.note.case_id] |= _ordinary_words(result.note.text, names)
        by_context[result.note.case_id] |= names_by_context(result.note.text)
    return {
        case: _case_names(names, lower[case], by_context[case]) for case, names in found.items()
    }


def within_note(result: NoteResult) -> CaseNames:
    """The names marked in one note, each hidden wherever that note writes it."""
    names = names_in(result)
    return _case_names(names, _ordinary_words(result.note.text, names))


def _is_surely_a_name(result: NoteResult, name: str) -> bool:
    """A name sure enough to hide across the case: the author, a contact, one with a title
    ("Mrs Okon") or a given name ("Ravi Shah"), or with lost letters ("Zo?").

    A word the recogniser alone called a person ("Pad", "Child Protection") is
    hidden where it was marked but not spread through the case.
    """
    words = people_words()
    parts = _WORD.findall(name)
    return (
        name == result.note.author.strip()
        or any(name == contact.person for contact in result.contacts)
        or any(
            part.rstrip(".") in words.honorifics | set(words.professional_titles) for part in parts
        )
        or any(given_names().is_given_name(part) for part in parts[:1])
        or "?" in name
        or "\ufffd" in name
    )


def _ordinary_words(text: str, names: set[str]) -> set[str]:
    """The words text writes in lower case, outside the names ("mrs harrow" is a name)."""
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text, flags=re.IGNORECASE)
    return set(_LOWER_WORD.findall(text))


def names_in(result: NoteResult) -> set[str]:
    """Each name one result holds: marked in the text, its author, its contacts' names."""
    note = result.note
    names = {note.text[s.start : s.end] for s in result.personal_data if s.kind == "person"}
    names |= {contact.person for contact in result.contacts if contact.person}
    if note.author.strip():
        names.add(note.author.strip())
    return {name.strip() for name in names if name.strip()}


def _case_names(
    names: set[str], lower_words: set[str], by_context: set[str] = frozenset()
) -> CaseNames:
    """by_context: words the case marks as names by the words around them ("lee says"),
    hidden as written; one written in lower case is hidden capitalised too."""
    words = people_words()
    clear, ordinary = set(), set()
    for word in by_context:
        if word.islower():
            clear |= {word, word[:1].upper() + word[1:]}
        else:
            (ordinary if word.lower() in lower_words else clear).add(word)
    for name in names:
        for part in _WORD.findall(name):
            part = re.sub(r"['’]s$", "", part)
            if len(part) < 2 or part in words.stop_words or part.lower() in words.relations:
                continue
            written_as_name = NAME_WORD.match(part) or SHOUTED_SURNAME.match(part)
            if not (written_as_name or "?" in part or "\ufffd" in part):
                continue  # "doreen" in lower case is hidden only where it was marked
            if part.lower() in lower_words:
                ordinary.add(part)
            else:
                clear.add(part)
    full = {name for name in names if " " in name}
    return CaseNames(frozenset(full), frozenset(clear), frozenset(ordinary))
