"""The partner mentions of a note, grouped by the sentence they are in (contacts.py reads
each sentence's mentions together: a person and their agency named side by side are one)."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from recordcheck.partners.component import AGENCIES_KEY, CONTACTS_KEY


def mentions_by_sentence(
    doc: Doc, sentences: list[Span]
) -> tuple[dict[int, list[tuple[Span, bool]]], dict[int, list[Span]]]:
    """Per sentence number: named professionals, and the agency mentions that are not
    theirs, in text order; and apart, the mentions of an agency a person of it in the same
    sentence stands for ("Rang Riverside Surgery, msg left for Dr Hewitt"). One pass over
    the marks, so a long note costs no more per sentence than a short one."""
    starts = [sentence.start for sentence in sentences]

    def number_of(span: Span) -> int:
        return bisect_right(starts, span.start) - 1

    people: dict[int, list[Span]] = {}
    for person in doc.spans.get(CONTACTS_KEY, ()):
        people.setdefault(number_of(person), []).append(person)
    grouped: dict[int, list[tuple[Span, bool]]] = {
        number: [(p, True) for p in found] for number, found in people.items()
    }
    shadowed: dict[int, list[Span]] = {}
    for agency in doc.spans.get(AGENCIES_KEY, ()):
        if agency._.rc_describes:
            continue
        number = number_of(agency)
        theirs = {p._.rc_agency for p in people.get(number, ())}
        if agency._.rc_agency in theirs:
            shadowed.setdefault(number, []).append(agency)
        else:
            grouped.setdefault(number, []).append((agency, False))
    ordered = {number: sorted(found, key=lambda m: m[0].start) for number, found in grouped.items()}
    return ordered, shadowed
