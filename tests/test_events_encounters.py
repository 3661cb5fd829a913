"""The events layer's encounters: what rc_encounters marks alone, and what who-present judges."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import SpanGroup

from recordcheck.checks.who_present.component import WhoPresentCheck
from recordcheck.model import Note
from recordcheck.nlp import load_base, note_doc


@pytest.fixture(scope="module")
def encounters_only():
    """The base pipeline and the events component, without any check."""
    import recordcheck.events.encounters  # noqa: F401  (registers rc_encounters)

    nlp = load_base(exclude=("ner",))
    nlp.add_pipe("rc_encounters")
    return nlp


def read(nlp, text: str, note_type: str = ""):
    doc = nlp(note_doc(nlp, Note(note_id="N1", case_id="C1", text=text, note_type=note_type)))
    group = doc.spans["rc_encounter"]
    return (
        [(s.text, s.label_) for s in group],
        group.attrs["attendees_recorded"],
        [s.text for s in doc.spans["rc_encounter_words"]],
    )


@pytest.mark.slow
def test_the_events_component_alone_finds_the_encounter_and_its_attendees(encounters_only):
    assert "rc_who_present" not in encounters_only.pipe_names
    text = "Rain all morning. Visited Mrs Ellis at home. Her son Tom was there throughout."
    sentence, attendees, words = read(encounters_only, text)
    assert sentence == [("Visited Mrs Ellis at home", "visit")]
    assert attendees
    assert words == ["Visited"]

    sentence, attendees, words = read(encounters_only, "Strategy meeting held at the school.")
    assert [label for _, label in sentence] == ["meeting"]
    assert not attendees


@pytest.mark.slow
def test_no_encounter_is_marked_where_the_note_records_none(encounters_only):
    assert read(encounters_only, "Copy of the tenancy agreement sent.", "Letter") == (
        [], False, []
    )
    # "no answer" voids the visit the note type names
    assert read(encounters_only, "No answer, card left.", "Home Visit")[0] == []
    # a number that reaches nobody is a call that did not happen
    dead = "Rang - number not recognised now. Letter sent."
    assert read(encounters_only, dead, "Case note")[0] == []
    spoke = "Rang - spoke to mum, all fine."
    assert [label for _, label in read(encounters_only, spoke, "")[0]] == ["call"]
    # a wrong number reaches nobody (written with a retry that got through, the sentence's
    # call is lost with it: write the retry as a sentence of its own)
    assert read(encounters_only, "Phoned - wrong number. Letter sent.", "")[0] == []


def marked(kind: str | None, attendees_recorded: bool):
    """A Doc carrying only the marks rc_encounters would leave."""
    doc = spacy.blank("en")("Home visit done today.")
    spans = [doc[0:4]] if kind else []
    for span in spans:
        span.label_ = kind
    doc.spans["rc_encounter"] = SpanGroup(
        doc, name="rc_encounter", spans=spans, attrs={"attendees_recorded": attendees_recorded}
    )
    return doc


@pytest.mark.parametrize(
    ("kind", "cue"),
    [
        ("visit", "encounter-without-attendees"),
        ("meeting", "meeting-without-attendees"),
        ("call", "call-without-other-party"),
    ],
)
def test_who_present_judges_the_marks_it_reads(kind, cue):
    unattended = WhoPresentCheck()(marked(kind, attendees_recorded=False))
    flagged = [(s.text, s.label_) for s in unattended.spans["rc_who_present"]]
    assert flagged == [("Home visit done today", cue)]
    attended = WhoPresentCheck()(marked(kind, attendees_recorded=True))
    assert not attended.spans["rc_who_present"]


def test_who_present_finds_nothing_without_an_encounter():
    no_encounter = WhoPresentCheck()(marked(None, attendees_recorded=False))
    assert not no_encounter.spans["rc_who_present"]
    unread = WhoPresentCheck()(spacy.blank("en")("Home visit."))  # rc_encounters did not run
    assert not unread.spans["rc_who_present"]


def test_who_present_refuses_a_pipeline_without_the_encounters_it_reads():
    bare = spacy.blank("en")
    with pytest.raises(ValueError, match="rc_encounters"):
        bare.add_pipe("rc_who_present")
