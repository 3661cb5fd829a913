"""The figures each chart of the audit report draws, worked out without drawing anything.

Kept apart from the drawing (report/charts.py) so the figures can be tested
and put into captions and alt text without loading matplotlib: the caption
states the same numbers the bars show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from recordcheck.model import Report
from recordcheck.report.applicability import applies
from recordcheck.report.doc_builder import percent, plural
from recordcheck.report.guide import guide_for
from recordcheck.report.partner_agencies import Partner
from recordcheck.report.summary import AuditSummary, checks_in, parse_date

# Charts are drawn at the width they print: within the 16.6 cm text width of an A4 page.
WIDTH_CM = 16.0
# More bars than this stop being readable on a page; the rest are added up into one.
TOP_CASES = 12
TOP_AGENCIES = 12
# Monthly points up to a year and a half; quarterly up to six years; yearly beyond.
MONTHLY_UP_TO = 18
QUARTERLY_UP_TO = 72
# A share resting on fewer notes than this swings too far to draw as a point of a trend
# line (the bars above it, and the caption, still give every period's notes).
NOTES_FOR_A_POINT = 5


@dataclass(frozen=True)
class Share:
    """``count`` of ``total``: one bar or one point, and the words a caption gives it."""

    label: str
    count: int
    total: int

    @property
    def rate(self) -> float | None:
        return self.count / self.total if self.total else None

    def words(self, unit: str = "") -> str:
        """ "25% (3 of 12 notes)" for the unit "note"; "none to count" when the total is 0."""
        if not self.total:
            return "none to count"
        of = plural(self.total, unit) if unit else f"{self.total:,}"
        return f"{percent(self.count / self.total)} ({self.count:,} of {of})"


def check_shares(summary: AuditSummary) -> list[Share]:
    """Per check: notes with a finding out of the notes the check applies to."""
    overall = summary.overall
    return [
        Share(guide_for(check).title, overall.notes_with[check], overall.applicable[check])
        for check in summary.checks
    ]


@dataclass(frozen=True)
class CaseScore:
    """One case file's bar: its score and grade, as the Grades by case file table gives them."""

    label: str
    score: float
    grade: str


def case_scores(
    summary: AuditSummary, top: int = TOP_CASES
) -> tuple[list[CaseScore], list[CaseScore]]:
    """Case files lowest score first, as the report grades and lists them: the ``top``
    to draw, and the rest (named in the caption, not added up: scores do not add).

    One left over is drawn rather than named apart.
    """
    ranked = [
        CaseScore(tally.name, summary.score(tally), summary.grade(tally))
        for tally in summary.worst_first()
    ]
    if len(ranked) <= top + 1:
        return ranked, []
    return ranked[:top], ranked[top:]


def grade_lines(summary: AuditSummary) -> list[tuple[str, float]]:
    """Where each grade but the lowest starts, as (name, lowest score): the chart's
    dashed lines."""
    scheme = summary.scheme
    return list(zip(scheme.names, scheme.lowest, strict=False))


@dataclass
class Period:
    """One month, quarter or year of notes."""

    label: str  # "Mar 2024", "Q1 2024", "2024"
    start: date
    notes: int = 0
    flagged: int = 0  # notes with at least one finding
    applicable: dict[str, int] = field(default_factory=dict)  # check -> notes it applied to
    with_finding: dict[str, int] = field(default_factory=dict)  # check -> notes with a finding

    def check_share(self, check: str) -> Share:
        return Share(self.label, self.with_finding.get(check, 0), self.applicable.get(check, 0))

    @property
    def share(self) -> Share:
        return Share(self.label, self.flagged, self.notes)


@dataclass(frozen=True)
class Trend:
    step: str  # "month", "quarter" or "year"
    periods: list[Period]
    checks: list[str]
    undated: int  # notes left out because they have no date


def _months_between(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _period_start(when: date, step: str) -> date:
    if step == "year":
        return date(when.year, 1, 1)
    if step == "quarter":
        return date(when.year, (when.month - 1) // 3 * 3 + 1, 1)
    return date(when.year, when.month, 1)


def _period_label(start: date, step: str) -> str:
    if step == "year":
        return str(start.year)
    if step == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    return f"{start:%b %Y}"


def _next_start(start: date, step: str) -> date:
    months = {"month": 1, "quarter": 3, "year": 12}[step]
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def trend(report: Report, summary: AuditSummary) -> Trend:
    """Notes and the share with a finding per period, every period from first to last
    shown (an empty month is a true gap, not a month to skip)."""
    first, last = summary.period
    dated = [(parse_date(result.note.date), result) for result in report.results]
    dated = [(when, result) for when, result in dated if when]
    undated = len(report.results) - len(dated)
    if first is None or last is None:
        return Trend("month", [], summary.checks, undated)
    months = _months_between(first, last)
    step = "year" if months > QUARTERLY_UP_TO else "quarter" if months > MONTHLY_UP_TO else "month"
    periods: dict[date, Period] = {}
    start = _period_start(first, step)
    while start <= last:
        periods[start] = Period(_period_label(start, step), start)
        start = _next_start(start, step)
    for when, result in dated:
        period = periods[_period_start(when, step)]
        found = checks_in(result)
        period.notes += 1
        period.flagged += bool(found)
        for check in summary.checks:
            if applies(check, result):
                period.applicable[check] = period.applicable.get(check, 0) + 1
                period.with_finding[check] = period.with_finding.get(check, 0) + (check in found)
    return Trend(step, list(periods.values()), summary.checks, undated)


@dataclass(frozen=True)
class AgencyBar:
    """One agency's contacts, and its outward sharing with a reason and an outcome recorded."""

    label: str
    contacts: int
    outward: int
    reason: Share  # outward contacts with a reason recorded, of those whose reason was judged
    outcome: Share  # outward contacts with an outcome recorded, of all outward contacts


def _agency_bar(label: str, partners: Sequence[Partner]) -> AgencyBar:
    return AgencyBar(
        label,
        sum(partner.contacts for partner in partners),
        sum(partner.outward for partner in partners),
        Share(
            "reason recorded",
            sum(partner.with_reason for partner in partners),
            sum(partner.reason_known for partner in partners),
        ),
        Share(
            "outcome recorded",
            sum(partner.with_outcome for partner in partners),
            sum(partner.outward for partner in partners),
        ),
    )


def agency_bars(partners: Sequence[Partner], top: int = TOP_AGENCIES) -> list[AgencyBar]:
    """The ``top`` agencies with most contacts, most first. The rest are not drawn (their
    contacts added up would dwarf every bar): `others` adds them up for the caption."""
    return [_agency_bar(partner.agency, [partner]) for partner in _by_contacts(partners)[:top]]


def others(partners: Sequence[Partner], top: int = TOP_AGENCIES) -> AgencyBar | None:
    """The agencies past the ``top``, added up; None when every agency is drawn."""
    rest = _by_contacts(partners)[top:]
    return _agency_bar(f"the other {len(rest):,} agencies", rest) if rest else None


def _by_contacts(partners: Sequence[Partner]) -> list[Partner]:
    return sorted(partners, key=lambda partner: (-partner.contacts, partner.agency.lower()))
