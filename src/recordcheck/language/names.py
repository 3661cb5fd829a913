"""Find personal names in a Doc: entities plus title-and-surname patterns.

The entity recogniser alone misses "Ms Jones" (often tagged ORG) and takes
"Rang PC Patel" as one name, so names are the union of courtesy-title
patterns ("Mrs A", "Mr Okafor"), professional-title patterns ("PC Patel",
the title kept outside the name) and PERSON entities trimmed to the
name-like words at their end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from recordcheck.language.people import (
    NAME_WORD,
    SHOUTED_SURNAME,
    GivenNames,
    PeopleWords,
    agency_acronyms,
    given_names,
    people_words,
    place_words,
    shouted_surname_at,
)

# parts of speech of a capitalised first word that is not a name ("Visited Liam")
_NOT_NAME_POS = {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ"}


@dataclass(frozen=True)
class NameMention:
    """A personal name as token offsets; title is a professional title just before it."""

    start: int
    end: int
    title: str = ""


class NameFinder:
    """Finds NameMentions in Docs; build once per pipeline (it holds a Matcher)."""

    def __init__(
        self, vocab, words: PeopleWords | None = None, *, widely: bool = False
    ) -> None:
        """widely: also given names from the list and names known by the words around
        them ("her son Kayden"), for --redact, where a missed name costs more than a
        word hidden by mistake; the partner register keeps to the narrower reading."""
        self.words = words or people_words()
        self.widely = widely
        self.given = given_names() if widely else GivenNames(frozenset(), frozenset())
        # "Victoria Road", "Grace House": a given name that starts a place's name
        self._place_words = place_words()
        name_token = {"TEXT": {"REGEX": NAME_WORD.pattern}}
        dotted = {"ORTH": ".", "OP": "?"}
        honorifics = sorted(self.words.honorifics | {h + "." for h in self.words.honorifics})
        self._matcher = Matcher(vocab)
        self._matcher.add(
            "HONORIFIC",
            [[{"ORTH": {"IN": honorifics}}, dotted, name_token | {"OP": "{1,3}"}]],
            greedy="LONGEST",
        )
        # staff are often written initial-and-surname: "K. Adeyemi", "S. Mistry"
        self._matcher.add(
            "INITIAL",
            [[{"TEXT": {"REGEX": r"^[A-Z]\.$"}}, name_token | {"OP": "{1,2}"}]],
            greedy="LONGEST",
        )
        # a surname in capitals after a lone first name: "DS Marcus HALE", "Mrs Anita CORLESS"
        acronyms = sorted(agency_acronyms())
        shouted = {"TEXT": {"REGEX": SHOUTED_SURNAME.pattern, "NOT_IN": acronyms}}
        self._matcher.add(
            "HONORIFIC",
            [[{"ORTH": {"IN": honorifics}}, dotted, name_token, shouted]],
            greedy="LONGEST",
        )
        titles = {"ORTH": {"IN": sorted(self.words.professional_titles)}}
        collar = {"LIKE_NUM": True, "OP": "?"}  # collar number: "PC 1234 Patel"
        self._matcher.add(
            "TITLE",
            [
                [titles, dotted, collar, name_token | {"OP": "{1,3}"}],
                [titles, dotted, collar, name_token, shouted],
            ],
            greedy="LONGEST",
        )
        # the words around a name that say it is one: "her son Kayden", "baby Esme",
        # "named Precious", "Tyler (brother)", "Esme's mum"
        relation = {"LOWER": {"IN": sorted(self.words.relations)}}
        if not widely:
            return
        self._matcher.add(
            "RELATION",
            [
                [relation, name_token | {"OP": "{1,2}"}],
                [{"LOWER": {"IN": sorted(self.words.naming_words)}}, name_token | {"OP": "{1,2}"}],
                [name_token, {"ORTH": "("}, relation, {"ORTH": ")"}],
                [
                    {"LOWER": {"IN": sorted(self.words.relations | self.words.roles)}},
                    {"ORTH": "("},
                    name_token | {"OP": "{1,2}"},
                    {"ORTH": ")"},
                ],
                [name_token, {"LOWER": {"IN": ["'s", "’s"]}}, relation],
            ],
            greedy="LONGEST",
        )

    def __call__(self, doc: Doc, exclude: list[Span] = ()) -> list[NameMention]:
        """Names in doc, non-overlapping, by position; entity names inside exclude are dropped."""
        candidates: list[Span] = []
        titles: dict[int, str] = {}
        for match_id, start, end in self._matcher(doc):
            span = self._trim(doc[start:end])
            if span is None:
                continue
            if doc.vocab.strings[match_id] == "TITLE":
                titles[span.start] = doc[start].text
            candidates.append(span)
        for ent in doc.ents:
            if _overlaps_any(ent, exclude):
                continue
            if ent.label_ == "PERSON" or self._looks_like_a_person(ent):
                span = self._trim(ent)
                if span is not None:
                    candidates.append(span)
        if self.widely:
            candidates = [*self._given_names(doc), *filter(self._not_a_place, candidates)]
        mentions = []
        for span in filter_spans(candidates):
            title = titles.get(span.start) or self._title_before(span)
            mentions.append(NameMention(span.start, span.end, title))
        return mentions

    def _not_a_place(self, span: Span) -> bool:
        """Not "Victoria Road" or "Grace House", which the recogniser may call a person."""
        doc = span.doc
        last = doc[span.end : span.end + 1].text or doc[span.end - 1].text
        return doc[span.end - 1].text not in self._place_words and last not in self._place_words

    def _given_names(self, doc: Doc) -> list[Span]:
        """Given names from the list, with the surname after them ("Wojciech Nowak").

        A name that is also an ordinary word ("Grace", "Will") counts only
        inside a sentence and tagged a proper noun or next to another name
        word; any given name is left out where it starts a place's name
        ("Victoria Road", "St Grace House") or a sentence as a verb or the like.
        """
        spans = []
        for token in doc:
            if (
                self.given.is_lower_case_name(token.text)
                and token.text.capitalize() not in self.words.stop_words
                and token.text not in self.words.relations
            ):
                spans.append(doc[token.i : token.i + 1])
                continue
            if not (self.given.is_given_name(token.text) and self._is_name_token(token)):
                continue
            if token.text in self._place_words:
                continue  # "Lane", "Park": given names too, but here a street's
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            before = doc[token.i - 1] if token.i > 0 else None
            if after is not None and after.text in self._place_words:
                continue
            if before is not None and before.text.rstrip(".") == "St":
                continue
            if token.text in self.words.months and any(
                t is not None and t.like_num for t in (before, after)
            ):
                continue  # "12 Jan", "Mar 2025": a month, not Jan or Mar ("Hamza 6" is a name)
            surname = after is not None and after.text[1:2] != "." and (
                self._is_name_token(after) or SHOUTED_SURNAME.match(after.text)
            )
            if self.given.is_ordinary_word(token.text) and not (
                not token.is_sent_start
                and (token.pos_ == "PROPN" or surname or self._is_name_token(before))
            ):
                continue
            spans.append(doc[token.i : token.i + 2 if surname else token.i + 1])
        return spans

    def _looks_like_a_person(self, ent: Span) -> bool:
        """An "organisation" of two or three name words, none of them organisational.

        The recogniser often tags "Nicola Brandt" or "S. Mistry" ORG; hiding a
        place name by mistake costs less than leaving a person's name in clear.
        """
        if ent.label_ != "ORG":
            return False
        names = [token.text for token in ent if not token.is_punct]
        bracket = next((token.i for token in ent if token.text == "("), None)
        if bracket is not None:
            # "Gemma Rowntree (SW": the recogniser took the role in; a person only when
            # what comes before the bracket opens with a given name
            names = [token.text for token in ent.doc[ent.start : bracket]]
            if not names or not given_names().is_given_name(names[0]):
                return False
        return (
            2 <= len(names) <= 3
            and all(self.words.is_name_word(word) for word in names)
            and not self.words.is_organisation(names)
        )

    def _trim(self, span: Span) -> Span | None:
        """The name-like words at the end of span (with a courtesy title before them)."""
        doc = span.doc
        end = span.end
        while end > span.start and not self._ends_a_name(doc, end - 1, span.start):
            end -= 1
        start = end
        if start > span.start and not self._is_name_token(doc[start - 1]):
            start -= 1  # "Gemma RILEY": the surname in capitals ends it
        while start > span.start and self._is_name_token(doc[start - 1]):
            start -= 1
        if start == end:
            return None
        # the courtesy title belongs to the name even when the entity left it out
        before = [token.text for token in doc[max(start - 2, 0) : start]]
        if before and before[-1].rstrip(".") in self.words.honorifics:
            start -= 1
        elif before[-2:-1] and before[-1] == "." and before[-2] in self.words.honorifics:
            start -= 2
        return doc[start:end]

    def _ends_a_name(self, doc: Doc, index: int, first: int) -> bool:
        """A name word, or a surname in capitals after one ("SW Gemma RILEY", "DS Marcus
        HALE"), as police and some councils write them."""
        if self._is_name_token(doc[index]):
            return True
        words = [token.text for token in doc[first : index + 1]]
        return shouted_surname_at(words, len(words) - 1, self.words.is_name_word)

    def _is_name_token(self, token) -> bool:
        if token is None:
            return False
        if token.is_sent_start and token.pos_ in _NOT_NAME_POS:
            return False  # "Visited Liam": a note's subjectless verb, not a first name
        return self.words.is_name_word(token.text)

    def _title_before(self, span: Span) -> str:
        doc = span.doc
        index = span.start - 1
        if index >= 0 and doc[index].text == ".":
            index -= 1
        if index >= 0 and doc[index].text in self.words.professional_titles:
            return doc[index].text
        return ""


# A capitalised word with a letter the export lost: "Garc\ufffda", "Zo?e" (lost inside a
# word), "Jos\ufffd", "Zo?" (lost at its end, which find_garbled_names checks further).
_LOST_INSIDE = re.compile(r"(?<![\w?\ufffd])[A-Z][a-z]*[?\ufffd]+[a-z][\w\ufffd]*")
_LOST_AT_END = re.compile(r"(?<![\w?\ufffd])([A-Z][a-z]+)[?\ufffd](?![\w?\ufffd])")
# a lost quotation mark opening a quote: the same character as a lost letter
_OPENING_QUOTE = re.compile(r"(?:^|[\s(])\ufffd(?=\w)")


def find_garbled_names(text: str, given: GivenNames | None = None) -> list[tuple[int, int]]:
    """(start, end) of names whose letters the export turned into "?" or U+FFFD.

    A letter lost at the end of a word counts only when the rest is a given
    name less its last letter ("Zo?", "Jos\ufffd"), and a U+FFFD there only
    outside a quotation opened with one (where it is the lost closing mark).
    """
    given = given or given_names()
    found = [match.span() for match in _LOST_INSIDE.finditer(text)]
    for match in _LOST_AT_END.finditer(text):
        if not given.could_be_cut_short(match.group(1)):
            continue
        sentence_start = max(text.rfind(mark, 0, match.start()) for mark in ".!?\n")
        if text[match.end() - 1] == "\ufffd" and _OPENING_QUOTE.search(
            text, sentence_start + 1, match.start()
        ):
            continue
        found.append(match.span())
    return sorted(found)


def _overlaps_any(span: Span, others) -> bool:
    return any(span.start < other.end and other.start < span.end for other in others)
