"""Who a clipped line of a log is about, when it drops the "is": "Mrs Kaye cheerful today".

Writers of logs and call notes leave out the verb: the person opens the line (or a
part of it after a dash, colon or semicolon) and their state follows ("Callum upset",
"DH upset, says ...", "K pleased."). The parser, looking for a verb, hangs such a
state anywhere, so states.py reads the person from the word order instead; this
module holds that reading, and what counts as naming a person. Its words are in
states.toml.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from recordcheck.checks.opinion.spans import parts_items
from recordcheck.datafiles import package_toml, word_classes
from recordcheck.language.clauses import statement_of
from recordcheck.language.people import given_names, people_words

WORDS = word_classes(package_toml(__package__, "states.toml"))
PERSON_NOUNS = WORDS["person_nouns"]
THIRD_PERSON = WORDS["third_person"]
DEGREE_NOUNS = WORDS["degree_nouns"]
SETTINGS = WORDS["settings"]
# a state with an object is something done to someone ("Tom upset his sister"); one with
# its agent names what caused it, which is observed ("Mum reassured by the news")
OBJECT_DEPS = {"dobj", "obj", "agent"}


def named_before(token: Token) -> Token | bool:
    """ "Mrs Kaye cheerful this morning", "DH upset, says ...", "Callum upset": shorthand
    that drops the "is". The person opens the line or a part of it after a dash, colon or
    semicolon, the state follows with at
    most a degree word between, and nothing is done to anyone. The parser, which looks for
    a verb, hangs the state anywhere (an adjective after its noun, a participle, a noun),
    so the word order is what tells; an adjective before a noun ("calm rest") is not this."""
    if _acts_on_something(token) or _attributive(token):
        return False
    doc, i = token.doc, token.i - 1
    while i >= 0 and (doc[i].pos_ in ("ADV", "DET") or doc[i].lower_ in DEGREE_NOUNS):
        i -= 1
    if i < 0 or not names_person(doc[i]):
        return False
    person = doc[i]
    while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].dep_ == "compound":
        i -= 1  # "Mrs Kaye", "Mr Coates": the whole name opens the item
    before = doc[i - 1] if i > 0 else None
    opens = before is None or before.is_space or before.i < statement_of(token).start
    # after a comma the person is more often one item of a list the writer is giving
    # ("previous incidents, child fearful of returning home"), not a line of their own
    return person if opens or (parts_items(before) and before.text != ",") else False


def _acts_on_something(state: Token) -> bool:
    """The state word has an object or an agent in its own item: "Tom upset his sister",
    "Mum reassured by the news". What the parser hangs on it across a spaced dash or a
    full stop belongs to the next item of a log ("Ellie shaken - EAP details given", "K
    pleased.\n- UDS neg coc again"), which does nothing to anyone."""
    statement = statement_of(state)
    return any(
        c.dep_ in OBJECT_DEPS
        and statement.start <= c.i < statement.end
        and not any(parts_items(t) for t in state.doc[min(c.i, state.i) + 1 : max(c.i, state.i)])
        for c in state.children
    )


def names_person(token: Token) -> bool:
    """A person named as shorthand does: a person noun or pronoun, initials ("DH", "M"),
    or a name (one the recogniser takes for a person's, a given name, or one after a
    title: "Mrs Kaye"). The tagger calls most capitalised words opening a line names, so
    its tag alone would read "Ward calm overnight", "Dog tired", "Bed comfortable" as
    people; a setting is none even where it is also a given name ("Ward")."""
    word = token.lower_
    if word in THIRD_PERSON or word in PERSON_NOUNS or token.lemma_.lower() in PERSON_NOUNS:
        return True
    if token.is_alpha and len(token) <= 3 and token.is_upper and token.pos_ in ("NOUN", "PROPN"):
        return True
    if word in SETTINGS:
        return False
    if token.pos_ == "NOUN":
        # the tagger takes some names for common nouns ("Connor fuming"): a given name, as
        # written, is still one
        return token.is_title and given_names().is_given_name(token.text)
    if token.pos_ != "PROPN":
        return False
    before = token.doc[token.i - 1].text.rstrip(".") if token.i > 0 else ""
    return (
        token.ent_type_ == "PERSON"
        or given_names().is_given_name(token.text)
        or before in _titles()
    )


@cache
def _titles() -> frozenset[str]:
    words = people_words()
    return words.honorifics | frozenset(words.professional_titles)


def _attributive(token: Token) -> bool:
    """ "Calm rest of evening", "a happy boy": the adjective describes the noun after it."""
    return token.dep_ == "amod" and token.head.i > token.i
