"""A partner named in brackets after the agency that opens a clipped record: "GP (Dr Farooq,
Harbour Lane) informed by secure email", "HV for Mia (Riverside 0-19, HV Claire Dunmore)
informed by phone 13:45". The person in the brackets is who the agency was; the verb after
the brackets is the agency's, as it is for "Dr Farooq (GP) informed" (parties.py,
subject_before_verb). Only where the words before the brackets open the record and name a
partner themselves: "Mum (with Dr Farooq) rang" is mum's call, and "Rang GP (Dr Farooq)"
is read by its opening. A role in the brackets is the agency's own ("Front Door (Sharon,
screening SW) rang"), so only a named person is read so.
"""

from __future__ import annotations

from spacy.tokens import Span

from recordcheck.events.parties import Party, subject_before_verb, verb_form
from recordcheck.language.clauses import opening_word
from recordcheck.partners.component import AGENCIES_KEY, CONTACTS_KEY


def named_in_the_subjects_brackets(sentence: Span, mention: Span) -> Party | None:
    """The party the record's opening agency is, when the mention is in its brackets."""
    doc = sentence.doc
    people = doc.spans.get(CONTACTS_KEY, ())
    if not any((span.start, span.end) == (mention.start, mention.end) for span in people):
        return None  # "Front Door (Sharon, screening SW) rang": the role is the agency's own
    opened = _bracket_edge(sentence, mention, -1)
    first = opening_word(sentence)
    if opened is None or first is None or first.i >= opened:
        return None
    closed = _bracket_edge(sentence, mention, 1)
    if closed is None:
        return None
    before = doc[first.i : opened]
    if any(token.pos_ in ("VERB", "AUX") or verb_form(token) for token in before):
        return None  # "Rang GP (Dr Farooq)", "Mum said the GP (Dr Shah) rang": not the subject
    partners = (*doc.spans.get(AGENCIES_KEY, ()), *doc.spans.get(CONTACTS_KEY, ()))
    if not any(before.start <= span.start and span.end <= opened for span in partners):
        return None  # "Mum (with Dr Farooq) rang": the brackets are not the partner's
    return subject_before_verb(sentence, doc[before.start : closed + 1])


def _bracket_edge(sentence: Span, mention: Span, step: int) -> int | None:
    """Where the bracket that holds the mention opens (step -1, walking back from it) or
    closes (step 1, walking on), within its sentence; brackets inside it are passed over."""
    inward, outward = ("(", ")") if step > 0 else (")", "(")
    forward = (mention.end, sentence.end)
    index, end = forward if step > 0 else (mention.start - 1, sentence.start - 1)
    depth = 0
    while index != end:
        text = sentence.doc[index].text
        if text == inward:
            depth += 1
        elif text == outward:
            if depth == 0:
                return index
            depth -= 1
        index += step
    return None
