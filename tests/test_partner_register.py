"""The register joins one named person across notes that spell them differently."""

from recordcheck.model import ContactEvent, Note, NoteResult, Report
from recordcheck.report.partner_register import partners_in


def _note_with(note_id: str, *contacts: ContactEvent) -> NoteResult:
    return NoteResult(Note(note_id, "C1", "text", date="2025-02-10"), contacts=contacts)


def _contact(agency: str, name: str, agency_type: str = "police") -> ContactEvent:
    return ContactEvent(agency, agency_type, 0, 4, person=name)


def test_named_officer_under_unnamed_force_joins_the_force_named_elsewhere():
    report = Report(
        (
            _note_with("1", _contact("Thames Valley Police", "PC Ravi Patel")),
            _note_with("2", _contact("Police (force not named)", "PC Patel")),
        )
    )

    rows = [(p.agency, p.person, p.contacts) for p in partners_in(report)]

    assert rows == [("Thames Valley Police", "PC Ravi Patel", 2)]


def test_surname_shared_by_two_forces_is_left_unresolved():
    report = Report(
        (
            _note_with("1", _contact("Thames Valley Police", "PC Patel")),
            _note_with("2", _contact("Kent Police", "DS Patel")),
            _note_with("3", _contact("Police (force not named)", "Patel")),
        )
    )

    agencies = sorted(p.agency for p in partners_in(report))

    assert agencies == ["Kent Police", "Police (force not named)", "Thames Valley Police"]


def test_same_surname_in_another_kind_of_agency_is_not_joined():
    report = Report(
        (
            _note_with("1", _contact("Thames Valley Police", "PC Shah")),
            _note_with("2", _contact("GP (practice not named)", "Dr Shah", "health")),
        )
    )

    assert {p.agency for p in partners_in(report)} == {
        "Thames Valley Police",
        "GP (practice not named)",
    }
