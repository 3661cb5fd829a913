"""Whether the note records why its sharing was done, and which sharing a reason covers.

Consent given or a legal basis anywhere in the note covers all of its sharing
(consent withdrawn, refused or for closing the case is none: sharing_consent). A
purpose covers only the sharing it sits in or follows: sharing sentences that
follow one another are one act (an episode), and each episode needs its own
purpose, so "Rang 999 ... so the crew knew what to expect. Son informed." still
lacks a reason for telling the son. Agreement to one act in other words ("Mum
agreed to a CAMHS referral") covers referrals, and the sharing beside it, like a
purpose. A "because" inside what was told ("told her she left because of DA")
is what was said, not why it was said.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from recordcheck.events.sharing_consent import ConsentReader
from recordcheck.events.sharing_purposes import PurposeReader
from recordcheck.events.sharing_words import CLIENT_FACING, WORD_CLASSES, WRITER
from recordcheck.language.matching import TermMatcher
from recordcheck.language.scope import Scope

# "she agreed to a foodbank referral", "Amina wanted mum told": the person's own wish
AGREEING = WORD_CLASSES["agreeing"]
# reasons that can as well be part of what was told: "told her she left because of DA"
CAUSAL = WORD_CLASSES["causal"]
REASON_LISTS = ("consent_cues_lemma", "legal_basis_lemma", "purpose_cues_lemma")


class ReasonFinder:
    """The consent, legal-basis and purpose words, and the rule for which sharing they cover."""

    def __init__(self, nlp: Language, lists: Mapping[str, Sequence[str]], acts: TermMatcher):
        self.reasons = TermMatcher(nlp, {key: lists[key] for key in REASON_LISTS})
        self.acts = acts  # the direction reader's sharing words: what an agreement agrees to
        self.purposes = PurposeReader(nlp, lists, acts)
        self.scope = Scope(nlp)
        self.consent = ConsentReader(self.scope)

    def recorded(self, doc: Doc, outward: list[Span]) -> bool:
        """Consent or a legal basis anywhere; else a purpose for each sharing, in or after it.

        Agreement to one act ("Mum agreed to a CAMHS referral") covers referrals and the
        sharing it sits beside, not telling mum herself earlier in the call.
        """
        reasons = self.reasons.spans(doc)
        if any(self._stands(r) for r in reasons):
            return True
        agreements = self._agreements_to_sharing(doc)
        purposes = {
            r.sent.start for r in reasons if r.label_ == "purpose_cues" and not _told_content(r)
        }
        purposes.update(s.start for s in doc.sents if _purpose_clause(s))
        # agreement also covers the sharing just after it: "He agreed to both. Shared ..."
        purposes.update(edge for s in agreements for edge in (s.start, s.end))
        # a purpose the grammar gives one act covers that act alone, not the one beside it
        own_purpose = self.purposes.covered(doc, outward)
        return bool(outward) and all(
            any(s.start in purposes or s.end in purposes for s in episode)
            or (agreements and any(self.acts.has(s, "sharing_acts") for s in episode))
            or all(s.start in own_purpose for s in episode)
            for episode in episodes(outward)
        )

    def _stands(self, reason: Span) -> bool:
        """Consent given, or a basis for sharing: "consent withdrawn" and "no consent" are none."""
        if reason.label_ == "consent_cues":
            return self.consent.given(reason)
        if reason.label_ == "legal_basis":
            return reason[0].lower_ != "without" or self.consent.given(reason)
        return False

    def _agreements_to_sharing(self, doc: Doc) -> list[Span]:
        """Sentences giving consent in other words: "She agreed to a foodbank referral"."""
        found = []
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
            later_act = any(a.label_ != "contact_verbs" and a.start > agreeing[0].i for a in acts)
            agrees_to = any(
                t.i + 1 < sent.end and sent.doc[t.i + 1].lower_ == "to" for t in agreeing
            )
            if subject_ok and (later_act or (agrees_to and acts)):
                found.append(sent)
        return found


def episodes(outward: list[Span]) -> list[list[Span]]:
    """Sharing sentences that follow one another are one act: "Sent X to ASC. Shared: ..."."""
    found: list[list[Span]] = []
    for sent in outward:
        if found and found[-1][-1].end == sent.start:
            found[-1].append(sent)
        else:
            found.append([sent])
    return found


def _told_content(reason: Span) -> bool:
    """ "Told her she left because of DA": a reason inside what was said is not why it was said."""
    if reason[0].lower_ not in CAUSAL:
        return False
    sent = reason.sent
    before = sent.doc[sent.start : reason.start]
    if any(t.text == ":" for t in before):
        return True
    cause = reason.root.head
    if reason.root.dep_ == "mark" and cause.head.i != cause.i:
        cause = cause.head  # "... as there is a risk": the clause hangs on the verb it explains
    return any(
        t.lemma_.lower() in CLIENT_FACING and t.i < cause.i and t.i != cause.i for t in before
    )


def _purpose_clause(sent: Span) -> bool:
    """ "... sent to GP so everyone follows the same plan": a "so" clause gives a purpose."""
    return any(
        t.lower_ == "so"
        and t.i + 1 < sent.end
        and sent.doc[t.i + 1].pos_ in ("PRON", "DET", "PROPN", "NOUN")
        for t in sent
    )
