"""Whether consent or a basis the note records is one given for its sharing.

The standard counts "the consent position or the basis for sharing without
consent" as a reason: consent given, or the basis for going without it. Consent
withdrawn, declined, refused, awaited or simply not given ("family withdrew
consent", "Didn't get consent") is no reason to share; neither is consent to
something else ("Closed with consent"). Consent not needed ("her consent is not
required"), or not given with its basis following ("No consent - she wasn't in
a state to discuss it"), is the basis for sharing without it. "Without consent"
is a basis only for sharing done: "not reported to police without consent"
records sharing held back. Read from the parse: the words the consent hangs on
(its heads up to the verb) and the words that hang on it; those words are data
(sharing.toml, [word_classes]).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from recordcheck.events.sharing_words import WORD_CLASSES
from recordcheck.language.scope import Scope

REFUSED = WORD_CLASSES["consent_refused"]
NOT_NEEDED = WORD_CLASSES["consent_not_needed"]
NOT_YET_GIVEN = REFUSED | WORD_CLASSES["consent_awaited"] | WORD_CLASSES["consent_to_other"]
# "Consent [for IDVA contact] withdrawn", "withdrew [consent]", "Closed [with] consent"
HEADS_UP_TO_VERB = 3
# "Asked if ok to tell SW - yes": a question, and the answers that follow it
ASKING_IF = WORD_CLASSES["asking_if"]
ANSWERS = {word: True for word in WORD_CLASSES["answer_yes"]} | {
    word: False for word in WORD_CLASSES["answer_no"]
}
QUESTION_REACH = 3  # tokens before the consent words in which "if" or "whether" asks it
ANSWER_MARKS = frozenset(WORD_CLASSES["answer_marks"])
ANSWER_DENIALS = frozenset(WORD_CLASSES["answer_denials"])


class ConsentReader:
    def __init__(self, scope: Scope):
        self.scope = scope

    def given(self, reason: Span) -> bool:
        """Consent that stands: not negated, refused, awaited or given to closing the case."""
        sent = reason.sent
        if _asked(reason):
            return bool(_answer(reason))  # asked, and no answer written: not given
        if reason[0].lower_ == "without":
            # "shared without consent as ...": a basis, unless the sharing it qualifies was not done
            return not self.scope.negated(reason.root.head, within=sent)
        root = reason.root
        if root.head.i != root.i and root.head.lower_ == "without":
            return False  # the consent word of "without consent": the basis, read above
        words = _words_around(root) - {t.lemma_.lower() for t in reason}
        if words & NOT_YET_GIVEN:
            return False
        if self.scope.negated(root, within=sent):
            # "her consent is not required", "No consent - she was not in a state to discuss
            # it": the basis for going without
            basis_after = self.scope.basis_follows(_after_its_verb(reason), sent)
            return bool(words & NOT_NEEDED) or basis_after
        return True


def _asked(reason: Span) -> bool:
    """ "Asked if ok to tell SW", "asked whether she was happy for me to share"."""
    before = reason.doc[max(reason.sent.start, reason.start - QUESTION_REACH) : reason.start]
    return any(t.lower_ in ASKING_IF for t in before)


def _answer(reason: Span) -> bool | None:
    """The answer written after the question: after a dash, colon or comma ("- yes", ", she
    confirmed she had"), or opening the next sentence ("She agreed."); None when none is.
    A yes the words after it deny is a no: "she confirmed no", "confirmed she had not"."""
    doc, sent = reason.doc, reason.sent
    mark = next((t for t in doc[reason.end : sent.end] if t.text in ANSWER_MARKS), None)
    if mark is not None:  # its first word, or the verb after who answered ("she agreed")
        words = [t for t in doc[mark.i + 1 : sent.end] if t.is_alpha][:2]
        answer = _first_answer(words)
        if answer is not None:
            return answer
    return _first_answer(list(doc[sent.end : min(len(doc), sent.end + 3)]))


def _first_answer(words: list[Token]) -> bool | None:
    word = next((t for t in words if t.lower_ in ANSWERS), None)
    if word is None:
        return None
    denied = any(t.lower_ in ANSWER_DENIALS for t in word.doc[word.i + 1 : word.i + 5])
    return ANSWERS[word.lower_] and not denied


def _after_its_verb(reason: Span) -> int:
    """Where a basis for consent not given may start: after the verb that says so, which
    can itself read as a connective ("Consent was not given"), but not past a break
    ("No consent - she was not in a state to discuss it")."""
    verb, doc = reason.root.head, reason.doc
    if verb.i >= reason.end and not any(t.is_punct for t in doc[reason.end : verb.i]):
        return verb.i + 1
    return reason.end


def _words_around(consent: Token) -> set[str]:
    """The words the consent hangs on, up to the first verb, and the words describing it."""
    words = {t.lemma_.lower() for t in consent.children if t.dep_ in ("amod", "acl", "relcl")}
    node = consent
    for _ in range(HEADS_UP_TO_VERB):
        if node.head.i == node.i:
            break
        node = node.head
        words.update((node.lemma_.lower(), node.lower_))
        if node.pos_ in ("VERB", "AUX"):
            break
    return words
