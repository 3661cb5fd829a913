"""Organisations known only as the party of the writer's call: "Rang Greenway - J last
collected Mon 31/3", "Rang Priory Dental 17:40 - closed", "Emailed CIHTT for summary".

Every area has its own pharmacies, clinics and teams that neither the lexicon nor the
entity recogniser knows. In a note's clipped opening ("Rang X", "Emailed X") the words
after the verb are whom the writer called, and a capitalised name there that is no
person's is an organisation. A person is read by the grammar of names: a given name, a
title or a courtesy title first ("Rang Mark (OT)", "Rang Mr Ferris"), a relation ("Rang
Mum"), or a word the note elsewhere writes as someone's surname ("Becky Hollins"). An
acronym of three letters or fewer is more often a role than a body ("Emailed TM", "Rang
OIC"), so it needs the lexicon.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.language.agencies import AgencyLexicon
from recordcheck.language.clauses import opening_word
from recordcheck.language.people import given_names, people_words
from recordcheck.partners.layout import AgencyMention

WORDS = package_toml(__package__, "called.toml")
OPENING_VERBS = frozenset(WORDS["opening_verbs"])
DESK_WORDS = frozenset(WORDS["desk_words"])
WRITER_SUBJECTS = frozenset(WORDS["writer_subjects"])
MAX_NAME_WORDS = 4
SHORTEST_ACRONYM = 4  # "CIHTT"; "TM", "OIC", "EWO" are people's roles
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def called_by_name(
    doc: Doc, found: list[AgencyMention], lexicon: AgencyLexicon
) -> list[AgencyMention]:
    """Names of no known agency right after the writer's verb of calling."""
    taken = {index for mention in found for index in range(mention.start, mention.end)}
    called = []
    for verb in _writers_calls(doc):
        end = verb.i + 1
        while (
            end < len(doc) and end - verb.i <= MAX_NAME_WORDS and end not in taken
            and _name_word(doc[end])
        ):
            end += 1
        name = doc[verb.i + 1 : end]
        if not name or end in taken or _modifies_what_follows(name) or _a_short_acronym(name):
            continue  # "Rang Westmere CAMHS", "Emailed Southmere online CSE team": a place's
        if (name[0].is_stop and len(name) == 1) or _written_as_someones_name(doc, name.start, end):
            continue  # "Rang The GP": the article of a name the lexicon knows
        if _names_a_desk(name):
            continue  # "Rang Reception", "Emailed Team": a desk of some body, not which
        if _placed_in_brackets(doc, end, found):
            continue  # "Emailed Anil Mistry (ASC)": someone of the agency in the brackets
        canonical, type_ = _named_in_full(name.text, found, lexicon)
        called.append(AgencyMention(name.start, name.end, canonical, type_, False))
    return called


def _modifies_what_follows(name: Span) -> bool:
    """ "Emailed Southmere online CSE team": the name qualifies a noun after it (the parser's
    compound, or a lower-case noun or adjective right after), not the party itself."""
    last, doc = name[-1], name.doc
    after = doc[name.end] if name.end < len(doc) else None
    if after is not None and after.is_lower and after.pos_ in ("NOUN", "ADJ", "PROPN"):
        return True
    return (
        last.dep_ in MODIFIER_DEPS and last.head.i >= name.end
        and not any(t.is_punct for t in name.doc[name.end : last.head.i])
    )


def _named_in_full(text: str, found: list[AgencyMention], lexicon: AgencyLexicon):
    """The name the note gives the organisation in full ("Rang Hensons (Imran)" in a note
    naming "Hensons Pharmacy"), with its type; else the words as written."""
    fuller = next((m for m in found if m.canonical.startswith(f"{text} ")), None)
    if fuller is not None:
        return fuller.canonical, fuller.agency_type
    return text, lexicon.type_of_organisation(text)


def _writers_calls(doc: Doc) -> list[Token]:
    """Verbs of calling the writer did: a sentence's clipped opening ("Rang X"), or one
    whose subject is the writer ("I rang The Hive to inform")."""
    verbs = []
    for sentence in doc.sents:
        opening = opening_word(sentence)
        for token in sentence:
            if token.lower_ in OPENING_VERBS and (
                token == opening
                or (token.i > sentence.start and doc[token.i - 1].lower_ in WRITER_SUBJECTS)
            ):
                verbs.append(token)
    return verbs


def _name_word(token: Token) -> bool:
    words = people_words()
    return (
        (token.is_title or (token.is_upper and token.is_alpha))
        and len(token.text) > 1
        and token.text.rstrip(".") not in words.stop_words
        and token.lower_ not in words.relations
        and token.lower_ not in words.roles
        and token.text not in words.groups
    )


def _written_as_someones_name(doc: Doc, start: int, end: int) -> bool:
    """A given name among the words or right after them ("Emailed TM Ruth KELLY"), or a
    first word the note writes elsewhere in a person's name, or after a given name, an
    initial or a title: a surname ("Hollins" of "S/N Becky Hollins", "FINCH" of "Mr D
    FINCH")."""
    names = given_names()
    if any(
        names.is_given_name(t.text) or names.is_given_name(t.text.title())
        for t in doc[start : min(end + 1, len(doc))]
    ):
        return True
    words, first = people_words(), doc[start]
    if end - start == 1 and _first_name_elsewhere(doc, first):
        return True  # "Emailed Olu" in a note naming "SW Olu Adeyemi"
    for token in doc:
        if token.i in (0, start) or token.lower_ != first.lower_:
            continue
        before = doc[token.i - 1].text.rstrip(".")
        if (
            names.is_given_name(before)
            or before in words.honorifics
            or before in words.professional_titles
            or (len(before) == 1 and before.isupper())
        ):
            return True
    return False


def _first_name_elsewhere(doc: Doc, word: Token) -> bool:
    words = people_words()
    for token in doc[:-1]:
        after = doc[token.i + 1]
        if (
            token.i != word.i and token.lower_ == word.lower_ and _name_word(after)
            and not words.is_organisation([after.text])
        ):
            return True
    return False


def _names_a_desk(name: Span) -> bool:
    organisation_words = people_words().organisation_words
    return all(t.lower_ in DESK_WORDS or t.lower_ in organisation_words for t in name)


def _placed_in_brackets(doc: Doc, end: int, found: list[AgencyMention]) -> bool:
    """The name is followed by brackets naming an agency or a job ("Anil Mistry (ASC)",
    "Sam Ellery (tutor)"): a person placed, as lists of professionals write them; a name
    in the brackets ("Hensons (Imran)") is the organisation's person instead."""
    if end >= len(doc) or doc[end].text != "(":
        return False
    close = next((t.i for t in doc[end:] if t.text == ")"), len(doc))
    inside = doc[end + 1 : close]
    if any(given_names().is_given_name(t.text) for t in inside):
        return False  # "Rang Oakleigh House (Sam, keyworker)": Sam works there
    roles = people_words().roles
    return any(end < m.start and m.end <= close for m in found) or any(
        t.lower_ in roles for t in inside
    )


def _a_short_acronym(name) -> bool:
    return len(name) == 1 and name[0].is_upper and len(name[0].text) < SHORTEST_ACRONYM
