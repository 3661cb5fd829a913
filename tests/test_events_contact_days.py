"""The day a contact's own words give it (contact_days.py), and the chronology row it dates."""

from __future__ import annotations

import pytest

from recordcheck.model import ContactEvent, Note, NoteResult
from recordcheck.report.chronology import contact_event

pytestmark = pytest.mark.slow

NOTE_DAY = "2025-03-14"  # a Friday


def contact_row(real_nlp, text: str, time: str = "10:00"):
    from recordcheck.events.contacts import contacts_for
    from recordcheck.nlp import note_doc

    note = Note("N1", "C1", text, date=NOTE_DAY, time=time)
    contacts = contacts_for(real_nlp(note_doc(real_nlp, note)))
    return contact_event(NoteResult(note=note, contacts=contacts))


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("On 3rd March I rang the GP at Riverside Surgery about the bruise.", "2025-03-03", None),
        ("Yesterday PC Hall called from Thames Valley Police about Liam.", "2025-03-13", None),
        ("MASH referral submitted yesterday 16:00 (ref MASH-25-10622).", "2025-03-13", "16:00"),
        ("Email received 11/03 from Dominic Reeve, Westbrook Children's Services.", "2025-03-11",
         None),
    ],
)
def test_a_contact_is_dated_by_the_day_its_own_words_give(real_nlp, text, day, time):
    row = contact_row(real_nlp, text)
    assert row is not None and (row.date, row.time) == (day, time)


@pytest.mark.parametrize(
    "text",
    [
        # the day of what the contact was about, of a plan it made, or of an aside
        "MARAC coordinator emailed re breach 02/02.",
        "Phone call with Denise Hall (Riverside Surgery) about the transport incident yesterday.",
        "Email sent to Moorgate Medical Practice asking for Harold to go on Thursday ward round.",
        "Pathway Recovery emailed this morning to say he missed his appt yesterday.",
        "Rang Falls Prevention Service to chase referral from 03/02.",
        # a day after the note's is to come: "booked 20/03" dates the appointment
        "Rang Housing Options, appointment booked 20/03.",
    ],
)
def test_a_day_that_dates_something_else_leaves_the_notes(real_nlp, text):
    row = contact_row(real_nlp, text)
    assert row is not None and (row.date, row.time) == (NOTE_DAY, "10:00")


def test_a_contacts_day_before_the_note_drops_the_notes_time():
    gp = ContactEvent("Riverside Surgery", "health", 0, 8, day="2025-03-13")
    note = Note("N1", "C1", "Riverside Surgery rang yesterday.", date=NOTE_DAY, time="10:00")
    row = contact_event(NoteResult(note=note, contacts=(gp,)))
    assert row is not None and (row.date, row.time) == ("2025-03-13", None)


def test_an_unanswered_call_to_101_is_no_incident_and_no_row(real_nlp):
    from recordcheck.events.chronology import chronology_events_for
    from recordcheck.events.contacts import contacts_for
    from recordcheck.nlp import note_doc
    from recordcheck.report.chronology import chronology_rows

    note = Note("N1", "C1", "Tried to ring 101 but no answer.", date=NOTE_DAY, time="10:00")
    doc = real_nlp(note_doc(real_nlp, note))
    result = NoteResult(note=note, events=chronology_events_for(doc, note),
                        contacts=contacts_for(doc))
    assert [e.kind for e in result.events] == ["contact"]
    assert [c.status for c in result.contacts] == ["attempted"]
    assert chronology_rows([result]) == []
