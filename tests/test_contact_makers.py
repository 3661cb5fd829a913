"""Who made a contact when the clause names them outside its subject: the agent after
"by", the partner a participle describes, the subject a participle's clause hangs from;
and a message the word "no" denies. None of these is the writer's contact."""

from __future__ import annotations

import pytest

from tests.contact_reading import rules_contact_reader

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def events(real_nlp):
    """The contact events of one note by Sam Okoro of a midwifery team."""
    read = rules_contact_reader(
        real_nlp, ["Sam Okoro"], author="Sam Okoro", team="Northgate Hospitals - Midwifery"
    )
    return lambda text: {e.agency: e for e in read(text, note_type="Case Note")}


@pytest.mark.parametrize(
    "text",
    [
        "Police DASH 13. Referral to MARAC by police (listed 26/06).",
        "Referral to CAMHS by school in May.",
        "Referral form sent to MASH by PC Shah.",
    ],
)
def test_a_referral_made_by_another_agency_is_not_ours_with_either(events, text):
    assert events(text) == {}


def test_a_referral_by_an_agency_naming_no_other_partner_is_theirs_to_us(events):
    assert "GP (practice not named)" in events("Referral by GP received.")
    found = events(
        "Initial assessment at Coniston House, referred by GP (Dr Ruth Agnew, Oak Lane "
        "Surgery) after 2 ED attendances with panic attacks."
    )
    assert "Oak Lane Surgery" in found


def test_by_a_channel_or_a_way_names_no_maker(events):
    assert "MASH (authority not named)" in events("Referral to MASH by phone 14:05.")
    assert "Police (force not named)" in events(
        "Left by back door 10:20 with PC Baig and me in unmarked car."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Police submitting PPN to MASH.",
        "IDVA making MARAC referral and notifying CSC - N is aware.",
    ],
)
def test_a_participle_is_done_by_the_partner_it_describes(events, text):
    assert not {"MASH (authority not named)", "MARAC (area not named)"} & set(events(text))
    assert "Children's social care (authority not named)" not in events(text)


def test_a_participle_in_praise_of_the_person_is_their_act(events):
    assert events("I told her she had been really brave ringing the police.") == {}
    assert events("I told him he did the right thing telling school.") == {}
    assert "GP (practice not named)" in events("Rang the GP asking for a call back.")


def test_no_before_the_message_says_there_was_none(events):
    assert events("No referrals to CSC/ASC yet - need to speak to Gemma on her own first.") == {}
    assert "MASH (authority not named)" in events("Referral to MASH made today.")
