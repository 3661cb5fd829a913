"""Scoring the checks against gold annotations."""

from __future__ import annotations

import csv
import json
from dataclasses import replace

import pytest

from recordcheck.evaluate import (
    Scores,
    baseline_findings,
    evaluate,
    format_evaluation,
    score_spans,
)

HEADER = ["note_id", "case_id", "date", "time", "author", "note_type", "text"]


def write_corpus(folder, notes):
    """notes: (note_id, note_type, text, opinion quotes, who_present, sharing_rationale)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "notes.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for note_id, note_type, text, *_ in notes:
            writer.writerow([note_id, "C1", "2025-03-14", "10:00", "J. Okafor", note_type, text])
    with open(folder / "gold.jsonl", "w", encoding="utf-8") as handle:
        for note_id, _, text, quotes, who, why in notes:
            spans = [[text.index(q), text.index(q) + len(q)] for q in quotes]
            gold = {
                "note_id": note_id,
                "opinion": spans,
                "who_present": who,
                "sharing_rationale": why,
            }
            handle.write(json.dumps(gold) + "\n")
    return folder / "notes.csv", folder / "gold.jsonl"


SMALL_CORPUS = [
    (
        "1",
        "Home Visit",
        "Home visit. The kitchen seemed dirty.",
        ["The kitchen seemed dirty"],
        "missing",
        "n/a",
    ),
    ("2", "Email", "Referral sent to MASH.", [], "n/a", "missing"),
    ("3", "Home Visit", "Home visit, Mrs A seen alone. She said she is fine.", [], "ok", "n/a"),
    (
        "4",
        "Case Note",
        "He is manipulative. Agreed to review in a week.",
        ["He is manipulative"],
        "n/a",
        "n/a",
    ),
]


def test_a_finding_counts_when_half_of_it_is_inside_gold():
    scores = Scores()
    score_spans(scores, found=[(0, 10), (20, 30)], gold=[(5, 12), (40, 50)])
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (1, 1, 1)
    assert scores.precision == 0.5 and scores.recall == 0.5 and scores.f1 == 0.5


def test_empty_scores_are_zero_not_an_error():
    assert (Scores().precision, Scores().recall, Scores().f1) == (0.0, 0.0, 0.0)


def test_baseline_flags_by_keywords_only():
    found = baseline_findings("Home visit. Mum seemed drunk. Emailed the GP.")
    assert found["opinion"] == [(11, 28)]
    assert found["who-present"] and found["sharing-rationale"]
    assert not baseline_findings("Met with mum, shared with consent.")["who-present"]


@pytest.mark.slow
def test_evaluate_scores_the_real_checks(real_nlp, tmp_path):
    notes, gold = write_corpus(tmp_path / "dev", SMALL_CORPUS)
    result = evaluate(notes, gold, nlp=real_nlp)
    assert result.notes == 4
    assert result.system["opinion"].true_positives == 2
    assert result.system["who-present"].true_positives == 1
    assert result.system["sharing-rationale"].true_positives == 1
    assert result.macro_f1(result.system) == pytest.approx(1.0)
    table = format_evaluation(result)
    for row in ("opinion", "who-present", "sharing-rationale", "macro-F1", "baseline"):
        assert row in table


def test_figures_per_team_show_the_weakest_style_first():
    from recordcheck.evaluate import Evaluation, Scores, format_evaluation

    result = Evaluation(notes=2, labelled={"opinion", "who-present", "sharing-rationale"})
    strong = {check: Scores(2, 0, 0) for check in result.system}
    weak = {check: Scores(1, 1, 1) for check in result.system}
    result.by_team = {"Night team": weak, "Day team": strong}
    lines = format_evaluation(result).splitlines()
    teams = [line.split()[0] for line in lines if line.startswith(("Night", "Day"))]
    assert teams == ["Night", "Day"]
    assert any(line.startswith("Night team") and "0.50" in line for line in lines)


def test_recorded_accuracy_is_what_the_audit_report_reads(tmp_path):
    import tomllib

    from recordcheck.evaluate import Evaluation, Scores, record_accuracy
    from recordcheck.report.accuracy_statement import accuracy_lines

    result = Evaluation(notes=40, labelled={"opinion", "who-present"})
    result.system["opinion"] = Scores(true_positives=3, false_positives=1, false_negatives=6)
    target = tmp_path / "accuracy.toml"
    target.write_text('split = "blind"\nabout = "by two writers"\n', encoding="utf-8")
    split = tmp_path / "blind"
    split.mkdir()
    record_accuracy(result, split / "notes.csv", target)
    written = tomllib.loads(target.read_text(encoding="utf-8"))
    assert (written["split"], written["about"], written["notes"]) == ("blind", "by two writers", 40)
    assert written["checks"]["opinion"]["precision"] == 0.75
    assert written["checks"]["opinion"]["recall"] == 0.33
    assert "sharing-rationale" not in written["checks"]  # not labelled, not claimed
    opening, checks, closing = accuracy_lines(written, ["opinion", "sharing-rationale"])
    assert checks == [(
        "Opinion recorded as fact",
        "of every 100 findings the tool makes, about 75 are right; of every 100 passages that "
        "fall short, it finds about 33 (from 4 findings and 9 passages that fell short).",
    )]
    assert "Fewer than half" not in closing


def test_contact_figures_per_team_show_the_weakest_style_first():
    from recordcheck.contact_scoring import ContactScores
    from recordcheck.evaluate import _contact_team_rows
    from recordcheck.model import ContactEvent

    police = ContactEvent(agency="Thames Valley Police", agency_type="police", start=0, end=3)
    label = {"agency": "Thames Valley Police", "agency_type": "police", "status": "done"}
    strong, weak = ContactScores(), ContactScores()
    strong.add_note("C1", [police], [label])
    weak.add_note("C2", [police, replace(police, agency="Oakfield Surgery")], [label])
    rows = _contact_team_rows({"Housing team": strong, "Hostel team": weak})
    assert [row.split()[0] for row in rows[2:]] == ["Hostel", "Housing"]
    assert rows[2].split()[-2:] == ["0.50", "1.00"]


def test_an_unnamed_agency_matches_a_label_of_its_kind_for_every_labelled_type():
    from recordcheck.contact_scoring import same_agency

    # the labellers' types that have a kind of their own in the agency lexicon
    assert same_agency("Care provider (not named)", "care provider", "the agency", "care provider")
    assert same_agency("DWP / benefits (not named)", "benefits", "UC", "DWP or benefits")
    assert same_agency(
        "Drug and alcohol service (not named)", "drug and alcohol", "the team", "drug and alcohol"
    )
    assert same_agency(
        "Environmental health (not named)", "regulator", "EHO", "environmental health"
    )
    # a kind the lexicon has no type for still never matches an unnamed agency of another kind
    assert not same_agency(
        "Care provider (not named)", "care provider", "the court", "legal or court"
    )


def test_a_label_naming_only_a_kind_or_an_alias_matches_its_agency():
    from recordcheck.contact_scoring import same_agency

    # a lexicon alias is its agency
    assert same_agency("Office of the Public Guardian", "other", "OPG", "other")
    # "GP", "DN", "ASC duty": kinds of service, not names of one organisation
    assert same_agency("Millbrook Surgery", "health", "GP", "GP")
    assert same_agency("Ashcombe District Nurses", "health", "DN", "community health")
    assert same_agency("Kelsford Adult Social Care", "mash", "ASC duty", "adult social care")
    # a label with a name of its own still needs a shared word
    assert not same_agency("Kelsford Adult Social Care", "mash", "Ashbridge MBC ASC",
                           "adult social care")


def test_pairs_are_made_so_that_a_kinds_label_does_not_take_a_named_partner():
    from recordcheck.contact_scoring import ContactScores
    from recordcheck.model import ContactEvent

    found = [
        ContactEvent("ICB Quality & Safeguarding", "mash", 0, 3),
        ContactEvent("Adult social care (authority not named)", "mash", 4, 6),
    ]
    labels = [
        {"agency": "ASC", "agency_type": "adult social care", "status": "done"},
        {"agency": "ICB Quality & Safeguarding", "agency_type": "ICB", "status": "done"},
    ]
    scores = ContactScores()
    scores.add_note("C1", found, labels)
    assert (scores.contacts.true_positives, scores.contacts.false_positives) == (2, 0)


def test_a_partner_sharing_the_teams_place_name_is_no_own_team_listed():
    from recordcheck.contact_scoring import ContactScores
    from recordcheck.model import ContactEvent

    def listed(agency: str, agency_type: str, team: str) -> int:
        scores = ContactScores()
        scores.add_note("C1", [ContactEvent(agency, agency_type, 0, 3)], [], own_team=team)
        return scores.own_service_listed

    assert listed("Northmoor Police", "police", "Probation Service - Kelsford PDU (Northmoor)") == 0
    assert listed("Kestrel Vale Housing", "housing", "Kestrel Vale Housing - Neighbourhoods") == 1


def test_an_author_of_the_export_listed_as_a_partners_person_is_counted():
    from recordcheck.contact_scoring import ContactScores
    from recordcheck.model import ContactEvent

    def listed(person: str) -> int:
        event = ContactEvent(agency="Oakfield Surgery", agency_type="health", start=0, end=3,
                             person=person)
        scores = ContactScores()
        scores.add_note("C1", [event], [], authors=["Dr Tom Ashworth", "Kerry Walsh"])
        return scores.authors_listed

    assert listed("Dr Ashworth") == 1
    assert listed("T. Ashworth") == 1
    assert listed("Kerry Walsh") == 1
    assert listed("Dr Shah") == 0
    assert listed("Dr Sarah Ashworth") == 0  # another doctor of the same surname
    assert listed("PC Ashworth") == 0  # another agency's officer who shares the surname
    assert listed("") == 0


def test_contacts_are_scored_for_notes_whose_export_names_no_author(real_nlp, tmp_path):
    """A labelled export with no author column still has its contacts scored (the author
    count looked up the authors of the note's team and raised when it had none)."""
    folder = tmp_path / "no-authors"
    folder.mkdir()
    text = "Rang the GP and booked an appointment for Friday."
    with open(folder / "notes.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerow(["1", "C1", "2025-03-14", "10:00", "", "Phone call", text])
    label = {"agency": "the GP", "agency_type": "GP", "direction": "out", "status": "done"}
    gold = {"note_id": "1", "opinion": [], "who_present": "ok", "sharing_rationale": "n/a",
            "contacts": [label]}
    (folder / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    result = evaluate(folder / "notes.csv", folder / "gold.jsonl", nlp=real_nlp)
    assert result.contacts.contacts.true_positives == 1
    assert result.contacts.authors_listed == 0


def test_what_was_shared_is_scored_by_whether_a_cell_is_filled_where_the_labels_record_it():
    from recordcheck.contact_scoring import ContactScores
    from recordcheck.model import ContactEvent

    def event(agency: str, shared: str, direction: str = "out") -> ContactEvent:
        return ContactEvent(agency, "other", 0, 3, direction=direction, status="done",
                            shared=shared)

    def label(agency: str, shared: str, direction: str = "out") -> dict:
        return {"agency": agency, "agency_type": "other", "status": "done",
                "direction": direction, "shared": shared}

    scores = ContactScores()
    found = [event("Oakfield Surgery", "the fall"), event("Kelsford Police", "the date"),
             event("Riverside School", ""), event("Westmoor MASH", "", direction="in")]
    labels = [label("Oakfield Surgery", "the fall"), label("Kelsford Police", ""),
              label("Riverside School", "attendance"), label("Westmoor MASH", "a referral")]
    scores.add_note("C1", found, labels)
    # an incoming contact is not asked what went out
    assert (scores.shared.true_positives, scores.shared.false_positives,
            scores.shared.false_negatives) == (1, 1, 1)
