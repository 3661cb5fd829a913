"""A verdict followed by the behaviour it rests on: "He was happy, flapping his hands".

Recording standard, "Check `opinion`": a view is fine when its observable basis
is given in the same sentence or the next. Writers very often give a short
verdict and then what they saw or heard: "He was happy, flapping his hands and
smiling", "Good mood, playing on his console", "In good spirits, chatting
about her garden". No word list can name every
behaviour; the parse can: a clause after the verdict whose verb is an action
(not a linking, feeling, wanting or saying verb), said of the same person (no
subject of its own, or the verdict's subject again, or a pronoun), is what was
seen. "Settled, meds given" does not count: the meds are not the person.

Only the verdict's own sentence is read for behaviour. The next sentence was
measured too (writers-dev): it removed as many true findings as false ones,
because the next sentence of a log is most often the next event ("Rhys looked
well. Went through licence conditions and he signed them"). What does carry
from the next sentence is the person quoted (they_speak_next): "Karen was angry
and upset. She said 'I told you all this would happen'."
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml, word_classes
from recordcheck.language.clauses import is_run_on, statement_of
from recordcheck.language.scope import Scope

WORD_CLASSES = word_classes(package_toml(__package__, "terms.toml"))
# verbs that state a feeling, a wish or a link rather than an action anyone could see
NOT_BEHAVIOUR = WORD_CLASSES["not_behaviour_verbs"]
PERSONAL_PRONOUNS = WORD_CLASSES["personal_pronouns"]
# clause heads after a verdict: a coordinated, side or participle clause
CLAUSE_DEPS = {"conj", "advcl", "parataxis", "xcomp", "acl", "ccomp", "ROOT"}
# negations and modals: what did not or will happen was not seen
UNREAL = WORD_CLASSES["unreal_markers"]


def behaviour_follows(verdict: Span, subject: Token | None, speech: frozenset[str]) -> bool:
    """After the verdict, in its own sentence, a clause records what the same person did.
    What they said (`speech` verbs) is not counted: "She was happy and told me Arthur is
    coming home" reports news, not what the writer saw of her mood."""
    rest = verdict.doc[verdict.end : statement_of(verdict.root).end]
    return any(_records_behaviour(t, subject, verdict, speech) for t in rest)


def their_words_follow(match: Span, quoted: list[tuple[int, int]], reach: int) -> bool:
    """ "He was a bit defensive, he said 'it's my money'", "She's fine, 'glad it's sorted'":
    a quotation after the verdict, in its sentence, gives the words that were heard, which
    is what the standard asks a view to rest on. In a run-on, only a quotation within
    `reach` words of the verdict is its basis. (A quotation in the next sentence was
    measured on writers-dev too: it removed more true findings than false ones.)"""
    statement = statement_of(match.root)
    end = statement.end
    if is_run_on(statement):
        end = min(end, match.end + reach)
    limit = match.doc[end - 1].idx + len(match.doc[end - 1])
    return any(match.end_char <= start < limit for start, _ in quoted)


def _records_behaviour(
    token: Token, subject: Token | None, verdict: Span, speech: frozenset[str]
) -> bool:
    if (
        token.pos_ != "VERB"
        or token.dep_ not in CLAUSE_DEPS
        or verdict.start <= token.i < verdict.end
    ):
        return False
    lemma = token.lemma_.lower()
    if lemma in NOT_BEHAVIOUR or lemma in speech or _passive(token) or _adjectival(token):
        return False
    if any(c.dep_ in ("neg", "aux") and c.lower_ in UNREAL for c in token.children):
        return False  # "didn't say", "will ring": nothing was seen
    if token.dep_ == "conj" and verdict.start <= token.head.i < verdict.end:
        return False  # "happy and relaxed with us": one more state in the verdict's list
    if any(c.dep_ in ("acomp", "attr", "oprd") for c in token.children):
        return False  # "went quiet", "got upset": another verdict, not behaviour
    own = Scope.subject_of(token)
    # "happy, showed me her toys": a clause with no subject of its own is the verdict's; so
    # is one whose subject the parser found in the verdict itself ("pt unhappy, swore, hung
    # up", the state read as who hung up)
    in_verdict = own is not None and verdict.start <= own.i < verdict.end
    return own is None or in_verdict or _same_person(own, subject)


def _adjectival(token: Token) -> bool:
    """ "happy and relaxed with us", "Settled, meds given": a past participle with no
    "have" describes a state (or what was done to someone), not an action of theirs."""
    return token.tag_ == "VBN" and not any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children
    )


def _passive(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def _same_person(own: Token, subject: Token | None) -> bool:
    if own.lower_ in PERSONAL_PRONOUNS:
        return subject is None or subject.lower_ in PERSONAL_PRONOUNS or subject.pos_ == "PROPN"
    return subject is not None and own.lower_ == subject.lower_


def they_speak_next(statement: Span, subject: Token | None, speech: frozenset[str]) -> bool:
    """ "Karen was angry and upset. She said 'I told you all this would happen'": the next
    sentence opens on the same person saying something and quotes them, the words that
    were heard, the basis the standard allows in the sentence next to it. The same person
    is no subject before "said" ("Said ..."; a bare "Told her ..." is the writer's clipped
    voice), "he" or "she", or the state's subject again; someone else's words ("Janet is
    worried. Sophie said ...") are not that person's. Without a quote the next sentence is
    as often news ("He got upset. He said he pulls her up by the arm") as what was heard."""
    doc = statement.doc
    if statement.end >= len(doc):
        return False
    following = statement_of(doc[statement.end])
    opening = [t for t in following[:4] if not t.is_punct]
    saying = next((t for t in opening if t.pos_ == "VERB" and t.lemma_.lower() in speech), None)
    if saying is None or saying.i > following.start + 2:
        return False
    quote_end = following[-1].idx + len(following[-1])
    if not any(saying.idx < start < quote_end for start, _ in Scope.quoted_ranges(doc)):
        return False
    speaker = Scope.subject_of(saying)
    if speaker is None:
        return saying.i == opening[0].i and saying.lemma_.lower() == "say"
    if subject is not None and subject.lower_ in ("he", "she"):
        return speaker.lower_ == subject.lower_  # "She was angry. He said ...": not hers
    return speaker.lower_ in ("he", "she") or (
        subject is not None and speaker.lower_ == subject.lower_
    )
