"""One contact event per agency per note (recording standard, "Contact events").

Plain data work after the reading of a note, kept apart from spaCy so that a note
checked in pieces merges its pieces' events the same way.
"""

from __future__ import annotations

from dataclasses import replace

from recordcheck.model import ContactEvent

STATUS_RANK = {"done": 0, "attempted": 1, "planned": 2}


def one_per_agency(events: list[ContactEvent]) -> list[ContactEvent]:
    """Repeated mentions of one agency in a note merge into one event: the strongest status,
    'both' when any mention was two-way, and the first non-empty detail of each kind.

    A professional named once with their organisation and again without it ("PC Patel
    (TVP)" ... "PC Patel confirmed") is one contact with that organisation, not a second
    one with "Police (force not named)"."""
    merged: dict[str, ContactEvent] = {}
    for event in _named_where_the_note_names_them(events):
        kept = merged.get(event.agency)
        if kept is None:
            merged[event.agency] = event
            continue
        first, second = sorted((kept, event), key=lambda e: STATUS_RANK[e.status])
        filled = {
            name: getattr(first, name) or getattr(second, name)
            for name in ("person", "role", "phone", "email", "channel", "shared", "outcome")
        }
        rationales = {kept.rationale_recorded, event.rationale_recorded} - {None}
        direction = "both" if "both" in (kept.direction, event.direction) else first.direction
        merged[event.agency] = replace(
            first,
            **filled,
            direction=direction,
            rationale_recorded=min(rationales) if rationales else None,
        )
    return list(merged.values())


def _named_where_the_note_names_them(events: list[ContactEvent]) -> list[ContactEvent]:
    """Files a named person's unnamed-agency events under the one named agency of the same
    type with which the same note gives someone of that surname."""
    named: dict[tuple[str, str], set[str]] = {}
    for event in events:
        if event.person and not event.names_no_organisation:
            named.setdefault((event.person_surname, event.agency_type), set()).add(event.agency)
    joined = []
    for event in events:
        agencies = named.get((event.person_surname, event.agency_type), set())
        if event.person and event.names_no_organisation and len(agencies) == 1:
            event = replace(event, agency=next(iter(agencies)))
        joined.append(event)
    return joined
