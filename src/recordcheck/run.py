"""The library's entry point: files in, checked notes and a Report out.

Everything a run does besides parsing options and printing lives here, so the
library can be used without the command line and `evaluate`, the tests, the
CLI and the web page all go through the same path: expanding folders,
describing the input files (or notes typed or pasted, `TypedNotes`), judging
the rules file before any work starts, counting notes (for progress and for
choosing how many processes to start), drawing a sample of case files
(`--sample`, see sampling.py), checking them (`engine.run`), and pseudonymising
the results for `--redact`.

With more than one job, this process only reads files and writes outputs: the
workers do the language work, and spaCy is never imported here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Union

from recordcheck import engine
from recordcheck.account import RunAccount
from recordcheck.errors import PipelineNotInstalled
from recordcheck.model import Note, NoteResult, Report, Sample, SourceFile, Unreadable
from recordcheck.sampling import CaseFiles, SampleTooLarge, draw_sample

if TYPE_CHECKING:
    from recordcheck.ingest.typed import TypedNotes

# What a run reads: export files and folders, or notes typed or pasted. (The
# importers load openpyxl and numpy, so they are imported only when a run starts.)
Input = Union[Path, "TypedNotes"]  # noqa: UP007 (a string forward reference)


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
    sample: int | None = None  # check only this many case files, drawn at random
    seed: int = 0  # for the draw: the same seed draws the same case files


@dataclass
class CheckedRun:
    """A run under way: results stream past while the account fills."""

    results: Iterator[NoteResult]
    account: RunAccount
    sources: list[SourceFile]
    sample: Sample | None = None  # the case files drawn, when the run sampled
    grading: dict = field(default_factory=dict)  # the rules file's [grades] table

    def report(self) -> Report:
        """Consume the results into the plain-data Report every writer reads."""
        report = engine.build_report(self.results, self.account, self.sources)
        return replace(report, sample=self.sample, grading=self.grading)


@contextmanager
def checked_notes(
    inputs: Sequence[Input],
    options: RunOptions = RunOptions(),
    *,
    progress: Callable[[int], object] | None = None,
    on_total: Callable[[int], object] | None = None,
    checker: engine.NoteChecker | None = None,
) -> Iterator[CheckedRun]:
    """Check every note in ``inputs`` (files, folders or typed notes); yield the run as it
    streams.

    ``on_total`` is told how many notes there are before checking starts;
    ``progress`` is told how many were just checked. ``checker`` is a pipeline
    already loaded (the web page loads one at start-up and checks every note
    with it, here in this process). Raises RunProblem for problems the user can fix.
    """
    from recordcheck.ingest import MappingError, describe_source
    from recordcheck.ingest.typed import TypedNotes
    from recordcheck.rules import RulesError, load_rules

    input_files = _expanded(inputs)
    sources = [
        item.describe() if isinstance(item, TypedNotes) else describe_source(item)
        for item in input_files
    ]
    account = RunAccount()
    try:
        # a mistake in the rules file is reported before any work starts
        rules = load_rules(options.rules) if options.rules else {}
        counted = count_notes(input_files, options)
        sample = (
            draw_sample(counted.cases, options.sample, options.seed) if options.sample else None
        )
        total = counted.total if sample is None else counted.cases.notes_in(sample.case_ids)
        if on_total is not None:
            on_total(total)
        notes = read_notes(input_files, options)
        results = engine.run(
            notes if sample is None else _sampled(notes, sample, account),
            rules=options.rules,
            jobs=1 if checker is not None else engine.worker_count(options.jobs, total),
            batch_size=options.batch_size,
            partners=options.partners,
            personal_data=options.redact,
            progress=progress,
            account=account,
            own_service=_own_service(options, rules.get("service", {}), counted.authors),
            loader=None if checker is None else (lambda _options: checker),
            case_sizes=counted.cases.sizes(),
        )
        if options.redact:
            from recordcheck.redact.results import redact_results

            results = redact_results(results)
        yield CheckedRun(results, account, sources, sample, rules.get("grades", {}))
    except (MappingError, RulesError, PipelineNotInstalled, SampleTooLarge) as error:
        raise RunProblem(str(error)) from None


def read_notes(inputs: Sequence[Input], options: RunOptions) -> Iterator[Note | Unreadable]:
    """Every note of every input in order, and every row that could not be read."""
    from recordcheck.ingest import Mapping, load_mapping

    # a bad mapping file raises here, before anything is read
    mapping = load_mapping(options.mapping) if options.mapping is not None else Mapping()
    return _read_each(inputs, mapping, options.sheet)


def _read_each(
    inputs: Sequence[Input], mapping, sheet: str | None
) -> Iterator[Note | Unreadable]:
    from recordcheck.ingest import read_file
    from recordcheck.ingest.typed import TypedNotes

    for item in inputs:
        if isinstance(item, TypedNotes):
            yield from item.notes()
        else:
            yield from read_file(Path(item), mapping, sheet)


@dataclass
class NoteCount:
    """What reading the inputs once found: how many notes, who wrote them in which team,
    and the case files (for drawing a sample)."""

    total: int = 0
    authors: dict[str, dict[str, None]] = field(default_factory=dict)
    cases: CaseFiles = field(default_factory=CaseFiles)


def count_notes(input_files: Sequence[Input], options: RunOptions) -> NoteCount:
    """Read the inputs once without checking.

    The count lets progress show time left; the authors are the organisation's
    own staff, never partners. Reading is fast next to checking, and this also
    reports a bad mapping file before any work starts.
    """
    counted = NoteCount()
    for item in read_notes(input_files, options):
        if isinstance(item, Note):
            counted.total += 1
            counted.cases.add(item)
            if item.author:
                counted.authors.setdefault(item.author, {})[item.team] = None
    return counted


def _sampled(
    items: Iterator[Note | Unreadable], sample: Sample, account: RunAccount
) -> Iterator[Note | Unreadable]:
    """The notes of the case files drawn; the others are counted as left out, unchecked."""
    drawn = set(sample.case_ids)
    for item in items:
        if isinstance(item, Note) and item.case_id not in drawn:
            account.left_out_by_sampling(item)
        else:
            yield item


def _expanded(inputs: Sequence[Input]) -> list[Input]:
    """Folders become the files in them; typed notes stay as they are. Raises RunProblem
    when there is nothing to read."""
    from recordcheck.ingest import expand_inputs
    from recordcheck.ingest.typed import TypedNotes

    expanded: list[Input] = []
    for item in inputs:
        if isinstance(item, TypedNotes):
            if not item.texts:
                raise RunProblem(f"no note text was given on {item.source}")
            expanded.append(item)
        else:
            expanded.extend(expand_inputs([item]))
    if not expanded:
        raise RunProblem("no case-note files found in " + ", ".join(map(str, inputs)))
    return expanded


def _own_service(options: RunOptions, table: dict, authors: dict[str, dict]) -> dict:
    """The organisation's names (options and the rules file's [service]) and its staff,
    each author also under the teams they wrote for."""
    return own_service_settings(
        [n for n in (options.organisation, options.service, *table.get("names", ())) if n],
        table.get("staff", ()),
        authors,
    )


def own_service_settings(names, staff, authors: dict[str, dict]) -> dict:
    """Settings for the contact-event reader: names, staff, and staff by team."""
    by_team: dict[str, list[str]] = {}
    for author, teams in authors.items():
        for team in teams:
            if team:
                by_team.setdefault(team, []).append(author)
    return {"names": list(names), "staff": [*staff, *authors], "staff_by_team": by_team}
