"""Agency mentions, and how names, roles and agencies sit beside each other in a note.

The rc_partners component (component.py) finds the mentions; this module reads
their layout: the role and agency written just after a name ("Sarah Jones (IDVA,
Refuge)"), a role just before it ("IDVA Sarah Jones"), a title's place ("PC 1234
Patel"), and generic mentions that take the note's only named agency of their type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from recordcheck.language.agencies import AgencyTerm, body_words, team_words
from recordcheck.language.clauses import spaced_dash
from recordcheck.language.names import NameMention

# Words between a name and its role or agency: "Sarah Jones (IDVA, Refuge)",
# "Mark Lee, housing officer", "Sue Hall from Age UK".
LINK_WORDS = {"(", ",", "-", "–", "from", "of", "at", "with", "the", "for"}
LINK_REACH = 3  # how many such words may come between
# lower-case words inside organisation names: "Fire & Rescue", "Department for Work and Pensions"
NAME_JOINERS = {"&", "and", "of", "for", "the", "on", "in", "upon"}
# marks that end a name: the recogniser may run one over them ("Lowe (Market Street Surgery")
NAME_BREAKS = frozenset({",", ":", ";", "(", ")", "[", "]"})
# A date or clock time written in figures: "02/11", "14.03.25", "12:30"
DATE_OR_TIME = re.compile(r"\d{1,2}[/:.]\d{1,2}([/:.]\d{2,4})?")


@dataclass(frozen=True)
class AgencyMention:
    start: int  # token offsets
    end: int
    canonical: str
    agency_type: str
    generic: bool
    place_form: str = ""  # see AgencyTerm
    joins_named: bool = False  # see AgencyTerm
    term: AgencyTerm | None = None  # the generic entry a mention of a kind came from


def mention_of(term: AgencyTerm, start: int, end: int) -> AgencyMention:
    return AgencyMention(
        start,
        end,
        term.canonical,
        term.agency_type,
        term.generic,
        term.place_form,
        term.joins_named,
        term if term.generic else None,
    )


def after_last_lower_case_word(ent: Span) -> int:
    """Where an organisation's name starts: "Referral to Harbour DA Service" -> "Harbour"."""
    start = ent.start
    for token in ent[:-1]:
        if token.is_lower and token.lower_ not in NAME_JOINERS and token.tag_ != "POS":
            start = token.i + 1  # but "St Anne's CE Primary" keeps its saint's "'s"
    return start


def name_pieces(ent: Span) -> list[Span]:
    """The parts of an entity that could each be a name: the recogniser runs a name over a
    comma, a colon, a bracket, a spaced dash or a line break ("12:20 - Police", "Beacon
    Centre - Leanne", "Lowe (Market Street Surgery", "Northgate Homes, Brackenford
    Health"), but no organisation's name holds one ("0-19 Service" has no space)."""
    bounds, start = [], ent.start
    for token in ent:
        if token.text in NAME_BREAKS or token.is_space or spaced_dash(token):
            bounds.append((start, token.i))
            start = token.i + 1
    bounds.append((start, ent.end))
    pieces = []
    for start, end in bounds:
        while start < end and ent.doc[start].is_punct:
            start += 1  # a bullet's dash: "- Housing"
        while end > start and DATE_OR_TIME.fullmatch(ent.doc[end - 1].text):
            end -= 1  # a name run into the date after it: "Wharfeside General 02/11"
        if start < end:
            pieces.append(Span(ent.doc, start, end, label=ent.label_))
    return pieces


def title_start(doc: Doc, name: NameMention) -> int:
    """Where the name starts with its title: "PC Patel", "PC 1234 Patel", "Dr. Ahmed"."""
    index = name.start - 1
    while index >= 0 and (doc[index].text == "." or doc[index].like_num):
        index -= 1
    return index if name.title and index >= 0 and doc[index].text == name.title else name.start


def marked(doc: Doc, start: int, end: int, label: str, agency: AgencyMention) -> Span:
    span = Span(doc, start, end, label=label)
    span._.rc_agency = agency.canonical
    span._.rc_agency_type = agency.agency_type
    return span


def role_before(doc: Doc, name: NameMention, roles: Iterable[tuple[int, int]]):
    """A role just before the name, or its bracket: "IDVA Sarah Jones", "SN (Bev Ashworth)"."""
    bracketed = name.start > 0 and doc[name.start - 1].text == "("
    for start, end in roles:
        if end == name.start or (bracketed and end == name.start - 1):
            return start, end
    return None


def described_after(
    doc: Doc,
    position: int,
    roles: Iterable[tuple[int, int]],
    agencies: list[AgencyMention],
) -> tuple[tuple[int, int] | None, AgencyMention | None, list[AgencyMention]]:
    """The role and agency written just after a name, and every agency mention read.

    Reads on across link words, roles and agency names, so "Sarah Jones
    (IDVA, Refuge)" gives IDVA and Refuge; a named agency beats a generic one.
    """
    role_at = {start: (start, end) for start, end in roles}
    agency_at = {a.start: a for a in agencies}
    role, found = None, []
    index, links = position, 0
    while index < len(doc) and links <= LINK_REACH:
        if index in agency_at:
            found.append(agency_at[index])
        if index in role_at:
            role = role or role_at[index]
        if index in agency_at or index in role_at:
            index = max(
                agency_at[index].end if index in agency_at else 0,
                role_at[index][1] if index in role_at else 0,
            )
        elif doc[index].lower_ in LINK_WORDS:
            index, links = index + 1, links + 1
        else:
            break
    named = [a for a in found if not a.generic]
    return role, _employer(named or found or [None]), found


def _employer(mentions: list[AgencyMention | None]) -> AgencyMention | None:
    """The first agency written after a name; but a team named before another named agency
    is that agency's: "DC Alison Marsh (Vulnerable Adults Team, Stourvale Constabulary)"
    works for Stourvale Constabulary. So is a part whose name says no kind of agency, before
    one whose name does: "Jo Whitlam, Student Support, Kelsford College" works for the
    college."""
    first = mentions[0]
    if first is None or len(mentions) < 2 or first.generic or mentions[1].generic:
        return first
    last_word = first.canonical.rsplit(" ", 1)[-1].lower()
    of_no_kind = first.agency_type == "other" != mentions[1].agency_type
    of_no_kind = of_no_kind and last_word not in body_words()  # "Oakfield Trust" is its own
    return mentions[1] if last_word in team_words() or of_no_kind else first


def team_of_title(agency: AgencyMention, title_type: str) -> AgencyMention:
    """A team written beside an officer's title is of the title's service: "DC Paul Kersey,
    DA Safeguarding Team" is a police team, though "safeguarding" reads as social care."""
    last_word = agency.canonical.rsplit(" ", 1)[-1].lower()
    if agency.generic or title_type in ("", "other") or last_word not in team_words():
        return agency
    return replace(agency, agency_type=title_type)


def joined_to_named(mentions: list[AgencyMention]) -> list[AgencyMention]:
    """Generic mentions that may ("police") take the note's only named agency of their type."""
    named: dict[str, set[str]] = {}
    for mention in mentions:
        if not mention.generic:
            named.setdefault(mention.agency_type, set()).add(mention.canonical)
    joined = []
    for mention in mentions:
        names = named.get(mention.agency_type, set())
        if mention.joins_named and len(names) == 1:
            mention = replace(mention, canonical=next(iter(names)), generic=False)
        elif mention.term is not None:
            of_kind = {n for n in names if mention.term.names_one_of_this_kind(n)}
            if len(of_kind) == 1:  # "the school" in a note naming one school is that school
                mention = replace(mention, canonical=next(iter(of_kind)), generic=False)
        joined.append(mention)
    return joined
