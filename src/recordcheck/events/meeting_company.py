"""Whom a meeting is named as held with: "Strategy discussion with police and health",
"Meeting with Mrs A", a note typed "Review" that opens "Review with Marek interpreting".

rc_encounters asks these of the meetings it found; Attendees judges who is a person.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from recordcheck.events.attendees import Attendees
from recordcheck.events.plans import plan_heading_over


def held_with(
    attendees: Attendees, meeting: Span, not_people: frozenset[str] = frozenset()
) -> bool:
    """ "Strategy discussion with police and health": the meeting names who took part (a
    word of `not_people` just after "with" names nobody)."""
    doc, end = meeting.doc, meeting.end
    if end < meeting.sent.end and doc[end].text == "(":  # "meeting (Teams) with Rob"
        end = next((t.i + 1 for t in doc[end : meeting.sent.end] if t.text == ")"), end)
    if end < meeting.sent.end and doc[end].lemma_.lower() == "hold":
        end += 1  # "Strategy meeting held with police and SW"
    if end >= meeting.sent.end or doc[end].lower_ not in ("with", "w/"):
        return False
    after = doc[end + 1 : min(meeting.sent.end, end + 4)]
    if any(t.lower_ in not_people for t in after[:1]):
        return False
    return any(attendees.is_party(t) for t in after)


def meeting_with_someone(meeting: Span, encounters: list[Span]) -> bool:
    """ "Meeting with Mrs A": a meeting that names whom it was with, like "met with"."""
    return any(e.start == meeting.start and e[-1].lower_ in ("with", "w/") for e in encounters)


def opening_held_with(attendees: Attendees, doc: Doc) -> bool:
    """ "Review with Marek interpreting", "Review with Urdu interpreter": a note typed as a
    meeting opens by naming it with its word alone ("review", "panel") and whom it was
    with. Only the opening sentence names the note's own meeting ("came up in a session
    with Chloe" was another); "Review with family" does not say which of them took part."""
    opening = next(iter(doc.sents), None)
    if opening is None or attendees.planned(opening) or plan_heading_over(opening):
        return False
    return any(
        token.lemma_.lower() in attendees.meeting_names
        and held_with(attendees, doc[token.i : token.i + 1], attendees.not_names)
        for token in opening
    )
