"""The register: one row per agency, one name per person, planned contacts never counted."""

from pathlib import Path

from openpyxl import load_workbook

from recordcheck.language.agencies import load_lexicon
from recordcheck.model import ContactEvent, Note, NoteResult, Report
from recordcheck.report.partner_agencies import AGENCY_TYPE_NAMES, partners_in
from recordcheck.report.partner_identity import ContactResolver
from recordcheck.report.partner_register import write_partner_register


def _note_with(note_id: str, *contacts: ContactEvent, date="2025-02-10") -> NoteResult:
    return NoteResult(Note(note_id, "C1", "text", date=date), contacts=contacts)


def _contact(agency: str, name: str = "", agency_type: str = "police", **extra) -> ContactEvent:
    return ContactEvent(agency, agency_type, 0, 4, person=name, **extra)


def _report(*contacts: ContactEvent) -> Report:
    return Report(tuple(_note_with(str(n), c) for n, c in enumerate(contacts, start=1)))


def _named(report: Report) -> dict[str, str]:
    return {p.agency: p.named_contacts() for p in partners_in(report)}


def test_named_officer_under_unnamed_force_joins_the_force_named_elsewhere():
    report = _report(
        _contact("Thames Valley Police", "PC Ravi Patel"),
        _contact("Police (force not named)", "PC Patel"),
    )

    rows = [(p.agency, p.named_contacts(), p.contacts) for p in partners_in(report)]

    assert rows == [("Thames Valley Police", "PC Ravi Patel", 2)]


def test_surname_shared_by_two_forces_is_left_unresolved():
    report = _report(
        _contact("Thames Valley Police", "PC Patel"),
        _contact("Kent Police", "DS Patel"),
        _contact("Police (force not named)", "Patel"),
    )

    assert _named(report) == {
        "Kent Police": "DS Patel",
        "Police (force not named)": "Patel",
        "Thames Valley Police": "PC Patel",
    }


def test_same_surname_in_another_kind_of_agency_is_not_joined():
    report = _report(
        _contact("Thames Valley Police", "PC Shah"),
        _contact("GP (practice not named)", "Dr Shah", "health"),
    )

    assert set(_named(report)) == {"Thames Valley Police", "GP (practice not named)"}


def test_distinct_named_organisations_stay_distinct():
    report = _report(
        _contact("Larch Road Surgery", "Dr Shah", "health"),
        _contact("Riverside GP Surgery", "Dr Shah", "health"),
        _contact("Elm Medical Centre", agency_type="health"),
    )

    assert sorted(_named(report)) == [
        "Elm Medical Centre",
        "Larch Road Surgery",
        "Riverside GP Surgery",
    ]


def test_forms_of_one_name_merge_into_the_fullest_with_the_role_once():
    report = _report(
        _contact("Thames Valley Police", "PC Patel", role="police officer"),
        _contact("Thames Valley Police", "Ravi Patel"),
        _contact("Thames Valley Police", "PC Ravi Patel,", role="PC"),
        _contact("Thames Valley Police", "pc patel"),
        _contact("Thames Valley Police", "DC Jo Green"),
    )

    (police,) = partners_in(report)

    assert police.named_contacts() == "DC Jo Green; PC Ravi Patel (police officer)"
    assert police.contacts == 5


def test_a_short_form_that_fits_two_people_is_left_apart():
    resolver = ContactResolver(
        ("C1", event)
        for event in (
            _contact("Kent Police", "PC Ravi Patel"),
            _contact("Kent Police", "DS Anita Patel"),
            _contact("Kent Police", "Patel"),
        )
    )

    assert resolver.person(_contact("Kent Police", "Patel"), "C1") == "Patel"
    assert resolver.person(_contact("Kent Police", "Anita Patel"), "C1") == "Anita Patel"
    assert resolver.person(_contact("Kent Police", "DS Anita Patel"), "C1") == "DS Anita Patel"


def test_planned_contacts_are_never_counted():
    report = _report(
        _contact("Kent Police", status="done", direction="in"),
        _contact("Kent Police", status="attempted"),
        _contact("Kent Police", status="planned", rationale_recorded=False),
        _contact("IDVA service (not named)", agency_type="domestic abuse", status="planned"),
    )

    (police,) = partners_in(report)

    assert (police.agency, police.contacts) == ("Kent Police", 2)
    assert police.row()[8:10] == (None, 0)  # the attempt recorded no reason either way


def test_shares_of_outward_sharing_with_a_reason_and_an_outcome():
    report = _report(
        _contact("Kent Police", rationale_recorded=True, outcome="PC Shah will visit today"),
        _contact("Kent Police", rationale_recorded=False, outcome="  "),
        _contact("Kent Police", rationale_recorded=None),
        _contact("Kent Police", direction="in", outcome="advised no crime"),
        _contact("Kent Police", direction="both", rationale_recorded=False),
        _contact("Kent Police", status="planned", rationale_recorded=True, outcome="x"),
    )

    (police,) = partners_in(report)
    reason, outcome = police.row()[8:10]

    assert reason == 1 / 2  # of the outward events whose reason was judged
    assert outcome == 1 / 3  # of every outward event; blank words are no outcome


def test_shares_are_empty_when_nothing_went_out():
    (police,) = partners_in(_report(_contact("Kent Police", direction="in")))

    assert police.row()[8:10] == (None, None)


def test_first_and_last_contact_and_details_come_from_every_note():
    report = Report(
        (
            _note_with("1", _contact("Kent Police", phone="01622 000000"), date="2025-03-01"),
            _note_with("2", _contact("Kent Police", email="duty@kent.example"), date="2025-01-05"),
            _note_with("3", _contact("Kent Police", phone="01622 000000"), date=None),
        )
    )

    (police,) = partners_in(report)
    row = police.row()

    assert (str(row[4]), str(row[5])) == ("2025-01-05", "2025-03-01")
    assert (row[10], row[11]) == ("01622 000000", "duty@kent.example")


def test_every_agency_type_has_words_for_the_reader():
    assert set(load_lexicon().types) <= set(AGENCY_TYPE_NAMES)


def test_direction_and_status_are_written_in_words(tmp_path: Path):
    report = _report(
        _contact("Kent Police", direction="out", status="attempted", evidence="Rang: no answer."),
        _contact("Kent Police", direction="in"),
        _contact("Kent Police", direction="both"),
    )

    path = write_partner_register(report, tmp_path / "register.xlsx")
    rows = list(load_workbook(path)["Contacts"].iter_rows(min_row=2, values_only=True))

    assert [(row[8], row[9]) for row in rows] == [
        ("We contacted them", "Attempted"),
        ("They contacted us", "Done"),
        ("Both ways", "Done"),
    ]
    assert rows[0][13] == "Rang: no answer."


def test_the_register_is_built_in_one_pass_over_distinct_names(monkeypatch):
    """Each person's name is merged once per spelling, not once per contact."""
    from recordcheck.report import partner_identity

    calls = []
    original = partner_identity._fuller_forms
    monkeypatch.setattr(
        partner_identity, "_fuller_forms", lambda names: calls.append(len(names)) or original(names)
    )
    contacts = [
        _contact("Kent Police", name)
        for _ in range(500)
        for name in ("PC Ravi Patel", "PC Patel", "DS Jo Green")
    ]

    partners = partners_in(_report(*contacts))

    assert sorted(calls) == [1, 2]  # one group per surname, each of its distinct spellings
    assert partners[0].named_contacts() == "DS Jo Green; PC Ravi Patel"


def test_a_councils_social_care_with_and_without_its_council_words_is_one_partner():
    report = _report(
        _contact("Northshire County Council Adult Social Care", agency_type="mash"),
        _contact("Northshire Adult Social Care", agency_type="mash"),
        _contact("Westbury Adult Social Care", agency_type="mash"),
        _contact("Riverside Housing", agency_type="housing"),
        _contact("Riverside Council Housing", agency_type="housing"),
    )

    assert {p.agency: p.contacts for p in partners_in(report)} == {
        "Northshire County Council Adult Social Care": 2,
        "Westbury Adult Social Care": 1,
        "Riverside Housing": 1,
        "Riverside Council Housing": 1,
    }


def test_the_evidence_a_contact_quotes_closes_the_bracket_the_note_closes(tmp_path):
    # the parser's sentence can end inside brackets: "(collar no. 4417" alone reads as cut off
    text = "Call from PC Ravi Patel, Thames Valley Police (collar no. 4417). He asked for CCTV."
    evidence = "Call from PC Ravi Patel, Thames Valley Police (collar no. 4417"
    planned = "I will ring PC Patel (TVP"
    note = Note("100451", "C1", text + " " + planned + ") tomorrow.", date="2025-02-10")
    report = Report((NoteResult(note, contacts=(
        _contact("Thames Valley Police", "PC Ravi Patel", evidence=evidence),
        _contact("Thames Valley Police", "PC Ravi Patel", evidence=planned, status="planned"),
    )),))

    book = load_workbook(write_partner_register(report, tmp_path / "register.xlsx"))

    def column(sheet, header):
        rows = list(book[sheet].iter_rows(values_only=True))
        return [row[rows[0].index(header)] for row in rows[1:]]

    assert column("Contacts", "Evidence") == [evidence + ")"]
    assert column("Planned", "What is planned") == [planned + ")"]


def test_outward_sharing_the_sharing_check_did_not_judge_reads_not_assessed(tmp_path):
    # a blank beside "No" and "Yes" reads as an answer; only contacts out are judged at all
    report = _report(
        _contact("Thames Valley Police", rationale_recorded=True),
        _contact("Thames Valley Police", rationale_recorded=False),
        _contact("Thames Valley Police"),  # "Rang TVP.": out, but no sharing the check saw
        _contact("Thames Valley Police", direction="in"),
    )
    book = load_workbook(write_partner_register(report, tmp_path / "register.xlsx"))
    rows = list(book["Contacts"].iter_rows(values_only=True))
    reasons = [row[rows[0].index("Reason recorded")] for row in rows[1:]]
    assert reasons == ["Yes", "No", "Not assessed", None]


def test_a_first_name_alone_joins_the_one_full_name_it_begins_at_that_agency():
    idva = "IDVA service (not named)"
    resolver = ContactResolver(
        ("C1", event)
        for event in (
            _contact(idva, "Fiona Marr", agency_type="domestic abuse"),
            _contact(idva, "Fiona", agency_type="domestic abuse"),
            _contact("Kent Police", "DC Ravi Patel"),
            _contact("Kent Police", "Ravi"),
            _contact("Kent Police", "Jo Green"),
            _contact("Kent Police", "Jo Harris"),
            _contact("Kent Police", "Jo"),
        )
    )
    fiona = _contact(idva, "Fiona", agency_type="domestic abuse")
    assert resolver.person(fiona, "C1") == "Fiona Marr"
    assert resolver.person(_contact("Kent Police", "Ravi"), "C1") == "DC Ravi Patel"
    assert resolver.person(_contact("Kent Police", "Jo"), "C1") == "Jo"  # two people called Jo
    assert resolver.person(_contact("Surrey Police", "Fiona"), "C1") == "Fiona"


def test_a_first_name_alone_never_joins_a_full_name_from_another_case_file():
    idva = "IDVA service (not named)"
    fiona = _contact(idva, "Fiona", agency_type="domestic abuse")
    resolver = ContactResolver(
        [("C1", _contact(idva, "Fiona Marr", agency_type="domestic abuse")), ("C2", fiona)]
    )
    assert resolver.person(fiona, "C2") == "Fiona"
    # a surname's fuller form is one person across the run, as before
    patel = _contact("Kent Police", "PC Patel")
    resolver = ContactResolver([("C1", _contact("Kent Police", "PC Ravi Patel")), ("C2", patel)])
    assert resolver.person(patel, "C2") == "PC Ravi Patel"
