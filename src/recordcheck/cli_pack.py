"""What `audit` and `render` do around writing the pack for moderation and sampling:
decisions read (and their problems reported) before any note is checked, the
seed a sample is drawn with, and lines telling the user what both did."""

from __future__ import annotations

import secrets
from pathlib import Path

import click

from recordcheck.model import Decision, Report

SEED_LIMIT = 1_000_000  # a seed chosen for the user is short enough to type again


class UsageProblem(click.ClickException):
    """A problem with what the user asked for: shown as one line, exit code 2."""

    exit_code = 2


def read_decisions(path: Path | None) -> list[Decision] | None:
    """The decisions in ``path`` (None when no --decisions was given)."""
    if path is None:
        return None
    from recordcheck.report.decisions_book import DecisionsError
    from recordcheck.report.decisions_book import read_decisions as read_book

    try:
        return read_book(path)
    except DecisionsError as problem:
        raise UsageProblem(str(problem)) from None


def sample_seed(sample: int | None, seed: int | None) -> int:
    """The seed to draw with: the one given, or a new one (printed by `sampled`)."""
    if seed is not None and sample is None:
        raise UsageProblem("--seed draws a sample: give --sample N with it")
    return secrets.randbelow(SEED_LIMIT) if seed is None else seed


def with_decisions(report: Report, decisions: list[Decision] | None, path: Path | None) -> Report:
    """The report carrying the decisions given, and a line saying what became of them."""
    if decisions is None or path is None:
        return report
    from recordcheck.report.moderation import with_decisions as attach

    report = attach(report, decisions, Path(path).name)
    moderation = report.moderation
    matched = len(moderation.decisions)
    click.echo(f"Decisions from {path}: {matched} applied to findings of this run.")
    if moderation.not_matched:
        click.echo(
            f"recordcheck: {moderation.not_matched} decisions in {path} are for findings "
            "this run did not find (the note changed, or the workbook is from another "
            "export); they were not applied.",
            err=True,
        )
    return report


def sampled(report: Report) -> None:
    """Say which case files a sample drew, and how to draw them again."""
    if report.sample is None:
        return
    sample = report.sample
    click.echo(
        f"Sampled {len(sample.case_ids)} of {sample.of} case files with seed {sample.seed} "
        f"(--seed {sample.seed} draws the same ones); "
        f"{sample.notes_left_out} notes of other case files were not checked."
    )


def summary(report: Report) -> None:
    """The run in one sentence, with the figures the pack shows: after moderation."""
    from recordcheck.report.moderation import moderated
    from recordcheck.report.text import summary_line

    shown = moderated(report)
    line = summary_line(shown.results, len(report.unreadable))
    if dismissed := _findings(report) - _findings(shown):
        line += f" Findings dismissed by auditors are left out: {dismissed}."
    click.echo(line)


def _findings(report: Report) -> int:
    return sum(len(result.findings) for result in report.results)
