"""The plain data that flows between stages: notes in, findings and a report out.

Every stage after ingest speaks only these types, so the writers can rebuild
any output from a saved JSON report without running spaCy again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, datetime, time
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:  # only an annotation here; case_model imports this module
    from recordcheck.case_model import CaseClues


def iso_date(value: str | None) -> date | None:
    """A Note's ISO date (or any ISO date field), or None when missing or not understood."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def iso_time(value: str | None) -> time | None:
    try:
        return time.fromisoformat(value) if value else None
    except ValueError:
        return None


def iso_timestamp(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class PlainData:
    """to_dict/from_dict for a flat dataclass; nested ones override both.

    A field whose default is a tuple is written as a JSON list and read back
    as a tuple, so frozen data round-trips through report.json unchanged.
    """

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for name in _tuple_fields(type(self)):
            data[name] = list(data[name])
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build from a dict, ignoring keys this version does not know."""
        names = {f.name for f in fields(cls)}
        kept = {k: v for k, v in data.items() if k in names}
        for name in _tuple_fields(cls):
            if name in kept:
                kept[name] = tuple(kept[name])
        return cls(**kept)


def _tuple_fields(cls: type) -> list[str]:
    return [f.name for f in fields(cls) if isinstance(f.default, tuple)]


@dataclass(frozen=True)
class Note(PlainData):
    """One entry of a case record, with its text exactly as read."""

    note_id: str
    case_id: str
    text: str
    date: str | None = None  # ISO YYYY-MM-DD
    time: str | None = None  # HH:MM
    author: str = ""
    note_type: str = ""
    source: str = ""  # file the note was read from
    row: int = 0  # 1-based data row (CSV/XLSX) or entry number (DOCX/text)
    problems: tuple[str, ...] = ()  # e.g. a date that could not be understood
    # the author's job and team, as exported: they tell own service from partners
    author_role: str = ""
    team: str = ""


@dataclass(frozen=True)
class Unreadable(PlainData):
    """A row or file that could not be turned into a note, and why."""

    source: str
    row: int | None  # None when the whole file could not be read
    reason: str


@dataclass(frozen=True)
class FileNotice(PlainData):
    """A file that was read, but whose reading the user should check (e.g. its date order)."""

    source: str
    message: str


@dataclass(frozen=True)
class Finding(PlainData):
    """One breach of the recording standard, located in the note's text."""

    check: str
    start: int
    end: int
    text: str  # note.text[start:end]
    severity: Severity
    message: str
    suggestion: str | None = None
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        finding = super().from_dict(data)
        return replace(finding, severity=Severity(finding.severity))


STATUSES = ("done", "attempted", "planned")  # a contact event's, as the standard says
DIRECTIONS = ("out", "in", "both")
# a mention that names no organisation is filed as "Police (force not named)"
UNNAMED_AGENCY_MARK = "not named)"
NAME_EDGE_PUNCTUATION = ".,;:()'\""


@dataclass(frozen=True)
class ContactEvent(PlainData):
    """The author's service dealing with another agency or external professional.

    One per agency per note. status: done, attempted or planned (planned ones are never
    counted as contacts). direction: out (we rang, emailed, referred, sent; it stays out
    when they reply), in (they contacted us), both (meetings, joint visits, two-way
    conversations). start/end locate the words of the note that record the contact.
    """

    agency: str  # canonical agency name, e.g. "Thames Valley Police"
    agency_type: str  # police, mash, health, mental health, housing, ...
    start: int
    end: int
    person: str = ""  # a named professional, "PC Ravi Patel"
    role: str = ""
    phone: str = ""
    email: str = ""
    channel: str = ""  # phone, email, meeting, letter, referral form ...
    direction: str = "out"
    status: str = "done"
    shared: str = ""  # what was shared, where the note says
    rationale_recorded: bool | None = None  # for outward sharing: is why recorded?
    outcome: str = ""  # the partner's reply, advice, agreed next step or result, as written
    evidence: str = ""  # the note's words that record the contact
    time: str = ""  # "HH:MM" when the evidence gives the contact's one clock time

    @property
    def counts_as_contact(self) -> bool:  # done and attempted count; planned listed apart
        return self.status != "planned"

    @property
    def names_no_organisation(self) -> bool:
        """Filed under a "Police (force not named)"-style entry of its kind."""
        return UNNAMED_AGENCY_MARK in self.agency

    @property
    def person_surname(self) -> str:
        """The named professional's last word in lower case ("patel"), "" when none."""
        words = [word.strip(NAME_EDGE_PUNCTUATION).lower() for word in self.person.split()]
        return next((word for word in reversed(words) if word), "")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ContactEvent:
        # report.json files written before contact events called the person contact_name
        if "contact_name" in data and "person" not in data:
            data = {**data, "person": data["contact_name"]}
        return super().from_dict(data)


@dataclass(frozen=True)
class ChronologyEvent(PlainData):
    """A significant event for the chronology: what happened, in the note's own words.

    kind: harm, disclosure, incident, decision, risk, contact. date and time are the
    event's own where the text gives them ("at 02:30", "on Saturday"), else the note's.
    start/end locate the words that carry the event.
    """

    kind: str
    start: int
    end: int
    summary: str  # the words that carry the event
    date: str | None = None
    time: str | None = None
    source: str = ""  # who reported it, where the note says ("PC Shah", "school")
    agencies: tuple[str, ...] = ()
    outcome: str = ""  # the action taken or agreed, where the note says


@dataclass(frozen=True)
class PersonalSpan(PlainData):
    """Personal data in a note's text, for pseudonymising outputs (kind: person, phone,
    email, postcode, nhs_number, ni_number)."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class NoteResult(PlainData):
    """A note with what the checks found in it."""

    note: Note
    findings: tuple[Finding, ...] = ()
    contacts: tuple[ContactEvent, ...] = ()
    # filled only when the run pseudonymises; never written to any output
    personal_data: tuple[PersonalSpan, ...] = ()
    events: tuple[ChronologyEvent, ...] = ()  # significant events, for the chronology
    # the ids of the checks that applied to this note (an encounter for who-present, outward
    # sharing for sharing-rationale, every note for opinion); None in reports from before
    # checks said so, when no denominator can be told apart from all notes
    applicable: tuple[str, ...] | None = None
    # what the note tells its case file (events/case_wide.py); never written to any output
    case_clues: CaseClues | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "note": self.note.to_dict(),
            "applicable": None if self.applicable is None else list(self.applicable),
            "findings": [f.to_dict() for f in self.findings],
            "contacts": [c.to_dict() for c in self.contacts],
            "events": [e.to_dict() for e in self.events],
            "personal_data": [p.to_dict() for p in self.personal_data],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NoteResult:
        return cls(
            note=Note.from_dict(data["note"]),
            findings=tuple(Finding.from_dict(f) for f in data.get("findings", ())),
            contacts=tuple(ContactEvent.from_dict(c) for c in data.get("contacts", ())),
            events=tuple(ChronologyEvent.from_dict(e) for e in data.get("events", ())),
            personal_data=tuple(
                PersonalSpan.from_dict(p) for p in data.get("personal_data", ())
            ),
            applicable=None if data.get("applicable") is None else tuple(data["applicable"]),
        )


@dataclass(frozen=True)
class SourceFile(PlainData):
    """An input file as it was when read, so a report can prove what it covered."""

    path: str
    sha256: str
    format: str  # csv, xlsx, xls, docx, text, json
    notes_read: int = 0
    rows_not_read: int = 0


# An auditor's decision on a finding (findings.xlsx, read back with --decisions).
DECISIONS = ("accept", "dismiss", "unsure")


@dataclass(frozen=True)
class Decision(PlainData):
    """What the auditors decided about one finding, found again by its Finding ID.

    decision and second are "accept", "dismiss", "unsure" or "" (not decided);
    second is a second auditor's decision, for agreement. decided is an ISO date.
    """

    finding_id: str
    check: str = ""
    decision: str = ""
    reason: str = ""
    auditor: str = ""
    decided: str = ""
    second: str = ""


@dataclass(frozen=True)
class Moderation(PlainData):
    """The decisions applied to a run: read from ``source``, matched to its findings.

    not_matched counts decisions whose Finding ID this run did not find (the notes
    changed, or the workbook came from another export); they are not applied.
    """

    source: str
    decisions: tuple[Decision, ...] = ()
    not_matched: int = 0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Moderation:
        return cls(
            source=data.get("source", ""),
            decisions=tuple(Decision.from_dict(d) for d in data.get("decisions", ())),
            not_matched=data.get("not_matched", 0),
        )


@dataclass(frozen=True)
class Stratum(PlainData):
    """One service or team a sample was drawn from: how many case files of how many."""

    name: str
    drawn: int
    of: int


@dataclass(frozen=True)
class Sample(PlainData):
    """The case files a run audited when it drew a sample (--sample N --seed S).

    of is how many case files the input held; stratified_by names the field the
    draw was stratified by ("team"), or is "" when the export does not say.
    """

    seed: int
    of: int
    case_ids: tuple[str, ...] = ()
    stratified_by: str = ""
    strata: tuple[Stratum, ...] = ()
    notes_left_out: int = 0

    def to_dict(self) -> dict[str, Any]:
        return super().to_dict() | {"strata": [s.to_dict() for s in self.strata]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sample:
        sample = super().from_dict(data)
        return replace(sample, strata=tuple(Stratum.from_dict(s) for s in sample.strata))


@dataclass(frozen=True)
class Report(PlainData):
    """Everything one run produced; the writers need nothing else."""

    results: tuple[NoteResult, ...]
    unreadable: tuple[Unreadable, ...] = ()
    sources: tuple[SourceFile, ...] = ()
    tool_version: str = ""
    model_versions: dict[str, str] = field(default_factory=dict)
    created: str = ""  # ISO timestamp of the run
    duplicate_note_ids: tuple[str, ...] = ()
    notices: tuple[FileNotice, ...] = ()
    moderation: Moderation | None = None  # auditors' decisions, once given (--decisions)
    sample: Sample | None = None  # the case files drawn, when the run sampled (--sample)
    # the rules file's [grades] table, as judged when it was read ({}: the default grades)
    grading: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tool_version": self.tool_version,
            "model_versions": dict(self.model_versions),
            "created": self.created,
            "sources": [s.to_dict() for s in self.sources],
            "unreadable": [u.to_dict() for u in self.unreadable],
            "duplicate_note_ids": list(self.duplicate_note_ids),
            "notices": [n.to_dict() for n in self.notices],
            "sample": None if self.sample is None else self.sample.to_dict(),
            "decisions": None if self.moderation is None else self.moderation.to_dict(),
            "grading": dict(self.grading),
            "results": [r.to_dict() for r in self.results],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        return cls(
            results=tuple(NoteResult.from_dict(r) for r in data.get("results", ())),
            unreadable=tuple(Unreadable.from_dict(u) for u in data.get("unreadable", ())),
            sources=tuple(SourceFile.from_dict(s) for s in data.get("sources", ())),
            tool_version=data.get("tool_version", ""),
            model_versions=dict(data.get("model_versions", {})),
            created=data.get("created", ""),
            duplicate_note_ids=tuple(data.get("duplicate_note_ids", ())),
            notices=tuple(FileNotice.from_dict(n) for n in data.get("notices", ())),
            moderation=_optional(Moderation, data.get("decisions")),
            sample=_optional(Sample, data.get("sample")),
            grading=dict(data.get("grading") or {}),
        )


def _optional(cls, data: dict[str, Any] | None):
    return None if data is None else cls.from_dict(data)

