"""Two mentions in one note that the grammar makes one partner (recording standard,
"Contact events", Identity: spellings and forms of one agency merge into one partner).

- a partner named in brackets beside another describes it: "Tel from Whinmoor Unit (nurse
  Carol)", "Referral to Safe Harbour DA Service (IDVA)", "Referral to SALT (Northgate
  Community Health, Adult SLT)" are each one contact, with the organisation the brackets
  or the words before them name, not a second one with "Health service (not named)";
- a reply answers the note's own earlier contact: in "Rang Moorgate MP - Dr Mehta called
  back" Dr Mehta answered for Moorgate MP, and the contact stays outward (it stays out
  when the partner replies).

Plain work on the candidates the rules kept, before one event per agency is made.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from recordcheck.datafiles import package_toml
from recordcheck.events.contact_gate import Candidate
from recordcheck.partners.component import AGENCIES_KEY, CONTACTS_KEY

WORDS = package_toml(__package__, "contact_limits.toml")
REPLY_LEMMAS = frozenset(WORDS["reply_lemmas"])
JOINING = frozenset(WORDS["joining_words"])
UNKNOWN_KIND = "other"  # the agency lexicon's type for an organisation of no known kind
BRACKET_REACH = 6  # tokens from one name to the other inside the brackets


def filed_with_their_partner(doc: Doc, kept: list[Candidate]) -> list[Candidate]:
    """The kept candidates, each unnamed-agency one that brackets or a reply tie to a named
    partner filed under that partner."""
    joined = []
    for index, candidate in enumerate(kept):
        event = candidate.event
        if event.names_no_organisation:
            partner = _bracketed_with(doc, candidate, kept)
            if partner is not None:
                event = replace(event, agency=partner.event.agency)
        if _a_reply(candidate) and event.direction == "in":
            answered = _answered(replace(candidate, event=event), kept[:index])
            if answered is not None:
                event = replace(event, agency=answered.event.agency, direction="out")
        joined.append(replace(candidate, event=event))
    return joined


def _bracketed_with(doc: Doc, unnamed: Candidate, kept: list[Candidate]) -> Candidate | None:
    """The named partner whose name the unnamed mention sits in brackets right after, or
    which sits in brackets right after the unnamed mention."""
    mention = unnamed.mention
    for other in kept:
        if other.event.names_no_organisation or other.mention is None:
            continue
        first, second = sorted((mention, other.mention), key=lambda m: m.start)
        # brackets after a name say who or what kind it is ("Whinmoor Unit (nurse Carol)",
        # "Safe Harbour DA Service (IDVA)"); a name in brackets after a kind of service is
        # its name only when of that kind: "Attended MARAC (Harwick Civic Centre)" is a venue
        if first is mention and other.event.agency_type != unnamed.event.agency_type:
            continue
        if first.end <= second.start and _in_brackets_after(doc, first.end, second.start):
            return other
    return None


def _in_brackets_after(doc: Doc, end: int, start: int) -> bool:
    """The tokens from the end of one name to the start of the other open a bracket and hold
    only words of a role or an organisation: no verb, no second party ("and", "+")."""
    between = doc[end:start]
    if not between or between[0].text != "(" or len(between) > BRACKET_REACH:
        return False
    partners = (*doc.spans.get(AGENCIES_KEY, ()), *doc.spans.get(CONTACTS_KEY, ()))
    if any(end <= p.start and p.end <= start for p in partners):
        return False  # "Sam Ellery (Kestwick ASC, LD Team)": the nearer name is the one
    return not any(
        t.text == ")" or t.lower_ in JOINING or t.pos_ in ("VERB", "AUX") for t in between[1:]
    )


def _a_reply(candidate: Candidate) -> bool:
    """ "Dr Mehta called back", "ASC rang back", "Greengate Pharmacy replied"."""
    party = candidate.reading.party
    if party is None or candidate.reading.actor != "agency":
        return False
    verb: Token = party.governing
    return verb.lemma_.lower() in REPLY_LEMMAS or any(
        c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in verb.children
    )


def _answered(answer: Candidate, earlier: list[Candidate]) -> Candidate | None:
    """The one earlier outward contact the reply answers: with the same partner, or, when the
    reply names no organisation, the only one of its kind."""
    reply = answer.event
    outward = [
        c for c in earlier
        if c.event.direction in ("out", "both") and c.event.status != "planned"
    ]
    same = [c for c in outward if c.event.agency == reply.agency]
    if same:
        return same[-1]
    if not reply.names_no_organisation:
        return None
    of_kind = {c.event.agency: c for c in outward if c.event.agency_type == reply.agency_type}
    if not of_kind:
        # in the same sentence, a local organisation of no known kind: "Phoned Vale Urgent
        # Care (out of hours GP) 18:50 - Dr Mason called back 19:20"
        of_kind = {
            c.event.agency: c for c in outward
            if c.event.agency_type == UNKNOWN_KIND and c.sentence is not None
            and c.sentence.start <= answer.mention.start < c.sentence.end
        }
    return next(iter(of_kind.values())) if len(of_kind) == 1 else None
