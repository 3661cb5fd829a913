"""The partner register's "What was shared": what went out, as the contact's own words say,
or nothing. A wrong cell costs more than an empty one."""

from __future__ import annotations

import pytest

from recordcheck.events.contacts import contacts_for
from recordcheck.model import Note
from recordcheck.nlp import note_doc


@pytest.fixture(scope="module")
def shared(real_nlp):
    """What was shared in the one contact a sentence records."""

    def read(text: str) -> str:
        found = contacts_for(real_nlp(note_doc(real_nlp, Note("N1", "C1", text))))
        assert len(found) == 1, found
        return found[0].shared

    return read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the contact was about
        ("Rang Gemma Lomax at Castlebridge Homes re Kyle's rent account.", "Kyle's rent account"),
        ("Informed Millbrook NPT (PCSO Kelly Marsh) re items thrown", "items thrown"),
        # what the writer told them
        ("Informed the GP of the fall this morning.", "the fall"),
        ("Told the SW about the bruise on his arm.", "the bruise on his arm"),
        ("Rang the school to let them know she will be off all week.", "she will be off all week"),
        ("Phoned the HV and told her that mum had missed the appointment.",
         "mum had missed the appointment"),
        # what was passed on or sent
        ("Rang Rachel Oyelaran SW - passed on neighbour's information", "neighbour's information"),
        ("Sent her hospital passport and MAR to the ward at Millbrook General.",
         "her hospital passport and MAR"),
    ],
)
def test_what_went_out(shared, text, expected):
    assert shared(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the one it went to, or a person named alone, is not what went
        "Emailed Rob Fenton SW",
        "Left VM for the DSL at St Aidan's CE Primary asking to call back re Lacey, no details",
        # what the partner gave, or consent someone else gave
        "Called Millbrook Medical Practice 14:30, they gave an appointment for Thursday",
        "Called NHS 111 at 10:05 with Peter on speaker (he gave consent)",
        # the partner's own news after a dash
        "Told Craig (FireWise) - he's bringing session 2 forward",
        # an amount after "about"
        "Spoke to the duty SW at Westmoor MASH about 10 minutes ago.",
    ],
)
def test_nothing_the_words_do_not_support(shared, text):
    assert shared(text) == ""


def test_what_was_sent_may_come_first(shared):
    # a clipped passive: the date after the verb is no object
    assert shared("Falls Prevention Service - referral sent 14/04 - rang to chase") == "referral"
    assert shared("Discharge letter copied to SW Dawn Ramsey as s42 still open.") == (
        "Discharge letter"
    )


def test_a_topic_stops_at_the_line_end(shared):
    assert shared("Rang the GP re his leg wound\nMaureen agreed the plan") == "his leg wound"


def test_giving_is_sharing_only_when_what_was_given_is_information(shared):
    assert shared("Spoke to Hannah at Westmoor MASH and gave our info on the two incidents") == (
        "our info on the two incidents"
    )
    assert shared("Rang Calderbrook Community Pantry and gave a food voucher") == ""


@pytest.mark.parametrize(
    ("text", "agency", "expected"),
    [
        # another agency named in what went is not that agency's row
        ("Sent the GP a copy of the police report.", "Police (force not named)", ""),
        ("Sent the GP a copy of the police report.", "GP (practice not named)",
         "a copy of the police report"),
        # an unanswered call passed nothing
        ("Attempted to ring the police re the threats, line busy.", "Police (force not named)",
         ""),
        # what was kept back
        ("Rang the police but did not tell them about the knife.", "Police (force not named)",
         ""),
        ("Told the SW nothing about the money as mum did not consent.",
         "Social care (authority not named)", ""),
        # a topic ends where a clause of its own begins
        ("Rang the GP re the sore and requested antibiotics.", "GP (practice not named)",
         "the sore"),
        ("Rang the school regarding Kyle's attendance which the DSL said was 62%.",
         "School (not named)", "Kyle's attendance"),
        # things that are not information
        ("Provided transport for mum to the GP surgery", "GP (practice not named)", ""),
        ("Sent a taxi to the hospital", "Hospital (not named)", ""),
        # what came in, a question asked (someone else's act is no row of ours:
        # test_contact_makers.py)
        ("Rang the GP - receptionist advised of a 2 week wait.", "GP (practice not named)", ""),
        ("Emailed the school regarding whether he can attend the trip", "School (not named)", ""),
        # the clause told keeps its own subject
        ("Told the SW the police were not taking any further action.",
         "Social care (authority not named)", "the police were not taking any further action"),
    ],
)
def test_each_partners_row_says_only_what_went_to_it(real_nlp, text, agency, expected):
    found = contacts_for(real_nlp(note_doc(real_nlp, Note("N1", "C1", text))))
    assert [e.shared for e in found if e.agency == agency] == [expected]


@pytest.mark.parametrize(
    ("text", "agency", "expected"),
    [
        # each partner of a sentence has only what went to it
        ("Spoke to the GP, then told the SW about the bruise.", "GP (practice not named)", ""),
        ("Spoke to the GP, then told the SW about the bruise.",
         "Social care (authority not named)", "the bruise"),
        ("Rang the school and informed the HV of the injury.", "School (not named)", ""),
        # what was told or asked about may be a drink or a medicine
        ("Rang the GP re his medication.", "GP (practice not named)", "his medication"),
        ("Told the GP that mum is drinking again.", "GP (practice not named)",
         "mum is drinking again"),
    ],
)
def test_what_went_to_this_partner_in_a_sentence_naming_two(real_nlp, text, agency, expected):
    found = contacts_for(real_nlp(note_doc(real_nlp, Note("N1", "C1", text))))
    assert [e.shared for e in found if e.agency == agency] == [expected]


def test_what_a_clipped_passive_made_and_sent(shared):
    # a referral or a concern made, submitted or raised is what went, with its brackets
    assert shared("Safeguarding concern submitted to Kestwick Adult Safeguarding Hub 09:10.") == (
        "Safeguarding concern"
    )
    assert shared(
        "IMCA referral (serious medical treatment - PEG) sent to Kelmshire Advocacy Hub 15/06."
    ) == "referral (serious medical treatment - PEG)"
    # a word for information the tagger reads as a name opening the line; brackets naming
    # the partner are who it went to
    assert shared("Referral sent to Westmoor MASH.") == "Referral"
    assert shared("MASH referral (Ashbourne Vale MASH) submitted 14:05.") == "referral"
    # a verb of making sends nothing with an object of its own, nor someone else's making
    assert shared("Made a cup of tea for the PCSO from Westmoor Police.") == ""
    assert shared("Safeguarding concern raised by the care home with Westmoor Hub.") == ""
    # made together with the partner is no thing sent to them; raised with them, sent
    assert shared("Safety plan completed with the IDVA.") == ""
    assert shared("Self-neglect concern raised with Oxfordshire ASC.") == "Self-neglect concern"
