"""Purposes the grammar gives, beyond the purpose words: why a sharing act was done.

A sharing sentence records its purpose when the act carries
- an infinitive of purpose: "Emailed brokerage to end the package", "Rang the ward to
  arrange transport"; not a verb of telling that only restates the act ("Rang Careline
  to let them know", "to update them"), nor what one was told to do ("Told him to ...");
- a request: "Emailed his social worker requesting extra funding", "Rang the
  surgery and asked for a review", "Told the pharmacist to send him to us" (the
  standard's corpus reading: a referral or booking whose content is the request
  itself has its purpose recorded);
- what the act is for: "Referral for a carer's assessment", "referred to fire and
  rescue for a home safety visit"; not a person or a time ("for Tom", "for the
  third time"), and not what was talked about ("told mum about the plan for discharge");
- a statutory notification: sent to the regulator or a supervisory body, its basis
  is the duty that requires it ("CQC notification submitted"); a document sent to
  such a body is not one ("emailed the DoLS team a copy of the plan");
- the writer's own request in the sentence after it: "Emailed the SW with a summary.
  Requested a return home interview";
- the purpose a partner's request just before it gives: "Email from the SW
  requesting school information for assessment. Sent same day ..."; not a bare
  request ("PC Aziz asked for his CPN's name. Gave both"), the writer's own
  asking ("Asked re OT"), nor the person's or family's;
- the plan, protocol or agreement it was done under: "Emailed the SW as per the CIN
  plan", "in line with the protocol"; not one inside what was told ("explained obs
  continue as per policy"), not a person ("per Dariusz"), not what went with the act
  ("sent the school a copy with the plan"), and not a sharing on another line of a block
  parsed as one sentence ("emailed as per protocol. / Rang EDT - details given to SW").

Such a purpose covers its own act only: "Referral to the diabetes team for
review. DN informed." still lacks a reason for telling the DN, and "emailed the
school to ask how he is getting on and told them mum is struggling" one for the
telling.

Sharing after a decision the note records under its label ("Decision: emergency
recall. ... PC Hollis informed") tells those who must act on it, for that purpose
(sharing_requests.py, with requests made by telling: "Told the pharmacist to ...").

A note that records a multi-agency forum (a strategy discussion, a child
protection conference, a core group, a MARAC) shares in it for the forum's
purpose, a report submitted to it ("YJS report submitted") among it, as is a report
written for a forum wherever it is sent ("ICPC report sent to the conference unit"); a referral
reported there ("Young Carers - referral made 25/02") is an act of its own and
needs its own reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from recordcheck.events import sharing_requests
from recordcheck.events.sharing_requests import decision_label, instruction, notice_of_decision
from recordcheck.events.sharing_words import CLIENT_FACING, DATA, WORD_CLASSES, WRITER
from recordcheck.language.clauses import line_start
from recordcheck.language.matching import TermMatcher
from recordcheck.language.note_context import note_type
from recordcheck.language.scope import Scope

# verbs of telling: "to let them know", "to update" restate the sharing, they give no purpose
TELLING = WORD_CLASSES["telling"]
# verbs whose clause is a request: "requesting a review", "asked for a visit"
REQUESTING = WORD_CLASSES["requesting"]
# "for" a person or a time names who or when, not what for (with the family words of [terms])
NOT_A_PURPOSE = WORD_CLASSES["not_a_purpose"]
# the acts a statutory body's duty requires: "notification submitted", "application sent"
NOTIFYING = WORD_CLASSES["notifying"]
# where the content of what was told begins: "about", "re"
CONTENT_OPENERS = WORD_CLASSES["content_openers"]
# what a basis is named by: "as per the CIN plan", "under the protocol", "in line with"
BASIS_LINKS = WORD_CLASSES["basis_links"]
# a partner's request or question the sharing after it answers: "Dawn asked whether ..."
ASKING = WORD_CLASSES["asking"]
# "in line with", "in accordance with": the words before a "with" that names a basis
BASIS_WITH = WORD_CLASSES["basis_with"]
# plans, protocols and agreements an act can be done under
OBLIGATIONS = WORD_CLASSES["obligations"]
# the links by which a clause or phrase hangs on the act it gives the purpose of
ATTACHING = {
    "advcl", "xcomp", "conj", "acl", "relcl", "prep", "pobj", "dobj", "appos", "npadvmod", "dep"
}
ATTACH_STEPS = 4  # links walked up from a purpose word to the act
PURPOSE_LISTS = ("statutory_bodies", "forums")
# the acts that pass something on; a contact ("Rang EDT") or news received needs no purpose
SHARING_LABELS = ("sharing_verbs", "sharing_acts")
# what a forum's note submits to the forum itself: "YJS report submitted", "report sent"
TO_THE_FORUM = WORD_CLASSES["to_the_forum"]
NOMINAL_ROLES = ("nsubj", "nsubjpass", "dobj", "pobj", "compound")
FORUM_OPENING = 3  # tokens at the note's start within which a forum names what the note records


class PurposeReader:
    """Finds purposes the grammar gives to a sharing act, and forums the note records."""

    def __init__(self, nlp: Language, lists: Mapping[str, Sequence[str]], acts: TermMatcher):
        self.acts = acts  # the direction reader's sharing and contact words
        self.terms = TermMatcher(nlp, {key: lists[key] for key in PURPOSE_LISTS})
        # a meeting note's type names the forum: "Core Group Meeting", "Meeting", "Panel Meeting"
        self.forum_types = (*(t.lower() for t in lists["forums"]), *DATA["note_types"]["meetings"])
        # "referral for mum", "applications for two carers": for whom, not what for
        self.not_a_purpose = NOT_A_PURPOSE | {word.lower() for word in lists["people"]}

    def covered(self, doc: Doc, outward: list[Span]) -> set[int]:
        """The starts of the sharing sentences whose own act, or the forum, gives the purpose."""
        forum = self.at_forum(doc)
        decision = decision_label(doc)
        return {
            sent.start
            for sent in outward
            if self.gives_purpose(sent)
            or (forum and not self._refers(sent))
            or notice_of_decision(decision, self._sharing_in(sent))
        }

    def _sharing_in(self, sent: Span) -> list[Span]:
        return [m for m in self.acts.spans(sent) if m.label_ in SHARING_LABELS]

    def answers(self, doc: Doc) -> set[int]:
        """The starts of the sentences just after a partner's request that gives its purpose:
        the sharing there answers it, for that purpose ("Email from the SW requesting school
        information for assessment. Sent same day ...")."""
        return {
            sent.end
            for sent in doc.sents
            if not self.acts.has(sent, "sharing_acts")
            and any(self._partners_request(token) for token in sent)
        }

    def own_requests(self, doc: Doc) -> set[int]:
        """The starts of the sentences opening with the writer's own request, which give the
        purpose of the sharing just before them: "Emailed the SW with a summary and the log.
        Requested a return home interview and asked whether ..."."""
        found = set()
        for sent in doc.sents:
            opening = next((t for t in sent if t.is_alpha), None)
            if opening is None or opening.pos_ != "VERB" or Scope.subject_of(opening) is not None:
                continue
            addressed = [c for c in opening.children if c.dep_ in ("dobj", "dative")]
            to_do = any(c.dep_ == "xcomp" for c in opening.children)
            if any(c.pos_ in ("PROPN", "PRON") or to_do for c in addressed):
                continue  # "Asked Lorraine to write down ...": a request of its own, to her
            if self._asks_when(opening):
                continue  # "Requested start 24/1": when the service starts, not what for
            if _request(opening, {opening.i: opening}) is not None:
                found.add(sent.start)
        return found

    def _asks_when(self, request: Token) -> bool:
        """What the writer asks for is a time or a person ("Requested start 24/1"), which says
        when or for whom, not what the sharing before it was for."""
        asked = [c for c in request.children if c.dep_ == "dobj"]
        asked += [o for c in request.children if c.lower_ == "for" for o in c.children]
        if request.dep_ == "amod":
            asked.append(request.head)  # "Requested start 24/1" read as a noun phrase
        return bool(asked) and all(t.lemma_.lower() in self.not_a_purpose for t in asked)

    def _partners_request(self, token: Token) -> bool:
        """A partner's request carrying its purpose; not the writer's own asking ("Asked re
        OT"), the person's or family's, and not a bare request ("PC Aziz asked for his CPN's
        name. Gave both": the standard's corpus reading, no purpose given)."""
        if token.lemma_.lower() not in ASKING or token.pos_ != "VERB":
            return False
        if any(c.dep_ == "neg" for c in token.children):
            return False
        subject = Scope.subject_of(token)
        if subject is None:
            # "Email from Rachel Fenwick SW requesting school information for assessment"
            partner = token.dep_ == "acl" and any(c.lower_ == "from" for c in token.head.children)
        else:
            partner = subject.pos_ in ("PROPN", "NOUN") and not (
                subject.lower_ in WRITER or subject.lemma_.lower() in self.not_a_purpose
            )
        return partner and self._purpose_within(token)

    def _purpose_within(self, request: Token) -> bool:
        """ "requesting school information for assessment": what the requested thing is for,
        not the thing itself ("asked for his medication list")."""
        requested = [c for c in request.children if c.dep_ == "dobj"]
        return any(
            t.lower_ == "for"
            and t.dep_ == "prep"
            and t.head.i in {r.i for r in requested}
            and any(
                c.dep_ == "pobj" and c.pos_ == "NOUN" and c.lemma_.lower() not in self.not_a_purpose
                for c in t.children
            )
            for r in requested
            for t in r.subtree
        )

    def _refers(self, sent: Span) -> bool:
        """A referral or other act of its own in a forum's note ("Young Carers - referral
        made"); a report to the forum ("YJS report submitted") is shared for its purpose."""
        return any(
            m.label_ == "sharing_acts" and m[0].lemma_.lower() not in TO_THE_FORUM
            for m in self.acts.spans(sent)
        )

    def for_a_forum(self, sent: Span) -> bool:
        """ "ICPC report re Chloe sent to the CP Conference Unit", "Report for the Initial Child
        Protection Conference completed and sent": a report written for a forum is shared for
        the forum's purpose, wherever it is sent; not a referral to one ("MARAC referral")."""
        # the report as a thing, however tagged ("Report/VB for ... completed"); not the verb
        # ("Reported to MARAC")
        reports = [
            t
            for t in sent
            if t.lemma_.lower() in TO_THE_FORUM
            and (t.pos_ in ("NOUN", "PROPN") or t.dep_ in NOMINAL_ROLES)
        ]
        return any(
            r.left_edge.i <= m.start and m.end <= r.right_edge.i + 1
            for m in self.terms.spans(sent)
            if m.label_ == "forums"
            for r in reports
        ) and any(m.label_ in SHARING_LABELS for m in self.acts.spans(sent))

    def gives_purpose(self, sent: Span) -> bool:
        """This sentence's sharing act carries its purpose (infinitive, request, "for", duty)."""
        acts = [m for m in self.acts.spans(sent) if m.label_ != "received"]
        if not acts:
            return False
        roots = {m.root.i: m.root for m in acts}
        if self.terms.has(sent, "statutory_bodies") and _notifies(sent):
            return True
        basis = [act for act in (_named_basis(t, roots) for t in sent) if act is not None]
        if basis and not _done_on_another_line(acts, basis):
            return True
        served = {act.i for act in (self.purpose_of(token, roots) for token in sent) if act}
        # "emailed the school to ask how he is getting on and told them mum is struggling":
        # the asking has a purpose, the telling beside it none
        return bool(served) and not any(
            _told_besides(m.root, served) for m in acts if m.label_ == "sharing_verbs"
        )

    def purpose_words(self, sent: Span, act: Token) -> str:
        """The words giving this act its purpose, where the grammar gives one, else ""."""
        roots = {m.root.i: m.root for m in self.acts.spans(sent) if m.label_ != "received"}
        roots[act.i] = act
        for token in sent:
            served = self.purpose_of(token, roots)
            if served is not None and _one_act(served, act):
                return sent.doc[token.left_edge.i : token.right_edge.i + 1].text
        return ""

    def purpose_of(self, token: Token, roots: dict[int, Token]) -> Token | None:
        """The act whose purpose this word gives (infinitive, request, "for"), if any.

        Bulleted lines often parse as one sentence: a purpose on the next line ("- Regular
        paracetamol QDS for comfort") is not the purpose of an act on this one.
        """
        act = (
            _infinitive_of_purpose(token, roots)
            or _request(token, roots)
            or instruction(token, roots)
            or _what_for(token, roots, self.not_a_purpose)
        )
        return act if act is not None and line_start(act) == line_start(token) else None

    def at_forum(self, doc: Doc) -> bool:
        """The note records a multi-agency forum: by its type, or by its opening words."""
        kind = note_type(doc)
        if kind and any(_has_words(kind, term) for term in self.forum_types):
            return True
        first = next(iter(doc.sents), None)
        if first is None or self.acts.has(first, "sharing_acts"):
            return False  # "MARAC referral sent" records no forum
        # "ICPC held 27/11", "Strategy discussion 05/11": the note opens with the forum;
        # "Emailed the DSL that the family is heard at MARAC" only mentions one
        return any(
            m.label_ == "forums" and m.start < first.start + FORUM_OPENING
            for m in self.terms.spans(first)
        )


def _infinitive_of_purpose(token: Token, roots: dict[int, Token]) -> Token | None:
    """ "Emailed brokerage to end the package": "to" + a verb hanging on the act."""
    if token.pos_ not in ("VERB", "AUX") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    ):
        return None
    if token.text.isupper() and len(token.text) > 1:
        return None  # "Info to SL + SW": an abbreviation the tagger took for a verb names whom
    verbs = [token, *(c for c in token.children if c.dep_ == "conj")]
    if all(v.lemma_.lower() in TELLING or v.lower_ in TELLING for v in verbs):
        return None  # "to let them know", "to update"
    act = _act_above(token, roots)
    return act if act is not None and act.lemma_.lower() not in CLIENT_FACING else None


def _request(token: Token, roots: dict[int, Token]) -> Token | None:
    """ "requesting extra funding", "asked for a review": the writer's request to the partner."""
    if token.lemma_.lower() not in REQUESTING or token.pos_ != "VERB":
        return None
    subject = Scope.subject_of(token)
    folded = sharing_requests.act_read_as_the_subject(subject, roots)  # "Emailed X asking"
    if subject is not None and subject.lower_ not in WRITER and folded is None:
        return None  # "PC Hart asked for his GP's details": the partner asked
    asks_for = any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children)
    asks_to = any(c.dep_ in ("xcomp", "ccomp") for c in token.children)
    if token.lemma_.lower() == "ask" and not (asks_for or asks_to):
        return None
    if folded is not None:
        return folded
    return token if token.i in roots else _act_above(token, roots)


def _what_for(
    token: Token, roots: dict[int, Token], not_a_purpose: frozenset[str]
) -> Token | None:
    """ "Referral for a carer's assessment": "for" + a thing, hanging on the act."""
    if token.lower_ != "for" or token.dep_ != "prep":
        return None
    objects = [c for c in token.children if c.dep_ == "pobj"]
    if not objects or objects[0].pos_ != "NOUN":
        return None  # "for Tom", "for her", "for 2 weeks"
    # "for the family x3 vouchers": the family the vouchers are for is whom, not why
    thing = objects[0]
    words = [thing, *(t for t in thing.subtree if t.i < thing.i and t.dep_ in ("compound", "nmod"))]
    if any(w.lemma_.lower() in not_a_purpose or w.lower_ in not_a_purpose for w in words):
        return None
    act = _act_above(token, roots)
    if act is None or (act.lemma_.lower() in CLIENT_FACING and act.i != token.head.i):
        return None  # "told him the plan for discharge": the plan was what he was told
    return act


def _named_basis(token: Token, roots: dict[int, Token]) -> Token | None:
    """ "Emailed the SW as per the CIN plan", "As per compliance agreement ... report
    submitted": a plan, protocol or agreement named after "per", "under" or "in line with",
    hanging on the act (an opening "As per" hangs on it through its "as")."""
    if token.lower_ not in BASIS_LINKS or token.dep_ != "prep":
        return None
    if token.lower_ == "with" and token.head.lower_ not in BASIS_WITH:
        return None  # "in line with the protocol", not "sent a copy with the plan"
    named = [t for c in token.children if c.dep_ == "pobj" for t in c.subtree]
    if not any(t.pos_ == "NOUN" and t.lemma_.lower() in OBLIGATIONS for t in named):
        return None
    current = token
    for _ in range(ATTACH_STEPS):
        if current.dep_ not in (*ATTACHING, "mark") or current.head.i == current.i:
            return None
        current = current.head
        if current.i in roots:
            return current
    return None


def _done_on_another_line(acts: list[Span], basis: list[Token]) -> bool:
    """A sharing verb on another line than the acts a plan or protocol was named for: a
    bulleted block parsed as one sentence ("Photo emailed to misper inbox as per protocol.
    / 22:10 Rang EDT - details given to duty SW") names the basis of its own line's act."""
    lines = {line_start(act) for act in basis}
    return any(
        m.label_ in SHARING_LABELS and m.root.pos_ == "VERB" and line_start(m) not in lines
        for m in acts
    )


def _one_act(word: Token, other: Token) -> bool:
    """ "Referral sent ... for a review": the purpose may hang on either word of one act."""
    return word.i == other.i or word.head.i == other.i or other.head.i == word.i


def _told_besides(verb: Token, served: set[int]) -> bool:
    """A telling done beside an act with a purpose, to its own recipient, with none of its
    own: "... to ask how he is getting on and told them mum is struggling"."""
    if verb.i in served or verb.dep_ != "conj" or verb.tag_ != "VBD":
        return False  # "to ask X and tell them": an infinitive shares the purpose clause
    return any(c.dep_ == "dative" or (c.dep_ == "dobj" and c.pos_ == "PRON") for c in verb.children)


def _notifies(sent: Span) -> bool:
    """A statutory body's duty covers a notification or application, not any document sent
    to it: "DoLS application sent to the DoLS team", not "emailed the DoLS team the plan"."""
    return any(t.lemma_.lower() in NOTIFYING or t.lower_ in NOTIFYING for t in sent)


def _act_above(token: Token, roots: dict[int, Token]) -> Token | None:
    """The sharing act this word's clause or phrase hangs on, if any, within a few links."""
    current = token
    for _ in range(ATTACH_STEPS):
        if current.dep_ not in ATTACHING or current.head.i == current.i:
            return None
        current = current.head
        if current.i in roots:
            return current
        # telegraphic "Emailed ASC brokerage to end ...": the act parsed as the noun's modifier
        modifier = next((c for c in current.children if c.i in roots and c.dep_ == "amod"), None)
        if modifier is not None:
            return modifier
        if current.lower_ in CONTENT_OPENERS:
            return None  # "told mum about the plan for discharge": what was talked about
    return None


def _has_words(text: str, term: str) -> bool:
    """ "core group meeting" has "core group"; "strategy" alone is not "strategy discussion"."""
    return f" {term} " in f" {text.replace('/', ' ')} "
