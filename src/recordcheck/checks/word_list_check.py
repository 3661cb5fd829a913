"""The generic check built from word lists alone: an organisation's own checks need no Python.

A check folder of kind "terms" lists phrases under `[terms]` in its
`terms.toml` (`*_lemma` lists match any form of the words). Every phrase the
writer uses in their own voice is marked; phrases inside quotation marks, in
someone else's reported speech, or in a plan or condition are the shared
language layer's to rule out, as for the bundled checks. A match's cue is
its list's name when `check.toml` declares a cue of that name, else the
check's first declared cue.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from recordcheck.catalogue import CatalogueError, spec_for
from recordcheck.datafiles import merged_terms
from recordcheck.language.matching import TermMatcher
from recordcheck.language.scope import Scope


@Language.factory(
    "rc_terms_check",
    default_config={"check_id": "", "extra_terms": {}},
    assigns=["doc.spans"],
)
def make_word_list_check(nlp: Language, name: str, check_id: str, extra_terms: dict):
    return WordListCheck(nlp, check_id, extra_terms)


class WordListCheck:
    def __init__(self, nlp: Language, check_id: str, extra_terms: dict):
        spec = spec_for(check_id)
        if spec is None or not spec.cues:
            raise CatalogueError(f"check '{check_id}' must declare at least one [cues.<name>]")
        self.span_group = spec.span_group
        self.cues = tuple(spec.cues)
        self.matcher = TermMatcher(nlp, merged_terms(spec.terms().get("terms", {}), extra_terms))
        self.scope = Scope(nlp)

    def __call__(self, doc: Doc) -> Doc:
        quoted = self.scope.quoted_ranges(doc)
        marked = []
        for match in self.matcher.spans(doc):
            head = match.root
            if (
                self.scope.inside(match, quoted)
                or self.scope.reported(head)
                or self.scope.hypothetical(head)
            ):
                continue
            match.label_ = match.label_ if match.label_ in self.cues else self.cues[0]
            marked.append(match)
        doc.spans[self.span_group] = marked
        return doc
