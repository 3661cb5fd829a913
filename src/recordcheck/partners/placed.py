"""Local organisations named without a word of their kind, placed as organisations by how
the note writes them: "Kerry Jarvis (Safe Harbour)", "Jo Pike (Larchwood manager)", "Bev
Sutcliffe, project worker Grange Lodge", "the Bluebell carer reported", "Call from
Holmwood (Mr Bray)".

No lexicon can list every area's projects, refuges and charities, and such a name says
neither its kind nor that it is an organisation (organisations.py needs a word of its
kind: "Oakfield Surgery"); the entity recogniser takes most of them for people. Where the
name stands says it:
- after a person's name, in brackets, or after a comma and a role: "Dionne (Pathways)",
  "Jo Pike (Larchwood manager)", "Sam (keyworker, Oakleigh House)", "Bev Sutcliffe,
  project worker Grange Lodge": who someone works for;
- just before a role written in lower case or as an abbreviation: "the Bluebell carer",
  "Safe Steps IDVA" (not a job title: "Crew Manager", "Parish Safeguarding Officer";
  nor an abbreviation in its other sense: "gave Oramorph PO", "Hackney SW");
- just before a bracket holding a person: "Call from Holmwood (Mr Bray)", "Pathways
  (keyworker Leon)".
The name is one to three capitalised words, none a given name, a title, a relation, a
role, a job title's word ("Deputy Head"), a word describing a person ("Landlord",
"Deceased"), a month, a place, a language or a number, not only words of a kind ("Hub"), and not
written in lower case anywhere in the note (then they are ordinary words). Nothing before
it may join it to something else: an initial ("J Pryce CPN" signs a note), a relation
("mum Sharon"), a capitalised word ("Police DA Unit"), a town's preposition ("in
Marlbridge"). At the start of a sentence, a line or a list item, where every word is
capitalised, it must be two proper nouns or more: one capitalised word there is as likely
an ordinary one ("Night staff", "Kitchen (Lorraine)"). A name ending in a street word
("Cedar Court") counts only beside a role: where someone works, not where they live.
Whether the organisation is a partner at all, or the author's own, the contact reader
judges as for every agency.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from recordcheck.language.agencies import AgencyLexicon
from recordcheck.language.doc_values import text_of
from recordcheck.language.identifiers import address_words
from recordcheck.language.names import NameMention
from recordcheck.language.people import given_names, people_words
from recordcheck.partners.layout import AgencyMention
from recordcheck.partners.person_roles import reads_as_a_person
from recordcheck.partners.placed_words import placed_words

MOST_WORDS = 3  # "Safe Harbour", "St Aidan's Kelsford": a local name is short
SHORTEST_FIRST_WORD = 3  # "Jo", "Mo": too short to tell from initials and nicknames
ROLE_WORDS = 3  # "project worker", "night staff": the longest role read by its last word
BRACKET_ENDS = frozenset({")", ",", "-", "–", ";"})
AFTER_COMMA_ENDS = frozenset({")", ";", ".", "("})
JOINERS = frozenset({"'s", "’s", "&"})
ROLE_PARTS = frozenset({"NOUN", "ADJ", "PROPN"})  # "project worker", "night staff"
# what a label, a list item or a quotation opens with
OPENERS = frozenset({":", "/", "•", "*", "'", '"', "‘", "“"})


@dataclass(frozen=True)
class PlacedOrganisation:
    mention: AgencyMention
    describes: NameMention | None  # the person it says works there, when it follows them
    role: tuple[int, int] | None = None  # the role beside it: "IDVA" of "Safe Steps IDVA"


def placed_organisations(
    doc: Doc,
    names: list[NameMention],
    roles: dict[tuple[int, int], str],
    agencies: Iterable[AgencyMention],
    lexicon: AgencyLexicon,
) -> list[PlacedOrganisation]:
    """The organisations the note's layout places, not overlapping ``agencies`` or one
    another; ``roles``: the lexicon's roles as found, (start, end) -> role."""
    reader = _Layout(doc, names, roles, agencies, lexicon)
    found: list[PlacedOrganisation] = []
    for name in [*names, *_given_names_alone(doc, names)]:
        found += reader.after_person(name)
    for index, token in enumerate(doc):
        if reader.role_end(index) is not None:
            found += reader.before(index, role=True)
        if token.text == "(" and reader.person_at(index + 1):
            found += reader.before(index, role=False)
    kept: list[PlacedOrganisation] = []
    for placed in found:
        start, end = placed.mention.start, placed.mention.end
        if not any(start < k.mention.end and k.mention.start < end for k in kept):
            kept.append(placed)
    return sorted(kept, key=lambda placed: placed.mention.start)


class _Layout:
    def __init__(self, doc, names, roles, agencies, lexicon: AgencyLexicon) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.roles = {start: (end, role) for (start, end), role in roles.items()}
        self.in_roles = {i for start, end in roles for i in range(start, end)}
        self.taken = {i for a in agencies for i in range(a.start, a.end)}
        self.name_starts = {name.start for name in names}
        self.name_words = {i for name in names for i in range(name.start, name.end)}
        self.titled = _titled_words(doc, names)
        self.text = text_of(doc)
        # "Paediatrician", "IDVA": a role of the lexicon is no organisation's name
        self.role_names = {role.split()[-1].lower() for role in lexicon.roles}
        self.abbreviations = lexicon.person_abbreviations()
        # each word's part in a role, read once: role_end is asked at every word of the note
        # and read up to ROLE_WORDS words from each
        words = placed_words().role_words
        self.role_kinds = [_role_kind(token, words) for token in doc]

    def after_person(self, name: NameMention) -> list[PlacedOrganisation]:
        """ "Kerry Jarvis (Safe Harbour)", "(team leader, Allerton Support)", "(Larchwood
        manager)", "Bev Sutcliffe, project worker Grange Lodge"."""
        doc, index = self.doc, name.end
        if index >= len(doc) or doc[index].text not in ("(", ","):
            return []
        if name.start > 0 and doc[name.start - 1].lower_ in people_words().relations:
            return []  # "daughter Karen Moss (Leeds)": family, and where they live
        bracketed = doc[index].text == "("
        start, role = index + 1, None
        role_end = self.role_end(start)
        if role_end is not None:
            role = doc[start:role_end]
            start = role_end + (role_end < len(doc) and doc[role_end].text == ",")
        elif not bracketed:
            return []  # "Kerry, Safe Harbour": a list of people as well as of employers
        end = self._name_end(start)
        if end == start:
            return []
        role_after = self.role_end(end)
        if role_after is not None and role is None:
            role, after = doc[end:role_after], role_after
        else:
            after = end
        # "PC Walsh, SW Femi, Oakleigh manager": after a comma, a list of people goes on
        ends = BRACKET_ENDS if bracketed else AFTER_COMMA_ENDS
        closed = after >= len(doc) or doc[after].text in ends or doc[after].like_num
        closed = closed or doc[after].is_space or "\n" in doc[after - 1].whitespace_
        department = after + 1 < len(doc) and doc[after].text == "," and after + 1 in self.taken
        if not closed or department:
            return []  # "(Finance, Brackenridge Care Trust)": a department of the agency named
        return self._placed(start, end, role, name)

    def before(self, index: int, role: bool) -> list[PlacedOrganisation]:
        """ "the Bluebell carer", "Safe Steps IDVA", "Call from Holmwood (Mr Bray)": the name
        just before a role or a bracketed person."""
        doc = self.doc
        if role and doc[index].is_title:
            return []  # "Parish Safeguarding Officer", "Crew Manager": a job title
        if role and self._other_sense(index):
            return []  # "gave Oramorph PO", "Hackney SW": by mouth, a compass point
        start = index
        while start > 0 and index - start < MOST_WORDS + 2 and self._name_word(start - 1):
            start -= 1
        stop_words = people_words().stop_words
        while start < index and (doc[start].text in JOINERS or doc[start].text in stop_words):
            start += 1  # "Rang Holmwood (Mr Bray)": a note's opening verb
        if doc[index - 1].text in JOINERS:
            return []  # "Parkinson's nurse", "Mum's carer": whose, not where
        end = index
        if end == start or not self._starts_a_name(start):
            return []
        if not role and any(i in self.name_words for i in range(start, end)):
            return []  # "Email from Saima Qureshi (Mercer)": a person, and their firm
        role_span = doc[index : self.role_end(index)] if role else None
        return self._placed(start, end, role_span, None)

    def _other_sense(self, index: int) -> bool:
        """A role's abbreviation with another sense ("PO", "SW") that neither the grammar
        (person_roles.py) nor a bracketed person after it ("Cedar Lodge SW (Jess Ormond)")
        makes a person where it stands."""
        end = self.roles[index][0] if index in self.roles else index
        if self.doc[index:end].text not in self.abbreviations:
            return False
        bracketed = end < len(self.doc) and self.doc[end].text == "(" and self.person_at(end + 1)
        return not (bracketed or reads_as_a_person(self.doc, index, end))

    def _starts_a_name(self, start: int) -> bool:
        """Nothing before the name joins it to something else: not "DA Unit" of "Northmoor
        Police DA Unit", "J Pryce CPN" (a signature), "mum Sharon", "in Marlbridge (...)";
        and a name opening a sentence or line, where any word is capitalised, must be
        tagged a proper noun throughout ("Night staff", "Community SW" are not)."""
        doc = self.doc
        if start > 0:
            before = doc[start - 1]
            if before.text in JOINERS or before.text == "(" or start - 1 in self.taken:
                return False
            # "Rang Safe Steps"; but "Mrs Okon DSL" is a person, not an organisation
            opening_verb = before.text in people_words().not_names
            if before.is_alpha and (before.is_upper or before.is_title) and not opening_verb:
                return False
            town_or_family = people_words().relations | placed_words().town_before
            if before.lower_ in town_or_family:
                return False
        return not self._opening(start) or self._proper_nouns(start)

    def _opening(self, index: int) -> bool:
        """Whether a word opens a sentence, a line, a list item or a label's text ("- Day
        staff", "3. Continue CPN", "Plan: Ask GP"), where any word is capitalised."""
        doc = self.doc
        while index > 0 and not doc[index].is_sent_start:
            before = doc[index - 1]
            if "\n" in before.whitespace_ or before.is_space or before.text in OPENERS:
                return True
            if not (before.is_punct or before.like_num):
                return False
            index -= 1
        return True

    def _proper_nouns(self, start: int) -> bool:
        """An opening name counts when it is two words or more, all tagged proper nouns
        ("Harbour Lights IDVA referral"): one capitalised word there is as likely an
        ordinary one ("Night staff", "Kitchen (Lorraine)", "Next HV")."""
        words = []
        for token in self.doc[start:]:
            if not self._name_word(token.i):
                break
            if token.text not in JOINERS:
                words.append(token)
        return len(words) > 1 and all(token.pos_ == "PROPN" for token in words)

    def person_at(self, index: int) -> bool:
        """A bracket holding a person: "(Mr Bray)", "(Pam)", "(keyworker Leon)", "(Sam,
        keyworker)"; not "(Donna will bring ...)"."""
        role_end = self.role_end(index)
        if role_end is not None:
            index = role_end
        stop_words = people_words().stop_words
        titled = index < len(self.doc) and self.doc[index].text.rstrip(".") in stop_words
        if titled and index not in self.name_starts:  # "(Mr Bray)" with the title left out
            index += 1 + (index + 1 < len(self.doc) and self.doc[index + 1].text == ".")
        if index not in self.name_starts:
            return False
        end = index
        while end < len(self.doc) and end in self.name_words:
            end += 1
        return end < len(self.doc) and self.doc[end].text in (")", ",")

    def role_end(self, index: int) -> int | None:
        """Where a role starting at ``index`` ends: the lexicon's ("IDVA", "housing
        officer"), or lower-case nouns ending in a role word ("project worker")."""
        if index in self.roles:
            return self.roles[index][0]
        for end in range(index, min(index + ROLE_WORDS, len(self.doc))):
            kind = self.role_kinds[end]
            if kind == _ROLE_WORD:
                return end + 1  # "worker", "Manager, Elmbank House AP"
            if kind != _ROLE_PART:
                return None
        return None

    def _name_end(self, start: int) -> int:
        end = start
        while end < len(self.doc) and end - start < MOST_WORDS + 1 and self._name_word(end):
            end += 1
        while end > start and self.doc[end - 1].text in JOINERS:
            end -= 1
        return end

    def _name_word(self, index: int) -> bool:
        token = self.doc[index]
        if index in self.taken:
            return False
        # "Safe Harbour", "BrightShift"; not "LA", "LFTs" nor "the"
        return token.text in JOINERS or (
            token.is_alpha and token.text[:1].isupper() and not token.text[1:2].isupper()
        )

    def _placed(
        self, start: int, end: int, role: Span | None, person: NameMention | None
    ) -> list[PlacedOrganisation]:
        span = self.doc[start:end]
        if not self._could_be_organisation(span, beside_role=role is not None):
            return []
        name = span.text
        agency_type = self._type_of(name, role)
        mention = AgencyMention(start, end, name, agency_type, False)
        beside = (role.start, role.end) if role is not None else None
        return [PlacedOrganisation(mention, person, beside)]

    def _type_of(self, name: str, role: Span | None) -> str:
        if role is not None:
            # "duty SW" is a social worker's: the role as written, else its last word
            for written in (role.text.lower(), role[-1].lower_):
                for known, agency_type in self.lexicon.roles.items():
                    if known.lower() == written:
                        return agency_type
            kind = placed_words().role_types.get(role[-1].lower_)
            if kind:
                return kind
        return self.lexicon.type_of_organisation(name)

    def _could_be_organisation(self, span: Span, beside_role: bool) -> bool:
        words = [token for token in span if token.text not in JOINERS]
        if not 0 < len(words) <= MOST_WORDS or len(words[0]) < SHORTEST_FIRST_WORD:
            return False
        people = people_words()
        placed = placed_words()
        given = given_names()
        for token in words:
            lower = token.lower_
            if (
                token.text in people.stop_words
                or lower in people.relations
                or lower in placed.role_words
                or lower in self.role_names
                or lower in placed.not_words
                or lower in placed.job_titles
                or lower in placed.descriptions
                or token.text in people.months
                or given.is_given_name(token.text)
                or lower in self.titled
                or token.ent_type_ in placed.not_entities
                or token.text in placed.languages
            ):
                return False
        if all(token.lower_ in people.organisation_words for token in words):
            return False  # "Jasmine Cole (Hub)": a kind of organisation, not which one
        if words[-1].text in address_words().street_words and not beside_role:
            return False  # "Kayden (Cedar Court)": where he lives
        lowered = " ".join(token.lower_ for token in words)
        return not re.search(rf"(?<![\w'’-]){re.escape(lowered)}(?![\w'’-])", self.text)


_ROLE_WORD, _ROLE_PART = "role word", "role part"


def _role_kind(token: Token, role_words: frozenset[str]) -> str | None:
    """A role's last word ("worker"), a word before it ("project"), or neither."""
    if token.is_alpha and token.lower_ in role_words and (token.is_lower or token.is_title):
        return _ROLE_WORD
    if token.is_alpha and token.is_lower and token.pos_ in ROLE_PARTS:
        return _ROLE_PART
    return None


def _given_names_alone(doc: Doc, names: list[NameMention]) -> list[NameMention]:
    """ "Dionne (Pathways)": a given name the recogniser missed, just before a bracket."""
    named = {i for name in names for i in range(name.start, name.end)}
    given = given_names()
    return [
        NameMention(token.i, token.i + 1)
        for token in doc[:-1]
        if token.i not in named
        and doc[token.i + 1].text == "("
        and given.is_given_name(token.text)
        and not given.is_ordinary_word(token.text)
    ]


def _titled_words(doc: Doc, names: list[NameMention]) -> frozenset[str]:
    """Words, in lower case, of the names the note writes after a title: "Mr Hollins"."""
    people = people_words()
    titles = people.honorifics | frozenset(people.professional_titles)
    found = set()
    for name in names:
        before = doc[name.start - 1].text.rstrip(".") if name.start > 0 else ""
        if name.title or before in titles:
            found |= {token.lower_ for token in doc[name.start : name.end]}
    return frozenset(found)
