"""Find personal names in a Doc: entities plus title-and-surname patterns.

The entity recogniser alone misses "Ms Jones" (often tagged ORG) and takes
"Rang PC Patel" as one name, so names are the union of courtesy-title
patterns ("Mrs A", "Mr Okafor"), professional-title patterns ("PC Patel",
the title kept outside the name) and PERSON entities trimmed to the
name-like words at their end.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from recordcheck.language.people import NAME_WORD, PeopleWords, people_words

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

    def __init__(self, vocab, words: PeopleWords | None = None) -> None:
        self.words = words or people_words()
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
        self._matcher.add(
            "TITLE",
            [
                [
                    {"ORTH": {"IN": sorted(self.words.professional_titles)}},
                    dotted,
                    {"LIKE_NUM": True, "OP": "?"},  # collar number: "PC 1234 Patel"
                    name_token | {"OP": "{1,3}"},
                ]
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
        mentions = []
        for span in filter_spans(candidates):
            title = titles.get(span.start) or self._title_before(span)
            mentions.append(NameMention(span.start, span.end, title))
        return mentions

    def _looks_like_a_person(self, ent: Span) -> bool:
        """An "organisation" of two or three name words, none of them organisational.

        The recogniser often tags "Nicola Brandt" or "S. Mistry" ORG; hiding a
        place name by mistake costs less than leaving a person's name in clear.
        """
        names = [token.text for token in ent if not token.is_punct]
        return (
            ent.label_ == "ORG"
            and 2 <= len(names) <= 3
            and all(self.words.is_name_word(word) for word in names)
            and not self.words.is_organisation(names)
        )

    def _trim(self, span: Span) -> Span | None:
        """The name-like words at the end of span (with a courtesy title before them)."""
        doc = span.doc
        end = span.end
        while end > span.start and not self._is_name_token(doc[end - 1]):
            end -= 1
        start = end
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

    def _is_name_token(self, token) -> bool:
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


def _overlaps_any(span: Span, others) -> bool:
    return any(span.start < other.end and other.start < span.end for other in others)
