"""What the pipeline may know about a note besides its text: its type, date and author.

The export's note type ("Home Visit", "Email") tells the checks whether an
encounter took place even when the text does not say. The author, their role
and their team tell the author's own service (never a partner) from the
agencies they deal with. Callers that have them set the Doc extensions before
the checks run (see `recordcheck.nlp.note_doc`); without them the components
read the text alone.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from recordcheck.model import iso_date

NOTE_TYPE = "rc_note_type"
NOTE_DATE = "rc_note_date"  # ISO YYYY-MM-DD, as the Note carries it
AUTHOR = "rc_author"
AUTHOR_ROLE = "rc_author_role"
TEAM = "rc_team"
for _name in (NOTE_TYPE, NOTE_DATE, AUTHOR, AUTHOR_ROLE, TEAM):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default="")


def note_type(doc: Doc) -> str:
    return (doc._.get(NOTE_TYPE) or "").strip().lower()


def note_type_as_written(doc: Doc) -> str:
    return (doc._.get(NOTE_TYPE) or "").strip()


def note_date(doc: Doc) -> date | None:
    """The day the note was written, when the export gave one that could be read."""
    return iso_date(doc._.get(NOTE_DATE) or None)


def author_context(doc: Doc) -> tuple[str, str, str]:
    """(author, role, team) as the export gave them, "" where it did not."""
    return tuple((doc._.get(name) or "").strip() for name in (AUTHOR, AUTHOR_ROLE, TEAM))
