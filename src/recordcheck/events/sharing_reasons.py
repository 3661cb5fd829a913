"""Whether the note records why its sharing was done, and which sharing a reason covers.

Consent given or a legal basis anywhere in the note covers all of its sharing
(consent withdrawn, refused or for closing the case is none: sharing_consent). A
purpose covers only the sharing it sits in or follows: sharing sentences that
follow one another are one act (an episode), and each episode needs its own
purpose, so "Rang 999 ... so the crew knew what to expect. Son informed." still
lacks a reason for telling the son. Agreement to one act in other words ("Mum
agreed to a CAMHS referral") covers referrals, and the sharing beside it, like a
purpose; agreement given after the act in its sentence ("Switch referral done
there and then, he agreed", "(she asked for it herself)") is agreement to it, and
agreement naming an agency ("Pt now agrees to police being informed") covers
telling that agency wherever the note records it. A partner's asking or agreeing is
theirs, not the person's consent, and consent given for someone else's sharing
("With Gemma's consent she shared: ...") is the basis of theirs. A "because" inside what was
told ("told her she left because of DA") is what was said, not why it was said;
a reason given for the writer's own sharing, however worded ("I had to share
this because it was about him being safe"), is a basis like "shared because".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from recordcheck.events.sharing_consent import ConsentReader
from recordcheck.events.sharing_parties import PROFESSIONAL_TITLES, Parties
from recordcheck.events.sharing_purposes import PurposeReader
from recordcheck.events.sharing_shape import gives_a_reason
from recordcheck.events.sharing_words import CLIENT_FACING, WORD_CLASSES, WRITER
from recordcheck.language.matching import TermMatcher
from recordcheck.language.scope import Scope

# "she agreed to a foodbank referral", "Amina wanted mum told": the person's own wish
AGREEING = WORD_CLASSES["agreeing"]
# reasons that can as well be part of what was told: "told her she left because of DA"
CAUSAL = WORD_CLASSES["causal"]
REASON_LISTS = ("consent_cues_lemma", "legal_basis_lemma", "purpose_cues_lemma")
RECIPIENT_LISTS = ("agencies", "people")
# the words that give a reason for what their clause hangs on: "because", "as", "since"
EXPLAINING = WORD_CLASSES["explaining"]
# "he agreed to it", "she asked for it herself": the act just recorded
BACK_REFERENCE = WORD_CLASSES["back_reference"]
# what an agreement is to ("agreed to", "asked for"); "in the end", "at the visit" say when
AGREED_THING_LINKS = WORD_CLASSES["agreed_thing_links"]
SHARING_LABELS = ("sharing_verbs", "sharing_acts", "split_verbs")
# best interests is a basis for the act it is said of: a referral or a telling, not a
# meeting, a photograph or a move ("following a best interests meeting")
BEST_INTERESTS = WORD_CLASSES["best_interests"]
# sharing named as a thing: "the sharing is in her best interests"
SHARING_NOUNS = WORD_CLASSES["sharing_nouns"]
TO_WRITER = WORD_CLASSES["to_writer"]
# "No PPN was sent", "nothing was shared": a subject so marked records no sharing done
NO_SUBJECT = WORD_CLASSES["no_subject"]
THE_PERSON = frozenset(WORD_CLASSES["the_person"])  # "service user", "client"
FINITE_VERB_TAGS = {"VBD", "VBZ", "VBP", "MD"}  # a verb of its own: "For info I rang ..."


class ReasonFinder:
    """The consent, legal-basis and purpose words, and the rule for which sharing they cover."""

    def __init__(
        self,
        nlp: Language,
        lists: Mapping[str, Sequence[str]],
        acts: TermMatcher,
        parties: Parties | None = None,
    ):
        # who is a partner or a colleague: their agreeing is a decision or a request, not the
        # person's consent
        self.parties = parties
        self.reasons = TermMatcher(nlp, {key: lists[key] for key in REASON_LISTS})
        self.acts = acts  # the direction reader's sharing words: what an agreement agrees to
        self.purposes = PurposeReader(nlp, lists, acts)
        self.scope = Scope(nlp)
        self.consent = ConsentReader(self.scope)
        # agencies and people: whom an agreement names as the ones to be told
        self.recipients = TermMatcher(nlp, {key: lists[key] for key in RECIPIENT_LISTS})

    def recorded(self, doc: Doc, outward: list[Span]) -> bool:
        """Consent or a legal basis anywhere; else a purpose for each sharing, in or after it.

        Agreement to one act ("Mum agreed to a CAMHS referral") covers referrals and the
        sharing it sits beside, not telling mum herself earlier in the call.
        """
        reasons = self.reasons.spans(doc)
        if any(self._stands(r) for r in reasons) or self._sharing_explained(doc):
            return True
        agreements = self._agreements_to_sharing(doc)
        purposes = {
            r.sent.start for r in reasons if r.label_ == "purpose_cues" and not _told_content(r)
        }
        purposes.update(
            s.start
            for s in doc.sents
            if _purpose_clause(s)
            or self.purposes.for_a_forum(s)
            or _purpose_fragment(s, self.purposes.not_a_purpose)
        )
        purposes.update(self.purposes.own_requests(doc))  # "Emailed X. Requested a review."
        # agreement also covers the sharing just after it: "He agreed to both. Shared ..."
        purposes.update(edge for s in agreements for edge in (s.start, s.end))
        # a purpose the grammar gives one act covers that act alone, not the one beside it
        own_purpose = self.purposes.covered(doc, outward)
        # "Dawn asked whether Mrs W can give her views. Explained ...": the sharing answers her
        answers = self.purposes.answers(doc)
        # "Pt now agrees to police being informed": the agreement covers telling the police
        agreed_with = {p for s in agreements for p in self._agencies_agreed(s)}
        return bool(outward) and all(
            any(s.start in purposes or s.end in purposes for s in episode)
            or (agreements and any(self.acts.has(s, "sharing_acts") for s in episode))
            or all(s.start in own_purpose for s in episode)
            or episode[0].start in answers
            or bool(agreed_with and any(self._agencies(s) & agreed_with for s in episode))
            for episode in episodes(outward)
        )

    def _stands(self, reason: Span) -> bool:
        """Consent given, or a basis for sharing: "consent withdrawn" and "no consent" are none,
        and best interests said of anything but sharing ("a best interests meeting")."""
        if reason.label_ == "consent_cues":
            if reason.root.lemma_.lower() in BEST_INTERESTS and not self._speaks_of_sharing(reason):
                return False  # "following a best interests meeting", "photos taken in his BI"
            if self._for_someone_elses_sharing(reason):
                return False  # "With Gemma's consent she shared: ...": the partner's sharing
            return self.consent.given(reason)
        if reason.label_ == "legal_basis":
            return reason[0].lower_ != "without" or self.consent.given(reason)
        return False

    def _agreements_to_sharing(self, doc: Doc) -> list[Span]:
        """Sentences giving consent in other words: "She agreed to a foodbank referral"."""
        found = []
        partners = self.parties.outside_names(doc) if self.parties is not None else frozenset()
        for sent in doc.sents:
            agreeing = [
                t for t in sent if t.lemma_.lower() in AGREEING and t.lower_ not in ("agreed:",)
            ]
            if not agreeing:
                continue
            acts = self.acts.spans(sent)
            subject_ok = any(
                (subj := Scope.subject_of(t)) is not None
                and subj.lower_ not in WRITER
                and not self._professional(subj, partners)
                for t in agreeing
            )
            later_act = any(a.label_ != "contact_verbs" and a.start > agreeing[0].i for a in acts)
            agrees_to = any(
                t.i + 1 < sent.end and sent.doc[t.i + 1].lower_ == "to" for t in agreeing
            )
            # "Switch referral done there and then, he agreed", "(she asked for it herself)"
            to_the_act = any(_agrees_to_what_went_before(t, acts) for t in agreeing)
            if subject_ok and (later_act or (agrees_to and acts) or to_the_act):
                found.append(sent)
        return found

    def _professional(self, subject: Token, partners: frozenset[str]) -> bool:
        """ "Mr Pearson (DSL) asked how she is doing", "the SW agreed", "Dr Lowe agreed": a
        partner's or a colleague's asking or agreeing is a request or a decision, not the
        person's consent to the sharing (a name the note ties to an outside role, a role or
        an agency, or a professional title); family's agreeing stays theirs."""
        if self.parties is None:
            return False
        # the subject and the words before it: "the duty SW", not "kit given for his nan";
        # not a possessor's ("the GP's patient", "Service user's mum")
        owner = {t.i for c in subject.children if c.dep_ == "poss" for t in c.subtree}
        start = max(owner, default=subject.left_edge.i - 1) + 1
        phrase = subject.doc[start : subject.i + 1]
        if any(phrase[-n:].text.lower() in THE_PERSON for n in (1, 2) if len(phrase) >= n):
            return False
        return (
            subject.lower_ in partners
            or any(p.label_ != "people" for p in self.parties.matcher.spans(phrase))
            or any(t.text.rstrip(".") in PROFESSIONAL_TITLES for t in phrase)
        )

    def _for_someone_elses_sharing(self, reason: Span) -> bool:
        """ "With Gemma's consent she shared: ...": consent hung on a sharing by someone other
        than the writer is the basis of theirs, not of the writer's."""
        link = reason.root.head
        if link.lower_ != "with" or link.dep_ != "prep" or link.head.i == link.i:
            return False
        verb = link.head
        subject = Scope.subject_of(verb)
        return (
            subject is not None
            and subject.dep_ == "nsubj"
            and subject.lower_ not in WRITER
            # a person or a party ("she", "mum", "the school"), not what was sent: "Copy sent
            # with his consent to Mr Hollins" is a telegraphic passive, the writer's sharing
            and (
                subject.pos_ == "PRON"
                or self.recipients.has(subject.doc[subject.i : subject.i + 1])
            )
            and any(
                m.label_ == "sharing_verbs" and m.start <= verb.i < m.end
                for m in self.acts.spans(reason.sent)
            )
        )

    def _speaks_of_sharing(self, reason: Span) -> bool:
        """ "referral made in her best interests", "the sharing is in her best interests"."""
        sent = reason.sent
        return any(t.lower_ in SHARING_NOUNS for t in sent) or any(
            m.label_ in SHARING_LABELS for m in self.acts.spans(sent)
        )

    def _agencies_agreed(self, agreement: Span) -> set[str]:
        """The agencies an agreement names after its agreeing word: "agrees to police being
        informed"; not one who agreed ("Dr Haworth agreed SALT referral")."""
        agreeing = next(t for t in agreement if t.lemma_.lower() in AGREEING)
        return self._agencies(agreement.doc[agreeing.i + 1 : agreement.end])

    def _agencies(self, words: Span) -> set[str]:
        return {p.text.lower() for p in self.recipients.spans(words) if p.label_ == "agencies"}

    def _sharing_explained(self, doc: Doc) -> bool:
        """A reason given for sharing itself, in whatever words: "I had to share this because
        it was about him being safe", "referred as she is at risk" (beside the listed forms
        "shared because", "referred because"). Not sharing held back ("didn't tell the
        school because she was scared")."""
        for token in doc:
            if token.lower_ not in EXPLAINING or token.dep_ != "mark":
                continue
            verb = token.head.head if token.head.dep_ == "advcl" else None
            if verb is None or not _writers_sharing(self.scope, verb):
                continue
            acts = [m for m in self.acts.spans(verb.sent) if m.label_ in SHARING_LABELS]
            done = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
            if any(m.start <= v.i < m.end for m in acts for v in done):
                return True
        return False


def episodes(outward: list[Span]) -> list[list[Span]]:
    """Sharing sentences that follow one another are one act: "Sent X to ASC. Shared: ..."."""
    found: list[list[Span]] = []
    for sent in outward:
        if found and found[-1][-1].end == sent.start:
            found[-1].append(sent)
        else:
            found.append([sent])
    return found


def _writers_sharing(scope: Scope, verb: Token) -> bool:
    """Sharing the writer did: not negated ("No PPN was sent"), wished for ("if she wants
    police informed"), sent to us, or someone else's ("told the school she reported it")."""
    subject = Scope.subject_of(verb)
    if subject is not None and subject.pos_ == "PRON" and subject.lower_ not in WRITER:
        return False
    if subject is not None and (
        subject.lower_ in NO_SUBJECT or any(c.lower_ in NO_SUBJECT for c in subject.children)
    ):
        return False
    to_us = any(
        c.dep_ in ("prep", "dative") and any(o.lower_ in TO_WRITER for o in c.children)
        for c in verb.children
    )
    sent = verb.sent
    return not (to_us or scope.negated(verb, within=sent) or scope.hypothetical(verb, sent))


def _agrees_to_what_went_before(agreeing: Token, acts: list[Span]) -> bool:
    """ "Switch referral done there and then, he agreed", "(she asked for it herself)": an
    agreement after the act in its sentence, with nothing of its own agreed to but the act."""
    if not any(a.label_ != "contact_verbs" and a.end <= agreeing.i for a in acts):
        return False
    for child in agreeing.children:
        if child.dep_ in ("dobj", "xcomp", "ccomp", "attr", "acomp"):
            return False
        if (
            child.dep_ == "prep"
            and child.lower_ in AGREED_THING_LINKS
            and any(c.dep_ == "pobj" and c.lower_ not in BACK_REFERENCE for c in child.children)
        ):
            # "he asked for her medication list": a request of his own; "agreed in the end"
            # says when, and agrees to the act
            return False
    return True


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
    """ "... sent to GP so everyone follows the same plan": a "so" clause gives a purpose;
    "instalments changed given OD - pharmacy informed": a "given" phrase gives a reason,
    unless it is part of what was told ("told her she moved given the risk")."""
    return any(
        (
            t.lower_ == "so"
            and t.i + 1 < sent.end
            and sent.doc[t.i + 1].pos_ in ("PRON", "DET", "PROPN", "NOUN")
        )
        or (gives_a_reason(t) and not _told_content(sent.doc[t.i : t.i + 1]))
        for t in sent
    )


def _purpose_fragment(sent: Span, not_a_purpose: frozenset[str]) -> bool:
    """ "Emailed CRHT and the surgery re the call. For info and risk assessment.": a line
    with no verb of its own, opening with "for" and a thing, says what the sharing before it
    was for; not "For Tom.", "For 2 weeks." (whom, when) or "For review: ..." (a heading)."""
    words = [t for t in sent if not t.is_punct]
    if not words or words[0].lower_ != "for" or any(t.text == ":" for t in sent):
        return False
    if any(t.tag_ in FINITE_VERB_TAGS for t in words):
        return False
    things = [t for t in words[1:] if t.pos_ == "NOUN"]
    return bool(things) and things[0].lemma_.lower() not in not_a_purpose
