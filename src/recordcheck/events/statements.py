"""A note's statements as the chronology reads them: sentences cut again at line breaks,
and what the lines around one say of it (a bullet, a label, a plan heading above).

A bulleted log often parses as one long sentence; a statement here is one line or one
sentence of it, less bullets and spaces.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from recordcheck.language.clauses import PAST_TAGS, ends_statement

BULLETS = frozenset({"-", "*", "•", "/", "–", "—", ">"})


def statements_of(doc: Doc) -> Iterator[Span]:
    """The note's sentences, cut again at line breaks and full stops the parser missed
    (a bulleted log often parses as one long sentence), less bullets and spaces."""
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if ends_statement(token) or token.i == sent.end - 1:
                piece = trimmed(doc[start : token.i + 1])
                if piece is not None:
                    yield piece
                start = token.i + 1


def after_a_label(statement: Span) -> bool:
    """On the line after a label of its own: "Decision:" then "1. Further S47 enquiries"."""
    before, _ = lead_in(statement)
    return before is not None and before.text == ":"


def is_list_item(statement: Span) -> bool:
    """Starts a line after a bullet: "- MARAC referral today"."""
    return lead_in(statement)[1]


def lead_in(statement: Span) -> tuple[Token | None, bool]:
    """The word before the spaces and bullets that lead into the statement, and whether
    a bullet was among them."""
    doc, index, bulleted = statement.doc, statement.start - 1, False
    while index >= 0 and (doc[index].is_space or doc[index].text in BULLETS):
        bulleted = bulleted or doc[index].text in BULLETS
        index -= 1
    return (doc[index] if index >= 0 else None), bulleted


def is_a_title(statement: Span) -> bool:
    """A line that names what the note is about, not an account of it: the note's first
    line, or one in capitals, alone on its line with no full stop ("PHYSICAL
    INTERVENTION RECORD", "SERIOUS INCIDENT - self-harm (ligature)")."""
    if statement[-1].text in (".", "!", "?", ":") or not _alone_on_its_line(statement):
        return False
    before, _ = lead_in(statement)
    if before is None:
        return True
    words = [t.text for t in statement if t.is_alpha and len(t.text) > 1]
    capitals = [w for w in words if w.isupper()]
    return len(capitals) >= 2 and 2 * len(capitals) > len(words)


def _alone_on_its_line(statement: Span) -> bool:
    doc = statement.doc
    before, _ = lead_in(statement)
    opens = before is None or any("\n" in t.text for t in doc[before.i + 1 : statement.start])
    after = doc[statement.end] if statement.end < len(doc) else None
    return opens and (after is None or "\n" in after.text)


def is_a_list_of_factors(statement: Span) -> bool:
    """Words listed with commas and no verb of their own: "Escalation, weapon, threats to
    kill, child in household." (a risk checklist's answers)."""
    finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in statement)
    return not finite and sum(t.text == "," for t in statement) >= 2


def is_a_heading(statement: Span) -> bool:
    """A heading alone on its line: "Actions:", "Background:"."""
    return statement.text.strip().endswith(":")


def opens_a_list(statement: Span, headings: frozenset[str]) -> bool:
    """A plan heading alone on its line: "Actions:", "Next steps:"."""
    text = statement.text.strip()
    return is_a_heading(statement) and text[:-1].strip().lower() in headings


def says_done(statement: Span) -> bool:
    """An item that records what was done, even under "Actions:": "- Rang 101 at 11:00"."""
    return any(t.tag_ in PAST_TAGS and not still_to_do(t) for t in statement)


def still_to_do(verb: Token) -> bool:
    """ "to be sent", "will be done"."""
    return any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("to", "be", "will") for c in verb.children
    )


def trimmed(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_space or doc[start].text in BULLETS):
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if not any(token.is_alpha for token in doc[start:end]):
        return None
    return doc[start:end]
