"""What each check looks for, in words an auditor can put in front of a practitioner.

The words come from each check's declaration (`recordcheck.catalogue`). A
check the catalogue does not know (a report.json from an organisation's own
check, rendered where that folder is not installed) still gets a readable
title from its id.
"""

from __future__ import annotations

from dataclasses import dataclass

from recordcheck.catalogue import all_checks, spec_for


@dataclass(frozen=True)
class CheckGuide:
    check: str
    title: str
    short: str  # a table column heading
    requires: str  # what a good note does
    why: str  # why it matters for the person and for partner agencies
    strength: str  # how to name it when an author does this well
    text_title: str = ""  # the heading of its findings in the plain-text report


def readable(identifier: str) -> str:
    """An id such as "who-present" or "mind_reading" as words."""
    return identifier.replace("-", " ").replace("_", " ").strip()


def guide_for(check: str) -> CheckGuide:
    """The guide for ``check``, or a plain one built from its id."""
    spec = spec_for(check)
    if spec is not None:
        return CheckGuide(
            check=spec.id,
            title=spec.title,
            short=spec.short,
            requires=spec.requires,
            why=spec.why,
            strength=spec.strength,
            text_title=spec.text_title,
        )
    title = readable(check).capitalize() or "Other check"
    return CheckGuide(
        check=check,
        title=title,
        short=title,
        requires="See the recording standard for what this check looks for.",
        why="",
        strength=f"meets the '{title}' check",
        text_title=title,
    )


def ordered_checks(found: set[str]) -> list[str]:
    """Every known check in the standard's order (a clean result is worth showing),
    then any other check that produced findings, alphabetically."""
    known = [spec.id for spec in all_checks()]
    return known + sorted(found - set(known))
