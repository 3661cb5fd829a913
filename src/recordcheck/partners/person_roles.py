"""Roles that stand for a person: a role's abbreviation read by the grammar, and the name
the entity recogniser missed just before a role.

"SW says likely CIN", "emailed PO", "letter from PO rec'd": a role's abbreviation alone
is a person of an agency, but the same letters have other senses in case notes
("paracetamol 1g PO" is by mouth, "SW London" a compass point). Such an abbreviation
(agencies.toml `person_abbreviations`) is taken only where the parser makes it a person:
the subject or object of a verb or a preposition ("SW says", "emailed PO", "from PO"),
one of a list that is ("police, housing and PO"), or a clipped note's opening subject
("PO aware", "VLO informed by email"); never the head of a dose ("10mg PO", "tablets PO"),
nor a modifier ("SW London").

"Emailed Katie Lowther PO", "Rang Lauren Daly SW", "Olu Adeyemi (SW)": the recogniser
often misses a name written before a role, where component.py already reads one written
after it ("housing officer D Fairweather"); not the object of a verb before it when the role
opens a clause of its own ("Told Kyle SW would visit": Kyle was told).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from recordcheck.datafiles import package_toml
from recordcheck.language.contact_words import contact_cues
from recordcheck.language.names import NameMention
from recordcheck.language.people import PeopleWords, given_names
from recordcheck.partners.layout import AgencyMention

# the parts of a clause a person fills: subject, object (a preposition's object only after
# the prepositions of a party, person_roles.toml); "Called OM to update" is parsed as
# calling someone OM, the abbreviation an object predicate
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "oprd"})
# a clipped note's opening word the parser leaves as the root or a loose noun: "PO aware"
OPENING = frozenset({"ROOT", "npadvmod", "nsubj"})
# words hanging on the abbreviation that make it a dose's or a place's head: "10mg PO"
MODIFIED_BY = frozenset({"compound", "nummod", "amod", "nmod", "quantmod", "npadvmod"})
# the parts of speech of a capitalised word that is not a name where a sentence opens
NOT_NAME_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ"})
NAME_WORDS = 3  # the most words a name before a role may have
BRACKETS = frozenset({"(", ","})  # "Olu Adeyemi (SW)", "Jess, HV"


def reads_as_a_person(doc: Doc, start: int, end: int) -> bool:
    """Whether the abbreviation at doc[start:end] is a person in its sentence."""
    token = doc[end - 1]
    if start > 0 and doc[start - 1].like_num:
        return False
    children = list(token.children)
    # "Emailed PO": the parser hangs a note's opening verb on its object as a modifier
    modifiers = [child for child in children if not _clipped_opening_verb(child)]
    if any(child.dep_ in MODIFIED_BY for child in modifiers):
        return False  # "10mg PO", however the note opens
    if len(modifiers) < len(children):
        return True
    if token.dep_ == "compound":
        return False
    opening = _opens_its_sentence(doc, start)
    if opening and token.dep_ in OPENING and not _noun_after(doc, end):
        return True
    listed = token
    while listed.dep_ == "conj" and listed.head is not listed:
        listed = listed.head  # "police, housing and PO": as the list is
    if listed.dep_ == "pobj":
        return listed.head.lower_ in _party_prepositions()
    return listed.dep_ in ARGUMENTS


@cache
def _party_prepositions() -> frozenset[str]:
    return frozenset(package_toml(__package__, "person_roles.toml")["party_prepositions"])


def _clipped_opening_verb(token: Token) -> bool:
    """ "Emailed" of "Emailed PO": a past verb opening its sentence, read as a modifier;
    the tagger often takes the verb of a terse note for a name ("Rang SW - no answer",
    "Rang PO - left msg"), so a word of a contact's channel counts as one too."""
    before_its_head = token.i < token.head.i
    verb = token.pos_ == "VERB" or token.lower_ in _channel_words()
    return before_its_head and verb and _opens_its_sentence(token.doc, token.i)


@cache
def _channel_words() -> frozenset[str]:
    """The written words of a contact's channels ("rang", "emailed", "phoned")."""
    channels = contact_cues().channels
    return frozenset(term for _, terms in channels for term in terms if " " not in term)


def _opens_its_sentence(doc: Doc, start: int) -> bool:
    """Nothing before it in its sentence but a bullet's dash or the like."""
    opening = doc[start].sent.start
    return all(token.is_punct or token.is_space for token in doc[opening:start])


def _noun_after(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN")


def names_before_roles(
    doc: Doc,
    roles: dict[tuple[int, int], str],
    names: list[NameMention],
    agencies: list[AgencyMention],
    words: PeopleWords,
) -> list[NameMention]:
    """The names, with those written just before a role that the recogniser missed or cut
    short ("Rang Lauren Daly SW" where it found "Lauren")."""
    in_agency = {index for agency in agencies for index in range(agency.start, agency.end)}
    found = list(names)
    for role_start, role_end in sorted(roles):
        bracketed = role_start > 0 and doc[role_start - 1].text in BRACKETS
        end = role_start - 1 if bracketed else role_start
        start = end
        while start > 0 and end - start < NAME_WORDS and start - 1 not in in_agency:
            if not _could_be_a_name_word(doc[start - 1], words):
                break
            start -= 1
        if start == end or not _named_as_a_person(doc, start, end, words):
            continue
        if not bracketed and _told_before_a_clause(doc, start, role_end):
            continue  # "Told Kyle SW would visit": Kyle was told; the SW is someone else
        inside = [n for n in found if start <= n.start and n.end <= end]
        if any(n not in inside and n.start < end and start < n.end for n in found):
            continue  # a name already found runs across it
        title = next((n.title for n in inside if n.title), "")
        found = [n for n in found if n not in inside]
        found.append(NameMention(start, end, title))
    return sorted(found, key=lambda name: name.start)


def _told_before_a_clause(doc: Doc, start: int, role_end: int) -> bool:
    """ "Told Kyle SW would visit", "Explained to Jade SW has to share this": the name is
    the object of a verb before it, and the role the subject of a verb after it."""
    if start == 0 or role_end >= len(doc) or doc[role_end].pos_ not in ("AUX", "VERB"):
        return False
    before = doc[start - 1]
    return before.pos_ in ("VERB", "AUX") or (before.lower_ == "to" and before.i > 0
                                               and doc[before.i - 1].pos_ == "VERB")


def _could_be_a_name_word(token: Token, words: PeopleWords) -> bool:
    if token.is_sent_start and token.pos_ in NOT_NAME_POS:
        return False  # "Emailed Amira SW": the note's opening verb
    return words.is_name_word(token.text)


def _named_as_a_person(doc: Doc, start: int, end: int, words: PeopleWords) -> bool:
    """A given name or an initial first ("Lauren Daly", "P Greaves"), words the recogniser
    calls a person, or a first name and surname the tagger calls proper nouns ("Olu
    Adeyemi"); never an organisation's words ("Cedar Lodge")."""
    written = [token.text for token in doc[start:end]]
    if words.is_organisation(written):
        return False
    first = written[0].rstrip(".")
    initial = len(first) == 1 and len(written) > 1
    person = any(token.ent_type_ == "PERSON" for token in doc[start:end])
    proper = len(written) > 1 and all(token.pos_ == "PROPN" for token in doc[start:end])
    return initial or person or proper or given_names().is_given_name(first)
