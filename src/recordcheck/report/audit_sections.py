"""The detailed sections of the audit report: each check, each case file, each author,
the data that could not be used, and what the tool does and does not do."""

from __future__ import annotations

from collections import Counter

from recordcheck.model import NoteResult
from recordcheck.report.doc_builder import AuditDocument, day, percent, period, plural
from recordcheck.report.excerpts import pick_examples
from recordcheck.report.guide import guide_for, readable
from recordcheck.report.styles import TEXT_WIDTH_CM
from recordcheck.report.summary import (
    RATINGS,
    SCORING_CRITERIA,
    Tally,
    author_label,
    case_label,
    grouped_by_case,
    in_date_order,
    out_of,
    parse_date,
    problem_notes,
)
from recordcheck.report.word import RAG_INK, add_quote

EXAMPLES_PER_CHECK = 3
# flagged words longer than this (whole sentences) are named by check only in case tables
SHORT_FLAG = 40


def findings_by_check(doc: AuditDocument) -> None:
    doc.heading("Findings by check", new_page=True)
    doc.para(
        "Each section says what the recording standard asks for and why, how often the notes "
        "fell short, and gives examples quoted as written, with the words that triggered the "
        "finding highlighted and a suggested rewrite."
    )
    for check in doc.summary.checks:
        _check_section(doc, check)


def _check_section(doc: AuditDocument, check: str) -> None:
    guide, overall = guide_for(check), doc.summary.overall
    doc.heading(guide.title, 2)
    doc.lead("What the standard asks.", guide.requires)
    if guide.why:
        doc.lead("Why it matters.", guide.why)
    flagged = [
        result for result in doc.report.results if any(f.check == check for f in result.findings)
    ]
    if not flagged:
        doc.lead("What we found.", "No notes were flagged for this check.")
        return
    cases = {case_label(result) for result in flagged}
    authors = {author_label(result) for result in flagged}
    doc.lead(
        "What we found.",
        f"{plural(overall.findings[check], 'finding')} in {plural(len(flagged), 'note')} "
        f"({percent(overall.share_with(check))} of {out_of(check, overall)}), across "
        f"{plural(len(cases), 'case file')} and {plural(len(authors), 'author')}.",
    )
    cues = Counter(
        f.cue for result in flagged for f in result.findings if f.check == check and f.cue
    )
    if cues:
        doc.lead(
            "What triggered them.",
            ", ".join(f"{readable(cue)} ({count})" for cue, count in cues.most_common()) + ".",
        )
    doc.para("Examples", "Label")
    for example in pick_examples(flagged, check, EXAMPLES_PER_CHECK):
        note = example.result.note
        source = [f"Case {case_label(example.result)}", day(parse_date(note.date))]
        source += [part for part in (note.note_type, f"note {note.note_id}") if part]
        doc.para(" \u00b7 ".join(source), "Example Source")
        add_quote(doc.para(style="Quote"), example.quote)
        why = doc.lead("Why flagged:", example.finding.message, "Suggestion")
        why.paragraph_format.keep_with_next = bool(example.finding.suggestion) or None
        if example.finding.suggestion:
            doc.lead("Suggested rewrite:", example.finding.suggestion, "Suggestion")


def _lines(phrases: list[str], empty: str) -> str:
    """One phrase per line, each starting with a capital, for a narrow table column."""
    return "\n".join(phrase[:1].upper() + phrase[1:] for phrase in phrases) or empty


def _points(result: NoteResult) -> str:
    """The note's findings, grouped by check, quoting the flagged words when short."""
    grouped: dict[str, list[str]] = {}
    for finding in result.findings:
        words = grouped.setdefault(guide_for(finding.check).title, [])
        if len(finding.text) <= SHORT_FLAG:
            words.append(f"\u201c{' '.join(finding.text.split())}\u201d")
    return "\n".join(
        f"{title}: {', '.join(dict.fromkeys(words))}" if words else title
        for title, words in grouped.items()
    )


def case_files(doc: AuditDocument) -> None:
    doc.heading("Case files", new_page=True)
    doc.para(
        "Case files are grouped by rating, lowest score first. Each table lists the notes with "
        "findings, oldest first; notes that met every check are counted but not listed."
    )
    by_case = grouped_by_case(in_date_order(doc.report.results))
    worst_first = doc.summary.worst_first()
    for rag in RATINGS:
        group = [tally for tally in worst_first if tally.rag == rag]
        if group:
            doc.heading(f"{rag}-rated case files ({len(group):,})", 2)
        for tally in group:
            _case_file(doc, tally, by_case[tally.name])


def _case_file(doc: AuditDocument, tally: Tally, results: list[NoteResult]) -> None:
    doc.heading(f"Case file {tally.name}", 3)
    rating = doc.lead(
        f"{tally.rag}.",
        f"Score {percent(tally.score)}: {tally.clean_notes:,} of {plural(tally.notes, 'note')} "
        f"met every check. Notes dated {period(tally.first, tally.last)}.",
    )
    rating.runs[0].font.color.rgb = RAG_INK[tally.rag]
    flagged = [result for result in results if result.findings]
    if flagged:
        doc.table(
            ("Date", "Note type", "Author", "Recording points"),
            [
                (day(parse_date(r.note.date)), r.note.note_type, author_label(r), _points(r))
                for r in flagged
            ],
            (2.4, 2.6, 3.2, 8.4),
        )


def _coaching_points(checks: tuple[list[str], list[str]], author: Tally):
    strong, weak = checks
    if author.clean_notes == author.notes:
        strengths = ["every note met every check"]
    else:
        strengths = [guide_for(check).strength for check in strong]
    gaps = [
        f"{guide_for(check).title.lower()} "
        f"({author.notes_with[check]} of {plural(author.notes, 'note')})"
        for check in weak
    ]
    return strengths, gaps


def coaching(doc: AuditDocument) -> None:
    summary = doc.summary
    doc.heading("Coaching by author", new_page=True)
    doc.para(
        "For supervision and team learning, not performance management: counts are of notes "
        "with at least one finding for each check. Strengths are checks with no finding in "
        "the author's notes; points to work on are checks where the author's share of notes "
        "with a finding is above the team's."
    )
    checks = summary.checks
    rows = []
    for author in summary.authors:
        strengths, gaps = _coaching_points(summary.coaching(author), author)
        rows.append(
            (
                author.name,
                f"{author.notes:,}",
                *(f"{author.notes_with[check]:,}" for check in checks),
                _lines(strengths, "\u2013"),
                _lines(gaps, "No check above the team's rate"),
            )
        )
    check_width = 1.7
    rest = TEXT_WIDTH_CM - 2.6 - 1.4 - check_width * len(checks)
    headers = ("Author", "Notes", *(guide_for(check).short for check in checks))
    doc.table(
        (*headers, "Strengths", "To work on"),
        rows,
        (2.6, 1.4, *([check_width] * len(checks)), rest / 2, rest / 2),
    )


def data_problems(doc: AuditDocument) -> None:
    report = doc.report
    doc.heading("Notes not read and data problems", new_page=True)
    doc.para(
        "Rows that could not be turned into notes were left out of every figure in this report. "
        "Check them in the source system: a note that was not read was not audited."
    )
    doc.heading("Rows not read", 2)
    if report.unreadable:
        doc.table(
            ("File", "Row", "Problem"),
            [
                (u.source, "whole file" if u.row is None else u.row, u.reason)
                for u in report.unreadable
            ],
            (5.0, 1.8, 9.8),
        )
    else:
        doc.para("Every row of every input file was read.")
    if report.notices:
        doc.heading("Files to check", 2)
        doc.table(
            ("File", "What to check"),
            [(notice.source, notice.message) for notice in report.notices],
            (5.0, 11.6),
        )
    doc.heading("Problems in notes that were read", 2)
    noted = problem_notes(report)
    if noted:
        doc.table(
            ("File", "Row", "Note", "Problem"),
            [
                (r.note.source, r.note.row, r.note.note_id, "; ".join(r.note.problems))
                for r in noted
            ],
            (4.4, 1.4, 2.6, 8.2),
        )
    else:
        doc.para(
            "No problems were found in the notes that were read (dates, times, characters "
            "lost in the export)."
        )
    if report.duplicate_note_ids:
        doc.heading("Repeated note IDs", 2)
        doc.para(
            "These note IDs appear more than once. Each copy was checked separately; the "
            "repeats may be duplicated exports or edited versions of one note: "
            + ", ".join(report.duplicate_note_ids)
            + "."
        )


NOT_CHECKED = (
    "whether what the note says is true, or whether the decisions and risk assessment were right",
    "the quality of analysis, planning and management oversight",
    "whether the person's own voice, wishes and feelings are recorded",
    "how soon after the event the note was written",
    "whether what was shared was proportionate (only that a reason was recorded)",
    "spelling, grammar and jargon",
    "attachments, forms, letters and scanned documents outside the notes",
)


COMPANION_FILES = (
    (
        "findings.xlsx",
        "every finding, with a column to accept or dismiss it, and totals by "
        "check, case file and author.",
    ),
    (
        "partner-register.xlsx",
        "the agencies and named professionals the notes show contact "
        "with, and every contact, with whether a reason for sharing was recorded.",
    ),
    (
        "chronology.xlsx",
        "each case file's significant events in date order, one row each (harm, "
        "disclosures, incidents, decisions, changes in risk, contacts with other agencies), "
        "with the words that record them, the source, the agencies involved and the outcome; "
        "notes with no such event are left out.",
    ),
)


def method_and_limitations(doc: AuditDocument) -> None:
    report = doc.report
    doc.heading("Method and limitations", new_page=True)
    doc.heading("What was checked", 2)
    doc.para(
        "recordcheck read the case notes on this computer; no note left it. Each note was "
        "analysed with an English language model and rules written from the recording standard, "
        "and every note was checked for:"
    )
    for check in doc.summary.checks:
        guide = guide_for(check)
        doc.bullet(guide.requires, f"{guide.title}.")
    doc.heading("What was not checked", 2)
    doc.para("The tool reads the wording of notes. It does not judge:")
    for item in NOT_CHECKED:
        doc.bullet(item + ".")
    doc.heading("How to read the findings", 2)
    doc.para(
        "Findings are prompts for professional review, not verdicts. The tool will miss some "
        "notes that fall short and flag some that are sound: for example reported speech "
        "without quotation marks, or a judgement whose evidence is given in another paragraph. "
        "An auditor should read each flagged note before drawing conclusions, and can record an "
        "accept or dismiss decision against every finding in findings.xlsx.",
        "Callout",
    )
    doc.para(SCORING_CRITERIA)
    doc.heading("Files that come with this report", 2)
    for name, purpose in COMPANION_FILES:
        doc.bullet(purpose, name)
    doc.heading("Versions", 2)
    versions = [("recordcheck", report.tool_version or "not recorded")]
    versions += sorted(report.model_versions.items())
    doc.table(("Component", "Version"), versions, (8.3, 8.3))
