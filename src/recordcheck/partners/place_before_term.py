"""A place written just before a generic agency term is that place's agency: "Oxford
police" is Oxford Police, "Banbury Women's Aid" a local member of its federation
(agencies.toml's place_form). Read by the rc_partners component (component.py)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from recordcheck.language.names import NameFinder
from recordcheck.language.organisations import organisation_heads
from recordcheck.language.people import given_names
from recordcheck.partners.layout import AgencyMention


def placed_generics(
    doc: Doc, found: list[AgencyMention], names: NameFinder
) -> list[AgencyMention]:
    """ "Oxford police" -> "Oxford Police": a place just before a generic term, or before
    a federation's name ("Banbury Women's Aid", agencies.toml's place_form).

    The place is a GPE entity, or a capitalised proper noun the recogniser
    did not tag ("Westmarch Police"), never the first word of a sentence; and the
    term is a whole one: "Class Teacher" is a role, not a teacher of a place called
    "Class".
    """
    places = {ent.end: ent for ent in doc.ents if ent.label_ == "GPE"}
    placed = []
    for mention in found:
        place = places.get(mention.start) or _untagged_place(doc, mention.start, names)
        if place is not None and (
            _a_person(place) or _titled(place, names) or _after_an_initial(place)
        ):
            continue  # "rang Kev Ormerod ASC", "Mr Shah DSL": a person and their role
        if any(o.start < mention.start and mention.end <= o.end for o in found):
            continue  # the end of a longer term: "teacher" of "Class Teacher"
        if place is not None and place.start > 0 and doc[place.start - 1].tag_ == "POS":
            continue  # the end of a longer name: "St Aidan's Catholic High School"
        if mention.place_form and place is not None:
            canonical = _placed_name(doc, mention, place)
            placed.append(
                AgencyMention(place.start, mention.end, canonical, mention.agency_type, False)
            )
    return placed


def _placed_name(doc: Doc, mention: AgencyMention, place: Span) -> str:
    """ "Oxford police" -> "Oxford Police" by the kind's place_form; but the place may
    already be the organisation ("Kelsford Park Academy DSL" is the academy's DSL), and
    a term that heads an organisation's name is its own ("Brensham Academy", not
    "Brensham School")."""
    written = doc[mention.start : mention.end].text
    if written.lower() in organisation_heads():
        return f"{place.text} {written[0].upper()}{written[1:]}"
    if mention.term is not None and mention.term.names_one_of_this_kind(place.text):
        return place.text
    return mention.place_form.format(place=place.text)


def _untagged_place(doc: Doc, before: int, names: NameFinder) -> Span | None:
    """The place's words; none when all are words of an organisation's name ("Children's
    Services Front Door" is no front door of a place called "Services"), but a place
    may name its council ("Westbrook County Council Children's Services")."""
    start = before
    while start > 0 and _could_be_place(doc[start - 1], names):
        start -= 1
    words = names.words.organisation_words
    if all(token.lower_ in words for token in doc[start:before]):
        return None
    return doc[start:before]


def _could_be_place(token: Token, names: NameFinder) -> bool:
    """A capitalised proper noun; not an initial, whose full stop may end a sentence the
    parser ran on: "benefit to Mr A. Police NFA." names no "A. Police"; nor a school year
    or a numbered team, which no place's name is written with ("Y7 pastoral")."""
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and len(token.text.rstrip(".")) > 1
        and not any(character.isdigit() for character in token.text)  # "Y7 pastoral"
        and not token.is_sent_start
        and token.text not in names.words.stop_words
    )


def _titled(place: Span, names: NameFinder) -> bool:
    """A name after a title ("Mr Shah DSL", "Mrs Dawn Kettering, DSL") is a person's."""
    first = place.start - 1 if place.start > 0 else place.start
    honorifics = names.words.honorifics
    return any(t.text.rstrip(".") in honorifics for t in place.doc[first : place.end])


def _after_an_initial(place: Span) -> bool:
    """A name after an initial is a surname: "F Raine DSL" is Ms Raine, the school's DSL."""
    if place.start == 0:
        return False
    before = place.doc[place.start - 1].text.rstrip(".")
    return len(before) == 1 and before.isupper()


def _a_person(place: Span) -> bool:
    """A place the recogniser calls a person is one when it has a given name or a surname
    too ("rang Kev Ormerod ASC"); a lone word that is no given name is a town the
    recogniser misread ("Rang Oxford police"). Where the recogniser's name runs on over
    the term ("Kestwick Adult Safeguarding Hub"), it is no place before a term either."""
    if not any(token.ent_type_ == "PERSON" for token in place):
        return False
    doc = place.doc
    runs_on = place.end < len(doc) and doc[place.end].ent_iob_ == "I"
    return runs_on or len(place) > 1 or given_names().is_given_name(place[0].text)
