"""What one note tells the rest of its case file: plain data made in the worker and read
once the case's notes are gathered (events/case_wide.py). Kept apart from model.py, which
only names CaseClues as the type of NoteResult.case_clues."""

from __future__ import annotations

from dataclasses import dataclass

from recordcheck.model import ContactEvent, PlainData


@dataclass(frozen=True)
class KnownProfessional(PlainData):
    """A note's own statement of who a named professional works for: "Jess (health
    visitor)", "DS Dawson, CID", "Sue Hall from Age UK". own: the author's own service
    or a colleague, whose name must never become a partner elsewhere in the case."""

    name: str  # as written, title included: "DS Dawson"
    agency: str = ""
    agency_type: str = ""
    role: str = ""
    own: bool = False


@dataclass(frozen=True)
class CaseClues:
    """What one note tells the rest of its case file, read in the worker and used once
    the case's notes are gathered (events/case_wide.py); never written to any output.

    professionals: who works where, as the note states it; named_agencies: the
    organisations the note names, (canonical name, type); waiting: contacts with a
    professional named alone ("Rang Jess"), agency still empty; places: the words, in
    lower case, the entity recogniser takes for a place in the names of those organisations
    ("Kelsford" of "Kelsford Women's Aid"); made_by_writer: those of the waiting contacts
    the writer made or took part in, where a bare word may be an organisation's short name
    ("Rang Lanterns"); placed: the organisations the note names without a word of their
    kind, known only by where they stand ("Kerry Jarvis (Safe Harbour)"), (name, type)."""

    professionals: tuple[KnownProfessional, ...] = ()
    named_agencies: tuple[tuple[str, str], ...] = ()
    waiting: tuple[ContactEvent, ...] = ()
    places: tuple[str, ...] = ()
    made_by_writer: tuple[ContactEvent, ...] = ()
    placed: tuple[tuple[str, str], ...] = ()
