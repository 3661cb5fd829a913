"""Has the sharing happened yet? Planned, conditional or negated sharing has not.

"Will refer to ASC", "Agreed: referral to the hub", "Next steps: refer for
counselling", "3. Refer to the crisis team", "share with MARAC if Dean returns" and
"did not inform school" record no
disclosure, so the direction test skips such a verb. A plan word governs the rest
of its line only: bulleted lines often parse as one sentence, and a plan on one
line says nothing about the next. An item of a list under a plan heading ("Plan: /
3. Referral to psychology") is planned unless recorded as done, as the contact
events read it (plans.py); an act inside "someone to do" ("Dr Sandhu to let Chloe
know referral has been made") is someone's plan.
"""

from __future__ import annotations

from spacy.tokens import Span

from recordcheck.events.plans import holds_tasks, plan_heading_over
from recordcheck.events.sharing_words import WORD_CLASSES
from recordcheck.language.clauses import PAST_TAGS, line_start
from recordcheck.language.scope import Scope

NOT_YET = WORD_CLASSES["not_yet"]
PLANNING_MODALS = WORD_CLASSES["planning_modals"]  # "will", "'ll", "shall": the future only
NOT_YET_WINDOW = 3  # tokens before the verb
# earlier in the sentence, these make the sharing an agreement or a plan: "Agreed: referral to ..."
PLANNING = WORD_CLASSES["planning"]
# "Next steps: refer for ...", but not "Steps taken: referred ..."
PLAN_HEADINGS = {("next", "steps"), ("next", "step")}
# past forms the tagger may read as bare verbs, and bare forms that are also past forms
PAST_FORMS = WORD_CLASSES["past_forms"]
# the links by which "someone to do" heads its line: the line itself, or a clause on a noun
PLAN_CLAUSES = ("ROOT", "relcl", "parataxis")
# how the doer of "someone to do" hangs on it: a subject, or a word of one
DOER_LINKS = ("nsubj", "nsubjpass", "compound", "npadvmod", "poss")


def not_yet(match: Span, scope: Scope) -> bool:
    """Planned, conditional or negated sharing has not happened."""
    doc = match.doc
    line = line_start(match)
    before = doc[max(line, match.start - NOT_YET_WINDOW) : match.start]
    if any(t.lower_ in NOT_YET for t in before):
        return True
    if any(t.lower_ in PLANNING for t in doc[line : match.start]):
        return True
    if any((t.lower_, t.nbor().lower_) in PLAN_HEADINGS for t in doc[line : match.start - 1]):
        return True
    if _opens_an_action_item(match, line) or _still_to_be_done(match.root):
        return True
    if _inside_a_plan(match.root):
        return True
    # "Plan: / 3. Referral to psychology": an item of a list of plans, as the contact events
    # read it (plans.py), unless recorded as done ("Actions: / - Informed the Hub")
    heading = plan_heading_over(match.sent, before=match.start_char)
    if heading and (holds_tasks(heading) or not _recorded_as_done(match.root)):
        return True
    if match.root.tag_ in PAST_TAGS:
        return False
    return (
        scope.hypothetical(match.root)
        or _on_a_condition(match.root, scope)
        or _joined_to_a_plan(match.root)
    )


def _joined_to_a_plan(word) -> bool:
    """ "I will share it with MASH, inform the GP and update the HV": a bare verb joined to
    one with a modal of the future ("will", "'ll", "shall") shares it. Not "would", "must" or
    "should", which tell of habits and of what was done then ("Every visit I would ring her
    daughter and update her"), nor infinitive "to" ("Had to ring 999 and tell them" was done);
    the climb stops at the first verb that is not bare ("... so rang the police and inform
    them"), once its own modal is asked for."""
    if word.tag_ != "VB":
        return False
    while word.dep_ == "conj" and word.head.i != word.i:
        word = word.head  # "share X, inform Y and update Z": back to the first verb
        if any(
            c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in PLANNING_MODALS
            for c in word.children
        ):
            return True
        if word.tag_ != "VB":
            return False
    return False


def _inside_a_plan(word) -> bool:
    """ "Dr Sandhu to let Chloe know referral has been made", "GP appt to be booked and
    referral to CAMHS to be discussed": an act inside a clause headed "someone to do"
    is a plan; not an infinitive of purpose hung on what was done ("Rang the ward to ask"),
    nor the act that names the doer ("Rang Hillside Lifeline to let them know", which the
    parser reads as "Lifeline to let")."""
    child = word
    for node in word.ancestors:
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return node.dep_ in PLAN_CLAUSES and child.dep_ not in DOER_LINKS
        child = node
    return False


def _recorded_as_done(word) -> bool:
    """ "Informed the Hub", "referral made", "Falls referral sent": a past form on the act, or
    on the verb a noun act hangs on; a bare "Referral to psychology" is not."""
    verbs = [word, *(c for c in word.children if c.dep_ in ("acl", "relcl"))]
    if word.dep_ in ("nsubj", "nsubjpass", "dobj"):
        verbs.append(word.head)
    return any(v.tag_ in PAST_TAGS for v in verbs)


def _on_a_condition(verb, scope: Scope) -> bool:
    """ "share with MARAC if Dean returns": a condition hung on the verb itself (a done
    "Informed school, if any issues ..." is past and never asked)."""
    marks = scope.words["condition_marks"]
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        for c in verb.children
    )


def _opens_an_action_item(match: Span, line: int) -> bool:
    """ "3. Refer to CRHTT", "- Inform the school": a bare verb opening a line is a to-do."""
    verb = match.root
    if verb.tag_ != "VB" or verb.i != match.start:
        return False
    # the tagger takes a telegraphic "Gave both." for a bare verb; "Let nursery know ..."
    # is as often done as to do
    return not (verb.lower_.endswith("ed") or verb.lower_ in PAST_FORMS) and _marker_only(
        match, line
    )


def _marker_only(match: Span, line: int) -> bool:
    """Nothing but a list marker ("3.", "-") between the line's start and the verb."""
    marker = match.doc[line : match.start]
    return all(t.is_punct or t.like_num or t.is_space for t in marker)


def _still_to_be_done(act) -> bool:
    """ "Children's referral to be reconsidered if ...", "referral to be made": an act named
    with an infinitive on it is still to do."""
    if act.pos_ not in ("NOUN", "PROPN"):
        return False
    verbs = [c for c in act.children if c.dep_ == "acl"]
    if act.dep_ in ("nsubj", "nsubjpass"):
        verbs.append(act.head)  # "referral to be reconsidered" parsed as a clause of its own
    return any(
        any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in verb.children)
        for verb in verbs
    )
