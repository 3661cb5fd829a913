"""The Word report's section on how the case files were chosen (--sample) and what
the auditors decided (--decisions): precision from their decisions, and how far
two auditors agreed (Cohen's kappa)."""

from __future__ import annotations

from recordcheck.model import Sample
from recordcheck.report.doc_builder import AuditDocument, percent, plural
from recordcheck.report.guide import guide_for
from recordcheck.report.moderation import Agreement, agreement, moderation_figures
from recordcheck.report.styles import TEXT_WIDTH_CM

CASES_LISTED = 40  # a longer list of sampled case ids is in report.json
_NUMBER_CM = 2.6


def sampling_and_moderation(doc: AuditDocument) -> None:
    # short, so it follows the section before it rather than leaving a page near-empty
    doc.heading("How case files were chosen and moderated")
    doc.heading("How the case files were chosen", 2)
    sample = doc.report.sample
    if sample is None:
        cases = len(doc.summary.cases)
        doc.para(f"Every case file in the export was audited ({plural(cases, 'case file')}); "
                 "no sample was drawn.")
    else:
        _sample(doc, sample)
    doc.heading("Auditors' decisions", 2)
    if doc.report.moderation is None:
        doc.para(
            "No auditor has reviewed these findings yet: every figure is the tool's own, "
            "unmoderated. To moderate, record a decision for each finding in findings.xlsx "
            "(accept, dismiss or unsure, with a reason) and run the audit again with "
            "--decisions findings.xlsx; dismissed findings then leave every figure."
        )
        return
    _decisions(doc)


def _sample(doc: AuditDocument, sample: Sample) -> None:
    drawn = len(sample.case_ids)
    how = (
        f"stratified by {sample.stratified_by}: each {sample.stratified_by} gave its share of "
        "the sample in proportion to its case files (the table below)"
        if sample.stratified_by
        else "at random from all of them (the export does not say which team wrote each note)"
    )
    doc.para(
        f"A sample of {drawn} of the {sample.of} case files in the export was audited, drawn "
        f"by recordcheck with seed {sample.seed} (the same seed draws the same case files), "
        f"{how}. The {plural(sample.notes_left_out, 'note')} of other case files, and any "
        "note with no case id, were read but not checked: every figure in this report is "
        "for the case files drawn."
    )
    listed = ", ".join(sample.case_ids[:CASES_LISTED])
    more = drawn - CASES_LISTED
    doc.lead("Case files audited:", listed + (f" and {more} more (report.json lists them)"
                                               if more > 0 else "") + ".")
    if sample.strata:
        doc.table(
            (sample.stratified_by.capitalize(), "Case files", "Drawn"),
            [(s.name, f"{s.of:,}", f"{s.drawn:,}") for s in sample.strata],
            (TEXT_WIDTH_CM - 2 * _NUMBER_CM, _NUMBER_CM, _NUMBER_CM),
        )


def _decisions(doc: AuditDocument) -> None:
    report, checks = doc.report, doc.summary.checks
    moderation = report.moderation
    figures = moderation_figures(report, checks)
    accepted = sum(f.accepted for f in figures.values())
    dismissed = sum(f.dismissed for f in figures.values())
    undecided = sum(f.undecided for f in figures.values())
    doc.para(
        f"Auditors' decisions were read from {moderation.source}: "
        f"{plural(accepted, 'finding')} accepted, {dismissed:,} dismissed and {undecided:,} "
        "not yet decided (or marked unsure). Dismissed findings are left out of every count, "
        "rate, grade and example in this report; findings.xlsx still lists them with their "
        "decisions. Precision is the share of decided findings the auditors accepted: how "
        "often the tool was right where an auditor looked."
    )
    if moderation.not_matched:
        doc.para(
            f"{plural(moderation.not_matched, 'decision')} in the workbook named findings this "
            "run did not find (the note changed, or the workbook came from another export) "
            "and were not applied."
        )
    name_cm = TEXT_WIDTH_CM - 4 * _NUMBER_CM
    doc.table(
        ("Check", "Accepted", "Dismissed", "Not decided", "Precision"),
        [
            (
                guide_for(check).title,
                f"{counts.accepted:,}",
                f"{counts.dismissed:,}",
                f"{counts.undecided:,}",
                "none decided" if counts.precision is None else percent(counts.precision),
            )
            for check, counts in figures.items()
        ],
        (name_cm, *(_NUMBER_CM,) * 4),
    )
    _agreement(doc, checks)


def _agreement(doc: AuditDocument, checks: list[str]) -> None:
    overall = agreement(doc.report)
    if not overall.n:
        doc.para("No second auditor's decisions were recorded, so agreement is not measured.")
        return
    doc.para(
        f"A second auditor decided {plural(overall.n, 'finding')} the first auditor also "
        f"decided. {_agreement_words(overall)} Cohen's kappa corrects the share agreed for "
        "the agreement chance alone would give: 1 is full agreement, 0 no better than chance."
    )
    per_check = [(check, agreement(doc.report, check)) for check in checks]
    rows = [
        (guide_for(check).title, f"{a.n:,}", percent(a.agreed / a.n), _kappa(a))
        for check, a in per_check
        if a.n
    ]
    if len(rows) > 1:
        doc.table(
            ("Check", "Decided by both (n)", "Agreed", "Cohen's kappa"),
            rows,
            (TEXT_WIDTH_CM - 3 * _NUMBER_CM, *(_NUMBER_CM,) * 3),
        )


def _agreement_words(second: Agreement) -> str:
    share = percent(second.agreed / second.n)
    if second.kappa is None:
        return (f"They agreed on {second.agreed:,} ({share}); kappa is not defined because "
                "both gave one and the same decision throughout.")
    kappa = _kappa(second)
    return f"They agreed on {second.agreed:,} ({share}): Cohen's kappa {kappa} (n = {second.n:,})."


def _kappa(second: Agreement) -> str:
    return "not defined" if second.kappa is None else f"{second.kappa:.2f}"
