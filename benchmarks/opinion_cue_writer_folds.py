"""Which opinion cues are wrong for most writers who use them, chosen with writers held out.

    PYTHONPATH=src python benchmarks/opinion_cue_writer_folds.py --corpus corpus \
        --trace TRACE_DIR writers-dev writers-fresh train dev styles test

Runs the real pipeline once per split and keeps, for every finding, the word-list
entries and readings that made it ("vague_evaluations:appropriate", "state:upset",
"amount:sleep", "unlisted:young", "motive") and whether gold agrees (evaluate's span
rule). Each writer is a note_id prefix (W01...); the older splits count as one writer each.

An entry is dropped when, over the training writers of a fold, at least MIN_WRITERS
writers have findings it alone made, it is right in at most MAX_PRECISION of them, it
is wrong (more false than right) for at least WRONG_SHARE of those writers, and it makes
no right finding in the older splits. Five folds of four development writers each: the
report gives each fold's held-out precision and recall with and without the entries
chosen on the other writers. Dropping an entry is simulated (its findings go when no
other entry made them); a word a reading also knows may still be found by that reading,
so confirm a choice by running evaluate. Never run it on the blind split.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from recordcheck.checks.opinion import claims
from recordcheck.checks.opinion.states import INNER_STATES
from recordcheck.evaluate import read_gold, score_spans
from recordcheck.ingest import read_inputs
from recordcheck.model import Note
from recordcheck.nlp import load_pipeline, note_doc
from recordcheck.scores import Scores

MIN_WRITERS = 3
MAX_PRECISION = 0.25
WRONG_SHARE = 0.6
FOLDS = 5
FORBIDDEN = "writers-blind"


def traced_pipeline():
    """The real pipeline, with each list candidate remembering the entry that found it
    (claims.candidate_for is wrapped: the Candidate itself does not keep its word)."""
    provenance: dict[tuple, str] = {}
    found_by_list = claims.candidate_for

    def candidate_for(match, cue, weak):
        candidate = found_by_list(match, cue, weak)
        source = "unlisted" if weak and match.label_ == "vague_evaluations" else match.label_
        words = " ".join(t.lemma_.lower() for t in match)
        provenance[(candidate.clause.start, candidate.clause.end, cue, weak)] = f"{source}:{words}"
        return candidate

    claims.candidate_for = candidate_for
    return load_pipeline(), provenance


def state_reading(candidate) -> str:
    """The reading of states.py a candidate came from: an amount, a verdict line, a state."""
    if candidate.reading:
        return f"amount:{candidate.clause.root.lemma_.lower()}"
    if candidate.cue == "vague-evaluation":
        return "verdict-line"
    word = next((t.lower_ for t in candidate.clause if t.lower_ in INNER_STATES), "")
    return f"state:{word}"


def trace_split(nlp, provenance, corpus: Path, split: str) -> list[dict]:
    """One row per note: its writer, gold spans and findings with the entries behind them."""
    if FORBIDDEN in split:
        raise SystemExit("the blind writers are held out: never trace them")
    check = nlp.get_pipe("rc_opinion")
    gold = read_gold(corpus / split / "gold.jsonl")
    rows = []
    for note in read_inputs([corpus / split / "notes.csv"]):
        if not isinstance(note, Note):
            continue
        doc = note_doc(nlp, note)
        for name, component in nlp.pipeline:
            if name == "rc_opinion":
                break
            doc = component(doc)
        provenance.clear()
        listed = check.claims.candidates(doc, unlisted=check.classifier is not None)
        states = check.states.candidates(doc, listed)
        # a list candidate with no entry behind it is a motive (motives.py)
        readings = [
            provenance.get((c.clause.start, c.clause.end, c.cue, c.weak), "motive") for c in listed
        ]
        readings += [state_reading(c) for c in states]
        candidates = listed + states
        # the entries behind a finding are those of the candidates the classifier kept
        kept = [(c, r) for c, r in zip(candidates, readings, strict=True) if check.confirmed([c])]
        findings = []
        for span in check.confirmed(candidates):
            keys = {r for c, r in kept if c.clause.start < span.end and span.start < c.clause.end}
            findings.append([span.start_char, span.end_char, sorted(keys)])
        writer = note.note_id[:3] if split.startswith("writers") else split
        spans = [list(s) for s in gold.get(note.note_id, {}).get("opinion", [])]
        rows.append({"writer": writer, "gold": spans, "findings": findings})
    return rows


def scored(rows: list[dict], dropped: frozenset[str] = frozenset()) -> Scores:
    scores = Scores()
    for row in rows:
        found = [(s, e) for s, e, keys in row["findings"] if not keys or not set(keys) <= dropped]
        score_spans(scores, found, [tuple(g) for g in row["gold"]])
    return scores


def right(finding, gold) -> bool:
    probe = Scores()
    score_spans(probe, [tuple(finding[:2])], [tuple(g) for g in gold])
    return probe.true_positives == 1


def chosen_drops(rows: list[dict]) -> frozenset[str]:
    """The entries wrong for most training writers who use them (module docstring)."""
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for row in rows:
        for finding in row["findings"]:
            if len(finding[2]) == 1:
                counts[finding[2][0]][row["writer"]][0 if right(finding, row["gold"]) else 1] += 1
    drops = set()
    for key, by_writer in counts.items():
        writers = [w for w in by_writer if w.startswith("W")]
        right_count = sum(v[0] for v in by_writer.values())
        total = sum(sum(v) for v in by_writer.values())
        wrong_for = sum(1 for w in writers if by_writer[w][1] > by_writer[w][0])
        old_right = sum(v[0] for w, v in by_writer.items() if not w.startswith("W"))
        if (
            len(writers) >= MIN_WRITERS
            and right_count <= MAX_PRECISION * total
            and wrong_for >= WRONG_SHARE * len(writers)
            and old_right == 0
        ):
            drops.add(key)
    return frozenset(drops)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--trace", type=Path, required=True, help="where traces are kept")
    parser.add_argument("splits", nargs="+")
    args = parser.parse_args()
    args.trace.mkdir(parents=True, exist_ok=True)
    rows, nlp = [], None
    for split in args.splits:
        path = args.trace / f"{split}.json"
        if not path.exists():
            if nlp is None:
                nlp, provenance = traced_pipeline()
            path.write_text(json.dumps(trace_split(nlp, provenance, args.corpus, split)))
        rows += json.loads(path.read_text())
    writers = sorted({r["writer"] for r in rows if r["writer"].startswith("W")})
    totals = {"before": Scores(), "after": Scores()}
    for fold in range(FOLDS):
        held = set(writers[fold::FOLDS])
        drops = chosen_drops([r for r in rows if r["writer"] not in held])
        test = [r for r in rows if r["writer"] in held]
        before, after = scored(test), scored(test, drops)
        for name, scores in (("before", before), ("after", after)):
            total = totals[name]
            total.true_positives += scores.true_positives
            total.false_positives += scores.false_positives
            total.false_negatives += scores.false_negatives
        print(
            f"fold {fold + 1} ({', '.join(sorted(held))}): P/R {before.precision:.3f}/"
            f"{before.recall:.3f} -> {after.precision:.3f}/{after.recall:.3f}; "
            f"dropped {', '.join(sorted(drops))}"
        )
    for name, total in totals.items():
        print(f"summed {name}: P {total.precision:.3f} R {total.recall:.3f}")
    print("chosen on every writer:", ", ".join(sorted(chosen_drops(rows))))


if __name__ == "__main__":
    main()
