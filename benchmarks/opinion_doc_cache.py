"""Parse the labelled splits once with the real pipeline and keep what the opinion
experiments need: the Doc (with its token vectors, `doc.tensor`) and the opinion
check's candidates before the classifier confirms or drops them.

    PYTHONPATH=src python benchmarks/opinion_doc_cache.py --corpus corpus \
        --out CACHE_DIR writers-dev writers-fresh train dev test

Each split is written to `CACHE_DIR/<split>.bin` (a pickle of Doc bytes, one per note,
with the note id and gold opinion spans). `load_split` reads a split back and `prepare`
gives each candidate (and each sentence no candidate is in) the features
opinion_tensor_folds.py's models read. Never run it on the blind split, nor on
writers-new while a release is under way (its writers are held out until its end).
"""

from __future__ import annotations

import argparse
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span

from recordcheck.checks.opinion.component import DATA
from recordcheck.checks.opinion.spans import Candidate
from recordcheck.evaluate import read_gold
from recordcheck.ingest import read_inputs
from recordcheck.language.scope import QUOTED
from recordcheck.model import Note
from recordcheck.nlp import load_pipeline, note_doc

CANDIDATES = "rc_opinion_candidates"
MINIMUM = DATA["judging"]["classifier_minimum"]
CUES = ["label", "mind-reading", "hedge", "vague-evaluation", "unsupported-judgement"]
KINDS = CUES + ["weak"] + sorted(set(MINIMUM) - set(CUES) - {"weak"})
REPORTING = {"say", "tell", "report", "state", "explain", "disclose", "describe", "mention"}
TENSOR_WIDTH = 96  # en_core_web_sm's tok2vec
WIDTH = 3 * TENSOR_WIDTH + len(KINDS) + 1 + 10
FORBIDDEN = "writers-blind"


def candidate_record(candidate) -> tuple:
    """A candidate as plain values (token offsets), so the Doc's bytes can carry it."""
    return (
        candidate.clause.start,
        candidate.clause.end,
        candidate.cue,
        candidate.sentence.start,
        candidate.sentence.end,
        bool(candidate.weak),
        candidate.reading or "",
    )


def parse_split(nlp, split_dir: Path) -> list[dict]:
    gold = read_gold(split_dir / "gold.jsonl")
    notes = [n for n in read_inputs([split_dir / "notes.csv"]) if isinstance(n, Note)]
    notes = [n for n in notes if n.note_id in gold and "opinion" in gold[n.note_id]]
    docs = nlp.pipe((note_doc(nlp, n) for n in notes), batch_size=64)
    return [
        {
            "note_id": note.note_id,
            "gold": [tuple(s) for s in gold[note.note_id]["opinion"]],
            "doc": _bytes(doc),
        }
        for note, doc in zip(notes, docs, strict=True)
    ]


def _bytes(doc) -> bytes:
    # other components keep objects of their own in user_data: only the candidates travel
    doc.user_data = {CANDIDATES: doc.user_data.get(CANDIDATES, [])}
    return doc.to_bytes()


def keeping_candidates(nlp):
    """The pipeline with the opinion check's candidates recorded on each Doc."""
    check = nlp.get_pipe("rc_opinion")
    confirm = check.confirmed

    def keeping(candidates):
        if candidates:
            doc = candidates[0].clause.doc
            doc.user_data[CANDIDATES] = [candidate_record(c) for c in candidates]
        return confirm(candidates)

    check.confirmed = keeping
    return nlp


@dataclass
class NoteRecord:
    note_id: str
    gold: list[tuple[int, int]]
    doc: Doc
    candidates: list[Candidate]
    features: np.ndarray = None  # one row per candidate
    labels: np.ndarray = None  # the candidate's clause alone would be a right finding
    shipped: np.ndarray = None  # the candidate passes the shipped per-cue minimums
    weak: np.ndarray = None  # the candidate needs the shipped model's strong backing
    others: list[Span] = field(default_factory=list)  # sentences no candidate is in
    other_features: np.ndarray = None
    other_labels: np.ndarray = None
    found: dict = field(default_factory=dict)  # the findings, by which sentences are kept

    def bare(self, span: tuple[int, int]) -> bool:
        """A short line with no verb: a verdict with nothing observed, or a heading."""
        tokens = [t for t in self.doc.char_span(*span, alignment_mode="expand") if not t.is_punct]
        return 0 < len(tokens) <= 4 and not any(t.pos_ == "VERB" for t in tokens)

    @property
    def writer(self) -> str:
        return self.note_id.split("-")[0][:3]


def load_split(cache: Path, split: str, vocab) -> list[NoteRecord]:
    notes = []
    for record in pickle.loads((cache / f"{split}.bin").read_bytes()):
        doc = Doc(vocab).from_bytes(record["doc"])
        candidates = [
            Candidate(doc[a:b], cue, doc[c:d], weak, reading or None)
            for a, b, cue, c, d, weak, reading in doc.user_data.get(CANDIDATES, ())
        ]
        notes.append(NoteRecord(record["note_id"], record["gold"], doc, candidates))
    return notes


def kind_of(candidate: Candidate) -> str:
    return candidate.reading or ("weak" if candidate.weak else candidate.cue)


def marks(sentence: Span, clause: Span, kind: str, bow: float) -> list[float]:
    """The rules' signals and the shipped model's score, beside the vectors."""
    return [float(kind == k) for k in KINDS + ["added"]] + [
        bow,
        float(bool(QUOTED.search(sentence.text)) or '"' in sentence.text),
        float(any(t.lemma_ in REPORTING for t in sentence)),
        float(any(t.lower_ in ("i", "we") for t in sentence)),
        float(any(t.like_num for t in sentence)),
        float(not any(t.pos_ in ("VERB", "AUX") for t in sentence)),
        float(any(t.dep_ == "neg" for t in clause)),
        np.log1p(len(clause)),
        np.log1p(len(sentence)),
        len(clause) / max(1, len(sentence)),
    ]


def vectors(span: Span) -> np.ndarray:
    block = span.doc.tensor[span.start : span.end]
    return np.concatenate([block.mean(0), block.max(0)])


def features(clause: Span, sentence: Span, kind: str, bow: float) -> np.ndarray:
    return np.concatenate(
        [
            vectors(clause),
            sentence.doc.tensor[sentence.start : sentence.end].mean(0),
            marks(sentence, clause, kind, bow),
        ]
    )


def right_finding(span: Span, gold) -> bool:
    inside = sum(max(0, min(span.end_char, g[1]) - max(span.start_char, g[0])) for g in gold)
    return inside * 2 >= span.end_char - span.start_char


def prepare(notes: list[NoteRecord], bow_scores) -> None:
    """Features, labels and the shipped decision for every candidate and other sentence."""
    sentences = [s for n in notes for s in n.doc.sents if s.text.strip()]
    sentences += [c.sentence for n in notes for c in n.candidates]
    sentences = list(dict.fromkeys(sentences))
    bow = dict(zip(sentences, bow_scores(sentences), strict=True))
    for n in notes:
        rows = [features(c.clause, c.sentence, kind_of(c), bow[c.sentence]) for c in n.candidates]
        n.features = np.array(rows).reshape(len(rows), WIDTH)
        n.labels = np.array([right_finding(c.clause, n.gold) for c in n.candidates], dtype=bool)
        n.weak = np.array([kind_of(c) == "weak" for c in n.candidates], dtype=bool)
        n.shipped = np.array(
            [bow[c.sentence] >= MINIMUM[kind_of(c)] for c in n.candidates], dtype=bool
        )
        n.others = [
            s
            for s in n.doc.sents
            if s.text.strip()
            and not any(s.start < c.clause.end and c.clause.start < s.end for c in n.candidates)
        ]
        rows = [features(s, s, "added", bow[s]) for s in n.others]
        n.other_features = np.array(rows).reshape(len(rows), WIDTH)
        n.other_labels = np.array([right_finding(s, n.gold) for s in n.others], dtype=bool)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("splits", nargs="+")
    args = parser.parse_args()
    if FORBIDDEN in args.splits:
        raise SystemExit("the blind split is scored once per release, never studied")
    nlp = keeping_candidates(load_pipeline(entities=True))
    later = nlp.pipe_names[nlp.pipe_names.index("rc_opinion") + 1 :]
    args.out.mkdir(parents=True, exist_ok=True)
    with nlp.select_pipes(disable=later):
        for split in args.splits:
            started = time.time()
            records = parse_split(nlp, args.corpus / split)
            (args.out / f"{split}.bin").write_bytes(pickle.dumps(records))
            print(f"{split}: {len(records)} notes in {time.time() - started:.0f}s", flush=True)


if __name__ == "__main__":
    main()
