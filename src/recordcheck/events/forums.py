"""A child protection conference the note records as its own meeting is a contact event
of its own (recording standard, "Meetings and visits": a multi-agency forum the author
attended is itself an event).

Labellers settled this for the conferences every writer records the same way: a note that
opens with the conference ("ICPC - Alfie Brennan. Chair: ...", "RCPC 24/02", "Initial
Child Protection Conference (pre-birth) - ...", "ICPC 19/05 (Teams) - attended") records
that meeting. Other forums are left to the agencies listed as present: adjudicators
differed on strategy discussions and reviews (corpus/README.md). A note that opens with
the conference's report, outcome, invitation or date is about that, not the meeting; one
whose opening is a plan or a question is none.

The event is named as the note writes the conference ("ICPC"), of the kind that convenes
it (children's social care), both ways, at a meeting.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from recordcheck.datafiles import package_toml
from recordcheck.model import ContactEvent

CONVENED_BY = "mash"  # the lexicon's kind for children's social care, which chairs them
OPENING_REACH = 80  # characters: the conference is named in the note's first words


@cache
def _opening() -> re.Pattern[str]:
    words = package_toml(__package__, "forums.toml")
    terms = sorted(words["conference_terms"], key=len, reverse=True)
    named = "|".join(
        [*(f"(?i:{re.escape(term)})" for term in terms),
         *map(re.escape, words["conference_abbreviations"])]
    )
    openers = "|".join(map(re.escape, words["openers"]))
    others = "|".join(re.escape(word) for word in words["not_the_meeting"] if word.isalpha())
    return re.compile(
        rf"\A\W*(?:(?i:{openers})\s+)?(?P<name>{named})\b(?!\s*\?)"
        rf"(?!\s+(?:\S+\s+)?(?i:{others})\b)"
    )


def conference_of(doc: Doc) -> ContactEvent | None:
    """The conference the note opens with, as a contact event; None when it opens with none,
    or with one it only reports on or plans."""
    text = doc.text[:OPENING_REACH]
    found = _opening().match(text)
    if found is None:
        return None
    line = text.split("\n", 1)[0]
    return ContactEvent(
        agency=found.group("name"),
        agency_type=CONVENED_BY,
        start=found.start("name"),
        end=found.end("name"),
        channel="meeting",
        direction="both",
        status="done",
        evidence=line.strip(),
    )
