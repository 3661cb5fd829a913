"""Local organisations the lexicon cannot list: "Oakfield Surgery", "Riverside Housing
Association", "Brightwell Home Care".

Every area has its own surgeries, housing associations and care agencies, and
the entity recogniser misses many of them in clipped notes. A run of
capitalised words ending in a word that names a kind of organisation (the
`organisation_heads` of agencies.toml) is a named organisation; the words
before the head must be capitalised too, so "the surgery" or "our team" is not. A
person's job title is not part of the name: "Phil Sandys, Regional Manager Brightwater
Care Group" names "Brightwater Care Group".
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from recordcheck.datafiles import package_toml
from recordcheck.language.people import people_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_NAME_WORDS = 4  # "St Mary's Church of England Primary" is about as long as they come
JOINERS = frozenset({"&", "of", "on", "upon", "'s", "’s"})


@cache
def organisation_heads() -> frozenset[str]:
    return frozenset(package_toml(__package__, "agencies.toml")["organisation_heads"])


def named_by_their_kind(doc: Doc, not_names: frozenset[str] = frozenset()) -> list[Span]:
    """Capitalised names ending in a kind of organisation, as spans labelled ORG."""
    # imported here: the case-wide pass imports this module in the process that gathers the
    # results, which loads no spaCy (half a second before any worker could start)
    from spacy.tokens import Span

    heads = organisation_heads()
    found = []
    for token in doc:
        if not (token.is_title and token.lower_ in heads):
            continue
        start, words = token.i, 0
        while start > 0 and words < MAX_NAME_WORDS and _name_word(doc[start - 1], not_names):
            start -= 1
            # "St Aldhelm's C of E Academy": joining words are no words of the name
            words += doc[start].lower_ not in JOINERS
        while start < token.i and doc[start].lower_ in JOINERS:
            start += 1
        if start < token.i and any(t.is_title or t.is_upper for t in doc[start : token.i]):
            found.append(Span(doc, start, _past_more_heads(doc, token.i + 1), label="ORG"))
    return found


def _name_word(token: Token, not_names: frozenset[str]) -> bool:
    if token.lower_ in JOINERS:
        return True
    if not (token.is_title or (token.is_upper and len(token) > 1)) or token.text in not_names:
        return False
    if token.is_stop:
        return False  # "NOT Willow Home Support", "The": words, not names
    if token.is_title and token.lower_ in people_words().roles:
        return False  # "Regional Manager Brightwater Care": a job title before the name
    return not (token.is_sent_start and token.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON"))


def _past_more_heads(doc: Doc, end: int) -> int:
    """ "Riverside Housing Association": the name runs on over further kind words."""
    while end < len(doc) and doc[end].is_title and doc[end].lower_ in organisation_heads():
        end += 1
    return end
