"""One note's contact events as the rules alone read them, for the contact tests.

The trained contact gate is left off: it is measured by `recordcheck evaluate`, and the
tests pin down what the rules themselves read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from recordcheck.events.contacts import ContactEventReader
from recordcheck.model import ContactEvent, Note
from recordcheck.nlp import note_doc


def rules_contact_reader(
    nlp, staff: Iterable[str], *, staff_by_team: dict | None = None, **note: str
) -> Callable[..., list[ContactEvent]]:
    """read(text, **fields): the contact events of one note of a service whose staff are
    `staff`; `note` gives the note's author, author_role, team and note_type, and `fields`
    overrides them for one call."""
    own_service = {"names": [], "staff": list(staff), "staff_by_team": staff_by_team or {}}
    reader = ContactEventReader(nlp, own_service, gate=False)

    def read(text: str, **fields: str) -> list[ContactEvent]:
        return reader.read(nlp(note_doc(nlp, Note("N1", "C1", text, **{**note, **fields}))))

    return read
