"""Where an evaluative word stands in its sentence: said of someone, or just used.

"He is manipulative" predicates the label of a person; "a difficult
conversation" and "she finds it difficult to ..." do not. Only predicative
uses ("X is/was/seemed/presented as WORD", a verbless "WORD on the phone.")
count as judging someone or something.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml, word_classes
from recordcheck.language.clauses import spaced_dash, statement_of
from recordcheck.language.people import people_words
from recordcheck.language.scope import Scope

PREDICATE_DEPS = {"acomp", "attr", "oprd"}
# "Pt v unkempt.", "Obs fine.": shorthand the parser cannot read; up to this many words
SHORTHAND_WORDS = 5
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# what parts the items of a shorthand list: "CD calm, apologised", "Mum upset - said ..."
ITEM_SUBJECT_POS = {"PROPN", "NOUN", "PRON", "ADV", "ADJ", "DET"}
ITEM_BREAKS = {",", "-", "\u2013", "\u2014", ":", ";", "(", ")"}
WORD_CLASSES = word_classes(package_toml(__package__, "terms.toml"))
# "She's ok with that": plain acceptance of what was just proposed tells no feeling
ACCEPTANCE_WORDS = WORD_CLASSES["acceptance_words"]
WHAT_WAS_PROPOSED = WORD_CLASSES["what_was_proposed"]
MANNER_VERBS = WORD_CLASSES["manner_verbs"]
# what may stand beside a bare verdict of absence: "No concerns at all."
BARE_COMPANIONS = WORD_CLASSES["bare_companions"]
# "lying down", "lying on the sofa": where a body is, not a falsehood
POSTURE_WORDS = WORD_CLASSES["posture_words"]
# "stank of cannabis": a smell named is what the writer smelled
SMELL_WORDS = WORD_CLASSES["smell_words"]
# "paranoid schizophrenia": a label on a condition names the condition
CONDITION_NOUNS = WORD_CLASSES["condition_nouns"]
# "nice to see", "good to hear": what the writer's reaction is to
REACTION_VERBS = WORD_CLASSES["reaction_verbs"]
# the writer: "I was worried" is the writer's own state
FIRST_PERSON = WORD_CLASSES["first_person"]
# "I was clear this ...", "made clear": said plainly
PLAINLY_SAID = WORD_CLASSES["plainly_said"]
# what a statutory assessment concludes on: "I consider Kieran has capacity for this decision"
ASSESSMENT_FINDINGS = WORD_CLASSES["assessment_findings"]
# feelings only a person has ("pleased", "happy"): "happy to see mum" may be the child's
FEELINGS = word_classes(package_toml(__package__, "states.toml"))["inner_states"]
# nouns that name a person: "a caring mum", "a controlling partner", "a difficult child"
PERSON_NOUNS = (
    frozenset(word_classes(package_toml(__package__, "states.toml"))["person_nouns"])
    | people_words().relations
    | people_words().roles
)


@dataclass(frozen=True)
class Use:
    """How an evaluative word is used: as a predicate or a modifier, and of what."""

    predicative: bool
    subject: Token | None  # what the word is said of, when the parse shows it


def use_of(token: Token, shorthand: bool = True) -> Use:
    """How the word is used; with shorthand=False, verbless lines are not read as predicates
    (for unlisted words, where "No UTIs per DN" would otherwise judge "UTIs")."""
    dep, head = token.dep_, token.head
    if dep == "conj" and head.i != token.i:
        return use_of(head, shorthand)
    own_subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if dep in PREDICATE_DEPS or (dep in ("ccomp", "xcomp") and token.pos_ == "ADJ"):
        return Use(True, own_subject or Scope.subject_of(head))
    if dep == "ROOT":
        # "had drunk half a bottle": a verb with its object, not a description
        acts_as_verb = any(
            c.dep_ == "dobj" or (c.dep_ == "aux" and c.lemma_.lower() == "have")
            for c in token.children
        )
        return Use(not acts_as_verb, Scope.subject_of(token))
    if dep == "amod" and head.lower_ == "as":
        return Use(True, Scope.subject_of(head.head))
    if dep == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in MANNER_VERBS:
        return Use(True, Scope.subject_of(head.head))
    if dep == "advmod" and head.lemma_.lower() in MANNER_VERBS:
        return Use(True, Scope.subject_of(head))
    if dep in ("advmod", "appos") and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN"):
        return Use(True, head)  # verbless "Ada very poorly this morning", "mum v defensive"
    if dep == "advcl" and token.pos_ == "ADJ":
        return Use(True, Scope.subject_of(head))  # "came back happy", "left upset"
    if dep in ("amod", "compound"):
        if head.dep_ in PREDICATE_DEPS:
            return Use(True, Scope.subject_of(head.head))
        if head.dep_ == "pobj" and use_of(head, shorthand).predicative:
            return use_of(head, shorthand)  # "presents as a happy, confident girl"
        if head.dep_ == "ROOT":
            return Use(True, head)
        in_shorthand = _shorthand_use(token) if shorthand else Use(False, None)
        return in_shorthand if in_shorthand.predicative else Use(False, head)
    return _shorthand_use(token) if shorthand else Use(False, None)


def _shorthand_use(token: Token) -> Use:
    """In a verbless shorthand line ("Pt v unkempt.", "Obs fine after.") the word is said
    of the line's first word, however the parser mislabelled it. A log line is often a
    list of such items ("CD calm, apologised for the fire"; "Mum upset but supportive -
    said ..."): the item the word stands in is read the same way."""
    statement = statement_of(token)
    item = _words(item_of(token, statement))
    # an item is a verdict when it ends on the word and opens on what it is said of:
    # "sats fine", but not "healing well", "mild fine tremor", "£50 fine"
    verdict_item = item[-1].i == token.i and item[0].pos_ in ITEM_SUBJECT_POS
    for words in (_words(statement), item if verdict_item else []):
        if not words or len(words) > SHORTHAND_WORDS or words[0].i == token.i:
            continue
        if not any(t.pos_ == "AUX" or t.tag_ in FINITE_TAGS for t in words[1:]):
            return Use(True, words[0])
    return Use(False, None)


def _words(span: Span) -> list[Token]:
    return [t for t in span if not (t.is_punct or t.is_space)]


def item_of(token: Token, statement: Span | None = None) -> Span:
    """The stretch of a list the token stands in, between commas, dashes or colons."""
    doc = token.doc
    statement = statement or statement_of(token)
    start, end = token.i, token.i + 1
    while start > statement.start and doc[start - 1].text not in ITEM_BREAKS:
        start -= 1
    while end < statement.end and doc[end].text not in ITEM_BREAKS:
        end += 1
    return doc[start:end]


def stands_alone(match: Span) -> bool:
    """ "Settled, no concerns." is a verdict with nothing observed. "Police checks - no
    concerns", "no concerns raised by family", "No concerns about home conditions" name
    the check, the source or the matter looked at: the outcome of a particular enquiry,
    recorded as such. So does a line that opens on its matter and lists what was found
    ("Chest - mild URTI, no concerns"; "New baby: well, HV involved, no concerns")."""
    if _line_names_its_matter(match):
        return False
    return all(
        t.is_punct or t.is_space or t.lower_ in BARE_COMPANIONS or match.start <= t.i < match.end
        for t in match.doc[_line_item_start(match) : item_of(match.root).end]
    )


def _line_item_start(match: Span) -> int:
    """Where the match's list item starts; a label before a dash or colon ("Health: no
    concerns") belongs to it, as the matter the outcome is about."""
    item = item_of(match.root)
    before = match.doc[item.start - 1] if item.start > match.sent.start else None
    if before is not None and before.text in ("-", ":", "\u2013") and item.start - 1 > 0:
        return item_of(match.doc[item.start - 2]).start
    return item.start


def _line_names_its_matter(match: Span) -> bool:
    """The match's line opens on a label in words, then a colon or a spaced dash: "Evie
    Y1 - fine, ...". A clock time ("02:00 - checked, ...") is the log's stamp, no matter."""
    statement = statement_of(match.root)
    words: list[Token] = []
    for token in match.doc[statement.start : match.start]:
        label_ends = token.text == ":" or spaced_dash(token)
        if label_ends and words:
            return any(t.is_alpha for t in words)
        if not (token.is_punct or token.is_space):
            words.append(token)
    return False


def describes_posture(match: Span) -> bool:
    """ "She was lying down with her eyes shut", "lying on the sofa": the verb places a
    body; only "lying" with nothing of the kind ("she was lying", "lying to staff") is
    said of the truth."""
    return any(
        c.lower_ in POSTURE_WORDS and c.dep_ in ("prt", "prep", "advmod")
        for t in match
        if t.lemma_.lower() == "lie"
        for c in t.children
    )


def agrees_to_arrangement(child: Token, verdict: Token) -> bool:
    """ "happy with the plan", "fine with an extra blanket", "agreeable to the change",
    "She's ok with that": someone's answer to what was proposed; the object is a thing, not
    a pronoun or a name ("happy with him"), or, after a word of plain acceptance ("ok",
    "fine"), "this", "that" or "it" pointing back to what was just proposed ("happy with
    this" still tells a feeling, and the corpus flags it). A person named by a common noun
    ("her carers") is read as a thing: the parse cannot tell them apart."""
    if child.dep_ != "prep" or child.lower_ not in ("with", "to"):
        return False
    objects = [o for o in child.children if o.dep_ in ("pobj", "pcomp")]
    accepts = verdict.lower_ in ACCEPTANCE_WORDS
    return bool(objects) and all(
        o.pos_ in ("NOUN", "VERB") or (accepts and o.lower_ in WHAT_WAS_PROPOSED)
        for o in objects
    )


def names_a_condition(token: Token) -> bool:
    """ "File alert: paranoid schizophrenia", "Delusional disorder diagnosed 2009": the word
    is part of a diagnosis's name, a matter of record, not a label of the person."""
    return token.dep_ in ("amod", "compound") and token.head.lemma_.lower() in CONDITION_NOUNS


def is_praise_formula(token: Token) -> bool:
    """ "Well done Bobby.", "well done, protect that relationship": praise given, as
    "thank you" is thanks, not a description of anything. ("Dressing done well" and "the
    task was done well" describe how something was done: a subject or the word order says.)"""
    if token.lower_ != "well" or token.i + 1 >= len(token.doc):
        return False
    done = token.nbor(1)
    return (
        done.lower_ == "done"
        and done.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in done.children)
    )


def writers_own_reaction(token: Token) -> bool:
    """ "Nice to see.", "Good to see her", "Really pleased for them": a verdict or feeling
    that opens its line with no subject, on something seen or heard or for someone else.
    Its clipped subject is the writer ("(it was) good to see her", "(I am) pleased for
    him"), whose own reaction is no claim about anyone, as "I was worried" is not. A
    feeling on seeing someone ("Happy to see mum") may be the child's, so only a verdict
    no person feels is read so before "to see"; no one is pleased "for" themselves."""
    # the line, or an item of it after a comma ("Persistent work, good to see it paid off")
    opens = any(
        all(t.pos_ == "ADV" or t.is_punct or t.is_space for t in token.doc[start : token.i])
        for start in (statement_of(token).start, item_of(token).start)
    )
    if not opens or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    reacts_to = [
        verb
        for verb in [*token.children, token.head]
        if verb.lemma_.lower() in REACTION_VERBS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ]
    if reacts_to and token.lower_ not in FEELINGS:
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(o.dep_ == "pobj" and o.pos_ in ("PRON", "PROPN") for o in c.children)
        for c in token.children
    )


def said_of_writer(token: Token) -> bool:
    """ "I am absolutely shattered", "im knackered but ok", "We were worried": a state or
    verdict whose subject is the writer is the writer's own, no claim about anyone. A word
    that holds a clause ("I'm sure he'll do it again", "I am worried that she ...") gives
    the writer's view of what the clause says, a judgement as "I think" is, judged as one."""
    subject = use_of(token, shorthand=False).subject or Scope.subject_of(token)
    if subject is None or subject.lower_ not in FIRST_PERSON:
        return False
    # "I was clear this is not about him": what the writer made plain, a record of a saying
    holders = [token, token.head] if token.dep_ in ("acomp", "oprd") else [token]
    holds_a_clause = any(
        c.dep_ == "ccomp" and c.i > token.i for holder in holders for c in holder.children
    )
    return not holds_a_clause or token.lower_ in PLAINLY_SAID


def heads_a_section(word: Token) -> bool:
    """ "Analysis: Loving, committed father.": a word before a colon heads what follows;
    a shorthand line read from its first word takes it for the subject, which it is not."""
    return word.i + 1 < len(word.doc) and word.nbor(1).text == ":"


def judges_a_matter(token: Token, matters: frozenset[str]) -> bool:
    """ "Referral appropriate.", "Safeguarding referral appropriate.", "Good physical
    skills.", "Cheekbone x-ray ok": in a verbless line the noun just before the verdict,
    within its item of a list (after any heading and its colon), heads what it is said
    of, however the parser hung the words; the service's own work, an area of a child's
    development or what a clinical check examines is no one's character."""
    sent = token.sent
    if any(t.pos_ == "AUX" or t.tag_ in FINITE_TAGS - {"MD"} for t in sent):
        return False
    doc = sent.doc
    breaks = [t.i for t in sent if t.text in ITEM_BREAKS]
    start = max([i + 1 for i in breaks if i < token.i] or [sent.start])
    end = min([i for i in breaks if i > token.i] or [sent.end])
    # the word nearest before the verdict in its item that can name a thing ("Dental ok",
    # "Bloods 9/10 all fine"), else the first noun after it ("Good fetal movements") that
    # no preposition sets apart: "Rude during ECG" is said of a person, at a time
    before = [t for t in doc[start : token.i] if t.pos_ in ("NOUN", "PROPN", "ADJ")]
    following = doc[token.i + 1 : end]
    set_apart = next((t.i for t in following if t.pos_ == "ADP"), end)
    after = [t for t in doc[token.i + 1 : set_apart] if t.pos_ in ("NOUN", "PROPN")]
    named = before[-1:] if before else after[:1]
    return any(not _word_forms(t).isdisjoint(matters) for t in named)


def _word_forms(token: Token) -> set[str]:
    """The token as written and as its lemma, and a hyphenated word whole ("x-ray")."""
    forms = {token.lower_, token.lemma_.lower()}
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-":
        forms.add(doc[token.i - 2 : token.i + 1].text.lower())
    return forms


def names_a_person(word: Token) -> bool:
    """ "a controlling man", "Mum", "she": the word a label is said of names a person. A
    label on anything else names a kind of thing ("a caring role", "Safer Caring
    refresher", "controlling behaviour"), not a verdict on someone."""
    return (
        word.pos_ in ("PROPN", "PRON")
        or word.lower_ in PERSON_NOUNS
        or word.lemma_.lower() in PERSON_NOUNS
    )


def names_a_smell(match: Span) -> bool:
    """ "The flat stank of cannabis", "reeked of urine": the smell is named, which is what
    the writer sensed; "the flat stank" alone says only that it was bad."""
    return any(
        t.lower_ in SMELL_WORDS
        and any(c.dep_ == "prep" and c.lower_ == "of" and list(c.children) for c in t.children)
        for t in match
    )


def concludes_an_assessment(token: Token) -> bool:
    """ "I consider Kieran has capacity for this decision", "I am satisfied that Brenda has
    capacity", "lacks capacity to consent - doesn't understand ...": a sentence on someone's
    capacity records the outcome of the Mental Capacity Act's functional test (understand,
    retain, weigh, communicate), a recognised assessment, as a mental state examination's
    items are (sections.py); it is not a view given in passing."""
    return any(t.lower_ in ASSESSMENT_FINDINGS for t in statement_of(token))
