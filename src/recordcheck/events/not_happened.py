"""Grammar that keeps a cue word from recording an event that happened.

cues.SignificantCues asks these of each harm, incident or disclosure cue, beside
its own tests of negation, plans and history. Each is a reading English
grammar gives, not one writer's wording:

- the cue hangs under a noun that "no" denies: "No evidence she caused injury",
  "no sign that he hit her";
- the harm is said to be gone: "old bruises are gone", "the marks have disappeared";
- the cue is a habit or a count, not one event: "mostly grabbing when plans
  change", "frequent falls", "any bruise in a baby";
- the cue is what someone admits or denies in interview, an offence named:
  "Admits push", "denies assault";
- the words told come before the telling verb without quotation marks, so they
  are the writer's narrative, not what was said: "came down with a knife, said ...";
- the writer explains or advises: "explained it is for police to decide what is
  disclosed", "explained that any bruise in a baby needs a hospital check".

Word lists: significant.toml ([grammar]).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.language.clauses import ends_statement

WORDS = {key: frozenset(values) for key, values in
         package_toml(__package__, "significant.toml")["grammar"].items()}
# relations a cue's words may hang by under the noun "no" denies; not across a new
# clause joined by "and", a colon or a comma ("No answer, so police called")
UNDER_A_NOUN = frozenset({
    "dobj", "pobj", "prep", "relcl", "acl", "ccomp", "nsubj", "nsubjpass", "compound",
    "amod", "xcomp", "mark", "attr", "poss", "nmod",
    "pcomp",  # a gerund after "of" or "about": "No thoughts of hurting himself since"
})
# the prepositions whose gerund is what the denied noun is of; not "No injuries after
# hitting her head", "No contact since punching his brother"
CONTENT_PREPOSITIONS = frozenset({"of", "about"})
# "If any plan/intent or injury - A&E": a cue after one of these, in the same stretch of
# words, is only a possibility, even where no verb carries the condition
CONDITION_WORDS = frozenset({"if", "unless", "whether"})
# where a condition's words end when no verb says so
STRETCH_ENDS = frozenset({";", ":", ",", "-", "–", "—"})
# "kicked off", "threw out", "fell behind": a particle makes a cue verb something else
PARTICLES = frozenset({"out", "off", "away", "over", "through", "behind", "asleep"})
SUBJECTS = ("nsubj", "nsubjpass")
OBJECTS = ("dobj", "attr")


def denied_by_a_noun(root: Token) -> bool:
    """Under a noun that "no" denies, or with one for subject: "No evidence she caused
    injury", "No physical violence disclosed"."""
    if any(
        c.dep_ in SUBJECTS and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in root.children
    ):
        return True
    node = root
    while node.head.i != node.i and node.dep_ in UNDER_A_NOUN:
        if node.dep_ == "pcomp" and node.head.lower_ not in CONTENT_PREPOSITIONS:
            return False
        node = node.head
        if node.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ in ("det", "neg") and c.lower_ == "no" for c in node.children
        ):
            return True
    return False


def said_to_be_gone(root: Token) -> bool:
    """ "old bruises are gone", "the marks have disappeared": harm no longer there."""
    if root.dep_ not in SUBJECTS:
        return False
    verb = root.head
    gone = WORDS["gone_words"]
    return verb.lower_ in gone or any(
        c.dep_ in ("acomp", "advmod", "attr") and c.lower_ in gone for c in verb.children
    )


def escalated_to_someone(root: Token) -> bool:
    """ "escalated by RM to regional", "escalated to the TM": a concern passed up a line
    of management, not a change in risk; "risk escalated to high" is one."""
    if root.lemma_.lower() != "escalate":
        return False
    levels = WORDS["risk_levels"]
    targets = [o for c in root.children if c.lower_ in ("to", "by") for o in c.children]
    subjects = [c for c in root.children if c.dep_ in SUBJECTS]
    return bool(targets) and not any(
        t.lower_ in levels or t.lemma_.lower() == "risk" for t in [*targets, *subjects]
    )


def a_count(root: Token, kind: str) -> bool:
    """Events counted, not one of them: "3 open S42 enquiries", "2 seizures", "Seizures
    since discharge: 2 in 5 weeks", "injuries since April". A count of harm found now
    is still harm ("4 new cuts L forearm"), but not harm counted since a time."""
    noun = root.head if root.dep_ in ("amod", "compound") else root
    if noun.tag_ != "NNS":
        return False
    since = any(c.dep_ == "prep" and c.lower_ == "since" for c in noun.children)
    counted = any(c.dep_ == "nummod" for c in noun.children)
    return since or (counted and kind != "harm")


def to_be_excluded(root: Token) -> bool:
    """ "NAI needs to be excluded", "fracture to be ruled out": a possibility to test."""
    verb = root.head if root.dep_ in SUBJECTS else None
    return verb is not None and any(
        t.lemma_.lower() in WORDS["excluding_verbs"] or t.lower_ in WORDS["excluding_verbs"]
        for t in verb.subtree
        if t.i > root.i
    )


def a_habit(root: Token) -> bool:
    """ "mostly grabbing when things are moved", "frequent falls", "often self-harms"; or
    any such thing, not one: "any bruise in a baby", "every fall"."""
    if any(c.dep_ == "det" and c.lower_ in WORDS["generic_determiners"] for c in root.children):
        return True
    nodes = [root] if root.pos_ in ("VERB", "AUX") else [root, root.head]
    return any(
        (c.dep_ == "advmod" and c.lower_ in WORDS["habit_adverbs"])
        or (c.dep_ == "amod" and c.lower_ in WORDS["habit_adjectives"])
        for node in nodes
        for c in node.children
    )


def an_offence_admitted(match: Span) -> bool:
    """ "Admits push", "denies assault": what a suspect admits or denies names the offence;
    "admitted smacking him", with the one smacked, still records harm."""
    doc, start = match.doc, match.start
    while start > 0 and doc[start - 1].lower_ in ("to", "the", "a", "an", "his", "her"):
        start -= 1
    admission = WORDS["admission_words"]
    # "Admits push" (however parsed), "Denies causing facial bruising"
    admits = (start > 0 and doc[start - 1].lower_ in admission) or any(
        node.lower_ in admission for node in list(match.root.ancestors)[:2]
    )
    return admits and not any(c.dep_ in OBJECTS for c in match.root.children)


def no_fixed_abode(match: Span, statement: Span) -> bool:
    """ "NFA - Sarah rang Housing Options, B&B for a few nights": NFA beside housing words is
    no fixed abode."""
    housing = WORDS["housing_words"]
    return match.text.lower() == "nfa" and any(
        t.lower_ in housing or t.lemma_.lower() in housing for t in statement
    )


def told_before_the_telling(match: Span, telling: Token, quoted: bool) -> bool:
    """The words come before the verb of telling and are not a quotation: the
    writer's own account, which the parser hung under a later "said"."""
    return not quoted and match.end <= telling.i


def explained_by_the_writer(
    root: Token, statement: Span, first_person: frozenset[str]
) -> bool:
    """Under the writer's explaining or advising: "explained it is for police to decide
    what is disclosed", "I advised her that a disclosure may be made"; or in a statement
    that opens with it, however parsed ("Explained MARAC referral goes in ...")."""
    opening = next((t for t in statement if t.is_alpha), None)
    # not "Advised by PC Shah that he was arrested": then the writer was told
    told = opening is not None and opening.i + 1 < len(opening.doc) and (
        opening.nbor(1).lower_ == "by"
    )
    if opening is not None and opening.lower_ in WORDS["explaining_forms"] and not told:
        return True
    for node in root.ancestors:
        if node.lemma_.lower() in WORDS["explaining_verbs"]:
            if any(c.dep_ == "agent" for c in node.children):
                return False  # "advised by PC Shah that ...": someone told the writer
            subject = next((c for c in node.children if c.dep_ in SUBJECTS), None)
            return subject is None or subject.lower_ in first_person
    return False


def in_condition(match: Span, statement: Span) -> bool:
    """After "if", "unless" or "whether" in the same stretch of words: "If any injury - A&E"."""
    for token in reversed(statement.doc[statement.start : match.start]):
        if token.lower_ in CONDITION_WORDS:
            return True
        if token.text in STRETCH_ENDS or ends_statement(token):
            return False
    return False


def is_instruction(verb: Token) -> bool:
    """ "Call 999 if she falls": a bare verb with no subject leading its sentence."""
    return (
        verb.tag_ == "VB"
        and verb.dep_ == "ROOT"
        and not any(child.dep_ in ("nsubj", "nsubjpass", "aux") for child in verb.children)
    )


def has_particle(token: Token) -> bool:
    return token.pos_ == "VERB" and any(
        child.dep_ == "prt" and child.lower_ in PARTICLES for child in token.children
    )
