"""Check `sharing_rationale`: information shared without recording why.

Recording standard, "Check `sharing-rationale`": flag a note that records
personal information shared with or disclosed to another agency or person
(a referral, concerns passed to police, the GP emailed, a report sent to MASH)
without recording why: the purpose, and the consent position or the basis for
sharing without consent. Information received, telling the person themselves,
and internal discussion with a manager or in supervision, are not sharing.

Consent or a basis anywhere in the note covers all of its sharing; a purpose
covers only the sharing it sits in or follows (consecutive sharing sentences
are one act), so "Rang 999 ... so the crew knew what to expect. Son informed."
is still flagged for the son. Agreement to one act in other words ("Mum agreed to a
CAMHS referral") covers referrals and the sharing beside it, like a purpose.

This module ties the parts together and marks the note; the parts are
- direction.py: which way information went in a sentence (out, in, or neither),
  with plans.py (sharing not yet done) and sentence_shape.py (parse quirks);
- parties.py: who it went to, outside or in-house;
- reasons.py: consent, legal basis and purpose, and which sharing each covers;
- words.py: the word lists of terms.toml.

Marks:
- `doc.spans["rc_sharing"]`: every sentence recording OUTWARD sharing, label
  "rationale" or "no_rationale" (the partner register reads these);
- `doc.spans["rc_received"]`: sentences recording information received;
- `doc.spans["rc_sharing_rationale"]`: the sharing sentence to flag, label
  "sharing-without-reason", when some sharing in the note has no reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from recordcheck.checks.sharing_rationale.direction import DirectionReader
from recordcheck.checks.sharing_rationale.parties import Parties
from recordcheck.checks.sharing_rationale.reasons import ReasonFinder
from recordcheck.checks.sharing_rationale.words import DATA, WORD_CLASSES
from recordcheck.datafiles import merged_terms, package_toml
from recordcheck.language.clauses import labelled_sentence
from recordcheck.language.note_context import note_type

SPAN_GROUP = package_toml(__package__, "check.toml")["check"]["span_group"]
SHARING_GROUP = "rc_sharing"
RECEIVED_GROUP = "rc_received"
CUE = "sharing-without-reason"
CALLER_PRONOUNS = WORD_CLASSES["caller_pronouns"]


@Language.factory(
    "rc_sharing_rationale",
    assigns=["doc.spans"],
    requires=["token.dep", "token.lemma", "doc.sents"],
    default_config={"extra_terms": {}, "partner_agencies": {}},
)
def make_sharing_rationale_check(
    nlp: Language, name: str, extra_terms: dict, partner_agencies: dict
):
    """partner_agencies: the organisation's own agencies, as the agency lexicon takes them."""
    return SharingRationaleCheck(nlp, extra_terms, partner_agencies)


class SharingRationaleCheck:
    def __init__(
        self,
        nlp: Language,
        extra_terms: Mapping[str, Sequence[str]],
        partner_agencies: Mapping[str, Any] | None = None,
    ):
        lists = merged_terms(DATA["terms"], extra_terms)
        self.parties = Parties(nlp, lists, partner_agencies)
        self.directions = DirectionReader(nlp, lists, self.parties)
        self.reasons = ReasonFinder(nlp, lists, self.directions.acts)
        self.internal_types = frozenset(DATA["note_types"]["internal"])

    def __call__(self, doc: Doc) -> Doc:
        if note_type(doc) in self.internal_types:
            for group in (SPAN_GROUP, SHARING_GROUP, RECEIVED_GROUP):
                doc.spans[group] = []
            return doc
        outward: list[Span] = []
        received: list[Span] = []
        in_touch = False  # the previous sentence got in touch with an outside party
        outsiders = self.parties.outside_names(doc)
        caller = self.directions.outside_caller(doc)
        if caller:
            outsiders |= CALLER_PRONOUNS
        for sent in doc.sents:
            # "PC Aziz rang ... asked for his CPN's name. Gave both.": the caller is on the line
            way, contacted = self.directions.read(sent, in_touch or caller, outsiders)
            in_touch = contacted
            (outward if way == "out" else received if way == "in" else []).append(sent)
        note_has_reason = self.reasons.recorded(doc, outward)
        label = "rationale" if note_has_reason else "no_rationale"
        doc.spans[SHARING_GROUP] = [labelled_sentence(s, label) for s in outward]
        doc.spans[RECEIVED_GROUP] = [labelled_sentence(s, "received") for s in received]
        doc.spans[SPAN_GROUP] = (
            [] if note_has_reason or not outward else [labelled_sentence(outward[0], CUE)]
        )
        return doc

