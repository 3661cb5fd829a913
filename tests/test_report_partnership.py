"""The Word report's Partnership working section: the register's figures, planned contacts
kept apart, and examples of coordination that meet every standard."""

from __future__ import annotations

from docx import Document
from report_sample import contact, note_result, sample_report

from recordcheck.model import Decision, Report
from recordcheck.report.audit import write_audit
from recordcheck.report.moderation import identified, with_decisions
from recordcheck.report.partner_agencies import partners_in
from recordcheck.report.partner_identity import ContactResolver
from recordcheck.report.partnership import coordination_examples

GP_NOTE = (
    "Emailed the falls log to Riverside GP Surgery with Mrs Khan's consent, so her "
    "medication can be reviewed. Dr Ahmed replied that a review is booked for Friday."
)
GP_EVIDENCE = "Emailed the falls log to Riverside GP Surgery with Mrs Khan's consent"
GP_OUTCOME = "Dr Ahmed replied that a review is booked for Friday."


def coordinated(note_id, case, text=GP_NOTE, *, evidence=GP_EVIDENCE, outcome=GP_OUTCOME,
                agency="Riverside GP Surgery", person="Dr Ahmed", findings=(), status="done",
                date="2024-05-02", **note):
    """A note sharing information outward with its reason recorded and an outcome."""
    event = contact(text, evidence, agency, "health", person=person, direction="out",
                    status=status, rationale_recorded=True, outcome=outcome)
    return note_result(note_id, case, date, "A. Worker", "Email", text, findings, [event],
                       **note)


CONSENT_NOTE = (
    "Referral sent to Oxford MASH because of the bruising to his arm. "
    "Mr Boateng does not agree to the referral."
)
TOLD_NOTE = "Rang Thames Valley Police to share the threat to staff. PC Hartley also informed."
ADVICE_NOTE = (
    "Phoned CAMHS to share the new self-harm disclosure and ask for an earlier appointment. "
    "Advice: moved up to priority, they will contact mum within 2 weeks."
)
OWN_TEAM_NOTE = (
    "Sent the visit notes to adult social care for the review. Sam Reid agreed to visit."
)


def examples_report() -> Report:
    return Report(
        results=(
            coordinated("GOOD", "C-1"),
            coordinated("FLAGGED", "C-2", findings=[("Mrs Khan's consent", "opinion")]),
            coordinated("PLANNED", "C-3", status="planned"),
            coordinated("PROBLEM", "C-4", problems=("characters lost in the export",)),
            coordinated("UNDATED", "C-5", date=None),
            coordinated(
                "CONSENT", "C-6", CONSENT_NOTE, evidence="Referral sent to Oxford MASH",
                outcome="Mr Boateng does not agree to the referral.", agency="Oxford MASH",
                person="",
            ),
            coordinated(
                "TOLD", "C-7", TOLD_NOTE, evidence="Rang Thames Valley Police",
                outcome="PC Hartley also informed.", agency="Thames Valley Police",
                person="PC Hartley",
            ),
            coordinated(
                "OWN", "C-8", OWN_TEAM_NOTE, evidence="Sent the visit notes to adult social care",
                outcome="Sam Reid agreed to visit.",
                agency="Adult social care (authority not named)",
                person="Sam Reid", team="Oxfordshire Adult Social Care",  # the author's own
            ),
            coordinated(
                "ADVICE", "C-9", ADVICE_NOTE, evidence="Phoned CAMHS",
                outcome="Advice: moved up to priority, they will contact mum within 2 weeks.",
                agency="CAMHS (service not named)", person="",
            ),
        )
    )


def test_examples_meet_every_standard_and_show_the_partners_answer():
    report = examples_report()
    resolver = ContactResolver.of_results(report.results)
    chosen = coordination_examples(report, resolver, count=10)
    assert sorted(example.result.note.note_id for example in chosen) == ["ADVICE", "GOOD"]
    for example in chosen:
        assert not example.result.findings and not example.result.note.problems
        assert example.result.note.date
        assert all(event.counts_as_contact for event in example.contacts)
        assert all(event.rationale_recorded and event.outcome for event in example.contacts)


def test_examples_come_from_different_case_files_first():
    report = Report(results=(coordinated("A1", "C-1"), coordinated("A2", "C-1"),
                             coordinated("B1", "C-2")))
    resolver = ContactResolver.of_results(report.results)
    chosen = coordination_examples(report, resolver, count=2)
    assert {example.result.note.case_id for example in chosen} == {"C-1", "C-2"}


def section_text(report: Report, tmp_path) -> str:
    written = write_audit(report, tmp_path, outputs=("audit-report.docx",))
    paragraphs = [p for p in Document(str(written[0])).paragraphs]
    start = next(
        i for i, p in enumerate(paragraphs)
        if p.style.name == "Heading 1" and p.text == "Partnership working"
    )
    end = next(i for i in range(start + 1, len(paragraphs))
               if paragraphs[i].style.name == "Heading 1")
    return "\n".join(p.text for p in paragraphs[start:end])


def test_the_section_quotes_each_example_with_its_note_id_date_and_outcome(tmp_path):
    text = section_text(examples_report(), tmp_path)
    assert "Case C-1 \u00b7 2 May 2024 \u00b7 Email \u00b7 note GOOD" in text
    assert f"\u201c{GP_NOTE}\u201d" in text
    assert "outcome: \u201cDr Ahmed replied that a review is booked for Friday\u201d" in text
    for left_out in ("note FLAGGED", "note PLANNED", "note CONSENT", "note TOLD", "note OWN"):
        assert left_out not in text


def test_the_section_counts_done_and_attempted_contacts_and_lists_planned_ones_apart(tmp_path):
    report = sample_report()
    text = section_text(report, tmp_path)
    partners = partners_in(report)
    contacts = sum(partner.contacts for partner in partners)
    assert f"{contacts} done or attempted contacts with {len(partners)} agencies" in text
    planned = [e for r in report.results for e in r.contacts if not e.counts_as_contact]
    assert f"{len(planned)} contacts the notes record only as planned" in text
    (planned_table,) = [
        table for table in Document(str(tmp_path / "audit-report.docx")).tables
        if table.rows[0].cells[1].text == "Planned contacts"
    ]
    assert [row.cells[0].text for row in planned_table.rows[1:]] == sorted(
        {e.agency for e in planned}
    )
    assert not any(p.agency == "IDVA service (not named)" for p in partners)
    # no note of the sample both meets every standard and names the partner's answer
    assert "No note met all of this, so no example is given." in text


def test_a_report_without_contacts_says_so(tmp_path):
    text = section_text(Report(results=()), tmp_path)
    assert "0 done or attempted contacts with 0 agencies" in text
    assert "no partnership chart" in text


def test_once_decisions_exist_the_sharing_figures_say_decisions_do_not_change_them(tmp_path):
    report = sample_report()
    unmoderated = section_text(report, tmp_path / "before")
    assert "auditors' decisions on findings do not change them" not in unmoderated
    dismissed = [Decision(fid, decision="dismiss") for fid, _, _ in identified(report)]
    text = section_text(with_decisions(report, dismissed, "findings.xlsx"), tmp_path / "after")
    assert "These contact figures are the tool's own: auditors' decisions on findings" in text
