"""Which agency a named professional works for when nothing beside their name says.

The sentence's agency of the role's type is theirs ("Spoke to PC Patel at Thames Valley
Police"); failing that, the note's only named organisation of that type, but only when it
is a kind of service that employs the role (role_employers.toml): a doctor is not the
pharmacy's, a school nurse not the GP surgery's, a CPN not the Samaritans'. Else the
role's type with no name ("Health service (not named)").
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from spacy.tokens import Doc

from recordcheck.datafiles import package_toml
from recordcheck.language.agencies import AgencyLexicon, AgencyTerm
from recordcheck.language.names import NameMention
from recordcheck.partners.layout import AgencyMention


@cache
def role_employers() -> Mapping[str, tuple[str, ...]]:
    """Role or title as written -> the kinds of service (generic entries) that employ it."""
    employers = package_toml(__package__, "role_employers.toml")["employers"]
    return {role: tuple(kinds) for role, kinds in employers.items()}


class RoleEmployers:
    def __init__(self, lexicon: AgencyLexicon) -> None:
        self.lexicon = lexicon
        self._kinds: dict[str, AgencyTerm] = {}
        for term in lexicon.terms:
            if term.generic:
                self._kinds.setdefault(term.canonical, term)

    def employs(self, role: str, agency: AgencyMention) -> bool:
        """Whether the named agency is a kind of service that employs the role."""
        for kind in role_employers().get(role, ()):
            term = self._kinds.get(kind)
            if term is None or term.agency_type != agency.agency_type:
                continue
            if term.joins_named or term.names_one_of_this_kind(agency.canonical):
                return True
        return False

    def agency_for_role(
        self,
        doc: Doc,
        name: NameMention,
        role: str,
        role_type: str,
        agencies: list[AgencyMention],
    ) -> AgencyMention:
        """The sentence's agency of the role's type, else the note's only named one when it
        employs the role, else unnamed."""
        sentence = doc[name.start].sent
        of_type = [a for a in agencies if a.agency_type == role_type or not role_type]
        in_sentence = [a for a in of_type if sentence.start <= a.start < sentence.end]
        if in_sentence:  # the nearest, a named one before any generic one
            return min(in_sentence, key=lambda a: (a.generic, abs(a.start - name.start)))
        named = list({a.canonical: a for a in of_type if not a.generic}.values())
        # someone with a title and no role ("Mrs Okon") is not told apart by this fallback
        if len(named) == 1 and (not role_type or self.employs(role, named[0])):
            return named[0]
        agency_type = role_type or "other"
        return AgencyMention(
            name.start, name.end, self.lexicon.unnamed_agency(agency_type), agency_type, True
        )
