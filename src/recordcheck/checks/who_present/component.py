"""Check `who_present`: an encounter recorded without who was present.

Recording standard, "Check `who-present`": flag a note that records an
encounter (visit, meeting, welfare check, strategy discussion, review,
face-to-face contact, call) but not who was present. The events layer finds
the encounter and its attendees (rc_encounters, which the check declares in
`needs`): this check only judges what it marked, and keeps no encounter or
attendee words of its own.

Reads: `doc.spans["rc_encounter"]` (the declared applies group), the sentence
recording the encounter labelled by its kind, whose attrs say whether who took
part is recorded.

Marks: `doc.spans["rc_who_present"]` holds that sentence when nobody present
is recorded, labelled by the kind of encounter so the advice fits it:
"encounter-without-attendees" (a visit or face-to-face contact),
"meeting-without-attendees" or "call-without-other-party".
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from recordcheck.checks import refuse_without_needs
from recordcheck.datafiles import package_toml

DECLARED = package_toml(__package__, "check.toml")["check"]
SPAN_GROUP, ENCOUNTER_GROUP = DECLARED["span_group"], DECLARED["applies_group"]
ATTENDEES_RECORDED = "attendees_recorded"  # the attr rc_encounters sets on its group
# the advice for each kind of encounter: who was in the home, who attended, who answered
CUE_FOR_KIND = {
    "visit": "encounter-without-attendees",
    "meeting": "meeting-without-attendees",
    "call": "call-without-other-party",
}


@Language.factory(
    "rc_who_present",
    assigns=["doc.spans"],
    requires=["doc.spans"],
)
def make_who_present_check(nlp: Language, name: str):
    refuse_without_needs(nlp.pipe_names, "rc_who_present", DECLARED["needs"])
    return WhoPresentCheck()


class WhoPresentCheck:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_GROUP] = self.missing_attendees(doc)
        return doc

    @staticmethod
    def missing_attendees(doc: Doc) -> list[Span]:
        """The sentence recording an encounter that names nobody present, or nothing."""
        encounter = doc.spans.get(ENCOUNTER_GROUP)
        if not encounter or encounter.attrs.get(ATTENDEES_RECORDED):
            return []
        sentence = encounter[0]
        return [Span(doc, sentence.start, sentence.end, label=CUE_FOR_KIND[sentence.label_])]
