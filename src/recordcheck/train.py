"""Train the sentence classifier that backs the opinion rules, reproducibly.

    recordcheck train --corpus corpus --output models [--split train --split writers-dev]

Reads `notes.csv` and `gold.jsonl` of each split named (`train` by default)
under `<corpus>`, cuts every note into
sentences with the same base pipeline the checks use, labels a sentence
OPINION when it holds most of a gold opinion span (or a gold span holds most
of it), and trains a small bag-of-words spaCy text classifier with a fixed
seed. The model is written to `<output>/opinion_classifier`; install it by
writing it to the package's `models/` folder (the default output).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from recordcheck.checks.opinion.classifier import LABEL, MODEL_NAME
from recordcheck.evaluate import read_gold
from recordcheck.ingest import read_inputs
from recordcheck.model import Note

OTHER = "OTHER"
EPOCHS = 12
BATCH_SIZE = 32
DROPOUT = 0.2
TEXTCAT_CONFIG = {
    "model": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": 2,
        "no_output_layer": False,
    }
}


def train_opinion_classifier(
    corpus_dir: Path,
    output_dir: Path,
    seed: int = 0,
    *,
    splits: Sequence[str] = ("train",),
    nlp=None,
) -> Path:
    """Train on the corpus's named splits; returns the folder the model was saved in.

    `nlp` is any loaded pipeline with a parser, to cut sentences as the checks
    will (the base pipeline is loaded when none is given).
    """
    from recordcheck.nlp import load_base

    segmenter = nlp or load_base(exclude=("ner",))
    sentences = [
        labelled
        for split in splits
        for labelled in labelled_sentences(Path(corpus_dir) / split, segmenter)
    ]
    classifier = fit_classifier(sentences, seed)
    positives = sum(is_opinion for _, is_opinion in sentences)
    classifier.meta.update(
        name="recordcheck_opinion_classifier",
        version="1.0.0",
        description=(
            f"Opinion-as-fact sentence classifier; {len(sentences)} sentences "
            f"({positives} opinion) from {' + '.join(splits)}, seed {seed}"
        ),
    )
    target = Path(output_dir) / MODEL_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    classifier.to_disk(target)
    return target


def fit_classifier(sentences: Sequence[tuple[Span, bool]], seed: int = 0) -> Language:
    """A bag-of-words text classifier fitted to labelled sentences, with a fixed seed."""
    fix_random_seed(seed)
    classifier = spacy.blank("en")
    textcat = classifier.add_pipe("textcat", config=TEXTCAT_CONFIG)
    for label in (LABEL, OTHER):
        textcat.add_label(label)
    examples = [_example(classifier, sentence, is_opinion) for sentence, is_opinion in sentences]
    classifier.initialize(lambda: examples)
    shuffle = random.Random(seed)
    for _ in range(EPOCHS):
        shuffle.shuffle(examples)
        for batch in minibatch(examples, size=BATCH_SIZE):
            classifier.update(batch, drop=DROPOUT)
    return classifier


def labelled_sentences(split_dir: Path, segmenter) -> Iterator[tuple[Span, bool]]:
    """Every sentence of the split's notes, with whether it records opinion as fact."""
    gold = read_gold(split_dir / "gold.jsonl")
    notes = [
        n
        for n in read_inputs([split_dir / "notes.csv"])
        if isinstance(n, Note) and n.note_id in gold
    ]
    for note, doc in zip(notes, segmenter.pipe(n.text for n in notes), strict=True):
        yield from sentence_labels(doc, gold[note.note_id]["opinion"])


def sentence_labels(doc: Doc, opinion_spans) -> Iterator[tuple[Span, bool]]:
    """Each sentence of a parsed note, OPINION when it shares most of a gold span."""
    spans = [tuple(span) for span in opinion_spans]
    for sentence in doc.sents:
        if sentence.text.strip():
            yield sentence, any(_mostly_shared(sentence, span) for span in spans)


def _mostly_shared(sentence: Span, span: tuple[int, int]) -> bool:
    shared = min(sentence.end_char, span[1]) - max(sentence.start_char, span[0])
    return shared > 0 and shared * 2 >= min(
        span[1] - span[0], sentence.end_char - sentence.start_char
    )


def _example(nlp, sentence: Span, is_opinion: bool) -> Example:
    doc = Doc(
        nlp.vocab, words=[t.text for t in sentence], spaces=[bool(t.whitespace_) for t in sentence]
    )
    return Example.from_dict(
        doc, {"cats": {LABEL: float(is_opinion), OTHER: float(not is_opinion)}}
    )
