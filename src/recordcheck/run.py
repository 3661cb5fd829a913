"""The library's entry point: files in, checked notes and a Report out.

Everything a run does besides parsing options and printing lives here, so the
library can be used without the command line and `evaluate`, the tests and
the CLI all go through the same path: expanding folders, describing the input
files, judging the rules file before any work starts, counting notes (for
progress and for choosing how many processes to start), checking them
(`engine.run`), and pseudonymising the results for `--redact`.

With more than one job, this process only reads files and writes outputs: the
workers do the language work, and spaCy is never imported here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from recordcheck import engine
from recordcheck.account import RunAccount
from recordcheck.errors import PipelineNotInstalled
from recordcheck.model import Note, NoteResult, Report, SourceFile


class RunProblem(ValueError):
    """Something the user asked for cannot be done: a bad mapping or rules file, no
    input files, no language model. The message is one line naming the file."""


@dataclass(frozen=True)
class RunOptions:
    """How to read the inputs and what the run must find."""

    mapping: Path | None = None
    sheet: str | None = None
    rules: Path | None = None
    jobs: int | None = None  # processes; default one per CPU on large runs
    redact: bool = False
    batch_size: int = 64
    # contacts with other agencies and chronology events, for the audit pack
    partners: bool = False
    organisation: str = ""  # whose records these are: never listed as a partner
    service: str = ""


@dataclass
class CheckedRun:
    """A run under way: results stream past while the account fills."""

    results: Iterator[NoteResult]
    account: RunAccount
    sources: list[SourceFile]

    def report(self) -> Report:
        """Consume the results into the plain-data Report every writer reads."""
        return engine.build_report(self.results, self.account, self.sources)


@contextmanager
def checked_notes(
    inputs: Sequence[Path],
    options: RunOptions = RunOptions(),
    *,
    progress: Callable[[int], object] | None = None,
    on_total: Callable[[int], object] | None = None,
) -> Iterator[CheckedRun]:
    """Check every note in ``inputs`` (files or folders); yield the run as it streams.

    ``on_total`` is told how many notes there are before checking starts;
    ``progress`` is told how many were just checked. Raises RunProblem for
    problems the user can fix.
    """
    from recordcheck.ingest import MappingError, describe_source, expand_inputs, read_inputs
    from recordcheck.rules import RulesError, load_rules

    input_files = expand_inputs(list(inputs))
    if not input_files:
        raise RunProblem("no case-note files found in " + ", ".join(map(str, inputs)))
    sources = [describe_source(path) for path in input_files]
    account = RunAccount()
    try:
        # a mistake in the rules file is reported before any work starts
        rules = load_rules(options.rules) if options.rules else {}
        total, authors = count_notes(input_files, options)
        if on_total is not None:
            on_total(total)
        results = engine.run(
            read_inputs(input_files, options.mapping, options.sheet),
            rules=options.rules,
            jobs=engine.worker_count(options.jobs, total),
            batch_size=options.batch_size,
            partners=options.partners,
            personal_data=options.redact,
            progress=progress,
            account=account,
            own_service=_own_service(options, rules.get("service", {}), authors),
        )
        if options.redact:
            from recordcheck.redact.results import redact_results

            results = redact_results(results)
        yield CheckedRun(results, account, sources)
    except (MappingError, RulesError, PipelineNotInstalled) as error:
        raise RunProblem(str(error)) from None


def count_notes(input_files: Sequence[Path], options: RunOptions) -> tuple[int, list[str]]:
    """Read the inputs once without checking: how many notes, and who wrote them.

    The count lets progress show time left; the authors are the organisation's
    own staff, never partners. Reading is fast next to checking, and this also
    reports a bad mapping file before any work starts.
    """
    from recordcheck.ingest import read_inputs

    total, authors = 0, {}
    for item in read_inputs(list(input_files), options.mapping, options.sheet):
        if isinstance(item, Note):
            total += 1
            if item.author:
                authors[item.author] = None
    return total, list(authors)


def _own_service(options: RunOptions, table: dict, authors: list[str]) -> dict[str, list[str]]:
    """The organisation's names (options and the rules file's [service]) and its staff."""
    names = [n for n in (options.organisation, options.service, *table.get("names", ())) if n]
    return {"names": names, "staff": [*table.get("staff", ()), *authors]}
