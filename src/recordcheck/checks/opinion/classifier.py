"""The trained sentence classifier that backs the opinion rules (optional).

It is a small spaCy text classifier (bag of words) scoring each sentence for
"opinion recorded as fact". It is trained by `recordcheck.train` and shipped in
`recordcheck/models/opinion_classifier`; without it the rules work alone.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import spacy
from spacy.tokens import Doc, Span

LABEL = "OPINION"
MODEL_NAME = "opinion_classifier"


class SentenceClassifier:
    """Scores sentences of a parsed Doc with the separately trained text classifier."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.nlp = spacy.load(self.path)
        self.version = model_fingerprint(self.path)

    def scores(self, sentences: list[Span]) -> list[float]:
        docs = [
            Doc(self.nlp.vocab, words=[t.text for t in s], spaces=[bool(t.whitespace_) for t in s])
            for s in sentences
        ]
        return [doc.cats.get(LABEL, 0.0) for doc in self.nlp.pipe(docs)]


def model_fingerprint(path: Path) -> str:
    """A short hash of the model's files, so a report can say exactly which model ran."""
    digest = hashlib.sha256()
    for file in sorted(p for p in Path(path).rglob("*") if p.is_file()):
        digest.update(file.relative_to(path).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:12]
