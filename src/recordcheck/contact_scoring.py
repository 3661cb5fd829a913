"""Score contact events against hand-labelled ones: precision, recall, attribute accuracy.

The unit is a note and an agency (the recording standard: one event per
agency per note), counting done and attempted events only; planned ones are
never contacts. A found event matches a labelled one in the same note when
their names share a distinctive word ("Millbrook Surgery" ~ "Millbrook
Medical Practice"), or when they are of the same kind and one of them names
no particular organisation ("GP (practice not named)" ~ "the GP"). A label
made only of the words of the agency lexicon's kinds of service ("CSC", "GP",
"ASC duty") names no particular organisation either, and a lexicon alias is its
agency ("OPG" is the "Office of the Public Guardian"). Matching is one to one,
and makes as many pairs as the names allow. Agencies are scored per case file:
the set of partners the register would list for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from recordcheck.language.agencies import distinctive_words, load_lexicon, names_only_a_kind
from recordcheck.language.own_service import name_parts
from recordcheck.model import ContactEvent
from recordcheck.scores import Scores

# The labellers' finer agency types, folded onto the agency lexicon's types.
KIND_OF_LABEL = {
    "police": "police",
    "adult social care": "mash",
    "children's social care": "mash",
    "mash": "mash",
    "gp": "health",
    "hospital": "health",
    "ambulance": "health",
    "community health": "health",
    "pharmacy": "health",
    "mental health": "mental health",
    "housing": "housing",
    "school or college": "education",
    "early years": "education",
    "probation or youth justice": "probation",
    "domestic abuse service": "domestic abuse",
    "marac or panel": "domestic abuse",
    "advocacy": "advocacy",
    "drug and alcohol": "drug and alcohol",
    "dwp or benefits": "benefits",
    "care provider": "care provider",
    "fire and rescue": "fire and rescue",
    "regulator": "regulator",
    "dbs": "regulator",
    "environmental health": "regulator",
}
UNNAMED = "not named"
COUNTED = ("done", "attempted")
ATTRIBUTES = ("direction", "status", "rationale", "outcome")


_words = distinctive_words


def same_agency(found: str, found_type: str, labelled: str, labelled_type: str) -> bool:
    """Whether a found agency name and a labelled one are the same partner."""
    found, labelled = _canonical(found), _canonical(labelled)
    if _words(found) & _words(labelled):
        return True
    kind = KIND_OF_LABEL.get(labelled_type.lower(), "other")
    unnamed = UNNAMED in found.lower() or names_only_a_kind(labelled)
    return unnamed and kind == found_type


def _kind_written_in(agency: str, team: str) -> bool:
    """Whether the team's name holds the word that says what kind of body the agency is,
    if its name has one: "Northmoor Police" is no part of "Kelsford PDU (Northmoor)"."""
    lexicon = load_lexicon()
    kind = lexicon.type_of_organisation(agency)
    return kind == "other" or lexicon.type_of_organisation(team) == kind or any(
        word in team.lower() for word in lexicon.type_keywords[kind] if word in agency.lower()
    )


def _canonical(name: str) -> str:
    """A lexicon agency's name for one of its aliases ("OPG"), else the name."""
    return _lexicon_names().get(name.strip().lower(), name)


@cache
def _lexicon_names() -> dict[str, str]:
    return {term.text.lower(): term.canonical for term in load_lexicon().terms if not term.generic}


@dataclass
class ContactScores:
    contacts: Scores = field(default_factory=Scores)
    agencies: Scores = field(default_factory=Scores)
    # attribute -> [agreeing, compared] over matched contacts
    attributes: dict[str, list[int]] = field(
        default_factory=lambda: {name: [0, 0] for name in ATTRIBUTES}
    )
    # "What was shared" filled on matched outward contacts, against the labels' own: whether
    # a cell is filled where the labels record what went (its words are judged by hand)
    shared: Scores = field(default_factory=Scores)
    own_service_listed: int = 0  # found contacts whose agency is the author's own team
    authors_listed: int = 0  # found contacts whose person is one of the export's authors
    # per case file: (found agencies, labelled agencies), scored once every note is in
    _case_agencies: dict[str, tuple[list, list]] = field(default_factory=dict)

    def accuracy(self, attribute: str) -> float | None:
        agreeing, compared = self.attributes[attribute]
        return agreeing / compared if compared else None

    def add_note(
        self,
        case_id: str,
        found: Sequence[ContactEvent],
        labelled: Sequence[dict],
        own_team: str = "",
        authors: Sequence[str] = (),
    ) -> None:
        found = [event for event in found if event.status in COUNTED]
        labelled = [label for label in labelled if label.get("status") in COUNTED]
        matches = _match(found, labelled)
        self.contacts.true_positives += len(matches)
        self.contacts.false_positives += len(found) - len(matches)
        self.contacts.false_negatives += len(labelled) - len(matches)
        for event, label in matches:
            self._compare(event, label)
        if own_team:
            self.own_service_listed += sum(
                1 for event in found if UNNAMED not in event.agency and _words(event.agency)
                and _words(event.agency) <= _words(own_team)
                and _kind_written_in(event.agency, own_team)
            )
        self.authors_listed += sum(
            1 for event in found if any(_same_person(event.person, a) for a in authors)
        )
        case_found, case_labelled = self._case_agencies.setdefault(case_id, ([], []))
        case_found.extend((e.agency, e.agency_type) for e in found)
        case_labelled.extend((label["agency"], label.get("agency_type", "")) for label in labelled)

    def _compare(self, event: ContactEvent, label: dict) -> None:
        pairs = {
            "direction": (event.direction, label.get("direction")),
            "status": (event.status, label.get("status")),
            "outcome": (bool(event.outcome), bool(label.get("outcome"))),
        }
        if label.get("rationale") is not None and event.rationale_recorded is not None:
            pairs["rationale"] = (event.rationale_recorded, label["rationale"])
        if "shared" in label and event.direction != "in":
            ours, theirs = bool(event.shared), bool(label["shared"])
            self.shared.count(ours, theirs)
        for attribute, (ours, theirs) in pairs.items():
            self.attributes[attribute][0] += ours == theirs
            self.attributes[attribute][1] += 1

    def finish(self) -> None:
        """Score the agencies of each case file once every note has been added."""
        for found, labelled in self._case_agencies.values():
            distinct_found = list(dict.fromkeys(found))
            distinct_labelled = _distinct_labels(labelled)
            matched = _match_names(distinct_found, distinct_labelled)
            self.agencies.true_positives += matched
            self.agencies.false_positives += len(distinct_found) - matched
            self.agencies.false_negatives += len(distinct_labelled) - matched
        self._case_agencies.clear()


def _same_person(written: str, author: str) -> bool:
    """Whether a contact's person may be this author: the same surname, and the same first
    name or initial where both give one ("T. Ashworth" ~ "Dr Tom Ashworth", not "Dr Sarah
    Ashworth"), else the same title ("Dr Ashworth"). Names are read into their parts as
    the own-service test reads them; the rule that matches them is the scorer's own."""
    mine, theirs = name_parts(written), name_parts(author)
    if not mine[2] or mine[2] != theirs[2]:
        return False
    if mine[1] and theirs[1]:
        return mine[1] == theirs[1] or (len(mine[1]) == 1 and theirs[1].startswith(mine[1]))
    return bool(mine[0]) and mine[0] == theirs[0]


def _distinct_labels(labelled: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Labelled agencies of one case, spellings of one agency counted once."""
    distinct: list[tuple[str, str]] = []
    for name, kind in labelled:
        name = _canonical(name)
        if not any(_words(name) & _words(other) or name.lower() == other.lower()
                   for other, _ in distinct):
            distinct.append((name, kind))
    return distinct


def _match(found: Sequence[ContactEvent], labelled: Sequence[dict]) -> list[tuple]:
    return _paired(
        found, labelled,
        lambda event: (event.agency, event.agency_type),
        lambda label: (label["agency"], label.get("agency_type", "")),
    )


def _match_names(found: list[tuple[str, str]], labelled: list[tuple[str, str]]) -> int:
    return len(_paired(found, labelled, lambda pair: pair, lambda pair: pair))


def _paired(found: Sequence, labelled: Sequence, found_name, label_name) -> list[tuple]:
    """The most one-to-one pairs the agencies allow (augmenting paths over the few
    agencies of one note or case), each found agency trying the labels it shares a name
    word with first: a greedy pairing let a label naming only a kind ("ASC") take the
    partner another label names ("ICB Quality & Safeguarding") and leave a pair unmade."""
    options = []
    for item in found:
        name, kind = found_name(item)
        names = [label_name(label) for label in labelled]
        fitting = [i for i, other in enumerate(names) if same_agency(name, kind, *other)]
        options.append(sorted(fitting, key=lambda i: not _same_name(name, names[i][0])))
    partner_of: dict[int, int] = {}  # label index -> found index

    def take(item: int, seen: set[int]) -> bool:
        for label in options[item]:
            if label not in seen:
                seen.add(label)
                if label not in partner_of or take(partner_of[label], seen):
                    partner_of[label] = item
                    return True
        return False

    for item in range(len(found)):
        take(item, set())
    return [(found[item], labelled[label]) for label, item in sorted(partner_of.items())]


def _same_name(found: str, labelled: str) -> bool:
    return bool(_words(_canonical(found)) & _words(_canonical(labelled)))
