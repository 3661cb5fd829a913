"""Redacting whole results: findings, contacts and chronology events move with the text."""

from __future__ import annotations

from dataclasses import replace

from recordcheck.model import (
    ChronologyEvent,
    ContactEvent,
    Finding,
    Note,
    NoteResult,
    PersonalSpan,
    Severity,
)
from recordcheck.redact.results import redact_results


def note_result(text, spans, *, author="Jane Okafor", case="C1", findings=(), contacts=()):
    return NoteResult(
        Note(f"N{len(text)}", case, text, author=author),
        tuple(findings),
        tuple(contacts),
        tuple(PersonalSpan(text.index(w), text.index(w) + len(w), k) for w, k in spans),
    )


def test_contacts_are_moved_and_pseudonymised_like_the_text():
    text = "Rang PC Patel on 01865 123456 re Amir Khan; he advised no crime recorded."
    contact = ContactEvent(
        "Thames Valley Police",
        "police",
        text.index("PC"),
        text.index("PC") + 8,
        person="PC Patel",
        role="PC",
        phone="01865 123456",
        email="pc.patel@tvp.pnn.uk",
        outcome="he advised no crime recorded for Amir Khan",
        evidence="Rang PC Patel on 01865 123456 re Amir Khan",
    )
    finding = Finding(
        "opinion",
        text.index("Amir"),
        len(text),
        text[text.index("Amir") :],
        Severity.LOW,
        "Amir Khan: describe what you saw",
        "Say what Amir Khan did",
    )
    result = note_result(
        text,
        [("Patel", "person"), ("01865 123456", "phone"), ("Amir Khan", "person")],
        findings=[finding],
        contacts=[contact],
    )
    redacted = next(redact_results([result]))
    new_text = redacted.note.text
    assert new_text == "Rang PC Person 2 on [phone 1] re Person 3; he advised no crime recorded."
    moved = redacted.contacts[0]
    assert new_text[moved.start : moved.end] == moved.person == "PC Person 2"
    assert (moved.phone, moved.email, moved.agency) == ("[phone 1]", "[email 1]", contact.agency)
    assert moved.evidence == "Rang PC Person 2 on [phone 1] re Person 3"
    assert moved.outcome == "he advised no crime recorded for Person 3"
    (moved_finding,) = redacted.findings
    assert moved_finding.text == new_text[moved_finding.start : moved_finding.end]
    assert "Amir" not in moved_finding.message + moved_finding.suggestion
    assert redacted.note.author == "Person 1"


def test_one_run_is_consistent_across_notes_and_cases():
    results = [
        note_result("Sarah said she was fine.", [("Sarah", "person")]),
        note_result(
            "Sarah Jones rang from 07700 900123.",
            [("Sarah Jones", "person"), ("07700 900123", "phone")],
        ),
        note_result("Ms Jones called again, 07700900123.", [("Ms Jones", "person")]),
        note_result("Mrs A seen alone.", [("Mrs A", "person")], case="C2"),
    ]
    texts = [r.note.text for r in redact_results(results)]
    assert texts == [
        "Person 2 said she was fine.",
        "Person 2 rang from [phone 1].",
        "Person 2 called again, [phone 1].",  # the phone is found by pattern, even unmarked
        "Person 3 seen alone.",
    ]


def test_a_name_caught_once_is_hidden_wherever_it_is_written_in_the_case():
    results = [
        note_result("Mrs Harrow was seen alone.", [("Mrs Harrow", "person")]),
        note_result("present mrs harrow and her advocate. Harrow family not home.", []),
    ]
    texts = [r.note.text for r in redact_results(results)]
    assert texts[1] == "present Person 2 and her advocate. Person 2 family not home."


def test_the_author_is_not_joined_to_a_client_with_the_same_first_name():
    (result,) = redact_results(
        [note_result("Sarah said hello.", [("Sarah", "person")], author="Sarah Jones")]
    )
    assert result.note.author == "Person 1"
    assert result.note.text == "Person 2 said hello."


def test_chronology_events_are_moved_and_their_words_pseudonymised():
    text = "At 02:30 Amir Khan fell. PC Patel attended and Amir Khan went to hospital."
    summary = "At 02:30 Amir Khan fell."
    event = ChronologyEvent(
        "harm", 0, len(summary), summary, time="02:30", source="PC Patel",
        outcome="Amir Khan went to hospital",
    )
    result = replace(
        note_result(text, [("Amir Khan", "person"), ("Patel", "person")]), events=(event,)
    )
    [redacted] = redact_results([result])
    [moved] = redacted.events
    assert "Amir" not in moved.summary + moved.source + moved.outcome
    assert "Patel" not in moved.source
    assert redacted.note.text[moved.start : moved.end] == moved.summary
