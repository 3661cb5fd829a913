"""Whom a meeting is named as held with: "Strategy discussion with police and health",
"Meeting with Mrs A", a note typed "Review" that opens "Review with Marek interpreting".

rc_encounters asks these of the meetings it found; Attendees judges who is a person.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from recordcheck.events.attendees import Attendees
from recordcheck.events.encounter_words import WORD_CLASSES
from recordcheck.events.plans import plan_heading_over

ASIDES = WORD_CLASSES["company_asides"]  # "with regard to"
DOCUMENTS = WORD_CLASSES["company_documents"]  # "with school report attached"
PLANS = WORD_CLASSES["company_plans"]  # "Review with mum booked for 12/4"
OTHER_MEETINGS = WORD_CLASSES["company_other_meetings"]  # "following last week's review"
ABSENCES = WORD_CLASSES["company_absences"]  # "Review with mum unable to attend"
WITH_WORDS = ("with", "w/")  # "meeting with Rob", "CG w/ SW"


def held_with(attendees: Attendees, meeting: Span) -> bool:
    """ "Strategy discussion with police and health": the meeting names who took part."""
    with_word = _with_after(meeting.doc[meeting.end - 1])
    if with_word is None:
        return False
    after = meeting.doc[with_word.i + 1 : min(meeting.sent.end, with_word.i + 4)]
    return any(attendees.is_party(t) for t in after)


def _with_after(meeting: Token) -> Token | None:
    """The "with" just after a meeting's words: "meeting (Teams) with Rob", "held with SW"."""
    doc, end, sent_end = meeting.doc, meeting.i + 1, meeting.sent.end
    if end < sent_end and doc[end].text == "(":
        end = next((t.i + 1 for t in doc[end:sent_end] if t.text == ")"), end)
    if end < sent_end and doc[end].lemma_.lower() == "hold":
        end += 1
    return doc[end] if end < sent_end and doc[end].lower_ in WITH_WORDS else None


def meeting_with_someone(meeting: Span, encounters: list[Span]) -> bool:
    """ "Meeting with Mrs A": a meeting that names whom it was with, like "met with"."""
    return any(e.start == meeting.start and e[-1].lower_ in WITH_WORDS for e in encounters)


def opening_held_with(attendees: Attendees, doc: Doc) -> bool:
    """ "Review with Marek interpreting", "Review with Urdu interpreter": a note typed as a
    meeting opens by naming it with its word alone ("review", "panel") and whom it was
    with. Only the opening sentence names the note's own meeting ("came up in a session
    with Chloe" was another), and only a meeting told as held ("Review with mum booked
    for 12/4" is to come), naming no one as absent ("Review with mum not present")."""
    opening = next(iter(doc.sents), None)
    if opening is None or attendees.planned(opening) or plan_heading_over(opening):
        return False
    if any(t.lower_ in PLANS or t.lemma_.lower() in PLANS for t in opening):
        return False
    return any(
        token.lemma_.lower() in attendees.meeting_names
        and _the_notes_own(token)
        and _with_a_person(attendees, token)
        for token in opening
    )


def _the_notes_own(meeting: Token) -> bool:
    """The opening words name the note's meeting; "following last week's review", "after the
    review with police" name an earlier one."""
    before = meeting.doc[meeting.sent.start : meeting.i]
    return not any(t.lower_ in OTHER_MEETINGS for t in before)


def _with_a_person(attendees: Attendees, meeting: Token) -> bool:
    """The object of the "with" itself is a person: "with Marek", "with Urdu interpreter",
    not "with regard to", "with school report attached", "with GP letter", "with family"."""
    with_word = _with_after(meeting)
    company = _object_of(with_word) if with_word is not None else None
    if company is None or company.lower_ in ASIDES | attendees.not_names:
        return False
    if _named_as_absent(with_word):
        return False
    if any(t.lower_ in DOCUMENTS for t in company.subtree):
        return False
    return attendees.is_person(company)


def _object_of(with_word: Token) -> Token | None:
    """Whom "with" names: its object, or the doer of "with Marek interpreting" (which the
    parser reads as a clause or as the noun "interpreting" qualified by Marek)."""
    for child in with_word.children:
        if child.dep_ == "pobj" and not child.lower_.endswith("ing"):
            return child
        if child.dep_ in ("pobj", "pcomp"):
            doer = ("nsubj", "compound")
            return next((c for c in child.children if c.dep_ in doer and c.i < child.i), None)
    return None


def _named_as_absent(with_word: Token) -> bool:
    """ "Review with mum not present", "with mum unable to attend": up to the next mark of
    punctuation the words after "with" say the person did not take part."""
    doc, words = with_word.doc, []
    for token in doc[with_word.i + 1 : with_word.sent.end]:
        if token.is_punct:
            break
        words.append(token)
    return any(t.dep_ == "neg" or t.lower_ in ABSENCES for t in words)
