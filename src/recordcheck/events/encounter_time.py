"""Whether an encounter a note names lies in its past, from the grammar around it.

rc_encounters asks these of each event word it finds: is it dated after the
note ("Reintegration meeting 3/2" in a note of 28 January, "MDT tomorrow"), a
purpose or a plan ("to raise at TAF", "I will attend the panel"), or someone
else's plan ("HV to visit weekly")? What is still to come records no encounter; nor does
a threshold "met" with nobody met, nor encounters in the plural, a pattern ("S42 MET",
"lunch calls late 14 times").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.events.encounter_words import (
    BARE_CALL_VERBS,
    CONDITIONS,
    LATER_DAYS,
    PLANNING_AUX,
    SELF,
)
from recordcheck.language.note_context import note_date
from recordcheck.language.scope import Scope

DAY_MONTH = re.compile(r"(?P<day>[0-3]?\d)/(?P<month>[01]?\d)(?:/(?P<year>\d{2}|\d{4}))?")
# "Mon 17th": a day of a month the writer did not name, read in the month nearest the note
ORDINAL_DAY = re.compile(r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)", re.IGNORECASE)
EARLIER_OCCASION = frozenset(package_toml(__package__, "words.toml")["earlier_occasion_words"])
# a verb's dependents that are clauses of their own: a date in them dates another act
OWN_CLAUSE_DEPS = frozenset({"conj", "advcl", "ccomp", "xcomp", "parataxis", "relcl"})


def asks_for_a_call(event: Span) -> bool:
    """ "Ring me after the interview", "call us if worried": a bare verb of calling whose
    object is the writer asks for a call to come; none took place."""
    verb = event.root
    return (
        verb.lower_ in BARE_CALL_VERBS
        and Scope.subject_of(verb) is None
        and not any(c.dep_ == "aux" for c in verb.children)
        and any(c.dep_ == "dobj" and c.lower_ in SELF for c in verb.children)
    )


def on_a_condition(event: Span) -> bool:
    """ "MARAC if escalates", "Strategy discussion if he goes missing again": an encounter
    named by a noun with a condition just after it, or heading a clause of one, may yet be
    held; a verb says it was ("Visited if only briefly")."""
    doc, root = event.doc, event.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    following = doc[event.end] if event.end < event.sent.end else None
    if following is not None and following.lower_ in CONDITIONS:
        return True
    return any(
        clause.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in clause.children)
        for clause in root.children
    )


def dated(token: Token) -> bool:
    """ "13/11", "21/08": a date, which names a meeting as a heading ("MARAC 27/11 Ms B")."""
    return any(c.isdigit() for c in token.text)


def dated_later(event: Span, noted: date | None) -> bool:
    """ "BI meeting re d/c tomorrow", "Reintegration meeting 3/2" in a note of 28/01: a
    meeting or visit dated after the note is yet to come.

    Only a time word or date of the event's own noun phrase, or the word just after it
    ("police will visit tomorrow" is not the meeting's). A verb with a tense dates
    what was done ("Visited 8/10"); "meeting" or "MDT" misread as a participle does not.
    """
    root, doc = event.root, event.doc
    if root.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
        return False
    following = [doc[event.end]] if event.end < len(doc) else []
    for token in [*root.subtree, *following]:
        # "2nd meeting" counts meetings; only "meeting Mon 17th", after it, dates one
        later = token.lower_ in LATER_DAYS or _after(token.text, noted, token.i > root.i)
        if later and token in following:
            return True
        if later:
            between = [a for a in token.ancestors if a.i != root.i and root in a.ancestors]
            if not any(a.pos_ in ("VERB", "AUX") for a in between):
                return True
    return False


def names_a_later_date(text: str, noted: date | None) -> bool:
    """A label's day and month after the note's: "LADO meeting 21/10 at 14:00 - invite sent
    to me, police, ..." in a note of 15/10 heads a meeting still to come."""
    return any(_after(word.strip(",.;:()"), noted, day_alone=False) for word in text.split())


def on_an_earlier_occasion(verb: Token) -> bool:
    """ "SW has visited once", "HV last visited April", "visited Kieran 26/1" (of 28/1)."""
    if verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return True
    if any(c.lower_ in EARLIER_OCCASION for c in verb.children):
        return True
    dating = [
        token.text
        for child in verb.children
        if child.dep_ not in OWN_CLAUSE_DEPS and child.pos_ not in ("VERB", "AUX")
        for token in child.subtree
    ]
    return names_an_earlier_date(" ".join(dating), note_date(verb.doc))


def names_an_earlier_date(text: str, noted: date | None) -> bool:
    """A day and month before the note's: "CPN visited her 06/02" in a note of 10/02 tells
    of a visit on an earlier day."""
    return any(
        (day := _nearest(word.strip(",.;:()"), noted, day_alone=False)) is not None
        and day < noted
        for word in text.split()
    )


def _after(text: str, noted: date | None, day_alone: bool = True) -> bool:
    """A day and month ("8/10", "3/2/26") after the note's date, read in the year nearest it;
    a day alone ("17th", where `day_alone` may be one) after it, in the month nearest it."""
    nearest = _nearest(text, noted, day_alone)
    return nearest is not None and nearest > noted


def _nearest(text: str, noted: date | None, day_alone: bool) -> date | None:
    """The day the text writes, read nearest the note's date; None when it writes none."""
    if noted is None:
        return None
    ordinal = ORDINAL_DAY.fullmatch(text) if day_alone else None
    found = DAY_MONTH.fullmatch(text)
    if ordinal is not None:
        day = int(ordinal["day"])
        months = [(noted.year * 12 + noted.month - 1 + step) for step in (-1, 0, 1)]
        candidates = _dates((m // 12, m % 12 + 1, day) for m in months)
    elif found is not None:
        day, month = int(found["day"]), int(found["month"])
        years = (noted.year - 1, noted.year, noted.year + 1)
        candidates = _dates((year, month, day) for year in years)
        if found["year"]:
            year = int(found["year"]) % 100
            candidates = [c for c in candidates if c.year % 100 == year]
    else:
        return None
    return min(candidates, key=lambda day: abs(day - noted), default=None)


def _dates(parts: Iterable[tuple[int, int, int]]) -> list[date]:
    """The real dates among (year, month, day): not "31/2", nor a ratio."""
    found = []
    for year, month, day in parts:
        try:
            found.append(date(year, month, day))
        except ValueError:
            continue
    return found


def a_verb(token: Token) -> bool:
    """A verb of the clause, not a participle describing a noun ("sibling safety", misread)."""
    return token.pos_ in ("VERB", "AUX") and token.dep_ != "amod"


def bare(verb: Token) -> bool:
    """A verb in its base form with no subject: "consider CAWN", "Explain key words"."""
    return verb.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def under_infinitive(token: Token) -> bool:
    """ "to pick up at TAF", "agreed to hold a strategy meeting", "I will attend the panel":
    a purpose or a plan.

    A participle that only describes a noun ("sibling safety", misread) is not the verb.
    """
    verb = next((a for a in token.ancestors if a_verb(a)), None)
    return verb is not None and any(
        c.dep_ == "aux" and (c.tag_ == "TO" or c.lower_ in PLANNING_AUX) for c in verb.children
    )


def followed_by_plan(match: Span) -> bool:
    """ "HV to visit weekly": the health visitor's plan, not "HV to Larch Walk"."""
    doc = match.doc
    return match[-1].lower_ == "to" and match.end < len(doc) and doc[match.end].pos_ == "VERB"


def with_kind(event: Span) -> Span:
    """The event with the nouns naming its kind: "Care plan review at home" is a review,
    and its "plan" no sign of one still to come."""
    doc, start = event.doc, event.start
    while (
        start > event.sent.start
        and doc[start - 1].dep_ == "compound"
        and start <= doc[start - 1].head.i < event.end
    ):
        start -= 1
    return doc[start : event.end]


def planning_aux(child: Token, verb: Token) -> bool:
    """A planning auxiliary; bare "to" only with a subject ("GP to review", not "went to see")."""
    if child.dep_ != "aux" or child.lower_ not in PLANNING_AUX:
        return False
    return child.lower_ != "to" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def action_owner(token: Token) -> bool:
    """ "police to flag address", "nan will supervise": named for a later action only."""
    for node in (token, *token.ancestors):
        if any(planning_aux(c, node) for c in node.children):
            return True
        if node.pos_ in ("VERB", "AUX"):
            break
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        following is not None
        and following.lower_ == "to"
        and token.dep_ not in ("dobj", "pobj", "dative")
    )


def no_one_met(event: Span) -> bool:
    """ "S42(1) MET", "Criteria met.", "lunch calls late 14 times": a "met" with nobody met (no
    object, no "with", no "I" or "we") is a threshold reached; plural encounters are a pattern."""
    root = event.root
    if root.tag_ in ("NNS", "VBZ"):  # "calls" however tagged: "Lunch calls late"
        return True
    if len(event) != 1 or root.lemma_.lower() not in ("meet", "met"):
        return False
    subject = Scope.subject_of(root)
    following = root.nbor() if root.i + 1 < len(root.doc) else root
    return not (
        (subject is not None and subject.lower_ in SELF)
        or following.pos_ == "PROPN"  # "Met Sarah", however the tagger read "Met"
        or any(c.dep_ == "dobj" or c.lower_ in ("with", "w/") for c in root.children)
    )
