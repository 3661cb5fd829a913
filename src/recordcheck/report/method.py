"""The audit report's method section (what was checked and not, how findings are weighed
and graded, how accurate the checks are) and its appendix of run details (versions,
input files), kept off the cover."""

from __future__ import annotations

from recordcheck.report.accuracy_statement import accuracy_lines, accuracy_record
from recordcheck.report.audit_sections import file_name
from recordcheck.report.doc_builder import AuditDocument
from recordcheck.report.grades import SEVERITIES, SEVERITY_MEANING
from recordcheck.report.guide import guide_for

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
        "every finding with a stable Finding ID, its words in context and columns for an "
        "auditor's decision (accept, dismiss or unsure), reason and a second auditor's "
        "decision; and totals and grades by check, case file and team.",
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
    (
        "report.json",
        "the whole run, from which every file of the pack can be rebuilt.",
    ),
)


def method_and_limitations(doc: AuditDocument) -> None:
    doc.heading("Method and limitations")
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
        "An auditor should read each flagged note before drawing conclusions, and can record a "
        "decision against every finding in findings.xlsx; the next run with --decisions leaves "
        "dismissed findings out of every figure.",
        "Callout",
    )
    _weighing(doc)
    _accuracy(doc)
    doc.heading("Files that come with this report", 2)
    for name, purpose in COMPANION_FILES:
        doc.bullet(purpose, name)
    doc.para(
        "Per-worker feedback is not part of this pack. The recordcheck coach command writes a "
        "supervision handout for each worker from the same notes, naming no colleague."
    )


def _weighing(doc: AuditDocument) -> None:
    doc.heading("How findings are weighed and graded", 2)
    doc.para(
        "Each finding's severity is set by what it risks, not by the check alone: the rules "
        "are part of each check's data. The levels mean:"
    )
    for severity in SEVERITIES:
        doc.bullet(SEVERITY_MEANING[severity] + ".", f"{severity.value.capitalize()}:")
    doc.para(doc.summary.scheme.criteria())


def _accuracy(doc: AuditDocument) -> None:
    doc.heading("How accurate the checks are", 2)
    moderated = bool(getattr(doc.report, "moderation", None))
    lines = accuracy_lines(accuracy_record(), doc.summary.checks, moderated=moderated)
    if not lines:
        doc.para(
            "No accuracy figures were shipped with this version of recordcheck: treat every "
            "finding as a question for the auditor."
        )
    else:
        opening, checks, closing = lines
        doc.para(opening)
        for title, sentence in checks:
            doc.bullet(sentence, f"{title}:")
        doc.para(closing)
    if moderated:
        doc.para(
            "An auditor's decisions on this run's own findings measure its precision directly: "
            "see the moderation section, whose figures take precedence over those above."
        )


# report.json's keys for the models that produced a run (nlp.model_versions), in words
COMPONENT_NAMES = {
    "base": "Language model",
    "opinion_classifier": "Opinion classifier",
    "contact_gate": "Contact gate (trained model for partner contacts)",
    "organisation_rules": "Organisation's rules file",
}


def run_details(doc: AuditDocument) -> None:
    """The appendix: versions and the input files read, with their fingerprints."""
    report = doc.report
    doc.heading("Appendix: run details")
    doc.para(
        "What produced this report, so it can be reproduced: the program and model versions, "
        "and each input file with its SHA-256 fingerprint (a file with the same fingerprint is "
        "byte for byte the file that was audited)."
    )
    versions = [("recordcheck", report.tool_version or "not recorded")]
    versions += [
        (COMPONENT_NAMES.get(key, key), version)
        for key, version in sorted(report.model_versions.items())
    ]
    doc.table(("Component", "Version"), versions, (6.0, 10.6))
    doc.table(
        ("Input file", "Format", "Notes read", "Rows not read", "SHA-256"),
        [
            (file_name(s.path), s.format, s.notes_read, s.rows_not_read, s.sha256)
            for s in report.sources
        ]
        or [("No input files were recorded for this run.", "", "", "", "")],
        (3.6, 1.9, 1.7, 1.9, 7.5),
    )
