"""Reading one note's chronology rows with the real pipeline, for the chronology tests."""

from __future__ import annotations

from recordcheck.model import Note

FRIDAY = "2025-03-14"


def events_in(nlp, text: str, *, date: str = FRIDAY, time: str = "10:00"):
    from recordcheck.events.chronology import chronology_events_for
    from recordcheck.nlp import note_doc

    note = Note(note_id="N1", case_id="C1", text=text, date=date, time=time)
    return chronology_events_for(nlp(note_doc(nlp, note)), note)


def only(events):
    assert len(events) == 1, events
    return events[0]
