"""The supervision handout as a Word document: one worker, one or two pages.

The words and figures come from handout.py; this module only lays them out,
with the audit report's template, styles, tables and highlighted quotations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from docx.document import Document as WordDocument
from docx.shared import Cm

from recordcheck.model import Report
from recordcheck.report.atomic import atomic_output
from recordcheck.report.audit_docx import bundled_template, open_template
from recordcheck.report.doc_builder import AuditDocument, day, period, plural
from recordcheck.report.guide import guide_for
from recordcheck.report.handout import Handout, authors_in, build_handout, share
from recordcheck.report.sanitise import clean_text
from recordcheck.report.styles import TEXT_WIDTH_CM, ensure_report_styles
from recordcheck.report.summary import case_label, parse_date, summarise
from recordcheck.report.word import add_quote, clear_body

TITLE = "Supervision handout"
INTRO = (
    "For {first} and their supervisor to read together. It is drawn from the case notes "
    "checked against the recording standard; its findings are prompts for a conversation, "
    "not verdicts, and it is not a measure of practice as a whole."
)


def write_handout(
    report: Report, author: str, path: Path, *, template: Path | None = None
) -> Path:
    """Write ``author``'s handout to ``path`` (the author as the notes write them)."""
    document = build_handout_document(report, build_handout(report, author), template=template)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(path) as stream:
        document.save(stream)
    return path


def build_handout_document(
    report: Report, handout: Handout, *, template: Path | None = None
) -> WordDocument:
    document = open_template(Path(template) if template else bundled_template())
    clear_body(document)
    ensure_report_styles(document)
    _retitle_headers(document)
    doc = AuditDocument(document, report, summarise(report))
    _opening(doc, handout)
    _strengths(doc, handout)
    _examples(doc, handout)
    _trend(doc, handout)
    _team(doc, handout)
    document.core_properties.title = f"{TITLE}: {clean_text(handout.author)}"
    document.core_properties.subject = TITLE
    return document


def _retitle_headers(document: WordDocument) -> None:
    """The template's running header names the audit report; this is the handout."""
    for section in document.sections:
        for paragraph in section.header.paragraphs:
            for run in paragraph.runs:
                run.text = run.text.replace("Case recording audit", TITLE)


def _opening(doc: AuditDocument, handout: Handout) -> None:
    doc.para(TITLE, "Title")
    doc.para(handout.author, "Subtitle")
    doc.lead(
        "Notes read:",
        f"{plural(handout.notes, 'note')} written {period(handout.first, handout.last)}.",
    )
    doc.para(INTRO.format(first=handout.author), "Callout")


def _strengths(doc: AuditDocument, handout: Handout) -> None:
    doc.heading("What you do well", 2)
    if not handout.strengths:
        doc.para(
            "No check was met on most of the notes it applied to. The notes below show where "
            "to start."
        )
        return
    for strength in handout.strengths:
        guide = guide_for(strength.check)
        whole = strength.met == strength.applicable
        count = (
            f"on all {plural(strength.applicable, 'note')} it applied to"
            if whole
            else f"on {strength.met} of the {plural(strength.applicable, 'note')} it applied to"
        )
        doc.bullet(f"{guide.strength[:1].upper()}{guide.strength[1:]}, {count}.",
                   f"{guide.title}.")
        if strength.example and strength.source is not None:
            quote = doc.para(f"\u201c{strength.example}\u201d", "Quote")
            quote.paragraph_format.keep_with_next = None
            source = doc.para(_source(strength.source), "Small Print")
            source.paragraph_format.left_indent = Cm(0.6)


def _source(result) -> str:
    note = result.note
    parts = [f"Case {case_label(result)}", day(parse_date(note.date))]
    parts += [part for part in (note.note_type, f"note {note.note_id}") if part]
    return " \u00b7 ".join(parts)


def _examples(doc: AuditDocument, handout: Handout) -> None:
    doc.heading("Notes to talk through", 2)
    if not handout.examples:
        doc.para("None of your notes was flagged: there is nothing to rewrite.")
        return
    doc.para(
        "The highlighted words fell short of the standard. Each rewrite keeps your words and "
        "leaves a [gap] for what only you know; fill it from what you saw and heard."
    )
    for example in handout.examples:
        finding = example.finding
        # a note and its rewrite are read together: kept on one page
        doc.para(
            f"{guide_for(finding.check).title} \u00b7 {_source(example.result)}",
            "Example Source",
        ).paragraph_format.keep_with_next = True
        add_quote(doc.para(style="Quote"), example.quote).paragraph_format.keep_with_next = True
        why = doc.lead("Why:", finding.message, "Suggestion")
        if finding.suggestion:
            why.paragraph_format.keep_with_next = True
            doc.lead("Rewrite:", finding.suggestion, "Suggestion")


def _trend(doc: AuditDocument, handout: Handout) -> None:
    doc.heading(f"Over the period, {handout.trend_unit} by {handout.trend_unit}", 2)
    if not handout.trend:
        doc.para("Your notes have no dates, so they cannot be shown over time.")
        return
    doc.table(
        (handout.trend_unit.capitalize(), "Your notes", "With a finding", "Your share",
         "Team share"),
        [
            (p.label, p.notes, p.flagged, share(p.flagged, p.notes),
             share(p.team_flagged, p.team_notes))
            for p in handout.trend
        ],
        _widths(4.6, 4),
    )


def _team(doc: AuditDocument, handout: Handout) -> None:
    doc.heading("You and the team", 2)
    doc.para(
        "The share of notes with a finding for each check, yours beside the team's (every "
        "note in this run, yours included). Each check counts only the notes it applies to, "
        "where the notes show it."
    )
    doc.table(
        ("Check", "Counted", "Your notes", "Your share", "Team share"),
        [
            (
                guide_for(c.check).title,
                c.basis[:1].upper() + c.basis[1:],
                c.notes,
                share(c.flagged, c.notes),
                share(c.team_flagged, c.team_notes),
            )
            for c in handout.comparisons
        ],
        (4.4, 5.6, 2.0, 2.3, 2.3),
    )


def _widths(first: float, others: int) -> tuple[float, ...]:
    return (first, *([(TEXT_WIDTH_CM - first) / others] * others))


def file_name(author: str, taken: set[str]) -> str:
    """A file name for ``author``'s handout, unique among ``taken`` (which it joins)."""
    stem = re.sub(r"[^\w]+", "-", author, flags=re.UNICODE).strip("-").lower() or "author"
    name, number = f"{stem}.docx", 1
    while name in taken:
        number += 1
        name = f"{stem}-{number}.docx"
    taken.add(name)
    return name


def write_all_handouts(
    report: Report, out_dir: Path, *, template: Path | None = None,
    written: Callable[[Path], object] | None = None,
) -> list[Path]:
    """One handout per author in ``out_dir``, named after them."""
    taken: set[str] = set()
    paths = []
    for author in authors_in(report):
        path = write_handout(report, author, Path(out_dir) / file_name(author, taken),
                             template=template)
        paths.append(path)
        if written is not None:
            written(path)
    return paths
