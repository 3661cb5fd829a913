"""Check `opinion`: opinion or judgement recorded as fact.

Recording standard, "Check `opinion`": flag a sentence or clause that records
the writer's interpretation, label, assumption or evaluation as though it were
a fact, with no observable basis in the same sentence or the one next to it.
Reported speech, quotes, plans and judgements that give their basis pass.

This module is the spaCy component and the order of its steps; each step has
a module of its own:
  claims.py      cues from the word lists in terms.toml, and the rules that keep
                 only the writer's unsupported claims (with scope.py, the shared
                 scope tests narrowed for opinions, predicates.py, hedges.py: which
                 guesses are guesses, and motives.py: someone's motive given as a
                 reason, "because she misses her mum")
  states.py      opinion with no cue word, read from the parse and states.toml: inner
                 states ("She was upset"), vague amounts ("bleeding a lot") and bare
                 verdict lines ("Good day."), with shorthand.py: who a clipped log line
                 that drops the "is" is about ("Callum upset")
  classifier.py  the optional trained sentence classifier, which confirms or drops
                 candidates by how sure it is
  spans.py       the clause each claim covers, and merging them into findings
Marks: `doc.spans["rc_opinion"]`, one span per offending clause, label = cue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from recordcheck.checks.opinion.claims import ClaimFinder
from recordcheck.checks.opinion.classifier import SentenceClassifier
from recordcheck.checks.opinion.spans import Candidate, asks, merge_by_clause
from recordcheck.checks.opinion.states import StateReading
from recordcheck.checks.opinion.summaries import drop_summaries
from recordcheck.datafiles import package_toml

DATA = package_toml(__package__, "terms.toml")
SPAN_GROUP = package_toml(__package__, "check.toml")["check"]["span_group"]


@Language.factory(
    "rc_opinion",
    assigns=["doc.spans"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.sents"],
    default_config={"extra_terms": {}, "classifier": ""},
)
def make_opinion_check(nlp: Language, name: str, extra_terms: dict, classifier: str):
    return OpinionCheck(nlp, extra_terms, classifier)


class OpinionCheck:
    """Marks the clauses where a note records opinion as fact: find, confirm, merge."""

    def __init__(self, nlp: Language, extra_terms: Mapping[str, Sequence[str]], classifier: str):
        self.claims = ClaimFinder(nlp, extra_terms)
        self.states = StateReading(self.claims)
        self.settings = DATA["judging"]
        self.classifier = SentenceClassifier(Path(classifier)) if classifier else None

    def __call__(self, doc: Doc) -> Doc:
        candidates = self.claims.candidates(doc, unlisted=self.classifier is not None)
        candidates += self.states.candidates(doc, candidates)
        candidates = [c for c in candidates if not asks(c.clause)]
        kept = drop_summaries(self.confirmed(candidates), found=candidates)
        doc.spans[SPAN_GROUP] = merge_by_clause(kept)
        return doc

    def confirmed(self, candidates: list[Candidate]) -> list[Candidate]:
        """The findings: candidates the classifier is sure enough of, or, without a
        classifier, those the word lists name outright (weak ones need its backing)."""
        if self.classifier is not None and candidates:
            sentences = list(dict.fromkeys(c.sentence for c in candidates))
            score = dict(zip(sentences, self.classifier.scores(sentences), strict=True))
            minimum = self.settings["classifier_minimum"]
            candidates = [
                c
                for c in candidates
                if score[c.sentence] >= minimum[c.reading or ("weak" if c.weak else c.cue)]
            ]
        else:
            candidates = [c for c in candidates if not c.weak]
        return candidates
