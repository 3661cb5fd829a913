"""The one generic matcher every check is built from: named word lists -> spans.

A list whose name ends in `_lemma` is matched on lemmas (so "seem" finds
"seemed", "do not care" finds "didn't care"); any other list on lower-cased
words. Phrases are tokenised with the pipeline's own tokenizer, so
"attention-seeking" matches however spaCy splits it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

LEMMA_SUFFIX = "_lemma"
# A word in a *_lemma list matches the token's lemma or the word itself, so lists may
# hold base forms ("seem") and fixed forms ("attended by") alike. Lower case: spaCy keeps
# the case of some lemmas ("Mum", "I").
WORD_FORMS = "rc_word_forms"
if not Token.has_extension(WORD_FORMS):
    Token.set_extension(WORD_FORMS, getter=lambda token: [token.lower_, token.lemma_.lower()])


def list_name(key: str) -> str:
    """The list's name without its matching-mode suffix ("hedges_lemma" -> "hedges")."""
    return key.removesuffix(LEMMA_SUFFIX)


class TermMatcher:
    """Finds phrases from named word lists; each match is labelled with its list's name."""

    def __init__(self, nlp, lists: Mapping[str, Sequence[str]]):
        self.matcher = Matcher(nlp.vocab)
        for key, phrases in lists.items():
            by_lemma = key.endswith(LEMMA_SUFFIX)
            patterns = [self._pattern(nlp, phrase, by_lemma) for phrase in phrases]
            patterns = [p for p in patterns if p]
            if patterns:
                self.matcher.add(list_name(key), patterns)

    @staticmethod
    def _pattern(nlp, phrase: str, by_lemma: bool) -> list[dict]:
        words = [token.lower_ for token in nlp.tokenizer(phrase.lower())]
        if by_lemma:
            return [{"_": {WORD_FORMS: {"INTERSECTS": [word]}}} for word in words]
        return [{"LOWER": word} for word in words]

    def spans(self, doclike: Doc | Span, longest: bool = True) -> list[Span]:
        """Matches as labelled spans over the whole Doc; within a list, the longest of overlapping ones."""
        doc = doclike if isinstance(doclike, Doc) else doclike.doc
        offset = 0 if isinstance(doclike, Doc) else doclike.start
        by_list: dict[int, list[Span]] = {}
        for key, start, end in self.matcher(doclike):
            by_list.setdefault(key, []).append(Span(doc, start + offset, end + offset, label=key))
        found = [s for spans in by_list.values() for s in (filter_spans(spans) if longest else spans)]
        return sorted(found, key=lambda s: (s.start, s.end))

    def has(self, doclike: Doc | Span, name: str | None = None) -> bool:
        return any(name is None or span.label_ == name for span in self.spans(doclike, False))
