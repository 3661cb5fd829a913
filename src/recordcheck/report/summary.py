"""The figures every audit output shares, computed once from a Report.

Scores are deliberately simple so an auditor can explain them to a team:
a case file's score is the share of its notes that met every check.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, time

from recordcheck.catalogue import all_checks, spec_for
from recordcheck.model import NoteResult, Report, iso_date, iso_time, iso_timestamp
from recordcheck.report.applicability import applies
from recordcheck.report.guide import ordered_checks

GREEN_FROM = 0.80
AMBER_FROM = 0.60
SCORING_CRITERIA = (
    "A case file's quality score is the share of its notes that met every check. "
    f"Green: {GREEN_FROM:.0%} or more. Amber: {AMBER_FROM:.0%} to {GREEN_FROM:.0%}. "
    f"Red: below {AMBER_FROM:.0%}. A note counts against the score once, however many "
    "findings it has."
)

RATINGS = ("Red", "Amber", "Green")  # in the order a reader should look at them
NO_AUTHOR = "(author not recorded)"
NO_CASE = "(no case id)"


def rag_rating(score: float) -> str:
    if score >= GREEN_FROM:
        return "Green"
    return "Amber" if score >= AMBER_FROM else "Red"


# the writers read the model's ISO fields under these names
parse_date, parse_time, parse_timestamp = iso_date, iso_time, iso_timestamp


def out_of(check: str, tally: Tally) -> str:
    """What a check's rate in ``tally`` is out of: "the 120 notes recording an encounter"."""
    spec = spec_for(check)
    applied = tally.applicable[check]
    if spec is None or spec.applies_to == "every note" or applied == tally.notes:
        return f"all {applied:,} notes" if applied != 1 else "the one note"
    return f"the {applied:,} {spec.applies_to}" if applied != 1 else "the one note it applies to"


def all_check_ids() -> list[str]:
    return [spec.id for spec in all_checks()]


def case_label(result: NoteResult) -> str:
    return result.note.case_id or NO_CASE


def author_label(result: NoteResult) -> str:
    return result.note.author.strip() or NO_AUTHOR


def checks_in(result: NoteResult) -> set[str]:
    return {finding.check for finding in result.findings}


@dataclass
class Tally:
    """Notes and findings for one group of notes (a case file, an author, the run)."""

    name: str
    notes: int = 0
    clean_notes: int = 0
    notes_with: Counter = field(default_factory=Counter)  # check -> notes with a finding
    applicable: Counter = field(default_factory=Counter)  # check -> notes it applied to
    findings: Counter = field(default_factory=Counter)  # check -> findings
    first: date | None = None
    last: date | None = None

    def add(self, result: NoteResult) -> None:
        self.notes += 1
        found = checks_in(result)
        self.clean_notes += not found
        self.notes_with.update(found)
        self.applicable.update(check for check in all_check_ids() if applies(check, result))
        self.findings.update(finding.check for finding in result.findings)
        when = parse_date(result.note.date)
        if when:
            self.first = min(self.first or when, when)
            self.last = max(self.last or when, when)

    @property
    def score(self) -> float:
        return self.clean_notes / self.notes if self.notes else 1.0

    @property
    def rag(self) -> str:
        return rag_rating(self.score)

    def share_with(self, check: str) -> float:
        """The share of the notes a check applied to that have a finding from it."""
        applied = self.applicable[check]
        return self.notes_with[check] / applied if applied else 0.0


@dataclass
class AuditSummary:
    overall: Tally
    cases: list[Tally]
    authors: list[Tally]
    checks: list[str]

    @property
    def period(self) -> tuple[date | None, date | None]:
        """The first and last note dates (None, None when no note has a date)."""
        return self.overall.first, self.overall.last

    def worst_first(self) -> list[Tally]:
        """Case files lowest score first: where a reader should look first."""
        return sorted(self.cases, key=lambda tally: (tally.score, tally.name))

    def coaching(self, author: Tally) -> tuple[list[str], list[str]]:
        """Checks that are an author's strengths (no finding in their notes) and checks to
        work on (their share of notes with a finding is above the whole team's)."""
        strengths = [check for check in self.checks if author.notes_with[check] == 0]
        gaps = [
            check
            for check in self.checks
            if author.notes_with[check]
            and author.share_with(check) > self.overall.share_with(check)
        ]
        return strengths, gaps


def summarise(report: Report) -> AuditSummary:
    overall = Tally("All notes")
    cases: dict[str, Tally] = {}
    authors: dict[str, Tally] = {}
    for result in report.results:
        overall.add(result)
        _tally(cases, case_label(result)).add(result)
        _tally(authors, author_label(result)).add(result)
    return AuditSummary(
        overall=overall,
        cases=sorted(cases.values(), key=lambda tally: tally.name),
        authors=sorted(authors.values(), key=lambda tally: tally.name.lower()),
        checks=ordered_checks(set(overall.findings) | set(+overall.applicable)),
    )


def _tally(groups: dict[str, Tally], name: str) -> Tally:
    if name not in groups:
        groups[name] = Tally(name)
    return groups[name]


def in_date_order(results: Iterable[NoteResult]) -> list[NoteResult]:
    """Case by case, oldest first; undated notes last in their case, in input order."""

    def key(indexed: tuple[int, NoteResult]):
        position, result = indexed
        when = parse_date(result.note.date)
        at = parse_time(result.note.time)
        return (case_label(result), when is None, when or date.min, at or time.min, position)

    return [result for _, result in sorted(enumerate(results), key=key)]


def problem_notes(report: Report) -> list[NoteResult]:
    return [result for result in report.results if result.note.problems]


def grouped_by_case(results: Iterable[NoteResult]) -> dict[str, list[NoteResult]]:
    groups: dict[str, list[NoteResult]] = defaultdict(list)
    for result in results:
        groups[case_label(result)].append(result)
    return groups
