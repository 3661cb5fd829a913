"""Turn the checks' marks on a Doc into Findings: the only place this happens.

Each check marks the span group its declaration names; a span's label is its
cue. The message, suggestion and severity for each cue come from the check's
declaration (`recordcheck.catalogue`), so a supervisor reads the same words
whatever the output format.
"""

from __future__ import annotations

from spacy.tokens import Doc

from recordcheck.catalogue import all_checks
from recordcheck.model import Finding

QUOTE_LIMIT = 80  # characters of flagged text quoted in a suggestion


def findings_for(doc: Doc) -> tuple[Finding, ...]:
    """Every finding the checks marked in this Doc, in text order."""
    found = []
    for spec in all_checks():
        for span in doc.spans.get(spec.span_group, ()):
            words = spec.cue(span.label_)
            found.append(
                Finding(
                    check=spec.id,
                    start=span.start_char,
                    end=span.end_char,
                    text=doc.text[span.start_char : span.end_char],
                    severity=words.severity,
                    message=words.message,
                    suggestion=words.suggestion.format(text=_quoted(span.text)),
                    cue=span.label_,
                )
            )
    return tuple(sorted(found, key=lambda f: (f.start, f.end, f.check)))


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 3].rstrip() + "..."
