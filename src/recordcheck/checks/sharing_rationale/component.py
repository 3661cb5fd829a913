"""Check `sharing_rationale`: information shared without recording why.

Recording standard, "Check `sharing-rationale`": flag a note that records
personal information shared with or disclosed to another agency or person
(a referral, concerns passed to police, the GP emailed, a report sent to MASH)
without recording why: the purpose, and the consent position or the basis for
sharing without consent. The events layer finds the sharing acts, who they went
to and the reasons the note records for them (rc_sharing_acts, which the check
declares in `needs`): this check only judges what it marked, and keeps no
agency or sharing words of its own.

Reads: `doc.spans["rc_sharing"]` (the declared applies group), every sentence
recording outward sharing, whose attr "reason_recorded" says whether each act
has its reason.

Marks: `doc.spans["rc_sharing_rationale"]` holds the first sharing sentence,
labelled "sharing-without-reason", when some sharing in the note has no reason.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from recordcheck.checks import refuse_without_needs
from recordcheck.datafiles import package_toml

DECLARED = package_toml(__package__, "check.toml")["check"]
SPAN_GROUP, SHARING_GROUP = DECLARED["span_group"], DECLARED["applies_group"]
REASON_RECORDED = "reason_recorded"  # the attr rc_sharing_acts sets on its group
CUE = "sharing-without-reason"


@Language.factory(
    "rc_sharing_rationale",
    assigns=["doc.spans"],
    requires=["doc.spans"],
)
def make_sharing_rationale_check(nlp: Language, name: str):
    refuse_without_needs(nlp.pipe_names, "rc_sharing_rationale", DECLARED["needs"])
    return SharingRationaleCheck()


class SharingRationaleCheck:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_GROUP] = self.without_reason(doc)
        return doc

    @staticmethod
    def without_reason(doc: Doc) -> list[Span]:
        """The first outward sharing sentence, when some sharing in the note has no reason."""
        outward = doc.spans.get(SHARING_GROUP)
        if not outward or outward.attrs.get(REASON_RECORDED):
            return []
        first = outward[0]
        return [Span(doc, first.start, first.end, label=CUE)]
