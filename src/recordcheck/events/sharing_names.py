"""How the sharing reader tells a name in running text: a capitalised word, a run of proper
nouns ("Kelby Drug & Alcohol Service"), a first name or a colleague's initials ("KH").
Kept apart from sharing_parties.py, which decides whose a named party is."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from recordcheck.events.sharing_words import WORD_CLASSES
from recordcheck.language.people import given_names

NAME_PARTS = {"PROPN"}
INITIALS_LENGTH = 2
TITLES = WORD_CLASSES["titles"]


def written_as_a_name(token) -> bool:
    """ "Grace", "KH": capitalised as a name is, whatever tag the parser gave it."""
    return token.is_alpha and (token.is_title or (token.is_upper and len(token) > 1))


def first_name_or_initials(word: str) -> bool:
    return given_names().is_given_name(word) or (
        len(word) == INITIALS_LENGTH and word.isalpha() and word.isupper()
    )


def past_names(words: Span, window: int) -> int:
    """The window's end, pushed past a name running over it ("Kelby Drug & Alcohol Service")."""
    end = min(window, len(words))
    while end < len(words) and name_part(words[end - 1]) and name_part(words[end]):
        end += 1
    return end


def name_part(token) -> bool:
    return token.pos_ in NAME_PARTS or token.text == "&"  # "Westvale Fire & Rescue Service"


def name_at(doc: Doc, index: int, step: int) -> set[str]:
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
