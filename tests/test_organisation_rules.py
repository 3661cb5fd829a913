"""An organisation's rules file reaches every component that takes terms from it."""

import pytest

import recordcheck.events.contacts  # noqa: F401  (registers rc_contact_events)
import recordcheck.partners.component  # noqa: F401  (registers rc_partners)
from recordcheck.events.contacts import contacts_for
from recordcheck.nlp import load_pipeline
from recordcheck.rules import RulesError

pytestmark = pytest.mark.slow


def test_agency_from_rules_file_is_recognised_under_its_own_name(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[partners.agencies."Northgate Building Society"]\ntype = "other"\naliases = ["NBS"]\n'
    )
    nlp = load_pipeline(
        rules, entities=True, extra_components=("rc_partners", "rc_contact_events")
    )

    contacts = contacts_for(nlp("Rang NBS fraud team and passed on concerns about withdrawals."))

    assert [c.agency for c in contacts] == ["Northgate Building Society"]


def test_bad_agency_entry_is_a_rules_error_naming_the_file(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text('[partners.agencies."Somewhere"]\ntype = "spaceship"\n')

    with pytest.raises(RulesError, match=r"rules\.toml.*\[partners\].*Somewhere"):
        load_pipeline(rules, entities=True, extra_components=("rc_partners",))


def test_chronology_cue_words_from_rules_file_mark_events(tmp_path):
    import recordcheck.events.chronology  # noqa: F401  (registers rc_chronology)
    from recordcheck.events.chronology import chronology_events_for
    from recordcheck.model import Note

    rules = tmp_path / "rules.toml"
    rules.write_text('[chronology]\nincident = ["went awol"]\n')
    text = "Jake went AWOL from the unit at 21:15."
    note = Note("N1", "C1", text, date="2025-03-14", time="23:00")
    without = load_pipeline(extra_components=("rc_chronology",))
    assert chronology_events_for(without(text), note) == ()

    nlp = load_pipeline(rules, extra_components=("rc_chronology",))
    (event,) = chronology_events_for(nlp(text), note)
    assert (event.kind, event.time) == ("incident", "21:15")
