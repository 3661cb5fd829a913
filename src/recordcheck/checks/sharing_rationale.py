"""Check `sharing_rationale`: information shared without recording why.

Recording standard, "Check `sharing-rationale`": flag a note that records
personal information shared with or disclosed to another agency or person
(a referral, concerns passed to police, the GP emailed, a report sent to MASH)
without recording why: the purpose, and the consent position or the basis for
sharing without consent. Information received, and internal discussion with a
manager or in supervision, are not sharing.

Marks:
- `doc.spans["rc_sharing"]`: every sentence recording OUTWARD sharing, label
  "rationale" or "no_rationale" (the partner register reads these);
- `doc.spans["rc_received"]`: sentences recording information received;
- `doc.spans["rc_sharing_rationale"]`: the sharing sentence to flag, label
  "sharing-without-reason", when the note records no reason at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from recordcheck.checks.lexicon import read_data, terms
from recordcheck.checks.matching import TermMatcher
from recordcheck.checks.note_context import note_type
from recordcheck.checks.scope import Scope

SPAN_GROUP = "rc_sharing_rationale"
SHARING_GROUP = "rc_sharing"
RECEIVED_GROUP = "rc_received"
CUE = "sharing-without-reason"
WRITER = {"i", "we", "me", "us", "myself", "sw", "writer"}
TO_WRITER = {"me", "us", "myself"}
RECEIVED_WORDS = {"received", "receive", "rec'd", "recd", "from", "via"}
NOT_YET = {
    "to",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "shall",
    "must",
    "not",
    "n't",
    "no",
    "never",
    "if",
    "whether",
}
NOT_YET_WINDOW = 3  # tokens before the verb
# earlier in the sentence, these make the sharing an agreement or a plan: "Agreed: referral to ..."
PLANNING = {
    "agreed",
    "agree",
    "offered",
    "plan",
    "plans",
    "actions",
    "action",
    "discussed",
    "consider",
    "considered",
    "recommend",
    "recommended",
    "suggested",
    "needs",
    "need",
}
# sharing that needs no named recipient: the word itself says it went out
SHARED_WITHOUT_RECIPIENT = {
    "share",
    "shared",
    "disclose",
    "disclosed",
    "notify",
    "notified",
    "escalate",
    "escalated",
}
# "told her ..." is usually the person the note is about; these need a named outside party
CLIENT_FACING = {
    "tell",
    "told",
    "explain",
    "explained",
    "advise",
    "advised",
    "give",
    "gave",
    "update",
    "updated",
    "inform",
    "informed",
    "let",
    "make",
    "made",
}
# verbs by which the writer makes a referral or notification happen
MAKING = {
    "make",
    "made",
    "send",
    "sent",
    "submit",
    "submitted",
    "complete",
    "completed",
    "do",
    "done",
    "raise",
    "raised",
    "fax",
    "email",
    "forward",
    "phone",
    "phoned",
    "ring",
    "rang",
    "log",
    "logged",
    "action",
    "actioned",
}
AGREEING = {"agree", "consent", "happy"}  # "she agreed to a foodbank referral"
RECIPIENT_WINDOW = 4  # tokens after "told"/"updated" in which the one told is named
NOT_A_SHARING_ACT = {
    "order",
    "orders",
    "panel",
    "meeting",
    "form",
    "pathway",
    "criteria",
    "threshold",
    "about",
    "re",
}


@Language.factory(
    "rc_sharing_rationale",
    assigns=["doc.spans"],
    requires=["token.dep", "token.lemma", "doc.sents"],
    default_config={"extra_terms": {}},
)
def make_sharing_rationale_check(nlp: Language, name: str, extra_terms: dict):
    return SharingRationaleCheck(nlp, extra_terms)


class SharingRationaleCheck:
    def __init__(self, nlp: Language, extra_terms: Mapping[str, Sequence[str]]):
        lists = terms("sharing_rationale", extra_terms)
        self.acts = TermMatcher(
            nlp,
            {
                key: lists[key]
                for key in (
                    "sharing_verbs_lemma",
                    "sharing_acts_lemma",
                    "contact_verbs_lemma",
                    "received_lemma",
                )
            },
        )
        self.reasons = TermMatcher(
            nlp,
            {
                key: lists[key]
                for key in ("consent_cues_lemma", "legal_basis_lemma", "purpose_cues_lemma")
            },
        )
        self.parties = TermMatcher(
            nlp, {key: lists[key] for key in ("agencies", "internal_recipients", "people")}
        )
        self.scope = Scope(nlp)
        self.internal_types = frozenset(read_data("sharing_rationale")["note_types"]["internal"])

    def __call__(self, doc: Doc) -> Doc:
        if note_type(doc) in self.internal_types:
            for group in (SPAN_GROUP, SHARING_GROUP, RECEIVED_GROUP):
                doc.spans[group] = []
            return doc
        outward: list[Span] = []
        received: list[Span] = []
        in_touch = False  # the previous sentence got in touch with an outside party
        for sent in doc.sents:
            way, contacted = self.direction(sent, in_touch)
            in_touch = contacted
            (outward if way == "out" else received if way == "in" else []).append(sent)
        note_has_reason = self._reason_recorded(doc, outward)
        label = "rationale" if note_has_reason else "no_rationale"
        doc.spans[SHARING_GROUP] = [sentence_span(s, label) for s in outward]
        doc.spans[RECEIVED_GROUP] = [sentence_span(s, "received") for s in received]
        doc.spans[SPAN_GROUP] = (
            [] if note_has_reason or not outward else [sentence_span(outward[0], CUE)]
        )
        return doc

    def _reason_recorded(self, doc: Doc, outward: list[Span]) -> bool:
        """Consent or a legal basis anywhere; a purpose in or just after a sharing sentence."""
        reasons = self.reasons.spans(doc)
        if any(
            r.label_ in ("consent_cues", "legal_basis") for r in reasons
        ) or self._agreed_to_sharing(doc):
            return True
        near = {s.start for s in outward} | {s.end for s in outward}
        near_sentences = [s for s in doc.sents if s.start in near]
        return any(r.label_ == "purpose_cues" and r.sent.start in near for r in reasons) or any(
            _purpose_clause(s) for s in near_sentences
        )

    def _agreed_to_sharing(self, doc: Doc) -> bool:
        """Consent in other words: "She agreed to a foodbank referral"."""
        for sent in doc.sents:
            agreeing = [
                t for t in sent if t.lemma_.lower() in AGREEING and t.lower_ not in ("agreed:",)
            ]
            if not agreeing:
                continue
            acts = self.acts.spans(sent)
            subject_ok = any(
                (subj := Scope.subject_of(t)) is not None and subj.lower_ not in WRITER
                for t in agreeing
            )
            if subject_ok and any(
                a.label_ != "contact_verbs" and a.start > agreeing[0].i for a in acts
            ):
                return True
            if (
                subject_ok
                and any(t.i + 1 < sent.end and sent.doc[t.i + 1].lower_ == "to" for t in agreeing)
                and acts
            ):
                return True
        return False

    # --- which way information went ---------------------------------------------
    def direction(self, sent: Span, in_touch: bool) -> tuple[str, bool]:
        """("out" | "in" | "", whether the writer got in touch with an outside party here)."""
        matches = self.acts.spans(sent)
        contacted = any(
            m.label_ == "contact_verbs"
            and self._by_writer(m)
            and self._party_after(m, client_facing=True)
            for m in matches
        )
        verdict = ""
        for match in matches:
            if match.label_ == "received" and not self._not_yet(match):
                verdict = "in"
            if match.label_ in ("contact_verbs", "received") or self._not_yet(match):
                continue
            if self._received(match):
                verdict = verdict or "in"
                continue
            if self._by_writer(match) and self._outward(match, in_touch or contacted):
                return "out", contacted
        return verdict, contacted

    def _outward(self, match: Span, contacted: bool) -> bool:
        word = match.text.lower()
        after = match.doc[match.end : match.sent.end]
        if any(t.lower_ == "internal" for t in match.sent):
            return False
        if len(after) and after[0].lower_ == "by":
            return False  # "explained by mum", "shared by DC Wilde": not the writer sharing
        if match.label_ == "sharing_acts":
            return (
                not (len(after) and after[0].lower_ in NOT_A_SHARING_ACT)
                and not self._about(match)
                and _act_made_by_writer(match.root)
            )
        if _modifies_noun(match) or (match.root.pos_ == "NOUN" and not _followed_by(match, "to")):
            return False  # "the shared fridge", "carer report:"
        if self._only_internal(after):
            return False
        if self._party_after(
            match, client_facing=match.root.lemma_.lower() in CLIENT_FACING or word in CLIENT_FACING
        ):
            return True
        return contacted or word in SHARED_WITHOUT_RECIPIENT

    def _not_yet(self, match: Span) -> bool:
        """Planned, conditional or negated sharing has not happened."""
        doc = match.doc
        before = doc[max(match.sent.start, match.start - NOT_YET_WINDOW) : match.start]
        if any(t.lower_ in NOT_YET for t in before):
            return True
        if any(t.lower_ in PLANNING for t in doc[match.sent.start : match.start]):
            return True
        return self.scope.hypothetical(match.root) and match.root.tag_ not in ("VBD", "VBN")

    def _received(self, match: Span) -> bool:
        doc = match.doc
        if any(
            t.lower_ in RECEIVED_WORDS
            for t in doc[match.start : min(match.end + 2, match.sent.end)]
        ):
            return True
        if any(t.lower_ in ("received", "rec'd") for t in match.sent):
            return True
        agent = doc[match.end : min(match.end + 3, match.sent.end)]
        if (
            len(agent) > 1
            and agent[0].lower_ == "by"
            and (agent[1].pos_ == "PROPN" or self.parties.has(agent))
        ):
            return True
        nxt = doc[match.end] if match.end < match.sent.end else None
        return nxt is not None and nxt.lower_ in TO_WRITER

    def _by_writer(self, match: Span) -> bool:
        subject = Scope.subject_of(match.root)
        if subject is None or subject.dep_ == "nsubjpass" or subject.lower_ in WRITER:
            return True
        if subject.pos_ == "NOUN" and not self._is_party(subject):
            return True  # "Concerns passed to police": a telegraphic passive
        # the tagger often reads telegraphic "Referred Beryl ...", "Rang X and gave ..." as names:
        # a sentence opening with a verb of ours was written by the writer about themselves
        opening = self.acts.spans(match.sent)
        return subject.i > match.root.i or (bool(opening) and opening[0].start == match.sent.start)

    def _is_party(self, token) -> bool:
        return self.parties.has(token.doc[token.left_edge.i : token.right_edge.i + 1])

    def _about(self, match: Span) -> bool:
        """ "Spoke to Graham about the referral": talk about sharing is not sharing."""
        doc = match.doc
        before = doc[max(match.sent.start, match.start - 3) : match.start]
        return any(t.lower_ in ("about", "re", "discussed", "discuss") for t in before)

    def _party_after(self, match: Span, client_facing: bool) -> bool:
        """An outside party after the verb: anywhere for "sent ... to X", next for "told X"."""
        after = match.doc[match.end : match.sent.end]
        if client_facing:
            after = after[:RECIPIENT_WINDOW]
        if self._outside_parties(after):
            return True
        return not client_facing and any(t.pos_ == "PROPN" for t in after[:RECIPIENT_WINDOW])

    def _outside_parties(self, words: Span) -> list[Span]:
        parties = self.parties.spans(words)
        internal = [p for p in parties if p.label_ == "internal_recipients"]
        return [
            p
            for p in parties
            if p.label_ != "internal_recipients"
            and not any(i.start <= p.start < i.end or p.start <= i.start < p.end for i in internal)
        ]

    def _only_internal(self, words: Span) -> bool:
        parties = self.parties.spans(words)
        return bool(parties) and not self._outside_parties(words)


def _act_made_by_writer(word) -> bool:
    """A referral the writer made: "Referral to ASC.", "Referral sent", "made a referral"."""
    if word.pos_ == "VERB" or word.dep_ == "ROOT":
        return True
    head = word.head
    if word.dep_ == "conj" and head.i != word.i:
        return _act_made_by_writer(head)
    if head.lemma_.lower() in MAKING or head.lower_ in MAKING:
        subject = Scope.subject_of(head)
        return (
            subject is None
            or subject.i == word.i
            or subject.lower_ in WRITER
            or subject.dep_ == "nsubjpass"
        )
    return word.dep_ in ("appos", "npadvmod", "dep")


def _purpose_clause(sent: Span) -> bool:
    """ "... sent to GP so everyone follows the same plan": a "so" clause gives a purpose."""
    return any(
        t.lower_ == "so"
        and t.i + 1 < sent.end
        and sent.doc[t.i + 1].pos_ in ("PRON", "DET", "PROPN", "NOUN")
        for t in sent
    )


def _modifies_noun(match: Span) -> bool:
    """A participle used as an adjective ("the shared fridge", ", shared bathroom").

    "... and updated reception" is a verb the tagger misread: it follows a conjunction.
    """
    previous = match.doc[match.start - 1] if match.start > match.sent.start else None
    modifier = match.root.dep_ in ("amod", "compound")
    return modifier and previous is not None and previous.pos_ not in ("CCONJ", "SPACE")


def _followed_by(match: Span, word: str) -> bool:
    return match.end < match.sent.end and match.doc[match.end].lower_ == word


def sentence_span(sent: Span, label: str) -> Span:
    """The sentence without trailing punctuation or whitespace, labelled."""
    end = sent.end
    while end > sent.start + 1 and (sent.doc[end - 1].is_space or sent.doc[end - 1].is_punct):
        end -= 1
    return Span(sent.doc, sent.start, end, label=label)
