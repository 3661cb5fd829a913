"""The contact gate: a trained weighing of each partner mention, beside the rules.

The rules (contacts.py, parties.py) read each mention of a partner and say
what it is: a contact done, attempted or planned, or why it is none ("no
party", "negated", "someone else's account"...). Case notes are written in
more ways than rules reach, and a register with one invented contact loses an
inspector's trust, so a small logistic model, trained on hand-labelled contacts
(`recordcheck.contact_training`), weighs every mention from what the rules
made of it and the words around it:

- a contact the rules read as done or attempted is kept only when the model
  agrees (score at or above `keep`);
- a mention the rules could not read (no party found, or the parse put someone
  else first) becomes a contact only on a high score (at or above `rescue`);
- a mention the rules read as negated, conditional, planned or another's plan
  stays as the rules read it: the model never turns "did not ring" into a call.

Without `contact_gate.json` beside this module the rules work alone.

The gate is off by default (the `rc_contact_events` setting `gate`). Trained on
the twelve development writers it raises contact precision from 0.68 to 0.80
at the same recall (0.44) when each writer is left out in turn, but it also
drops plain one-line contacts unlike the labelled notes ("Informed the GP of
the fall.", "PC Lee rang to say ..."), which the rules read correctly: it
learned the habits of long notes, not what a contact is. It needs more varied
training notes before it can be trusted on by default.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml

if TYPE_CHECKING:
    from recordcheck.events.parties import Party
    from recordcheck.model import ContactEvent

MODEL_FILE = "contact_gate.json"
COUNTED = frozenset({"done", "attempted"})
# what the rules could not read, which the model may find to be a contact after all
RESCUABLE = frozenset({"no party", "someone else", "someone else's account"})
CONTEXT = 3  # words either side of the mention the model reads one by one
ATTENDANCE = tuple(package_toml(__package__, "words.toml")["attendance_marks"])


@dataclass(frozen=True)
class Reading:
    """What the rules made of a mention: a status (done, attempted, planned) or why not."""

    verdict: str
    party: Party | None = None
    actor: str = ""


@dataclass(frozen=True)
class Candidate:
    """One mention of a partner, what the rules read, and the event it would make."""

    mention: Span | None  # None once the Doc is gone (training keeps only the rest)
    sentence: Span | None
    reading: Reading
    event: ContactEvent
    features: tuple[str, ...]


def candidate_features(
    sentence: Span, mention: Span, is_person: bool, reading: Reading, note_type: str
) -> tuple[str, ...]:
    """The words the model reads: the rules' verdict and how they got it, the mention, and
    the words around it on its line."""
    party = reading.party
    link = party.link if party else "-"
    predicate = party.predicate.lemma_.lower() if party else "-"
    doc = mention.doc
    line = _line_of(sentence, mention)
    features = [
        f"verdict={reading.verdict}",
        f"link={link}",
        f"verdict+link={reading.verdict}|{link}",
        f"predicate={predicate}",
        f"link+predicate={link}|{predicate}",
        f"actor={reading.actor or '-'}",
        f"type={mention._.rc_agency_type}",
        f"named={'not named' not in (mention._.rc_agency or '').lower()}",
        f"person={is_person}",
        f"note_type={note_type.strip().lower()}",
        f"dep={mention.root.dep_}",
        f"head={_word(mention.root.head)}",
        f"opening={_word(line[0]) if len(line) else '-'}",
        f"opening_tag={line[0].tag_ if len(line) else '-'}",
        f"first_in_line={len(line) > 0 and line.start == mention.start}",
        f"labelled={any(t.text == ':' for t in doc[line.start : mention.start])}",
        f"question={sentence.text.rstrip().endswith('?')}",
        f"attendance={any(mark in sentence.text.lower() for mark in ATTENDANCE)}",
    ]
    for k in range(1, CONTEXT + 1):
        before, after = mention.start - k, mention.end + k - 1
        if before >= line.start:
            features.append(f"before{k}={_word(doc[before])}")
        if after < line.end:
            features.append(f"after{k}={_word(doc[after])}")
    features += [f"word={_word(t)}" for t in line if not (t.is_punct or t.is_space)]
    return tuple(features)


def _word(token: Token) -> str:
    """A word as the model reads it: names and numbers only as such, so the model learns
    no one's name or phone number from the notes it was trained on."""
    if token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.ent_type_ == ""):
        return "<name>"
    if token.like_num or any(c.isdigit() for c in token.text):
        return "<number>"
    return token.lemma_.lower()


def _line_of(sentence: Span, mention: Span) -> Span:
    """The mention's line within its sentence: bulleted notes parse as long sentences."""
    doc, start, end = sentence.doc, mention.start, mention.end
    while start > sentence.start and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    while end < sentence.end and "\n" not in doc[end - 1].text_with_ws:
        end += 1
    return doc[start:end]


class ContactGate:
    """A logistic model over candidate features, with its two thresholds."""

    def __init__(self, weights: Mapping[str, float], bias: float, keep: float, rescue: float,
                 version: str = ""):
        self.weights = dict(weights)
        self.bias = bias
        self.keep = keep
        self.rescue = rescue
        self.version = version

    @classmethod
    def bundled(cls) -> ContactGate | None:
        """The trained gate shipped beside this module, or None (rules alone)."""
        path = files(__package__) / MODEL_FILE
        if not path.is_file():
            return None
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ContactGate:
        return cls(data["weights"], data["bias"], data["keep"], data["rescue"],
                   data.get("version", ""))

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "keep": self.keep, "rescue": self.rescue,
                "bias": self.bias, "weights": self.weights}

    def score(self, features: Iterable[str]) -> float:
        total = self.bias + sum(self.weights.get(feature, 0.0) for feature in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def select(
        self, candidates: Sequence[Candidate], scores: Sequence[float] | None = None
    ) -> list[Candidate]:
        """The candidates that are contacts (or planned ones), by rules and model together."""
        if scores is None:
            scores = [self.score(c.features) for c in candidates]
        return [c for c, p in zip(candidates, scores, strict=True) if self.admits(c, p)]

    def admits(self, candidate: Candidate, score: float) -> bool:
        verdict = candidate.reading.verdict
        if verdict == "planned":
            return True
        if verdict in COUNTED:
            return score >= self.keep
        return verdict in RESCUABLE and score >= self.rescue
