"""Turn the checks' marks on a Doc into Findings: the only place this happens.

Each check marks the span group its declaration names; a span's label is its
cue. The message, suggestion and severity for each cue come from the check's
declaration (`recordcheck.catalogue`), so a supervisor reads the same words
whatever the output format; the severity is the cue's unless one of the check's
`[[severity]]` rules fits the finding (`recordcheck.severity`). The suggestion
is the flagged sentence rewritten, with gaps for what only the worker knows
(`recordcheck.rewrites`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from recordcheck.catalogue import CueText, all_checks
from recordcheck.language.doc_values import text_of
from recordcheck.model import Finding
from recordcheck.rewrites import rewrite
from recordcheck.severity import severity_of

QUOTE_LIMIT = 80  # characters of flagged text quoted in a suggestion


def findings_for(doc: Doc) -> tuple[Finding, ...]:
    """Every finding the checks marked in this Doc, in text order."""
    found = []
    text = text_of(doc)
    for spec in all_checks():
        for span in doc.spans.get(spec.span_group, ()):
            words = spec.cue(span.label_)
            found.append(
                Finding(
                    check=spec.id,
                    start=span.start_char,
                    end=span.end_char,
                    text=text[span.start_char : span.end_char],
                    severity=severity_of(spec, span, words.severity),
                    message=words.message,
                    suggestion=_suggestion(words, span, text),
                    cue=span.label_,
                )
            )
    return tuple(sorted(found, key=lambda f: (f.start, f.end, f.check)))


def applicable_checks(doc: Doc) -> tuple[str, ...]:
    """The checks that applied to this note: every note for a check that marks no
    applicability group, else the notes where it marked one (an encounter, outward
    sharing) or flagged something."""
    return tuple(
        spec.id
        for spec in all_checks()
        if not spec.applies_group
        or doc.spans.get(spec.applies_group)
        or doc.spans.get(spec.span_group)
    )


def _suggestion(words: CueText, span: Span, text: str) -> str:
    """The span's sentence (from ``text``, the Doc's) rewritten, or the cue's plain suggestion
    when it declares no rewrite."""
    if not words.rewrite:
        return words.suggestion.format(text=_quoted(span.text))
    doc = span.doc
    start, end = span.start_char, span.end_char
    if doc.has_annotation("SENT_START") and len(span):
        start = min(start, span[0].sent.start_char)
        end = max(end, span[-1].sent.end_char)
    # a list or a log keeps one entry to a line: the rest of the sentence stops at a line break
    before = text[start : span.start_char].rpartition("\n")[2]
    after = text[span.end_char : end].partition("\n")[0]
    return rewrite(words.rewrite, text[span.start_char : span.end_char], before, after)


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 3].rstrip() + "..."
