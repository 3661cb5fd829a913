"""Does training the opinion classifier on more writers help on writers it has not seen?

    PYTHONPATH=src python benchmarks/opinion_writer_folds.py \
        --corpus corpus --dev writers-dev [--folds 4] [--inner-groups 3]

Leave-writer-out on the writers' dev split (the writer is the note id prefix,
W01..W16; `--folds 4` holds out four groups of writers instead, for speed).
Each dev note is parsed once by the real pipeline, and the opinion check's
candidates are kept; only the classifier that confirms them changes.
For each writer in turn a classifier is trained (`recordcheck.train`) on the
train split plus the other dev writers and scored on the held-out writer's
notes with `evaluate`'s span rule; the shipped model is scored on the same
notes. The variation: the weak-cue threshold, chosen inside each fold by
inner folds over the training writers (precision first: the best F1 among
thresholds that keep the inner precision of the shipped threshold).
The blind split is never read.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from spacy.tokens import Doc

from recordcheck.checks.opinion.classifier import LABEL, SentenceClassifier
from recordcheck.checks.opinion.spans import merge_by_clause
from recordcheck.evaluate import read_gold, score_spans
from recordcheck.ingest import read_inputs
from recordcheck.model import Note
from recordcheck.nlp import bundled_classifier, load_base, load_pipeline, note_doc
from recordcheck.scores import Scores
from recordcheck.train import fit_classifier, labelled_sentences, sentence_labels

GRID = [0.35, 0.45, 0.55, 0.65, 0.75, 0.85]
CANDIDATES = "rc_opinion_candidates"


def writer_of(note_id: str) -> str:
    return note_id[:3]


def parse_dev(dev_dir: Path):
    """Every dev note parsed once, with the opinion check's candidates kept on its Doc."""
    gold = read_gold(dev_dir / "gold.jsonl")
    notes = [n for n in read_inputs([dev_dir / "notes.csv"]) if isinstance(n, Note)]
    notes = [n for n in notes if n.note_id in gold and "opinion" in gold[n.note_id]]
    nlp = load_pipeline(entities=True)  # as `evaluate` runs it (entities for partners)
    check = nlp.get_pipe("rc_opinion")
    confirm = check.confirmed

    def keeping(candidates):
        if candidates:
            candidates[0].clause.doc.user_data[CANDIDATES] = list(candidates)
        return confirm(candidates)

    check.confirmed = keeping
    later = nlp.pipe_names[nlp.pipe_names.index("rc_opinion") + 1 :]
    with nlp.select_pipes(disable=later):
        docs = list(nlp.pipe((note_doc(nlp, n) for n in notes), batch_size=64))
    return notes, docs, gold, check


def scorer(model_nlp):
    """Scores for sentences (Spans), the way SentenceClassifier reads them."""

    def score(sentences):
        docs = [
            Doc(model_nlp.vocab, words=[t.text for t in s], spaces=[bool(t.whitespace_) for t in s])
            for s in sentences
        ]
        return [d.cats.get(LABEL, 0.0) for d in model_nlp.pipe(docs)]

    return score


def sentence_scores(score, docs) -> dict:
    sentences = list(
        dict.fromkeys(c.sentence for d in docs for c in d.user_data.get(CANDIDATES, ()))
    )
    return dict(zip(sentences, score(sentences), strict=True))


def score_notes(notes, docs, gold, scores: dict, minimum: dict) -> Scores:
    """`evaluate`'s span scores for these notes, with candidates confirmed at `minimum`."""
    total = Scores()
    for note, doc in zip(notes, docs, strict=True):
        found = confirmed(doc, scores, minimum)
        score_spans(total, found, [tuple(s) for s in gold[note.note_id]["opinion"]])
    return total


def replay_differs(docs, scores: dict, minimum: dict) -> int:
    """Notes where confirming the kept candidates again does not give what the check marked."""
    marked = ([(s.start_char, s.end_char) for s in doc.spans["rc_opinion"]] for doc in docs)
    return sum(confirmed(d, scores, minimum) != m for d, m in zip(docs, marked, strict=True))


def confirmed(doc, scores: dict, minimum: dict) -> list[tuple[int, int]]:
    """The check's findings in a Doc when its candidates are confirmed by these scores."""
    kept = [
        c
        for c in doc.user_data.get(CANDIDATES, ())
        if scores[c.sentence] >= minimum["weak" if c.weak else c.cue]
    ]
    return [(s.start_char, s.end_char) for s in merge_by_clause(kept)]


def fit(base_sentences, by_writer, writers, seed):
    sentences = base_sentences + [s for w in writers for s in by_writer[w]]
    return scorer(fit_classifier(sentences, seed))


def chosen_threshold(base, by_writer, notes_of, gold, writers, groups, minimum, seed):
    """The weak threshold inner folds over `writers` pick, precision first."""
    inner = defaultdict(Scores)
    for g in range(groups):
        held = writers[g::groups]
        score = fit(base, by_writer, [w for w in writers if w not in held], seed)
        notes = [n for w in held for n in notes_of[w][0]]
        docs = [d for w in held for d in notes_of[w][1]]
        scores = sentence_scores(score, docs)
        for weak in GRID:
            add(inner[weak], score_notes(notes, docs, gold, scores, {**minimum, "weak": weak}))
    floor = inner[minimum["weak"]].precision
    allowed = [w for w in GRID if inner[w].precision >= floor] or [minimum["weak"]]
    return max(allowed, key=lambda w: (inner[w].f1, w))


def add(total: Scores, part: Scores) -> None:
    total.true_positives += part.true_positives
    total.false_positives += part.false_positives
    total.false_negatives += part.false_negatives


def row(name: str, s: Scores) -> str:
    return (
        f"{name:<10} TP {s.true_positives:4d} FP {s.false_positives:4d} FN {s.false_negatives:4d}"
        f"  P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--dev", default="writers-dev")
    parser.add_argument("--folds", type=int, default=0, help="writer groups (0: one per writer)")
    parser.add_argument("--inner-groups", type=int, default=3, help="0: no threshold variation")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    started = time.time()
    notes, docs, gold, check = parse_dev(args.corpus / args.dev)
    minimum = dict(check.settings["classifier_minimum"])
    print(f"parsed {len(notes)} dev notes in {time.time() - started:.0f}s", flush=True)
    base = list(labelled_sentences(args.corpus / "train", load_base(exclude=("ner",))))
    notes_of = defaultdict(lambda: ([], []))
    by_writer = defaultdict(list)
    for note, doc in zip(notes, docs, strict=True):
        writer = writer_of(note.note_id)
        notes_of[writer][0].append(note)
        notes_of[writer][1].append(doc)
        by_writer[writer].extend(sentence_labels(doc, gold[note.note_id]["opinion"]))
    writers = sorted(notes_of)
    shipped = SentenceClassifier(bundled_classifier()).scores
    refit = fit(base, by_writer, [], args.seed)
    shipped_all, refit_all = sentence_scores(shipped, docs), sentence_scores(refit, docs)
    drift = max(abs(shipped_all[s] - refit_all[s]) for s in shipped_all)
    replayed = score_notes(notes, docs, gold, shipped_all, minimum)
    print(row("shipped", replayed), f"| train-only refit differs by {drift:.2g}", flush=True)
    print("notes the replay reads otherwise:", replay_differs(docs, shipped_all, minimum))
    totals = defaultdict(Scores)
    folds = args.folds or len(writers)
    for fold in range(folds):
        held = writers[fold::folds]
        others = [w for w in writers if w not in held]
        held_notes = [n for w in held for n in notes_of[w][0]]
        held_docs = [d for w in held for d in notes_of[w][1]]
        retrained = sentence_scores(fit(base, by_writer, others, args.seed), held_docs)
        parts = {
            "shipped": score_notes(held_notes, held_docs, gold, shipped_all, minimum),
            "retrained": score_notes(held_notes, held_docs, gold, retrained, minimum),
        }
        line = f"{'+'.join(held)} ({len(held_notes)} notes)"
        if args.inner_groups:
            weak = chosen_threshold(
                base, by_writer, notes_of, gold, others, args.inner_groups, minimum, args.seed
            )
            parts["tuned"] = score_notes(
                held_notes, held_docs, gold, retrained, {**minimum, "weak": weak}
            )
            line += f" weak threshold chosen {weak}"
        print(line, f"[{time.time() - started:.0f}s]", flush=True)
        for name, part in parts.items():
            add(totals[name], part)
            print("  " + row(name, part), flush=True)
    print(f"TOTAL over {folds} folds of held-out writers")
    for name, total in totals.items():
        print("  " + row(name, total))


if __name__ == "__main__":
    main()
