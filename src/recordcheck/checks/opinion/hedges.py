"""Hedges: which guesses are recorded as fact.

Recording standard, "Check `opinion`": hedged guesses presented as record ("Mum
seemed drunk", "It looks like the money is being taken") are flagged unless their
basis is given. Many uses of the same words are no guess about a person: an
estimate of a thing ("likely UTI", "MARAC likely 13/03"), a duty ("must have a
nurse present"), a thing likened to a thing ("what looked like roach ends"),
touching ("I felt her forehead"). claims.py asks this module whether a hedge is
used as a claim, and which words it puts in doubt.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml, word_classes

WORD_CLASSES = word_classes(package_toml(__package__, "terms.toml"))
HEDGING_VERBS = WORD_CLASSES["hedging_verbs"]
# what ends the words a hedge puts in doubt: "seemed upset, crying" gives its basis
GUESS_ENDS = {",", ";", ":", "-", "\u2013", "(", "\n"}
# words of probability: on a noun or number they estimate a thing ("likely UTI")
ESTIMATE_WORDS = WORD_CLASSES["estimate_words"]
# what a hedging verb governs when it makes a guess: "seemed upset", "looks like he ..."
GUESS_DEPS = ("xcomp", "oprd", "acomp", "ccomp", "attr", "advcl", "prep", "advmod", "dobj")
# what a recommendation turns on: "I think he needs a swallow assessment", "I think it
# should go to the panel" propose what is to happen, a plan, not a guess at what is so
RECOMMENDING = WORD_CLASSES["recommending"]
# the writer, whose own doings a thinking may weigh: "I think I was too quick to judge"
FIRST_PERSON = WORD_CLASSES["first_person"]


def hedge_used_as_claim(match: Span, not_people: frozenset[str]) -> bool:
    """Whether the hedge guesses at something, rather than estimating, obliging, likening
    a thing or touching."""
    token = match.root
    if match.label_ == "impressions":
        # "sounded drunk", "looks exhausted"; not "looked at the letter"
        looking_at = any(c.dep_ == "prep" and c.lower_ == "at" for c in token.children)
        return not looking_at and any(_completes_impression(c) for c in token.children)
    if len(match) == 1 and _estimates_a_thing(token):
        return False
    if _recommends(token):
        return False
    if match[0].lower_ == "must" and not _deduces(match):
        return False
    if _likens_a_thing(match, not_people):
        return False
    if token.lemma_.lower() == "feel":
        # "I felt her forehead": touching, not thinking
        return not any(c.dep_ == "dobj" for c in token.children)
    if token.lemma_.lower() in HEDGING_VERBS:
        return any(c.dep_ in GUESS_DEPS for c in token.children)
    return True


def _likens_a_thing(match: Span, not_people: frozenset[str]) -> bool:
    """ "It looks like fingers and thumb", "what looked like roach ends": a thing likened
    to another thing is how it looked. A person likened ("he looks like a user") and a
    clause after "like" ("it looks like he hit her") stay guesses."""
    likes = [t for t in match if t.lower_ == "like"]
    verb = match.root
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        bool(likes)
        and subject is not None
        and subject.lower_ in not_people
        and any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in likes[0].children)
    )


def guessed(match: Span) -> frozenset[int]:
    """The words a hedge puts in doubt: what "probably" or "maybe" qualifies ("he probably
    hit her", "the bruise probably came from a fall"), or the clause "looks like", "seems
    as if" or "appears that" opens ("it looks like he hit her"), up to the first comma.
    An observation among them is the guess itself; one after the comma ("seemed upset,
    crying") is its basis."""
    token = match.root
    if len(match) == 1 and token.dep_ == "advmod" and token.head.pos_ == "VERB":
        governed = [token.head]
    elif token.lemma_.lower() in HEDGING_VERBS:
        governed = [
            c for c in token.children if c.dep_ in ("ccomp", "advcl") and c.i >= match.end
        ]
    else:
        return frozenset()
    doc = match.doc
    words = {t.i for verb in governed for t in verb.subtree}
    end = match.end
    while end < len(doc) and end in words | {match.end} and doc[end].text not in GUESS_ENDS:
        end += 1
    return frozenset(i for i in words if match.end <= i < end)


def _recommends(verb: Token) -> bool:
    """ "I think he needs a swallow assessment", "we feel it should be now": the thinking
    governs what is needed or should happen, the writer's proposal, which the standard
    reads as a plan; "I think I was too quick to judge": the writer's reflection on their
    own work. ("I think he is scared" guesses at what is so of someone.)"""
    return any(
        clause.dep_ == "ccomp"
        and clause.i > verb.i
        and (
            clause.lemma_.lower() in RECOMMENDING
            or any(c.dep_ == "aux" and c.lower_ in RECOMMENDING for c in clause.children)
            or any(
                c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in clause.children
            )
        )
        for clause in verb.children
    )


def _estimates_a_thing(token: Token) -> bool:
    """ "Likely UTI", "likely vascular dementia", "MARAC likely 13/03", "maybe early 20s":
    a word of probability on a noun or a number names a working diagnosis, an expected
    outcome, a date or an age, as estimates are written; it says nothing of what a person
    is, thinks or did. On a verb or an adjective ("he probably hit her", "probably drunk")
    it is a guess recorded as fact."""
    return (
        token.lower_ in ESTIMATE_WORDS
        and token.dep_ in ("amod", "advmod")
        and token.head.i != token.i
        and token.head.pos_ in ("NOUN", "PROPN", "NUM")
    )


def _deduces(match: Span) -> bool:
    """ "He must have fallen" guesses; "must have a nurse present" lays down what is to
    happen: a past participle after "have" tells them apart. ("Must be supervised" and
    "must be exhausted" parse alike, so "must be" stays a guess.)"""
    if match[-1].lemma_.lower() != "have":
        return True
    after = next((t for t in match.doc[match.end :] if t.pos_ != "ADV"), None)
    return after is not None and after.tag_ == "VBN"


def _completes_impression(child: Token) -> bool:
    """The adjective after "looked", "sounded", however the parser attached it: "sounded
    low" (advmod), "sounded tipsy" (a lower-case word it took for a name and an object)."""
    if child.dep_ in ("acomp", "oprd", "xcomp"):
        return True
    misread = child.pos_ == "ADJ" or (child.pos_ == "PROPN" and child.is_lower)
    return child.dep_ in ("advmod", "dobj", "npadvmod") and misread
