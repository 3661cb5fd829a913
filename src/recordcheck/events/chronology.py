"""The rc_chronology component: the significant events a note records, for the chronology.

Recording standard, "Chronology": a row is a significant event (harm or
injury, a disclosure, an incident, a decision, a change in risk), and its
summary carries that event, not the note's first sentence, with the event's
own date and time where the text gives them, the source, and the outcome.

Marks, for chronology_events_for to read: doc.spans["rc_events"], one span
per event over the words that carry it (its statement, or the clause holding
the cue when the statement is long), label = kind, with
- span._.rc_event_source: who reported it, as the note names them, or "";
- span._.rc_event_outcome: the clause recording the action taken, or None;
- span._.rc_event_time: "HH:MM" the text gives, or "";
- span._.rc_event_day: the day the text gives (see when.days), or "";
- span._.rc_event_day_of_line_above: that day is from a verbless line above the event.

Runs after rc_partners when the audit asks for it, and reads its agency marks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from recordcheck.events import when
from recordcheck.events.cues import Cue, SignificantCues
from recordcheck.events.event_details import opening_source, outcome_of, source_of
from recordcheck.events.event_time import event_when, is_setting, line_when, setting_when
from recordcheck.events.statements import (
    after_a_label,
    is_a_heading,
    is_a_list_of_factors,
    is_a_title,
    is_list_item,
    opens_a_list,
    says_done,
    statements_of,
)
from recordcheck.language.clauses import STAMP, clause_of
from recordcheck.model import ChronologyEvent, Note

EVENTS_KEY = "rc_events"
AGENCIES_KEY = "rc_agencies"  # rc_partners' agency mentions (span._.rc_agency: canonical name)
SUMMARY_CHARS = 200
# a statement of this many words or fewer is summed up with the one its event is told in
SHORT_STATEMENT_WORDS = 4
OUTCOME_CHARS = 160
# a long statement's summary starts this many characters before the cue, at most
LEAD_IN_CHARS = 80
# What was done about an event is looked for this many statements on, at most, and never
# past the next event: "Cut on back of head. Rang 999. Stayed with him. Body map done."
OUTCOME_REACH = 4
# A second event of the same kind this few statements on is the same event told on;
# decisions are each their own ("Agreed s47. Agreed ICPC.").
JOIN_REACH = 2
# A note's first event is dated by a verbless line that says when up to this many statements
# above it ("Incident 11/04/25 approx 2310." then "Circs per attending officers: ...")
SETTING_REACH = 5
# Harm and incident are one episode told in turn: "Cut on right hand. Called 999. Police attended.",
# and so is the writer's report of it: "Rang 101 from scene. Told them bail breach."
EPISODE = frozenset({"harm", "incident", "contact"})
# Events that have happened by the time they are recorded: a date with no year is a past one
NEVER_TO_COME = frozenset({"harm", "incident", "disclosure", "contact"})
TIME_PREPOSITIONS = frozenset({"after", "before", "during", "until"})
_SPACES = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")

for _name, _default in (
    ("rc_event_source", ""),
    ("rc_event_outcome", None),
    ("rc_event_time", ""),
    ("rc_event_day", ""),
    ("rc_event_day_of_line_above", False),
    ("rc_event_time_twelve_hour", False),
):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)


@dataclass
class _Event:
    cue: Cue
    statement: Span
    index: int  # of its statement among the note's
    last: int  # index of the last statement this event runs to
    outcome: Span | None
    setting: Span | None = None  # a heading before it that says when: "Incident 11/01 21:30."

    @property
    def kind(self) -> str:
        return self.cue.kind

    def joins(self, cue: Cue, index: int) -> bool:
        return _told_on(self.cue, cue) and index - self.last <= JOIN_REACH


def _told_on(first: Cue, then: Cue) -> bool:
    """A cue that carries on the same event: "Cut on right hand. Called 999.", "Rang 101.
    Told them bail breach". Not harm after the writer's call that gives its own time or
    date: "Rang 101 at 14:00. Dad punched Mum at 16:00." is an event of its own."""
    same = then.kind == first.kind or {then.kind, first.kind} <= EPISODE
    own_when = then.span.sent.text
    after_a_call = first.kind == "contact" and then.kind != "contact" and bool(
        when.clock_times(own_when) or when.bare_dates(own_when)
    )
    return same and first.kind != "decision" and not after_a_call


@Language.factory(
    "rc_chronology",
    default_config={"extra_terms": {}},
    assigns=[
        "doc.spans", "span._.rc_event_source", "span._.rc_event_outcome",
        "span._.rc_event_time", "span._.rc_event_day", "span._.rc_event_day_of_line_above",
        "span._.rc_event_time_twelve_hour",
    ],
    requires=["token.dep", "token.lemma", "doc.sents"],
)
def make_chronology_marker(nlp: Language, name: str, extra_terms: dict) -> ChronologyMarker:
    """extra_terms: an organisation's own cue words, {"harm_lemma": [...], ...}."""
    return ChronologyMarker(nlp, extra_terms)


class ChronologyMarker:
    def __init__(self, nlp: Language, extra_terms: dict) -> None:
        self.cues = SignificantCues(nlp, extra_terms)
        self.source_verbs = frozenset(self.cues.lists["source_verb_lemma"])
        self.source_nouns = frozenset(self.cues.lists["source_noun_lemma"])

    def __call__(self, doc: Doc) -> Doc:
        statements = list(statements_of(doc))
        matches = self.cues.matcher.spans(doc)
        outcomes = [m for m in matches if m.label_ == "outcome"]
        found = _without_a_title(statements, list(self._cues_by_statement(statements, matches)))
        events: list[_Event] = []
        for position, (index, cue) in enumerate(found):
            statement = statements[index]
            # what was done is looked for up to the next event that is not this one told on
            upto = next(
                (i for i, other in found[position + 1 :] if not _told_on(cue, other)),
                len(statements),
            )
            following = statements[index + 1 : min(upto, index + 1 + OUTCOME_REACH)]
            outcome = outcome_of(cue.span, statement, following, outcomes, self.cues.negated)
            if events and events[-1].joins(cue, index):
                events[-1].last = index
                events[-1].outcome = events[-1].outcome or outcome
                continue
            setting = statements[index - 1] if index > 0 else None
            if setting is not None and not is_setting(setting):
                setting = None
            if not events and setting is None:
                setting = _heading_when(statements[:index])
            events.append(_Event(cue, statement, index, index, outcome, setting))
        opening = statements[0] if statements else doc[:]
        # a note that opens "Call from the school" or "Late entry for 03/06" says so for all
        source = opening_source(opening, self.source_nouns)
        day = when.written_for(opening.text)
        told = {i for event in events for i in range(event.index, event.last + 1)}
        spans = [self._marked(event, statements, source, day, told) for event in events]
        doc.spans[EVENTS_KEY] = SpanGroup(doc, name=EVENTS_KEY, spans=spans)
        return doc

    def _cues_by_statement(self, statements: list[Span], matches) -> Iterator[tuple[int, Cue]]:
        """(index, most telling cue) of each statement that records an event.

        The items of a list under a plan heading of its own line are plans:
        "Actions:" then "- MARAC referral today".
        """
        quoted = self.cues.scope.quoted_ranges(statements[0].doc) if statements else []
        plan_headings = self.cues.words["plan_headings"]
        in_plan_list = decided = False
        risk_at = -2  # the statement of the last change in risk: its checklist may follow
        for index, statement in enumerate(statements):
            if index == risk_at + 1 and is_a_list_of_factors(statement):
                continue
            if decided and not is_a_heading(statement):
                decided = False  # "Decision:" alone on its line: the next line is what
                yield index, Cue("decision", statement[:1])
                continue
            decided = False  # any heading ends it: "Decision:" then "Actions:"
            if opens_a_list(statement, plan_headings):
                in_plan_list = True
                continue
            if opens_a_list(statement, self.cues.words["decision_headings"]):
                decided = True
                continue
            if in_plan_list and is_list_item(statement) and not says_done(statement):
                continue
            in_plan_list = False
            found = self.cues.cues_in(statement, matches, quoted)
            if found:
                risk_at = index if found[0].kind == "risk" else risk_at
                yield index, found[0]

    def _marked(
        self, event: _Event, statements: list[Span], note_source: str, note_day: str,
        told: set[int],
    ) -> Span:
        cue, statement = event.cue, event.statement
        words = _summary_words(statement, cue.span)
        if _cue_alone(statement, cue) and event.index > 0:
            # "Meets threshold." says what met it in the statement before
            words = statement.doc[statements[event.index - 1].start : words.end]
        elif _too_short(statement):
            # the statements this event runs on to are its own to sum it up with
            others = told - set(range(event.index, event.last + 1))
            words = _with_its_context(statements, event.index, others) or words
        span = Span(statement.doc, words.start, words.end, label=cue.kind)
        source = source_of(cue.span, statement, self.source_verbs, self.source_nouns)
        # a note from another agency brings its events, but "Decision: ..." is the writer's
        own = _is_heading(cue.span) or after_a_label(statement)
        span._.rc_event_source = source or ("" if own else note_source)
        span._.rc_event_outcome = event.outcome
        clock, day = event_when(statement, cue, self.source_verbs)
        if not clock and not day:
            clock, day = line_when(statements, event.index, cue.kind)
        if not clock and not day and event.setting is not None:
            clock, day = setting_when(event.setting)
            span._.rc_event_day_of_line_above = bool(day)
        span._.rc_event_time, span._.rc_event_day = clock, day or note_day
        span._.rc_event_time_twelve_hour = when.written_twelve_hour(statement.text, clock)
        return span


def _heading_when(before: list[Span]) -> Span | None:
    """For a note's first event, a line that says when a few statements above it, or its
    title: "Incident 11/04/25 approx 2310." then "Circs per officers: ..." then the event;
    "INCIDENT - FALL - 09/01/25 approx 07:30" heading the note."""
    near = [s for s in before[-SETTING_REACH:] if is_setting(s)]
    if near:
        return near[-1]
    return before[0] if before and is_a_title(before[0]) and is_setting(before[0]) else None


def _without_a_title(statements: list[Span], found: list[tuple[int, Cue]]):
    """A title's cue ("PHYSICAL INTERVENTION RECORD") is no event's words when the note
    goes on to record one; a note that records nothing more keeps it."""
    return [
        (index, cue) for index, cue in found
        if not (len(found) > 1 and is_a_title(statements[index]))
    ]


def _cue_alone(statement: Span, cue: Cue) -> bool:
    """A decision of the cue's words only, with nothing of what was decided: "Meets threshold."."""
    words = [t for t in statement if not (t.is_punct or t.is_space)]
    return cue.kind == "decision" and all(cue.span.start <= t.i < cue.span.end for t in words)


def _too_short(statement: Span) -> bool:
    """ "HIGH RISK.", "Arrested s39.", "Disclosure.": too few words to carry the event."""
    return sum(1 for t in statement if t.is_alpha or t.like_num) <= SHORT_STATEMENT_WORDS


def _with_its_context(statements: list[Span], index: int, others: set[int]) -> Span | None:
    """A short statement with the one its event is told in: the next after a heading
    ("Disclosure." then what was disclosed), else the one before ("DASH 17, strangulation,
    threats to kill." then "HIGH RISK."). Only a statement no other row tells, of the same
    paragraph and entry (neither opens with a time or date of its own), naming no agency
    (whose contact is a row of its own), and short enough for the summary together."""
    statement, doc = statements[index], statements[index].doc
    alone = [t for t in statement if not (t.is_punct or t.is_space)]
    heading = is_a_heading(statement) or (len(alone) == 1 and alone[0].is_title)
    other = index + 1 if heading else index - 1
    if not 0 <= other < len(statements) or other in others:
        return None
    first, last = sorted((statement, statements[other]), key=lambda s: s.start)
    joined = doc[first.start : last.end]
    if (
        _BLANK_LINE.search(doc.text[first.end_char : last.start_char])
        or len(joined.text) > SUMMARY_CHARS
        or is_a_title(statements[other])
        or any(map(_opens_with_when, (first, last)))
        or any(a.start < statements[other].end and statements[other].start < a.end
               for a in doc.spans.get(AGENCIES_KEY, ()))
    ):
        return None
    return joined


def _opens_with_when(statement: Span) -> bool:
    """A log entry's own time or date: "09:40 Neighbour called police.", "Tue 11/3: ..."."""
    text = statement.text.lstrip(" -*\u2022\t")
    stamp = STAMP.match(text)  # the log's own stamp reader, whole: not "14000 steps"
    return bool(stamp and not text[stamp.end() : stamp.end() + 1].isdigit()) or bool(
        when.opening_date(text)
    )


def _is_heading(words: Span) -> bool:
    """Words followed by a colon: "Decision:"."""
    return words.end < len(words.doc) and words.doc[words.end].text == ":"


def _summary_words(statement: Span, cue: Span) -> Span:
    """The statement when short enough; else the clause holding the cue; else the words
    from a little before the cue (the reader cuts them at a word)."""
    if len(statement.text) <= SUMMARY_CHARS:
        return statement
    clause = clause_of(cue.root, subordinate=False)
    if len(clause.text) <= SUMMARY_CHARS and clause.start <= cue.start:
        return clause
    doc, start = statement.doc, cue.start
    while start > statement.start and cue.start_char - doc[start - 1].idx <= LEAD_IN_CHARS:
        start -= 1
    return doc[start : statement.end]


def chronology_events_for(doc: Doc, note: Note) -> tuple[ChronologyEvent, ...]:
    """The note's significant events, as rc_chronology marked them, dated against the note."""
    events = []
    for span in doc.spans.get(EVENTS_KEY, ()):
        if when.before_the_year_of(span._.rc_event_day, note.date):
            continue  # "two call-outs to the address in 2024": the case's history
        outcome: Span | None = span._.rc_event_outcome
        past, day, clock = span.label_ in NEVER_TO_COME, span._.rc_event_day, span._.rc_event_time
        above = span._.rc_event_day_of_line_above
        if above and when.after_the_note(day, clock, note.date, past=past):
            day, clock = "", ""  # "Outstanding risk: trial 25/07." above: to come, not a setting
        twelve_hour = span._.rc_event_time_twelve_hour
        date, time = when.resolve(
            day, clock, note.date, note.time, past=past, twelve_hour=twelve_hour
        )
        events.append(
            ChronologyEvent(
                kind=span.label_,
                start=span.start_char,
                end=span.end_char,
                summary=cut_at_word(span.text, SUMMARY_CHARS),
                date=date,
                time=time,
                source=span._.rc_event_source,
                agencies=_agencies_in(doc, [span] if outcome is None else [span, outcome]),
                outcome=cut_at_word(outcome.text, OUTCOME_CHARS) if outcome is not None else "",
            )
        )
    return tuple(events)


def _agencies_in(doc: Doc, spans: list[Span]) -> tuple[str, ...]:
    """Canonical names of the agencies rc_partners found within the spans, each once."""
    if not Span.has_extension("rc_agency"):
        return ()
    names = [
        mention._.rc_agency
        for mention in doc.spans.get(AGENCIES_KEY, ())
        if mention._.rc_agency
        and any(s.start <= mention.start and mention.end <= s.end for s in spans)
        and not _names_a_time(mention)
    ]
    return tuple(dict.fromkeys(names))


def _names_a_time(mention: Span) -> bool:
    """ "joint visit after school": a time of day, not an agency taking part."""
    return mention.start > 0 and mention.doc[mention.start - 1].lower_ in TIME_PREPOSITIONS


def _without_open_bracket(line: str) -> str:
    """Words cut inside a bracket end before it: "charged 12/01 (non-fatal" -> "charged 12/01"."""
    opened: list[int] = []
    for position, char in enumerate(line):
        if char == "(":
            opened.append(position)
        elif char == ")" and opened:
            opened.pop()
    return line[: opened[0]].rstrip(" ,;:-") if opened and opened[0] > 0 else line


def cut_at_word(text: str, limit: int) -> str:
    """One line of at most about `limit` characters, cut after a whole word."""
    line = _without_open_bracket(_SPACES.sub(" ", text).strip())
    if len(line) <= limit:
        return line
    head = line[:limit]
    return head.rsplit(" ", 1)[0].rstrip(",;:") + "…" if " " in head else head + "…"
