"""ConText-style scopes: is a cue the writer's own claim, and is its basis given?

A cue is not the writer's claim when it sits inside quotation marks, inside
reported speech or thought of someone else ("Mum said he was lying"), or inside
a condition or plan ("to monitor whether she is drinking"). A claim is
supported when a basis follows it in the same sentence ("because ...", ": ...")
or an observation sits in the sentence next to it. Word lists: scope.toml.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Span, Token

from recordcheck.datafiles import merged_terms, package_toml
from recordcheck.language.doc_values import ends_in_question_mark, text_of
from recordcheck.language.matching import TermMatcher

QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|(?<![\w\'’])\'(?=\w).*?(?<=[\w.!?,])\'(?![\w])')
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
QUOTED_KEY = "rc_quoted_ranges"  # Doc.user_data: the note's quotations, found once


class Scope:
    """Scope tests over parsed sentences, fed by scope.toml plus any organisation terms."""

    def __init__(self, nlp, extra: Mapping[str, Sequence[str]] | None = None):
        lists = merged_terms(package_toml(__package__, "scope.toml")["terms"], extra)
        self.words = {
            key.removesuffix("_lemma"): frozenset(values) for key, values in lists.items()
        }
        phrase_lists = {
            key: values
            for key, values in lists.items()
            if key
            in ("attribution_lemma", "basis_connectives_lemma", "evidence_lemma", "not_yet_after")
        }
        self.phrases = TermMatcher(nlp, phrase_lists)

    # --- quotes -------------------------------------------------------------
    @staticmethod
    def quoted_ranges(doc: Doc) -> list[tuple[int, int]]:
        # Four components ask for every note: the text never changes, so the answer is
        # kept on the Doc.
        if QUOTED_KEY not in doc.user_data:
            doc.user_data[QUOTED_KEY] = [match.span() for match in QUOTED.finditer(text_of(doc))]
        return list(doc.user_data[QUOTED_KEY])

    @staticmethod
    def inside(span: Span, ranges: list[tuple[int, int]]) -> bool:
        return any(start <= span.start_char and span.end_char <= end for start, end in ranges)

    # --- whose claim --------------------------------------------------------
    def _is_first_person(self, subject: Token | None) -> bool:
        return subject is not None and subject.lower_ in self.words["first_person"]

    @staticmethod
    def subject_of(verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
            return Scope.subject_of(verb.head)
        return None

    def _attributes_to_other(self, verb: Token) -> bool:
        """True when `verb` is someone else's saying or thinking."""
        lemma = verb.lemma_.lower()
        subject = self.subject_of(verb)
        passive = any(child.dep_ == "nsubjpass" for child in verb.children)
        if lemma in self.words["speech"]:
            return passive or not self._is_first_person(subject)
        if lemma in self.words["cognition"]:
            return subject is not None and not self._is_first_person(subject)
        if subject is not None and subject.lemma_.lower() in self.words["attribution_nouns"]:
            return not any(c.lower_ in ("my", "our") for c in subject.children)
        return False

    def reported_by_other(self, verb: Token) -> bool:
        """`verb` is someone named else's saying or thinking ("Mum said ...", "she feels
        ..."); a subjectless "Asked the GP to ..." is the writer's own clipped voice."""
        return self.subject_of(verb) is not None and self._attributes_to_other(verb)

    def reported(self, token: Token) -> bool:
        """The token sits in what someone other than the writer said or thought."""
        sent = token.sent
        for ancestor in token.ancestors:
            if self._attributes_to_other(ancestor):
                return True
        root = sent.root
        # "He is lazy, Dad says." parses the saying as a side clause of the cue's clause
        side_clauses = [c for c in root.children if c.dep_ in ("parataxis", "advcl", "conj")]
        if any(c.i > token.i and self._attributes_to_other(c) for c in side_clauses):
            return True
        return self.phrases.has(sent, "attribution")

    def authored_by_writer(self, verb: Token) -> bool:
        """`I think ...` / `we feel ...`: the writer's own thinking."""
        return self._is_first_person(self.subject_of(verb))

    # --- conditions, plans, questions ---------------------------------------
    def hypothetical(self, token: Token, within: Span | None = None) -> bool:
        """A condition, question, plan, possibility or rule governs the token.

        `within` limits the test to one clause or statement: the parser often hangs
        "Agreed s47; PC Grant to consider ..." on the plan after the semicolon.
        """
        sent = within if within is not None else token.sent
        if ends_in_question_mark(sent):
            return True
        for node in [token, *token.ancestors]:
            if not sent.start <= node.i < sent.end:
                break
            if any(
                c.lower_ in self.words["condition_marks"] and c.dep_ in ("mark", "advmod")
                for c in node.children
            ):
                return True
            if self.lays_down_a_rule(node):
                return True
            if node.i == token.i:
                continue
            lemma = node.lemma_.lower()
            infinitive = any(
                c.dep_ == "aux" and c.lower_ in ("to", "will", "would", "should", "must", "need")
                for c in node.children
            )
            if lemma in self.words["plan"] and (
                infinitive or node.dep_ in ("xcomp", "acl") or self._bare_plan(node)
            ):
                return True
            if lemma in self.words["possibility"] and _possibility_noun(node, sent):
                return True
        return False

    def lays_down_a_rule(self, verb: Token) -> bool:
        """ "He must not be under the influence", "should not be left alone": a negated
        modal of duty states a rule for the future, not what happened. ("Must not have
        known" is a guess about the past: a perfect "have" keeps it out.)"""
        children = list(verb.children)
        return (
            any(c.dep_ == "aux" and c.lower_ in self.words["rule_modals"] for c in children)
            and any(c.dep_ == "neg" for c in children)
            and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children)
        )

    def not_yet(self, event: Span, window: int = 3) -> bool:
        """An event the nearby words make planned or denied ("to visit", "visit booked for")."""
        doc, sent = event.doc, event.sent
        before = doc[max(sent.start, event.start - window) : event.start]
        after = doc[event.end : min(sent.end, event.end + window)]
        return any(t.lower_ in self.words["not_yet_before"] for t in before) or any(
            s.start == event.end for s in self.phrases.spans(after) if s.label_ == "not_yet_after"
        )

    @staticmethod
    def _bare_plan(verb: Token) -> bool:
        """Telegraphic plans with no subject or tense: "Monitor whether ...", "SW to check ..."."""
        return verb.tag_ in ("VB",) and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)

    def negated(self, token: Token, within: Span | None = None) -> bool:
        """A negator on the token or the word it hangs on (only those in `within`, when given:
        a missed sentence break can hang "Called 999" on "No answer to knocking")."""
        candidates = [token, token.head]
        if token.head.head.i != token.head.i and token.dep_ in ("amod", "attr"):
            candidates.append(token.head.head)
        if within is not None:
            candidates = [node for node in candidates if within.start <= node.i < within.end]
        return any(
            child.dep_ in ("neg", "det", "advmod", "preconj")
            and child.lemma_.lower() in self.words["negation"]
            for node in candidates
            for child in node.children
        ) or any(
            t.lower_ in ("no", "not", "never")
            for t in token.doc[max((within or token.sent).start, token.i - 2) : token.i]
        )

    # --- basis --------------------------------------------------------------
    def basis_follows(self, cue_end: int, sent: Span) -> bool:
        """A connective (because, as, given, ':') or observation after the cue in its sentence."""
        rest = sent.doc[cue_end : sent.end]
        if connective_mark(rest):
            return True
        return any(s.label_ in ("basis_connectives", "evidence") for s in self.phrases.spans(rest))

    def observation_in(self, sent: Span) -> bool:
        return any(s.label_ in ("evidence", "basis_connectives") for s in self.phrases.spans(sent))

    def basis_nearby(self, sent: Span, before: bool = True) -> bool:
        """The next sentence (or the one before) records an observation or a reason."""
        doc = sent.doc
        neighbours = []
        if sent.end < len(doc):
            neighbours.append(doc[sent.end].sent)
        if before and sent.start > 0:
            neighbours.append(doc[sent.start - 1].sent)
        return any(self.observation_in(n) for n in neighbours)


def _possibility_noun(node: Token, sent: Span) -> bool:
    """The word is the noun: "the risk that ...", or "Risk that ..." opening a line, which
    the parser takes for an order ("Risk" as a verb) though no one is told to do anything."""
    return node.pos_ == "NOUN" or (node.i == sent.start and node.tag_ == "VB")


def connective_mark(rest: Span) -> bool:
    """A basis marked without its words: "as" opening a reason, or a colon or dash with
    words after it."""
    return any(
        (t.lower_ == "as" and t.dep_ == "mark")
        or (t.text in (":", "\u2013", "\u2014", "-") and t.i + 3 < rest.end)
        for t in rest
    )
