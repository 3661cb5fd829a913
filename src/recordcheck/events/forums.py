"""A child protection conference the note records as its own meeting is a contact event
of its own (recording standard, "Meetings and visits": a multi-agency forum the author
attended is itself an event).

Labellers settled this for the conferences every writer records the same way: a note that
opens with the conference ("ICPC - Alfie Brennan. Chair: ...", "RCPC 24/02", "Initial
Child Protection Conference (pre-birth) - ...", "ICPC 19/05 (Teams) - attended") records
that meeting. Other forums are left to the agencies listed as present: adjudicators
differed on strategy discussions and reviews (corpus/README.md). A note that opens with
the conference's report, outcome, invitation or date is about that, not the meeting; one
whose opening is a plan or a question is none, and so is one the opening sentence says was
not held with the writer: put off ("ICPC cancelled"), yet to come ("RCPC scheduled 14/05",
"ICPC will be held on 24/03"), or not attended ("ICPC: did not attend, sent apologies").

The event is named as the note writes the conference ("ICPC"), of the kind that convenes
it (children's social care), both ways, at a meeting.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.language.doc_values import text_of
from recordcheck.model import ContactEvent

CONVENED_BY = "mash"  # the lexicon's kind for children's social care, which chairs them
OPENING_REACH = 80  # characters: the conference is named in the note's first words


@cache
def _words() -> dict:
    return package_toml(__package__, "forums.toml")


@cache
def _opening() -> re.Pattern[str]:
    words = _words()
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
    text = text_of(doc)[:OPENING_REACH]
    found = _opening().match(text)
    if found is None:
        return None
    named = doc.char_span(found.start("name"), found.end("name"), alignment_mode="expand")
    if named is not None and _not_held(named):
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


def _not_held(named: Span) -> bool:
    """Whether the sentence the conference opens says it was not held with the writer."""
    words = _words()
    put_off = frozenset(words["not_held_lemmas"])
    future = frozenset(words["future_auxiliaries"])
    for token in named.sent:
        if token.lemma_.lower() in put_off:
            return True  # "ICPC cancelled", "apologies sent"
        if token.lower_ in future and token.head.i in _subject_of(named):
            return True  # "ICPC will be held on 24/03"
        if token.lemma_.lower() == words["attending_lemma"] and _writer_absent(token, named):
            return True  # "ICPC: did not attend"; not "dad did not attend"
    return False


def _subject_of(named: Span) -> set[int]:
    """The verbs the conference is the subject of."""
    return {t.head.i for t in named if t.dep_ in ("nsubj", "nsubjpass")}


def _writer_absent(attend: Token, named: Span) -> bool:
    """ "did not attend", "unable to attend", with no subject but the writer or the
    conference the parser takes for one."""
    words = _words()
    unable = attend.head if attend.head.lower_ in words["unable_words"] else None
    if unable is None and not any(c.dep_ == "neg" for c in attend.children):
        return False
    if any(c.dep_ == "dobj" and not named.start <= c.i < named.end for c in attend.children):
        return False  # "Attended ICPC, did not attend the core group after"
    holders = [attend] if unable is None else [attend, unable]
    subjects = [c for h in holders for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
    if unable is not None and unable.dep_ == "amod":
        subjects.append(unable.head)  # "mum unable to attend"
    writer = frozenset(words["writer_words"])
    return all(s.lower_ in writer or named.start <= s.i < named.end for s in subjects)


def venue_of_a_forum(mention: Span) -> bool:
    """The agency is the place a formal forum met, written right after it on its line:
    "Attended MARAC (Harwick Civic Centre)", "Attended ICPC 1000-1215, Ashby Civic Centre"."""
    text = text_of(mention.doc)
    line_start = text.rfind("\n", 0, mention.start_char) + 1
    return bool(_venue_before().search(text[line_start : mention.start_char]))


@cache
def _venue_before() -> re.Pattern[str]:
    words = _words()
    forums = "|".join(map(re.escape, words["venue_forums"]))
    reach = int(words["venue_reach"])
    # a comma names the place only after the meeting's times ("ICPC 1000-1215, Ashby Civic
    # Centre"): "Attended MARAC, police and IDVA also present" lists who came
    return re.compile(
        rf"\b(?:{forums})\b[^.;()\n]{{0,{reach}}}(?:\(|(?<=\d),|\bat)\s*(?:the\s+)?\Z"
    )
