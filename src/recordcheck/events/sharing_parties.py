"""Who information went to: outside agencies and people, in-house recipients, names.

Sharing needs someone outside to receive it. "Sent the chronology to Lakeside
Bank" names an agency; "told Kim" names one only when the note has tied Kim to
an outside role ("Kim (HV)", "practice nurse Kim Boyce"); the manager or the
duty team are in-house, and telling them is internal discussion, not sharing. So is
the author's own service, read as the contact events read it (own_service.py, from
the export's team and role): a school's DSL for its teacher, "Team 2" for Team 2. In
"told him the police are dealing with it" the police are what he was told, not
whom the writer told.
The recipient words are the sharing word lists (sharing.toml) plus every named organisation in
the shared agency lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from recordcheck.events.sharing_names import (
    NAME_PARTS,
    TITLES,
    first_name_or_initials,
    name_at,
    name_part,
    past_names,
    written_as_a_name,
)
from recordcheck.events.sharing_shape import RECIPIENT_LINKS, names_what_was_sent
from recordcheck.events.sharing_words import WORD_CLASSES
from recordcheck.language.agencies import AgencyLexicon, load_lexicon
from recordcheck.language.matching import TermMatcher
from recordcheck.language.note_context import author_context
from recordcheck.language.own_service import OwnService, OwnServiceTest
from recordcheck.language.people import people_words

TITLED_NAME_WINDOW = 3  # name words after a title: "Dr Tom Ashworth"
RECIPIENT_WINDOW = 4  # tokens after "told"/"updated" in which the one told is named
# where the one told ends and what they were told begins: "updated him that police ..."
CONTENT_OPENERS = WORD_CLASSES["content_openers"]
# verbs whose object is the thing sent ("sent the MSU"): a named recipient follows "to"/"with"
THING_SENT = WORD_CLASSES["thing_sent"]
# with an outside party on the line, only these make "the manager" ours rather than theirs
OWN_SIDE = WORD_CLASSES["own_side"]
ORGANISATION_LINKS = ("at", "from")  # "Nadia at Switch", "Sam from Housing"
ROLE_AFTER_NAME = {",", "("}  # "Kim Sheldon (HV)", "Jon Barker, Housing"
# a verb of these forms after "told him" opens what he was told: "Told him the police are ..."
FINITE_TAGS = {"VB", "VBZ", "VBP", "VBD", "MD"}
SENT_THINGS = ("dobj", "conj")  # what a verb passes on, and the things joined to it
SUBJECTS = {"nsubj", "nsubjpass", "expl"}  # "Told JP", "sent to KH": a colleague's initials
PROFESSIONAL_TITLES = frozenset(people_words().professional_titles)  # "DS", "Dr", "PC"
# Doc.user_data, by the Parties' id: whether each recipient (start, end) is the author's own
# service, and the names the note ties to an outside role. The same party is judged for its
# sentence, for the windows the direction rules look through and for the whole note, and
# its verdict depends on its words and the note's author alone: each is worked out once.
OWN_PARTIES_KEY = "rc_own_parties"
OUTSIDE_NAMES_KEY = "rc_outside_names"


class Parties:
    """The recipient word lists ("agencies", "internal_recipients", "people") and tests on them."""

    def __init__(
        self,
        nlp: Language,
        lists: Mapping[str, Sequence[str]],
        partner_agencies: Mapping[str, Any] | None = None,
        own_service: Mapping[str, Any] | None = None,
    ):
        # Who information can go to: the sharing words for services and roles,
        # plus every named organisation in the shared agency lexicon, the organisation's
        # own partner agencies (rules-file [partners]) among them.
        recipients = {key: lists[key] for key in ("agencies", "internal_recipients", "people")}
        lexicon = load_lexicon(partner_agencies)
        recipients["agencies"] = (*recipients["agencies"], *lexicon.named_agency_terms())
        self.matcher = TermMatcher(nlp, recipients)
        # the author's own service, as the contact events read it: a school's DSL is the
        # school's own, "Kestrel Vale Housing" a Kestrel Vale Housing officer's own
        self.own = OwnServiceTest(OwnService.from_settings(own_service or {}), lexicon)
        self.agency_named = _agency_names(lexicon)
        self.no_employer = lexicon.unnamed_agency("other")
        # "let the school know": the last word of a split verb ends the one told, not a clause
        self.split_tails = frozenset(words.split()[-1] for words in lists["split_verbs_lemma"])

    def has(self, words: Doc | Span) -> bool:
        """Any recipient, outside or in-house, among these words."""
        return self.matcher.has(words)

    def is_party(self, token) -> bool:
        """The phrase this token heads names a recipient: "GP surgery", "her social worker"."""
        return self.matcher.has(token.doc[token.left_edge.i : token.right_edge.i + 1])

    def outside(self, words: Doc | Span) -> list[Span]:
        """Recipients outside the service, less any that are part of an in-house one or
        the author's own service."""
        parties = self.matcher.spans(words)
        internal = [p for p in parties if p.label_ == "internal_recipients"]
        internal += [_with_its_noun(p) for p in parties if self._own(p)]
        return [
            p
            for p in parties
            if not any(i.start <= p.start < i.end or p.start <= i.start < p.end for i in internal)
        ]

    def _own(self, party: Span) -> bool:
        """ "Passing to DSL team" in a school's note: the school's own lead; "Passed to
        Team 2" in a note of Team 2; "Informed Andreea (keyworker)": a job of no agency;
        "Message passed to Dr Ashworth" in a practice whose staff include Dr Tom Ashworth."""
        judged = party.doc.user_data.setdefault(OWN_PARTIES_KEY, {}).setdefault(id(self), {})
        where = (party.start, party.end)
        if where not in judged:
            judged[where] = self._own_now(party)
        return judged[where]

    def _own_now(self, party: Span) -> bool:
        _, role, team = author_context(party.doc)
        if self._titled_colleague(party, team) or self._bare_title_of_ours(party, team):
            return True
        if any(re.search(rf"\b{re.escape(named)}\b", team.lower()) for named in _named(party)):
            return True
        agency = self.agency_named.get(party.text.lower())
        if agency is None:
            return False
        start = party.start
        while start > party.sent.start and party.doc[start - 1].pos_ == "PROPN":
            start -= 1
        if start < party.start:
            # "Ryland Police", "Highcross Academy": one named organisation, not the kind
            agency = party.doc[start : party.end].text
        return agency == self.no_employer or self.own.is_own_agency(agency, team, role)

    def _bare_title_of_ours(self, party: Span, team: str) -> bool:
        """ "Briefed DS", "Passed to DC Shah and DS" in a police unit whose staff include a DS:
        a title with no name after it is the team's own, as "the manager" is."""
        following = party.doc[party.end] if party.end < party.sent.end else None
        if following is not None and name_part(following):
            return False
        title = party.text.rstrip(".")
        return title in PROFESSIONAL_TITLES and self.own.goes_by_title(title, team)

    def _titled_colleague(self, party: Span, team: str) -> bool:
        """A title and a name that are one of the export's own staff, as the contact events
        read them: "Dr Ashworth" beside the author Dr Tom Ashworth; "PC Lee" is not."""
        end = party.end
        while end < min(party.sent.end, party.end + TITLED_NAME_WINDOW) and name_part(
            party.doc[end]
        ):
            end += 1
        written = party.doc[party.start : end].text
        return (
            end > party.end
            and bool(people_words().title_of(written))
            and self.own.is_named_colleague(written, team)
        )

    def only_internal(self, words: Span, contacted: bool = False) -> bool:
        """Only in-house recipients; with an outside party on the line, "the manager" is theirs."""
        parties = self.matcher.spans(words)
        if contacted:
            if any(t.lower_ in OWN_SIDE for p in parties for t in p):
                return True
            parties = [p for p in parties if self._own(p)]  # "Passed to Team 2" in Team 2
        return bool(parties) and not self.outside(words)

    def agent_named(self, words: Span) -> bool:
        """ "... by Lakeside Bank", "... by PC Jones": a passive whose doer is named."""
        for word in words:
            if word.lower_ == "by" and word.i + 1 < words.end:
                agent = words.doc[word.i + 1 : min(words.end, word.i + 3)]
                if agent[0].pos_ == "PROPN" or self.matcher.has(agent):
                    return True
        return False

    def tells_a_teammate(self, match: Span, outsiders: frozenset[str] = frozenset()) -> bool:
        """ "told nurse Grace", "Passed to Priya for SW", "sent her to KH": the one told is
        written by the first name or initials of an author of the note's own team, after
        the verb, a link or the person sent, and a job word; and no outside party is named
        with them."""
        after = match.doc[match.end : match.sent.end]
        if len(after) > 1 and after[0].pos_ == "PRON" and after[1].lower_ in RECIPIENT_LINKS:
            after = after[2:]  # "sent her to KH": she was sent, KH was told
        elif len(after) and after[0].lower_ in RECIPIENT_LINKS:
            after = after[1:]
        job = len(after) > 1 and after[0].is_lower and written_as_a_name(after[1])
        if job:
            # "nurse Grace": the job of the colleague named, which alone ties her to no
            # outside role (outside_names reads "nurse" as an agency's word)
            after = after[1:]
        if not len(after) or not written_as_a_name(after[0]):
            return False
        if (after[0].lower_ in outsiders and not job) or _owner(after):
            return False  # "Emailed Grace's note to ...": Grace wrote what was sent
        if len(after) > 1 and written_as_a_name(after[1]):
            return False  # a full name: is_colleague judges it by the surname
        _, _, team = author_context(match.doc)
        # the ones told, up to what it was for or when: "Priya for SW", "JP and reception"
        end = next((t.i for t in after if t.pos_ in ("ADP", "PUNCT")), after.end)
        told = match.doc[after.start : end]
        return self.own.is_teammate_by_short_name(after[0].text, team) and not self.outside(told)

    def only_a_name_after(self, match: Span, outsiders: frozenset[str] = frozenset()) -> bool:
        """ "Passed to Priya", "Told JP", "Informed Femi": the one told is a first name or
        initials the note ties to no outside role, so nothing shows they are outside the
        service (colleagues are written so). "Told Kim" after "Kim (HV)" is outside."""
        if self.tells_a_teammate(match, outsiders):
            return True  # "told nurse Grace": a teammate's name, even after a job word
        after = match.doc[match.end : match.sent.end]
        link = _recipient_link(match)
        if link is not None:
            # "Passed the outcome to Jodie"; not "shared it with Lucy and Fiona (IDVA)"
            after = match.doc[link.i + 1 : match.sent.end]
            if self.outside(after) or any(t.lower_ in TITLES for t in after[:1]):
                return False
            if any(t.lower_ in ORGANISATION_LINKS for t in after[:RECIPIENT_WINDOW]):
                return False  # "Passed info to Nadia at Switch": tied to an organisation
        elif len(after) and after[0].lower_ in RECIPIENT_LINKS:
            after = after[1:]
        if not len(after) or after[0].pos_ not in NAME_PARTS or after[0].lower_ in outsiders:
            return False
        if len(after) > 1 and after[1].pos_ == "AUX":
            return False  # "Explained Rhys is autistic": Rhys is what was told about
        if _owner(after):
            return False  # "Emailed Grace's note", "sent to Evie and Max's school"
        following = after[1] if len(after) > 1 else None
        if (
            following is not None
            and following.pos_ in NAME_PARTS
            and not first_name_or_initials(following.text)
        ):
            return False  # "Martin Clegg": a full name may be anyone's
        window = after[: past_names(after, RECIPIENT_WINDOW)]
        return first_name_or_initials(after[0].text) and not self.outside(window)

    def named_after(
        self, match: Span, client_facing: bool, outsiders: frozenset[str] = frozenset()
    ) -> bool:
        """An outside party after the verb: anywhere for "sent ... to X", next for "told X"."""
        after = match.doc[match.end : match.sent.end]
        if client_facing:
            told = _clause_told(after, self.split_tails)
            after = after[: past_names(after, RECIPIENT_WINDOW)]
            opener = next((t.i for t in after if t.lower_ in CONTENT_OPENERS), after.end)
            after = match.doc[after.start : max(after.start, min(opener, told))]
        # "Passed outcome and SW's thanks to Jodie": a possessor in the thing sent is its owner
        named_to = _recipient_link(match) is not None
        if any(not (named_to and _owns_what_was_sent(p)) for p in self.outside(after)):
            return True
        if client_facing:
            return any(
                (t.pos_ in NAME_PARTS or t.i == after.start) and t.lower_ in outsiders
                for t in after
            )
        if match.root.lemma_.lower() not in THING_SENT and match.text.lower() not in THING_SENT:
            return any(t.pos_ == "PROPN" for t in after[:RECIPIENT_WINDOW])
        if not names_what_was_sent(match.root):
            return False  # "Sent to the Hub": a person sent somewhere, not information
        return any(
            t.pos_ == "PROPN" and t.i - 3 <= w.i < t.i
            for w in after
            if w.lower_ in ("to", "with")
            for t in after
        )

    def outside_names(self, doc: Doc) -> frozenset[str]:
        """Names the note ties to an outside role: "practice nurse Anne Boyce", "Kim (HV)"
        (read once per note: the sharing acts and the reasons for them both ask)."""
        kept = doc.user_data.setdefault(OUTSIDE_NAMES_KEY, {})
        if id(self) not in kept:
            names: set[str] = set()
            for party in self.outside(doc[:]):
                names.update(name_at(doc, party.end, step=1))
                if party.start >= 2 and doc[party.start - 1].text in ROLE_AFTER_NAME:
                    names.update(name_at(doc, party.start - 2, step=-1))
            kept[id(self)] = frozenset(names)
        return kept[id(self)]


def _recipient_link(match: Span):
    """The "to" of a thing sent, after what was sent: "Passed outcome and thanks to Jodie"."""
    verb = match.root
    if verb.lemma_.lower() not in THING_SENT and verb.lower_ not in THING_SENT:
        return None
    things = [o for o in verb.children if o.dep_ in SENT_THINGS and o.pos_ in ("NOUN", "PRON")]
    sent = [*verb.children, *(c for thing in things for c in thing.subtree)]
    links = sorted(
        (c for c in sent if c.dep_ == "prep" and c.lower_ in RECIPIENT_LINKS and c.i > match.end),
        key=lambda c: c.i,
    )
    return links[0] if links else None


def _owns_what_was_sent(party: Span) -> bool:
    """A possessor names whose the thing sent is, not who got it; "sent to the GP's
    secretary" names the one it went to through theirs."""
    owned = party.root.head
    if party.root.dep_ != "poss" or owned.i == party.root.i:
        return False
    return owned.dep_ != "pobj" or owned.head.lower_ not in RECIPIENT_LINKS


def _with_its_noun(party: Span) -> Span:
    """ "DSL team": the party with the noun it names the kind of."""
    head = party.root.head
    if party.root.dep_ == "compound" and head.i >= party.end:
        return party.doc[party.start : head.i + 1]
    return party


def _named(party: Span) -> list[str]:
    """ "Team 2", "Team 2 TM": a party with the numbers or names after it (lower case)."""
    names = []
    end = party.end
    while end < party.sent.end and end - party.end < 2 and party.doc[end].pos_ in ("NUM", "PROPN"):
        end += 1
        names.append(party.doc[party.start : end].text.lower())
    return names


def _agency_names(lexicon: AgencyLexicon) -> dict[str, str]:
    """Each way of writing an agency or a role (lower case), with the agency it names."""
    names = {term.text.lower(): term.canonical for term in lexicon.terms}
    for role, agency_type in lexicon.roles.items():
        names.setdefault(role.lower(), lexicon.unnamed_agency(agency_type))
    return names


def _clause_told(after: Span, split_tails: frozenset[str]) -> int:
    """Where what was told begins when no "that" marks it: "Explained midwife has probably
    thought about that", "Told him the police are dealing with it", "Told her Ron isn't
    here", "I tell him tell the nurse": the clause's subject, else its verb."""
    for word in after:
        if (
            word.pos_ not in ("VERB", "AUX")
            or word.tag_ not in FINITE_TAGS
            or word.lower_ in split_tails
            or word.lemma_.lower() in split_tails
        ):
            continue
        verb = word.head if word.dep_ in ("aux", "auxpass") else word
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < word.i]
        if subjects and subjects[-1].left_edge.i > after.start:
            return subjects[-1].left_edge.i
        if subjects and subjects[-1].left_edge.i == after.start:
            return subjects[-1].i  # "Let the manager know Kai ...": the parse hung all on Kai
        if subjects:
            # the parse made the telling verb part of the subject: "Explained midwife has ..."
            # reports what was explained; "Rang DC Siddiqui, left voicemail" goes on telling
            # what the writer did
            return after.start if word.dep_ in ("aux", "auxpass") else word.i
        previous = after.doc[word.i - 1]
        if word.i - 1 > after.start and previous.pos_ in ("NOUN", "PROPN", "PRON"):
            return word.i - 1  # "Told her Ron isn't here", the name parsed as the one told
        return word.i
    return after.end


def _owner(words: Span) -> bool:
    """The names opening these words own what follows: "Evie and Max's school"."""
    for token in words:
        if token.lower_ in ("'s", "’s"):
            return True
        if token.pos_ not in NAME_PARTS and token.lower_ not in ("and", "&", ","):
            return False
    return False
