"""What one note tells the rest of its case file, read while its Doc is at hand.

A note cannot always say who a professional named alone works for ("Rang Jess,
she will visit Friday"), but another note of the case often does ("Jess (health
visitor)"). The worker reads, from each Doc, the note's own statements of who works
where (the named professionals rc_partners marks with a role, title or agency), the
organisations it names, and the contacts it records with people named alone, read by
the same rules as every other contact; events/case_wide.py joins them once the case's
notes are gathered.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from recordcheck.case_model import CaseClues, KnownProfessional
from recordcheck.events.details import sentences_of
from recordcheck.events.merging import STATUS_RANK
from recordcheck.language.note_context import author_context
from recordcheck.language.people import people_words
from recordcheck.model import UNNAMED_AGENCY_MARK, ContactEvent
from recordcheck.partners.component import (
    AGENCIES_KEY,
    CONTACTS_KEY,
    NAMED_ALONE_KEY,
    PLACED_KEY,
)

if TYPE_CHECKING:
    from recordcheck.events.contact_gate import Reading
    from recordcheck.events.contacts import ContactEventReader

CLUES_KEY = "rc_case_clues"  # Doc.user_data key: the note's CaseClues
_APPOSITION = frozenset({"(", ",", "-", "–"})
_BESIDE = 6  # tokens from the name within which its agency is written beside it
_PLACES = frozenset({"GPE", "LOC"})
_NAME_WORDS = 3  # the most words a person's name found by its part of speech may have


def read_case_clues(reader: ContactEventReader, doc: Doc) -> CaseClues:
    """The note's statements of who works where, the organisations it names, and its
    contacts with people named alone (agency left empty)."""
    _author, role, team = author_context(doc)
    professionals = []
    for person in doc.spans.get(CONTACTS_KEY, ()):
        own = _own_service(reader, person, team, role) or reader.no_partner_shown(person, team)
        if own or _stated(doc, person):
            professionals.append(
                KnownProfessional(
                    name=person.text,
                    agency=person._.rc_agency or "",
                    agency_type=person._.rc_agency_type or "",
                    role=person.label_,
                    own=own,
                )
            )
    named = dict.fromkeys(
        (agency._.rc_agency, agency.label_)
        for agency in doc.spans.get(AGENCIES_KEY, ())
        if UNNAMED_AGENCY_MARK not in agency._.rc_agency
        and not reader.own.is_own_agency(agency._.rc_agency, team, role)
    )
    read = _waiting_contacts(reader, doc, team)
    waiting = [event for event, _reading in read]
    # "Rang Lanterns", "Stepway informed": a bare word is an organisation's short name only
    # in a contact the writer made, never in what it did by itself ("Brightwell first
    # call"), and only where the contact is what its clause records ("Tel from Hollins"),
    # not a thing the clause talks about ("talked about the letter from Pennant")
    made_by_writer = [event for event, reading in read if _writers_own(reading)]
    # "Kelsford" of "Kelsford Women's Aid" is a town: never the agency's short name
    places = dict.fromkeys(
        token.lower_
        for agency in doc.spans.get(AGENCIES_KEY, ())
        for token in agency
        if token.ent_type_ in _PLACES and token.is_alpha
    )
    placed = dict.fromkeys(
        (span._.rc_agency, span.label_)
        for span in doc.spans.get(PLACED_KEY, ())
        if not reader.own.is_own_agency(span._.rc_agency, team, role)
    )
    return CaseClues(
        tuple(professionals),
        tuple(named),
        tuple(waiting),
        tuple(places),
        tuple(made_by_writer),
        tuple(placed),
    )


def _stated(doc: Doc, person: Span) -> bool:
    """Whether the note says outright who the person works for, as a case file would be
    relied on: a professional's title ("DS Dawson"), a role written just before the name
    ("health visitor Jess") or set beside it ("Jess (health visitor)", "Jess, HV"), or,
    for a full name, a named agency beside it ("Joanne Platt (Brook Lane)", "Sue Hall
    from Age UK"). Not "Gave Michelle the school nurse leaflet" nor "(Kayden at school)";
    and the agency must be one the sentence names, or the unnamed one of the role's kind,
    not one the note names elsewhere."""
    words = people_words()
    if not all(word[:1].isupper() and word not in words.not_names for word in person.text.split()):
        return False
    titled = person[0].text.rstrip(".") in words.professional_titles and len(person) > 1
    role = person.label_.lower()
    before = doc[max(0, person.start - len(role.split())) : person.start].text.lower()
    after = doc[person.end].text if person.end < len(doc) else ""
    # "Gemma Rowntree SW", "Katie Lowther PO": the role written straight after the name
    role_after = doc[person.end : person.end + len(role.split())].text.lower() == role
    beside = after in _APPOSITION or (after.lower() == "from" and len(person) > 1)
    if not (titled or (role and role_after) or (role and before == role) or beside):
        return False
    agency = person._.rc_agency or ""
    if UNNAMED_AGENCY_MARK in agency:
        return bool(role)
    # the agency written beside the name, not the sentence's or the note's other one
    sentence = person.sent
    near = range(
        max(sentence.start, person.start - _BESIDE), min(sentence.end, person.end + _BESIDE)
    )
    agencies = doc.spans.get(AGENCIES_KEY, ())
    written_beside = any(a._.rc_agency == agency and a.start in near for a in agencies)
    return written_beside and (bool(role) or len(person) > 1)


def _own_service(reader: ContactEventReader, person: Span, team: str, role: str) -> bool:
    """The author's own service, or a colleague: a name never to make a partner of."""
    return reader.own.is_own_agency(
        person._.rc_agency or "", team, role
    ) or reader.own.is_named_colleague(person.text, team)


def _named_alone(doc: Doc) -> list[Span]:
    """The people rc_partners found named alone, and the proper nouns it did not take for
    anyone ("Updated Rachel by email"): only a name the case file gives a professional
    is ever joined, so a word that is no name costs nothing."""
    marked = [
        *doc.spans.get(NAMED_ALONE_KEY, ()),
        *doc.spans.get(CONTACTS_KEY, ()),
        *doc.spans.get(AGENCIES_KEY, ()),
    ]
    taken = {index for span in marked for index in range(span.start, span.end)}
    found = list(doc.spans.get(NAMED_ALONE_KEY, ()))
    run: list[int] = []
    for token in [*doc, None]:
        if token is not None and _could_be_a_name(token, taken):
            run.append(token.i)
            if len(run) < _NAME_WORDS:
                continue
        if run:
            found.append(doc[run[0] : run[-1] + 1])
            if len(run) > 1 and doc[run[0]].is_sent_start:  # "Emailed Rachel": a clipped verb
                found.append(doc[run[1] : run[-1] + 1])
            run = []
    return sorted(found, key=lambda span: span.start)


def _could_be_a_name(token: Token, taken: set[int]) -> bool:
    return token.i not in taken and token.pos_ == "PROPN" and token.is_title and token.is_alpha


def _writers_own(reading: Reading) -> bool:
    party = reading.party
    return reading.actor == "writer" and party is not None and party.predicate == party.governing


def _waiting_contacts(
    reader: ContactEventReader, doc: Doc, team: str
) -> list[tuple[ContactEvent, Reading]]:
    """Contacts with people the note names alone, read as any contact is, with the
    reading of each; a colleague or a name in quoted words is none."""
    alone = _named_alone(doc)
    if not alone:
        return []
    quoted = reader.scope.quoted_ranges(doc)
    sentences = sentences_of(doc)
    starts = [sentence.start for sentence in sentences]
    waiting = []
    for mention in alone:
        if reader.scope.inside(mention, quoted):
            continue
        if reader.own.is_colleague(mention.text, False, team):
            continue
        # the sentence holding the mention, looked up, not searched for from the first
        at = bisect_right(starts, mention.start) - 1
        if at < 0 or mention.start >= sentences[at].end:
            continue
        sentence = sentences[at]
        # the reader's own rules: a name alone is a contact when the grammar makes it a party
        reading = reader.reading_of(sentence, mention)
        if reading.verdict not in STATUS_RANK:
            continue
        event = reader.event_of(doc, sentence, mention, True, [(mention, True)], reading)
        waiting.append((replace(event, agency="", agency_type="", role=""), reading))
    return waiting


def case_clues_for(doc: Doc) -> CaseClues | None:
    """The note's clues for its case file, as rc_contact_events read them."""
    return doc.user_data.get(CLUES_KEY)
