"""The figures every audit output shares, computed once from a Report.

Grades are weighted by severity against the notes each check applies to; how,
and in which names, is said once, in grades.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, time

from recordcheck.catalogue import check_ids, spec_for
from recordcheck.model import NoteResult, Report, iso_date, iso_time, iso_timestamp
from recordcheck.report.applicability import applies
from recordcheck.report.grades import GradeScheme, worst_severity
from recordcheck.report.guide import ordered_checks

NO_AUTHOR = "(author not recorded)"
NO_CASE = "(no case id)"


# the writers read the model's ISO fields under these names
parse_date, parse_time, parse_timestamp = iso_date, iso_time, iso_timestamp


def out_of(check: str, tally: Tally) -> str:
    """What a check's rate in ``tally`` is out of: "the 120 notes recording an encounter"."""
    spec = spec_for(check)
    applied = tally.applicable[check]
    if spec is None or spec.applies_to == "every note" or applied == tally.notes:
        return f"all {applied:,} notes" if applied != 1 else "the one note"
    return f"the {applied:,} {spec.applies_to}" if applied != 1 else "the one note it applies to"


def case_label(result: NoteResult) -> str:
    return result.note.case_id or NO_CASE


def author_label(result: NoteResult) -> str:
    return result.note.author.strip() or NO_AUTHOR


def checks_in(result: NoteResult) -> set[str]:
    return {finding.check for finding in result.findings}


@dataclass
class Tally:
    """Notes and findings for one group of notes (a case file, a team, the run)."""

    name: str
    notes: int = 0
    clean_notes: int = 0
    notes_with: Counter = field(default_factory=Counter)  # check -> notes with a finding
    applicable: Counter = field(default_factory=Counter)  # check -> notes it applied to
    findings: Counter = field(default_factory=Counter)  # check -> findings
    # check -> notes counted by their most serious finding for it (Severity -> notes)
    worst: dict[str, Counter] = field(default_factory=dict)
    first: date | None = None
    last: date | None = None

    def add(self, result: NoteResult) -> None:
        self.notes += 1
        found = checks_in(result)
        self.clean_notes += not found
        self.notes_with.update(found)
        self.applicable.update(check for check in check_ids() if applies(check, result))
        self.findings.update(finding.check for finding in result.findings)
        for check in found:
            worst = worst_severity([f.severity for f in result.findings if f.check == check])
            self.worst.setdefault(check, Counter())[worst] += 1
        when = parse_date(result.note.date)
        if when:
            self.first = min(self.first or when, when)
            self.last = max(self.last or when, when)

    @property
    def clean_share(self) -> float:
        """The share of notes with no finding at all."""
        return self.clean_notes / self.notes if self.notes else 1.0

    def share_with(self, check: str) -> float:
        """The share of the notes a check applied to that have a finding from it."""
        applied = self.applicable[check]
        return self.notes_with[check] / applied if applied else 0.0


@dataclass
class AuditSummary:
    overall: Tally
    cases: list[Tally]
    teams: list[Tally]  # where the export names the team; workers are never tallied here
    authors: int  # how many wrote the notes (a count only: the pack names no worker)
    checks: list[str]
    scheme: GradeScheme = field(default_factory=lambda: GradeScheme.from_table(None))

    def check_score(self, check: str, tally: Tally) -> float:
        """1 less the check's weighted shortfalls over the notes in ``tally`` it applies to."""
        applied = tally.applicable[check]
        shortfall = self.scheme.shortfall(tally.worst.get(check, Counter()))
        return 1 - shortfall / applied if applied else 1.0

    def score(self, tally: Tally) -> float:
        """1 less the weighted shortfalls over every (note, check that applies to it)."""
        applied = sum(tally.applicable[check] for check in self.checks)
        shortfall = sum(
            self.scheme.shortfall(tally.worst.get(check, Counter())) for check in self.checks
        )
        return 1 - shortfall / applied if applied else 1.0

    def grade(self, tally: Tally) -> str:
        return self.scheme.grade(self.score(tally))

    def check_grade(self, check: str, tally: Tally) -> str:
        return self.scheme.grade(self.check_score(check, tally))

    def graded_well(self, check: str, tally: Tally) -> bool:
        """Whether the check grades in the better half of the scheme over ``tally`` (Good or
        Outstanding): a check graded lower is not called a strength however many notes met
        it, so the report never lists a check both as a gap and as done well."""
        names = self.scheme.names
        return names.index(self.check_grade(check, tally)) < len(names) // 2

    @property
    def period(self) -> tuple[date | None, date | None]:
        """The first and last note dates (None, None when no note has a date)."""
        return self.overall.first, self.overall.last

    def worst_first(self) -> list[Tally]:
        """Case files lowest score first: where a reader should look first."""
        return sorted(self.cases, key=lambda tally: (self.score(tally), tally.name))


def summarise(report: Report) -> AuditSummary:
    overall = Tally("All notes")
    cases: dict[str, Tally] = {}
    teams: dict[str, Tally] = {}
    authors: set[str] = set()
    for result in report.results:
        overall.add(result)
        _tally(cases, case_label(result)).add(result)
        authors.add(author_label(result))
        if result.note.team.strip():
            _tally(teams, result.note.team.strip()).add(result)
    return AuditSummary(
        overall=overall,
        cases=sorted(cases.values(), key=lambda tally: tally.name),
        teams=sorted(teams.values(), key=lambda tally: tally.name.lower()),
        authors=len(authors),
        checks=ordered_checks(set(overall.findings) | set(+overall.applicable)),
        scheme=GradeScheme.from_table(report.grading),
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
