"""A verb of calling beside an agency, in clipped notes the parser misreads.

- "Decided not to go today - rang Riverside Day Opportunities 09:10, spoke to Mags": a
  call opening a clause after a dash or semicolon, where the clause before names nobody
  else as its subject, is the writer's, and the agency after it was called (the parser
  makes the agency the subject of "spoke");
- "Kestrel Pharmacy rang (Amrit, pharmacist) - packs not collected": the agency right
  before "rang" or "phoned" rang us (the parser may make it the verb's object).

"called" is not read so before the verb: "Police called" is the writer sending for them.
The words are in words.toml beside this module.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.events.log_lines import CLAUSE_BREAKS
from recordcheck.events.parties import Party

WORDS = package_toml(__package__, "words.toml")
# past forms of calling that open the writer's own clipped call: "- rang X", "; phoned X"
CALLING_FORMS = frozenset(WORDS["calling_forms"])
# forms that, after an agency, can only be the agency calling: "GP rang", "school phoned"
CALLED_US_FORMS = frozenset(WORDS["called_us_forms"])
WRITER = frozenset(WORDS["writer_words"])
# words that may stand between the verb and the agency it called: "rang the duty desk"
BEFORE_A_NAME = frozenset(("the", "a", "an"))


def dialled_after_a_break(sentence: Span, mention: Span) -> Party | None:
    """ "... - rang Riverside Day Opportunities 09:10": the writer's call, after a break."""
    doc = sentence.doc
    at = mention.start - 1
    while at > sentence.start and doc[at].lower_ in BEFORE_A_NAME:
        at -= 1
    verb = doc[at]
    if at <= sentence.start or verb.lower_ not in CALLING_FORMS:
        return None
    if doc[at - 1].text not in CLAUSE_BREAKS or _someone_elses(verb):
        return None
    return Party(verb, verb, "opening")


def _someone_elses(verb: Token) -> bool:
    """The clause before the break has a subject other than the writer, which the call may
    share: "Neighbour heard shouting - rang police" may be the neighbour's call; "Decided not
    to go today - rang Riverside" is the writer's clipped voice throughout."""
    doc = verb.doc
    start = verb.sent.start
    for at in range(verb.i - 2, verb.sent.start - 1, -1):
        if doc[at].text in CLAUSE_BREAKS:
            start = at + 1
            break
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in WRITER
        for t in doc[start : verb.i - 1]
    )


def rang_us(sentence: Span, mention: Span) -> Party | None:
    """ "Kestrel Pharmacy rang (Amrit, pharmacist) - ...": the agency before the verb rang."""
    if mention.end >= sentence.end:
        return None
    verb = sentence.doc[mention.end]
    if verb.lower_ not in CALLED_US_FORMS:
        return None
    return Party(verb, verb, "subject")
