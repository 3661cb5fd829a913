"""Grades with stated criteria: severity-weighted, per case file and per check.

The one definition of how the audit pack grades. Each note is weighed against
each check that applies to it: no finding for that check meets it; otherwise
its most serious finding for the check counts as a shortfall weighted by
severity. A score is 1 less the weighted shortfalls over the checks that
applied; the grade is the first name whose lowest score it reaches.

The default names are the ones inspection frameworks use; an organisation can
set its own in the rules file (`[grades]`, see GradeScheme.from_table), which
is judged when the rules file is read and travels in report.json, so
`recordcheck render` grades the same way. Grades are always labelled
machine-assisted: they count what the tool found, before or after an auditor's
moderation, and say nothing of the quality of practice the notes record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from recordcheck.model import Severity

LABEL = "machine-assisted, not a judgement"
DEFAULT_NAMES = ("Outstanding", "Good", "Requires improvement", "Inadequate")
DEFAULT_FROM = (0.95, 0.85, 0.70)
DEFAULT_WEIGHTS = {Severity.HIGH: 1.0, Severity.MEDIUM: 0.5, Severity.LOW: 0.25}
SEVERITIES = (Severity.HIGH, Severity.MEDIUM, Severity.LOW)  # most serious first
SEVERITY_MEANING = {
    Severity.HIGH: "could harm the person or leave the organisation unable to account for "
    "itself if left as written: a label about a person in a referral or in what was shared "
    "with another agency, or sensitive information shared with no recorded reason",
    Severity.MEDIUM: "weakens the record: a judgement or an encounter a later reader cannot "
    "weigh, or routine information shared with no recorded reason",
    Severity.LOW: "a matter of precision: a mild verdict such as 'settled' or 'lovely "
    "morning', or a guess that needs the observation behind it",
}
TABLE_KEYS = ("names", "from", "weights")


class GradingError(ValueError):
    """A [grades] table that cannot be used; ``key`` is the key at fault (for file:line)."""

    def __init__(self, key: str, problem: str):
        super().__init__(problem)
        self.key = key


@dataclass(frozen=True)
class GradeScheme:
    names: tuple[str, ...]  # best first
    lowest: tuple[float, ...]  # the lowest score of each name but the last, as shares
    weights: Mapping[Severity, float]

    @classmethod
    def from_table(cls, table: Mapping[str, Any] | None) -> GradeScheme:
        """The scheme a rules file's [grades] table sets (the default for none).

            [grades]
            names = ["Meets the standard", "Partly meets", "Does not meet"]
            from = [90, 70]          # lowest score, per cent, of each name but the last
            weights = { high = 1, medium = 0.5, low = 0.25 }

        Raises GradingError naming the key at fault.
        """
        table = dict(table or {})
        unknown = sorted(set(table) - set(TABLE_KEYS))
        if unknown:
            raise GradingError(
                unknown[0], f"has no key '{unknown[0]}'; keys: names, from, weights"
            )
        names = _names(table.get("names", list(DEFAULT_NAMES)))
        if "from" in table:
            lowest = _thresholds(table["from"], len(names))
        elif "names" in table and len(names) != len(DEFAULT_NAMES):
            raise GradingError("names", "give 'from' with the lowest score of each name")
        else:
            lowest = DEFAULT_FROM
        return cls(names, lowest, _weights(table.get("weights", {})))

    def grade(self, score: float) -> str:
        """The grade of a score, judged on the whole per cent the report shows (69.6% shows
        as 70% and is graded as 70%), so a reader can check it against the criteria."""
        shown = int(f"{score * 100:.0f}")
        for name, lowest in zip(self.names, self.lowest, strict=False):
            if shown >= round(lowest * 100):
                return name
        return self.names[-1]

    def shortfall(self, worst: Counter) -> float:
        """Weighted shortfalls from counts of notes by their most serious finding."""
        return sum(self.weights[severity] * count for severity, count in worst.items())

    def criteria(self) -> str:
        """The criteria in words, for the report."""
        weights = ", ".join(
            f"{_number(self.weights[severity])} ({severity.value})" for severity in SEVERITIES
        )
        bands = []
        for number, name in enumerate(self.names):
            top = self.lowest[number - 1] if number else None
            bottom = self.lowest[number] if number < len(self.lowest) else None
            if bottom is None:
                bands.append(f"{name}: below {_percent(top)}")
            elif top is None:
                bands.append(f"{name}: {_percent(bottom)} or more")
            else:
                bands.append(f"{name}: {_percent(bottom)} to under {_percent(top)}")
        return (
            "Grades are machine-assisted, not a judgement: they count what the tool found and "
            "say nothing of the quality of the practice the notes record. Each note is weighed "
            "against each check that applies to it. A note with no finding for a check meets "
            "it; otherwise its most serious finding for that check counts as a shortfall of "
            f"{weights}. A case file's score is 100% less its shortfalls as a share of the "
            "checks that applied to its notes; a check's score is the same over the notes it "
            "applies to. " + ". ".join(bands) + "."
        )


def _names(names: Any) -> tuple[str, ...]:
    if (
        not isinstance(names, list)
        or len(names) < 2
        or not all(isinstance(n, str) and n.strip() for n in names)
        or len(set(names)) != len(names)
    ):
        raise GradingError(
            "names", "names must be a list of two or more different names, best first"
        )
    return tuple(n.strip() for n in names)


def _thresholds(values: Any, names: int) -> tuple[float, ...]:
    if not isinstance(values, list) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in values
    ):
        raise GradingError("from", "from must be a list of numbers (per cent)")
    if len(values) != names - 1:
        raise GradingError(
            "from", f"from needs {names - 1} numbers: one for each name but the last"
        )
    if any(not 0 < v <= 100 for v in values) or any(
        later >= earlier for earlier, later in zip(values, values[1:], strict=False)
    ):
        raise GradingError("from", "from must go down, each between 0 and 100")
    return tuple(v / 100 for v in values)


def _weights(table: Any) -> dict[Severity, float]:
    if not isinstance(table, dict):
        raise GradingError(
            "weights", "weights must be a table: { high = 1, medium = 0.5, low = 0.25 }"
        )
    weights = dict(DEFAULT_WEIGHTS)
    for key, value in table.items():
        if key not in {s.value for s in SEVERITIES}:
            raise GradingError("weights", f"weights has no severity '{key}'; use high, medium, low")
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
            raise GradingError("weights", f"weight of {key} must be a number above 0, at most 1")
        weights[Severity(key)] = float(value)
    return weights


def _percent(share: float | None) -> str:
    return f"{(share or 0) * 100:g}%"


def _number(value: float) -> str:
    return f"{value:g}"


def worst_severity(severities: Sequence[Severity]) -> Severity:
    return min(severities, key=SEVERITIES.index)
