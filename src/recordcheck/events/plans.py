"""Contacts not made yet: the lists of what is still to do, and contacts under a condition.

"Plan: letter to GP", or a heading on a line of its own with the items below:

    Plan:
    1. Joint visit with the GP Tuesday.
    2. Letter to housing.

Every item of such a list is planned, however it is worded ("Letter to
housing" reads like a record of a letter sent), unless its verb is in the past
("Actions: / - rang 101, log given" was done); the items under a meeting's
agreed actions are tasks whatever their tense. The list ends at the first line
that is not an item. The headings are in headings.toml beside this module, the one list
the events layer reads (encounters and significant events take theirs from here).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.events.log_lines import stamped_with_a_time
from recordcheck.events.parties import Party, verb_form
from recordcheck.events.sections import MOST_LABEL_WORDS
from recordcheck.language.clauses import line_start
from recordcheck.language.doc_values import text_of

_HEADINGS = package_toml(__package__, "headings.toml")
_WORDS = package_toml(__package__, "words.toml")
PLAN_HEADINGS = tuple(_HEADINGS["plan"])
# a meeting's agreed actions are tasks, whatever their tense ("Police: marker placed")
TASK_HEADINGS = tuple(_HEADINGS["tasks"])
# a heading opens its line and ends at a colon (after an aside: "Actions agreed (added to
# plan):", or whom it is for: "Actions for ASC:"), a spaced dash or the end ("Plan -", "To
# do"); not "Planned visit", nor "Next steps agreed with mum"
_OPENING = re.compile(
    rf"(?P<heading>{'|'.join(re.escape(h) for h in (*TASK_HEADINGS, *PLAN_HEADINGS))})"
    r"(?:(?:\s+for\s+[\w'’&/ -]{1,40}?)?\s*(?:\([^)]*\)\s*)?:|\s+[-–]|–|\s*$)"
)
# whose list it is, before a heading that ends at a colon: "School actions:", "Our plan:";
# not what is said of a plan ("Review of plan:")
_OWNER = r"(?!(?:of|for|to|re|about|on|from|the|a|an|with)\b)[\w'’]+"
_OWNED_OPENING = re.compile(
    rf"(?:{_OWNER}\s+){{1,2}}(?P<heading>{'|'.join(re.escape(h) for h in PLAN_HEADINGS)})\s*:"
)
_RUN_ON = re.compile(r"[.!?]\s+(?=[A-Z])")
_LIST_ITEM = re.compile(r"\s*(?:[-*•–]|\d{1,2}[.)])\s*\S")
_BULLETS = " -*•–\t"
IF_WORDS = ("if", "unless")
MODAL_AUX = frozenset(_WORDS["modal_aux"])
CHANNEL_NOUNS = frozenset(_WORDS["channel_nouns"])
CONSENT_LEMMAS = frozenset(_WORDS["consent_lemmas"])
# the words that, on a noun above the contact, name the consent: "Consent form signed ..."
_CONSENT_HOLDERS = frozenset({"nsubj", "nsubjpass", "compound"})


def plan_heading_over(sentence: Span, before: int | None = None) -> str:
    """The plan heading (lower case) of the sentence's line, or of the list the sentence is
    an item of; "" when there is none. A heading inside the sentence ("MARAC. Actions for
    ASC: ...", run on after a full stop the parser did not split at) heads only what
    comes after it: with `before` (a character offset), only one opening before it counts."""
    text = text_of(sentence.doc)
    opens_at = text.rfind("\n", 0, sentence.start_char) + 1
    # the line's opening, or the sentence's own mid-line, or a statement run on inside it
    heading = _plan_opening(text[opens_at : sentence.end_char]) or next(
        (
            found
            for start in _statement_starts(text, sentence)
            if before is None or start <= before
            for found in [_plan_opening(text[start : sentence.end_char])]
            if found
        ),
        "",
    )
    if heading or not _LIST_ITEM.match(text, opens_at):
        return heading
    end = opens_at - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        heading = _plan_opening(line)
        if heading or not _LIST_ITEM.match(line):
            return heading
        end = start - 1
    return ""


def _statement_starts(text: str, sentence: Span) -> list[int]:
    """Where the sentence starts, and where each statement run on inside it starts: after a
    full stop, question or exclamation mark and a space ("MARAC. Actions for ASC: ...")."""
    inside = text[sentence.start_char : sentence.end_char]
    return [sentence.start_char] + [
        sentence.start_char + found.end() for found in _RUN_ON.finditer(inside)
    ]


def holds_tasks(heading: str) -> bool:
    """ "Actions agreed": every item is a task given out, even one written in the past."""
    return heading.startswith(TASK_HEADINGS)


def _plan_opening(line: str) -> str:
    lowered = line.lstrip(_BULLETS).lower()
    found = _OPENING.match(lowered) or _OWNED_OPENING.match(lowered)
    return found["heading"] if found else ""


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


def auxiliaries(verb: Token) -> list[Token]:
    """The verb's auxiliaries, or, for a verb joined to another that has none of its own
    ("Will check with school and ask PC Walsh"), the ones it shares with the first verb."""
    node = verb
    while True:
        own = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
        if own or node.dep_ != "conj" or any(c.dep_ == "nsubj" for c in node.children):
            return own
        node = node.head


def modal(verb: Token) -> bool:
    """ "I can inform the GP", "would be making a referral": a possibility, not an act."""
    return any(c.lower_ in MODAL_AUX for c in auxiliaries(verb))


def consented_to(predicate: Token) -> bool:
    """ "Consent given for contact with his school", "He agreed to me speaking to the police",
    "Consent form signed for sharing with the GP": a contact someone consented to is one
    still to be made (recording standard: planned). Only the words above the contact, up
    to the first verb that is not a participle describing a noun, count: in "Consent
    obtained and referral sent to MASH" and "Referred to CAMHS - he agreed" it was made."""
    if predicate.tag_ in ("VBD", "VBN", "VBZ", "VBP") or verb_form(predicate):
        return False  # "Referred to CAMHS", "rang the GP": recorded as made
    node = predicate
    while node.dep_ not in ("conj", "ROOT") and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in CONSENT_LEMMAS or any(
            _names_consent(c) for c in node.children if c.dep_ in _CONSENT_HOLDERS
        ):
            return True
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "acl":
            return False
    return False


def _names_consent(noun: Token) -> bool:
    return noun.lemma_.lower() in CONSENT_LEMMAS or any(
        c.dep_ == "compound" and c.lemma_.lower() in CONSENT_LEMMAS for c in noun.children
    )


def instruction(party: Party) -> bool:
    """ "Update IDVA and HV", "Check with police", "5. Ask GP to review", "Decision: raise a
    concern with ASC": a base-form verb opening its line, or after a short label, is a note
    of what to do. "Call to GP", "Email from school" are records, and so is a line stamped
    with the time it was done ("Reg 40 notification to Ofsted 10:15", "Reg" taken for a verb).
    """
    verb = party.governing
    if party.link == "from" or verb.tag_ != "VB" or stamped_with_a_time(verb):
        return False
    before = verb.doc[line_start(verb) : verb.i]
    is_label = 0 < len(before) <= MOST_LABEL_WORDS + 1 and before[-1].text == ":"
    label = range(before.start, before.end) if is_label else range(0)
    # the parser may take the label for the verb's subject ("Decision: raise ...")
    if any(c.dep_ in ("nsubj", "aux", "nsubjpass") and c.i not in label for c in verb.children):
        return False
    # "Please ask GP to review" is an instruction too
    words = [t for t in before if not (t.is_punct or t.like_num or t.lower_ == "please")]
    if words and not is_label:
        return False
    following = verb.doc[verb.i + 1 : verb.i + 4]
    return not (verb.lower_ in CHANNEL_NOUNS and any(t.pos_ == "ADP" for t in following))
