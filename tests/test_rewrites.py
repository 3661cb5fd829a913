"""Suggested rewrites: the worker's sentence kept, gaps marked where only they know the facts."""

from __future__ import annotations

import re

import pytest

from recordcheck.catalogue import all_checks, spec_for
from recordcheck.findings import findings_for
from recordcheck.model import Note
from recordcheck.nlp import note_doc
from recordcheck.rewrites import gaps_in, rewrite

# The only words a rewrite may add outside its gaps: scaffolding, never a fact.
SCAFFOLDING = {"in", "my", "professional", "opinion", "because", "present", "spoke", "to"}


def declared(check: str, cue: str) -> dict:
    return spec_for(check).cue(cue).rewrite


def test_the_issue_example_becomes_an_observation_gap():
    assert rewrite(declared("opinion", "hedge"), "Dad seemed drunk when I arrived", after=".") == (
        "Dad [what you saw or heard: e.g. slurred speech, smelled of alcohol] when I arrived."
    )


def test_the_rest_of_the_sentence_is_kept_around_the_rewritten_words():
    suggestion = rewrite(
        declared("opinion", "hedge"), "mum seemed drunk", before="Visited at 10am and ", after="."
    )
    assert suggestion.startswith("Visited at 10am and mum [what you saw or heard")
    assert suggestion.endswith("].")


def test_a_marked_guess_keeps_the_writers_marker_and_asks_for_the_basis():
    suggestion = rewrite(declared("opinion", "hedge"), "I think she is being financially abused")
    assert suggestion.startswith("I think she is being financially abused, because [")
    assert "money gone within days of payment" in suggestion  # an example, inside the gap
    assert gaps_in(suggestion)[0].startswith("[what you saw or heard that led you to this view")


def test_an_impersonal_marker_becomes_the_writers_own_judgement():
    judgement = declared("opinion", "unsupported-judgement")
    suggestion = rewrite(judgement, "She is clearly scared of him")
    assert suggestion.startswith("In my professional opinion she is scared of him, because [")
    assert "clearly" not in suggestion


def test_a_label_with_no_obvious_evidence_gets_no_made_up_example():
    suggestion = rewrite(declared("opinion", "label"), "He is manipulative", after=".")
    assert suggestion == "He [what they said or did]."


def test_encounters_ask_for_attendees_callers_or_meeting_members():
    visit = declared("who-present", "encounter-without-attendees")
    assert rewrite(visit, "Home visit completed", after=".") == (
        "Home visit completed. Present: [who was there, by name or role, or 'seen alone'; "
        "anyone else in the home]."
    )
    call = declared("who-present", "call-without-other-party")
    assert rewrite(call, "Phone call made, discussed concerns").endswith(
        "Spoke to [who: name and role]."
    )
    meeting = declared("who-present", "meeting-without-attendees")
    assert "[who attended" in rewrite(meeting, "Attended MARAC (virtual)")
    assert "home" not in rewrite(meeting, "Attended MARAC (virtual)") + rewrite(call, "Rang")


def test_sharing_asks_for_purpose_and_consent():
    suggestion = rewrite(declared("sharing-rationale", "sharing-without-reason"),
                         "Concerns passed to police", after=".")
    assert suggestion.startswith("Concerns passed to police to [the purpose")
    assert len(gaps_in(suggestion)) == 2 and "consent" in gaps_in(suggestion)[1]


def test_a_marker_alone_asks_for_the_view_too():
    suggestion = rewrite(declared("opinion", "hedge"), "I think")
    assert suggestion.startswith("I think [your view], because [")


def test_an_unknown_shape_is_refused():
    with pytest.raises(ValueError, match="unknown rewrite shape"):
        rewrite({"shape": "poem"}, "Mum seemed drunk")


def test_every_bundled_cue_declares_a_rewrite():
    for spec in all_checks():
        for cue, words in spec.cues.items():
            assert words.rewrite.get("shape"), f"{spec.id} {cue}"


def _finding_for(nlp, check: str, text: str, note_type: str = ""):
    doc = nlp(note_doc(nlp, Note(note_id="X1", case_id="C1", text=text, note_type=note_type)))
    return [f for f in findings_for(doc) if f.check == check]


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w']+", text)}


MUST_FLAG = [
    pytest.param(spec.id, example, id=f"{spec.id}-{number}")
    for spec in all_checks()
    for number, example in enumerate(spec.examples()["must_flag"], 1)
]


@pytest.mark.slow
@pytest.mark.parametrize(("check", "example"), MUST_FLAG)
def test_a_rewrite_adds_nothing_but_gaps_and_scaffolding(real_nlp, check, example):
    for finding in _finding_for(real_nlp, check, example.text, example.note_type):
        suggestion = finding.suggestion
        assert gaps_in(suggestion), suggestion
        outside_gaps = re.sub(r"\[[^\[\]]+\]", " ", suggestion)
        added = _words(outside_gaps) - _words(example.text) - SCAFFOLDING
        assert not added, f"{suggestion!r} adds {added}"


FILLED = [
    ("opinion", "Dad seemed drunk when I arrived.", ["smelled of alcohol and slurred his words"]),
    ("opinion", "I think she is being financially abused.",
     ["her pension has gone within three days of payment for the last four weeks"]),
    ("opinion", "She is clearly scared of him.",
     ["she flinched when he spoke and looked at him before answering"]),
    ("opinion", "The flat was a mess.",
     ["had rubbish bags in the hall and unwashed plates in the sink"]),
    ("opinion", "He was aggressive.", ["shouted and slammed the door twice"]),
    ("who-present", "Home visit completed, concerns discussed.", ["Mrs A and her son Tom"]),
    ("who-present", "Phone call made, discussed concerns.", ["PC Patel, Thames Valley Police"]),
    ("sharing-rationale", "Concerns passed to police.",
     ["ask for a welfare check", "without consent as there is a risk of serious harm"]),
]


@pytest.mark.slow
@pytest.mark.parametrize(("check", "text", "fills"), FILLED)
def test_a_rewrite_with_its_gaps_filled_passes_the_check(real_nlp, check, text, fills):
    [finding] = _finding_for(real_nlp, check, text)
    rewritten = finding.suggestion
    for gap, fill in zip(gaps_in(rewritten), fills, strict=True):
        rewritten = rewritten.replace(gap, fill, 1)
    assert not _finding_for(real_nlp, check, rewritten), rewritten


def test_two_views_with_their_own_subjects_each_get_a_gap():
    from recordcheck.catalogue import spec_for
    from recordcheck.rewrites import rewrite

    declared = spec_for("opinion").data("check.toml")["cues"]["label"]["rewrite"]
    rewritten = rewrite(declared, "Flat was a mess and Jade seemed hungover", "", ".")
    assert rewritten.startswith("Flat [") and " and Jade [" in rewritten
    assert "mess" not in rewritten.split("[")[0] and "hungover" not in rewritten
