"""What the pipeline may know about a note besides its text (its exported note type).

The export's note type ("Home Visit", "Email") tells the checks whether an
encounter took place even when the text does not say. Callers that have it set
`doc._.rc_note_type` before the checks run (see `recordcheck.nlp.note_doc`);
without it the checks read the text alone.
"""

from __future__ import annotations

from spacy.tokens import Doc

NOTE_TYPE = "rc_note_type"
if not Doc.has_extension(NOTE_TYPE):
    Doc.set_extension(NOTE_TYPE, default="")


def note_type(doc: Doc) -> str:
    return (doc._.get(NOTE_TYPE) or "").strip().lower()
