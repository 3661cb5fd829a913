"""Precision, recall and F1 from counts: what evaluate and contact scoring both report."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Scores:
    """True positives, false positives and false negatives, and the measures they give."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def count(self, flagged: bool, actual: bool) -> None:
        """One unit judged both ways: flagged by us, and actually so by the labels."""
        self.true_positives += flagged and actual
        self.false_positives += flagged and not actual
        self.false_negatives += actual and not flagged

    @property
    def counted(self) -> int:
        return self.true_positives + self.false_positives + self.false_negatives

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 0.0

    @property
    def recall(self) -> float:
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
