"""Which cues are the writer's own unsupported claims.

The word lists in terms.toml find cues: labels, mind-reading, hedges, vague
evaluations, judgement markers. Most uses of those words are fine: quoted or
reported speech, plans, diagnoses in brackets, "a difficult conversation",
judgements that give their basis. ClaimFinder finds the cues in a note and
keeps, as Candidates (spans.py), only those the writer asserts as fact with
nothing observable behind them. The scope tests it leans on are in scope.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from recordcheck.checks.opinion.behaviour import (
    behaviour_follows,
    their_words_follow,
    they_speak_next,
)
from recordcheck.checks.opinion.hedges import HEDGING_VERBS, guessed, hedge_used_as_claim
from recordcheck.checks.opinion.motives import reason_clauses
from recordcheck.checks.opinion.predicates import (
    MANNER_VERBS,
    Use,
    agrees_to_arrangement,
    concludes_an_assessment,
    describes_posture,
    heads_a_section,
    is_praise_formula,
    judges_a_matter,
    names_a_condition,
    names_a_person,
    names_a_smell,
    said_of_writer,
    stands_alone,
    use_of,
    writers_own_reaction,
)
from recordcheck.checks.opinion.scope import OpinionScope
from recordcheck.checks.opinion.sections import set_apart_in
from recordcheck.checks.opinion.spans import Candidate, candidate_for
from recordcheck.datafiles import merged_terms, package_toml, word_classes
from recordcheck.language.clauses import clause_of, is_run_on, statement_of
from recordcheck.language.doc_values import any_token_matching
from recordcheck.language.matching import TermMatcher

DATA = package_toml(__package__, "terms.toml")
# word list -> the cue a finding names
CUE_OF_LIST = {
    "labels": "label",
    "mind_reading": "mind-reading",
    "states": "mind-reading",
    "hedges": "hedge",
    "impressions": "hedge",
    "vague_evaluations": "vague-evaluation",
    "judgement_markers": "unsupported-judgement",
}
WORD_CLASSES = word_classes(DATA)
# "explained clearly", "clearly visible": the marker says how, not that the writer judges
MANNER_OF_SAYING = WORD_CLASSES["manner_of_saying"]
# records of a charge: what follows "for" names the offence, it does not judge
OFFENCE_RECORDS = WORD_CLASSES["offence_records"]
# how many words after a cue in a run-on its basis may start ("aggressive shouting at staff")
BASIS_REACH = 10
# a time of day as written in logs: "01:50", "2.30", "0300"
CLOCK_TIME = re.compile(r"\d{1,2}[:.]\d{2}|\d{4}(hrs)?")
# "no concerns", "nothing to report": a verdict only when it stands alone
ABSENCE_WORDS = WORD_CLASSES["absence_words"]
# units of a measurement: "1100ml", "20 mins", "96%" (claims.py, measured)
MEASURE_UNITS = WORD_CLASSES["measure_units"]
MEASURE = re.compile(
    r"\d+(?:\.\d+)?(" + "|".join(re.escape(u) for u in sorted(MEASURE_UNITS)) + r")",
    re.IGNORECASE,
)
# the units of a measurement in the next sentence that can be a verdict's basis: not lengths
# of time ("Visit 50 mins"), which say how long, not how much
BODY_MEASURE_UNITS = frozenset(MEASURE_UNITS) - frozenset(WORD_CLASSES["duration_units"])
# the writer, whose own certainty is a view like any other
FIRST_PERSON = WORD_CLASSES["first_person"]


class ClaimFinder:
    """Finds the cues in a note and judges each: the writer's unsupported claim, or not."""

    def __init__(self, nlp: Language, extra_terms: Mapping[str, Sequence[str]]):
        lists = merged_terms(DATA["terms"], extra_terms)
        self.cues = TermMatcher(
            nlp, {k: v for k, v in lists.items() if k.removesuffix("_lemma") in CUE_OF_LIST}
        )
        # matters a verdict may be given on without judging anyone (terms.toml)
        self.matters = frozenset(
            lists["work_products"] + lists["developmental_areas"] + lists["clinical_checks"]
        )
        self.not_people = frozenset(lists["non_person_subjects"]) | self.matters
        self.observable = frozenset(lists["observable"])
        self.agreement = frozenset(lists["agreement"] + lists["decisions"])
        self.scope = OpinionScope(nlp, DATA["scope_terms"])
        self.settings = DATA["judging"]
        self.weak_lists = frozenset(self.settings["weak_lists"])
        self.judged_when_negated = frozenset(lists["praise"])

    def candidates(self, doc: Doc, unlisted: bool) -> list[Candidate]:
        """The claims in the note; with `unlisted`, also weak ones no word list names
        (worth finding only when a classifier is there to confirm them)."""
        # quoted words, and sections a heading sets apart, are not the writer's claims
        quoted = self.scope.quoted_ranges(doc) + set_apart_in(doc)
        matches = self.cues.spans(doc)
        found = [
            candidate_for(match, cue, match.label_ in self.weak_lists)
            for match in matches
            if (cue := self.judge(match, quoted))
        ]
        found += self._motives(doc, quoted)
        if unlisted:
            found += self._unlisted_evaluations(doc, matches, quoted)
        return found

    def _motives(self, doc: Doc, quoted: list[tuple[int, int]]) -> list[Candidate]:
        """Someone's motive or feeling given as a reason ("because she misses her mum")."""
        return [
            Candidate(clause, "mind-reading", statement_of(clause.root))
            for clause in reason_clauses(doc)
            if not self.scope.inside(clause, quoted)
            and not self.scope.reported(clause.root)
            and not self.scope.hypothetical(clause.root)
        ]

    def _unlisted_evaluations(self, doc: Doc, matches: list[Span], quoted) -> list[Candidate]:
        """Evaluative predicates no list names ("a devoted dad", "Dad is the problem"): weak
        cues for the classifier. A noun counts only as what someone is said to be ("is a/the
        N"): a bare noun in a shorthand line ("is home more", "smell of alcohol") names a
        place or a thing, and the classifier, which scores the sentence and not the word,
        cannot tell it from a verdict."""
        listed = {t.i for m in matches for t in m}
        found = []
        for token in doc:
            if (
                token.i in listed
                or token.lower_ in self.observable
                or not (token.pos_ == "ADJ" or _said_to_be(token))
                or not use_of(token, shorthand=False).predicative
                or _holds_a_proposition(token)
            ):
                continue
            span = doc[token.i : token.i + 1]
            cue = "label" if token.pos_ == "NOUN" else "vague-evaluation"
            span.label_ = "vague_evaluations"
            if self.judge(span, quoted):
                found.append(candidate_for(span, cue, weak=True))
        return found

    # --- rules --------------------------------------------------------------
    def judge(self, match: Span, quoted: list[tuple[int, int]]) -> str | None:
        """The cue this match stands for, or None when it is not an unsupported claim."""
        cue = CUE_OF_LIST[match.label_]
        token = match.root
        if self.scope.inside(match, quoted) or self.scope.hypothetical(token):
            return None
        if _in_brackets(match) or _gives_basis(match) or _names_offence(token):
            return None
        if cue in ("hedge", "unsupported-judgement", "mind-reading") and concludes_an_assessment(
            token
        ):
            return None
        if len(match) == 1 and writers_own_reaction(token):
            return None
        if cue in ("mind-reading", "vague-evaluation", "label") and said_of_writer(token):
            return None
        if cue != "hedge" and self.scope.reported(token):
            return None
        if cue == "hedge" and self.scope.reported(token) and not self._writer_thinks(match):
            return None
        if not self._used_as_claim(match, cue):
            return None
        if self._supported(match, cue):
            return None
        if cue != "unsupported-judgement" and their_words_follow(match, quoted, BASIS_REACH):
            return None
        if cue == "vague-evaluation" and _timed_event(match):
            return None
        return cue

    def _writer_thinks(self, match: Span) -> bool:
        return any(self.scope.authored_by_writer(t) for t in match if t.pos_ == "VERB")

    def _used_as_claim(self, match: Span, cue: str) -> bool:
        token = match.root
        if len(match) == 1 and self.records_agreement(token):
            return False
        if cue == "mind-reading" and describes_posture(match):
            return False
        absence = cue == "vague-evaluation" and match[0].lower_ in ABSENCE_WORDS
        if absence and not stands_alone(match):
            return False
        if cue == "vague-evaluation" and (
            names_a_smell(match)
            or (len(match) == 1 and (_holds_a_proposition(token) or is_praise_formula(token)))
        ):
            return False
        if cue in ("label", "vague-evaluation") and len(match) == 1:
            use = use_of(token)
            if (
                cue == "label"
                and self.scope.negated(token)
                and token.lower_ not in self.judged_when_negated
            ):
                return False
            if self._said_of_thing(use) or judges_a_matter(token, self.matters):
                return False
            if names_a_condition(token):
                return False
            # "TJ taking on a caring role": a label on a thing names a kind of thing
            attributive = cue == "label" and use.subject is not None
            return use.predicative or (attributive and names_a_person(use.subject))
        if match.label_ in self.weak_lists and len(match) == 1:
            use = use_of(token)
            return use.predicative and not self._said_of_thing(use)
        if cue == "unsupported-judgement" and len(match) == 1:
            return token.head.lemma_.lower() not in MANNER_OF_SAYING
        if cue == "hedge":
            return hedge_used_as_claim(match, self.not_people)
        return True

    def _said_of_thing(self, use: Use) -> bool:
        subject = use.subject
        if subject is None or heads_a_section(subject):
            return False
        return subject.lower_ in self.not_people or subject.lemma_.lower() in self.not_people

    def records_agreement(self, token: Token) -> bool:
        """ "Mum is happy for the referral to go ahead", "happy to talk", "happy with the
        plan": consent given; "appropriate to continue", "safe to talk": a decision on what
        may be done. ("happy with him", a person, stays a judgement.)"""
        if token.lower_ not in self.agreement:
            return False
        # the parser hangs "for the referral to go ahead" on "is" as often as on "happy"
        holders = [token, token.head] if token.dep_ == "acomp" else [token]
        return any(
            c.dep_ == "xcomp"
            or (c.dep_ == "advcl" and any(m.lower_ == "for" for m in c.children))
            or agrees_to_arrangement(c, token)
            for holder in holders
            for c in holder.children
        )

    def _supported(self, match: Span, cue: str) -> bool:
        sent = statement_of(match.root)
        # a run-on is one "sentence" for the whole note: only words near the cue are its basis
        near = sent
        if is_run_on(sent):
            near = sent.doc[match.end : min(sent.end, match.end + BASIS_REACH)]
        if cue == "vague-evaluation" and (
            measured(match.doc[match.end : near.end]) or _measured_next(sent)
        ):
            return True
        if cue in self.settings["basis_in_sentence"] and (
            self.scope.basis_follows(match.end, near, guessed(match) if cue == "hedge" else None)
            or self._concludes_observations(match, sent)
        ):
            return True
        if cue in self.settings["basis_in_neighbour"] and bracketed_basis(match, near):
            return True
        subject, speech = use_of(match.root).subject, self.scope.words["speech"]
        if cue in self.settings["basis_in_behaviour"] and behaviour_follows(match, subject, speech):
            return True
        if cue in self.settings["basis_in_speech_next"] and they_speak_next(sent, subject, speech):
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


def _said_to_be(noun: Token) -> bool:
    """ "Dad is the problem here", "She is a pleasure to support": a noun with its article
    after "be", what someone is said to be."""
    return noun.pos_ == "NOUN" and noun.dep_ == "attr" and any(
        c.dep_ == "det" for c in noun.children
    )


def bracketed_basis(match: Span, near: Span) -> bool:
    """ "Not an immediate protection issue in my view (no injury, not frightened to go
    home)": the brackets after a judgement or a guess give what it rests on."""
    doc = match.doc
    opening = next((t for t in doc[match.end : near.end] if t.text == "("), None)
    if opening is None:
        return False
    inside = []
    for token in doc[opening.i + 1 : near.end]:
        if token.text == ")":
            break
        inside.append(token)
    return sum(t.is_alpha for t in inside) >= 2


def measured(after: Span, units: frozenset[str] | None = None) -> bool:
    """ "Good fluids with encouragement, 1100ml today", "Settled after about 20 mins": a
    quantity with its unit after the verdict is the how much the standard asks for. A bare
    number ("5 completed", "4AT 2") is a count or a score of something else. `units`, when
    given, narrows the units that count."""
    return any(unit in (units or MEASURE_UNITS) for unit in _units_measured(after))


def _units_measured(words: Span) -> list[str]:
    units = []
    for t in words:
        if match := MEASURE.fullmatch(t.text):
            units.append(t.text[match.start(1) :].lower())
        elif t.like_num and t.i + 1 < words.end and t.nbor(1).lower_ in MEASURE_UNITS:
            units.append(t.nbor(1).lower_)
    return units


def _measured_next(sent: Span) -> bool:
    """ "He was hot and sweaty. Temp 38.2, sats 95%.": the next sentence measures what the
    verdict put in a word, the basis the standard allows in the sentence next to it. A
    length of time there ("Property tidy. Visit 50 mins.") says how long something took,
    which measures nothing the verdict judged."""
    doc = sent.doc
    return sent.end < len(doc) and measured(statement_of(doc[sent.end]), BODY_MEASURE_UNITS)


def _holds_a_proposition(token: Token) -> bool:
    """ "Mum was clear this was not acceptable", "not sure whether it was a breach", "was
    satisfied there is nothing to suggest ...": the word gives someone's position on the
    clause that follows it, as a saying or thinking would; what is judged is in that clause,
    not in the word. The writer's own ("I'm sure he'll do it again") is the writer's view,
    as "I think" is."""
    holders = [token, token.head] if token.dep_ in ("acomp", "oprd") else [token]
    subject = use_of(token, shorthand=False).subject
    if subject is not None and subject.lower_ in FIRST_PERSON:
        return False
    return any(
        c.dep_ == "ccomp" and c.i > token.i for holder in holders for c in holder.children
    )


def _timed_event(match: Span) -> bool:
    """ "Settled by 01:50", "She settled at 02:50", "slept well from 22:30 to 05:30": a
    clock time after the word makes it an event someone watched happen, recorded when.
    (A time opening the line, "07:00 awake, ok", is the log's stamp, not this.)"""
    end = statement_of(match.root).end
    if not any_token_matching(match.doc, CLOCK_TIME, match.end, end):
        return False  # no clock time after the word: no need to walk the verb's subtree
    verb = match.root if match.root.pos_ == "VERB" else match.root.head
    return any(match.end <= t.i < end and CLOCK_TIME.fullmatch(t.text) for t in verb.subtree)


def _in_brackets(match: Span) -> bool:
    """ "(45, dx paranoid schizophrenia)": a diagnosis or aside, not a judgement."""
    before = match.doc[match.sent.start : match.start]
    return before.text.count("(") > before.text.count(")")


def _gives_basis(match: Span) -> bool:
    """ "... shared without consent as we believe ...": the cue is itself a reason given."""
    clause_start = clause_of(match.root, subordinate=False).start
    before = match.doc[clause_start : match.start]
    return any(
        t.lower_ in ("as", "because", "since") and t.dep_ in ("mark", "prep") and not _manner_as(t)
        for t in before
    )


def _manner_as(token: Token) -> bool:
    """ "presented as paranoid": `as` names the manner, it does not give a reason."""
    return token.dep_ == "prep" and token.head.lemma_.lower() in MANNER_VERBS


def _names_offence(token: Token) -> bool:
    """ "arrested for driving under the influence", "a conviction for being drunk", "charged
    with ABH and controlling behaviour", "convicted of": the words name what someone was
    charged with, a matter of record."""
    return any(
        a.lower_ in ("for", "with", "of") and a.head.lemma_.lower() in OFFENCE_RECORDS
        for a in token.ancestors
    )
