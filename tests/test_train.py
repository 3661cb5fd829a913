"""Training the opinion sentence classifier: it saves, loads, scores, and repeats exactly."""

from __future__ import annotations

import shutil

import pytest

from recordcheck.checks.opinion.classifier import SentenceClassifier
from recordcheck.train import train_opinion_classifier
from tests.test_evaluate import write_corpus

OPINIONS = ["He is manipulative", "Mum seemed drunk", "She is a poor parent", "The flat was a mess"]
FACTS = [
    "There were 14 cans on the floor",
    "PC Patel attended at 10am",
    "Agreed to visit on Friday",
]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    notes = [
        (str(n), "Case Note", f"{o}. {f}.", [o], "n/a", "n/a")
        for n, (o, f) in enumerate((o, f) for o in OPINIONS for f in FACTS)
    ]
    write_corpus(root / "train", notes)
    return root


def test_trained_classifier_separates_opinion_from_fact(real_nlp, corpus, tmp_path):
    model = train_opinion_classifier(corpus, tmp_path, seed=0, nlp=real_nlp)
    classifier = SentenceClassifier(model)
    opinion, fact = classifier.scores(
        list(real_nlp("He is manipulative. PC Patel attended at 10am.").sents)
    )
    assert opinion > 0.5 > fact


def test_same_seed_same_model(real_nlp, corpus, tmp_path):
    first = train_opinion_classifier(corpus, tmp_path / "a", seed=3, nlp=real_nlp)
    second = train_opinion_classifier(corpus, tmp_path / "b", seed=3, nlp=real_nlp)
    sentences = list(real_nlp("Mum seemed drunk. There were 14 cans on the floor.").sents)
    assert SentenceClassifier(first).scores(sentences) == SentenceClassifier(second).scores(
        sentences
    )


def test_training_reads_every_split_named(real_nlp, corpus, tmp_path):
    """A second split adds its sentences: `recordcheck train --split train --split more`."""
    root = shutil.copytree(corpus, tmp_path / "corpus")
    write_corpus(
        root / "more", [("m1", "Case Note", "He was calmer. Ate lunch.", ["calmer"], "", "")]
    )
    one = train_opinion_classifier(root, tmp_path / "a", nlp=real_nlp)
    both = train_opinion_classifier(root, tmp_path / "b", nlp=real_nlp, splits=("train", "more"))
    described = [SentenceClassifier(model).nlp.meta["description"] for model in (one, both)]
    assert "24 sentences (12 opinion) from train," in described[0]
    assert "26 sentences (13 opinion) from train + more," in described[1]
