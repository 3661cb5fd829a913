"""What kind of event a cue word records, where its grammar says it is not the kind its
word list gives (cues.py asks):
- a cue word that names a person's job after their name: "Referrer J Harker, Paramedic";
- the writer's own call to the police's non-emergency line reports what happened: a
  contact with the police (its row typed so), not an incident: "Rang 101, log 0214-0367".

Word lists: significant.toml ([grammar]).
"""

from __future__ import annotations

from spacy.tokens import Span

from recordcheck.events.not_happened import WORDS


def kind_as_reported(kind: str, match: Span, statement: Span) -> str:
    """The kind of event the cue records: an incident the writer reported to the police
    is recorded as that contact, dated as told ("Rang 101, log 0214-0367")."""
    if kind == "incident" and writer_reported_to_police(match, statement):
        return "contact"
    return kind


def writer_reported_to_police(match: Span, statement: Span) -> bool:
    """ "Rang 101, log 0214-0367", "I also rang police 101 and gave details": the writer
    calling the non-emergency line reports an event to the police: a contact. Not another's
    call ("She rang 101"), which may be all the note says of the incident; nor "Reported
    missing 101", which records the missing episode itself."""
    if match[0].lower_ not in WORDS["calling_words"]:
        return False
    after = statement.doc[match.end : min(match.end + 2, statement.end)]
    if not any(t.text in WORDS["report_lines"] for t in [*match, *after]):
        return False
    before = statement.doc[statement.start : match.start]
    return all(
        t.is_punct or t.is_space or t.like_num or t.lower_ in WORDS["writer_call_openers"]
        for t in before
    )


def a_job_title(match: Span) -> bool:
    """ "Referrer J Harker, Paramedic", "J Harker Paramedic / R Yates ECA", "from J Harker
    (paramedic) and R Yates (ECA)": the word after a person's name, with no verb after it,
    names their job; "Paramedics arrived", "2 paramedics", "dressed by paramedics" do not."""
    if len(match) != 1 or match[0].lower_ not in WORDS["job_words"]:
        return False
    doc, index = match.doc, match.start - 1
    while index >= 0 and doc[index].text in (",", "("):
        index -= 1
    name = doc[index] if index >= 0 else None
    after = doc[match.end] if match.end < len(doc) else None
    return (
        name is not None
        and name.pos_ == "PROPN"
        and name.text.istitle()
        and (after is None or after.is_punct or after.is_space)
    )
