"""Four readings of the unseen-writer work that an independent reviewer broke with ordinary
sentences, each beside the sentences it was written for: telling the one told about
themselves, a bare verb sharing a planned verb's modal, someone's calls as a pattern, and
who represented an agency at a meeting. What the recording standard wants of each
sentence is asserted through the checks themselves: (span group, sentence, flagged)."""

from __future__ import annotations

import pytest

from recordcheck.model import Note
from recordcheck.nlp import note_doc

SHARING = "rc_sharing_rationale"
WHO = "rc_who_present"
ENCOUNTER = "rc_encounter"  # an encounter is read at all

# 1. Telling the one told about themselves tells nobody else -- but not when what was
# told has a subject of its own: that is news of someone else.
TOLD_ABOUT_THEMSELVES = [
    (
        SHARING,
        "DC Lloyd rang. Told him he should be aware the boy has disclosed abuse at home.",
        True,
    ),
    (
        SHARING,
        "GP rang for an update. Told her she could see from the photos that the bruise"
        " was fingertip shaped.",
        True,
    ),
    (SHARING, "Mum rang. Told her she can ring me any time.", False),
    # our own
    (SHARING, "DC Lloyd rang. Told him he should know that mum has disclosed self-harm.", True),
    (SHARING, "Rang the HV. Told her she should know that dad has moved back in.", True),
    (SHARING, "Rang the school. Told them they should know mum's partner has a conviction.", True),
    (SHARING, "Dad rang about the bus. Told him he can call me if he is worried.", False),
    (SHARING, "PC Jones rang about the log. Told her she can email the request to me.", False),
]

# 2. A bare verb joined to one with a modal ("I will share ..., inform ...") is planned too;
# "to" is no modal, and a finite verb stops the climb.
JOINED_TO_A_PLAN = [
    (SHARING, "Had to ring 999 and tell them she had collapsed.", True),
    (
        SHARING,
        "Went out to see her and had to call the GP and tell them about the pressure sore.",
        True,
    ),
    (SHARING, "Managed to speak to the duty SW and pass on the concerns about dad.", True),
    (SHARING, "Was able to speak to the GP and share the concerns about her weight loss.", True),
    (SHARING, "Decided to ring the police and tell them about the assault.", True),
    (SHARING, "Tried to ring the school and email the head about the bruise.", True),
    (SHARING, "Couldn't wait for the SW so rang the police and inform them of the assault.", True),
    (SHARING, "I should have rang the police and tell them about the assault.", False),
    (SHARING, "I will share the chronology with MASH, inform the GP and update the HV.", False),
    # our own
    (SHARING, "Needed to ring the GP and tell her about the fall.", True),
    (SHARING, "Wanted to ring the GP and tell her about the fall.", True),
    (SHARING, "We shall ring the school and tell them about the bruise.", False),
]

# 3. Someone's calls changing ("TW's calls reduced") are a pattern; the calls the writer
# made today, or made to someone, are the encounter the note records. Whether naming the
# person visited as the calls' owner is enough is the settled "Visited Dorothy" reading's
# business, not this one's: they are an encounter.
SOMEONES_CALLS = [
    (WHO, "Today's calls completed, no concerns.", True),
    (WHO, "Tonight's calls done, settled well.", True),
    (WHO, "This morning's calls went well, ate his breakfast.", True),
    (WHO, "Completed today's calls, skin intact.", True),
    (ENCOUNTER, "Completed Mr T's calls, settled well.", True),
    (ENCOUNTER, "Did Mrs B's calls this morning, tearful at times.", True),
    (WHO, "TW's calls reduced to monthly in March.", False),
    # our own
    (WHO, "Tonight's visits completed, no concerns.", True),
    (WHO, "Finished this evening's calls, all settled.", True),
    (WHO, "Her visits to the office have stopped since the move.", False),
]

# 4. "represented by" names who attended only in the encounter's own sentence, an agency
# or role represented by a person or role.
REPRESENTED_BY = [
    (
        WHO,
        "Strategy discussion held. Mum is represented by a solicitor in the care proceedings.",
        True,
    ),
    (WHO, "Review held today; the LA was represented by counsel at court last week.", True),
    (
        WHO,
        "Professionals meeting held 12/03. Concerns were represented by a chart of incidents.",
        True,
    ),
    (WHO, "Strategy discussion held, health represented by B Quinn.", False),
    (
        WHO,
        "Strategy discussion held 18/06; children's services represented by the duty manager.",
        False,
    ),
    # our own
    (
        WHO,
        "Strategy discussion held. Dad will be represented by his solicitor at the hearing.",
        True,
    ),
    (WHO, "Core group held, agencies represented.", True),
    (WHO, "Core group meeting held, school represented by the DSL.", False),
]


@pytest.fixture(scope="module")
def flags(real_nlp):
    """The span group of a check (or of the encounters) is non-empty for the note."""

    def read(group: str, text: str) -> bool:
        note = Note(
            note_id="N1",
            case_id="C1",
            text=text,
            note_type="Case note",
            author_role="Caseworker",
            team="Hollinsbridge Advice Team",
        )
        return bool(real_nlp(note_doc(real_nlp, note)).spans[group])

    return read


@pytest.mark.slow
@pytest.mark.parametrize(
    ("group", "text", "flagged"),
    [*TOLD_ABOUT_THEMSELVES, *JOINED_TO_A_PLAN, *SOMEONES_CALLS, *REPRESENTED_BY],
)
def test_each_sentence_is_read_as_the_standard_wants(flags, group, text, flagged):
    assert flags(group, text) is flagged
