"""Can the pipeline's own token vectors judge the opinion rules' candidates better than the
bag-of-words classifier, on writers nobody tuned on?

    PYTHONPATH=src python benchmarks/opinion_doc_cache.py --out CACHE \
        writers-dev writers-fresh train dev test
    PYTHONPATH=src python benchmarks/opinion_tensor_folds.py --cache CACHE --folds 6 --old \
        [--with-train] [--bow] [--add]

Leave-writer-out over the development writers (writers-dev and -fresh; the
writer is the note id's prefix), `--folds` groups of writers held out in turn. Each note
was parsed once by the real pipeline (opinion_doc_cache.py), keeping the opinion check's
candidates and `doc.tensor` (en_core_web_sm's tok2vec, computed by the pipeline anyway).
Scored with `evaluate`'s span rule on the held-out writers' notes:
  shipped  the rules + the shipped bag-of-words model and per-cue minimums;
  all / oracle  every candidate kept / only the right ones (the rules' ceiling);
  MODEL-RULE  a logistic model per candidate, MODEL `vec` (the clause's mean and max and
    the sentence's mean token vector, the cue, a few of the rules' marks and the shipped
    model's score) or `marks` (the same without the vectors), deciding alone, AND-ed with
    the shipped decision, or only for the weak cues the shipped model must back strongly;
  vec+add (--add)  vec-alone plus sentences no rule proposed when a sentence model is sure;
  bow (--bow)  the bag-of-words model retrained on `train` + the training writers.
Penalty and threshold are chosen inside each fold by inner folds over its training
writers only: the best F1 among settings at least as precise as the shipped setup on the
same notes. `--with-train` adds the older `train` split to the training data; `--old`
then fits on all eighteen writers and scores old dev and test. Never reads the blind split.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from opinion_doc_cache import (
    MINIMUM,
    TENSOR_WIDTH,
    NoteRecord,
    kind_of,
    load_split,
    prepare,
    right_finding,
)
from spacy.tokens import Doc

from recordcheck.checks.opinion.classifier import SentenceClassifier
from recordcheck.checks.opinion.spans import Candidate, merge_by_clause
from recordcheck.evaluate import score_spans
from recordcheck.nlp import bundled_classifier, load_base
from recordcheck.scores import Scores

# writers-new holds the release's held-out writers while it is under way: never tuned on
DEV_SPLITS = ("writers-dev", "writers-fresh")
GRID = [round(x, 2) for x in np.arange(0.2, 0.91, 0.05)]
ADD_GRID = [0.6, 0.7, 0.8, 0.9, 0.95, 1.01]
PENALTIES = [10.0, 100.0, 1000.0]
ADDED_CUE = "vague-evaluation"
ALL = slice(None)
# the models compared: every feature, or the rules' marks and the shipped score alone
MODELS = {"vec": ALL, "marks": slice(3 * TENSOR_WIDTH, None)}
# how a model's probability p (threshold t) decides a candidate, beside the shipped decision
RULES = {
    "alone": lambda n, p, t: p >= t,
    "and": lambda n, p, t: n.shipped & (p >= t),
    "weak": lambda n, p, t: np.where(n.weak, p >= t, n.shipped),
}


@dataclass
class Counted(Scores):
    """Scores, and how many wrong and missed spans were bare verdicts."""

    bare: np.ndarray = field(default_factory=lambda: np.zeros(2, dtype=int))


class Logistic:
    """L2-penalised logistic regression fitted by Newton's method (numpy only)."""

    def __init__(self, x: np.ndarray, y: np.ndarray, penalty: float):
        self.mean, self.scale = x.mean(0), x.std(0) + 1e-6
        z = self._design(x)
        w = np.zeros(z.shape[1])
        ridge = penalty * np.eye(z.shape[1])
        ridge[-1, -1] = 0.0
        for _ in range(25):
            p = 1 / (1 + np.exp(-z @ w))
            gradient = z.T @ (p - y) + ridge @ w
            hessian = (z * (p * (1 - p))[:, None]).T @ z + ridge
            step = np.linalg.solve(hessian, gradient)
            w -= step
            if np.abs(step).max() < 1e-6:
                break
        self.weights = w

    def _design(self, x):
        return np.hstack([(x - self.mean) / self.scale, np.ones((len(x), 1))])

    def __call__(self, x: np.ndarray) -> np.ndarray:
        if not len(x):
            return np.zeros(0)
        return 1 / (1 + np.exp(-self._design(x) @ self.weights))


def stack(notes, attr):
    parts = [getattr(n, attr) for n in notes if len(getattr(n, attr))]
    return np.concatenate(parts) if parts else np.zeros((0,))


def fit(notes, penalty, columns=ALL, sentences=False):
    """A logistic model over the candidates (or the other sentences) of these notes."""
    features, labels = ("other_features", "other_labels") if sentences else ("features", "labels")
    model = Logistic(stack(notes, features)[:, columns], stack(notes, labels), penalty)
    return lambda x: model(x[:, columns])


def score(notes, keep, added=None) -> Scores:
    """`evaluate`'s span scores when each note keeps `keep(note)` (a mask over candidates)
    and adds the sentences `added(note)` marks."""
    total = Counted()
    for n in notes:
        mask = tuple(bool(k) for k in keep(n))
        more = tuple(bool(a) for a in added(n)) if added is not None else ()
        if (mask, more) not in n.found:
            kept = [c for c, k in zip(n.candidates, mask, strict=True) if k]
            kept += [Candidate(s, ADDED_CUE, s) for s, a in zip(n.others, more, strict=False) if a]
            n.found[mask, more] = [(s.start_char, s.end_char) for s in merge_by_clause(kept)]
        score_spans(total, n.found[mask, more], n.gold)
        total.bare += bare_verdict_errors(n, n.found[mask, more])
    return total


def bare_verdict_errors(n: NoteRecord, found) -> np.ndarray:
    """Wrong and missed spans that are bare verdicts ("Quiet night.", "Settled"): the shape
    corpus/README.md says the gold labels one way here and the other way there."""
    correct = [
        f for f in found if right_finding(n.doc.char_span(*f, alignment_mode="expand"), n.gold)
    ]
    wrong = [f for f in found if f not in correct]
    missed = [g for g in n.gold if not any(min(c[1], g[1]) > max(c[0], g[0]) for c in correct)]
    return np.array([sum(map(n.bare, wrong)), sum(map(n.bare, missed))])


def add(total: Scores, part: Scores) -> None:
    total.bare = total.bare + part.bare
    total.true_positives += part.true_positives
    total.false_positives += part.false_positives
    total.false_negatives += part.false_negatives


def inner_probabilities(notes, extra, penalty, groups, columns=ALL, sentences=False):
    """Out-of-fold probabilities for the training writers' notes, by inner writer folds."""
    writers = sorted({n.writer for n in notes})
    probabilities = {}
    for g in range(groups):
        held = set(writers[g::groups])
        model = fit([n for n in notes if n.writer not in held] + extra, penalty, columns, sentences)
        for n in notes:
            if n.writer in held:
                probabilities[n.note_id] = model(n.other_features if sentences else n.features)
    return probabilities


def best(results: dict, floor: float):
    """The setting with the best F1 among those at least as precise as `floor`
    (the most precise when none is)."""
    allowed = {k: s for k, s in results.items() if s.precision >= floor}
    if allowed:
        return max(allowed, key=lambda k: (allowed[k].f1, allowed[k].precision))
    return max(results, key=lambda k: (results[k].precision, results[k].f1))


def choose(notes, extra, groups, adding=False) -> dict:
    """Penalty and threshold of each variant (and of added sentences), from inner folds."""
    floor = score(notes, lambda n: n.shipped).precision
    results, inner = defaultdict(dict), {}
    for model, columns in MODELS.items():
        for penalty in PENALTIES:
            inner[model, penalty] = p = inner_probabilities(notes, extra, penalty, groups, columns)
            for rule, keep in RULES.items():
                for t in GRID:
                    results[f"{model}-{rule}"][penalty, t] = score(
                        notes, lambda n, p=p, t=t, keep=keep: keep(n, p[n.note_id], t)
                    )
    chosen = {name: best(settings, floor) for name, settings in results.items()}
    if adding:
        penalty, t = chosen["vec-alone"]
        p = inner["vec", penalty]
        sentence_p = inner_probabilities(notes, extra, PENALTIES[-1], groups, sentences=True)
        added = {
            a: score(notes, lambda n: p[n.note_id] >= t, lambda n, a=a: sentence_p[n.note_id] >= a)
            for a in ADD_GRID
        }
        chosen["add"] = best(added, floor)
    return chosen


def held_out(train, extra, held, chosen) -> dict[str, Scores]:
    """Each setup's scores on the held-out notes, with models fitted on the training notes."""
    results = {
        "shipped": score(held, lambda n: n.shipped),
        # what the rules propose, all of it, and only its right part: the ceiling
        "all": score(held, lambda n: np.ones(len(n.candidates), dtype=bool)),
        "oracle": score(held, lambda n: n.labels),
    }
    for name, (penalty, t) in chosen.items():
        if name == "add":
            continue
        model, rule = name.split("-")
        fitted = fit(train + extra, penalty, MODELS[model])
        results[name] = score(
            held, lambda n, keep=RULES[rule], m=fitted, t=t: keep(n, m(n.features), t)
        )
    if "add" in chosen:
        penalty, t = chosen["vec-alone"]
        fitted = fit(train + extra, penalty)
        sentences = fit(train + extra, PENALTIES[-1], sentences=True)
        results["vec+add"] = score(
            held,
            lambda n: fitted(n.features) >= t,
            lambda n: sentences(n.other_features) >= chosen["add"],
        )
    return results


def row(name: str, s: Scores) -> str:
    return (
        f"{name:<11} TP {s.true_positives:4d} FP {s.false_positives:4d} FN {s.false_negatives:4d}"
        f"  P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}"
        f"  (bare verdicts: {s.bare[0]} FP, {s.bare[1]} FN)"
    )


def retrained_bow(base_sentences, train_notes):
    """--bow: the bag-of-words model retrained on `train` + these notes, as a scorer."""
    from recordcheck.train import fit_classifier, sentence_labels

    sentences = base_sentences + [s for n in train_notes for s in sentence_labels(n.doc, n.gold)]
    model = fit_classifier(sentences, 0)

    def scores(spans):
        docs = [
            Doc(model.vocab, words=[t.text for t in s], spaces=[bool(t.whitespace_) for t in s])
            for s in spans
        ]
        return [d.cats.get("OPINION", 0.0) for d in model.pipe(docs)]

    return scores


def bow_scores(bow, held) -> Scores:
    sentences = list(dict.fromkeys(c.sentence for n in held for c in n.candidates))
    value = dict(zip(sentences, bow(sentences), strict=True))
    return score(held, lambda n: [value[c.sentence] >= MINIMUM[kind_of(c)] for c in n.candidates])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--folds", type=int, default=6)
    parser.add_argument("--inner-groups", type=int, default=3)
    parser.add_argument("--with-train", action="store_true")
    parser.add_argument("--bow", action="store_true", help="also retrain the bag of words")
    parser.add_argument("--add", action="store_true", help="also add sentences no rule found")
    parser.add_argument("--old", action="store_true", help="also score old dev and test")
    args = parser.parse_args()
    started = time.time()
    vocab = load_base(exclude=("ner",)).vocab
    shipped = SentenceClassifier(bundled_classifier()).scores
    notes = [n for split in DEV_SPLITS for n in load_split(args.cache, split, vocab)]
    extra = load_split(args.cache, "train", vocab) if args.with_train or args.bow else []
    old = {s: load_split(args.cache, s, vocab) for s in ("dev", "test")} if args.old else {}
    for group in [notes, extra, *old.values()]:
        prepare(group, shipped)
    replay = score(notes, lambda n: n.shipped)
    print(f"{len(notes)} notes prepared in {time.time() - started:.0f}s;", row("replay", replay))
    training_extra = extra if args.with_train else []
    base_sentences = []
    if args.bow:
        from recordcheck.train import sentence_labels

        base_sentences = [s for n in extra for s in sentence_labels(n.doc, n.gold)]
    writers = sorted({n.writer for n in notes})
    totals = defaultdict(Counted)
    for fold in range(args.folds):
        held_writers = set(writers[fold :: args.folds])
        held = [n for n in notes if n.writer in held_writers]
        train = [n for n in notes if n.writer not in held_writers]
        chosen = choose(train, training_extra, args.inner_groups, args.add)
        results = held_out(train, training_extra, held, chosen)
        if args.bow:
            results["bow"] = bow_scores(retrained_bow(base_sentences, train), held)
        print(
            f"fold {fold}: {'+'.join(sorted(held_writers))} ({len(held)} notes) "
            f"chosen {chosen} [{time.time() - started:.0f}s]",
            flush=True,
        )
        for name, part in results.items():
            add(totals[name], part)
            print("  " + row(name, part), flush=True)
    print(f"TOTAL over {args.folds} folds of held-out writers")
    for name, total in totals.items():
        print("  " + row(name, total))
    if old:
        chosen = choose(notes, training_extra, args.folds, args.add)
        print(f"all eighteen writers: chosen {chosen}")
        for split, group in old.items():
            for name, part in held_out(notes, training_extra, group, chosen).items():
                print(f"  {split:<5}" + row(name, part))


if __name__ == "__main__":
    main()
