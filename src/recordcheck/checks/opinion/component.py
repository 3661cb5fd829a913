"""Check `opinion`: opinion or judgement recorded as fact.

Recording standard, "Check `opinion`": flag a sentence or clause that records
the writer's interpretation, label, assumption or evaluation as though it were
a fact, with no observable basis in the same sentence or the one next to it.
Reported speech, quotes, plans and judgements that give their basis pass.

Cues come from the word lists in opinion.toml; the scope tests (scope.py, narrowed
here by OpinionScope) decide whether a cue is the writer's unsupported claim; the optional trained
sentence classifier (opinion_classifier.py) lowers or raises confidence.
Marks: `doc.spans["rc_opinion"]`, one span per offending clause, label = cue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from recordcheck.checks.opinion.classifier import SentenceClassifier
from recordcheck.checks.opinion.predicates import MANNER_VERBS, Use, use_of
from recordcheck.datafiles import merged_terms, package_toml, word_classes
from recordcheck.language.clauses import clause_of, is_break, is_run_on, statement_of
from recordcheck.language.matching import TermMatcher
from recordcheck.language.scope import Scope

DATA = package_toml(__package__, "terms.toml")
SPAN_GROUP = package_toml(__package__, "check.toml")["check"]["span_group"]
# word list -> the cue a finding names
CUE_OF_LIST = {
    "labels": "label",
    "mind_reading": "mind-reading",
    "states": "mind-reading",
    "hedges": "hedge",
    "vague_evaluations": "vague-evaluation",
    "judgement_markers": "unsupported-judgement",
}
# when one clause has several cues, the finding names the most specific
CUE_PRIORITY = ["unsupported-judgement", "mind-reading", "label", "hedge", "vague-evaluation"]
WORD_CLASSES = word_classes(DATA)
# "explained clearly", "clearly visible": the marker says how, not that the writer judges
MANNER_OF_SAYING = WORD_CLASSES["manner_of_saying"]
# records of a charge: what follows "for" names the offence, it does not judge
OFFENCE_RECORDS = WORD_CLASSES["offence_records"]
# how many words after a cue in a run-on its basis may start ("aggressive shouting at staff")
BASIS_REACH = 10
HEDGING_VERBS = WORD_CLASSES["hedging_verbs"]
# a hedge or a judgement marker governs the clause it introduces: keep them together
WHOLE_CLAIM_CUES = {"hedge", "unsupported-judgement"}


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
        return self.phrases.has(statement_of(token), "attribution")

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

    def _judges_the_account(self, token: Token, verb: Token) -> bool:
        """The word is said OF an account ("her account is credible"), not within it."""
        subject = self.subject_of(verb)
        return (
            token.head.i == verb.i
            and token.dep_ in ("acomp", "attr")
            and subject is not None
            and subject.lemma_.lower() in self.words["attribution_nouns"]
        )


@dataclass(frozen=True)
class Candidate:
    clause: Span
    cue: str
    sentence: Span
    weak: bool = False  # kept only when the classifier agrees strongly


@Language.factory(
    "rc_opinion",
    assigns=["doc.spans"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.sents"],
    default_config={"extra_terms": {}, "classifier": ""},
)
def make_opinion_check(nlp: Language, name: str, extra_terms: dict, classifier: str):
    return OpinionCheck(nlp, extra_terms, classifier)


class OpinionCheck:
    def __init__(self, nlp: Language, extra_terms: Mapping[str, Sequence[str]], classifier: str):
        lists = merged_terms(DATA["terms"], extra_terms)
        self.cues = TermMatcher(
            nlp, {k: v for k, v in lists.items() if k.removesuffix("_lemma") in CUE_OF_LIST}
        )
        self.not_people = frozenset(lists["non_person_subjects"])
        self.observable = frozenset(lists["observable"])
        self.agreement = frozenset(lists["agreement"])
        self.scope = OpinionScope(nlp, DATA["scope_terms"])
        self.settings = DATA["judging"]
        self.weak_lists = frozenset(self.settings["weak_lists"])
        self.judged_when_negated = frozenset(lists["praise"])
        self.classifier = SentenceClassifier(Path(classifier)) if classifier else None

    def __call__(self, doc: Doc) -> Doc:
        quoted = self.scope.quoted_ranges(doc)
        matches = self.cues.spans(doc)
        candidates = [
            self._candidate(self._claim_span(match, cue), cue, match.label_ in self.weak_lists)
            for match in matches
            if (cue := self.judge(match, quoted))
        ]
        if self.classifier is not None:
            candidates += self._unlisted_evaluations(doc, matches, quoted)
        doc.spans[SPAN_GROUP] = self.confirmed(candidates)
        return doc

    @staticmethod
    def _candidate(claim: Span, cue: str, weak: bool) -> Candidate:
        # the classifier reads a run-on's clause: the whole dictated note would drown it
        statement = statement_of(claim.root)
        return Candidate(claim, cue, claim if is_run_on(statement) else statement, weak)

    def _claim_span(self, match: Span, cue: str) -> Span:
        """The clause making the claim, ending at the first comma after the cue."""
        # a one-word hedge or marker ("clearly", "probably") qualifies only its own clause
        whole_claim = cue in WHOLE_CLAIM_CUES and not (len(match) == 1 and match.root.pos_ == "ADV")
        clause = clause_of(match.root, subordinate=not whole_claim)
        for token in clause.doc[match.end : clause.end - 2]:
            if token.text in (",", "(") and token.i > match.end - 1:
                return clause.doc[clause.start : token.i]
        return clause

    def _unlisted_evaluations(self, doc: Doc, matches: list[Span], quoted) -> list[Candidate]:
        """Evaluative predicates no list names ("a devoted dad"): weak cues for the classifier."""
        listed = {t.i for m in matches for t in m}
        found = []
        for token in doc:
            if (
                token.i in listed
                or token.lower_ in self.observable
                or token.pos_ not in ("ADJ", "NOUN")
                or not use_of(token, shorthand=False).predicative
            ):
                continue
            span = doc[token.i : token.i + 1]
            cue = "label" if token.pos_ == "NOUN" else "vague-evaluation"
            span.label_ = "vague_evaluations"
            if self.judge(span, quoted):
                found.append(self._candidate(self._claim_span(span, cue), cue, weak=True))
        return found

    # --- rules --------------------------------------------------------------
    def judge(self, match: Span, quoted: list[tuple[int, int]]) -> str | None:
        """The cue this match stands for, or None when it is not an unsupported claim."""
        cue = CUE_OF_LIST[match.label_]
        token = match.root
        if self.scope.inside(match, quoted) or self.scope.hypothetical(token):
            return None
        if self._in_brackets(match) or self._gives_basis(match) or _names_offence(token):
            return None
        if cue != "hedge" and self.scope.reported(token):
            return None
        if cue == "hedge" and self.scope.reported(token) and not self._writer_thinks(match):
            return None
        if not self._used_as_claim(match, cue):
            return None
        if self._supported(match, cue):
            return None
        return cue

    @staticmethod
    def _in_brackets(match: Span) -> bool:
        """ "(45, dx paranoid schizophrenia)": a diagnosis or aside, not a judgement."""
        before = match.doc[match.sent.start : match.start]
        return before.text.count("(") > before.text.count(")")

    @staticmethod
    def _gives_basis(match: Span) -> bool:
        """ "... shared without consent as we believe ...": the cue is itself a reason given."""
        clause_start = clause_of(match.root, subordinate=False).start
        before = match.doc[clause_start : match.start]
        return any(
            t.lower_ in ("as", "because", "since")
            and t.dep_ in ("mark", "prep")
            and not _manner_as(t)
            for t in before
        )

    def _writer_thinks(self, match: Span) -> bool:
        return any(self.scope.authored_by_writer(t) for t in match if t.pos_ == "VERB")

    def _used_as_claim(self, match: Span, cue: str) -> bool:
        token = match.root
        if len(match) == 1 and self._records_agreement(token):
            return False
        if cue in ("label", "vague-evaluation") and len(match) == 1:
            use = use_of(token)
            if (
                cue == "label"
                and self.scope.negated(token)
                and token.lower_ not in self.judged_when_negated
            ):
                return False
            if self._said_of_thing(use):
                return False
            return use.predicative or (cue == "label" and use.subject is not None)
        if match.label_ in self.weak_lists and len(match) == 1:
            use = use_of(token)
            return use.predicative and not self._said_of_thing(use)
        if cue == "unsupported-judgement" and len(match) == 1:
            return token.head.lemma_.lower() not in MANNER_OF_SAYING
        if cue == "hedge" and token.lemma_.lower() == "feel":
            # "I felt her forehead": touching, not thinking
            return not any(c.dep_ == "dobj" for c in token.children)
        if cue == "hedge" and token.lemma_.lower() in HEDGING_VERBS:
            return any(
                c.dep_
                in ("xcomp", "oprd", "acomp", "ccomp", "attr", "advcl", "prep", "advmod", "dobj")
                for c in token.children
            )
        return True

    def _said_of_thing(self, use: Use) -> bool:
        return use.subject is not None and use.subject.lower_ in self.not_people

    def _records_agreement(self, token: Token) -> bool:
        """ "Mum is happy for the referral to go ahead", "happy to talk": consent given.
        ("happy with the plan" stays a judgement of how she took it.)"""
        if token.lower_ not in self.agreement:
            return False
        # the parser hangs "for the referral to go ahead" on "is" as often as on "happy"
        holders = [token, token.head] if token.dep_ == "acomp" else [token]
        return any(
            c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(m.lower_ == "for" for m in c.children))
            for holder in holders
            for c in holder.children
        )

    def _supported(self, match: Span, cue: str) -> bool:
        sent = statement_of(match.root)
        # a run-on is one "sentence" for the whole note: only words near the cue are its basis
        near = sent
        if is_run_on(sent):
            near = sent.doc[match.end : min(sent.end, match.end + BASIS_REACH)]
        if cue in self.settings["basis_in_sentence"] and (
            self.scope.basis_follows(match.end, near) or self._concludes_observations(match, sent)
        ):
            return True
        # "He appeared under the influence": what a hedge governs is judged as the hedge
        hedged = match.root.head.lemma_.lower() in HEDGING_VERBS
        if cue not in self.settings["basis_in_neighbour"] and not hedged:
            return False
        # "Shared because of the injury; I consider ...": a basis before the judgement counts too
        return self.scope.observation_in(sent.doc[sent.start : match.start]) or (
            self.scope.basis_nearby(sent)
        )

    def _concludes_observations(self, match: Span, sent: Span) -> bool:
        """ "smelling of alcohol, slurring her words; she was drunk": the observations come
        first and a semicolon or colon introduces what the writer concluded from them."""
        start = clause_of(match.root).start
        while start > sent.start and match.doc[start - 1].is_punct:
            start -= 1
            if match.doc[start].text in (";", ":"):
                return self.scope.observation_in(match.doc[sent.start : start])
        return False

    # --- combining rules and classifier --------------------------------------
    def confirmed(self, candidates: list[Candidate]) -> list[Span]:
        if self.classifier is not None and candidates:
            sentences = list(dict.fromkeys(c.sentence for c in candidates))
            score = dict(zip(sentences, self.classifier.scores(sentences), strict=True))
            minimum = self.settings["classifier_minimum"]
            candidates = [
                c for c in candidates if score[c.sentence] >= minimum["weak" if c.weak else c.cue]
            ]
        else:
            candidates = [c for c in candidates if not c.weak]
        return merge_by_clause(candidates)


def _names_offence(token: Token) -> bool:
    """ "arrested for driving under the influence", "a conviction for being drunk": the
    words name what someone was charged with, a matter of record."""
    return any(
        a.lower_ == "for" and a.head.lemma_.lower() in OFFENCE_RECORDS for a in token.ancestors
    )


def _says_something_else(verb: Token) -> bool:
    """ "Zara is lazy, mum says it's hard to get her up": the saying has content of its own,
    so it does not report the clause before it (as "He is lazy, Dad says" does)."""
    return any(c.dep_ in ("ccomp", "dobj") and c.i > verb.i for c in verb.children)


def _broken_between(token: Token, other: Token) -> bool:
    """A line break or stray full stop parts them: a bulleted log parsed as one sentence."""
    low, high = sorted((token.i, other.i))
    return any(is_break(t) for t in token.doc[low + 1 : high])


def _manner_as(token: Token) -> bool:
    """ "presented as paranoid": `as` names the manner, it does not give a reason."""
    return token.dep_ == "prep" and token.head.lemma_.lower() in MANNER_VERBS


def merge_by_clause(candidates: list[Candidate]) -> list[Span]:
    """One span per run of flagged clauses in a sentence, labelled with its most specific cue."""
    if not candidates:
        return []
    doc = candidates[0].clause.doc
    merged: list[list] = []  # [start, end, cue]
    for candidate in sorted(candidates, key=lambda c: (c.clause.start, c.clause.end)):
        start, end, cue = candidate.clause.start, candidate.clause.end, candidate.cue
        last = merged[-1] if merged else None
        joined = (
            last is not None
            and statement_of(doc[last[1] - 1]) == candidate.sentence
            and _only_punctuation_between(doc, last[1], start)
        )
        if joined:
            last[1] = max(last[1], end)
            if CUE_PRIORITY.index(cue) < CUE_PRIORITY.index(last[2]):
                last[2] = cue
        else:
            merged.append([start, end, cue])
    return [Span(doc, start, end, label=cue) for start, end, cue in merged]


def _only_punctuation_between(doc: Doc, end: int, start: int) -> bool:
    return start <= end or all(t.is_punct or t.dep_ == "cc" or t.is_space for t in doc[end:start])
