"""Contacts not made yet: the lists of what is still to do, and contacts under a condition.

"Plan: letter to GP", or a heading on a line of its own with the items below:

    Plan:
    1. Joint visit with the GP Tuesday.
    2. Letter to housing.

Every item of such a list is planned, however it is worded ("Letter to
housing" reads like a record of a letter sent), unless its verb is in the past
("Actions: / - rang 101, log given" was done); the items under a meeting's
agreed actions are tasks whatever their tense. The list ends at the first line
that is not an item. The headings are in words.toml beside this module.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.language.doc_values import text_of

_WORDS = package_toml(__package__, "words.toml")
PLAN_HEADINGS = tuple(_WORDS["plan_headings"])
# a meeting's agreed actions are tasks, whatever their tense ("Police: marker placed")
TASK_HEADINGS = tuple(_WORDS["task_headings"])
_LIST_ITEM = re.compile(r"\s*(?:[-*•–]|\d{1,2}[.)])\s*\S")
_BULLETS = " -*•–\t"
IF_WORDS = ("if", "unless")


def plan_heading_over(sentence: Span) -> str:
    """The plan heading (lower case) of the sentence's line, or of the list the sentence is
    an item of; "" when there is none."""
    text = text_of(sentence.doc)
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    heading = _plan_opening(text[line_start : sentence.end_char])
    if heading or not _LIST_ITEM.match(text, line_start):
        return heading
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        heading = _plan_opening(line)
        if heading or not _LIST_ITEM.match(line):
            return heading
        end = start - 1
    return ""


def holds_tasks(heading: str) -> bool:
    """ "Actions agreed": every item is a task given out, even one written in the past."""
    return heading.startswith(TASK_HEADINGS)


def _plan_opening(line: str) -> str:
    opening = line.lstrip(_BULLETS).lower()
    return next((h for h in (*TASK_HEADINGS, *PLAN_HEADINGS) if opening.startswith(h)), "")


def under_condition(verb: Token) -> bool:
    """ "Told her to ring police if she sees him", "if he arrives drunk, call police": an
    if-clause hangs on the contact's verb or a verb above it, so the contact may never be."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in IF_WORDS for m in c.children)
        for node in (verb, *verb.ancestors)
        for c in node.children
    )


def conditional(verb: Token) -> bool:
    """The verb itself is in an if-clause or a question: "check whether the GP was told?"."""
    for node in (verb, *verb.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
            return True
    return verb.sent.text.rstrip().endswith("?")
