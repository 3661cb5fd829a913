"""Pseudonymise NoteResults: plain data in, plain data out, in the main process."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from recordcheck.language.identifiers import find_addresses, find_identifiers
from recordcheck.model import ChronologyEvent, ContactEvent, Finding, NoteResult, PersonalSpan
from recordcheck.redact.case_names import CaseNames, case_names, names_in, within_note
from recordcheck.redact.offsets import Replacement, Rewrite
from recordcheck.redact.pseudonyms import Pseudonyms


def redact_results(
    results: Iterable[NoteResult], pseudonyms: Pseudonyms | None = None
) -> Iterator[NoteResult]:
    """Yield each result with personal data replaced by pseudonyms, consistently across the run.

    Replaces the marked spans (and any identifier or address the patterns
    find, in case a span was missed) in the note text, and every name found
    anywhere in the note's case file wherever the case writes it; moves every
    finding and contact to the new offsets, pseudonymises the author and the
    contacts' names, phone numbers and emails, and empties personal_data so
    it is never written. The results are all read first: a case's names
    come from all of its notes, which the workers check in any order.
    """
    pseudonyms = pseudonyms or Pseudonyms()
    collected = list(results)
    known = case_names(collected)
    for result in collected:
        # full names known before labelling, so "Sarah" then "Sarah Jones" join
        names = [n for n in names_in(result) if n != result.note.author.strip()]
        pseudonyms.learn_names(result.note.case_id, names)
    for result in collected:
        yield _redact(result, pseudonyms, known[result.note.case_id])


def _redact(result: NoteResult, pseudonyms: Pseudonyms, known_in_case: CaseNames) -> NoteResult:
    note = result.note
    found = [*find_identifiers(note.text), *find_addresses(note.text)]
    marked = [*result.personal_data, *(PersonalSpan(*each) for each in found)]
    spans = _without_overlaps(
        [
            *marked,
            *known_in_case.occurrences(note.text),
            *within_note(result).occurrences(note.text),
        ]
    )
    author = note.author
    if author.strip():
        author = pseudonyms.person(author, note.case_id, staff=True)
    replacements = [_replacement(note.text, span, note.case_id, pseudonyms) for span in spans]
    rewrite = Rewrite(note.text, replacements)
    # what each written form became, to clean free text that quotes it (messages, suggestions)
    known = {note.text[r.start : r.end]: r.text for r in replacements}
    if note.author.strip():
        known[note.author] = author
    # their name words too, for free text that writes them alone ("Okon School")
    for written, label in list(known.items()):
        for word in known_in_case.words_of(written):
            known.setdefault(word, label)
    return NoteResult(
        note=replace(note, text=rewrite.text, author=author),
        findings=tuple(_move_finding(f, rewrite, known) for f in result.findings),
        contacts=tuple(
            _move_contact(c, note.text, rewrite, known, note.case_id, pseudonyms)
            for c in result.contacts
        ),
        personal_data=(),
        events=tuple(_move_event(e, rewrite, known) for e in result.events),
        applicable=result.applicable,
    )


def _without_overlaps(spans: list[PersonalSpan]) -> list[PersonalSpan]:
    """Earlier-listed spans win; the result is sorted by position."""
    kept: list[PersonalSpan] = []
    for span in spans:
        if span.start < span.end and not any(
            span.start < k.end and k.start < span.end for k in kept
        ):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _replacement(
    text: str, span: PersonalSpan, case_id: str, pseudonyms: Pseudonyms
) -> Replacement:
    written = text[span.start : span.end]
    if span.kind == "person":
        label = pseudonyms.person(written, case_id)
    else:
        label = pseudonyms.identifier(span.kind, written)
    return Replacement(span.start, span.end, label)


def _move_finding(finding: Finding, rewrite: Rewrite, known: dict[str, str]) -> Finding:
    start, end = rewrite.start(finding.start), rewrite.end(finding.end)
    text = rewrite.text[start:end]
    # a message may quote the flagged words whole, cutting a name or address in two
    quoted = {finding.text: text, **known} if finding.text else known
    return replace(
        finding,
        start=start,
        end=end,
        text=text,
        message=_substitute(finding.message, quoted),
        suggestion=None if finding.suggestion is None else _substitute(finding.suggestion, quoted),
    )


def _move_contact(
    contact: ContactEvent,
    old_text: str,
    rewrite: Rewrite,
    known: dict[str, str],
    case_id: str,
    pseudonyms: Pseudonyms,
) -> ContactEvent:
    start, end = rewrite.start(contact.start), rewrite.end(contact.end)
    if contact.person and contact.person == old_text[contact.start : contact.end]:
        name = rewrite.text[start:end]
    elif contact.person:
        name = known.get(contact.person) or pseudonyms.person(contact.person, case_id)
    else:
        name = ""
    return replace(
        contact,
        start=start,
        end=end,
        person=name,
        # an agency named after the person met ("Ruth Lamb Adult Social Care")
        agency=_substitute(contact.agency, known),
        phone=pseudonyms.identifier("phone", contact.phone) if contact.phone else "",
        email=pseudonyms.identifier("email", contact.email) if contact.email else "",
        shared=_substitute(contact.shared, known),
        role=_substitute(contact.role, known),
        # the note's own words, written to the partner register's sheets
        outcome=_substitute(contact.outcome, known),
        evidence=_substitute(contact.evidence, known),
    )


def _move_event(event: ChronologyEvent, rewrite: Rewrite, known: dict[str, str]) -> ChronologyEvent:
    """A chronology event at its new offsets, its words (summary, source, outcome) redacted."""
    return replace(
        event,
        start=rewrite.start(event.start),
        end=rewrite.end(event.end),
        summary=_substitute(event.summary, known),
        source=_substitute(event.source, known),
        outcome=_substitute(event.outcome, known),
    )


def _substitute(text: str, known: dict[str, str]) -> str:
    """Replace every known written form in free text, longest first, as whole words
    ("Lee" is not replaced inside "Leeds")."""
    for written in sorted(known, key=len, reverse=True):
        if written and written in text:
            pattern = rf"(?<![\w?\ufffd]){re.escape(written)}(?![\w\ufffd])"
            text = re.sub(pattern, lambda _match, w=written: known[w], text)
    return text
