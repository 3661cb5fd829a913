"""The checks' marks on the Doc and the Findings made from them."""

from __future__ import annotations

import pytest

from recordcheck.catalogue import all_checks, spec_for
from recordcheck.findings import findings_for
from recordcheck.model import Note, Severity
from recordcheck.nlp import note_doc

pytestmark = pytest.mark.slow


def check_note(nlp, text: str, note_type: str = ""):
    return nlp(note_doc(nlp, Note(note_id="N1", case_id="C1", text=text, note_type=note_type)))


def test_findings_quote_the_text_they_point_at(real_nlp):
    text = "Home visit completed.  The kitchen seemed dirty.\nSent a referral to MASH."
    findings = findings_for(check_note(real_nlp, text))
    assert [f.check for f in findings] == ["who-present", "opinion", "sharing-rationale"]
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    for finding in findings:
        assert finding.text == text[finding.start : finding.end]
        assert finding.message and finding.cue
        assert "[" in finding.suggestion  # a rewrite, with a gap for the worker to fill


def test_finding_words_come_from_the_cue_data(real_nlp):
    [finding] = findings_for(check_note(real_nlp, "Mum seemed tired."))
    words = spec_for("opinion").cue("hedge")
    assert (finding.cue, finding.severity, finding.message) == (
        "hedge",
        words.severity,
        words.message,
    )


def test_every_cue_has_a_message_suggestion_and_severity():
    for spec in all_checks():
        for words in spec.cues.values():
            assert isinstance(words.severity, Severity)
            assert words.message.endswith(".")
            assert "{text}" in words.suggestion


def test_opinion_finding_covers_only_the_offending_clause(real_nlp):
    doc = check_note(real_nlp, "Visited at 10am and mum seemed drunk.")
    assert [(s.text, s.label_) for s in doc.spans["rc_opinion"]] == [("mum seemed drunk", "hedge")]


@pytest.mark.parametrize(
    "text",
    [
        'She said "he is manipulative and lazy".',
        "Dad reports that mum is lazy.",
        "According to the neighbour he is aggressive.",
        "Staff to monitor whether he is lying about his drinking.",
    ],
)
def test_quotes_reported_speech_and_plans_are_not_opinion(real_nlp, text):
    assert not check_note(real_nlp, text).spans["rc_opinion"]


def test_outward_sharing_is_marked_with_whether_a_reason_was_given(real_nlp):
    without = check_note(real_nlp, "Referral sent to MASH.")
    with_reason = check_note(real_nlp, "Referral sent to MASH with her consent.")
    assert [s.label_ for s in without.spans["rc_sharing"]] == ["no_rationale"]
    assert [s.label_ for s in with_reason.spans["rc_sharing"]] == ["rationale"]
    assert not with_reason.spans[spec_for("sharing-rationale").span_group]


CONSENT_NOT_GIVEN = [
    "Dad withdrew his consent on Friday.",
    "Consent to share was declined by the family.",
    "No consent obtained.",
    "Still awaiting consent from her son.",
    "Case closed with consent.",
    "She refused consent.",
    "We did not tell the school without consent.",
]
CONSENT_OR_BASIS = [
    "Dad gave his consent on Friday.",
    "She consented to this.",
    "No consent as she lacked capacity to understand the risk.",
    "Shared without consent as there is a risk of serious harm.",
    "As he is a child his consent is not required.",
]


@pytest.mark.parametrize(
    ("consent", "flagged"),
    [(text, True) for text in CONSENT_NOT_GIVEN] + [(text, False) for text in CONSENT_OR_BASIS],
)
def test_only_consent_given_or_the_basis_without_it_is_a_reason(real_nlp, consent, flagged):
    doc = check_note(real_nlp, f"{consent} Referral sent to the GP.")
    found = [s.text for s in doc.spans[spec_for("sharing-rationale").span_group]]
    assert found == (["Referral sent to the GP"] if flagged else [])


def test_received_information_is_marked_and_not_flagged(real_nlp):
    doc = check_note(real_nlp, "Information received from PC Jones about the incident.")
    assert [s.text for s in doc.spans["rc_received"]] == [
        "Information received from PC Jones about the incident"
    ]
    assert not doc.spans["rc_sharing"]
    assert not findings_for(doc)


def test_who_present_uses_the_note_type_when_the_text_does_not_say(real_nlp):
    text = "Went through the care plan and the medication chart."
    assert findings_for(check_note(real_nlp, text, note_type="Home Visit"))
    assert not findings_for(check_note(real_nlp, text, note_type="Email"))


def test_empty_note_has_no_findings(real_nlp):
    assert findings_for(check_note(real_nlp, "   ")) == ()


def severities(nlp, text: str, check: str, note_type: str = "") -> list[Severity]:
    return [f.severity for f in findings_for(check_note(nlp, text, note_type)) if f.check == check]


def test_a_label_is_high_where_the_note_goes_to_another_agency(real_nlp):
    label = "Mum is manipulative."
    assert severities(real_nlp, label, "opinion") == [Severity.MEDIUM]
    assert severities(real_nlp, label, "opinion", "Referral") == [Severity.HIGH]
    shared = "Emailed the GP: mum is manipulative and refuses help."
    assert severities(real_nlp, shared, "opinion") == [Severity.HIGH]
    # a label in another sentence than the sharing did not go with it
    apart = "Referral sent to MASH. Mum is manipulative."
    assert severities(real_nlp, apart, "opinion") == [Severity.MEDIUM]


def test_a_mild_verdict_is_low_and_a_harsh_one_medium(real_nlp):
    assert severities(real_nlp, "Doreen was settled.", "opinion") == [Severity.LOW]
    assert severities(real_nlp, "Dad seemed drunk.", "opinion") == [Severity.MEDIUM]


def test_sharing_sensitive_information_without_a_reason_is_high(real_nlp):
    assert severities(
        real_nlp, "Sent the chronology of the assaults to the police.", "sharing-rationale"
    ) == [Severity.HIGH]
    assert severities(
        real_nlp, "OT referral sent for a pressure cushion.", "sharing-rationale"
    ) in ([Severity.MEDIUM], [])  # routine: medium, where the check flags it at all


def test_who_present_advice_fits_the_kind_of_encounter(real_nlp):
    def cue(text: str, note_type: str = "") -> list[str]:
        found = findings_for(check_note(real_nlp, text, note_type))
        return [f.cue for f in found if f.check == "who-present"]

    assert cue("Home visit completed.") == ["encounter-without-attendees"]
    assert cue("Attended MARAC (virtual). Actions agreed.", "Meeting") == [
        "meeting-without-attendees"
    ]
    assert cue("Discussed the care plan and next steps.", "Phone call") == [
        "call-without-other-party"
    ]
