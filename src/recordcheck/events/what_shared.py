"""What went out in a contact, as its own words say: the partner register's "What was shared".

Three shapes carry it, each read from the parse of the contact's own lines:
- the object of the writer's sharing verb: "shared the chronology", "passed on the
  neighbour's information", "Sent his hospital passport and MAR";
- what the contact was about: "Rang Gemma at Castlebridge Homes re Kyle's rent account",
  "Referral to the money advice service regarding debts in her name";
- what the writer told them: "informed the GP of the fall", "updated the SW on the
  hospital visit", "to let her know the CP plan has ended".

Precision first: a cell the note does not support costs the register more than an empty
one. So never the one it went to, a person named alone, a date or a number, something the
partner gave ("they gave an appointment"), or words the writer uses for anything
("consent", "a call").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.events.cell_words import MAX_TOKENS, cut_short, trimmed
from recordcheck.events.sharing_words import DATA as SHARING_DATA
from recordcheck.events.sharing_words import WRITER
from recordcheck.language.contact_words import ContactCues
from recordcheck.language.people import people_words

# where what a contact was about ends: a dash between clauses, a new sentence or line, a
# bracket, a comma ("re Lacey and Mason, no details left on the voicemail")
_TOPIC_ENDS = re.compile(r"\s[-\u2013]\s|;|[.!?](?:\s|$)|\n|\s\(|,")
# what the writer told ends before a dash: "Told Craig - he's bringing session 2 forward"
# is Craig's news, not ours
_DASHES = frozenset({"-", "\u2013", "\u2014", ":"})
_NOT_INFORMATION_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "PERSON", "ORG", "GPE"})


@cache
def _words() -> dict[str, frozenset[str]]:
    """what_shared.toml's lists, joined with the sharing reader's own (sharing.toml) where
    both speak of the same thing, so an organisation adds a word once."""
    words = {key: frozenset(v) for key, v in package_toml(__package__, "what_shared.toml").items()}
    terms = SHARING_DATA["terms"]
    words["information_things"] |= frozenset(terms["information_words"])
    words["not_information"] |= frozenset(terms["not_information"])
    telling = SHARING_DATA["word_classes"]["told_in_a_report"]
    words["telling_verbs"] = words["letting"] | frozenset(telling)
    return words


def _lemma_or_word_in(token: Token, words: frozenset[str]) -> bool:
    return token.lemma_.lower() in words or token.lower_ in words


@cache
def _people() -> frozenset[str]:
    """Words for people by their role or relation: "worker", "midwife", "mum"."""
    words = people_words()
    return words.roles | words.relations


def what_was_shared(
    evidence: Span, mention: Span, mentions: list[Span], cues: ContactCues
) -> str:
    """The words of the contact's own sentence and line that say what went out, kept short,
    or "".

    Only the sentence and line that name the partner: a meeting's record or a long entry
    says much that did not go to this partner ("Present: DS Pritchard (CAIT), Tina Fowles
    (school nurse)" says nothing of what either was told)."""
    lines = _line_of(evidence, mention)
    others = [m for m in mentions if (m.start, m.end) != (mention.start, mention.end)]
    readings = (  # in this order, each read only if the one before found nothing
        lambda: _sent_object(lines, mentions, others, cues),
        lambda: _told_of(lines, mentions, others),
        lambda: _topic(lines, mention, mentions),
    )
    for number, read in enumerate(readings):
        found = read()
        found = None if found is None else trimmed(found)
        if found is None or not _is_information(found, mentions, a_thing_sent=number == 0):
            continue
        if mention.start >= found.start and mention.end <= found.end:
            return ""  # "Sent the GP a copy of the police report": not the police's row
        return cut_short(found)
    return ""


def _sent_object(
    lines: Span, mentions: list[Span], others: list[Span], cues: ContactCues
) -> Span | None:
    """The object of a sharing verb the writer is doing: "shared the chronology"."""
    words = _words()
    sends = words["giving_verbs"] | cues.share_verbs
    # what a verb of sending sent before what a verb of making made: "MARAC referral
    # submitted. Shared DASH and incident history with the coordinator."
    for verb in sorted(lines, key=lambda token: token.lemma_.lower() not in sends):
        lemma = verb.lemma_.lower()
        sending = lemma in sends
        if verb.pos_ != "VERB" or not (sending or lemma in words["making_verbs"]):
            continue
        together = lemma not in sends | words["raising_verbs"] and _with(verb, mentions)
        if _negated(verb) or _aimed_at(verb, others) or together:
            continue  # "did not give the town"; "sent ... to the GP"; "completed with the DN"
        document = _sent_as_subject(verb, mentions)
        if document is not None:
            return document
        if not sending or not _done_by_the_writer(verb, passive_allowed=True):
            continue
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        # "passed on X": the parser often takes "on" for a preposition and X for its object
        objects += [
            grandchild
            for c in verb.children
            if c.dep_ in ("prt", "prep") and c.lower_ == "on"
            for grandchild in c.children
            if grandchild.dep_ == "pobj"
        ]
        if not objects:
            continue
        thing = _thing_or_its_appositive(objects[0])
        sharing_as_such = verb.lemma_.lower() in words["sharing_as_such"]
        if not sharing_as_such and not _lemma_or_word_in(thing, words["information_things"]):
            continue  # "gave a food voucher", "provided transport", "sent a taxi"
        return _phrase(thing)
    return None


def _sent_as_subject(verb: Token, mentions: list[Span]) -> Span | None:
    """ "Referral sent to MASH", "ED discharge letter copied to SW": a clipped passive, which
    the parser reads with the thing sent as its subject, or the verb as a phrase describing
    it. Only a word for information or a document, with the words in front that describe it
    ("MARAC referral form"), less the partner's name ("Falls Prevention Service - referral")."""
    if verb.dep_ == "acl":
        head = verb.head
    else:
        head = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if head is None or not _a_thing(head) or head.i > verb.i:
        return None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return None  # "no names given": what was kept back
    if not _lemma_or_word_in(head, _words()["information_things"]):
        return None
    if any(c.dep_ == "agent" and not _by_the_writer(c) for c in verb.children):
        return None  # "Referral form sent to MASH by PC Shah": someone else's
    start = head.i
    doc = head.doc
    while start > 0 and doc[start - 1].dep_ in ("compound", "amod", "poss") and not any(
        m.start <= start - 1 < m.end for m in mentions
    ):
        start -= 1
    if start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
        start -= 2  # "Self-neglect concern", not "neglect concern"
    return doc[start : _after_its_brackets(head, mentions)]


def _with(verb: Token, mentions: list[Span]) -> bool:
    """ "Safety plan completed with the IDVA": made together with the partner, not sent."""
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(
        m.start <= g.i < m.end for g in c.children for m in mentions) for c in verb.children)


def _a_thing(head: Token) -> bool:
    """A noun, or a word for information however tagged ("Referral sent to MASH")."""
    return head.pos_ == "NOUN" or _lemma_or_word_in(head, _words()["information_things"])


def _after_its_brackets(head: Token, mentions: list[Span]) -> int:
    """The thing's end with what its brackets say ("referral (for a PEG)"): not a partner."""
    doc, end = head.doc, head.i + 1
    if end < len(doc) and doc[end].text == "(":
        close = next((t.i for t in doc[end : end + MAX_TOKENS] if t.text in (")", "\n")), None)
        if close is not None and doc[close].text == ")" and not any(
            end < m.end and m.start < close for m in mentions
        ):
            return close + 1
    return end


def _told_of(lines: Span, mentions: list[Span], others: list[Span]) -> Span | None:
    """What the writer told them: "informed the GP of the fall", "let her know that ..."."""
    words = _words()
    for verb in lines:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in words["telling_verbs"]:
            continue  # "DA alert already on the GP record": a noun, nobody told
        if _told_by_them(verb, mentions) or _negated(verb) or not _done_by_the_writer(verb):
            continue  # "receptionist advised of a 2 week wait", "did not tell them about"
        if _aimed_at(verb, others):
            continue  # "Spoke to the GP, then told the SW about the bruise": the SW's row
        if verb.lemma_.lower() in words["letting"]:  # "let them know (that) ...": what they know
            verb = next((c for c in verb.children if c.lemma_.lower() == "know"), None)
            if verb is None:
                continue
        # the parser hangs "of the fall" on the verb or on the one told ("the GP of ...")
        told = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        for child in [*verb.children, *(g for t in told for g in t.children)]:
            if child.dep_ == "prep" and child.lower_ in words["telling_prepositions"]:
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    return _phrase(objects[0])
            if child.dep_ == "ccomp" and child.i > verb.i and not _dash_between(verb, child):
                start = _after_that(child)
                subjects = {c.i for c in child.children if c.dep_ in ("nsubj", "nsubjpass")}
                while any(m.start <= start < m.end and not subjects & set(range(m.start, m.end))
                          for m in mentions):
                    start += 1  # "Told EDT Mason is being admitted": EDT was told
                return lines.doc[start : child.right_edge.i + 1]
    return None


def _topic(lines: Span, mention: Span, mentions: list[Span]) -> Span | None:
    """What the contact was about: the words after "re" or "regarding", to its clause's end,
    once the partner is named ("Rang X re Y"): "Written up re the joint visit with PC Shah"
    says what the note is about."""
    words = _words()
    for token in lines:
        if token.lower_.rstrip(":") not in words["topic_words"] or token.i == lines.start:
            continue
        named = [m for m in mentions if lines.start <= m.start and m.end <= token.i]
        if not named or max(named, key=lambda m: m.end).start != mention.start:
            continue  # what a contact was about follows the partner it was with
        if any(t.lower_ == "from" for t in lines.doc[lines.start : named[0].start]):
            continue  # "Email reply from SW: police file re ...": what came in
        if _someone_else_acts(lines.doc[lines.start : token.i]):
            continue  # "Dan submitted an intel form re the car": Dan's act, not ours
        start = token.i + 1
        if start >= lines.end or lines.doc[start].like_num:
            continue  # "about 10 minutes": an amount, not a topic
        if lines.doc[start].lower_ in words["questions"]:
            continue  # "re whether he can attend the trip": a question asked, not shared
        rest = lines.doc[start : lines.end]
        end = _TOPIC_ENDS.search(rest.text)
        chars = rest.start_char + (end.start() if end else len(rest.text))
        topic = lines.doc.char_span(rest.start_char, chars, alignment_mode="contract")
        if topic is not None and len(topic):
            return _up_to_another_clause(topic)
    return None


def _up_to_another_clause(topic: Span) -> Span:
    """ "re the sore and requested antibiotics", "re his medication as the pharmacist was
    concerned", "re attendance which the DSL said was 62%": the topic ends where a clause of
    its own begins."""
    for token in topic[1:]:
        if token.dep_ in ("relcl", "advcl", "mark") or (
            token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")
        ):
            return topic.doc[topic.start : max(topic.start + 1, token.left_edge.i)]
    return topic


def _done_by_the_writer(verb: Token, passive_allowed: bool = False) -> bool:
    """No subject ("Sent the MAR"), or I or we: "he gave consent" is not ours to register,
    nor "wants to be told about release" (passive, unless what was sent is the subject:
    "the chronology was sent") or "asked the midwife to tell BDAS" (the one asked does the
    telling)."""
    if not passive_allowed and any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in verb.head.children):
        return False
    while verb.dep_ in ("conj", "xcomp") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "Lorna will try to see her and let her know": Lorna lets her know
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return not subjects or subjects[0].lower_ in WRITER


def _told_by_them(verb: Token, mentions: list[Span]) -> bool:
    """ "Rang the GP - receptionist advised of a 2 week wait": a verb describing one of their
    people is their news; "Housing Options informed of the address" (the partner described)
    is our telling."""
    if verb.dep_ not in ("acl", "relcl"):
        return False
    return not any(m.start <= verb.head.i < m.end for m in mentions)


def _aimed_at(verb: Token, others: list[Span]) -> bool:
    """The one the verb's act went to is another partner of the sentence: "told the SW",
    "sent the chronology to the GP"."""
    recipients = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    recipients += [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("to", "with")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(m.start <= r.i < m.end for r in recipients for m in others)


def _negated(verb: Token) -> bool:
    """ "did not tell them", "told the SW nothing about the money"."""
    return any(
        c.dep_ == "neg" or (c.dep_ in ("dobj", "dative") and c.lower_ == "nothing")
        for c in verb.children
    )


def _by_the_writer(agent: Token) -> bool:
    return all(c.lower_ in WRITER for c in agent.children if c.dep_ == "pobj")


def _line_of(evidence: Span, mention: Span) -> Span:
    """The evidence's words (the mention's sentence, on_its_lines) on the mention's line; a
    full stop before a capital ends a sentence though the parser ran on ("... isolates
    himself". Told ...)."""
    doc = evidence.doc
    first, last = evidence.start, evidence.end
    breaks = [
        t.i
        for t in doc[first:last]
        if "\n" in t.text
        or (t.text in ".!?" and t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper())
    ]
    start = max((i + 1 for i in breaks if i < mention.start), default=first)
    end = min((i for i in breaks if i >= mention.end), default=last)
    return doc[start:max(start, end)]


def _someone_else_acts(words: Span) -> bool:
    """A verb in the words has a subject other than the writer: the parser hangs "re" on
    verbs too loosely to trust which one it belongs to."""
    return any(
        child.lower_ not in WRITER
        and (child.dep_ == "nsubj" or (child.dep_ == "npadvmod" and child.pos_ == "PROPN"))
        for verb in words
        if verb.pos_ in ("VERB", "AUX")
        for child in verb.lefts  # "Dan submitted ..." read as a name before the verb
    )


def _dash_between(verb: Token, clause: Token) -> bool:
    return any(t.text in _DASHES or "\n" in t.text for t in verb.doc[verb.i : clause.left_edge.i])


def _after_that(clause: Token) -> int:
    first = clause.left_edge
    return first.i + 1 if first.lower_ == "that" else first.i


def _phrase(head: Token) -> Span:
    """The object's words, less who it went to and any clause after it."""
    cut = [
        child.left_edge.i
        for child in head.rights
        if child.dep_ in ("relcl", "acl") or child.lower_ in ("with", "to", "via", "by", "as")
    ]
    end = min(cut, default=head.right_edge.i + 1)
    return head.doc[head.left_edge.i : end]


def _thing_or_its_appositive(head: Token) -> Token:
    """In "Emailed Anil Mistry (ASC) this week's call logs" the parser makes the one it went
    to the object and what went an appositive of theirs: a name's common-noun appositive
    after it is what was shared."""
    if head.pos_ != "PROPN":
        return head
    doc = head.doc
    things = [
        c
        for c in head.rights
        if c.dep_ == "appos"
        and c.pos_ == "NOUN"
        and not _in_brackets(doc[head.i : c.left_edge.i + 1])
    ]
    return things[-1] if things else head


def _in_brackets(words: Span) -> bool:
    """A bracket left open ("CAMHS (duty team"): describes the one it went to, not what went."""
    brackets = [t.text for t in words if t.text in "()"]
    return brackets.count("(") > brackets.count(")")


def _is_information(words: Span, mentions: list[Span], a_thing_sent: bool) -> bool:
    """Words (trimmed) that say what went, not who it went to or when."""
    if not len(words):
        return False
    head = words.root
    if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return False  # "no names given": what was kept back
    if any(m.start <= head.i < m.end for m in mentions):
        return False  # "Emailed the GP": the one it went to
    if (head.pos_ in ("PROPN", "PRON", "NUM") and not _a_thing(head)) or head.like_num:
        return False  # a person, an organisation, "it", a date: never what was shared
    if head.lower_ in _people():
        return False  # "emailed his social worker (Lucy Ferris)": who it went to
    if a_thing_sent and head.pos_ == "NOUN" and head.lemma_.lower() in _words()["not_information"]:
        return False  # "sent the MSU", "gave consent"; not "told the GP mum is drinking"
    entity = head.ent_type_
    return not (entity in _NOT_INFORMATION_ENTITIES and all(t.ent_type_ for t in words))
