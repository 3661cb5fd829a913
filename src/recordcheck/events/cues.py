"""Which significant event a statement records, if any: cue words from significant.toml,
kept only where the writer records the event as having happened.

A cue does not count when it is negated ("no injuries seen"), conditional or
planned ("if she falls", "police to visit", "will refer to MARAC"), part of
the history ("history of self-harm", "bruise resolving"), a reference back to
an event already recorded ("re the bruising", "after an injury at home"), part
of a plan heading ("Plan: ..."), a label ("Injuries: none") or the title of a
document in quotation marks. A decision is different: "threshold not met" and
"will not open a s42" are decisions, so negation and the future do not remove one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from recordcheck.datafiles import merged_terms, package_toml
from recordcheck.events import cue_kinds, not_happened
from recordcheck.events.plans import PLAN_HEADINGS
from recordcheck.language.clauses import PAST_TAGS, clause_of, ends_statement
from recordcheck.language.doc_values import ends_in_question_mark, text_of
from recordcheck.language.matching import TermMatcher
from recordcheck.language.scope import Scope

# Most telling first: a statement with several cues is recorded as the first kind here.
KINDS = ("disclosure", "decision", "harm", "incident", "risk", "contact")
WORD_SETS = (
    "document_words", "plan_headings", "decision_headings", "planned_aux", "reference_words",
    "referring_determiners", "body_words", "relay_headings", "offence_words", "passing_on_verbs",
    "thing_pronouns",
)
FUTURE_WORDS = ("tomorrow", "next week", "next month", "upcoming", "later this week")
VIOLENT_VERBS = frozenset({
    "hit", "punch", "kick", "slap", "smack", "push", "shove", "grab", "beat", "attack", "burn",
    "scratch", "bite", "cut",
})
# a cue naming what kind of event another word names is still the event: "a choking incident"
EVENT_NOUNS = frozenset({"incident", "episode", "injury", "attempt", "event"})
DISCLOSING_VERBS = frozenset({"say", "tell", "disclose", "admit", "allege", "describe"})
# "Nobody touched her": a subject that denies the event
DENYING_SUBJECTS = frozenset({"nobody", "noone", "none", "no-one"})
# words between a reference word and the event it refers to: "re: Mr K's choking"
_REFERENCE_GAP = {"det", "poss", "case", "amod", "compound", "punct", "nummod", "nmod"}


@dataclass(frozen=True)
class Cue:
    kind: str
    span: Span  # the words that made it significant


def significant_terms(extra: Mapping[str, Sequence[str]] | None = None) -> dict[str, tuple]:
    """significant.toml's word lists, with an organisation's own words added."""
    lists = package_toml(__package__, "significant.toml")["terms"]
    # the plan headings are the events layer's one list (headings.toml)
    return merged_terms({**lists, "plan_headings": PLAN_HEADINGS}, extra)


class SignificantCues:
    def __init__(self, nlp, extra: Mapping[str, Sequence[str]] | None = None):
        lists = significant_terms(extra)
        self.lists = lists
        self.matcher = TermMatcher(nlp, {k: v for k, v in lists.items() if k not in WORD_SETS})
        self.words = {key: frozenset(lists[key]) for key in WORD_SETS}
        self.scope = Scope(nlp)

    def cues_in(
        self, statement: Span, matches: list[Span], quoted: list[tuple[int, int]]
    ) -> list[Cue]:
        """The statement's significant-event cues, most telling kind first.

        `matches` are the word-list matches of the whole note (matched once), `quoted`
        its quotations; only those inside the statement are read.
        """
        heading = _heading(statement)
        if heading is not None and heading.text.lower() in self.words["decision_headings"]:
            return [Cue("decision", heading)]  # "Decision: plans continue under neglect"
        if heading is not None and heading.text.lower() in self.words["plan_headings"]:
            return []  # "Plan: ...": to be done
        relayed = self._relays(statement)  # "Shared: DASH score ...": passed on, not new
        if ends_in_question_mark(statement):
            return []  # a question: "injury - reportable?"
        matches = [m for m in matches if statement.start <= m.start and m.end <= statement.end]
        by_label: dict[str, list[Span]] = {}
        for match in matches:
            by_label.setdefault(match.label_, []).append(match)
        excluded = by_label.get("not_significant", [])
        found = []
        for match in matches:
            kind = self._kind_of(match, by_label, quoted)
            if kind is None or any(_overlaps(match, other) for other in excluded):
                continue
            if self._is_label(match) or self._is_title(match, quoted):
                continue
            if kind == "decision" and not_happened.no_fixed_abode(match, statement):
                continue  # "NFA - rang Housing Options": no fixed abode, not no further action
            if relayed and kind != "decision":
                continue  # but "Advice: doesn't meet threshold" is the adviser's decision
            if kind == "risk" and self._passed_on(match):
                continue
            kind = cue_kinds.kind_as_reported(kind, match, statement)  # "Rang 101": contact
            if match.label_ == "decision_topic":
                match = _deciding_verb(match, by_label.get("decision_verb", []))
            if self._counts(match, kind, statement, by_label.get("background", [])):
                found.append(Cue(kind, match))
        return sorted(found, key=lambda cue: (KINDS.index(cue.kind), cue.span.start))

    def _kind_of(self, match: Span, by_label: dict[str, list[Span]], quoted) -> str | None:
        label = match.label_
        if label == "harm" and self._names_an_offence(match):
            return None  # "charged (non-fatal strangulation)": the offence, not harm done now
        if label == "harm" and self._abuse_told(match):
            return "disclosure"  # "Lorraine said Steve had strangled her"
        if label in KINDS:
            return label
        # "4 new cuts L forearm"; not "benefit cuts", "cuts to services"
        if label == "harm_noun" and match.root.pos_ == "NOUN" and not any(
            c.dep_ in ("compound", "prep") for c in match.root.children
        ):
            return "harm"
        if label == "decision_topic":
            clause = clause_of(match.root)
            verbs = by_label.get("decision_verb", [])
            if any(clause.start <= verb.start < clause.end for verb in verbs):
                return "decision"  # "Agreed joint s47", "ASC will not open a s42"
        if label == "telling" and any(t.start >= match.end for t in by_label.get("told_of", [])):
            return "disclosure"
        if label == "told_of" and self.scope.inside(match, quoted) and self._speech_in(match):
            return "disclosure"  # Zofia said "tata hit me with the slipper"
        if label == "told_of" and self._told_by_someone(match, self.scope.inside(match, quoted)):
            return "disclosure"  # He said he is frightened of Deano
        return None

    def _relays(self, statement: Span) -> bool:
        """Opens with a label of what was passed on or weighed: "Info shared by IDVA:"."""
        words = [t for t in statement[:6] if not t.is_space]
        colon = next((i for i, t in enumerate(words) if t.text == ":"), None)
        if colon is None or colon == 0:
            return False
        label = [t.lower_ for t in words[:colon]]
        relay = self.words["relay_headings"]
        return label[0] in relay or " ".join(label[:2]) in relay

    def _passed_on(self, match: Span) -> bool:
        """What a verb of passing on sends: "MARAC referral submitted", "Emailed the DASH
        to MARAC", and a clipped "Shared DASH, ..." the parser reads as a describing word."""
        root, verbs = match.root, self.words["passing_on_verbs"]
        while root.dep_ == "conj" and root.head.pos_ in ("NOUN", "PROPN"):
            root = root.head  # "Shared the chronology and DASH"
        # "MARAC referral checked and sent": the passing verb may be joined to the first
        heads = [root.head, *(c for c in root.head.children if c.dep_ == "conj")]
        if root.dep_ in ("dobj", "nsubjpass", "nsubj") and any(
            h.lemma_.lower() in verbs and (h.pos_ in ("VERB", "AUX") or h.tag_ == "VBN")
            for h in heads
        ):
            return True
        if not_happened.escalated_to_someone(match.root):
            return True
        return any(
            child.dep_ == "amod" and child.i == match.sent.start and child.lower_ in verbs
            for child in root.children
        )

    def _names_an_offence(self, match: Span) -> bool:
        """Under a verb or noun of the criminal process: "pleaded NG to strangulation",
        "changed his plea to guilty to strangulation", "charged (strangulation)"."""
        offence = self.words["offence_words"]
        if not_happened.an_offence_admitted(match):
            return True
        for node in match.root.ancestors:
            if node.lemma_.lower() in offence or node.lower_ in offence:
                return True
            if node.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "dobj" and c.lemma_.lower() in offence for c in node.children
            ):
                return True
        return False

    def _abuse_told(self, match: Span) -> bool:
        """Harm someone did to someone, as a person said it: "She said he hit her"."""
        root = match.root
        done_to = root.pos_ == "VERB" and any(
            c.dep_ in ("dobj", "agent") for c in root.children
        )
        return done_to and self._told_by_someone(match)

    def _told_by_someone(self, match: Span, quoted: bool = False) -> bool:
        """Said or told by someone other than the writer. Reporting verbs are left out: a
        professional who "reported" or "confirmed" bruising passes on harm, not a disclosure."""
        for node in match.root.ancestors:
            if node.lemma_.lower() in DISCLOSING_VERBS:
                if not_happened.told_before_the_telling(match, node, quoted):
                    return False
                subject = Scope.subject_of(node)
                return subject is None or subject.lower_ not in self.scope.words["first_person"]
        return False

    def _speech_in(self, match: Span) -> bool:
        speech = self.scope.words["speech"]
        return any(t.lemma_.lower() in speech for t in match.sent if t.i < match.start)

    def _counts(self, match: Span, kind: str, statement: Span, background: list[Span]) -> bool:
        """Recorded as having happened (a decision may be negative or in the future)."""
        root = match.root
        # the clause, not the sentence: "Agreed s47; PC Grant to consider ..." is no plan
        if self.scope.hypothetical(root, within=clause_of(root, subordinate=False)):
            return False
        if not_happened.in_condition(match, statement) or not_happened.a_count(root, kind):
            return False
        if kind == "decision":
            return not self._planned(root, statement, modal=False)
        if self.negated(match) or self._planned(root, statement, modal=True):
            return False
        if self._not_one_event(root, kind, statement):
            return False
        if self._refers_back(match) or self._describes_another(match):
            return False
        if not_happened.has_particle(root):
            return False
        if kind == "harm" and self._damages_a_thing(match):
            return False
        clause = clause_of(root)
        return not any(clause.start <= s.start < clause.end for s in background)

    def negated(self, match: Span) -> bool:
        # "no further action", "not home by": the negation is part of the cue itself
        negation = self.scope.words["negation"]
        if any(token.lemma_.lower() in negation for token in match):
            return False
        root = match.root
        if self.scope.negated(root, within=clause_of(root, subordinate=False)):
            return True
        verb = _verb_of(root, match.sent)
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb else []
        return any(
            s.lower_ in DENYING_SUBJECTS or (s.lower_ == "one" and s.nbor(-1).lower_ == "no")
            for s in subjects
        )

    def _not_one_event(self, root: Token, kind: str, statement: Span) -> bool:
        """Denied by a noun, gone, a habit, or the writer's explaining (not_happened.py)."""
        if not_happened.denied_by_a_noun(root) or not_happened.to_be_excluded(root):
            return True
        if kind == "harm" and not_happened.said_to_be_gone(root):
            return True
        first_person = self.scope.words["first_person"]
        if not_happened.explained_by_the_writer(root, statement, first_person):
            return True
        return kind != "disclosure" and not_happened.a_habit(root)

    def _planned(self, root: Token, statement: Span, *, modal: bool) -> bool:
        """ "Police to visit", "will refer", "Call 999 if ...", "next week": not done yet.

        `to` makes a plan only on a verb that is not the object of a done one:
        "tried to leave" happened.
        """
        verb = _verb_of(root, statement)
        if verb is not None:
            if not_happened.is_instruction(verb):
                return True
            auxiliaries = {
                child.lower_
                for child in verb.children
                if child.dep_ in ("aux", "auxpass") and child.lower_ in self.words["planned_aux"]
            }
            if verb.dep_ == "conj" and verb.head.i != verb.i:
                # "likely to close to CIN & step down": the first verb's "to" is both verbs'
                auxiliaries |= {
                    c.lower_ for c in verb.head.children
                    if c.dep_ == "aux" and c.lower_ in self.words["planned_aux"]
                }
                verb = verb.head
            done_then_to = verb.dep_ == "xcomp" and verb.head.tag_ in PAST_TAGS
            if "to" in auxiliaries and not done_then_to:
                return True
            if modal and auxiliaries - {"to"}:
                return True
        text = clause_of(root).text.lower()
        return modal and any(word in text for word in FUTURE_WORDS)

    def _refers_back(self, match: Span) -> bool:
        """ "the bruising", "re: choking incident", "after an injury at home", "the
        pattern of bruising"."""
        root, doc = match.root, match.doc
        if root.dep_ == "pobj" and root.head.lower_ == "of" and any(
            c.dep_ == "det" and c.lower_ in self.words["referring_determiners"]
            for c in root.head.head.children
        ):
            return True
        if root.pos_ not in ("NOUN", "PROPN") and root.dep_ not in ("amod", "compound", "acl"):
            return False
        # "the choking incident", "the man arrested": the determiner may sit on the noun
        # the cue describes
        describes = root.dep_ in ("amod", "compound", "acl")
        named = [root, root.head] if describes else [root]
        if any(
            child.dep_ == "det" and child.lower_ in self.words["referring_determiners"]
            for node in named
            for child in node.children
        ):
            return True
        index = match.start - 1
        while index >= max(0, match.start - 5) and doc[index].dep_ in _REFERENCE_GAP:
            index -= 1
        return index >= 0 and doc[index].lower_ in self.words["reference_words"]

    @staticmethod
    def _describes_another(match: Span) -> bool:
        """A cue word naming something else: "knife incident", a job ("J Harker, Paramedic")."""
        root = match.root
        head = root.head
        return cue_kinds.a_job_title(match) or (
            root.dep_ in ("compound", "amod")
            and head.i >= match.end
            and head.pos_ == "NOUN"
            and not head.like_num
            and head.lemma_.lower() not in EVENT_NOUNS
        )

    def _damages_a_thing(self, match: Span) -> bool:
        """ "pushed the bowl off the table", "pushed it away", "marks on the carpet" are damage;
        "pushed him", "grabbed my arm", "a mark on his cheek" are harm."""
        root, last = match.root, match[-1]
        if last.dep_ == "prep":  # "mark on", "cut to": what it is on
            objects = [c for c in last.children if c.dep_ == "pobj"]
        elif root.lemma_.lower() in VIOLENT_VERBS:
            objects = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
        else:
            return False
        body = self.words["body_words"]
        # "pushed it away" is the cup; "pushed it into her face" is aimed at someone
        aimed = any(
            o.dep_ == "pobj" and (o.lemma_.lower() in body or o.pos_ in ("PRON", "PROPN"))
            for p in root.children if p.dep_ == "prep" for o in p.children
        )
        return bool(objects) and all(
            (o.pos_ == "NOUN" and o.lemma_.lower() not in body)
            or (o.lower_ in self.words["thing_pronouns"] and not aimed)
            for o in objects
        )

    @staticmethod
    def _is_label(match: Span) -> bool:
        """ "Injuries: none", "Self-harm: nil": a form's label, the answer after it."""
        doc = match.doc
        if match.end >= len(doc) or doc[match.end].text != ":":
            return False
        before = match.start - 1  # at most one word before it on its line: "Any injuries:"
        return before < 0 or ends_statement(doc[before]) or (
            doc[before].pos_ not in ("VERB", "AUX")
            and (before == 0 or ends_statement(doc[before - 1]) or doc[before].is_sent_start)
        )

    def _is_title(self, match: Span, quoted: list[tuple[int, int]]) -> bool:
        """In quotation marks that hold a document's title, not someone's words:
        the "Falls Prevention" leaflet, the policy called "Self-harm and you"."""
        for start, end in quoted:
            if not (start <= match.start_char and match.end_char <= end):
                continue
            words = text_of(match.doc)[start + 1 : end - 1].split()
            capitals = [w for w in words if len(w) > 3 and w[0].isalpha()]
            title_case = len(words) >= 2 and all(w[0].isupper() for w in capitals)
            opening = match.doc.char_span(start, start + 1, alignment_mode="expand")
            before = match.doc[max(0, opening.start - 3) : opening.start] if opening else []
            return title_case or any(t.lower_ in self.words["document_words"] for t in before)
        return False


def _deciding_verb(topic: Span, verbs: list[Span]) -> Span:
    """What was decided is read from the deciding word, not the topic's head: "NMO granted
    by DJ Cartwright - not to come within 100m" is granted, though the parser hangs the
    NMO on the order's terms."""
    clause = clause_of(topic.root)
    return next((v for v in verbs if clause.start <= v.start < clause.end), topic)


def _verb_of(token: Token, statement: Span) -> Token | None:
    """The token itself when a verb, else its nearest verb above it in the statement."""
    for node in [token, *token.ancestors]:
        if not statement.start <= node.i < statement.end:
            return None
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _heading(statement: Span) -> Span | None:
    """The one or two words before a colon that open a statement: "Plan", "Next steps"."""
    words = [t for t in statement if not (t.is_punct and t.text != ":") and not t.is_space]
    for size in (1, 2):
        if len(words) > size and words[size].text == ":":
            return statement.doc[words[0].i : words[size - 1].i + 1]
    return None


def _overlaps(one: Span, other: Span) -> bool:
    return one.start < other.end and other.start < one.end
