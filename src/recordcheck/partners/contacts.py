"""Turn rc_partners marks into ContactEvents: who, how, which way, what, and why."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from recordcheck.language.contact_words import ContactCues, contact_cues
from recordcheck.language.identifiers import find_identifiers
from recordcheck.model import ContactEvent
from recordcheck.partners.component import AGENCIES_KEY, CHANNELS_KEY, CONTACTS_KEY

NOTE_TYPE = "rc_note_type"  # Doc extension the pipeline loader sets from the export
SHARING_KEY = "rc_sharing"  # outward-sharing sentences, marked by the sharing check
RECEIVED_KEY = "rc_received"  # sentences recording information received
_FIRST_PERSON = {"i", "we"}
_SHARED_MAX_TOKENS = 12
_CLIMB = 4  # how far up the parse a mention's role in its sentence is looked for


def contacts_for(doc: Doc, note_type: str = "") -> tuple[ContactEvent, ...]:
    """The note's contacts with partner agencies and named professionals, by position.

    One entry per agency (and named contact) and direction in a note: "shared
    with TVP ... TVP advised ..." gives one "out" and one "in". A bare agency
    mention is a contact only when its sentence records some communication.
    note_type (default: doc._.rc_note_type, when set) gives the channel when the
    sentence does not ("Phone call").
    """
    if not note_type and Doc.has_extension(NOTE_TYPE):
        note_type = doc._.get(NOTE_TYPE) or ""
    cues = contact_cues()
    people = list(doc.spans.get(CONTACTS_KEY, ()))
    agencies = list(doc.spans.get(AGENCIES_KEY, ()))
    events: list[tuple[Span, ContactEvent]] = []
    for sentence in _sentences(doc):
        mentions = _mentions_in(sentence, people, agencies, cues)
        if not mentions:
            continue
        channel = _channel(sentence) or cues.channel_for_note_type(note_type)
        shared = _what_was_shared(sentence, [span for span, _ in mentions], cues)
        for mention, is_person in mentions:
            direction, rationale = _direction(mention, sentence, cues)
            contact = ContactEvent(
                agency=mention._.rc_agency,
                agency_type=mention._.rc_agency_type,
                start=mention.start_char,
                end=mention.end_char,
                person=mention.text if is_person else "",
                role=mention.label_ if is_person else "",
                channel=channel,
                direction=direction,
                shared=shared if direction == "out" else "",
                rationale_recorded=rationale,
            )
            events.append((mention, contact))
    return tuple(_merged(_with_details(doc, events)))


def _sentences(doc: Doc) -> list[Span]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return list(doc.sents)
    return [doc[:]]


def _mentions_in(
    sentence: Span, people: list[Span], agencies: list[Span], cues: ContactCues
) -> list[tuple[Span, bool]]:
    """Named contacts, and agency mentions not already theirs, if the sentence is a contact."""
    inside = [p for p in people if sentence.start <= p.start < sentence.end]
    theirs = {p._.rc_agency for p in inside}
    bare = [
        a
        for a in agencies
        if sentence.start <= a.start < sentence.end
        and a._.rc_agency not in theirs
        and not a._.rc_describes
    ]
    if bare and not (_channel(sentence) or _records_communication(sentence, cues)):
        bare = []
    mentions = [(p, True) for p in inside] + [(a, False) for a in bare]
    return sorted(mentions, key=lambda mention: mention[0].start)


def _records_communication(sentence: Span, cues: ContactCues) -> bool:
    # the lower-case form too: a note's subjectless "Rang ..." is often tagged a proper noun
    return any(
        (token.lemma_.lower() in cues.contact_lemmas or token.lower_ in cues.contact_lemmas)
        and not any(child.dep_ == "neg" for child in token.children)
        for token in sentence
    )


def _channel(sentence: Span) -> str:
    cues = contact_cues()
    found = [
        span.label_
        for span in sentence.doc.spans.get(CHANNELS_KEY, ())
        if sentence.start <= span.start < sentence.end
    ]
    return min(found, key=cues.channel_rank) if found else ""


def _direction(mention: Span, sentence: Span, cues: ContactCues) -> tuple[str, bool | None]:
    """("out", rationale recorded?) / ("in", None) / ("", None).

    The sharing check's marks decide where present; otherwise the parse.
    """
    doc = mention.doc
    for span in doc.spans.get(SHARING_KEY, ()):
        if span.start <= mention.start < span.end:
            return "out", span.label_ == "rationale"
    for span in doc.spans.get(RECEIVED_KEY, ()):
        if span.start <= mention.start < span.end:
            return "in", None
    return _direction_from_parse(mention, sentence, cues), None


def _direction_from_parse(mention: Span, sentence: Span, cues: ContactCues) -> str:
    """Which way, from the mention's place in the parse, climbing through
    appositions and prepositions: "referral from MASH", "passed to police"."""
    token = mention.root
    for _ in range(_CLIMB):
        head = token.head
        if token.dep_ == "pobj":
            verb = head.head.lemma_.lower()
            if head.lower_ == "from" or (head.lower_ == "by" and verb in cues.in_verbs):
                return "in"
            if head.lower_ in ("to", "with") and verb in cues.out_to_words:
                return "out"
        verb = head.lemma_.lower()
        if token.dep_ == "nsubj" and verb in cues.in_verbs:  # "PC Patel advised ..."
            return "in"
        if token.dep_ in ("dobj", "dative", "nsubjpass") and verb in cues.out_verbs:
            return "out"  # "Informed TVP", "The GP was informed"
        if token.dep_ not in ("appos", "conj", "compound", "pobj", "prep", "npadvmod"):
            break
        token = head
    return "out" if _we_shared(sentence, cues) else ""


def _we_shared(sentence: Span, cues: ContactCues) -> bool:
    """A sharing verb whose subject is the writer ("I", "we", or none written)."""
    for token in sentence:
        if token.lemma_.lower() in cues.share_verbs and token.pos_ == "VERB":
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if all(s.lower_ in _FIRST_PERSON for s in subjects):
                return True
    return False


def _what_was_shared(sentence: Span, mentions: list[Span], cues: ContactCues) -> str:
    """The object of the sentence's sharing verb, kept short: "the chronology".

    Not the agency itself: "Emailed the GP" says nothing of what went.
    """
    for token in sentence:
        if token.lemma_.lower() not in cues.share_verbs or token.pos_ != "VERB":
            continue
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if not objects or objects[0].pos_ == "PRON":
            continue
        if any(m.start <= objects[0].i < m.end for m in mentions):
            continue
        shared = _without_trailing_phrases(objects[0])
        if len(shared) > _SHARED_MAX_TOKENS:
            return shared[:_SHARED_MAX_TOKENS].text + "…"
        return shared.text
    return ""


def _without_trailing_phrases(head: Token) -> Span:
    """The object's words, less who it went to and any clause after it."""
    cut = [
        child.left_edge.i
        for child in head.rights
        if child.dep_ in ("relcl", "acl") or child.lower_ in ("with", "to", "via", "by", "as")
    ]
    end = min(cut, default=head.right_edge.i + 1)
    span = head.doc[head.left_edge.i : end]
    while len(span) > 1 and (span[-1].is_punct or span[-1].dep_ == "cc"):
        span = span[:-1]
    return span


def _with_details(doc: Doc, events: list[tuple[Span, ContactEvent]]) -> list[ContactEvent]:
    """Each phone number and email goes to the nearest contact written before it.

    "Sarah Jones (IDVA) called. Her number is 07700 900123." gives Sarah the
    number, as details often follow in the next sentence; when no contact
    comes before, the first one after it in the same sentence.
    """
    starts = [sentence.start for sentence in _sentences(doc)]

    def sentence_of(token_index: int) -> int:
        return bisect_right(starts, token_index) - 1

    contacts = [contact for _, contact in events]
    sentences = [sentence_of(mention.start) for mention, _ in events]
    for start, end, kind in find_identifiers(doc.text, kinds=("phone", "email")):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        here = sentence_of(span.start)
        before = [i for i, c in enumerate(contacts) if c.start < start and here - 1 <= sentences[i]]
        after = [i for i, c in enumerate(contacts) if c.start > start and sentences[i] == here]
        target = (before[-1:] or after[:1] or [None])[0]
        if target is not None and not getattr(contacts[target], kind):
            contacts[target] = replace(contacts[target], **{kind: doc.text[start:end]})
    return contacts


def _merged(events: list[ContactEvent]) -> list[ContactEvent]:
    """One entry per agency, named contact and direction in the note.

    A mention that leaves the contact or direction open ("TVP to visit")
    joins an entry that fills it in.
    """
    merged: list[ContactEvent] = []
    for event in events:
        for index, kept in enumerate(merged):
            if _same_contact(kept, event):
                merged[index] = _combined(kept, event)
                break
        else:
            merged.append(event)
    return merged


def _same_contact(one: ContactEvent, other: ContactEvent) -> bool:
    return (
        one.agency == other.agency
        and (one.direction == other.direction or "" in (one.direction, other.direction))
        and (one.person == other.person or "" in (one.person, other.person))
    )


def _combined(kept: ContactEvent, later: ContactEvent) -> ContactEvent:
    first = later if later.person and not kept.person else kept
    second = kept if first is later else later
    filled = {
        name: getattr(first, name) or getattr(second, name)
        for name in ("person", "role", "phone", "email", "channel", "direction", "shared")
    }
    rationales = {kept.rationale_recorded, later.rationale_recorded} - {None}
    # an outward contact had its reason recorded only if every outward mention did
    rationale = min(rationales) if rationales else None
    return replace(first, **filled, rationale_recorded=rationale)
