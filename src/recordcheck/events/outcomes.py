"""What came of a contact: the partner's reply, advice, agreed next step or result.

Recording standard: "You don't just send a referral; you confirm receipt,
agree next steps, and feed back outcomes." An outcome is recorded when, in
the rest of the contact's sentence or the two after it, the partner (or
"she", "they", a named professional) advises, agrees, confirms, declines,
books, decides... ("GP advised ...", "they will visit Tuesday", "Agreed: ...",
"Referral accepted"). A reference number alone is a receipt, not an outcome;
"School informed" records our telling them, not their reply; the person we
support saying something is not the partner's reply.

A contact that came in, or a meeting, is itself what the partner told us: its
outcome is recorded when the note goes on to say what was said, by the partner.

Never an outcome: a line listing who was there or who sent apologies, or a
sentence naming another partner (that partner's contact, not this one's); the
sentence after a contact is not its outcome merely for coming next ("Writing up
14/08."). An empty cell is better than a wrong one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.events.attendance_lists import ATTENDANCE_MARKS, listed_as_present
from recordcheck.events.details import on_its_lines
from recordcheck.events.parties import TOLD
from recordcheck.language.clauses import PAST_TAGS, passive_agents
from recordcheck.language.people import given_names, people_words
from recordcheck.partners.component import AGENCIES_KEY, CONTACTS_KEY

WORDS = package_toml(__package__, "words.toml")
OUTCOME_LEMMAS = frozenset(WORDS["outcome_lemmas"])
WRITER = frozenset(WORDS["writer_words"])
FOLLOWING_SENTENCES = 2
# how far a meeting's or an incoming contact's agreed step is looked for: a note of a visit
# or a meeting often closes on it, after who was seen and what was said
AGREEMENT_SENTENCES = 4
# how far a meeting's own outcome line ("Outcome: CP plan, category neglect") is looked for:
# minutes give who came, what each said, then what was decided
MEETING_SENTENCES = 8
AGREEING = frozenset(WORDS["agreement_lemmas"])
PARTNER_PRONOUNS = frozenset({"she", "he", "they", "it", "who"})
# Verbs whose content, in a contact that came in, is what the partner told us.
TELLING = frozenset({"say", "advise", "confirm", "report", "tell", "inform", "explain", "state"})
OPENINGS = frozenset(WORDS["outcome_openings"])
RESULTS = frozenset(WORDS["result_lemmas"])
PARTNER_KEYS = (AGENCIES_KEY, CONTACTS_KEY)
TENSED_OR_PARTICIPLE = frozenset({"VBD", "VBZ", "VBP", "VBN"})
LIST_MARKS = (*ATTENDANCE_MARKS, *WORDS["absence_marks"])


def outcome_after(sentence: Span, mention: Span, direction: str = "out") -> str:
    """The words recording the partner's response to this contact, or "".

    When the partner contacted us (or we met), what they told us is the
    result: "PC Lee rang to say the caution had been issued" records it even
    though nobody is named as the one saying. After a call or message that came
    in, the next sentence is what it told us ("Tel from the housing officer.
    Gary fell on the stairs last night."); after a meeting it may be anyone's."""
    incoming = direction != "out"
    listed = listed_as_present(sentence, mention) is not None
    doc = sentence.doc
    after_mention = doc[mention.end : sentence.end]
    following_sentences = _sentences_after(sentence, AGREEMENT_SENTENCES)
    candidates = [after_mention, *following_sentences[:FOLLOWING_SENTENCES]]
    if incoming:
        # what came in, or what the meeting shared, is the result: any account after it
        said = [t for t in after_mention if t.pos_ in ("VERB", "AUX") and not _above(t, mention)]
        # a name in a list of who was there: the list says who came, not what they said
        account = "" if listed else _trimmed(on_its_lines(sentence, mention))
        if (said or _labels_its_result(after_mention)) and account:
            return account
        # what was agreed, else what came in, unless another partner's account
        agreed = [
            words for words in following_sentences
            if _records_agreement(words) and _may_be_its_decision(words, mention)
        ]
        told = [
            words for words in candidates[1:]
            if direction == "in" and not listed and _tells_something(words)
            and _may_be_its_outcome(words, mention)
        ]
        if (agreed or told) and (result := _trimmed((agreed or told)[0])):
            return result
        if direction == "both" and (result := _meeting_outcome(sentence, mention)):
            return result
    partners = _partner_marks(doc)
    for words in candidates:
        if words is not after_mention and not _may_be_its_outcome(words, mention):
            continue
        if any(_partner_responds(token, mention, partners, incoming, listed) for token in words):
            own_lines = on_its_lines(sentence, mention)
            result = _trimmed(words.sent if words is not after_mention else own_lines)
            if result:  # else a piece the parser cut off: the next candidate may say more
                return result
    return ""


def _sentences_after(sentence: Span, count: int) -> list[Span]:
    doc = sentence.doc
    sentences: list[Span] = []
    following = sentence.end
    while len(sentences) < count and following < len(doc):
        sentences.append(doc[following].sent)
        following = sentences[-1].end
    return sentences


def _tells_something(words: Span) -> bool:
    """A sentence that can be what a caller told us: a verb in a tense or a participle
    ("Gary fell on the stairs", "Concern screened 10/02"), and not the writer's own doing
    ("I explained ..."); not a line of facts with no verb ("Ellie-May Corrigan, 15.") nor a
    plan ("Monitor bail.")."""
    verbs = [t for t in words if t.tag_ in TENSED_OR_PARTICIPLE]
    return bool(verbs) and not any(_said_by_writer(t) or _clipped_first_person(t) for t in verbs)


def _clipped_first_person(verb: Token) -> bool:
    """ "Updated the care plan and informed manager.": a past tense opening its sentence
    with no subject is the note's clipped first person, the writer's own doing."""
    opening = next((t for t in verb.sent if not (t.is_space or t.is_punct)), None)
    return (
        opening is not None and verb.i == opening.i and verb.tag_ in PAST_TAGS
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _meeting_outcome(sentence: Span, mention: Span) -> str:
    """The line a meeting's note labels as what it decided ("Outcome: unborn to be subject
    of a CP plan", "Agreed: ..."): every attendee's result (_may_be_its_decision)."""
    for words in _sentences_after(sentence, MEETING_SENTENCES):
        opening = next((t for t in words if not t.is_space), None)
        opens_on_outcome = opening is not None and opening.lower_ in OPENINGS
        if opens_on_outcome and _may_be_its_decision(words, mention):
            return _trimmed(words)
    return ""


def _records_agreement(words: Span) -> bool:
    """ "Plan agreed.", "Agreed shopping delivery to be set up": a step agreed or decided,
    not by the writer alone ("I decided to ring back"), nor the person we support or their
    family consenting ("Leanne agreed to a referral", "mum agreed")."""
    partners = _partner_marks(words.doc)
    return any(
        t.lemma_.lower() in AGREEING
        and not _said_by_writer(t)
        and not any(_names_the_person(subject, partners) for subject in _nsubjects(t))
        for t in words
    )


def _names_the_person(subject: Token, partners: list[tuple[int, int]]) -> bool:
    """A subject that is a relation ("mum") or a given name no partner mark covers ("Leanne";
    not "Provider agreed ...", which the tagger may also read as a name)."""
    if subject.lower_ in people_words().relations:
        return True
    return given_names().is_given_name(subject.text) and not any(
        s <= subject.i < e for s, e in partners
    )


def _labels_its_result(after_mention: Span) -> bool:
    """The mention ends a label its result follows: "Police checks with TVP: two DA
    call-outs in 2024" says what came back, whatever the next sentence decides."""
    words = [t for t in after_mention if not t.is_space]
    return (
        len(words) > 2
        and words[0].text in (":", "-", "\u2013")
        and sum(t.is_alpha for t in words[1:]) >= 2
    )


def _may_be_its_outcome(words: Span, mention: Span) -> bool:
    """A sentence after the contact's that may record its result: not a list of who was
    there ("Apologies: Housing Options.") nor a fragment (_trimmed), nor another partner's
    account."""
    return bool(_trimmed(words)) and not _of_another_partner(words, mention)


def _may_be_its_decision(words: Span, mention: Span) -> bool:
    """What a meeting or a call agreed may name agencies and still be every party's ("Agreed
    s47 enquiry, single agency (CSC) with police sharing intelligence"); a professional of
    another kind agreeing ("PC Patel agreed to visit") is that partner's."""
    return bool(_trimmed(words)) and not _of_another_partner(words, mention, (CONTACTS_KEY,))


def _of_another_partner(
    words: Span, mention: Span, keys: tuple[str, ...] = PARTNER_KEYS
) -> bool:
    """A sentence naming a partner of another kind than the mention's, and not by the
    mention's own name, is that partner's account or contact: "PC Patel confirmed ..." after
    a meeting is not what the advocate said, "Jade has had 3 sessions with Kerry Walsh
    (IDVA)" is not the school's, and "MASH have been in touch with school" is MASH's."""
    own_words = {t.lower_ for t in mention if t.is_alpha and t.is_title}
    return any(
        words.start <= other.start
        and other.end <= words.end
        and other._.rc_agency_type != mention._.rc_agency_type
        and not own_words & {t.lower_ for t in other if t.is_alpha}
        for key in keys
        for other in words.doc.spans.get(key, ())
    )


def _above(token: Token, mention: Span) -> bool:
    """The word the mention hangs from: "informed" in "Witness Care informed"."""
    return token in mention.root.ancestors


def _partner_marks(doc: Doc) -> list[tuple[int, int]]:
    return [(s.start, s.end) for key in PARTNER_KEYS for s in doc.spans.get(key, ())]


def _partner_responds(
    token: Token,
    mention: Span,
    partners: list[tuple[int, int]],
    incoming: bool = False,
    listed: bool = False,
) -> bool:
    """Whether the token records this partner's reply. `listed`: the partner is one name in
    a list of who was at a meeting, so "she" or "they" may be anyone there."""
    lemma = token.lemma_.lower()
    if token.lower_ in OPENINGS and token.i == token.sent.start:
        return True  # "Agreed: ...", "Outcome - ...", "Reply same day: ..."
    if lemma in RESULTS and _result_without_actor(token):
        return True  # "Referral accepted", "appt booked for Thurs"
    if lemma not in OUTCOME_LEMMAS:
        return False
    if incoming and lemma in TELLING and token.pos_ == "VERB" and not _nsubjects(token):
        return True  # "Confirmed he is on the list": the caller's account ("My report": a thing)
    if lemma in TOLD and (_bare_participle(token) or _above(token, mention)):
        return False  # "School informed": we told them
    # the partner acting ("GP advised"), not us acting on them ("GP was told")
    subjects = _nsubjects(token)
    if token.dep_ == "aux" and token.head.pos_ == "VERB":  # "they will visit"
        subjects = _nsubjects(token.head)
    for subject in subjects:
        if subject.lower_ in WRITER:
            return False
        if mention.start <= subject.i < mention.end:
            return True
        if subject.lower_ in PARTNER_PRONOUNS and not listed:
            return True
        if subject.pos_ == "PROPN" and any(s <= subject.i < e for s, e in partners):
            return True  # a named professional, not the person we support
    return False


def _nsubjects(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ == "nsubj"]


def _bare_participle(token: Token) -> bool:
    return token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in token.children)


def _result_without_actor(token: Token) -> bool:
    """A result in the passive, or a bare participle, with nobody (or not us) named as its
    maker: "Referral accepted", "review booked 14/01", "case allocated to Team 2" (the
    tagger often reads "Appointment booked" as a past tense with the thing as its subject)."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if any(c.pos_ != "NOUN" for c in subjects) or token.tag_ not in ("VBN", "VBD"):
        return False  # "we have booked": an active verb, its subject decides elsewhere
    if token.tag_ == "VBD" and not subjects:
        return False  # "Booked an interpreter": the note's clipped first person
    agents = passive_agents(token)
    return not any(t.lower_ in WRITER for t in agents)


def _trimmed(span: Span) -> str:
    """The span's words less a label line closing it ("... did not attend.\nApologies:"),
    or "" when what is left says nothing (_says_something)."""
    text = span.text.strip()
    lines = text.split("\n")
    while len(lines) > 1 and lines[-1].rstrip().endswith(":"):
        lines.pop()
    text = "\n".join(lines).strip()
    if text.lower().startswith(LIST_MARKS):
        return ""  # who was there or sent apologies, not what anyone said
    return text if _says_something(text) else ""


def _says_something(text: str) -> bool:
    """Words that can record a result ("Police NFA.", "S42 concluded."): two words with
    letters or more, and no label waiting for what follows. Not a piece the parser cut off
    ("Plan: 1.", "tel 01632", "11:00-11:45."), nor a heading ("WHO INFORMED:")."""
    worded = [word for word in text.split() if any(c.isalpha() for c in word)]
    return len(worded) >= 2 and not text.rstrip().endswith(":")


def _said_by_writer(token: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in WRITER for c in token.children)
