"""The `recordcheck` command: parses options, calls the library, prints the results.

Exit codes: 0 the run completed; 1 some input could not be read (results are
still written for the rest); 2 a usage error, including a bad mapping or
rules file.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, fields
from importlib.resources import as_file, files
from pathlib import Path
from typing import TextIO

import click

from recordcheck import __version__, cli_pack, engine
from recordcheck.cli_options import CommandGroup, input_options, pack_options, sample_options
from recordcheck.cli_pack import UsageProblem
from recordcheck.report.atomic import atomic_output
from recordcheck.report.jsonl import write_jsonl
from recordcheck.report.text import format_account, render_text
from recordcheck.run import CheckedRun, RunOptions, RunProblem, checked_notes

EXIT_INPUT_NOT_READ = 1
SAMPLE = ("sample", "case-notes-sample.csv")


@dataclass(frozen=True)
class InputOptions:
    inputs: tuple[Path, ...]
    mapping: Path | None
    sheet: str | None
    rules: Path | None
    jobs: int | None
    quiet: bool
    strict: bool
    redact: bool
    batch_size: int


@click.group(
    cls=CommandGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""\b
Examples:
  recordcheck check                       check the bundled sample notes
  recordcheck check notes.csv             print findings for an export
  recordcheck check exports/ --format jsonl --output findings.jsonl
  recordcheck check notes.xlsx --sheet "Case notes" --mapping our-columns.toml
  recordcheck audit notes.csv --out audit/ --organisation "Anytown Council"
  recordcheck evaluate corpus/dev/notes.csv corpus/dev/gold.jsonl
  recordcheck check --text "Mum seemed drunk."
  recordcheck serve --open                a page for checking a note together
  recordcheck coach --author "Nadia Haddad" --out nadia.docx   a supervision handout

\b
Exit codes:
  0  the run completed
  1  some input could not be read (results are still written for the rest)
  2  usage error, including a bad mapping or rules file
  130  interrupted (Ctrl-C); an audit pack already in place is left whole
""",
)
@click.version_option(__version__, prog_name="recordcheck")
def main() -> None:
    """Check safeguarding case notes against the recording standard.

    Flags opinion recorded as fact, encounters that do not say who was
    present, and information shared without recording why. Everything runs
    on this computer; nothing is sent anywhere.
    """
    # Before anything loads numpy: the importers (openpyxl) and spaCy are imported
    # inside the commands for this reason.
    engine.use_single_thread_maths()


@main.command(epilog="""\b
Examples:
  recordcheck check notes.csv
  recordcheck check notes.csv --format jsonl --output findings.jsonl
  recordcheck check exports/ --strict --quiet
  recordcheck check --text "Dad seemed drunk when I arrived."
  recordcheck check - < notes.txt         notes separated by blank lines
""")
@input_options
@click.option("--text", "texts", multiple=True, metavar="NOTE",
              help="Check this note text (no header or date line needed); may be repeated.")
@click.option("--format", "output_format", type=click.Choice(["text", "jsonl", "json"]),
              default="text", show_default=True,
              help="text to read, jsonl one line per note, json the whole report.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of the screen.")
def check(output_format: str, output: Path | None, texts: tuple[str, ...], **options) -> None:
    """Check case notes and print what each check found.

    INPUT is any number of CSV, Excel, Word, text or JSON files or folders,
    or - to read notes from standard input: one note, or several separated
    by blank lines (type or paste them, then Ctrl-D; Ctrl-Z then Enter on
    Windows). Notes given with - or --text need no header or date line;
    they get ids stdin-1, stdin-2... (text-1... for --text) and no case.
    With no INPUT and no --text, the bundled sample notes are checked.
    """
    opts = InputOptions(**options)
    with _checked_notes(opts, partners=False, texts=texts) as run, \
            _output_stream(output) as stream:
        if output_format == "jsonl":
            write_jsonl(run.results, stream)  # streamed: memory stays flat on big exports
        else:
            report = run.report()
            if output_format == "json":
                json.dump(report.to_dict(), stream, ensure_ascii=False, indent=2)
                stream.write("\n")
            else:
                stream.write(render_text(report))
    _finish(opts, run)


@main.command(epilog="""\b
Example:
  recordcheck audit notes.csv --out audit/ --organisation "Anytown Council"
  recordcheck audit exports/ --out audit/ --service "Adult Social Care" --redact
  recordcheck audit notes.csv --out audit2/ --decisions audit/findings.xlsx
  recordcheck audit notes.csv --out audit/ --sample 10 --seed 42
""")
@input_options
@pack_options
@sample_options
def audit(out_dir: Path, template: Path | None, organisation: str, service: str,
          decisions: Path | None, sample: int | None, seed: int | None, **options) -> None:
    """Write the audit pack: Word report, partner register, findings and chronology."""
    from recordcheck.report.audit import write_audit

    opts = InputOptions(**options)
    given = cli_pack.read_decisions(decisions)  # a wrong file is reported before the long run
    drawn = {"sample": sample, "seed": cli_pack.sample_seed(sample, seed)}
    with _checked_notes(opts, partners=True, organisation=organisation, service=service,
                        **drawn) as run:
        report = run.report()
    cli_pack.sampled(report)
    report = cli_pack.with_decisions(report, given, decisions)
    write_audit(report, out_dir, template=template, organisation=organisation,
                service=service, written=lambda path: click.echo(f"Wrote {path}"))
    cli_pack.summary(report)
    _finish(opts, run)


@main.command(epilog="""\b
Examples:
  recordcheck coach notes.csv --author "Nadia Haddad" --out nadia.docx
  recordcheck coach notes.csv --all-authors --out handouts/
""")
@input_options
@click.option("--author", help="The worker the handout is for, as the notes name them.")
@click.option("--all-authors", is_flag=True, help="One handout per author, in the --out folder.")
@click.option("--out", "out_path", required=True, type=click.Path(path_type=Path),
              help="The handout's .docx file (a folder with --all-authors).")
@click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Your own Word template.")
def coach(author: str | None, all_authors: bool, out_path: Path, template: Path | None,
          **options) -> None:
    """Write a one-to-two-page supervision handout for a worker: what they do well,
    notes of theirs to talk through with suggested rewrites, their trend, and the
    team's rate beside theirs. It names no other worker."""
    from recordcheck.report.handout import UnknownAuthor, find_author
    from recordcheck.report.handout_docx import write_all_handouts, write_handout

    if bool(author) == all_authors:
        raise UsageProblem("give either --author NAME or --all-authors")
    opts = InputOptions(**options)
    with _checked_notes(opts, partners=True) as run:
        report = run.report()
    if all_authors:
        write_all_handouts(report, out_path, template=template,
                           written=lambda path: click.echo(f"Wrote {path}"))
    else:
        try:
            name = find_author(report, author)
        except UnknownAuthor as problem:
            raise UsageProblem(str(problem)) from None
        click.echo(f"Wrote {write_handout(report, name, out_path, template=template)}")
    _finish(opts, run)


@main.command(epilog="""\b
Example:
  recordcheck render audit/report.json --out audit-again/ --organisation "Anytown Council"
""")
@click.argument("report_file", metavar="REPORT.json",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pack_options
def render(report_file: Path, out_dir: Path, template: Path | None, organisation: str,
           service: str, decisions: Path | None) -> None:
    """Rebuild the audit pack from a saved report.json, without checking the notes again.

    Useful after changing the template or the title page, or to apply auditors'
    decisions (--decisions); no language model is loaded.
    """
    from recordcheck.report.audit import read_report, write_audit

    given = cli_pack.read_decisions(decisions)
    try:
        report = read_report(report_file)
    except (ValueError, KeyError, TypeError) as error:
        raise UsageProblem(f"{report_file}: not a recordcheck report.json ({error})") from None
    report = cli_pack.with_decisions(report, given, decisions)
    write_audit(report, out_dir, template=template, organisation=organisation,
                service=service, written=lambda path: click.echo(f"Wrote {path}"))


@main.command(epilog="""\b
Examples:
  recordcheck serve                    then open http://127.0.0.1:8765/
  recordcheck serve --port 9000 --open
\b
API (the page uses it; so can your own tools on this computer):
  POST /api/check  {"text": "..."}  ->  {"findings": [...]}
""")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True,
              help="Port on 127.0.0.1 to serve the page on.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in your web browser.")
@click.option("--rules", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Your organisation's extra terms (TOML or YAML).")
def serve(port: int, open_browser: bool, rules: Path | None) -> None:
    """A page on this computer for checking a note together: paste or type it, see the
    flagged words highlighted with the reason and a suggested rewrite.

    Only this computer can reach it (127.0.0.1). Nothing is stored or logged,
    and nothing is sent anywhere. Stop it with Ctrl-C.
    """
    from recordcheck.engine import PipelineOptions, load_checker
    from recordcheck.errors import PipelineNotInstalled
    from recordcheck.rules import RulesError, load_rules
    from recordcheck.serve.server import PortInUse, bind
    from recordcheck.serve.server import serve as serve_page

    try:
        if rules:
            load_rules(rules)
        sock = bind(port)
    except (RulesError, PortInUse) as problem:
        raise UsageProblem(str(problem)) from None
    click.echo("Loading the language model...", err=True)
    try:
        checker = load_checker(PipelineOptions(rules=str(rules) if rules else None))
    except PipelineNotInstalled as problem:
        raise UsageProblem(str(problem)) from None
    serve_page(
        checker, sock, RunOptions(rules=rules, jobs=1), open_browser=open_browser,
        ready=lambda address: click.echo(
            f"recordcheck is ready at {address} (this computer only). Press Ctrl-C to stop."
        ),
    )


@main.command(name="checks")
def list_checks() -> None:
    """List the checks: id, title, scoring unit, what they apply to and where their data is."""
    from recordcheck.catalogue import all_checks

    for spec in all_checks():
        click.echo(f"{spec.id}  {spec.title}")
        click.echo(f"    scored per {spec.unit}; applies to {spec.applies_to}; kind {spec.kind}")
        click.echo(f"    standard: {spec.standard or 'not stated'}")
        click.echo(f"    data: {spec.folder}")


@main.command()
@click.argument("notes", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--record-accuracy", is_flag=True,
              help="Also write the figures to the package's accuracy.toml, which the audit "
                   "report states (run on the blind split).")
def evaluate(notes: Path, gold: Path, record_accuracy: bool) -> None:
    """Score the checks against hand-marked notes (precision, recall, F1 per check).

    NOTES is a CSV of notes; GOLD the JSON Lines file marking what each should flag.
    """
    # Imported here so `recordcheck --help` does not wait for spaCy to load.
    from recordcheck.evaluate import evaluate as run_evaluation
    from recordcheck.evaluate import format_evaluation
    from recordcheck.evaluate import record_accuracy as write_accuracy

    result = run_evaluation(notes, gold)
    click.echo(format_evaluation(result))
    if record_accuracy:
        click.echo(f"Wrote {write_accuracy(result, notes)}")


@main.command()
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("corpus"), show_default=True, help="Folder of the corpus splits.")
@click.option("--split", "splits", multiple=True, default=("train",), show_default=True,
              help="A split inside the corpus to train on; repeat for more.")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path),
              default=Path("models"), show_default=True, help="Folder to save the model in.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed.")
def train(corpus: Path, splits: tuple[str, ...], output: Path, seed: int) -> None:
    """Train the opinion classifier from the annotated corpus."""
    from recordcheck.train import train_opinion_classifier

    saved = train_opinion_classifier(corpus, output, seed=seed, splits=splits)
    click.echo(f"Saved the opinion classifier to {saved}")


@contextmanager
def _checked_notes(
    opts: InputOptions, *, partners: bool, organisation: str = "", service: str = "",
    texts: tuple[str, ...] = (), sample: int | None = None, seed: int = 0,
) -> Iterator[CheckedRun]:
    """The library's run, with this command's sample fallback, progress bar and messages."""
    run_options = RunOptions(
        partners=partners,
        organisation=organisation,
        service=service,
        sample=sample,
        seed=seed,
        **{f.name: getattr(opts, f.name) for f in fields(RunOptions) if hasattr(opts, f.name)},
    )
    with ExitStack() as stack:
        inputs = _typed_or_files(opts.inputs, texts) or [
            stack.enter_context(_bundled_sample(opts.quiet))
        ]
        bar = stack.enter_context(_progress_bar(opts.quiet))
        try:
            with checked_notes(
                inputs, run_options, progress=bar.update, on_total=bar.reset
            ) as run:
                yield run
        except RunProblem as problem:
            raise UsageProblem(str(problem)) from None
        except BrokenProcessPool:
            raise click.ClickException(
                "a worker process stopped unexpectedly (often a lack of memory); "
                "try again with --jobs 1"
            ) from None


def _typed_or_files(inputs: tuple[Path, ...], texts: tuple[str, ...]) -> list:
    """The inputs, with - read from standard input, and any --text notes after them."""
    from recordcheck.ingest.typed import STDIN_LABEL, TypedNotes

    given: list = []
    for item in inputs:
        if str(item) == "-":
            stdin = sys.stdin.read()
            given.append(TypedNotes.separated(STDIN_LABEL, stdin))
        else:
            given.append(item)
    if texts:
        given.append(TypedNotes.whole("text", texts))
    return given


@contextmanager
def _bundled_sample(quiet: bool) -> Iterator[Path]:
    resource = files("recordcheck").joinpath(*SAMPLE)
    with as_file(resource) as path:
        if not quiet:
            click.echo(f"No input given: checking the bundled sample ({path.name}).", err=True)
        yield path


@contextmanager
def _progress_bar(quiet: bool):
    """A progress bar on a terminal (its total is set once the notes are counted)."""
    from tqdm import tqdm

    stderr = sys.stderr
    show = not quiet and stderr.isatty()
    with tqdm(unit="note", desc="Checking", file=stderr, disable=not show,
              dynamic_ncols=True) as bar:
        yield bar


@contextmanager
def _output_stream(output: Path | None) -> Iterator[TextIO]:
    if output is None:
        yield sys.stdout
    else:
        with atomic_output(output, "w") as stream:
            yield stream


def _finish(opts: InputOptions, run: CheckedRun) -> None:
    """Print the run's account and exit with the code the run earned."""
    account, sources = run.account, run.sources
    problems = (
        account.unreadable or account.duplicate_note_ids or account.notices
        or account.notes_with_problems
    )
    if not opts.quiet or problems:
        click.echo(format_account(account, sources), err=True)
    if account.whole_files_unread or (opts.strict and account.unreadable):
        sys.exit(EXIT_INPUT_NOT_READ)
