"""How serious one finding is: decided per finding from the check's data, not fixed per check.

A label about a person is worse in a referral than in a daily log, and a mild
verdict ("settled", "lovely morning") matters less than "manipulative". Each
check's `check.toml` may list `[[severity]]` rules, tried in order; the first
that fits a finding sets its level, else the cue's own severity stands:

    [[severity]]
    level = "high"
    cues = ["label"]                  # which cues it is for (default: all)
    in_sentence_with = ["rc_sharing"] # the flagged words' sentence holds a span of one of
                                      # these groups (e.g. it records sharing) ...
    note_types = ["referral"]         # ... or was exported as one of these types
    flagged_words = "mild_verdicts"   # the flagged words hold a word of this list
    sentence_words = "sensitive"      # the flagged words' sentence holds one

Every condition given must hold (the two "where" conditions count as one: either
will do). The word lists are in the check's `terms.toml`, table `[severity_words]`.
What each level means for a reader is said in the audit report (report/grades.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span

from recordcheck.catalogue import CatalogueError, CheckSpec
from recordcheck.language.note_context import note_type
from recordcheck.model import Severity

RULE_KEYS = {"level", "cues", "in_sentence_with", "note_types", "flagged_words", "sentence_words"}


@dataclass(frozen=True)
class SeverityRule:
    level: Severity
    cues: frozenset[str]  # empty: every cue of the check
    in_sentence_with: tuple[str, ...]
    note_types: frozenset[str]
    flagged_words: re.Pattern | None
    sentence_words: re.Pattern | None

    def fits(self, span: Span) -> bool:
        if self.cues and span.label_ not in self.cues:
            return False
        sentence = _sentence(span)
        if (self.in_sentence_with or self.note_types) and not self._where(sentence):
            return False
        if self.flagged_words is not None and not self.flagged_words.search(span.text):
            return False
        return self.sentence_words is None or bool(self.sentence_words.search(sentence.text))

    def _where(self, sentence: Span) -> bool:
        """The sentence holds a span of one of the groups, or the note is of one of the types."""
        doc = sentence.doc
        return note_type(doc) in self.note_types or any(
            other.start < sentence.end and sentence.start < other.end
            for group in self.in_sentence_with
            for other in doc.spans.get(group, ())
        )


def _sentence(span: Span) -> Span:
    """The sentence(s) the flagged words lie in, or the words alone when none is marked."""
    if not span.doc.has_annotation("SENT_START") or not len(span):
        return span
    return span.doc[span[0].sent.start : span[-1].sent.end]


def severity_of(spec: CheckSpec, span: Span, declared: Severity) -> Severity:
    """The level of the finding ``span`` marks: the first of the check's rules that fits."""
    for rule in severity_rules(spec):
        if rule.fits(span):
            return rule.level
    return declared


# read once per check folder (a spec holds dicts, so it cannot key functools.cache)
_RULES: dict[str, tuple[SeverityRule, ...]] = {}


def severity_rules(spec: CheckSpec) -> tuple[SeverityRule, ...]:
    """The check's [[severity]] rules, read and judged once; CatalogueError names the file."""
    key = str(spec.folder)
    if key not in _RULES:
        declared = spec.data("check.toml").get("severity", [])
        lists = spec.terms().get("severity_words", {})
        _RULES[key] = tuple(
            _rule(spec, number, entry, lists) for number, entry in enumerate(declared, 1)
        )
    return _RULES[key]


def _rule(spec: CheckSpec, number: int, entry: dict, lists: dict) -> SeverityRule:
    where = f"{spec.folder}/check.toml: [[severity]] rule {number}"
    unknown = set(entry) - RULE_KEYS
    if unknown:
        raise CatalogueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    try:
        level = Severity(entry["level"])
    except (KeyError, ValueError) as error:
        raise CatalogueError(f"{where}: level must be high, medium or low") from error
    cues = frozenset(entry.get("cues", ()))
    if cues - set(spec.cues):
        raise CatalogueError(f"{where}: no such cue(s) {', '.join(sorted(cues - set(spec.cues)))}")
    return SeverityRule(
        level=level,
        cues=cues,
        in_sentence_with=tuple(entry.get("in_sentence_with", ())),
        note_types=frozenset(t.lower() for t in entry.get("note_types", ())),
        flagged_words=_words(where, lists, entry.get("flagged_words")),
        sentence_words=_words(where, lists, entry.get("sentence_words")),
    )


def _words(where: str, lists: dict, name: str | None) -> re.Pattern | None:
    if name is None:
        return None
    words: Sequence[str] | None = lists.get(name)
    if not words:
        raise CatalogueError(f"{where}: terms.toml [severity_words] has no list '{name}'")
    alternatives = "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
