"""What the layout of a clipped log line says of the contact it records.

Logs are written a line at a time: "02:25 rang 101 - vehicle of concern", "- Reg 40
notification to Ofsted 10:15.", "Repeat incident within 12 months - MARAC referral
sent." A bare clock time stamps the line as the record of what was done then, and a
spaced dash starts a new clause. The parser knows neither: it takes the time for the
verb's subject ("02:25 rang 101"), a clipped noun for an imperative ("Reg 40
notification"), and a noun before the dash for the subject of the verb after it. These
readings undo that; they read layout and word shapes only, no wording of one writer.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from recordcheck.datafiles import package_toml
from recordcheck.events.parties import Party
from recordcheck.events.when import clock_times
from recordcheck.language.clauses import line_start
from recordcheck.language.doc_values import text_of

# a spaced dash or a semicolon ends one clipped clause and opens the next
CLAUSE_BREAKS = frozenset(("-", "\u2013", ";"))
WORDS = package_toml(__package__, "words.toml")
# a time after these is one set for the act, not the time it was done: "ring GP at 14:00"
SETTING_WORDS = frozenset(WORDS["clock_setting_words"])


def a_clock_time(token: Token) -> bool:
    """ "02:25", "16.40", "10:15": the whole word is a clock time."""
    found = clock_times(token.text)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(token.text)


def stamped_with_a_time(verb: Token) -> bool:
    """The verb's line opens or ends with a bare clock time ("02:25 rang 101", "Reg 40
    notification to Ofsted 10:15.", "Beth (SW) informed 10:20"): the record of an act done
    then, not a note of one to do. A time inside the line is one set for the act ("Check
    with police 14:00 Friday", "raise a concern with ASC 16:00 today")."""
    doc = verb.doc
    text = text_of(doc)
    first = line_start(verb)
    line_end = text.find("\n", verb.idx)
    line_end = len(text) if line_end < 0 else line_end
    for token in doc[first:]:
        if token.idx >= line_end:
            return False
        if not a_clock_time(token):
            continue
        if token.i == first:
            return True
        ends_line = not text[token.idx + len(token.text) : line_end].strip(" .;,)")
        return ends_line and doc[token.i - 1].lower_ not in SETTING_WORDS
    return False


def beyond_a_break(subject: Token, verb: Token) -> bool:
    """A spaced dash or a semicolon stands between the subject's words and the verb after
    them: "Repeat incident within 12 months - MARAC referral sent" (the incident sent
    nothing)."""
    doc = verb.doc
    between = doc[subject.right_edge.i + 1 : verb.i]
    return any(
        token.text in CLAUSE_BREAKS and doc[token.i - 1].whitespace_ and token.whitespace_
        for token in between
    )


def on_one_line(one: Token, other: Token) -> bool:
    """Both words are on the same line of the note."""
    low, high = sorted((one.idx, other.idx))
    return text_of(one.doc).find("\n", low, high) < 0


def on_its_line(party: Party | None, mention: Span) -> Party | None:
    """The party, unless the mention is the subject of a verb on another line: the parser
    ran two records into one ("- hospital SG team today re discharge / - Dennis - ...,
    refer to Locality East duty today"; "Present: mum, Rachel Fenwick SW, ... / - Mum
    referred to ..."), and a note's lines are not wrapped mid-sentence."""
    if party is None or party.link != "subject" or on_one_line(mention.root, party.predicate):
        return party
    return None
