"""Notes in, NoteResults out: batched through spaCy, optionally across processes.

Docs never leave the process that made them: each worker turns its Docs into
small NoteResults straight away, so memory stays flat however long the export.
Input order is kept, and a note that makes the pipeline fail is accounted for
as not checked instead of stopping the run.

spaCy (and numpy under it) is imported only inside functions, so a freshly
spawned worker can pin its maths libraries to one thread before they load.
"""

from __future__ import annotations

import logging
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from itertools import groupby, islice
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from recordcheck import __version__
from recordcheck.account import RunAccount
from recordcheck.model import FileNotice, Note, NoteResult, Report, SourceFile, Unreadable
from recordcheck.pieces import PIECE_CHARS, MergeContacts, joined, piece_bounds

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# Several workers on a few cores each spawning a full BLAS thread pool slows all of them.
SINGLE_THREAD_MATHS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
# Chunks waiting per worker: enough to keep every worker busy, few enough to keep memory flat.
CHUNKS_IN_FLIGHT_PER_WORKER = 2


def use_single_thread_maths() -> None:
    """Ask numerical libraries for one thread each, unless the user chose otherwise.

    Only effective before numpy is first imported, so the CLI and each worker
    call it at start-up.
    """
    for name in SINGLE_THREAD_MATHS:
        os.environ.setdefault(name, "1")


@dataclass(frozen=True)
class PipelineOptions:
    """What the pipeline must be able to do in this run (sent to every worker)."""

    rules: str | None = None
    partners: bool = False
    personal_data: bool = False
    # the organisation's names and staff: {"names": [...], "staff": [...]} (see own_service)
    own_service: dict = field(default_factory=dict)


class NoteChecker:
    """A loaded pipeline plus the steps that turn a Note into a Doc and a Doc into a result.

    A note longer than ``piece_chars`` is checked in pieces, one at a time, and
    the pieces' results joined into one (see ``recordcheck.pieces``).
    """

    def __init__(
        self,
        nlp: Language,
        read_doc: Callable[[Doc, Note], NoteResult],
        model_versions: dict[str, str],
        make_doc: Callable[[Note], Doc] | None = None,
        merge_contacts: MergeContacts = list,
    ):
        self.nlp = nlp
        self.read_doc = read_doc
        self.model_versions = model_versions
        self.make_doc = make_doc or (lambda note: nlp.make_doc(note.text))
        self.merge_contacts = merge_contacts

    @classmethod
    def for_pipeline(cls, nlp: Language, options: PipelineOptions) -> NoteChecker:
        """Read findings, and contacts or personal data when asked, from ``nlp``'s Docs."""
        from recordcheck.nlp import model_versions, note_doc

        merge: MergeContacts = list
        if options.partners:
            from recordcheck.events.merging import one_per_agency as merge
        return cls(
            nlp, _result_reader(options), model_versions(nlp), partial(note_doc, nlp), merge
        )

    @property
    def piece_chars(self) -> int:
        """The longest text checked whole; spaCy refuses anything over max_length."""
        return min(PIECE_CHARS, self.nlp.max_length)

    def check(self, notes: Sequence[Note], batch_size: int) -> list[NoteResult | Unreadable]:
        """Check a chunk of notes, in order: long ones piece by piece, the rest in batches."""
        results: list[NoteResult | Unreadable] = []
        for too_long, run_of_notes in groupby(notes, key=self._too_long):
            if too_long:
                results.extend(self._check_in_pieces(note) for note in run_of_notes)
            else:
                results.extend(self._check_batch(list(run_of_notes), batch_size))
        return results

    def _too_long(self, note: Note) -> bool:
        return len(note.text) > self.piece_chars

    def _check_batch(self, notes: list[Note], batch_size: int) -> list[NoteResult | Unreadable]:
        """A failure is retried note by note, to isolate it."""
        try:
            docs = ((self.make_doc(note), note) for note in notes)
            return [
                self.read_doc(doc, note)
                for doc, note in self.nlp.pipe(docs, as_tuples=True, batch_size=batch_size)
            ]
        except Exception:
            log.debug("a batch of %d notes failed; checking them one at a time", len(notes))
            return [self._check_one(note) for note in notes]

    def _check_one(self, note: Note) -> NoteResult | Unreadable:
        try:
            return self.read_doc(self.nlp(self.make_doc(note)), note)
        except Exception as error:
            return _not_checked(note, error)

    def _check_in_pieces(self, note: Note) -> NoteResult | Unreadable:
        """One piece's Doc at a time, so memory stays flat however long the note."""
        parts = []
        try:
            for start, end in piece_bounds(note.text, self.piece_chars):
                piece = replace(note, text=note.text[start:end])
                parts.append((start, self.read_doc(self.nlp(self.make_doc(piece)), piece)))
        except Exception as error:
            return _not_checked(note, error)
        log.debug("note %s was checked in %d pieces", note.note_id, len(parts))
        return joined(note, parts, self.merge_contacts)


def _not_checked(note: Note, error: Exception) -> Unreadable:
    # The traceback may quote the note, so it is logged only at debug level
    # (--verbose); the account names the note and the error type alone.
    log.debug("note %s could not be checked", note.note_id, exc_info=True)
    return Unreadable(
        note.source, note.row, f"note {note.note_id} could not be checked ({type(error).__name__})"
    )


def load_checker(options: PipelineOptions) -> NoteChecker:
    """The real pipeline: our checks, plus (for the audit) partner and chronology marks,
    and personal-data marks when asked."""
    from recordcheck.nlp import load_pipeline

    extra: list[str] = []
    if options.partners:
        import recordcheck.events.chronology  # noqa: F401  (registers rc_chronology)
        import recordcheck.events.contacts  # noqa: F401  (registers rc_contact_events)
        import recordcheck.partners.component  # noqa: F401  (registers the rc_partners factory)

        # both events components read the agencies rc_partners marks, so they run after it
        extra += ["rc_partners", "rc_contact_events", "rc_chronology"]
    if options.personal_data:
        import recordcheck.redact.component  # noqa: F401  (registers rc_personal_data)

        extra.append("rc_personal_data")
    # Agencies and people's names are found with the base pipeline's entities.
    needs_entities = options.partners or options.personal_data
    nlp = load_pipeline(
        options.rules,
        entities=needs_entities,
        extra_components=tuple(extra),
        # the sharing check and the contact events judge the same own service
        settings={
            name: {"own_service": options.own_service}
            for name in ("rc_contact_events", "rc_sharing_acts")
        },
    )
    return NoteChecker.for_pipeline(nlp, options)


def _result_reader(options: PipelineOptions) -> Callable[[Doc, Note], NoteResult]:
    from recordcheck.findings import applicable_checks, findings_for

    contacts_for = personal_data_for = chronology_events_for = case_clues_for = None
    if options.partners:
        from recordcheck.events.case_clues import case_clues_for
        from recordcheck.events.chronology import chronology_events_for
        from recordcheck.events.contacts import contacts_for
    if options.personal_data:
        from recordcheck.redact.component import personal_data_for

    def read_doc(doc: Doc, note: Note) -> NoteResult:
        return NoteResult(
            note=note,
            findings=findings_for(doc),
            contacts=contacts_for(doc) if contacts_for else (),
            personal_data=personal_data_for(doc) if personal_data_for else (),
            events=chronology_events_for(doc, note) if chronology_events_for else (),
            applicable=applicable_checks(doc),
            case_clues=case_clues_for(doc) if case_clues_for else None,
        )

    return read_doc


CheckerLoader = Callable[[PipelineOptions], NoteChecker]

# A worker costs a few seconds to start and load the model; below this many
# notes each, extra processes slow a run down instead of speeding it up.
MIN_NOTES_PER_WORKER = 200


def worker_count(requested: int | None, total_notes: int | None = None) -> int:
    """Processes to use: as requested, else one per CPU, but none idle on a small run."""
    if requested:
        return requested
    jobs = os.cpu_count() or 1
    if total_notes is not None:
        jobs = min(jobs, max(1, total_notes // MIN_NOTES_PER_WORKER))
    return jobs


def run(
    items: Iterable[Note | Unreadable | FileNotice],
    *,
    rules: str | Path | None = None,
    jobs: int | None = None,
    batch_size: int = 64,
    partners: bool = False,
    personal_data: bool = False,
    progress: Callable[[int], object] | None = None,
    account: RunAccount | None = None,
    loader: CheckerLoader | None = None,
    own_service: dict | None = None,
    case_sizes: Mapping[str, int] | None = None,
) -> Iterator[NoteResult]:
    """Check every note in ``items``, yielding one NoteResult per note in input order.

    ``items`` may mix in Unreadable rows and FileNotices from ingest; they and
    any note the pipeline fails on are recorded in ``account``. ``jobs`` is the number of
    worker processes (default: one per CPU; 1 runs here, with no pool).
    ``progress`` is called with the number of notes just finished. ``loader``
    (default ``load_checker``) must be a module-level function when jobs > 1,
    as workers import it. With ``partners``, a case's contacts are completed from
    what its other notes say (events/case_wide.py) once all its notes are in;
    ``case_sizes`` (notes per case id) lets a complete case go on at once.
    """
    loader = loader or load_checker
    account = account if account is not None else RunAccount()
    options = PipelineOptions(
        rules=str(rules) if rules is not None else None,
        partners=partners,
        personal_data=personal_data,
        own_service=dict(own_service or {}),
    )
    jobs = worker_count(jobs)
    chunks = _chunks(_notes_only(items, account), batch_size)
    if jobs == 1:
        outcomes = _check_here(chunks, options, loader, batch_size, account)
    else:
        outcomes = _check_in_workers(chunks, options, loader, batch_size, jobs, account)
    checked = _results_of(outcomes, progress, account)
    if partners:
        # plain data, here where every worker's results meet: the same with any jobs
        from recordcheck.events.case_wide import across_cases

        checked = across_cases(checked, case_sizes, options.own_service)
    yield from checked


def _results_of(
    outcomes: Iterable[list[NoteResult | Unreadable]],
    progress: Callable[[int], object] | None,
    account: RunAccount,
) -> Iterator[NoteResult]:
    for outcome in outcomes:
        if progress is not None:
            progress(len(outcome))
        for item in outcome:
            if isinstance(item, Unreadable):
                account.could_not_read(item)
            else:
                account.notes_checked += 1
                yield item


def _notes_only(
    items: Iterable[Note | Unreadable | FileNotice], account: RunAccount
) -> Iterator[Note]:
    for item in items:
        if isinstance(item, Unreadable):
            account.could_not_read(item)
        elif isinstance(item, FileNotice):
            account.notices.append(item)
        else:
            account.saw_note(item)
            yield item


def _chunks(notes: Iterator[Note], size: int) -> Iterator[list[Note]]:
    while chunk := list(islice(notes, size)):
        yield chunk


def _check_here(chunks, options, loader, batch_size, account):
    checker = loader(options)
    account.model_versions = dict(checker.model_versions)
    for chunk in chunks:
        yield checker.check(chunk, batch_size)


def _check_in_workers(chunks, options, loader, batch_size, jobs, account):
    context = get_context("spawn")  # the same on Linux, macOS and Windows; no forked threads
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(loader, options)
    ) as pool:
        try:
            # Surfaces a bad rules file before any note is sent, and names the models used.
            # A spawned pool starts a worker only for a task no idle worker can take, so
            # one task per worker makes them all load the pipeline at once, instead of the
            # second starting to load only when the first has finished loading.
            loading = [pool.submit(_worker_model_versions) for _ in range(jobs)]
            account.model_versions = loading[0].result()
            pending: deque[Future] = deque()
            for chunk in chunks:
                pending.append(pool.submit(_worker_check, chunk, batch_size))
                if len(pending) >= jobs * CHUNKS_IN_FLIGHT_PER_WORKER:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            # A caller that stops early (or an error) should not wait for queued work.
            pool.shutdown(wait=True, cancel_futures=True)


# One checker per worker process, loaded once by the pool's initializer.
_worker_checker: NoteChecker | None = None
_worker_start_error: Exception | None = None


def _start_worker(loader: CheckerLoader, options: PipelineOptions) -> None:
    global _worker_checker, _worker_start_error
    use_single_thread_maths()
    # Ctrl-C is the parent's to handle: it stops the run and cleans up its output,
    # instead of every worker printing a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _worker_checker = loader(options)
    except Exception as error:
        # Raised from the first task instead, so the parent sees the real message
        # (an initializer failure would only show up as a broken pool).
        _worker_start_error = error


def _ready_worker_checker() -> NoteChecker:
    if _worker_start_error is not None:
        raise _worker_start_error
    assert _worker_checker is not None, "worker used before its initializer ran"
    return _worker_checker


def _worker_model_versions() -> dict[str, str]:
    return dict(_ready_worker_checker().model_versions)


def _worker_check(notes: list[Note], batch_size: int) -> list[NoteResult | Unreadable]:
    return _ready_worker_checker().check(notes, batch_size)


def build_report(
    results: Iterable[NoteResult], account: RunAccount, sources: Iterable[SourceFile] = ()
) -> Report:
    """Everything the audit writers need, from a finished run.

    ``results`` is consumed first, so a live ``run()`` stream can be passed
    with the account it is filling.
    """
    collected = tuple(results)
    return Report(
        results=collected,
        unreadable=tuple(account.unreadable),
        sources=account.with_counts(sources),
        tool_version=__version__,
        model_versions=dict(account.model_versions),
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        duplicate_note_ids=tuple(account.duplicate_note_ids),
        notices=tuple(account.notices),
    )
