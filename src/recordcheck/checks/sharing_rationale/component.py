"""Check `sharing_rationale`: information shared without recording why.

Recording standard, "Check `sharing-rationale`": flag a note that records
personal information shared with or disclosed to another agency or person
(a referral, concerns passed to police, the GP emailed, a report sent to MASH)
without recording why: the purpose, and the consent position or the basis for
sharing without consent. Information received, telling the person themselves,
and internal discussion with a manager or in supervision, are not sharing.

Consent or a basis anywhere in the note covers all of its sharing; a purpose
covers only the sharing it sits in or follows (consecutive sharing sentences
are one act), so "Rang 999 ... so the crew knew what to expect. Son informed."
is still flagged for the son. Agreement to one act in other words ("Mum agreed to a
CAMHS referral") covers referrals and the sharing beside it, like a purpose.

Marks:
- `doc.spans["rc_sharing"]`: every sentence recording OUTWARD sharing, label
  "rationale" or "no_rationale" (the partner register reads these);
- `doc.spans["rc_received"]`: sentences recording information received;
- `doc.spans["rc_sharing_rationale"]`: the sharing sentence to flag, label
  "sharing-without-reason", when some sharing in the note has no reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from recordcheck.datafiles import merged_terms, package_toml, word_classes
from recordcheck.language.agencies import load_lexicon
from recordcheck.language.matching import TermMatcher
from recordcheck.language.note_context import note_type
from recordcheck.language.scope import Scope

DATA = package_toml(__package__, "terms.toml")
SPAN_GROUP = package_toml(__package__, "check.toml")["check"]["span_group"]
SHARING_GROUP = "rc_sharing"
RECEIVED_GROUP = "rc_received"
CUE = "sharing-without-reason"
WORD_CLASSES = word_classes(DATA)
WRITER = WORD_CLASSES["writer"]
TO_WRITER = WORD_CLASSES["to_writer"]
RECEIVED_WORDS = WORD_CLASSES["received_words"]
NOT_YET = WORD_CLASSES["not_yet"]
NOT_YET_WINDOW = 3  # tokens before the verb
# earlier in the sentence, these make the sharing an agreement or a plan: "Agreed: referral to ..."
PLANNING = WORD_CLASSES["planning"]
# "Next steps: refer for ...", but not "Steps taken: referred ..."
PLAN_HEADINGS = {("next", "steps"), ("next", "step")}
# sharing that needs no named recipient: the word itself says it went out
SHARED_WITHOUT_RECIPIENT = WORD_CLASSES["shared_without_recipient"]
# "told her ..." is usually the person the note is about; these need a named outside party
CLIENT_FACING = WORD_CLASSES["client_facing"]
# verbs by which the writer makes a referral or notification happen
MAKING = WORD_CLASSES["making"]
# "she agreed to a foodbank referral", "Amina wanted mum told": the person's own wish
AGREEING = WORD_CLASSES["agreeing"]
# verbs whose object is the thing sent ("sent the MSU"): a named recipient follows "to"/"with"
THING_SENT = WORD_CLASSES["thing_sent"]
SPLIT_VERB_GAP = 4  # tokens between "let" and "know" in "let the nursery manager know"
NAME_PARTS = {"PROPN"}
# "Probation informed." / "GP notified today": a telegraphic passive names who was told
TOLD_PASSIVELY = WORD_CLASSES["told_passively"]
AFTER_TELEGRAPHIC_PASSIVE = WORD_CLASSES["after_telegraphic_passive"]
# "Son informed by text": after "by", these name how the news went, not who gave it
CHANNELS = WORD_CLASSES["channels"]
# what a bulleted line opens with: "- Sent summary to ..."
BULLETS = {"-", "*", "•", "–", "·", ">"}
AGENT_WINDOW = 5  # tokens after a participle in which "by <someone>" names the doer
CALLER_PRONOUNS = WORD_CLASSES["caller_pronouns"]
OWN_PLAN_WINDOW = 4  # tokens after "told" in which "I'd ..." / "we will ..." starts
MODALS = WORD_CLASSES["modals"]
TITLES = WORD_CLASSES["titles"]
ROLE_AFTER_NAME = {",", "("}  # "Kim Sheldon (HV)", "Jon Barker, Housing"
# reasons that can as well be part of what was told: "told her she left because of DA"
CAUSAL = WORD_CLASSES["causal"]
# where the one told ends and what they were told begins: "updated him that police ..."
CONTENT_OPENERS = WORD_CLASSES["content_openers"]
OWN_SIDE = WORD_CLASSES["own_side"]
RECIPIENT_WINDOW = 4  # tokens after "told"/"updated" in which the one told is named
NOT_A_SHARING_ACT = WORD_CLASSES["not_a_sharing_act"]


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
        lists = merged_terms(DATA["terms"], extra_terms)
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
        # Who information can go to: this check's own words for services and roles,
        # plus every named organisation in the shared agency lexicon (an organisation's
        # [partners] agencies reach `agencies` through its rules file).
        recipients = {key: lists[key] for key in ("agencies", "internal_recipients", "people")}
        recipients["agencies"] = (*recipients["agencies"], *load_lexicon().named_agency_terms())
        self.parties = TermMatcher(nlp, recipients)
        # "let X know", "fill X in": the one told sits between the verb and its particle
        split = [phrase.split() for phrase in lists["split_verbs_lemma"]]
        self.split_tails = {words[0]: words[-1] for words in split}
        self.split_heads = TermMatcher(nlp, {"sharing_verbs_lemma": list(self.split_tails)})
        self.not_information = frozenset(word.lower() for word in lists["not_information"])
        self.information = frozenset(word.lower() for word in lists["information_words"])
        self.scope = Scope(nlp)
        self.internal_types = frozenset(DATA["note_types"]["internal"])

    def __call__(self, doc: Doc) -> Doc:
        if note_type(doc) in self.internal_types:
            for group in (SPAN_GROUP, SHARING_GROUP, RECEIVED_GROUP):
                doc.spans[group] = []
            return doc
        outward: list[Span] = []
        received: list[Span] = []
        in_touch = False  # the previous sentence got in touch with an outside party
        outsiders = self._outside_names(doc)
        caller = self._outside_caller(doc)
        if caller:
            outsiders |= CALLER_PRONOUNS
        for sent in doc.sents:
            # "PC Aziz rang ... asked for his CPN's name. Gave both.": the caller is on the line
            way, contacted = self.direction(sent, in_touch or caller, outsiders)
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
        """Consent or a legal basis anywhere; else a purpose for each sharing, in or after it.

        Agreement to one act ("Mum agreed to a CAMHS referral") covers referrals and the
        sharing it sits beside, not telling mum herself earlier in the call.
        """
        reasons = self.reasons.spans(doc)
        if any(r.label_ in ("consent_cues", "legal_basis") for r in reasons):
            return True
        agreements = self._agreements_to_sharing(doc)
        purposes = {
            r.sent.start for r in reasons if r.label_ == "purpose_cues" and not _told_content(r)
        }
        purposes.update(s.start for s in doc.sents if _purpose_clause(s))
        # agreement also covers the sharing just after it: "He agreed to both. Shared ..."
        purposes.update(edge for s in agreements for edge in (s.start, s.end))
        return bool(outward) and all(
            any(s.start in purposes or s.end in purposes for s in episode)
            or (agreements and any(self.acts.has(s, "sharing_acts") for s in episode))
            for episode in _episodes(outward)
        )

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

    # --- which way information went ---------------------------------------------
    def direction(
        self, sent: Span, in_touch: bool, outsiders: frozenset[str] = frozenset()
    ) -> tuple[str, bool]:
        """("out" | "in" | "", whether the writer got in touch with an outside party here)."""
        matches = sorted(
            self.acts.spans(sent) + self._split_verbs(sent), key=lambda m: (m.start, m.end)
        )
        contacted = any(
            m.label_ == "contact_verbs"
            and self._by_writer(m)
            and self._party_after(m, client_facing=True, outsiders=outsiders)
            for m in matches
        )
        verdict = ""
        for match in matches:
            if match.label_ == "received" and not self._not_yet(match):
                verdict = "in"
            if match.label_ == "contact_verbs" and self._discussed_with(match):
                return "out", contacted
            if match.label_ in ("contact_verbs", "received") or self._not_yet(match):
                continue
            if self._received(match):
                verdict = verdict or "in"
                continue
            if self._told_passively(match):
                return "out", contacted
            if self._by_writer(match) and self._outward(match, in_touch or contacted, outsiders):
                return "out", contacted
        return verdict, contacted

    def _split_verbs(self, sent: Span) -> list[Span]:
        """ "let the manager know", "filled him in": the verb, when its particle follows."""
        found = []
        for head in self.split_heads.spans(sent):
            lemma = head.root.lemma_.lower()
            tail = self.split_tails.get(lemma) or self.split_tails.get(head.text.lower())
            following = sent.doc[head.end : min(sent.end, head.end + SPLIT_VERB_GAP + 1)]
            if any(t.lemma_.lower() == tail or t.lower_ == tail for t in following[1:]):
                found.append(head)
        return found

    def _outward(self, match: Span, contacted: bool, outsiders: frozenset[str]) -> bool:
        word = match.text.lower()
        after = match.doc[match.end : match.sent.end]
        if any(t.lower_ == "internal" for t in match.sent):
            return False
        if len(after) and after[0].lower_ == "by":
            return False  # "explained by mum", "shared by DC Wilde": not the writer sharing
        passive = match.label_ == "sharing_acts" or match.root.tag_ == "VBN"
        if passive and self._agent_named(after[:AGENT_WINDOW]):
            return False  # "Concern raised to ASC by Lakeside Bank": the bank raised it
        if match.label_ == "sharing_acts":
            return (
                not (len(after) and after[0].lower_ in NOT_A_SHARING_ACT)
                and not self._about(match)
                and _act_made_by_writer(match.root)
            )
        if _modifies_noun(match) or match.root.pos_ == "NOUN":
            # "the shared fridge", "carer report:"; "Email to provider:" names the channel,
            # like "Letter to GP": what went out is in the words that follow
            return False
        if self._only_internal(after, contacted) or self._sends_no_information(match.root):
            return False
        client_facing = match.root.lemma_.lower() in CLIENT_FACING or word in CLIENT_FACING
        if client_facing and _own_plan_told(after):
            return False
        if self._party_after(match, client_facing, outsiders):
            return True
        return contacted or word in SHARED_WITHOUT_RECIPIENT

    def _not_yet(self, match: Span) -> bool:
        """Planned, conditional or negated sharing has not happened."""
        doc = match.doc
        line = _line_start(match)
        before = doc[max(line, match.start - NOT_YET_WINDOW) : match.start]
        if any(t.lower_ in NOT_YET for t in before):
            return True
        if any(t.lower_ in PLANNING for t in doc[line : match.start]):
            return True
        if any((t.lower_, t.nbor().lower_) in PLAN_HEADINGS for t in doc[line : match.start - 1]):
            return True
        return self.scope.hypothetical(match.root) and match.root.tag_ not in ("VBD", "VBN")

    def _discussed_with(self, match: Span) -> bool:
        """ "Spoke to the practice nurse about George's falls": the writer told an agency.

        With family it is as often their own matter ("spoke to mum about next steps").
        """
        if match[-1].lower_ not in ("to", "with") or self._not_yet(match):
            return False
        after = match.doc[match.end : match.sent.end]
        recipient = after[: _past_names(after, RECIPIENT_WINDOW)]
        agencies = [p for p in self._outside_parties(recipient) if p.label_ == "agencies"]
        if not (agencies and self._by_writer(match)):
            return False
        about = next((t for t in after if t.lower_ == "about"), None)
        return about is not None and not self.acts.has(match.doc[about.i : about.i + 3])

    def _told_passively(self, match: Span) -> bool:
        """ "Probation informed.", "Office and son Martin informed": the writer told them."""
        verb = match.root
        if verb.lemma_.lower() not in TOLD_PASSIVELY or verb.pos_ != "VERB":
            return False
        subject = Scope.subject_of(verb)
        if verb.dep_ == "acl" and verb.head.i < verb.i:
            subject = verb.head  # "Son informed by text." parsed as a noun phrase
        elif subject is None or subject.i > verb.i:
            return False  # "Police were informed", "GP notified" both name the one told
        if any(c.dep_ in ("dobj", "dative", "attr") for c in verb.children):
            return False  # "Mum informed staff ...": she told them
        nxt = match.doc[match.end] if match.end < match.sent.end else None
        after_by = match.doc[match.end + 1] if match.end + 1 < match.sent.end else None
        if nxt is not None and nxt.lower_ == "by":
            if after_by is None or after_by.lower_ not in CHANNELS:
                return False  # "DSL informed by form tutor": the tutor told the DSL
        elif nxt is not None and not (
            nxt.is_punct
            or nxt.lower_ in AFTER_TELEGRAPHIC_PASSIVE
            or (nxt.lower_ in ("about", "re") and _explicit_passive(verb))
        ):
            return False  # "Police informed that ...", "GP informed me", "Son informed by PC X"
        words = match.doc[subject.left_edge.i : subject.right_edge.i + 1]
        return bool(self._outside_parties(words))

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
        previous = match.doc[match.start - 1] if match.start > match.sent.start else None
        if subject is None and previous is not None and previous.pos_ == "CCONJ":
            # "X sent apologies and shared records": a verb the parser missed shares X's subject
            subject = Scope.subject_of(match.sent.root)
        if (
            subject is not None
            and subject.dep_ == "nsubjpass"
            and subject.head.i != match.root.i
            and any(c.dep_ == "dobj" for c in match.root.children)
        ):
            # "GP surgery invited, sent apologies and shared records": the one invited did it
            return not self._is_party(subject)
        if subject is None or subject.dep_ == "nsubjpass" or subject.lower_ in WRITER:
            return True
        if _is_heading(subject):
            return True  # "Outcome: Told the neighbour ...": a section label, not a doer
        if subject.lower_ in self.information or (
            subject.pos_ == "NOUN" and not self._is_party(subject)
        ):
            return True  # telegraphic passives: "Concerns passed to police", "Info shared w/ ..."
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

    def _party_after(
        self, match: Span, client_facing: bool, outsiders: frozenset[str] = frozenset()
    ) -> bool:
        """An outside party after the verb: anywhere for "sent ... to X", next for "told X"."""
        after = match.doc[match.end : match.sent.end]
        if client_facing:
            after = after[: _past_names(after, RECIPIENT_WINDOW)]
            opener = next((t.i for t in after if t.lower_ in CONTENT_OPENERS), after.end)
            after = match.doc[after.start : opener]
        if self._outside_parties(after):
            return True
        if client_facing:
            return any(
                (t.pos_ in NAME_PARTS or t.i == after.start) and t.lower_ in outsiders
                for t in after
            )
        if match.root.lemma_.lower() not in THING_SENT and match.text.lower() not in THING_SENT:
            return any(t.pos_ == "PROPN" for t in after[:RECIPIENT_WINDOW])
        if not _names_what_was_sent(match.root):
            return False  # "Sent to the Hub": a person sent somewhere, not information
        return any(
            t.pos_ == "PROPN" and t.i - 3 <= w.i < t.i
            for w in after
            if w.lower_ in ("to", "with")
            for t in after
        )

    def _outside_parties(self, words: Span) -> list[Span]:
        parties = self.parties.spans(words)
        internal = [p for p in parties if p.label_ == "internal_recipients"]
        return [
            p
            for p in parties
            if p.label_ != "internal_recipients"
            and not any(i.start <= p.start < i.end or p.start <= i.start < p.end for i in internal)
        ]

    def _sends_no_information(self, verb) -> bool:
        """ "Sent MSU", "sent apologies": a sample or a courtesy, not news of someone."""
        themes = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        subject = Scope.subject_of(verb)
        if subject is not None and subject.pos_ == "NOUN":
            themes.append(subject)  # telegraphic passive: "application sent"
        return any(
            t.lemma_.lower() in self.not_information or t.lower_ in self.not_information
            for t in themes
        )

    def _agent_named(self, words: Span) -> bool:
        """ "... by Lakeside Bank", "... by PC Jones": a passive whose doer is named."""
        for word in words:
            if word.lower_ == "by" and word.i + 1 < words.end:
                agent = words.doc[word.i + 1 : min(words.end, word.i + 3)]
                if agent[0].pos_ == "PROPN" or self.parties.has(agent):
                    return True
        return False

    def _outside_caller(self, doc: Doc) -> bool:
        """Someone outside rang or wrote in: "Call from Patricia's son", "Her neighbour rang"."""
        for match in self.acts.spans(doc):
            if match.label_ == "received" and match[-1].lower_ == "from":
                words = doc[match.end : match.sent.end]
                if self._outside_parties(words[: _past_names(words, RECIPIENT_WINDOW)]):
                    return True
            elif match.label_ == "contact_verbs":
                subject = Scope.subject_of(match.root)
                if subject is not None and subject.i < match.start and subject.lower_ not in WRITER:
                    caller = doc[subject.left_edge.i : subject.right_edge.i + 1]
                    if self._outside_parties(caller):
                        return True
        return False

    def _outside_names(self, doc: Doc) -> frozenset[str]:
        """Names the note ties to an outside role: "practice nurse Anne Boyce", "Kim (HV)"."""
        names: set[str] = set()
        for party in self._outside_parties(doc[:]):
            names.update(_name_at(doc, party.end, step=1))
            if party.start >= 2 and doc[party.start - 1].text in ROLE_AFTER_NAME:
                names.update(_name_at(doc, party.start - 2, step=-1))
        return frozenset(names)

    def _only_internal(self, words: Span, contacted: bool = False) -> bool:
        """Only in-house recipients; with an outside party on the line, "the manager" is theirs."""
        parties = self.parties.spans(words)
        if contacted:
            parties = [p for p in parties if any(t.lower_ in OWN_SIDE for t in p)]
            return bool(parties)
        return bool(parties) and not self._outside_parties(words)


def _act_made_by_writer(word) -> bool:
    """A referral the writer made: "Referral to ASC.", "Referral sent", "made a referral"."""
    if word.pos_ == "VERB" or word.dep_ == "ROOT":
        return True
    following = word.doc[word.i + 1] if word.i + 1 < word.sent.end else None
    if following is not None and following.lower_ == "to":
        return True  # "Referral to ASC and to the CMHT ...", whatever the parser made of it
    if word.i == word.sent.start and word.lower_.endswith("ed"):
        return True  # "Referred Beryl to ASC": the tagger reads a telegraphic verb as a name
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


def _own_plan_told(after: Span) -> bool:
    """ "Told Christine I'd look into it": the writer's next step, not news about anyone."""
    opening = after[:OWN_PLAN_WINDOW]
    return any(
        t.lower_ in ("i", "we") and t.i + 1 < after.end and after.doc[t.i + 1].lower_ in MODALS
        for t in opening
    )


def _name_at(doc: Doc, index: int, step: int) -> set[str]:
    """The name running from `index` (forwards or backwards) by which the person is called."""
    if not 0 <= index < len(doc):
        return set()
    sent = doc[index].sent
    run = []
    while sent.start <= index < sent.end and doc[index].pos_ in NAME_PARTS:
        run.append(doc[index].lower_)
        index += step
    if step < 0:
        run.reverse()
    given = [word for word in run if word not in TITLES]
    return set(given[:1])


def _past_names(words: Span, window: int) -> int:
    """The window's end, pushed past a name running over it ("Kelby Drug & Alcohol Service")."""
    end = min(window, len(words))
    while end < len(words) and _name_part(words[end - 1]) and _name_part(words[end]):
        end += 1
    return end


def _name_part(token) -> bool:
    return token.pos_ in NAME_PARTS or token.text == "&"  # "Westvale Fire & Rescue Service"


def _names_what_was_sent(verb) -> bool:
    """ "Sent the chronology", "Referral sent": something was sent, not somebody."""
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return True
    return Scope.subject_of(verb) is not None


def _episodes(outward: list[Span]) -> list[list[Span]]:
    """Sharing sentences that follow one another are one act: "Sent X to ASC. Shared: ..."."""
    episodes: list[list[Span]] = []
    for sent in outward:
        if episodes and episodes[-1][-1].end == sent.start:
            episodes[-1].append(sent)
        else:
            episodes.append([sent])
    return episodes


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


def _modifies_noun(match: Span) -> bool:
    """A participle used as an adjective ("the shared fridge", ", shared bathroom").

    "... and updated reception" is a verb the tagger misread: it follows a conjunction.
    """
    previous = match.doc[match.start - 1] if match.start > match.sent.start else None
    modifier = match.root.dep_ in ("amod", "compound")
    opens_line = _line_start(match) == match.start
    return (
        modifier
        and not opens_line
        and previous is not None
        and previous.pos_ not in ("CCONJ", "SPACE")
    )


def _line_start(match: Span) -> int:
    """The first word of the match's line, past any bullet: bulleted lines often parse as one
    sentence, and a plan on one line says nothing about the next."""
    doc = match.doc
    start = match.start
    while start > match.sent.start and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    while start < match.start and (doc[start].text in BULLETS or doc[start].is_space):
        start += 1
    return start


def _is_heading(token) -> bool:
    """ "Outcome:", "Action taken:": a label the parser took for the subject."""
    edge = token.right_edge
    following = token.doc[edge.i + 1] if edge.i + 1 < len(token.doc) else edge
    return ":" in (edge.text, following.text)


def _explicit_passive(verb) -> bool:
    """ "Police are informed about Colin": an auxiliary makes the passive certain."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def sentence_span(sent: Span, label: str) -> Span:
    """The sentence without trailing punctuation or whitespace, labelled."""
    end = sent.end
    while end > sent.start + 1 and (sent.doc[end - 1].is_space or sent.doc[end - 1].is_punct):
        end -= 1
    return Span(sent.doc, sent.start, end, label=label)
