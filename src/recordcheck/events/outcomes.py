"""What came of a contact: the partner's reply, advice, agreed next step or result.

Recording standard: "You don't just send a referral; you confirm receipt,
agree next steps, and feed back outcomes." An outcome is recorded when, in
the rest of the contact's sentence or the two after it, the partner (or
"she", "they", a named person) advises, agrees, confirms, declines, books,
decides... ("GP advised ...", "they will visit Tuesday", "Agreed: ..."). A
reference number alone is a receipt, not an outcome.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml

WORDS = package_toml(__package__, "words.toml")
OUTCOME_LEMMAS = frozenset(WORDS["outcome_lemmas"])
WRITER = frozenset(WORDS["writer_words"])
FOLLOWING_SENTENCES = 2
PARTNER_PRONOUNS = frozenset({"she", "he", "they", "it", "who"})
# Verbs whose content, in a contact that came in, is what the partner told us.
TELLING = frozenset({"say", "advise", "confirm", "report", "tell", "inform", "explain", "state"})


def outcome_after(sentence: Span, mention: Span, incoming: bool = False) -> str:
    """The words recording the partner's response to this contact, or "".

    When the partner contacted us (or we met), what they told us is the
    result: "PC Lee rang to say the caution had been issued" records it even
    though nobody is named as the one saying."""
    doc = sentence.doc
    after_mention = doc[mention.end : sentence.end]
    candidates = [after_mention]
    following = sentence.end
    for _ in range(FOLLOWING_SENTENCES):
        if following >= len(doc):
            break
        next_sentence = doc[following].sent
        candidates.append(next_sentence)
        following = next_sentence.end
    for words in candidates:
        if any(_partner_responds(token, mention, incoming) for token in words):
            return _trimmed(words.sent if words is not after_mention else sentence)
    return ""


def _partner_responds(token: Token, mention: Span, incoming: bool = False) -> bool:
    if token.lemma_.lower() not in OUTCOME_LEMMAS and token.lower_ not in ("outcome", "agreed"):
        return False
    if incoming and token.lemma_.lower() in TELLING and not _said_by_writer(token):
        return True
    if token.lower_ in ("outcome", "agreed") and token.i == token.sent.start:
        return True  # "Agreed: ...", "Outcome - ..."
    # the partner acting ("GP advised"), not us acting on them ("GP was told")
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if token.dep_ == "aux" and token.head.pos_ == "VERB":  # "they will visit"
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    for subject in subjects:
        if subject.lower_ in WRITER:
            return False
        if mention.start <= subject.i < mention.end or subject.lower_ in PARTNER_PRONOUNS:
            return True
        if subject.pos_ == "PROPN":
            return True
    return False


def _trimmed(span: Span) -> str:
    return span.text.strip()


def _said_by_writer(token: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in WRITER for c in token.children)
