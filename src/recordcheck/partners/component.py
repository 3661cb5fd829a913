"""The rc_partners component: marks partner agencies and named professionals.

Marks, for contacts_for to read:
- doc.spans["rc_agencies"]: each agency mention, label = agency type,
  span._.rc_agency = canonical name, span._.rc_describes = True when it
  only says where a named professional works ("Sarah Jones (IDVA, Refuge)");
- doc.spans["rc_contacts"]: each named professional (title included, "PC
  Patel"), label = role, span._.rc_agency / span._.rc_agency_type = the
  agency they work for;
- doc.spans["rc_channels"]: words that say how a contact went, label = channel;
- doc.spans["rc_named_alone"]: people named with nothing in the note saying they are
  professionals ("Rang Jess"); another note of the case may say so (events/case_wide.py);
- doc.spans["rc_placed"]: the organisations among rc_agencies known only by where the note
  writes them ("Kerry Jarvis (Safe Harbour)", placed.py), label = type.

Needs the entity recogniser (ORG, GPE and PERSON entities).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, SpanGroup, Token

from recordcheck.language.agencies import (
    NOT_DISTINCTIVE,
    AgencyLexicon,
    AgencyTerm,
    load_lexicon,
)
from recordcheck.language.contact_words import contact_cues
from recordcheck.language.doc_values import text_of
from recordcheck.language.identifiers import find_addresses, find_identifiers
from recordcheck.language.names import NameFinder, NameMention
from recordcheck.language.organisations import named_by_their_kind, organisation_heads
from recordcheck.language.people import shouted_surname_at
from recordcheck.partners.called import called_by_name
from recordcheck.partners.layout import (
    AgencyMention,
    after_last_lower_case_word,
    described_after,
    joined_to_named,
    marked,
    mention_of,
    name_pieces,
    role_before,
    team_of_title,
    title_start,
)
from recordcheck.partners.person_roles import names_before_roles, reads_as_a_person
from recordcheck.partners.place_before_term import placed_generics
from recordcheck.partners.placed import placed_organisations
from recordcheck.partners.placed_words import placed_words
from recordcheck.partners.roles import RoleEmployers

AGENCIES_KEY = "rc_agencies"
CONTACTS_KEY = "rc_contacts"
CHANNELS_KEY = "rc_channels"
NAMED_ALONE_KEY = "rc_named_alone"
PLACED_KEY = "rc_placed"

_DEFAULTS = (("rc_agency", None), ("rc_agency_type", None), ("rc_describes", False))
for _extension, _default in _DEFAULTS:
    if not Span.has_extension(_extension):
        Span.set_extension(_extension, default=_default)

STAY_REACH = 8  # tokens after a name: ", Stourvale General Hospital, Ward 12"


class PartnersMarker:
    def __init__(self, nlp: Language, name: str, agencies: Mapping[str, Any]) -> None:
        self.name = name
        self.lexicon: AgencyLexicon = load_lexicon(agencies)
        self._employers = RoleEmployers(self.lexicon)
        self._names = NameFinder(nlp.vocab)
        words = self._names.words
        self._person_titles = words.honorifics | frozenset(words.professional_titles)
        self._role_texts = frozenset(role.lower() for role in self.lexicon.roles)
        self._terms: dict[str, AgencyTerm] = {}
        self._any_case = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact_case = PhraseMatcher(nlp.vocab, attr="ORTH")
        for index, term in enumerate(self.lexicon.terms):
            key = f"agency-{index}"
            self._terms[key] = term
            matcher = self._exact_case if term.exact_case else self._any_case
            matcher.add(key, [nlp.make_doc(text) for text in term.written_forms()])
        self._roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        # "PO", "SW": an abbreviation with another sense is a role only as written
        self._roles_as_written = PhraseMatcher(nlp.vocab, attr="ORTH")
        abbreviations = self.lexicon.person_abbreviations()
        for role in self.lexicon.roles:
            if role in abbreviations:
                self._roles_as_written.add(role, [nlp.make_doc(role)])
            else:
                self._roles.add(role, [nlp.make_doc(role.lower())])
        self._channels = PhraseMatcher(nlp.vocab, attr="LOWER")
        for channel, terms in contact_cues().channels:
            self._channels.add(channel, [nlp.make_doc(term) for term in terms])

    def __call__(self, doc: Doc) -> Doc:
        agencies = self._agencies(doc)
        names = [
            name
            for name in self._names(doc, exclude=[doc[a.start : a.end] for a in agencies])
            if not any(a.start < name.end and name.start < a.end for a in agencies)
            and not self._names.words.names_a_group([t.text for t in doc[name.start : name.end]])
        ]
        # role as the lexicon writes it ("IDVA", "housing officer"), by where it is
        roles = {
            (start, end): doc.vocab.strings[key]
            for key, start, end in [*self._roles(doc), *self._roles_as_written(doc)]
        }
        names += self._names_after_roles(doc, roles, names, agencies)
        names = names_before_roles(doc, roles, names, agencies, self._names.words)
        # "Kerry Jarvis (Safe Harbour)": an organisation the layout names, not a person
        placed = placed_organisations(doc, names, roles, agencies, self.lexicon)
        employers = {p.describes: p.mention for p in placed if p.describes is not None}
        if placed:
            # "Safe Steps IDVA": the IDVA service is Safe Steps, not a second one unnamed
            roles_of = [p.role for p in placed if p.role is not None]
            agencies = [a for a in agencies if not (a.generic and _within(a, roles_of))]
            agencies = sorted([*agencies, *(p.mention for p in placed)], key=lambda a: a.start)
            names = [n for n in names if not any(_overlap(n, p.mention) for p in placed)]
        contacts, described, named_alone = [], set(), []
        # an agency written after someone's name describes them, not the others named beside
        # them: "Dr Morris (stroke reg), Hannah Rees (SALT)" does not make Dr Morris SALT
        described_by = {n: described_after(doc, n.end, roles, agencies)[2] for n in names}
        for name in names:
            others = [a for n, found in described_by.items() if n != name for a in found]
            free = [a for a in agencies if a not in others or a in described_by[name]]
            contact, describing = self._contact(doc, name, roles, free, employers.get(name))
            if contact is not None:
                contacts.append(contact)
                described.update(describing)
            else:
                named_alone.append(Span(doc, name.start, name.end))
        agency_spans = []
        for agency in agencies:
            agency_spans.append(marked(doc, agency.start, agency.end, agency.agency_type, agency))
            agency_spans[-1]._.rc_describes = agency in described
        doc.spans[AGENCIES_KEY] = SpanGroup(doc, name=AGENCIES_KEY, spans=agency_spans)
        doc.spans[CONTACTS_KEY] = SpanGroup(doc, name=CONTACTS_KEY, spans=contacts)
        doc.spans[NAMED_ALONE_KEY] = SpanGroup(doc, name=NAMED_ALONE_KEY, spans=named_alone)
        doc.spans[PLACED_KEY] = SpanGroup(
            doc,
            name=PLACED_KEY,
            spans=[
                marked(doc, p.mention.start, p.mention.end, p.mention.agency_type, p.mention)
                for p in placed
            ],
        )
        doc.spans[CHANNELS_KEY] = SpanGroup(
            doc,
            name=CHANNELS_KEY,
            spans=[Span(doc, s, e, label=key) for key, s, e in self._channels(doc)],
        )
        return doc

    def _names_after_roles(
        self,
        doc: Doc,
        roles: dict[tuple[int, int], str],
        names: list[NameMention],
        agencies: list[AgencyMention],
    ) -> list[NameMention]:
        """Names the recogniser missed, just after a role: "housing officer D Fairweather"."""
        words = self._names.words
        taken = {index for name in names for index in range(name.start, name.end)}
        taken |= {index for agency in agencies for index in range(agency.start, agency.end)}
        found = []
        for _role_start, role_end in roles:
            after, count = [token.text for token in doc[role_end : role_end + 3]], 0
            while count < len(after) and words.is_name_word(after[count]) or (
                count < len(after) and shouted_surname_at(after, count, words.is_name_word)
            ):
                count += 1
            if count and not words.is_organisation(after[:count]) and role_end not in taken:
                found.append(NameMention(role_end, role_end + count))
        return found

    def _agencies(self, doc: Doc) -> list[AgencyMention]:
        found = [
            mention_of(term, start, end)
            for key, start, end in [*self._any_case(doc), *self._exact_case(doc)]
            for term in [self._terms[doc.vocab.strings[key]]]
            if not self._other_sense(doc, start, end)
            and (not term.person_only or reads_as_a_person(doc, start, end))
        ]
        found += placed_generics(doc, found, self._names)
        found += self._organisations(doc, found)
        found += called_by_name(doc, found, self.lexicon)  # "Rang Greenway": whom we called
        # longest first; a named agency beats a generic term over the same words
        found.sort(key=lambda a: (a.start - a.end, a.generic, a.start))
        kept: list[AgencyMention] = []
        for mention in found:
            if not any(mention.start < k.end and k.start < mention.end for k in kept):
                kept.append(mention)
        return joined_to_named(sorted(kept, key=lambda a: a.start))

    def _other_sense(self, doc: Doc, start: int, end: int) -> bool:
        """ "Joint HV with Tom": the words around an abbreviation give it its other sense."""
        before = doc[start - 1].lower_ if start > 0 else ""
        after = doc[end].lower_ if end < len(doc) else ""
        return self.lexicon.means_something_else(doc[start:end].text, before, after)

    def _organisations(self, doc: Doc, found: list[AgencyMention]) -> list[AgencyMention]:
        """Organisations the entity recogniser finds that the lexicon does not hold.

        One that extends a generic term ("Westmarch Police Economic Crime
        Unit") is kept and wins over it by length. One whose name says neither
        its type nor that it is an organisation ("Nicola Brandt", "Carlow
        House") is left out: the recogniser often tags people and places ORG. So is
        one written as a home address ("his flat, 3 Larch Court"): where someone lives.
        """
        organisations = []
        text = text_of(doc)
        identifiers = find_identifiers(text)
        addresses = find_addresses(text)
        named = named_by_their_kind(doc, self._names.words.stop_words)
        for ent in [*doc.ents, *named]:
            if ent.label_ not in ("ORG", "GPE"):
                continue
            for piece in name_pieces(ent):
                organisation = self._organisation(piece, found, identifiers)
                if organisation is not None and not _within_an_address(piece, addresses):
                    organisations.append(organisation)
        return organisations

    def _organisation(
        self, ent: Span, found: list[AgencyMention], identifiers: list[tuple[int, int, str]]
    ) -> AgencyMention | None:
        if len(ent.text) <= 3:
            return None
        if any(ent.start_char < end and start < ent.end_char for start, end, _ in identifiers):
            return None  # "sarah.jones@refuge.org.uk" is not an organisation
        overlapped = [a for a in found if ent.start < a.end and a.start < ent.end]
        if any(not a.generic or (a.start, a.end) == (ent.start, ent.end) for a in overlapped):
            return None
        if ent[0].text.rstrip(".") in self._person_titles or ent.text.lower() in self._role_texts:
            return None  # "PC Patel", "Care Coordinator": a person or a job taken for an ORG
        agency_type = self.lexicon.type_of_organisation(ent.text)
        words = [token.text for token in ent]
        if agency_type == "other" and not self._names.words.is_organisation(words):
            return None
        doc = ent.doc
        start = after_last_lower_case_word(ent)
        while start < ent.end - 1 and self._not_part_of_a_name(doc[start]):
            start += 1
        if all(token.lower_ in _kind_words() for token in doc[start : ent.end]):
            return None  # "Agency decision made", "Carers Centre" cut to "Centre": no name
        return AgencyMention(start, ent.end, doc[start : ent.end].text, agency_type, False)

    def _not_part_of_a_name(self, token: Token) -> bool:
        """ "the", or a note's opening verb the recogniser took in: "Phoned Larch Surgery"."""
        return (
            token.lower_ == "the"
            or token.text in self._names.words.not_names
            or (token.is_sent_start and token.pos_ in ("VERB", "AUX"))
        )

    def _contact(
        self,
        doc: Doc,
        name: NameMention,
        roles: dict[tuple[int, int], str],
        agencies: list[AgencyMention],
        employer: AgencyMention | None = None,
    ) -> tuple[Span | None, list[AgencyMention]]:
        """The named professional's span (None when nothing says they are one),
        and the agency mentions that only describe them ("IDVA", "Refuge" in
        "Sarah Jones (IDVA, Refuge)"); ``employer``: the organisation the layout places
        after them ("Bev Sutcliffe, project worker Grange Lodge")."""
        titles = self._names.words.professional_titles
        role_after, agency, describing = described_after(doc, name.end, roles, agencies)
        if agency is None and employer is not None:
            agency, describing = employer, [*describing, employer]
        role_span = role_before(doc, name, roles) or role_after
        if not (name.title or role_span or agency):
            return None, []
        if not (name.title or role_span) and _stays_there(doc, name.end):
            return None, []
        if role_span:  # a role written out says more than a title ("Dr Ahmed (GP)")
            describing += [a for a in agencies if a.start < role_span[1] and role_span[0] < a.end]
            role = roles[role_span]
            role_type = self.lexicon.roles[role]
        else:
            role, role_type = name.title, titles.get(name.title, "")
        if agency is None:
            agency = self._employers.agency_for_role(doc, name, role, role_type, agencies)
        elif name.title and not role_span:
            agency = team_of_title(agency, titles.get(name.title, ""))
        start = title_start(doc, name)
        return marked(doc, start, name.end, role, agency), describing


def _stays_there(doc: Doc, after: int) -> bool:
    """Whether the words after a name say where the person stays, not where they work:
    "Mrs Margaret Pullen at Stourvale General, Ward 7", "Mr Kingsley (Room 14)"."""
    stays = placed_words().stays
    for token in doc[after : min(after + STAY_REACH, len(doc) - 1)]:
        if token.text in (")", ";", ".") or token.is_space:
            return False
        if token.lower_ in stays and token.is_title and doc[token.i + 1].like_num:
            return True
    return False


def _within_an_address(name: Span, addresses: list[tuple[int, int, str]]) -> bool:
    """ "his flat, 3 Larch Court": a building written as a home address is where someone
    lives; a saint's "St" that ends one ("(6, Y1 St Aidan's CE Primary") is not."""
    return any(start <= name.start_char and name.end_char <= end for start, end, _ in addresses)


@cache
def _kind_words() -> frozenset[str]:
    """Words that say what kind of body an organisation is, not which one."""
    return organisation_heads() | NOT_DISTINCTIVE


def _overlap(name: NameMention, agency: AgencyMention) -> bool:
    return name.start < agency.end and agency.start < name.end


def _within(agency: AgencyMention, spans: list[tuple[int, int]]) -> bool:
    return any(start <= agency.start and agency.end <= end for start, end in spans)


@Language.factory(
    "rc_partners",
    default_config={"agencies": {}},
    assigns=["doc.spans", "span._.rc_agency", "span._.rc_agency_type", "span._.rc_describes"],
    requires=["doc.ents", "token.dep"],
)
def make_partners_marker(nlp: Language, name: str, agencies: dict[str, Any]) -> PartnersMarker:
    """agencies: an organisation's own, {"Name": {"type": ..., "aliases": [...]}}."""
    return PartnersMarker(nlp, name, agencies)
