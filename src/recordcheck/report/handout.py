"""What goes into one worker's supervision handout (`recordcheck coach`), as plain data.

Built from a Report alone (no spaCy, no Word): the checks the worker met, each
with a sentence of their own that meets it; a few of their notes with the
flagged words and the suggested rewrite; their share of notes with a finding
over time; and the team's rate beside theirs. The handout names no other
worker: the team figures are totals, and no quotation is used that holds
another author's name.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from recordcheck.model import NoteResult, Report
from recordcheck.report.applicability import applicable, basis, told_apart
from recordcheck.report.colleagues import colleague_names, names_colleague
from recordcheck.report.excerpts import Example, pick_examples
from recordcheck.report.guide import ordered_checks
from recordcheck.report.strengths import Strength, strength
from recordcheck.report.summary import parse_date

MOST_EXAMPLES = 4  # with the other sections, two pages
MONTHS_BEFORE_QUARTERS = 6  # a longer period is shown by quarter


@dataclass(frozen=True)
class Period:
    label: str
    notes: int
    flagged: int  # notes with at least one finding
    team_notes: int
    team_flagged: int


@dataclass(frozen=True)
class Comparison:
    """The worker's share of notes with a finding for one check, and the team's."""

    check: str
    basis: str  # which notes were counted
    notes: int
    flagged: int
    team_notes: int
    team_flagged: int
    known: bool  # False: the notes it applies to cannot be told, so all notes were counted


@dataclass(frozen=True)
class Handout:
    author: str
    notes: int
    first: date | None
    last: date | None
    strengths: list[Strength]
    examples: list[Example]
    trend_unit: str  # "month" or "quarter"
    trend: list[Period]
    comparisons: list[Comparison]


class UnknownAuthor(ValueError):
    """No note in the run has this author; the message names the closest ones."""


def authors_in(report: Report) -> list[str]:
    """Every recorded author, alphabetically (notes with no author are nobody's)."""
    names = {result.note.author.strip() for result in report.results}
    return sorted(filter(None, names), key=str.lower)


def find_author(report: Report, name: str) -> str:
    """The author as the notes write them, matched without regard to case or spacing."""
    wanted = _plain(name)
    authors = authors_in(report)
    for author in authors:
        if _plain(author) == wanted:
            return author
    close = difflib.get_close_matches(wanted, [_plain(a) for a in authors], n=3, cutoff=0.5)
    by_plain = {_plain(a): a for a in authors}
    suggestion = (
        "closest: " + ", ".join(f'"{by_plain[c]}"' for c in close)
        if close
        else f"the notes have {len(authors)} authors"
    )
    raise UnknownAuthor(f'no notes by "{name}" ({suggestion})')


def _plain(name: str) -> str:
    return " ".join(name.lower().split())


def build_handout(report: Report, author: str) -> Handout:
    results = report.results
    own = [r for r in results if r.note.author.strip() == author]
    others = colleague_names(authors_in(report), author)
    checks = ordered_checks({f.check for r in results for f in r.findings})
    dates = [d for d in (parse_date(r.note.date) for r in own) if d]
    unit, trend = _trend(own, results)
    return Handout(
        author=author,
        notes=len(own),
        first=min(dates, default=None),
        last=max(dates, default=None),
        strengths=[s for s in (strength(check, own, others) for check in checks) if s],
        examples=_examples(own, checks, others),
        trend_unit=unit,
        trend=trend,
        comparisons=[_comparison(check, own, results) for check in checks],
    )


def _flagged(check: str, results: Sequence[NoteResult]) -> int:
    return sum(any(f.check == check for f in r.findings) for r in results)


def _comparison(check: str, own, results) -> Comparison:
    theirs, team = applicable(check, own), applicable(check, results)
    return Comparison(
        check, basis(check, results), len(theirs), _flagged(check, theirs), len(team),
        _flagged(check, team), told_apart(results),
    )


# --- notes to talk through -----------------------------------------------------------------


def _examples(own: Sequence[NoteResult], checks: list[str], others) -> list[Example]:
    """Three to five flagged notes: the most severe finding of each check first, each note
    once, none quoting a colleague's name."""
    per_check = {
        check: [
            e for e in pick_examples(own, check, count=len(own)) if not _example_names(e, others)
        ]
        for check in checks
    }
    chosen: list[Example] = []
    for depth in range(max((len(found) for found in per_check.values()), default=0)):
        for check in checks:
            found = per_check[check]
            if (
                depth < len(found)
                and len(chosen) < MOST_EXAMPLES
                and all(e.result is not found[depth].result for e in chosen)
            ):
                chosen.append(found[depth])
    return chosen


def _example_names(example: Example, others) -> bool:
    quote = example.quote
    text = quote.before + quote.flagged + quote.after + " " + (example.finding.suggestion or "")
    return names_colleague(text, others)


# --- over time -----------------------------------------------------------------------------


def _trend(own: Sequence[NoteResult], results: Sequence[NoteResult]) -> tuple[str, list[Period]]:
    dates = [d for d in (parse_date(r.note.date) for r in own) if d]
    months = {(d.year, d.month) for d in dates}
    unit = "month" if len(months) <= MONTHS_BEFORE_QUARTERS else "quarter"

    def key(result: NoteResult) -> tuple[int, int] | None:
        when = parse_date(result.note.date)
        if when is None:
            return None
        return (when.year, when.month if unit == "month" else (when.month - 1) // 3 + 1)

    periods = sorted({k for k in map(key, own) if k})
    rows = []
    for period in periods:
        theirs = [r for r in own if key(r) == period]
        team = [r for r in results if key(r) == period]
        rows.append(
            Period(
                _label(period, unit),
                len(theirs),
                sum(bool(r.findings) for r in theirs),
                len(team),
                sum(bool(r.findings) for r in team),
            )
        )
    return unit, rows


def _label(period: tuple[int, int], unit: str) -> str:
    year, part = period
    if unit == "month":
        return date(year, part, 1).strftime("%b %Y")
    return f"Q{part} {year} ({date(year, 3 * part - 2, 1):%b}\u2013{date(year, 3 * part, 1):%b})"


def share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "\u2013"

