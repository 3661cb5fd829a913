"""OpinionScope: the shared scope tests, narrowed for the opinion check.

`recordcheck.language.scope.Scope` decides whether a cue is someone else's
words (quoted, reported, hypothetical) and whether a basis is given near it.
Its defaults suit checks that must not flag what a parent or child said; for
opinions they are too generous, hiding the writer's own judgements behind
anything that looks like a report ("was evasive and couldn't answer", "her
account is credible"). This module holds the narrower tests the opinion rules
(claims.py) use in their place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from recordcheck.datafiles import package_toml, word_classes
from recordcheck.language.clauses import is_break, is_run_on, statement_of
from recordcheck.language.matching import TermMatcher
from recordcheck.language.scope import Scope, connective_mark

WORD_CLASSES = word_classes(package_toml(__package__, "terms.toml"))
# verbs of telling beyond the shared speech list: "talked about what ... looks like"
TELLING_VERBS = WORD_CLASSES["telling_verbs"]
# "Mum was clear this was not acceptable", "made clear he is frightened": said plainly
PLAINLY_SAID = WORD_CLASSES["plainly_said"]
# what "per" divides by in a rate ("per week"), where it names no source
RATE_UNITS = WORD_CLASSES["rate_units"]
# the writer's own view: "My view: ...", "our assessment"
OWN_POSSESSIVES = WORD_CLASSES["own_possessives"]
# what a saying governs: its object or the clause it reports
SAID_CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "prep", "pobj", "pcomp", "csubj", "conj"}


class _PhrasesWithoutModals:
    """The scope's phrases, less the evidence word "can" (tins) read off the modal "can't"."""

    def __init__(self, matcher: TermMatcher):
        self.matcher = matcher

    def spans(self, doclike: Doc | Span, longest: bool = True) -> list[Span]:
        return [
            s
            for s in self.matcher.spans(doclike, longest)
            if not (s.label_ == "evidence" and s.root.pos_ == "AUX")
        ]

    def has(self, doclike: Doc | Span, name: str | None = None) -> bool:
        return any(name is None or s.label_ == name for s in self.spans(doclike, False))


class OpinionScope(Scope):
    """The shared scopes, narrowed where they hid the writer's own judgements."""

    def __init__(self, nlp: Language, extra: Mapping[str, Sequence[str]]):
        super().__init__(nlp, extra)
        self.phrases = _PhrasesWithoutModals(self.phrases)

    def basis_nearby(self, sent: Span, before: bool = False) -> bool:
        """The NEXT sentence records an observation or opens with a reason ("This is because").

        The sentence before does not count (`before` is ignored): a guess written after the
        facts still has to say it rests on them. A "because" deep inside the next sentence
        explains that sentence's own claim, not this one.
        """
        doc = sent.doc
        if sent.end >= len(doc):
            return False
        neighbour = doc[sent.end].sent
        return any(
            s.label_ == "evidence" or s.start < neighbour.start + 3
            for s in self.phrases.spans(neighbour)
            if s.label_ in ("evidence", "basis_connectives")
        )

    def basis_follows(
        self, cue_end: int, sent: Span, guessed: frozenset[int] | None = None
    ) -> bool:
        """As the shared test, less the observations that are what a hedge guesses: in "He
        probably hit her" and "It looks like he hit her" the blow is the guess, not its basis."""
        if not guessed:
            return super().basis_follows(cue_end, sent)
        rest = sent.doc[cue_end : sent.end]
        kept = [s for s in self.phrases.spans(rest) if not any(t.i in guessed for t in s)]
        return super().basis_follows(cue_end, sent) and (
            any(s.label_ in ("basis_connectives", "evidence") for s in kept)
            or connective_mark(rest)
        )

    def _attributes_to_other(self, verb: Token) -> bool:
        # "lunch call": only a verb says; "worried", "scared" may think
        if verb.pos_ not in ("VERB", "AUX", "ADJ"):
            return False
        if verb.pos_ != "VERB" and verb.lemma_.lower() in self.words["speech"]:
            return False
        return super()._attributes_to_other(verb)

    def reported(self, token: Token) -> bool:
        """Reported only through a saying or thinking that governs the token, or a side
        clause with its own sayer ("He is lazy, Dad says"); "was evasive and couldn't
        answer", "seemed shifty when asked" and "Ellie's account is credible" are claims."""
        child = token
        for ancestor in token.ancestors:
            if _broken_between(token, ancestor) or self._judges_the_account(token, ancestor):
                return False
            if self._run_on_clause(child, ancestor):
                return False
            fronted = child.i < ancestor.i and _says_something_else(ancestor)
            if self._attributes_to_other(ancestor) and not fronted:
                return True
            if child.i > ancestor.i and self._someones_view(ancestor):
                return True
            if self._told(child, ancestor):
                return True
            child = ancestor
        root = token.sent.root
        side_clauses = [
            c
            for c in root.children
            if c.dep_ in ("parataxis", "advcl", "conj")
            and c.i > token.i
            and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
            and not _says_something_else(c)
        ]
        if any(self._attributes_to_other(c) for c in side_clauses):
            return True
        statement = statement_of(token)
        return self.phrases.has(statement, "attribution") or any(
            _per_source(t) for t in statement
        )

    def _told(self, content: Token, verb: Token) -> bool:
        """What the writer told someone ("I told her that being honest helps", "Talked about
        what controlling behaviour looks like"), or what anyone made plain ("Mum was clear
        this was not acceptable"): a record of what was said, as the standard reads reported
        speech. A clause after a comma is the writer's own again: "I said well done, she
        is very proud"."""
        if content.i < verb.i or content.dep_ not in SAID_CONTENT_DEPS:
            return False
        between = verb.doc[verb.i + 1 : content.i]
        # "explained that EH is voluntary, but that we would share ...": "that" opens the
        # saying's content again after the comma
        that_clause = any(c.dep_ == "mark" and c.lower_ == "that" for c in content.children)
        if not that_clause and any(t.text in (",", ";", ":", "-", "\u2013") for t in between):
            return False
        # "was clear", "was very clear", "made clear": the word after the verb (and any
        # adverb), however the parser hung it
        after = next((t for t in between if t.pos_ != "ADV"), None)
        plainly = after is not None and after.lower_ in PLAINLY_SAID
        if plainly and verb.lemma_.lower() in ("be", "make"):
            return True
        lemma = verb.lemma_.lower()
        telling = lemma in self.words["speech"] or lemma in TELLING_VERBS
        if verb.pos_ != "VERB" or not telling:
            return False
        subject = self.subject_of(verb)
        return subject is None or self._is_first_person(subject)

    def _run_on_clause(self, clause: Token, head: Token) -> bool:
        """ "she said she'd fallen out with her mum she was really defensive": an unpunctuated
        run-on hangs the next sentence on the last verb as its object; a verb that neither
        says nor thinks, with no "that", cannot be reporting it."""
        return (
            clause.dep_ == "ccomp"
            and clause.i > head.i
            and is_run_on(statement_of(clause))
            and head.pos_ == "VERB"
            and head.lemma_.lower() not in self.words["speech"]
            and head.lemma_.lower() not in self.words["cognition"]
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            and not any(c.dep_ == "mark" for c in clause.children)
        )

    def _someones_view(self, noun: Token) -> bool:
        """ "SALT's view: not understanding ...", "Her account - he was drunk": what follows
        someone else's view or account is theirs. ("My view: ..." is the writer's own.)"""
        return (
            noun.pos_ == "NOUN"
            and noun.lemma_.lower() in self.words["attribution_nouns"]
            and any(
                c.dep_ == "poss" and c.lower_ not in OWN_POSSESSIVES for c in noun.children
            )
        )

    def _judges_the_account(self, token: Token, verb: Token) -> bool:
        """The word is said OF an account ("her account is credible"), not within it."""
        subject = self.subject_of(verb)
        return (
            token.head.i == verb.i
            and token.dep_ in ("acomp", "attr")
            and subject is not None
            and subject.lemma_.lower() in self.words["attribution_nouns"]
        )


def _per_source(token: Token) -> bool:
    """ "doing well at school per Shirin", "not likely to regain per stroke team": "per" with
    whoever said it attributes the statement, as "per mum" in the attribution list does;
    "£20 per week" and "3 per day" are rates, not sources."""
    if token.lower_ != "per" or token.i == 0 or token.i + 1 >= len(token.doc):
        return False
    before, after = token.nbor(-1), token.nbor(1)
    if before.like_num or before.is_currency or before.lower_ in ("as", "once", "twice"):
        return False  # a rate, or "as per", which the attribution list already has
    return after.lemma_.lower() not in RATE_UNITS and not after.like_num


def _says_something_else(verb: Token) -> bool:
    """ "Zara is lazy, mum says it's hard to get her up": the saying has content of its own,
    so it does not report the clause before it (as "He is lazy, Dad says" does)."""
    return any(c.dep_ in ("ccomp", "dobj") and c.i > verb.i for c in verb.children)


def _broken_between(token: Token, other: Token) -> bool:
    """A line break or stray full stop parts them: a bulleted log parsed as one sentence."""
    low, high = sorted((token.i, other.i))
    return any(is_break(t) for t in token.doc[low + 1 : high])
