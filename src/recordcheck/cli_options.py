"""The option bundles the `recordcheck` commands share, where log lines go, and how
Ctrl-C ends a run.

Kept apart from cli.py so each command there reads as what it does: a
command that reads case notes takes `@input_options`; one that writes the
audit pack takes `@pack_options`.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

log = logging.getLogger("recordcheck")
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells expect


class _ClickEchoHandler(logging.Handler):
    """Sends log lines to whatever stderr click is using (the terminal, or a test runner)."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(self.format(record), err=True)


def _set_verbosity(ctx: click.Context, param: click.Parameter, verbose: bool) -> None:
    _log_to_stderr(logging.DEBUG if verbose else logging.WARNING)


def _log_to_stderr(level: int) -> None:
    for handler in [h for h in log.handlers if isinstance(h, _ClickEchoHandler)]:
        log.removeHandler(handler)
    handler = _ClickEchoHandler()
    handler.setFormatter(logging.Formatter("recordcheck: %(message)s"))
    log.addHandler(handler)
    log.setLevel(level)


def input_options(command):
    """The options every command that reads case notes shares."""
    decorators = [
        click.argument("inputs", nargs=-1, metavar="[INPUT]...",
                       type=click.Path(exists=True, path_type=Path, allow_dash=True)),
        click.option("--mapping", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="TOML file naming which columns of your export hold which fields."),
        click.option("--sheet", help="Worksheet to read in Excel files (default: the first)."),
        click.option("--rules", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="Your organisation's extra terms (TOML or YAML)."),
        click.option("--jobs", "-j", type=click.IntRange(min=1),
                     help="Processes to use (default: one per CPU on large runs)."),
        click.option("--quiet", "-q", is_flag=True,
                     help="No progress bar; only problems on stderr."),
        click.option("--strict", is_flag=True,
                     help="Exit with code 1 when any row could not be read."),
        click.option("--redact", is_flag=True,
                     help="Replace names, home addresses, phone numbers, emails, postcodes, "
                          "NHS and NI numbers with pseudonyms in every output."),
        click.option("--verbose", is_flag=True, expose_value=False, callback=_set_verbosity,
                     help="Show debugging detail, which may include note text."),
        # For the benchmark and for tuning memory; auditors never need it.
        click.option("--batch-size", type=click.IntRange(min=1), default=64, hidden=True),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def pack_options(command):
    """The options of the commands that write the audit pack."""
    decorators = [
        click.option("--out", "out_dir", required=True,
                     type=click.Path(file_okay=False, path_type=Path),
                     help="Folder for the Word report and Excel workbooks (created if missing)."),
        click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="Your own Word template for the audit report."),
        click.option("--organisation", default="", help="Organisation name for the title page."),
        click.option("--service", default="", help="Service or team name for the title page."),
        click.option("--decisions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="A findings.xlsx from an earlier audit: its auditors' decisions are "
                          "applied (dismissed findings leave the figures) and carried over."),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def sample_options(command):
    """--sample N --seed S: audit N case files drawn at random."""
    decorators = [
        click.option("--sample", type=click.IntRange(min=1), metavar="N",
                     help="Audit N case files drawn at random (stratified by team where "
                          "the export says), not every one."),
        click.option("--seed", type=int, metavar="S",
                     help="Seed for --sample: the same seed draws the same case files "
                          "(default: a new one, printed)."),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


class CommandGroup(click.Group):
    """The command group; Ctrl-C ends a run with exit code 130, as shells expect."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo(
                "recordcheck: interrupted; files already written were left whole, "
                "and an audit pack in progress was not put in place.",
                err=True,
            )
            sys.exit(EXIT_INTERRUPTED)
