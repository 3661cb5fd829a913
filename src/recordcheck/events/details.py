"""Details of a contact that its sentence gives: channel, phone and email (what was shared:
what_shared.py)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span

from recordcheck.events import when
from recordcheck.language.contact_words import contact_cues
from recordcheck.language.doc_values import text_of
from recordcheck.language.identifiers import find_identifiers
from recordcheck.model import ContactEvent
from recordcheck.partners.component import CHANNELS_KEY


def sentences_of(doc: Doc) -> list[Span]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return list(doc.sents)
    return [doc[:]]


def on_its_lines(sentence: Span, mention: Span) -> Span:
    """The sentence less the lines before and after the mention's that the writer ended
    with a full stop: the parser runs "Quite aggressive tbh.\nCall ended by Lee.\nEmailed
    DC Marsh." into one sentence, but the email is the last line alone."""
    doc = sentence.doc
    ends = [
        t.i
        for t in sentence
        if t.is_space and "\n" in t.text and t.i > sentence.start
        and doc[t.i - 1].text in (".", "!", "?")
    ]
    start = max((i + 1 for i in ends if i < mention.start), default=sentence.start)
    end = min((i for i in ends if i >= mention.end), default=sentence.end)
    return doc[start:end]


def channel_of(sentence: Span) -> str:
    return _channel_between(sentence.doc, sentence.start, sentence.end)


# where one attendee's item of a list ends: "Sam Reid (advocate), PC Patel (TVP) by phone"
_ITEM_BREAKS = frozenset((",", ";", ":"))


def channel_in_its_item(mention: Span) -> str:
    """The channel of one attendee as the list's item for them gives it: in "Attended:
    Daniel, Sam Reid (advocate), PC Patel (TVP) by phone for first 10 min", the phone is
    PC Patel's alone; the advocate was in the room. "" when the item names none."""
    doc = mention.doc
    start = mention.start
    while start > 0 and doc[start - 1].text not in _ITEM_BREAKS and "\n" not in doc[start - 1].text:
        start -= 1
    end = mention.end
    while end < len(doc) and doc[end].text not in _ITEM_BREAKS and "\n" not in doc[end].text:
        end += 1
    return _channel_between(doc, start, end)


def channel_of_its_label(sentence: Span) -> str:
    """The channel the list's line gives the whole meeting before its first ":" ("Strategy
    meeting on MS Teams. Present: ..."), though the parser ends a sentence before the mark;
    "" when the line names none."""
    doc = sentence.doc
    colon = next((t.i for t in sentence if t.text == ":"), sentence.start)
    start = sentence.start
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    return _channel_between(doc, start, colon)


def _channel_between(doc: Doc, start: int, end: int) -> str:
    found = [span.label_ for span in doc.spans.get(CHANNELS_KEY, ()) if start <= span.start < end]
    return min(found, key=contact_cues().channel_rank) if found else ""


def with_phone_and_email(doc: Doc, events: list[tuple[Span, ContactEvent]]) -> list[ContactEvent]:
    """Each phone number and email goes to the nearest contact written before it.

    "Sarah Jones (IDVA) called. Her number is 07700 900123." gives Sarah the
    number, as details often follow in the next sentence; when no contact
    comes before, the first one after it in the same sentence.
    """
    starts = [sentence.start for sentence in sentences_of(doc)]

    def sentence_of(token_index: int) -> int:
        return bisect_right(starts, token_index) - 1

    contacts = [contact for _, contact in events]
    sentences = [sentence_of(mention.start) for mention, _ in events]
    for start, end, kind in find_identifiers(text_of(doc), kinds=("phone", "email")):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        here = sentence_of(span.start)
        before = [i for i, c in enumerate(contacts) if c.start < start and here - 1 <= sentences[i]]
        after = [i for i, c in enumerate(contacts) if c.start > start and sentences[i] == here]
        target = (before[-1:] or after[:1] or [None])[0]
        if target is not None and not getattr(contacts[target], kind):
            contacts[target] = replace(contacts[target], **{kind: text_of(doc)[start:end]})
    return contacts


# where the contact's own clause ends before a time, which is then another thing's: "Tel from
# Whinmoor Unit - Gary due for admission 10am", "Rang the practice, they fitted her in 16:00"
_CLAUSE_ENDS = re.compile(r"\s[-\u2013]\s|;|[.!?]\s|,\s*(?:then|they|she|he|it|we|i)\b", re.I)
_ASIDES = re.compile(r"\([^()]*\)")
_LIST_NUMBER = re.compile(r"^\s*\d+[.)]\s+")


def with_own_times(events: list[ContactEvent]) -> list[ContactEvent]:
    """Each contact with the clock time its own clause gives ("Rang Riverside Day
    Opportunities 09:10", "21:52 Reported to police via 101"), for the chronology; none where
    the words give two times, or the time follows the end of the contact's clause."""
    timed = []
    for event in events:
        clocks = when.clock_times(event.evidence)
        if len({found.value for found in clocks}) == 1 and _in_its_clause(
            event.evidence, clocks[0].start
        ):
            event = replace(event, time=clocks[0].value)
        timed.append(event)
    return timed


def _in_its_clause(evidence: str, at: int) -> bool:
    before = _ASIDES.sub("", _LIST_NUMBER.sub("", evidence[:at]))
    return _CLAUSE_ENDS.search(before) is None
