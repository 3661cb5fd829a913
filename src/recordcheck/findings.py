"""Turn the checks' marks on a Doc into Findings: the only place this happens.

Each check marks a span group (`recordcheck.checks.SPAN_GROUPS`) whose spans
carry their cue as label; the message, suggestion and severity for each cue
come from the check's data file, so a supervisor reads the same words whatever
the output format.
"""

from __future__ import annotations

from spacy.tokens import Doc

from recordcheck.checks import SPAN_GROUPS
from recordcheck.checks.lexicon import cue_text
from recordcheck.model import Finding

QUOTE_LIMIT = 80  # characters of flagged text quoted in a suggestion


def findings_for(doc: Doc) -> tuple[Finding, ...]:
    """Every finding the checks marked in this Doc, in text order."""
    found = []
    for check, group in SPAN_GROUPS.items():
        for span in doc.spans.get(group, ()):
            words = cue_text(check.replace("-", "_"), span.label_)
            found.append(
                Finding(
                    check=check,
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
