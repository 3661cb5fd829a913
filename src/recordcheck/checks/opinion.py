"""Check `opinion`: opinion or judgement recorded as fact.

Recording standard, "Check `opinion`": flag a sentence or clause that records
the writer's interpretation, label, assumption or evaluation as though it were
a fact, with no observable basis in the same sentence or the one next to it.
Reported speech, quotes, plans and judgements that give their basis pass.

Cues come from the word lists in opinion.toml; the scope tests (scope.py)
decide whether a cue is the writer's unsupported claim; the optional trained
sentence classifier (opinion_classifier.py) lowers or raises confidence.
Marks: `doc.spans["rc_opinion"]`, one span per offending clause, label = cue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from recordcheck.checks.clauses import clause_of
from recordcheck.checks.lexicon import read_data, terms
from recordcheck.checks.matching import TermMatcher
from recordcheck.checks.opinion_classifier import SentenceClassifier
from recordcheck.checks.predicates import use_of
from recordcheck.checks.scope import Scope

SPAN_GROUP = "rc_opinion"
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
# "explained clearly", "clearly visible": the marker says how, not that the writer judges
MANNER_OF_SAYING = {
    "speak",
    "explain",
    "state",
    "say",
    "tell",
    "see",
    "hear",
    "label",
    "mark",
    "show",
    "write",
    "document",
    "record",
    "set",
    "display",
    "sign",
    "visible",
    "understand",
    "communicate",
    "articulate",
    "express",
    "describe",
    "read",
    "legible",
    "audible",
    "audibly",
    "agree",
}
# a hedge or a judgement marker governs the clause it introduces: keep them together
WHOLE_CLAIM_CUES = {"hedge", "unsupported-judgement"}


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
        lists = terms("opinion", extra_terms)
        self.cues = TermMatcher(
            nlp, {k: v for k, v in lists.items() if k.removesuffix("_lemma") in CUE_OF_LIST}
        )
        self.not_people = frozenset(lists["non_person_subjects"])
        self.scope = Scope(nlp)
        self.settings = read_data("opinion")["judging"]
        self.weak_lists = frozenset(self.settings["weak_lists"])
        self.classifier = SentenceClassifier(Path(classifier)) if classifier else None

    def __call__(self, doc: Doc) -> Doc:
        quoted = self.scope.quoted_ranges(doc)
        matches = self.cues.spans(doc)
        candidates = [
            Candidate(
                self._claim_span(match, cue), cue, match.sent, match.label_ in self.weak_lists
            )
            for match in matches
            if (cue := self.judge(match, quoted))
        ]
        if self.classifier is not None:
            candidates += self._unlisted_evaluations(doc, matches, quoted)
        doc.spans[SPAN_GROUP] = self.confirmed(candidates)
        return doc

    def _claim_span(self, match: Span, cue: str) -> Span:
        """The clause making the claim, ending at the first comma after the cue."""
        clause = clause_of(match.root, subordinate=cue not in WHOLE_CLAIM_CUES)
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
                or token.pos_ not in ("ADJ", "NOUN")
                or not use_of(token).predicative
            ):
                continue
            span = doc[token.i : token.i + 1]
            cue = "label" if token.pos_ == "NOUN" else "vague-evaluation"
            span.label_ = "vague_evaluations"
            if self.judge(span, quoted):
                found.append(Candidate(self._claim_span(span, cue), cue, token.sent, weak=True))
        return found

    # --- rules --------------------------------------------------------------
    def judge(self, match: Span, quoted: list[tuple[int, int]]) -> str | None:
        """The cue this match stands for, or None when it is not an unsupported claim."""
        cue = CUE_OF_LIST[match.label_]
        token = match.root
        if self.scope.inside(match, quoted) or self.scope.hypothetical(token):
            return None
        if self._in_brackets(match) or self._gives_basis(match):
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
            t.lower_ in ("as", "because", "since") and t.dep_ in ("mark", "prep") for t in before
        )

    def _writer_thinks(self, match: Span) -> bool:
        return any(self.scope.authored_by_writer(t) for t in match if t.pos_ == "VERB")

    def _used_as_claim(self, match: Span, cue: str) -> bool:
        token = match.root
        if cue in ("label", "vague-evaluation") and len(match) == 1:
            use = use_of(token)
            subject_is_thing = use.subject is not None and use.subject.lower_ in self.not_people
            if cue == "label" and self.scope.negated(token):
                return False
            return (
                use.predicative and not subject_is_thing
                if cue == "vague-evaluation"
                else (not subject_is_thing and (use.predicative or use.subject is not None))
            )
        if cue == "unsupported-judgement" and len(match) == 1:
            return token.head.lemma_.lower() not in MANNER_OF_SAYING
        if cue == "hedge" and match.root.lemma_.lower() in ("appear", "seem", "look"):
            return any(
                c.dep_ in ("xcomp", "oprd", "acomp", "ccomp", "attr", "advcl", "prep", "advmod")
                for c in token.children
            )
        return True

    def _supported(self, match: Span, cue: str) -> bool:
        sent = match.sent
        if cue in self.settings["basis_in_sentence"] and self.scope.basis_follows(match.end, sent):
            return True
        return cue in self.settings["basis_in_neighbour"] and self.scope.basis_nearby(sent)

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
            and doc[last[1] - 1].sent == candidate.sentence
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
