"""Measure the checks against hand-annotated notes: precision, recall, F1, macro-F1.

`opinion` is scored on spans: a finding is correct when at least half of its
characters lie inside gold opinion spans, and a gold span is found when a
correct finding overlaps it. `who-present` and `sharing-rationale` are scored
per note: a note is positive when its gold label is "missing", and predicted
positive when the check has a finding in it. A simple keyword baseline is
scored beside the checks, so every number has something to be compared with.

    recordcheck evaluate corpus/dev/notes.csv corpus/dev/gold.jsonl

With `--record-accuracy`, the figures are also written to the package's
`accuracy.toml`, from which the audit report states how often each check is
right and how much it finds: run it on the blind split once per release.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from recordcheck import __version__
from recordcheck.account import RunAccount
from recordcheck.catalogue import all_checks, check_ids
from recordcheck.contact_scoring import ContactScores
from recordcheck.ingest import read_inputs
from recordcheck.model import Note
from recordcheck.scores import Scores

if TYPE_CHECKING:
    from spacy.language import Language

BATCH_SIZE = 64

# The baseline: what a reviewer with a word list and no parser would do.
BASELINE_OPINION = re.compile(
    r"\b(seemed|seems|appeared|appears|clearly|obviously|manipulative|aggressive|mess|poor|"
    r"difficult|lying|think|fine|ok|hostile|chaotic)\b",
    re.IGNORECASE,
)
BASELINE_ENCOUNTER = re.compile(
    r"\b(visit\w*|meeting|met|review|call(ed)?|rang|seen|saw)\b", re.IGNORECASE
)
BASELINE_ATTENDEES = re.compile(r"\b(present|alone|with)\b", re.IGNORECASE)
BASELINE_SHARING = re.compile(
    r"\b(shared?|referr\w*|emailed|sent|informed|passed|told)\b", re.IGNORECASE
)
BASELINE_REASON = re.compile(r"\b(consent\w*|because)\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"[^.!?\n]+")


@dataclass
class Evaluation:
    """Scores per check for the checks and for the keyword baseline."""

    notes: int = 0
    system: dict[str, Scores] = field(default_factory=lambda: {c: Scores() for c in check_ids()})
    baseline: dict[str, Scores] = field(
        default_factory=lambda: {c: Scores() for c in check_ids()}
    )
    model_versions: dict[str, str] = field(default_factory=dict)
    labelled: set[str] = field(default_factory=set)  # checks the gold file labels
    contacts: ContactScores | None = None  # when the gold file labels contact events
    # the same scores per team (a writer's style), where the notes say which team wrote them
    by_team: dict[str, dict[str, Scores]] = field(default_factory=dict)
    contacts_by_team: dict[str, ContactScores] = field(default_factory=dict)

    def macro_f1(self, scores: dict[str, Scores]) -> float:
        """The mean F1 over the checks the gold file labels (an unlabelled one has no score)."""
        scored = [scores[check].f1 for check in scores if check in self.labelled]
        return sum(scored) / len(scored) if scored else 0.0


def evaluate(
    notes_path: str | Path, gold_path: str | Path, nlp: Language | None = None
) -> Evaluation:
    """Run the checks over the notes, by the same path `recordcheck check` takes,
    and score them against the gold annotations. ``nlp`` replaces the pipeline
    a run would load (the tests pass one already loaded)."""
    from recordcheck.engine import NoteChecker, run
    from recordcheck.run import own_service_settings

    gold = read_gold(gold_path)
    notes = [n for n in read_inputs([notes_path]) if isinstance(n, Note) and n.note_id in gold]
    # as in a real run, every author of the export is staff, and a colleague of their own
    # team's notes: never a partner (run.py builds the same settings from an export)
    authors: dict[str, dict[str, None]] = {}
    for note in notes:
        if note.author:
            authors.setdefault(note.author, {})[note.team] = None
    # a corpus pools several services: an author is a colleague of their own team's notes
    team_staff: dict[str, list[str]] = {}
    for note in notes:
        if note.author and note.author not in team_staff.setdefault(note.team, []):
            team_staff[note.team].append(note.author)
    loader = (lambda options: NoteChecker.for_pipeline(nlp, options)) if nlp else None
    account = RunAccount()
    result = Evaluation()
    with_contacts = any("contacts" in labels for labels in gold.values())
    if with_contacts:
        result.contacts = ContactScores()
    checked_notes = run(
        notes, jobs=1, batch_size=BATCH_SIZE, loader=loader, account=account,
        partners=with_contacts, own_service=own_service_settings([], [], authors),
    )
    for checked in checked_notes:
        note = checked.note
        if result.contacts is not None and "contacts" in gold[note.note_id]:
            labelled = gold[note.note_id]["contacts"]
            result.contacts.add_note(
                note.case_id, checked.contacts, labelled, note.team, team_staff.get(note.team, [])
            )
            if note.team:
                team_contacts = result.contacts_by_team.setdefault(note.team, ContactScores())
                team_contacts.add_note(note.case_id, checked.contacts, labelled, note.team)
        predicted = {check: [] for check in check_ids()}
        for finding in checked.findings:
            predicted[finding.check].append((finding.start, finding.end))
        score_note(result.system, predicted, gold[note.note_id])
        if note.team:
            team = result.by_team.setdefault(note.team, {c: Scores() for c in check_ids()})
            score_note(team, predicted, gold[note.note_id])
        result.labelled.update(s.id for s in all_checks() if s.gold_key in gold[note.note_id])
        score_note(result.baseline, baseline_findings(note.text), gold[note.note_id])
    result.notes = account.notes_checked
    result.model_versions = dict(account.model_versions)
    if result.contacts is not None:
        result.contacts.finish()
    for team_contacts in result.contacts_by_team.values():
        team_contacts.finish()
    return result


def read_gold(path: str | Path) -> dict[str, dict]:
    gold = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                entry = json.loads(line)
                gold[entry["note_id"]] = entry
    return gold


def score_note(
    scores: dict[str, Scores], predicted: dict[str, list[tuple[int, int]]], gold: dict
) -> None:
    """Add one note to every check's counts: span by span, or note by note, as declared.

    A check the gold file does not label is left out of the note's counts.
    """
    for spec in all_checks():
        if spec.gold_key not in gold:
            continue
        found, label = predicted.get(spec.id, []), gold[spec.gold_key]
        if spec.unit == "span":
            score_spans(scores[spec.id], found, [tuple(s) for s in label])
            continue
        scores[spec.id].count(flagged=bool(found), actual=label == "missing")


def score_spans(scores: Scores, found: list[tuple[int, int]], gold: list[tuple[int, int]]) -> None:
    correct = [span for span in found if _inside(span, gold) * 2 >= span[1] - span[0]]
    scores.true_positives += len(correct)
    scores.false_positives += len(found) - len(correct)
    scores.false_negatives += sum(1 for g in gold if not any(_overlap(c, g) for c in correct))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _inside(span: tuple[int, int], gold: Iterable[tuple[int, int]]) -> int:
    return sum(_overlap(span, g) for g in gold)


def baseline_findings(text: str) -> dict[str, list[tuple[int, int]]]:
    """The keyword baseline's findings: sentences with an opinion word; note-level word tests."""
    opinion = [m.span() for m in SENTENCE_END.finditer(text) if BASELINE_OPINION.search(m.group())]
    whole = [(0, len(text))]
    encounter = BASELINE_ENCOUNTER.search(text) and not BASELINE_ATTENDEES.search(text)
    sharing = BASELINE_SHARING.search(text) and not BASELINE_REASON.search(text)
    return {
        "opinion": opinion,
        "who-present": whole if encounter else [],
        "sharing-rationale": whole if sharing else [],
    }


def format_evaluation(result: Evaluation) -> str:
    """A plain table: one row per check, the checks beside the keyword baseline."""
    ours = f"{'check':<19}{'precision':>10}{'recall':>8}{'F1':>7}"
    header = f"{ours}   {'baseline P':>10}{'R':>6}{'F1':>6}"
    rows = [f"Evaluated {result.notes} notes.", header, "-" * len(header)]
    for check in check_ids():
        ours, base = result.system[check], result.baseline[check]
        if check not in result.labelled:
            rows.append(f"{check:<19}{'not labelled in the gold file':>40}")
            continue
        rows.append(
            f"{check:<19}{ours.precision:>10.2f}{ours.recall:>8.2f}{ours.f1:>7.2f}   "
            f"{base.precision:>10.2f}{base.recall:>6.2f}{base.f1:>6.2f}"
        )
    rows.append(
        f"{'macro-F1':<19}{'':>18}{result.macro_f1(result.system):>7.2f}   "
        f"{'':>16}{result.macro_f1(result.baseline):>6.2f}"
    )
    if result.by_team:
        rows.extend(_team_rows(result))
    if result.contacts is not None:
        rows.extend(_contact_rows(result.contacts))
        rows.extend(_contact_team_rows(result.contacts_by_team))
    rows.append("Models: " + ", ".join(f"{k} {v}" for k, v in result.model_versions.items()))
    return "\n".join(rows)


def _team_rows(result: Evaluation) -> list[str]:
    """F1 per check for each team, weakest first, so a style the checks miss shows."""
    checks = [check for check in check_ids() if check in result.labelled]
    rows = ["", f"{'team (writer style)':<44}" + "".join(f"{c[:17]:>18}" for c in checks)]
    teams = sorted(result.by_team.items(), key=lambda item: result.macro_f1(item[1]))
    for team, scores in teams:
        name = team if len(team) <= 42 else team[:41] + "…"
        rows.append(f"{name:<44}" + "".join(f"{scores[c].f1:>18.2f}" for c in checks))
    return rows


def _contact_team_rows(by_team: dict[str, ContactScores]) -> list[str]:
    """Contact precision and recall per team, weakest precision first."""
    if not by_team:
        return []
    rows = ["", f"{'contacts per team':<44}{'precision':>10}{'recall':>8}"]
    for team, scores in sorted(by_team.items(), key=lambda item: item[1].contacts.precision):
        name = team if len(team) <= 42 else team[:41] + "…"
        rows.append(f"{name:<44}{scores.contacts.precision:>10.2f}{scores.contacts.recall:>8.2f}")
    return rows


def _contact_rows(scores: ContactScores) -> list[str]:
    rows = ["", f"{'contact events':<19}{'precision':>10}{'recall':>8}"]
    units = (("note + agency", scores.contacts), ("agencies per case", scores.agencies))
    for name, counts in units:
        rows.append(f"{name:<19}{counts.precision:>10.2f}{counts.recall:>8.2f}")
    accuracies = [
        f"{attribute} {value:.2f}"
        for attribute in ("direction", "status", "rationale", "outcome")
        if (value := scores.accuracy(attribute)) is not None
    ]
    rows.append("attribute accuracy on matched contacts: " + ", ".join(accuracies))
    if scores.shared.counted:
        rows.append(
            f"what was shared, filled where the labels record it: precision "
            f"{scores.shared.precision:.2f}, recall {scores.shared.recall:.2f}"
        )
    rows.append(f"own team listed as a partner: {scores.own_service_listed}")
    rows.append(f"an author of the export listed as a partner's person: {scores.authors_listed}")
    return rows


# the file the audit report's accuracy statement reads (report/accuracy_statement.py)
ACCURACY_FILE = Path(str(files("recordcheck") / "accuracy.toml"))


def accuracy_toml(result: Evaluation, split: str, about: str, measured: date) -> str:
    """The evaluation as the audit report's accuracy data: the split, when, and P/R per check."""
    lines = [
        "# How often each check is right (precision) and how much it finds (recall), on notes",
        "# the checks were never built on. Written by `recordcheck evaluate NOTES GOLD",
        "# --record-accuracy`; the audit report's method section states these figures.",
        f"split = {json.dumps(split)}",
        f"about = {json.dumps(about)}",
        f"notes = {result.notes}",
        f"measured = {measured.isoformat()}",
        f"tool_version = {json.dumps(__version__)}",
    ]
    for check in check_ids():
        if check not in result.labelled:
            continue
        scores = result.system[check]
        lines += [
            "",
            f"[checks.{json.dumps(check)}]",
            f"precision = {scores.precision:.2f}",
            f"recall = {scores.recall:.2f}",
            f"true_positives = {scores.true_positives}",
            f"false_positives = {scores.false_positives}",
            f"false_negatives = {scores.false_negatives}",
        ]
    return "\n".join(lines) + "\n"


def record_accuracy(result: Evaluation, notes_path: Path, path: Path = ACCURACY_FILE) -> Path:
    """Write the accuracy data; the split is named after the notes' folder, and a
    description already written there for the same split is kept."""
    split = Path(notes_path).resolve().parent.name
    about = ""
    if path.is_file():
        previous = tomllib.loads(path.read_text(encoding="utf-8"))
        about = previous.get("about", "") if previous.get("split") == split else ""
    path.write_text(accuracy_toml(result, split, about, date.today()), encoding="utf-8")
    return path
