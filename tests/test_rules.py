"""Organisation rules files: extending the word lists, and reporting broken files as file:line."""

from __future__ import annotations

import pytest

from recordcheck.checks.opinion.component import OpinionCheck
from recordcheck.checks.who_present.component import WhoPresentCheck
from recordcheck.events.encounters import EncounterReader
from recordcheck.rules import RulesError, load_rules


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_toml_and_yaml_give_the_same_terms(tmp_path):
    toml = write(
        tmp_path,
        "r.toml",
        '[opinion]\nlabels = ["a rascal"]\n[who_present]\nencounter_words = ["doorstep chat"]\n',
    )
    yaml = write(
        tmp_path,
        "r.yaml",
        "opinion:\n  labels: [a rascal]\nwho_present:\n  encounter_words: [doorstep chat]\n",
    )
    expected = {
        "opinion": {"labels": ["a rascal"]},
        "who_present": {"encounter_words_lemma": ["doorstep chat"]},
    }
    assert load_rules(toml) == load_rules(yaml) == expected


def test_partner_agencies_are_one_table_that_the_agency_lexicon_reads(tmp_path):
    from recordcheck.language.agencies import load_lexicon

    path = write(
        tmp_path,
        "r.toml",
        '[partners.agencies."Thames Valley Police"]\ntype = "police"\naliases = ["TVP"]\n',
    )
    rules = load_rules(path)
    # no copy into the sharing check's own lists: both read the lexicon built from the table
    assert rules == {
        "partners": {
            "agencies": {"Thames Valley Police": {"type": "police", "aliases": ["TVP"]}}
        },
    }
    named = load_lexicon(rules["partners"]["agencies"]).named_agency_terms()
    assert {"Thames Valley Police", "TVP"} <= set(named)


def test_a_partner_agency_without_a_type_is_refused_before_any_work(tmp_path):
    path = write(tmp_path, "r.toml", '[partners.agencies."Brightwell"]\naliases = ["BW"]\n')
    with pytest.raises(RulesError, match=r"r.toml:0: \[partners\] partner agency \"Brightwell\""):
        load_rules(path)


@pytest.mark.slow
def test_an_agency_named_only_in_the_rules_file_is_a_sharing_recipient(tmp_path):
    from recordcheck.findings import findings_for
    from recordcheck.nlp import load_pipeline

    note = "Told Brightwell about the fall and his new medication."
    plain = load_pipeline()
    assert not findings_for(plain(note))
    rules = write(tmp_path, "r.toml", '[partners.agencies."Brightwell"]\ntype = "other"\n')
    with_rules = load_pipeline(rules)
    assert [f.check for f in findings_for(with_rules(note))] == ["sharing-rationale"]


@pytest.mark.parametrize(
    ("name", "text", "line", "problem"),
    [
        ("bad.toml", "[opinion]\nlabels = [\n", 2, ""),
        ("bad.toml", "[opinon]\nlabels = ['x']\n", 1, "unknown section [opinon]"),
        ("bad.toml", "[opinion]\n\nwords = ['x']\n", 3, "has no list 'words'"),
        ("bad.toml", "[opinion]\nlabels = 'x'\n", 2, "must be a list"),
        ("bad.yaml", "opinion:\n  labels: [x\n", 3, ""),
        ("bad.yaml", "opinion:\n  labels: [x]\n  hedges: 3\n", 3, "must be a list"),
        ("bad.toml", "[grades]\nnames = ['A', 'B', 'C']\nfrom = [90]\n", 3, "needs 2 numbers"),
        ("bad.toml", "[grades]\nnames = ['A', 'B']\nfrom = [200]\n", 3, "between 0 and 100"),
        ("bad.toml", "[grades]\n\nnames = ['Only']\n", 3, "two or more"),
        ("bad.toml", "[grades]\nbands = 3\n", 2, "has no key 'bands'"),
        ("bad.yaml", "grades:\n  names: [A, B, C]\n  from: [50, 70]\n", 3, "must go down"),
    ],
)
def test_broken_rules_name_file_and_line(tmp_path, name, text, line, problem):
    path = write(tmp_path, name, text)
    with pytest.raises(RulesError) as raised:
        load_rules(path)
    assert str(raised.value).startswith(f"{path}:{line}: ")
    assert problem in str(raised.value)


def test_a_grades_table_is_kept_for_the_report(tmp_path):
    table = "[grades]\nnames = ['Meets', 'Partly', 'Not']\nfrom = [90, 60]\n"
    path = write(tmp_path, "g.toml", table)
    assert load_rules(path)["grades"] == {"names": ["Meets", "Partly", "Not"], "from": [90, 60]}


def test_unreadable_rules_file(tmp_path):
    with pytest.raises(RulesError, match="cannot read"):
        load_rules(tmp_path / "missing.toml")


@pytest.mark.slow
def test_organisation_label_is_flagged(real_nlp):
    doc = real_nlp("He is a rascal.")
    assert not OpinionCheck(real_nlp, {}, "")(doc).spans["rc_opinion"]
    flagged = OpinionCheck(real_nlp, {"labels": ["a rascal"]}, "")(doc).spans["rc_opinion"]
    assert [(s.text, s.label_) for s in flagged] == [("He is a rascal", "label")]


@pytest.mark.slow
def test_organisation_encounter_word_is_an_encounter(real_nlp):
    def flagged(extra_terms) -> list[str]:
        doc = EncounterReader(real_nlp, extra_terms)(real_nlp("doorstep chat about the bins."))
        return [s.label_ for s in WhoPresentCheck()(doc).spans["rc_who_present"]]

    assert flagged({}) == []
    assert flagged({"encounter_words_lemma": ["doorstep chat"]}) == [
        "encounter-without-attendees"
    ]


@pytest.mark.slow
def test_the_who_present_table_reaches_the_encounter_words_through_the_pipeline(tmp_path):
    from recordcheck.findings import findings_for
    from recordcheck.nlp import load_pipeline

    note = "doorstep chat about the bins."
    assert not findings_for(load_pipeline()(note))
    rules = write(tmp_path, "r.toml", '[who_present]\nencounter_words = ["doorstep chat"]\n')
    nlp = load_pipeline(rules)
    assert [(f.check, f.cue) for f in findings_for(nlp(note))] == [
        ("who-present", "encounter-without-attendees")
    ]


def test_a_who_present_list_that_no_component_has_is_refused(tmp_path):
    path = write(tmp_path, "r.toml", '[who_present]\nvisit_words = ["doorstep chat"]\n')
    with pytest.raises(RulesError, match="has no list 'visit_words'.*encounter_words"):
        load_rules(path)


def test_chronology_cue_words_extend_the_significant_event_lists(tmp_path):
    path = write(tmp_path, "r.toml", '[chronology]\nharm = ["scald mark"]\n')
    assert load_rules(path) == {"chronology": {"extra_terms": {"harm_lemma": ["scald mark"]}}}


def test_an_unknown_chronology_list_is_reported_with_its_line(tmp_path):
    path = write(tmp_path, "r.toml", '[chronology]\nharms = ["scald mark"]\n')
    with pytest.raises(RulesError, match=r"r\.toml:2: \[chronology\] has no list 'harms'"):
        load_rules(path)


def test_a_rules_files_grades_reach_the_report(tmp_path, write_csv):
    from conftest import stand_in_checker

    from recordcheck.engine import PipelineOptions
    from recordcheck.run import RunOptions, checked_notes

    rules = write(tmp_path, "g.toml", "[grades]\nnames = ['Meets', 'Not yet']\nfrom = [75]\n")
    notes = write_csv("notes.csv", [("N1", "C1", "The flat was messy.")])
    with checked_notes(
        [notes], RunOptions(rules=rules), checker=stand_in_checker(PipelineOptions())
    ) as run:
        report = run.report()
    assert report.grading == {"names": ["Meets", "Not yet"], "from": [75]}
    assert report.to_dict()["grading"] == report.grading  # saved for `render`
