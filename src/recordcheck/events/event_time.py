"""When an event happened, from the words of its statement and of the lines around it.

The event's own statement first ("At 02:30 she fell"); then, in a running log, the
last time or day an earlier statement of the same line gives ("22:25 check - no
answer. Entered 22:26. Tayla sitting on floor with a ligature ..."); then a line
above with no verb that says when ("Incident 11/01/25 approx 21:30."). What
chronology.py does not find here is the note's own date and time.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from recordcheck.events import when
from recordcheck.events.cues import DISCLOSING_VERBS, Cue
from recordcheck.events.statements import is_list_item

# kinds that have happened by the time they are written, dated by a statement's one full date
PAST_KINDS = frozenset({"harm", "incident"})
# a time in a clause these open dates something else: "since the team started on 15/07"
SETTING_MARKS = frozenset({"since", "until", "till", "before"})
# a statement with one of these says its own when, vaguely: "Earlier she had self-harmed"
# is not at the time the log gave last
OWN_TIME_WORDS = re.compile(rf"\b(?:{'|'.join(when.WORDS['own_time_words'])})\b", re.I)
# a day and month after one of these dates the reason, not the event: "HIGH risk because
# of the debt concerns 22/10"
REASON_WORDS = re.compile(rf"\b(?:{'|'.join(when.WORDS['reason_words'])})\b", re.I)
_DATES_ANOTHER = re.compile(
    r"\b(?:since|until|till|before|from|between|and|by|for)\s+(?:about\s+)?$", re.I
)


def line_when(statements: list[Span], index: int, kind: str) -> tuple[str, str]:
    """The time and day the nearest earlier statements of the event's own line give: a log
    that runs on in time ("0035 999 from IP. Mason ... came down with a knife"). Not when
    the event's statement says its own when, vaguely ("earlier")."""
    text = statements[index].text
    # "Warrant executed 03/06": a statement with a date or time of its own is not the log's
    if OWN_TIME_WORDS.search(text) or when.bare_dates(text) or when.clock_times(text):
        return "", ""
    clock = day = ""
    for earlier in reversed(statements[:index]):
        between = earlier.doc[earlier.end : statements[index].start]
        if any("\n" in t.text for t in between):
            break
        # the first: "Teatime call 17:00-17:30" runs from 17:00
        clocks = [f for f in _own(when.clock_times, earlier) if not _told(earlier, f)]
        found = next((f.value for f in clocks if _unmistakable(earlier.text, f)), "")
        # a disclosure is dated when it was made: the day a line gives is what it told of
        days = [] if kind == "disclosure" else [
            *_own(when.certain_days, earlier), *_own(when.opening_date, earlier)
        ]
        # the nearest time, and the nearest day, which may head the line further back:
        # "Night of 30/01: ... At around 05:30 Edna was ... SK held Edna's arms"
        clock = clock or found
        day = day or next((f.value for f in days if not _told(earlier, f)), "")
        if day:
            break
    return clock, day


def _own(finder, statement: Span) -> list[when.Found]:
    """What `finder` finds in the statement, but not a time or day a setting word dates as
    something else: "until 22:00", "concerns since 12/12/24", "between 16:00 and 18:00"."""
    text = statement.text
    return [f for f in finder(text) if not _DATES_ANOTHER.search(text[: f.start])]


def _told(statement: Span, found: when.Found) -> bool:
    """After or under a verb of telling: "he said a man picked him up at 08:30" dates what
    he told of, not the telling (the words before it are read too: the parser often loses
    the thread of a long reported clause)."""
    start = statement.start_char + found.start
    before = [t for t in statement if t.idx < start]
    return any(t.lemma_.lower() in DISCLOSING_VERBS for t in before)


def _unmistakable(text: str, found: when.Found) -> bool:
    """A time no one reads in the other half of the day: "22:26", "08:05", "0035", "7pm";
    a log's "10.20" may be the evening's, and carried to another statement it is a guess."""
    written = text[found.start : found.end].strip()
    hour = int(found.value[:2])
    return (
        hour == 0
        or hour >= 13
        or written.startswith("0")
        or re.fullmatch(r"\d{4}", written) is not None
        or re.search(r"[ap]\.?m|h", written, re.I) is not None
    )


def is_setting(statement: Span) -> bool:
    """A line with no verb that says when: "Incident 11/01/25 approx 21:30 at the address.";
    not an item of a list, nor one that dates something else ("no breaches since 02/02")."""
    if is_list_item(statement) or any(
        t.pos_ in ("VERB", "AUX") or t.lower_ in SETTING_MARKS | {"by", "no"} for t in statement
    ):
        return False
    return setting_when(statement) != ("", "")


def setting_when(setting: Span) -> tuple[str, str]:
    """The time and day a line that says when gives: a day it cannot mistake, or one that
    heads the line ("Incident 02/08 at home"); a line of readings dates nothing: "Obs: BP
    120/80, pain 7/10"."""
    text = setting.text
    clock = next((f.value for f in when.clock_times(text)), "")
    day = next((f.value for f in [*when.certain_days(text), *when.opening_date(text)]), "")
    return clock, day


def event_when(statement: Span, cue: Cue, telling_verbs: frozenset[str]) -> tuple[str, str]:
    """The time and day the statement gives for the event.

    Not one that dates something else: "since the team started on 15/07". A
    disclosure's date is when it was made: "Yesterday she told me ..." dates it,
    "She told me that he hit her last night" does not.
    """
    text, offset, doc = statement.text, statement.start_char, statement.doc
    telling = next(
        (n for n in [cue.span.root, *cue.span.root.ancestors] if n.lemma_.lower() in telling_verbs),
        cue.span.root,
    )

    def belongs(found) -> bool:
        words = doc.char_span(offset + found.start, offset + found.end, alignment_mode="expand")
        if words is None:
            return False
        verb = verb_above(words.root)
        if verb is not None and any(c.lower_ in SETTING_MARKS for c in verb.children):
            return False
        if words.start > 0 and doc[words.start - 1].lower_ in SETTING_MARKS:
            return False  # "First seizure since 12/01": no verb to carry the "since"
        return cue.kind != "disclosure" or verb == verb_above(telling)

    event_verb = verb_above(cue.span.root)

    def aside(found) -> bool:
        # "pleaded guilty to robbery (Riverside Park 22/11/24)": an aside dates its own
        return in_brackets(text, found.start) and not in_brackets(
            text, cue.span.start_char - offset
        )

    def on_the_event(found) -> bool:
        """A date without "on", or a year, dates the event only on the event's own verb
        (or in a line with none): "charged 12/01", "call-outs in 2024"; not "submitted for
        the 24/04 meeting"."""
        words = doc.char_span(offset + found.start, offset + found.end, alignment_mode="expand")
        return (
            words is not None
            and not aside(found)
            and belongs(found)
            and verb_above(words.root) == event_verb
        )

    def dates_the_episode(found) -> bool:
        """The one date of a statement of harm or an incident, whichever verb the parser
        hung it on: "Police went to Larch Grove 11/4, Darren arrested"; a full date even in
        an aside ("During personal care 31/01/25 carer noted bruising"), a day and month not
        in one, nor after a word that dates something else ("for 3/12") or gives a reason
        ("because of the debt concerns 22/10"), nor a quantity ("3/4 bottle vodka")."""
        if not belongs(found):
            return False
        if found.value.count("/") == 2:
            return True
        # after the cue, only with no verb but the event's between: "follow-up 21/3", "ICPC
        # booked 27/3", "order made 22/10" date what those did; "Warrant executed 03/04" not
        if offset + found.start > cue.span.end_char:
            between = doc.char_span(
                cue.span.end_char, offset + found.start, alignment_mode="expand"
            )
            if between is not None and any(
                t.pos_ in ("VERB", "AUX") and t != event_verb for t in between
            ):
                return False
        after = doc.char_span(offset + found.end, statement.end_char, alignment_mode="expand")
        quantity = after is not None and len(after) > 0 and after[0].pos_ in ("NOUN", "ADJ")
        return not (
            aside(found) or quantity or _DATES_ANOTHER.search(text[: found.start])
            or REASON_WORDS.search(text[: found.start])
        )

    def dates(found) -> bool:
        # a decision with no verb to date: its times are what it sets ("curfew 19:00-07:00")
        return belongs(found) and (cue.kind != "decision" or event_verb is not None)

    clock = next((f.value for f in when.clock_times(text) if dates(f)), "")
    # "slid to the floor Sun 12/07 pm": a day and month after a weekday is a day, bare
    named = sorted([*when.days(text), *when.weekday_dates(text)], key=lambda f: f.start)
    day = next((f.value for f in named if dates(f)), "")
    # "she now says that was Roy too": history told now is a disclosure made today
    told_now = any(t.lemma_.lower() in DISCLOSING_VERBS for t in statement)
    found = [*when.bare_dates(text), *([] if told_now else when.years(text))]
    day = day or next((f.value for f in found if on_the_event(f)), "")
    bare = when.bare_dates(text)
    if not day and cue.kind in PAST_KINDS and len(bare) == 1 and dates_the_episode(bare[0]):
        day = bare[0].value
    return clock, day


def in_brackets(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("(") > before.count(")")


def verb_above(token: Token) -> Token | None:
    for node in [token, *token.ancestors]:
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None
