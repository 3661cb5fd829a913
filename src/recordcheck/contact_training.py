"""Train the contact gate (`recordcheck.events.contact_gate`) on hand-labelled contacts.

    python -m recordcheck.contact_training corpus/writers-dev/notes.csv \
        corpus/writers-dev/gold.jsonl --output src/recordcheck/events/contact_gate.json

Every partner mention the rules read becomes a candidate; it is a contact when
a labelled done or attempted contact of the same note names the same partner
and its evidence lies in the mention's sentence. The model is checked by
leaving one writer out at a time (notes are grouped by their team, one writer
per team in the writers' corpus): trained on the others, scored on the one left
out. The two thresholds are chosen on those held-out scores, for precision
first (F0.5), and the figures per writer are printed beside the rules alone so
that a weak style shows. The model saved is then trained on every writer.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from recordcheck.contact_scoring import COUNTED, ContactScores, same_agency
from recordcheck.evaluate import read_gold
from recordcheck.events.contact_gate import Candidate, ContactGate
from recordcheck.events.merging import STATUS_RANK, one_per_agency
from recordcheck.ingest import read_inputs
from recordcheck.model import Note

L2 = 10.0  # strong: a few thousand labelled mentions, and writers differ
STEPS = 400
LEARNING_RATE = 0.1
MIN_COUNT = 2  # a feature seen once in training says nothing about other writers
KEEP_GRID = [round(0.05 * i, 2) for i in range(1, 19)]
RESCUE_GRID = [round(0.05 * i, 2) for i in range(10, 20)] + [1.01]  # 1.01: never rescue
BETA = 0.5  # precision counts twice as much as recall


@dataclass(frozen=True)
class LabelledNote:
    note: Note
    candidates: tuple[Candidate, ...]
    labels: tuple[bool, ...]
    gold: tuple[dict, ...]


def collect(notes_path: str | Path, gold_path: str | Path) -> list[LabelledNote]:
    """Each labelled note's candidates, as the pipeline reads them, with their labels."""
    from recordcheck.engine import PipelineOptions, load_checker
    from recordcheck.nlp import note_doc

    gold = read_gold(gold_path)
    notes = [n for n in read_inputs([notes_path]) if isinstance(n, Note)]
    notes = [n for n in notes if "contacts" in gold.get(n.note_id, {})]
    staff = list(dict.fromkeys(note.author for note in notes if note.author))
    nlp = load_checker(PipelineOptions(partners=True, own_service={"staff": staff})).nlp
    reader = nlp.get_pipe("rc_contact_events")
    reader.gate = None  # the rules alone, as the model will see them
    collected = []
    docs = nlp.pipe((note_doc(nlp, note) for note in notes), batch_size=64)
    for note, doc in zip(notes, docs, strict=True):
        labelled = tuple(c for c in gold[note.note_id]["contacts"] if c.get("status") in COUNTED)
        candidates = tuple(reader.candidates(doc))
        labels = tuple(_is_contact(c, labelled) for c in candidates)
        kept = tuple(
            replace(c, mention=None, sentence=None, reading=replace(c.reading, party=None))
            for c in candidates
        )
        collected.append(LabelledNote(note, kept, labels, labelled))
    return collected


def _is_contact(candidate: Candidate, labelled: tuple[dict, ...]) -> bool:
    sentence, event = candidate.sentence, candidate.event
    for label in labelled:
        if not same_agency(event.agency, event.agency_type, label["agency"],
                           label.get("agency_type", "")):
            continue
        evidence = label.get("evidence") or [sentence.start_char, sentence.end_char]
        if evidence[0] < sentence.end_char and sentence.start_char < evidence[1]:
            return True
    return False


class Features:
    """Feature names to columns, for the features seen often enough in training."""

    def __init__(self, rows: list[tuple[str, ...]]):
        counts: dict[str, int] = defaultdict(int)
        for row in rows:
            for feature in set(row):
                counts[feature] += 1
        self.index = {f: i for i, f in enumerate(sorted(f for f, n in counts.items()
                                                          if n >= MIN_COUNT))}

    def columns(self, row: tuple[str, ...]) -> list[int]:
        return sorted({self.index[f] for f in row if f in self.index})


def fit(rows: list[tuple[str, ...]], labels: list[bool]) -> ContactGate:
    """Logistic regression with L2, by full-batch gradient descent (Adam steps)."""
    features = Features(rows)
    columns = [features.columns(row) for row in rows]
    flat = np.array([c for row in columns for c in row], dtype=np.int64)
    owner = np.repeat(np.arange(len(rows)), [len(row) for row in columns])
    y = np.array(labels, dtype=float)
    weights, bias = np.zeros(len(features.index)), 0.0
    moments = [np.zeros_like(weights), np.zeros_like(weights), 0.0, 0.0]
    for step in range(1, STEPS + 1):
        z = np.bincount(owner, weights=weights[flat], minlength=len(rows)) + bias
        error = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))) - y
        grad_w = np.bincount(flat, weights=error[owner], minlength=len(weights)) / len(rows)
        grad_w += L2 * weights / len(rows)
        grad_b = error.mean()
        weights, moments[0], moments[1] = _adam(weights, grad_w, moments[0], moments[1], step)
        bias, moments[2], moments[3] = _adam(bias, grad_b, moments[2], moments[3], step)
    named = {f: round(float(weights[i]), 4) for f, i in features.index.items() if weights[i]}
    return ContactGate(named, round(float(bias), 4), keep=0.5, rescue=0.9)


def _adam(value, grad, first, second, step):
    first = 0.9 * first + 0.1 * grad
    second = 0.999 * second + 0.001 * grad * grad
    corrected = first / (1 - 0.9**step) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
    return value - LEARNING_RATE * corrected, first, second


def held_out_scores(notes: list[LabelledNote]) -> list[list[float]]:
    """Each note's candidate scores from a model trained without its writer's notes."""
    writers = sorted({n.note.team for n in notes})
    scores: list[list[float]] = [[] for _ in notes]
    for writer in writers:
        train = [n for n in notes if n.note.team != writer]
        gate = fit([c.features for n in train for c in n.candidates],
                   [label for n in train for label in n.labels])
        for i, n in enumerate(notes):
            if n.note.team == writer:
                scores[i] = [gate.score(c.features) for c in n.candidates]
    return scores


def measure(
    notes: list[LabelledNote], scores, gate: ContactGate | None
) -> dict[str, ContactScores]:
    """Contact scores over all notes ("all") and per writer, with the gate or rules alone."""
    found: dict[str, ContactScores] = defaultdict(ContactScores)
    for n, note_scores in zip(notes, scores, strict=True):
        if gate is None:
            kept = [c for c in n.candidates if c.reading.verdict in STATUS_RANK]
        else:
            kept = gate.select(n.candidates, note_scores)
        events = one_per_agency([c.event for c in kept])
        for key in ("all", n.note.team):
            found[key].add_note(n.note.case_id, events, n.gold, n.note.team)
    for result in found.values():
        result.finish()
    return found


def choose_thresholds(notes, scores) -> tuple[float, float]:
    best, chosen = -1.0, (0.5, 1.01)
    for keep in KEEP_GRID:
        for rescue in RESCUE_GRID:
            counts = measure(notes, scores, ContactGate({}, 0.0, keep, rescue))["all"].contacts
            p, r = counts.precision, counts.recall
            f = (1 + BETA**2) * p * r / (BETA**2 * p + r) if p + r else 0.0
            if f > best:
                best, chosen = f, (keep, rescue)
    return chosen


def report(rules: dict[str, ContactScores], gated: dict[str, ContactScores]) -> str:
    rows = [f"{'writer (team)':<46}{'rules P':>8}{'R':>6}{'gate P':>8}{'R':>6}"
            f"{'agencies P':>11}{'R':>6}"]
    for key in sorted(rules, key=lambda k: (k != "all", k)):
        a, b = rules[key].contacts, gated[key].contacts
        agencies = gated[key].agencies
        rows.append(f"{key[:45]:<46}{a.precision:>8.2f}{a.recall:>6.2f}{b.precision:>8.2f}"
                    f"{b.recall:>6.2f}{agencies.precision:>11.2f}{agencies.recall:>6.2f}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notes")
    parser.add_argument("gold")
    parser.add_argument("--output", type=Path, help="where to save the trained gate (JSON)")
    args = parser.parse_args(argv)
    notes = collect(args.notes, args.gold)
    scores = held_out_scores(notes)
    keep, rescue = choose_thresholds(notes, scores)
    print(f"thresholds chosen on held-out writers: keep {keep}, rescue {rescue}")
    gate = ContactGate({}, 0.0, keep, rescue)
    print(report(measure(notes, scores, None), measure(notes, scores, gate)))
    if args.output:
        trained = fit([c.features for n in notes for c in n.candidates],
                      [label for n in notes for label in n.labels])
        data = {**trained.to_dict(), "keep": keep, "rescue": rescue}
        text = json.dumps(data, sort_keys=True)
        data["version"] = hashlib.sha256(text.encode()).hexdigest()[:12]
        args.output.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"saved {args.output} ({len(trained.weights)} weights)")


if __name__ == "__main__":
    main()
