"""The author's own service: never a partner, and its staff are colleagues, not contacts.

A note's own service is known from what the export says of its author (their
team and role, e.g. "Northgate District Nursing Team", "Senior IDVA") and
from what the user says of the organisation (`--organisation`, `--service`,
a rules-file `[service]` table with names, aliases and staff). Every author
in the run is staff. An agency mention is the author's own when
- its distinctive words all appear in the team or the organisation's names
  ("Kestrel Vale Housing" for a Kestrel Vale Housing officer), or
- it names a kind of service, not an organisation ("the school", "district
  nurses"), and one of that kind's words appears in the team, the role or
  the organisation's names (a school's DSL writing "school" means their own);
and in both cases, where the team or the organisation's names say what kind of body
it is, the mention is of that kind: a place name shared with "Millbrook CMHT" does
not make "Millbrook Police" the author's own, nor does a hospital safeguarding
lead's role ("Named Professional - Adult Safeguarding") make adult social care theirs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from recordcheck.language.agencies import (
    AgencyLexicon,
    distinctive_words,
    umbrella_keywords,
    umbrella_kinds,
)
from recordcheck.language.people import people_words


@dataclass(frozen=True)
class OwnService:
    """What the user and the run say of the organisation whose records these are."""

    names: tuple[str, ...] = ()  # organisation, service, team names and aliases
    staff: tuple[str, ...] = ()  # colleagues' names, every author of the run among them
    # the authors of each team, where the export names teams: in a record several
    # organisations write in, a hostel worker is not the drug service's colleague
    staff_by_team: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @classmethod
    def from_settings(
        cls, settings: Mapping[str, Any] | None, authors: Iterable[str] = ()
    ) -> OwnService:
        """From a `[service]` table: {"names": [...], "staff": [...]}, plus the run's authors."""
        settings = settings or {}
        return cls(
            names=tuple(n for n in settings.get("names", ()) if n.strip()),
            staff=tuple(dict.fromkeys([*settings.get("staff", ()), *authors])),
            staff_by_team=tuple(
                (team, tuple(names)) for team, names in settings.get("staff_by_team", {}).items()
            ),
        )


class OwnServiceTest:
    """Answers "is this mention the author's own service or a colleague?" for one run."""

    def __init__(self, own: OwnService, lexicon: AgencyLexicon):
        self.own = own
        self.kind_terms = lexicon.generic_terms()
        self.own_parts = lexicon.own_parts
        self.lexicon = lexicon
        self._staff = [_name_parts(name) for name in own.staff]
        self._described: dict[tuple[str, str], tuple[str, set[str]]] = {}
        self._staff_by_team = {
            team: [_name_parts(name) for name in names] for team, names in own.staff_by_team
        }
        self._titled = _titled_names(own.staff)
        self._titled_by_team = {team: _titled_names(names) for team, names in own.staff_by_team}
        self._type_of_term = {term.canonical: term.agency_type for term in lexicon.terms}
        self._kinds_of_team: dict[str, frozenset[str]] = {}

    def is_own_agency(self, canonical: str, team: str = "", role: str = "") -> bool:
        lowered, described_words = self._description(team, role)
        if not lowered.strip():
            return False
        if self._part_of_own_organisation(canonical, lowered):
            return True
        if not self._of_the_teams_kind(canonical, team):
            return False
        terms = self.kind_terms.get(canonical)
        if terms is not None:  # a kind of service: own when the team or role is of that kind
            return any(re.search(rf"\b{re.escape(t.lower())}\b", lowered) for t in terms)
        words = distinctive_words(canonical)
        return bool(words) and words <= described_words

    def _of_the_teams_kind(self, canonical: str, team: str) -> bool:
        """Whether the agency may be of the kind of body the team and the organisation's
        names say the author works for; where they name only an umbrella ("Harwick Council
        Early Help"), any kind that umbrella runs (a council runs a nursery too, never the
        police); where they say nothing of either, any agency may."""
        kinds = self._kinds_of_team.get(team)
        if kinds is None:
            kinds = self._kinds_named(" ".join((team, *self.own.names)).lower())
            self._kinds_of_team[team] = kinds
        kind = self._type_of_term.get(canonical) or self.lexicon.type_of_organisation(canonical)
        return not kinds or kind == "other" or kind in kinds

    def _kinds_named(self, described: str) -> frozenset[str]:
        """The kinds of service a team's description names, or else those its umbrella
        words run; empty where it says neither."""
        named = frozenset(
            kind for kind, keywords in self.lexicon.type_keywords.items()
            if any(
                _has_word(keyword, described)
                for keyword in keywords if keyword not in umbrella_keywords()
            )
        )
        if named:
            return named
        run_by_umbrellas = [
            kinds for umbrella, kinds in umbrella_kinds().items() if _has_word(umbrella, described)
        ]
        return frozenset().union(*run_by_umbrellas)

    def _part_of_own_organisation(self, canonical: str, described: str) -> bool:
        """ "Harebell Ward" or the therapists, for a team in a hospital (agencies.toml
        [own_parts])."""
        name = canonical.lower()
        if self.lexicon.type_of_organisation(name) != "other":
            return False  # "Ward 12 Millbrook General" is another hospital's ward
        return any(
            _has_word(organisation, described) and any(_has_word(part, name) for part in parts)
            for organisation, parts in self.own_parts.items()
        )

    def _description(self, team: str, role: str) -> tuple[str, set[str]]:
        """The team, role and organisation names, lower-cased and as distinctive words;
        worked out once per team and role, as every mention of a note asks."""
        key = (team, role)
        if key not in self._described:
            described = " ".join((team, role, *self.own.names))
            self._described[key] = (described.lower(), distinctive_words(described))
        return self._described[key]

    def is_named_colleague(self, written: str, team: str = "") -> bool:
        """A colleague as the note writes them. A title ("PC Lee") makes someone another
        agency's, unless a colleague goes by that same title: in a GP practice whose staff
        include "Dr Tom Ashworth", "Dr Ashworth" and "Dr A" are the partner next door."""
        title = people_words().title_of(written)
        if not title:
            return self.is_colleague(written, False, team)
        first, surname = _name_parts(written)
        titled = [
            (staff_first, staff_surname)
            for staff_title, staff_first, staff_surname in self._titled_staff(team)
            if staff_title == _plain_title(title)
        ]
        if len(surname) == 1 and not first:  # "Dr A": a colleague only when one fits
            return len([s for _, s in titled if s.startswith(surname)]) == 1
        # "Dr Sarah Ashworth" at the hospital is not the practice's Dr Tom Ashworth
        return any(
            surname == staff_surname and _initials_agree(first, staff_first)
            for staff_first, staff_surname in titled
        )

    def goes_by_title(self, title: str, team: str = "") -> bool:
        """ "Briefed DS" in a team whose staff include "DS 2214 Claire Okonedo": a title with
        no name is the team's own when one of its staff has that title."""
        plain = _plain_title(title)
        return any(staff_title == plain for staff_title, _, _ in self._titled_staff(team))

    def _titled_staff(self, team: str) -> list[tuple[str, str, str]]:
        return self._titled_by_team.get(team, self._titled) if team else self._titled

    def names_the_same(self, written: str, name: str) -> bool:
        """Whether a name as written ("S. Lindqvist") may be this person ("Sarah Lindqvist")."""
        first, surname = _name_parts(written)
        other_first, other_surname = _name_parts(name)
        return bool(surname) and surname == other_surname and _initials_agree(first, other_first)

    def is_teammate_by_short_name(self, written: str, team: str) -> bool:
        """ "Grace", "KH": the first name or the initials of exactly one author of the note's
        own team, as colleagues write each other ("told nurse Grace", "Told JP"). Only where
        the export names teams: in a record several services write in, a first name alone
        may be anyone's."""
        staff = self._staff_by_team.get(team) if team else None
        word = written.strip(".").lower()
        if not staff or not word.isalpha():
            return False
        by_first = [first for first, surname in staff if surname and first == word]
        by_initials = [
            first for first, surname in staff if len(word) == 2 and first and surname
            and first[0] + surname[0] == word
        ]
        return len(by_first) == 1 or (written.isupper() and len(by_initials) == 1)

    def is_colleague(self, person: str, titled: bool = False, team: str = "") -> bool:
        """A named person who is one of the staff (not someone with an agency's title):
        of the note's own team where the export names teams, else of the whole run."""
        if titled or not person.strip():
            return False
        first, surname = _name_parts(person)
        staff = self._staff_by_team.get(team, self._staff) if team else self._staff
        return any(
            surname == staff_surname and _initials_agree(first, staff_first)
            for staff_first, staff_surname in staff
        )


def _has_word(words: str, text: str) -> bool:
    return re.search(rf"\b{re.escape(words)}\b", text) is not None


def _initials_agree(first: str, other: str) -> bool:
    """"J. Lee" and "Jodie Lee" may be one person; "Sam Lee" and "Jodie Lee" are not."""
    return not first or not other or first[0] == other[0]


def _titled_names(names: Iterable[str]) -> list[tuple[str, str, str]]:
    """(title, first name, surname) of each name written with a professional title ("Dr Tom
    Ashworth")."""
    return [parts for parts in map(name_parts, names) if parts[0]]


def _plain_title(title: str) -> str:
    return title.rstrip(".").lower()


def _name_parts(name: str) -> tuple[str, str]:
    """(first name or initial, surname), without a title: "Dr Tom Ashworth" is Tom's."""
    return name_parts(name)[1:]


def name_parts(name: str) -> tuple[str, str, str]:
    """(professional title, first name or initial, surname) in lower case: "Dr Tom
    Ashworth" -> ("dr", "tom", "ashworth"); "" for a part not written."""
    title = people_words().title_of(name)
    untitled = name.strip()[len(title) :] if title else name
    words = [w.strip(".,").lower() for w in untitled.split() if w.strip(".,")]
    if not words:
        return _plain_title(title), "", ""
    return _plain_title(title), (words[0] if len(words) > 1 else ""), words[-1]
