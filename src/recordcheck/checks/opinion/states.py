"""Opinion said with no cue word: inner states, vague amounts and bare verdict lines.

Recording standard, "Check `opinion`": unsupported states of mind of someone else
and vague evaluative descriptions are flagged; corpus/README.md settles that
"unattributed feelings ('she is happy with the support')" and "short verdicts with
nothing observed ('Good day')" are. Writers put them in the plainest grammar, with
no hedge or label for a word list to find. Three readings of the parse, each with
its words in states.toml (general English, not any one writer's phrases):

  inner states   a state of mind said of a person: a linking verb ("was upset",
                 "became angry"), a passive participle ("she was reassured"), a
                 verbless line ("Kyle relieved.", "Distressed."), shorthand that
                 drops the "is" read by word order ("Mrs Kaye cheerful today"),
                 or how someone came or went ("came to the office very
                 frightened"). It passes when quoted, reported, hypothetical,
                 negated, the writer's own, consent ("happy for me to visit",
                 "keen to help"), a concern about a named matter ("worried about
                 giving evidence", not "upset about it"), or when what the person
                 said or did is in its sentence or an observation in the next;
  vague amounts  intake, output or sleep given as a degree word ("bleeding a lot",
                 "drinking very little") with no measurement;
  verdict lines  a line that is only a verdict on a time or an event ("Good day.",
                 "Calm evening.", "Positive review.").
Words a list of terms.toml has already judged are left to claims.py (save the weak
"states" list, which needs the classifier); hedging verbs stay the hedge rule's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from recordcheck.checks.opinion.behaviour import (
    behaviour_follows,
    their_words_follow,
    they_speak_next,
)
from recordcheck.checks.opinion.claims import (
    BASIS_REACH,
    ClaimFinder,
    bracketed_basis,
    measured,
)
from recordcheck.checks.opinion.predicates import writers_own_reaction
from recordcheck.checks.opinion.scope import OpinionScope
from recordcheck.checks.opinion.sections import set_apart_in
from recordcheck.checks.opinion.shorthand import named_before
from recordcheck.checks.opinion.spans import Candidate, claim_span
from recordcheck.datafiles import package_toml, word_classes
from recordcheck.language.clauses import statement_of

WORDS = word_classes(package_toml(__package__, "states.toml"))
INNER_STATES = WORDS["inner_states"]
PERSON_NOUNS = WORDS["person_nouns"]
LINKING_VERBS = WORDS["linking_verbs"]
COMING_AND_GOING = WORDS["coming_and_going"]
THIRD_PERSON = WORDS["third_person"]
MEASURABLE_VERBS = WORDS["measurable_verbs"]
VAGUE_DEGREES = WORDS["vague_degrees"]
VERDICT_WORDS = WORDS["verdict_words"]
VERDICT_PERIODS = WORDS["verdict_periods"]
TIMES = WORDS["times"]
CONCERNS = WORDS["concerns"]
HEDGING_VERBS = word_classes(package_toml(__package__, "terms.toml"))["hedging_verbs"]
CUE = "mind-reading"
AMOUNT_CUE = "vague-evaluation"
# its own classifier minimum (terms.toml, [judging.classifier_minimum])
AMOUNT_READING = "vague-amount"
# what a state may govern that turns it into someone's stance on something else:
# "keen to help", "worried that he will find out", "happy for me to visit"
STANCE_DEPS = {"xcomp", "ccomp"}
# a concern about a named matter ("worried about giving evidence", "anxious about this")
# is one the person holds and most often voiced, not a reading of their mood; other
# states about a matter ("upset about this") are still the writer's reading (CONCERNS)
NAMED_MATTER = {"about"}
# how the parser hangs the state after a verb of coming or going: "came to the office
# very frightened" (advcl), "arrived upset", "came back happy" (acomp), "left angry" (oprd)
HOW_SOMEONE_CAME = {"advcl", "acomp", "oprd"}


class StateReading:
    """Finds opinion with no cue word that the writer asserts, with nothing observed behind it."""

    def __init__(self, claims: ClaimFinder):
        self.claims = claims
        self.scope: OpinionScope = claims.scope

    def candidates(self, doc: Doc, listed: list[Candidate]) -> list[Candidate]:
        """The states and amounts in the note that no word list's cue already covers.

        `listed` are the candidates the word lists gave; the words of those lists are
        left to their own rules (claims.py), which have judged them already, save the
        weak ones a classifier alone may keep ("upset" in terms.toml, states)."""
        quoted = self.scope.quoted_ranges(doc) + set_apart_in(doc)
        claimed = {t.i for c in listed if not c.weak for t in c.clause}
        taken = claimed | {
            t.i
            for match in self.claims.cues.spans(doc)
            if match.label_ not in self.claims.weak_lists
            for t in match
        }
        found = []
        for token in doc:
            if token.lower_ not in INNER_STATES:
                continue
            subject = self.said_of(token)
            if subject is False or not self._writer_asserts(token, quoted):
                continue
            claim = claim_span(doc[token.i : token.i + 1], CUE)
            if _covered(claim, taken) or self._basis_given(claim, subject or None):
                continue
            found.append(Candidate(claim, CUE, statement_of(token)))
        amounts = self._vague_amounts(doc, quoted, taken)
        return found + amounts + self._verdict_lines(doc, quoted, claimed)

    def _vague_amounts(
        self, doc: Doc, quoted: list[tuple[int, int]], taken: set[int]
    ) -> list[Candidate]:
        """ "bleeding a lot", "drinking very little": an amount the standard wants counted
        or measured, given as a degree word with no number after it."""
        found = []
        for verb in doc:
            degree = _vague_degree(verb)
            if degree is None:
                continue
            subject = self.scope.subject_of(verb)
            if subject is not None and subject.lower_ in self.scope.words["first_person"]:
                continue
            if not self._writer_asserts(verb, quoted) or self.scope.inside(
                doc[degree.i : degree.i + 1], quoted
            ):
                continue  # "drinking "a lot"": the amount in their words
            # the verb and its degree word only: "coughing a lot", not "... from 01:00"
            claim = doc[verb.i : degree.i + 1]
            if _covered(claim, taken) or measured(doc[claim.start : statement_of(verb).end]):
                continue  # "drinking little, 300ml today": the amount is there
            if their_words_follow(claim, quoted, BASIS_REACH):
                continue  # "Sleeping poorly, 'just tired'": their account, as for a verdict
            found.append(Candidate(claim, AMOUNT_CUE, statement_of(verb), reading=AMOUNT_READING))
        return found

    def _verdict_lines(
        self, doc: Doc, quoted: list[tuple[int, int]], claimed: set[int]
    ) -> list[Candidate]:
        """ "Good day.", "Calm evening.", "Positive review.": a line that is nothing but a
        verdict on a stretch of time or an event. The word lists pass "a good day" said of
        a thing; standing alone as the line, it is all the note says of that time."""
        found = []
        for statement in _statements(doc):
            verdict = _verdict_line(statement)
            if verdict is None or _covered(verdict, claimed) or self.scope.inside(verdict, quoted):
                continue
            if self.scope.hypothetical(verdict.root) or self.scope.basis_nearby(statement):
                continue
            found.append(Candidate(verdict, AMOUNT_CUE, statement))
        return found

    def said_of(self, token: Token) -> Token | None | bool:
        """Whom the state is said of (None: a verbless line with no subject, "Distressed."),
        or False when the word is not said of a person at all."""
        if any(c.dep_ in STANCE_DEPS for c in token.children):
            return False
        if token.pos_ in ("ADJ", "VERB"):
            parsed = self._said_of_parsed(token)
        else:
            parsed = None if _opens_state_line(token) else False
        return named_before(token) if parsed is False else parsed

    def _said_of_parsed(self, token: Token) -> Token | None | bool:
        if token.dep_ == "conj" and token.head.i != token.i:
            return self.said_of(token.head) if token.head.lower_ in INNER_STATES else False
        if _passive(token):
            # "she was reassured", "Liam got upset": the parser's passive participle
            subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            return _person(subject)
        head = token.head
        if head.lemma_.lower() in HEDGING_VERBS:
            return False  # "seemed upset", "looked tired": a hedge, judged as one (claims.py)
        if token.dep_ in ("acomp", "oprd") and head.lemma_.lower() in LINKING_VERBS:
            return _person(self.scope.subject_of(head))
        if (
            token.dep_ in HOW_SOMEONE_CAME
            and token.pos_ == "ADJ"
            and head.lemma_.lower() in COMING_AND_GOING
        ):
            # "Came home 15:30 happy": a log's clipped subject is the person it is about
            subject = self.scope.subject_of(head)
            return None if subject is None else _person(subject)
        if token.dep_ == "ROOT" and _verbless(statement_of(token)):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            return _person(subject) if subject is not None else _opening(token)
        return False

    def _writer_asserts(self, token: Token, quoted: list[tuple[int, int]]) -> bool:
        span = token.doc[token.i : token.i + 1]
        return not (
            self.scope.inside(span, quoted)
            or self.scope.reported(token)
            or self.scope.hypothetical(token)
            or self.scope.negated(token)
            or self.claims.records_agreement(token)
            or writers_own_reaction(token)
            or (
                token.lower_ in CONCERNS
                and any(c.dep_ == "prep" and c.lower_ in NAMED_MATTER for c in token.children)
            )
        )

    def _basis_given(self, claim: Span, subject: Token | None) -> bool:
        """What someone said is in the sentence (a quote or a saying, before or after the
        state: "Rob said '...' - he was calm with her"), what the person did follows it
        ("was tired and had wet herself"), brackets after it give it ("arrived tired
        (yawning, eyes red)"), or a basis is marked."""
        statement = statement_of(claim.root)
        speech = self.scope.words["speech"]
        return (
            any(_says(t, speech) for t in statement if not claim.start <= t.i < claim.end)
            or any(_does(t, claim) for t in claim.doc[claim.end : statement.end])
            or behaviour_follows(claim, subject, speech)
            or self.scope.basis_follows(claim.end, statement)
            or any(
                bracketed_basis(claim.doc[t.i : t.i + 1], statement)
                for t in claim
                if t.lower_ in INNER_STATES
            )
            or self.scope.basis_nearby(statement)
            or they_speak_next(statement, subject, speech)
        )


def _person(subject: Token | None) -> Token | bool:
    """The subject when it names a person; False for a thing or the writer."""
    if subject is None:
        return False
    word = subject.lower_
    if word in THIRD_PERSON or word in PERSON_NOUNS or subject.lemma_.lower() in PERSON_NOUNS:
        return subject
    return subject if subject.pos_ == "PROPN" else False


def _opens_state_line(token: Token) -> bool:
    """ "Calmer today.", "Tired this morning.": a verbless line that opens on the state,
    capitalised, which the tagger takes for a name, a noun or an adverb. Only a time may
    follow it ("Content: ..." heads a section, "Cross reference ..." names a thing)."""
    statement = statement_of(token)
    words = [t for t in statement if not (t.is_punct or t.is_space)]
    return (
        bool(words)
        and words[0].i == token.i
        and token.is_title
        and _verbless(statement)
        and all(
            t.pos_ in ("ADV", "CCONJ", "DET")
            or t.lower_ in TIMES
            or t.lemma_.lower() in VERDICT_PERIODS
            or t.lower_ in INNER_STATES
            for t in words[1:]
        )
        and not any(t.text == ":" for t in statement)
    )


def _passive(token: Token) -> bool:
    """A participle with its passive auxiliary and no agent ("frightened by the dog" names
    what caused it, which is observed)."""
    return (
        token.tag_ == "VBN"
        and any(c.dep_ == "auxpass" for c in token.children)
        and not any(c.dep_ == "agent" for c in token.children)
    )


def _verbless(statement: Span) -> bool:
    return not any(t.pos_ in ("VERB", "AUX") for t in statement)


def _opening(token: Token) -> Token | None | bool:
    """A verbless line opens on the state ("Very distressed.") or on the person
    ("Karen very upset", "T much brighter"): the parser may hang the name anywhere."""
    statement = statement_of(token)
    words = [t for t in statement if not (t.is_punct or t.is_space)]
    before = [
        t for t in words if t.i < token.i and t.dep_ not in ("advmod", "npadvmod", "det", "cc")
    ]
    if not before:
        return None
    return _person(before[0]) if len(before) == 1 else False


def _says(token: Token, speech: frozenset[str]) -> bool:
    return token.is_quote or (token.pos_ == "VERB" and token.lemma_.lower() in speech)


def _does(token: Token, claim: Span) -> bool:
    """ "was tired and had wet herself", "got upset and went out": a verb joined to the
    state's clause is something the same person did. (behaviour.py leaves out "have"
    and "go", which after a comma more often start the next event.)"""
    return (
        token.pos_ == "VERB"
        and token.dep_ == "conj"
        and claim.start <= token.head.i < claim.end
        and token.lemma_.lower() not in LINKING_VERBS
    )


def _vague_degree(verb: Token) -> Token | None:
    """The degree word on a verb of intake, output or sleep: "coughing a lot", "eat little";
    not "a lot of blood", where the degree counts a noun of its own."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in MEASURABLE_VERBS:
        return None
    head = verb.head
    if verb.dep_ == "amod" and head.i == verb.i + 1 and head.lower_ in VAGUE_DEGREES:
        # "Ate loads.": the parser, taking the degree for a noun, hangs the verb on it
        return None if any(c.dep_ == "prep" for c in head.children) else head
    for child in verb.children:
        if child.i < verb.i or child.lower_ not in VAGUE_DEGREES:
            continue
        counts_a_noun = any(c.dep_ == "prep" for c in child.children)
        if child.dep_ in ("advmod", "npadvmod", "dobj", "amod") and not counts_a_noun:
            return child
    return None


def _covered(claim: Span, taken: set[int]) -> bool:
    return any(t.i in taken for t in claim)


def _statements(doc: Doc) -> list[Span]:
    """Each statement of the note once (sentences cut at line breaks, clauses.py)."""
    statements, end = [], 0
    for token in doc:
        if token.i >= end:
            statement = statement_of(token)
            statements.append(statement)
            end = statement.end
    return statements


def _verdict_line(statement: Span) -> Span | None:
    """The verdict, when the statement is only a verdict word on a period or an event,
    with at most a degree word or article: "Really good session.", "A calm evening"."""
    words = [t for t in statement if not (t.is_punct or t.is_space)]
    if not words:
        return None
    after = words[-1].nbor(1) if words[-1].i + 1 < len(statement.doc) else None
    if after is not None and after.text == ",":
        return None  # "Good morning," opening an email pasted into the note is a greeting
    core = [t for t in words if t.pos_ not in ("ADV", "DET")]
    if len(core) != 2 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    verdict, period = core
    if verdict.lower_ not in VERDICT_WORDS or period.lemma_.lower() not in VERDICT_PERIODS:
        return None
    return statement.doc[words[0].i : words[-1].i + 1]
