"""How often each check is right and how much it finds, in plain words, from the package's
accuracy.toml (written by `recordcheck evaluate NOTES GOLD --record-accuracy` on the
blind split, or by hand from evaluate's output)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from recordcheck.catalogue import spec_for
from recordcheck.datafiles import package_toml
from recordcheck.report.doc_builder import day, plural
from recordcheck.report.guide import guide_for
from recordcheck.report.moderation import CheckModeration

if TYPE_CHECKING:
    from recordcheck.report.summary import AuditSummary

ACCURACY_PACKAGE, ACCURACY_FILE = "recordcheck", "accuracy.toml"
HALF_OF100 = 50  # of every 100 shortfalls: below this, no finding does not show a check met


def accuracy_record() -> dict[str, Any]:
    """The accuracy data shipped with this version, or {} when there is none."""
    try:
        return package_toml(ACCURACY_PACKAGE, ACCURACY_FILE)
    except (FileNotFoundError, ValueError):
        return {}


def accuracy_lines(
    record: dict[str, Any], checks: Sequence[str], *, moderated: bool = False
) -> tuple[str, list[tuple[str, str]], str] | None:
    """An opening sentence, (check title, sentence) for each check measured, and a closing
    sentence on what the figures mean for this report; None when nothing was measured."""
    measured = record.get("checks", {})
    rows = [(check, measured[check]) for check in checks if check in measured]
    if not rows:
        return None
    when = record.get("measured")
    when = day(when) if isinstance(when, date) else str(when or "an unrecorded date")
    about = record.get("about", "")
    opening = (
        f"Measured on {plural(int(record.get('notes', 0)), 'note')}"
        + (f" {about}" if about else "")
        + f", against labels written by people who read every note (the "
        f"'{record.get('split', 'unnamed')}' split, {when}). For each check:"
    )
    sentences = [(guide_for(check).title, _sentence(check, figures)) for check, figures in rows]
    weak = [
        guide_for(check).title.lower()
        for check, figures in rows
        if _of100(figures, "precision") < 50
    ]
    closing = (
        "The figures in this report count the tool's findings. Where fewer are right they include "
        "findings an auditor would dismiss; where fewer are found they miss shortfalls an auditor "
        "would see. "
        + (
            "Findings the auditor dismissed have been taken out of every figure; shortfalls the "
            "tool missed are still missing."
            if moderated
            else "Until the findings are moderated, read the grades as a guide to where to look, "
            "not as a measure."
        )
    )
    if weak:
        closing = (
            f"Fewer than half of the findings for {_joined(weak)} are right: read each one "
            "before relying on it. " + closing
        )
    return opening, sentences, closing


def accuracy_summary(record: dict[str, Any], checks: Sequence[str]) -> str:
    """The executive summary's statement, per check: of 100 findings, how many are right,
    and of 100 shortfalls, how many it finds (a check with few findings is not thereby met)."""
    measured = record.get("checks", {})
    parts = [
        f"about {_of100(measured[check], 'precision')} in 100 findings for "
        f"{guide_for(check).title.lower()}"
        for check in checks
        if check in measured
    ]
    if not parts:
        return ""
    found = [
        f"about {_of100(measured[check], 'recall')} in 100 for {guide_for(check).title.lower()}"
        for check in checks
        if "recall" in measured.get(check, {})
    ]
    return (
        f"on notes the checks were never built on, {_joined(parts)} are right"
        + (f", and of the shortfalls there are it finds {_joined(found)}" if found else "")
        + " (see How accurate the checks are, under Method). Read each finding before relying "
        "on it"
        + (", and read few findings as few found, not as the standard met." if found else ".")
    )


def finding_under_half(record: dict[str, Any], checks: Sequence[str]) -> str:
    """The checks that find fewer than half the shortfalls there are, joined in words
    ("who was present and why information was shared"), "" when none was measured so."""
    low = [guide_for(check).title.lower() for check in checks if finds_under_half(check, record)]
    return _joined(low) if low else ""


def finds_under_half(check: str, record: dict[str, Any] | None = None) -> bool:
    """The check was measured to find fewer than half the shortfalls there are: few
    findings for it show few found, not the standard met, so it is no strength and its
    grade is only the best the notes could have."""
    found = recall_of100(accuracy_record() if record is None else record, check)
    return found is not None and found < HALF_OF100


# after the grade of a check that finds fewer than half the shortfalls: no better than this
AT_BEST = "at best"


def shown_grade(summary: AuditSummary, check: str) -> str:
    """The check's grade over every note, "at best" where it finds under half the
    shortfalls: the grade every output shows (the report, findings.xlsx)."""
    grade = summary.check_grade(check, summary.overall)
    return f"{grade} {AT_BEST}" if finds_under_half(check) else grade


def recall_of100(record: dict[str, Any], check: str) -> int | None:
    """Of every 100 shortfalls of ``check``, how many the tool finds; None if not measured."""
    figures = record.get("checks", {}).get(check, {})
    return _of100(figures, "recall") if "recall" in figures else None


def decided_summary(decided: Mapping[str, CheckModeration]) -> str:
    """The auditors' own measure of this audit, for the executive summary beside the
    measured one: how many of the findings they decided they accepted, per check."""
    parts = []
    for check, figures in decided.items():
        if figures.decided:
            parts.append(
                f"{figures.accepted:,} of the {plural(figures.decided, 'finding')} they "
                f"decided for {guide_for(check).title.lower()} ({figures.precision:.0%})"
            )
    if not parts:
        return ""
    return (
        f"In this audit the auditors accepted {_joined(parts)}; the findings they dismissed "
        "are left out of every figure."
    )


def _sentence(check: str, figures: dict[str, Any]) -> str:
    spec = spec_for(check)
    unit = "passages" if spec is not None and spec.unit == "span" else "notes"
    flagged = int(figures.get("true_positives", 0)) + int(figures.get("false_positives", 0))
    actual = int(figures.get("true_positives", 0)) + int(figures.get("false_negatives", 0))
    counted = (
        f" (from {plural(flagged, 'finding')} and {actual:,} {unit} that fell short)"
        if flagged or actual
        else ""
    )
    return (
        f"of every 100 findings the tool makes, about {_of100(figures, 'precision')} are "
        f"right; of every 100 {unit} that fall short, it finds about "
        f"{_of100(figures, 'recall')}{counted}."
    )


def _of100(figures: dict[str, Any], measure: str) -> int:
    return round(float(figures.get(measure, 0.0)) * 100)


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
