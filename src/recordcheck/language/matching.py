"""The one generic matcher every check is built from: named word lists -> spans.

A list whose name ends in `_lemma` is matched on lemmas (so "seem" finds
"seemed", "do not care" finds "didn't care"); any other list on lower-cased
words. Phrases are tokenised with the pipeline's own tokenizer, so
"attention-seeking" matches however spaCy splits it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from itertools import count

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from recordcheck.datafiles import LEMMA_SUFFIX, list_name

MATCHES_KEY = "rc_term_matches"  # Doc.user_data: each TermMatcher's matches, by its number
# A matcher's number is never reused, as id() is once a matcher is gone: a Doc read by a
# discarded matcher must not hand its matches to a new one with other lists.
_MATCHER_NUMBERS = count()


class TermMatcher:
    """Finds phrases from named word lists; each match is labelled with its list's name.

    A phrase of a *_lemma list matches the words as written or, word for word, the
    tokens' lemmas, so lists may hold base forms ("seem", "do not care") and fixed
    forms ("attended by") alike. PhraseMatcher looks phrases up by hash, so the cost
    stays flat however long the lists grow; token patterns (or a custom attribute
    getter) are tried one by one at every token, which made the checks several
    times slower than the parser.
    """

    def __init__(self, nlp, lists: Mapping[str, Sequence[str]]):
        self.number = next(_MATCHER_NUMBERS)
        self.as_written = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        for key, phrases in lists.items():
            tokenised = [words for phrase in phrases if (words := self._words(nlp, phrase))]
            if not tokenised:
                continue
            self.as_written.add(list_name(key), [Doc(nlp.vocab, words=w) for w in tokenised])
            if key.endswith(LEMMA_SUFFIX):
                lemma_docs = [Doc(nlp.vocab, words=w, lemmas=w) for w in tokenised]
                self.by_lemma.add(list_name(key), lemma_docs)

    @staticmethod
    def _words(nlp, phrase: str) -> list[str]:
        """The phrase split as the pipeline's tokenizer splits notes, lower-cased."""
        return [token.lower_ for token in nlp.tokenizer(phrase.lower())]

    def spans(self, doclike: Doc | Span, longest: bool = True) -> list[Span]:
        """Labelled matches within `doclike`; the longest of overlapping ones per list."""
        if isinstance(doclike, Doc):
            doc, first, last = doclike, 0, len(doclike)
        else:
            doc, first, last = doclike.doc, doclike.start, doclike.end
        # Over a Span, PhraseMatcher finds exactly the Doc's matches that lie inside it.
        in_doc = self._doc_matches(doc)
        by_list: dict[int, list[Span]] = {}
        for at in range(bisect_left(in_doc, (first,)), len(in_doc)):
            start, end, key = in_doc[at]
            if start >= last:
                break
            if end <= last:
                by_list.setdefault(key, []).append(Span(doc, start, end, label=key))
        found = [
            s
            for key in sorted(by_list)
            for s in (filter_spans(by_list[key]) if longest else by_list[key])
        ]
        return sorted(found, key=lambda s: (s.start, s.end))

    def _doc_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Every match in the Doc as (start, end, list), sorted: found once per Doc, as the
        components ask for the matches of one sentence or clause many times over."""
        kept = doc.user_data.setdefault(MATCHES_KEY, {})
        if self.number not in kept:
            matches = set(self.as_written(doc))
            if len(self.by_lemma):
                matches.update(self.by_lemma(doc))
            kept[self.number] = sorted((start, end, key) for key, start, end in matches)
        return kept[self.number]

    def has(self, doclike: Doc | Span, name: str | None = None) -> bool:
        return any(name is None or span.label_ == name for span in self.spans(doclike, False))
