"""The day a contact's own words give it, for the chronology: "Email received 19/11 from
DC Reeve", "MASH referral submitted yesterday 16:00", "Visit to Oakleigh was yesterday".

Recording standard, "Chronology": an event is dated when it happened, and a contact
recorded days later ("writing up today") happened on the day its words give. A day
dates the contact only when the grammar hangs it on the contact's own verb, in the
contact's own clause; a day of something the contact was about ("re breach 02/02",
"about the incident yesterday"), a plan it made ("asking for him to go on Thursday's
list") or an aside in brackets dates that, not the contact. Whether the day falls
after the note's is a plan: no day of the contact.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.events import when
from recordcheck.events.event_time import in_brackets, verb_above
from recordcheck.language.note_context import note_date
from recordcheck.model import ContactEvent

# prepositions whose object a day then dates: "chased the referral from 03/02", "re the
# breach 02/02", "about the transport incident yesterday", "MARAC referral for 23/10"
OTHER_THINGS_DAYS = frozenset(package_toml(__package__, "words.toml")["other_things_day_words"])
# where one clause ends and another, with its own verb, begins: "Rang SW - aware, disclosure
# made 14/04 by DC Ingleby", "Tel from GP; result late yesterday"
_CLAUSE_ENDS = re.compile(r"\s[-\u2013]\s|;|[.!?]\s|:\s", re.I)


def with_own_days(
    doc: Doc, pairs: list[tuple[Span, ContactEvent]]
) -> list[tuple[Span, ContactEvent]]:
    """Each done contact with the day (ISO) its own words give, where that is before the
    note's: a day after it is a plan or an appointment made, not when the contact was."""
    written = note_date(doc)
    if written is None:
        return pairs
    dated = []
    for mention, event in pairs:
        said = own_day(mention, event.evidence) if event.status == "done" else ""
        day, _ = when.resolve(said, "", written.isoformat(), None) if said else ("", None)
        if day and day < written.isoformat():
            event = replace(event, day=day)
        dated.append((mention, event))
    return dated


def own_day(mention: Span, evidence: str) -> str:
    """The one day the contact's words give it, or "": a written date ("19/11") before a
    word such as "yesterday" that says the same less exactly ("yesterday 20/03")."""
    words = _evidence_span(mention, evidence)
    if words is None:
        return ""
    text = words.text
    found = [f for f in _days_in(text) if _dates_the_contact(words, f, mention)]
    written = list(dict.fromkeys(f.value for f in found if f.value.startswith("date:")))
    said = list(dict.fromkeys(f.value for f in found))
    if written:
        return written[0] if len(written) == 1 else ""
    return said[0] if len(said) == 1 else ""


def _evidence_span(mention: Span, evidence: str) -> Span | None:
    """The evidence's words in the doc: the occurrence that holds the mention."""
    doc = mention.doc
    for found in re.finditer(re.escape(evidence), doc.text) if evidence else ():
        if found.start() <= mention.start_char and mention.end_char <= found.end():
            return doc.char_span(found.start(), found.end(), alignment_mode="expand")
    return None


def _days_in(text: str) -> list[when.Found]:
    """ "yesterday", "on Saturday", "on 12/03", and a date written bare ("sent 09/03"),
    each once."""
    said = when.days(text)
    bare = [
        f for f in when.bare_dates(text)
        if not any(d.start <= f.start < d.end for d in said)
    ]
    return sorted([*said, *bare], key=lambda f: f.start)


def _dates_the_contact(words: Span, found: when.Found, mention: Span) -> bool:
    doc, offset = words.doc, words.start_char
    day = doc.char_span(offset + found.start, offset + found.end, alignment_mode="expand")
    if day is None:
        return False
    text = words.text
    mention_at = mention.start_char - offset
    first, last = sorted((mention_at, found.start))
    if _CLAUSE_ENDS.search(text[first:last]):
        return False
    if in_brackets(text, found.start) and not in_brackets(text, mention_at):
        return False  # "(per Dariusz last night)"
    if _about_another_thing(day.root) or _after_a_word_for_another(day, mention):
        return False
    verb = verb_above(day.root)
    # "MASH referral submitted yesterday": a participle on the contact's own noun
    on_its_noun = verb is not None and verb.dep_ == "acl" and verb.head in [
        mention.root, *mention.root.ancestors
    ]
    return verb == verb_above(mention.root) or on_its_noun


def _about_another_thing(token: Token) -> bool:
    """The day hangs, through its head words, on a preposition such as "re" or "about"."""
    for node in [token, *token.ancestors]:
        if node.pos_ in ("VERB", "AUX"):
            return False
        if node.dep_ == "prep" and node.lower_ in OTHER_THINGS_DAYS:
            return True
    return False


def _after_a_word_for_another(day: Span, mention: Span) -> bool:
    """ "about the transport incident yesterday", "chase referral from 03/02": a word such
    as "about" between the day and the contact's verb or words before it; the parser does
    not always hang the day on that word, so the words are read as written."""
    doc = day.doc
    start = day.sent.start
    for token in reversed(doc[day.sent.start : day.start]):
        if token.pos_ in ("VERB", "AUX") or mention.start <= token.i < mention.end:
            start = token.i + 1
            break
    return any(t.lower_ in OTHER_THINGS_DAYS for t in doc[start : day.start])
