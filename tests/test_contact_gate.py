"""The contact gate weighs mentions beside the rules; it never overrides what the rules know."""

from __future__ import annotations

import pytest

from recordcheck.events.contact_gate import Candidate, ContactGate, Reading
from recordcheck.model import ContactEvent


def candidate(verdict: str, *features: str) -> Candidate:
    event = ContactEvent(agency="Oakfield Surgery", agency_type="health", start=0, end=5)
    return Candidate(None, None, Reading(verdict), event, ("bias", *features))


GATE = ContactGate({"word=rang": 3.0, "word=leaflet": -3.0}, bias=0.0, keep=0.5, rescue=0.9)


def test_a_contact_the_rules_read_is_kept_only_when_the_model_agrees():
    kept = GATE.select([candidate("done", "word=rang"), candidate("done", "word=leaflet")])
    assert [c.features for c in kept] == [("bias", "word=rang")]


def test_a_mention_the_rules_could_not_read_needs_a_high_score():
    assert GATE.admits(candidate("no party"), 0.95)
    assert not GATE.admits(candidate("no party"), 0.8)


@pytest.mark.parametrize("verdict", ["negated", "condition", "another's plan"])
def test_what_the_rules_know_is_no_contact_stays_none(verdict):
    assert not GATE.admits(candidate(verdict), 0.99)


def test_planned_contacts_stay_as_the_rules_read_them():
    assert GATE.admits(candidate("planned"), 0.0)


def test_the_gate_round_trips_through_its_file_form():
    again = ContactGate.from_dict(GATE.to_dict())
    assert again.score(["word=rang"]) == GATE.score(["word=rang"]) > 0.9


def test_the_trained_gate_ships_with_its_thresholds():
    gate = ContactGate.bundled()
    assert gate is not None and gate.version
    assert 0 < gate.keep <= gate.rescue <= 1.01 and len(gate.weights) > 100
    # it learned no one's name: names and numbers are read only as such
    assert not any(name.startswith("word=") and name[5:].istitle() for name in gate.weights)
