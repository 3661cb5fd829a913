"""The audit report's sections on each check, on teams and on the data that could not be used.

No section here names a worker: examples are sourced by case file and note ID,
strengths quote no sentence holding an author's name, and figures are for the
whole run, a case file or a team.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath

from recordcheck.model import NoteResult
from recordcheck.report.accuracy_statement import finds_under_half, shown_grade
from recordcheck.report.actions import Action, actions_for
from recordcheck.report.colleagues import colleague_names, names_colleague
from recordcheck.report.doc_builder import AuditDocument, day, percent, plural
from recordcheck.report.excerpts import pick_examples
from recordcheck.report.grades import LABEL, SEVERITIES
from recordcheck.report.guide import guide_for, readable
from recordcheck.report.strengths import strength
from recordcheck.report.styles import TEXT_WIDTH_CM
from recordcheck.report.summary import case_label, out_of, parse_date, problem_notes
from recordcheck.report.word import add_quote

EXAMPLES_PER_CHECK = 3


def severity_split(check: str, results: Sequence[NoteResult]) -> str:
    """ "2 / 10 / 1": the check's findings by severity, most serious first."""
    counts = Counter(f.severity for r in results for f in r.findings if f.check == check)
    return " / ".join(f"{counts[severity]:,}" for severity in SEVERITIES)


def _no_worker_named(doc: AuditDocument) -> list[re.Pattern]:
    """One pattern for every author's name and its parts: the inspection pack quotes no
    sentence naming one (one alternation, as every sentence of every note is tried)."""
    authors = sorted({r.note.author.strip() for r in doc.report.results} - {""})
    patterns = colleague_names(authors, "")
    return [re.compile("|".join(p.pattern for p in patterns))] if patterns else []


def write_actions(doc: AuditDocument, actions: Sequence[Action]) -> None:
    """Each action as a bullet opening with its owner; each owner's together, in check order."""
    for action in sorted(actions, key=lambda action: action.owner):
        doc.bullet(action.text, f"{action.owner}:")


def summary_actions_and_strengths(doc: AuditDocument) -> None:
    """The executive summary's recommended actions (whole audit) and strengths."""
    results, checks = doc.report.results, doc.summary.checks
    actions = [a for check in checks for a in actions_for(check, results, "check")]
    if actions:
        doc.heading("Recommended actions", 2)
        doc.para(
            "Drawn from the findings; each case file's own actions, for the case holder, are in "
            "the Case files section."
        )
        write_actions(doc, actions)
    overall = doc.summary.overall
    # no finding is a strength only where the check finds most of what falls short
    met = [
        check
        for check in checks
        if overall.applicable[check]
        and overall.share_with(check) < 0.5
        and doc.summary.graded_well(check, overall)
        and not finds_under_half(check)
    ]
    if met:
        doc.heading("Strengths", 2)
        for check in met:
            doc.bullet(
                f"met on {percent(1 - overall.share_with(check))} of the notes it applies to "
                "(an example is in Findings by check).",
                f"{_capital(guide_for(check).strength)}:",
            )


def findings_by_check(doc: AuditDocument) -> None:
    doc.heading("Findings by check")
    doc.para(
        "Each section says what the recording standard asks for and why, how often the notes "
        "fell short and how seriously, what is done well, and gives examples quoted as written, "
        "with the words that triggered the finding highlighted and a suggested rewrite."
    )
    others = _no_worker_named(doc)
    for check in doc.summary.checks:
        _check_section(doc, check, others)


def _check_section(doc: AuditDocument, check: str, others) -> None:
    guide, summary = guide_for(check), doc.summary
    overall = summary.overall
    doc.heading(guide.title, 2)
    doc.lead("What the standard asks.", guide.requires)
    if guide.why:
        doc.lead("Why it matters.", guide.why)
    results = doc.report.results
    flagged = [r for r in results if any(f.check == check for f in r.findings)]
    grade = (
        f" Score {percent(summary.check_score(check, overall))}: "
        f"{shown_grade(summary, check)} ({LABEL})."
    )
    if not flagged:
        doc.lead("What we found.", "No notes were flagged for this check." + grade)
    else:
        high, medium, low = severity_split(check, results).split(" / ")
        doc.lead(
            "What we found.",
            f"{plural(overall.findings[check], 'finding')} ({high} high, {medium} medium, "
            f"{low} low severity) in {plural(len(flagged), 'note')} "
            f"({percent(overall.share_with(check))} of {out_of(check, overall)}), across "
            f"{plural(len({case_label(r) for r in flagged}), 'case file')}." + grade,
        )
        _triggers(doc, check, flagged)
    _done_well(doc, check, others)
    if flagged:
        _examples(doc, check, flagged, others)
        actions = actions_for(check, results, "check")
        if actions:
            doc.para("Recommended actions", "Label")
            write_actions(doc, actions)


def _triggers(doc: AuditDocument, check: str, flagged: Sequence[NoteResult]) -> None:
    cues = Counter(f.cue for r in flagged for f in r.findings if f.check == check and f.cue)
    if cues:
        doc.lead(
            "What triggered them.",
            _capital(
                ", ".join(f"{readable(cue)} ({count})" for cue, count in cues.most_common())
            )
            + ".",
        )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _done_well(doc: AuditDocument, check: str, others) -> None:
    found = strength(check, doc.report.results, others)
    if found is None:
        return
    # a check that finds under half the shortfalls shows notes with no finding, not notes met
    verdict = "had no finding for" if finds_under_half(check) else "met"
    lead = doc.lead(
        "Done well.",
        f"{plural(found.met, 'note')} of the {found.applicable:,} it applies to {verdict} "
        "this check" + (", for example:" if found.example else "."),
    )
    lead.paragraph_format.keep_with_next = bool(found.example) or None
    if found.example and found.source is not None:
        note = found.source.note
        source = [f"Case {case_label(found.source)}", day(parse_date(note.date))]
        source += [part for part in (note.note_type, f"note {note.note_id}") if part]
        doc.para(" \u00b7 ".join(source), "Example Source")
        doc.para(f"\u201c{found.example}\u201d", "Quote").paragraph_format.keep_with_next = False


def _examples(doc: AuditDocument, check: str, flagged: Sequence[NoteResult], others) -> None:
    """The clearest findings, passing over any whose quotation names a worker."""
    doc.para("Examples of findings", "Label")
    candidates = pick_examples(flagged, check, EXAMPLES_PER_CHECK * 4)
    unnamed = [
        example
        for example in candidates
        if not names_colleague(
            " ".join(
                (example.quote.before, example.quote.flagged, example.quote.after,
                 example.finding.suggestion or "")
            ),
            others,
        )
    ]
    for example in unnamed[:EXAMPLES_PER_CHECK]:
        note = example.result.note
        source = [f"Case {case_label(example.result)}", day(parse_date(note.date))]
        source += [part for part in (note.note_type, f"note {note.note_id}") if part]
        source.append(f"{example.finding.severity.value} severity")
        doc.para(" \u00b7 ".join(source), "Example Source")
        add_quote(doc.para(style="Quote"), example.quote)
        why = doc.lead("Why flagged:", example.finding.message, "Suggestion")
        why.paragraph_format.keep_with_next = bool(example.finding.suggestion) or None
        if example.finding.suggestion:
            doc.lead("Suggested rewrite:", example.finding.suggestion, "Suggestion")


def by_team(doc: AuditDocument) -> None:
    """Grades by team, where the export says which team wrote each note."""
    summary = doc.summary
    if not summary.teams:
        return
    doc.heading("By team")
    doc.para(
        f"Each team's score and grade ({LABEL}), and its share of the notes each check applies "
        "to with a finding. Per-worker feedback is not part of this pack: it is given in "
        "supervision, from the handout the recordcheck coach command writes for each worker."
    )
    checks = summary.checks
    doc.table(
        ("Team", "Notes", *(guide_for(check).short for check in checks), "Score", "Grade"),
        [
            (
                team.name,
                f"{team.notes:,}",
                *(
                    percent(team.share_with(check)) if team.applicable[check] else "\u2013"
                    for check in checks
                ),
                percent(summary.score(team)),
                summary.grade(team),
            )
            for team in summary.teams
        ],
        (4.6, 1.4, *([2.0] * len(checks)), 1.6, TEXT_WIDTH_CM - 7.6 - 2.0 * len(checks)),
    )


def file_name(path: str) -> str:
    """A file's name without the folders it was read from (no local paths in the report)."""
    return PurePath(path.replace("\\", "/")).name or path


def data_problems(doc: AuditDocument) -> None:
    report = doc.report
    doc.heading("Notes not read and data problems")
    doc.para(
        "Rows that could not be turned into notes were left out of every figure in this report. "
        "Check them in the source system: a note that was not read was not audited."
    )
    doc.heading("Rows not read", 2)
    if report.unreadable:
        doc.table(
            ("File", "Row", "Problem"),
            [
                (file_name(u.source), "whole file" if u.row is None else u.row, u.reason)
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
            [(file_name(notice.source), notice.message) for notice in report.notices],
            (5.0, 11.6),
        )
    doc.heading("Problems in notes that were read", 2)
    noted = problem_notes(report)
    if noted:
        doc.table(
            ("File", "Row", "Note", "Problem"),
            [
                (file_name(r.note.source), r.note.row, r.note.note_id, "; ".join(r.note.problems))
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
