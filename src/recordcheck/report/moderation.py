"""Moderation: Finding IDs, auditors' decisions applied to a report, and what they measure.

A Finding ID names one finding in one note the same way on every run, whatever
the order of the input or the number of processes, so an auditor's decision in
an earlier findings.xlsx finds its finding again. The ID is "F-" and the first
ten hex digits of a SHA-256 over the case id, the note id, the check id, where
the flagged words start in the note (character offset) and the flagged words
(spaces squashed). Edit the note's text before the flagged words, or the words
themselves, and the finding gets a new ID: a decision about different words is
not carried over. A note exported twice gives the same IDs twice, and a
decision on either copy applies to both.

Dismissed findings leave the report (`moderated`) once, where the pack is
written; figures count distinct findings (by ID).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from recordcheck.model import Decision, Finding, Moderation, Note, NoteResult, Report

ID_DIGITS = 10  # 40 bits: a clash is unlikely below about a million findings


def finding_id(note: Note, finding: Finding) -> str:
    words = " ".join(finding.text.split())
    key = "\x1f".join((note.case_id, note.note_id, finding.check, str(finding.start), words))
    return "F-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:ID_DIGITS]


def identified(report: Report) -> Iterator[tuple[str, NoteResult, Finding]]:
    """Every finding of the report with its ID and its note's result, in report order."""
    for result in report.results:
        for finding in result.findings:
            yield finding_id(result.note, finding), result, finding


def decisions_by_id(report: Report) -> dict[str, Decision]:
    if report.moderation is None:
        return {}
    return {decision.finding_id: decision for decision in report.moderation.decisions}


def with_decisions(report: Report, decisions: Iterable[Decision], source: str) -> Report:
    """The report carrying the decisions that match its findings (each given its check);
    the others are counted as not matched."""
    checks = {fid: finding.check for fid, _result, finding in identified(report)}
    given = {decision.finding_id: decision for decision in decisions}
    matched = tuple(
        replace(decision, check=checks[fid]) for fid, decision in given.items() if fid in checks
    )
    return replace(
        report, moderation=Moderation(source, matched, not_matched=len(given) - len(matched))
    )


def moderated(report: Report) -> Report:
    """The report without the findings an auditor dismissed."""
    dismissed = {fid for fid, d in decisions_by_id(report).items() if d.decision == "dismiss"}
    if not dismissed:
        return report
    results = tuple(
        replace(
            result,
            findings=tuple(
                f for f in result.findings if finding_id(result.note, f) not in dismissed
            ),
        )
        for result in report.results
    )
    return replace(report, results=results)


@dataclass(frozen=True)
class CheckModeration:
    """One check's findings as the auditors decided them."""

    accepted: int = 0
    dismissed: int = 0
    undecided: int = 0  # no decision yet, or "unsure"

    @property
    def decided(self) -> int:
        """Findings accepted or dismissed ("unsure" is not a decision)."""
        return self.accepted + self.dismissed

    @property
    def precision(self) -> float | None:
        """Accepted out of accepted and dismissed; None until one is decided."""
        return self.accepted / self.decided if self.decided else None

    def to_dict(self) -> dict[str, object]:
        precision = self.precision
        return {
            "accepted": self.accepted,
            "dismissed": self.dismissed,
            "undecided": self.undecided,
            "precision": None if precision is None else round(precision, 4),
        }


def moderation_figures(report: Report, checks: Iterable[str]) -> dict[str, CheckModeration]:
    """Accepted, dismissed and undecided findings per check (distinct Finding IDs).

    Works on the report before or after `moderated`: dismissals are counted from
    the decisions, so they are counted whether or not their findings are still there.
    """
    decisions = decisions_by_id(report)
    counts: Counter[tuple[str, str]] = Counter()
    for decision in decisions.values():
        if decision.decision in ("accept", "dismiss"):
            counts[decision.check, decision.decision] += 1
    undecided = {
        (finding.check, fid)
        for fid, _result, finding in identified(report)
        if decisions.get(fid, Decision(fid)).decision not in ("accept", "dismiss")
    }
    undecided_per_check = Counter(check for check, _fid in undecided)
    return {
        check: CheckModeration(
            counts[check, "accept"], counts[check, "dismiss"], undecided_per_check[check]
        )
        for check in checks
    }


@dataclass(frozen=True)
class Agreement:
    """How far two auditors agreed on the findings both decided."""

    n: int  # findings both auditors decided
    agreed: int
    kappa: float | None  # Cohen's kappa; None when it is not defined (see cohens_kappa)

    def to_dict(self) -> dict[str, object]:
        kappa = None if self.kappa is None else round(self.kappa, 4)
        return {"n": self.n, "agreed": self.agreed, "kappa": kappa}


def cohens_kappa(pairs: Iterable[tuple[str, str]]) -> Agreement:
    """Cohen's kappa for two raters' labels: (observed - chance) / (1 - chance).

    Chance agreement is the sum over labels of the product of each rater's share
    of that label. Kappa is not defined (None) with no pairs, or when chance
    agreement is 1 (both raters gave one and the same label every time).
    """
    pairs = list(pairs)
    n = len(pairs)
    agreed = sum(first == second for first, second in pairs)
    if not n:
        return Agreement(0, 0, None)
    firsts = Counter(first for first, _ in pairs)
    seconds = Counter(second for _, second in pairs)
    chance = sum(firsts[label] * seconds[label] for label in firsts) / (n * n)
    if chance == 1:
        return Agreement(n, agreed, None)
    return Agreement(n, agreed, (agreed / n - chance) / (1 - chance))


def agreement(report: Report, check: str | None = None) -> Agreement:
    """Agreement between the first and second auditor, over one check or all of them."""
    return cohens_kappa(
        (d.decision, d.second)
        for d in decisions_by_id(report).values()
        if d.decision and d.second and check in (None, d.check)
    )


def moderation_json(report: Report, checks: Iterable[str]) -> dict[str, object]:
    """report.json's "moderation" (per check, with agreement where a second auditor decided)."""
    figures: dict[str, object] = {}
    for check, counts in moderation_figures(report, checks).items():
        figures[check] = counts.to_dict()
        if (second := agreement(report, check)).n:
            figures[check]["agreement"] = second.to_dict()
    return figures

