"""The chronology's rows, from plain NoteResults: which events become rows, and in what order."""

from __future__ import annotations

from recordcheck.model import ChronologyEvent, ContactEvent, Note, NoteResult
from recordcheck.report.chronology import agencies_involved, chronology_rows, contact_event

GP_NOTE = "Rang Dr Ahmed at Riverside Surgery about the bruise. He will see her today."


def result(note_id: str, text: str, *, date="2025-03-14", time="10:00", case="C1",
           events=(), contacts=()) -> NoteResult:
    note = Note(note_id=note_id, case_id=case, text=text, date=date, time=time)
    return NoteResult(note=note, events=tuple(events), contacts=tuple(contacts))


def gp(status="done", **extra) -> ContactEvent:
    start = GP_NOTE.index("Dr Ahmed")
    return ContactEvent("Riverside Surgery", "health", start, start + 8, status=status, **extra)


def harm(date="2025-03-14", time="10:00", agencies=()) -> ChronologyEvent:
    """A harm event recorded in words away from any contact (offsets past GP_NOTE's)."""
    return ChronologyEvent("harm", 200, 218, "Bruise on her arm.", date=date, time=time,
                           agencies=agencies)


def test_a_note_with_no_event_and_no_contact_is_left_out():
    assert chronology_rows([result("N1", "Visited. All well.")]) == []


def test_a_done_contact_is_a_row_with_the_sentence_that_records_it():
    row = contact_event(result("N1", GP_NOTE, contacts=[gp(direction="out")]))
    assert row is not None and row.kind == "contact"
    assert row.summary == "Rang Dr Ahmed at Riverside Surgery about the bruise."
    assert row.agencies == ("Riverside Surgery",)
    assert (row.date, row.time, row.source) == ("2025-03-14", "10:00", "")


def test_a_contact_row_keeps_the_contacts_own_time_when_not_after_the_notes():
    timed = contact_event(result("N1", GP_NOTE, time="10:00", contacts=[gp(time="09:10")]))
    assert timed is not None and timed.time == "09:10"
    # later than the note's time: perhaps the day before, so the note's time stands
    later = contact_event(result("N1", GP_NOTE, time="10:00", contacts=[gp(time="16:20")]))
    assert later is not None and later.time == "10:00"
    untimed = contact_event(result("N1", GP_NOTE, time="", contacts=[gp(time="16:20")]))
    assert untimed is not None and untimed.time == "16:20"


def test_a_contact_that_came_in_names_its_source():
    row = contact_event(result("N1", GP_NOTE, contacts=[gp(direction="in", person="Dr Ahmed")]))
    assert row is not None and row.source == "Dr Ahmed"


def test_planned_and_attempted_contacts_are_not_contact_rows():
    for status in ("planned", "attempted"):
        assert contact_event(result("N1", GP_NOTE, contacts=[gp(status)])) is None


def test_no_contact_row_when_an_event_of_the_note_already_names_the_agency():
    named = result("N1", GP_NOTE, events=[harm(agencies=("Riverside Surgery",))],
                   contacts=[gp()])
    assert contact_event(named) is None
    unnamed = result("N2", GP_NOTE, events=[harm()], contacts=[gp()])
    assert contact_event(unnamed) is not None


def test_an_event_row_lists_the_contacts_in_its_words_then_its_own_agencies():
    event = harm(agencies=("Ambulance service (not named)", "Riverside Surgery"))
    planned = ContactEvent("MASH", "mash", 0, 4, status="planned")
    noted = result("N1", GP_NOTE, events=[event], contacts=[gp(), planned])
    # the surgery is named once, by the event
    assert agencies_involved(noted, event) == [
        "Ambulance service (not named)", "Riverside Surgery",
    ]


def test_a_contact_elsewhere_in_the_note_is_no_agency_of_the_event_unless_its_source():
    away = harm()
    noted = result("N1", GP_NOTE, events=[away], contacts=[gp(person="Dr Kamal Ahmed")])
    assert agencies_involved(noted, away) == []
    told = ChronologyEvent("harm", 200, 218, "Bruise.", source="Dr Ahmed")
    assert agencies_involved(noted, told) == ["Riverside Surgery"]


def test_rows_are_sorted_by_case_then_the_events_own_date_and_time():
    later_note = result(
        "N2", "Night note.", date="2025-03-15", time="06:00",
        events=[harm(date="2025-03-15", time="02:30"), harm(date="2025-03-13", time=None)],
    )
    earlier_note = result("N1", "Day note.", date="2025-03-14", events=[harm()])
    other_case = result("N3", "Other.", case="A0", date="2025-12-01", events=[harm("2025-12-01")])
    undated = result("N4", "Undated.", date=None, events=[harm(date=None)])
    rows = chronology_rows([later_note, earlier_note, other_case, undated])
    assert [(r.note.note_id, e.date, e.time) for r, e in rows] == [
        ("N3", "2025-12-01", "10:00"),
        ("N2", "2025-03-13", None),
        ("N1", "2025-03-14", "10:00"),
        ("N2", "2025-03-15", "02:30"),
        ("N4", None, "10:00"),
    ]


def test_no_contact_row_when_the_contact_is_in_the_events_own_words():
    text = "PC Aziz rang: Liam detained under s136 at 01:40."
    detained = ChronologyEvent("incident", 0, len(text), text, date="2025-03-14", time="01:40")
    police = ContactEvent("Police (force not named)", "police", 0, 7, direction="in")
    noted = result("N1", text, events=[detained], contacts=[police])
    assert contact_event(noted) is None
    assert [e.kind for _, e in chronology_rows([noted])] == ["incident"]
    assert agencies_involved(noted, detained) == ["Police (force not named)"]


def test_a_contact_row_closes_a_bracket_its_evidence_left_open_and_ends_each_sentence():
    text = (
        "Call from PC Ravi Patel, Thames Valley Police (collar no. 4417). "
        "Emailed PC Patel the clips"
    )
    police = ContactEvent(
        "Thames Valley Police", "police", 10, 25, direction="in",
        evidence="Call from PC Ravi Patel, Thames Valley Police (collar no. 4417",
    )
    advocacy = ContactEvent(
        "Voiceworks Advocacy", "advocacy", 70, 80, evidence="Emailed PC Patel the clips"
    )
    row = contact_event(result("N1", text, contacts=[police, advocacy]))
    assert row is not None
    assert row.summary == (
        "Call from PC Ravi Patel, Thames Valley Police (collar no. 4417). "
        "Emailed PC Patel the clips."
    )


def test_a_contact_rows_outcome_does_not_repeat_its_summary():
    repeated = gp(outcome="Rang Dr Ahmed at Riverside Surgery about the bruise.")
    row = contact_event(result("N1", GP_NOTE, contacts=[repeated]))
    assert row is not None and row.outcome == ""
    replied = gp(outcome="He will see her today.")
    row = contact_event(result("N1", GP_NOTE, contacts=[replied]))
    assert row is not None and row.outcome == "He will see her today."


def test_an_outcome_repeats_the_summary_only_in_whole_words():
    text = "Rang Dr Ahmed at Riverside Surgery about the bruises. GP will see her."
    start = text.index("Dr Ahmed")
    contact = ContactEvent(
        "Riverside Surgery", "health", start, start + 8, outcome="Surgery about the bruise."
    )
    row = contact_event(result("N1", text, contacts=[contact]))
    assert row is not None and row.outcome == "Surgery about the bruise."



def test_a_contact_rows_outcome_is_not_the_long_passage_its_summary_shortens():
    text = "Present: Freya, mum, KH, JP, Bev Ashworth (SN).\n" + "- a plan item\n" * 30
    school_nurse = ContactEvent(
        "School nursing", "health", 30, 42, direction="both", evidence=text, outcome=text
    )
    row = contact_event(result("N1", text, contacts=[school_nurse]))
    assert row is not None and row.summary.endswith("…")
    assert row.outcome == ""


def test_agencies_have_the_names_the_partner_register_gives_them(tmp_path):
    # the register files Sam Reid under the advocacy service another note names, and a
    # council's social care under one spelling; the chronology must not name them apart
    from openpyxl import load_workbook

    from recordcheck.model import Report
    from recordcheck.report.chronology import write_chronology
    from recordcheck.report.partner_register import write_partner_register

    first = "Emailed Sam Reid at Voiceworks Advocacy the plan."
    second = "Meeting with Sam Reid (advocate). Concern raised with Northshire ASC."
    voiceworks = ContactEvent("Voiceworks Advocacy", "advocacy", 8, 16, person="Sam Reid")
    advocate = ContactEvent("Advocacy service (not named)", "advocacy", 13, 21,
                            person="Sam Reid", direction="both")
    council = ContactEvent("Northshire County Council Adult Social Care", "mash", 0, 7,
                           status="planned")
    short = ContactEvent("Northshire Adult Social Care", "mash", 0, 7, status="planned")
    raised = ChronologyEvent("risk", 34, 70, "Concern raised with Northshire ASC.",
                             date="2025-03-15", agencies=("Northshire Adult Social Care",))
    report = Report((
        result("N1", first, contacts=[voiceworks, council]),
        result("N2", second, date="2025-03-15", contacts=[advocate, short], events=[raised]),
    ))

    def column(path, sheet, header):
        rows = list(load_workbook(path)[sheet].iter_rows(values_only=True))
        return [row[rows[0].index(header)] for row in rows[1:]]

    chronology = write_chronology(report, tmp_path / "chronology.xlsx")
    register = write_partner_register(report, tmp_path / "register.xlsx")
    assert set(column(register, "Contacts", "Agency")) == {"Voiceworks Advocacy"}
    assert column(chronology, "Chronology", "Agencies involved") == [
        "Voiceworks Advocacy",  # N1's contact row
        "Northshire County Council Adult Social Care",  # N2's event, as N1 files it
        "Voiceworks Advocacy",  # N2's contact row: the event does not name the advocate
    ]



def test_a_contact_row_carries_the_sentence_its_words_refer_back_to():
    told = "Denise rang to say Steve had been seen outside the flat. Passed this to police."
    police = ContactEvent("Thames Valley Police", "police", told.index("police"), len(told) - 1)
    row = contact_event(result("N1", told, contacts=[police]))
    assert row is not None and row.summary == told


def test_a_meetings_row_lists_everyone_who_met_though_a_decision_names_one_of_them():
    text = ("Strategy discussion. Present: DS Connor (TVP), Mrs Curtis (DSL, Brook Primary). "
            "Agreed s47 enquiry with police sharing intelligence.")
    met = [
        ContactEvent(agency, kind, text.index(word), text.index(word) + len(word),
                     direction="both", channel="meeting")
        for agency, kind, word in (
            ("Thames Valley Police", "police", "DS Connor"),
            ("Brook Primary", "education", "Mrs Curtis"),
        )
    ]
    agreed = text.index("Agreed")
    decision = ChronologyEvent("decision", agreed, len(text), text[agreed:],
                               agencies=("Thames Valley Police",))
    row = contact_event(result("N1", text, events=[decision], contacts=met))
    assert row is not None and row.agencies == ("Thames Valley Police", "Brook Primary")
    # one agency met, and the decision names it: the decision is the row
    alone = contact_event(result("N1", text, events=[decision], contacts=met[:1]))
    assert alone is None
