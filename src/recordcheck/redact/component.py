"""The rc_personal_data component: marks personal data for --redact.

Marks doc.spans["rc_personal_data"], one span per name or identifier,
labelled with its kind (person, phone, email, postcode, nhs_number,
ni_number, address). Needs the entity recogniser. Spans are whole tokens: an
identifier glued to other characters ("Tel:01865123456") takes the whole
token, which errs towards hiding more.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from recordcheck.language.identifiers import find_addresses, find_identifiers
from recordcheck.language.names import NameFinder, find_garbled_names
from recordcheck.language.people import people_words
from recordcheck.model import PersonalSpan

SPANS_KEY = "rc_personal_data"
# marked by rc_partners, when it runs
AGENCY_SPANS_KEY = "rc_agencies"
CONTACT_SPANS_KEY = "rc_contacts"


class PersonalDataMarker:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self._names = NameFinder(nlp.vocab, widely=True)

    def __call__(self, doc: Doc) -> Doc:
        group = SpanGroup(doc, name=SPANS_KEY)
        for mention in self._names(doc):
            group.append(Span(doc, mention.start, mention.end, label="person"))
        for start, end in find_garbled_names(doc.text):
            span = doc.char_span(start, end, label="person", alignment_mode="expand")
            if span is not None:
                group.append(span)
        for start, end, kind in [*find_identifiers(doc.text), *find_addresses(doc.text)]:
            span = doc.char_span(start, end, label=kind, alignment_mode="expand")
            if span is not None:
                group.append(span)
        doc.spans[SPANS_KEY] = group
        return doc


@Language.factory(
    "rc_personal_data",
    assigns=["doc.spans"],  # doc.spans["rc_personal_data"]
    requires=["doc.ents", "token.ent_type"],
)
def make_personal_data_marker(nlp: Language, name: str) -> PersonalDataMarker:
    return PersonalDataMarker(nlp, name)


def personal_data_for(doc: Doc) -> tuple[PersonalSpan, ...]:
    """The personal data rc_personal_data marked, by position, without overlaps.

    When rc_partners ran too, names inside an agency's name are left out
    (agency names stay in clear) and the named professionals it found are
    added (their names, not their titles: "PC Patel" -> "Patel").
    """
    agencies = doc.spans.get(AGENCY_SPANS_KEY, ())
    found: list[PersonalSpan] = []
    marks = [*doc.spans.get(SPANS_KEY, ()), *_professional_names(doc)]
    # identifiers first so that a name overlapping one (a phone tagged PERSON) gives way
    for span in sorted(marks, key=lambda s: (s.label_ == "person", s.start_char, -len(s))):
        if span.label_ == "person" and any(
            span.start < agency.end and agency.start < span.end for agency in agencies
        ):
            continue
        if any(span.start_char < p.end and p.start < span.end_char for p in found):
            continue
        found.append(PersonalSpan(span.start_char, span.end_char, span.label_))
    return tuple(sorted(found, key=lambda p: p.start))


def _professional_names(doc: Doc) -> list[Span]:
    titles = people_words().professional_titles
    names = []
    for contact in doc.spans.get(CONTACT_SPANS_KEY, ()):
        start = contact.start
        while start < contact.end - 1 and (
            doc[start].text.rstrip(".") in titles or doc[start].text == "." or doc[start].like_num
        ):
            start += 1
        names.append(Span(doc, start, contact.end, label="person"))
    return names
