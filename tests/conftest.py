"""Shared fixtures: a small stand-in checker and, once per session, the real pipeline.

The stand-in is a real (blank) spaCy pipeline with one toy check, so engine and
CLI tests run in seconds. Its loader lives here, at module level, because
worker processes import it by name.
"""

from __future__ import annotations

import csv
import os
import re
import socket
from contextlib import contextmanager
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from recordcheck.engine import NoteChecker, PipelineOptions, load_checker
from recordcheck.model import Finding, Note, NoteResult, Severity

# The audit report lays itself out with LibreOffice to number its contents (about ten seconds
# a report); the tests that check that turn it back on themselves.
os.environ.setdefault("RECORDCHECK_SOFFICE", "")

FLAGGED_WORD = re.compile(r"\bmessy\b", re.IGNORECASE)
# A note containing this makes the stand-in pipeline raise, with the note in the message.
BREAKS_PIPELINE = "EXPLODE"


@Language.component("rc_test_breaks_on_marker")
def _breaks_on_marker(doc):
    if BREAKS_PIPELINE in doc.text:
        raise ValueError(f"cannot handle: {doc.text}")
    return doc


def _toy_findings(doc, note: Note) -> NoteResult:
    findings = tuple(
        Finding(
            check="opinion",
            start=match.start(),
            end=match.end(),
            text=match.group(),
            severity=Severity.MEDIUM,
            message="A vague evaluation is recorded as fact.",
            suggestion="Describe what you saw.",
            cue="vague-evaluation",
        )
        for match in FLAGGED_WORD.finditer(doc.text)
    )
    return NoteResult(note=note, findings=findings)


def stand_in_checker(options: PipelineOptions) -> NoteChecker:
    """Loader for engine.run(loader=...): flags the word "messy"."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("rc_test_breaks_on_marker")
    return NoteChecker(nlp, _toy_findings, {"base": "blank en (test stand-in)"})


def make_note(number: int, text: str, *, case: str = "C1", source: str = "notes.csv") -> Note:
    return Note(
        note_id=f"N{number}", case_id=case, text=text, date="2025-03-14",
        source=source, row=number + 1,
    )


@contextmanager
def sockets_blocked():
    """Any attempt to open a network connection raises, for as long as this lasts."""

    def refuse(*args, **kwargs):
        raise OSError("network access attempted during an offline run")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket, "socket", refuse)
        patch.setattr(socket, "create_connection", refuse)
        patch.setattr(socket, "getaddrinfo", refuse)
        yield


@pytest.fixture(scope="session")
def real_nlp():
    """The real pipeline with every component any run uses, loaded once per session."""
    pytest.importorskip("recordcheck.nlp")
    with sockets_blocked():
        return load_checker(PipelineOptions(partners=True, personal_data=True)).nlp


@pytest.fixture(scope="session")
def group_flagged(real_nlp):
    """Whether a span group (a check's findings, or "rc_encounter") is non-empty for a case
    note written by a caseworker of an advice team: (group, text) -> bool."""
    from recordcheck.nlp import note_doc

    def read(group: str, text: str) -> bool:
        note = Note(
            note_id="N1",
            case_id="C1",
            text=text,
            note_type="Case note",
            author_role="Caseworker",
            team="Hollinsbridge Advice Team",
        )
        return bool(real_nlp(note_doc(real_nlp, note)).spans[group])

    return read


@pytest.fixture
def real_pipeline(monkeypatch, real_nlp):
    """Make in-process runs (CLI included) use the session's real pipeline."""
    from recordcheck import engine

    monkeypatch.setattr(
        engine, "load_checker", lambda options: NoteChecker.for_pipeline(real_nlp, options)
    )


@pytest.fixture
def stand_in_pipeline(monkeypatch):
    """Make every run (CLI included) use the stand-in checker instead of the real one."""
    from recordcheck import engine

    monkeypatch.setattr(engine, "load_checker", stand_in_checker)


CANONICAL_HEADER = "note_id,case_id,date,time,author,note_type,text\n"


@pytest.fixture
def write_csv(tmp_path):
    """Write a canonical CSV export from (note_id, case_id, text) rows; returns its path."""

    def write(name: str, rows) -> Path:
        path = tmp_path / name
        with path.open("w", encoding="utf-8", newline="") as stream:
            stream.write(CANONICAL_HEADER)
            writer = csv.writer(stream)
            for note_id, case_id, text in rows:
                writer.writerow([note_id, case_id, "14/03/2025", "10:30", "J. Okafor",
                                 "Home Visit", text])
        return path

    return write


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    """The audit pack written from report_sample's Report, once per test module."""
    from report_sample import sample_report

    from recordcheck.report.audit import write_audit

    out_dir = tmp_path_factory.mktemp("audit")
    written = write_audit(
        sample_report(), out_dir, organisation="Anyshire Council", service="Adult Safeguarding"
    )
    return {path.name: path for path in written}


@pytest.fixture(scope="module")
def counted_contacts(real_nlp):
    """The contacts (done or attempted) the real pipeline reads in one note of a service."""
    from recordcheck.events.contacts import contacts_for
    from recordcheck.nlp import note_doc

    def read(text: str, team: str = "Community Recovery Team") -> list:
        doc = real_nlp(note_doc(real_nlp, Note("N1", "C1", text, team=team)))
        return [contact for contact in contacts_for(doc) if contact.counts_as_contact]

    return read
