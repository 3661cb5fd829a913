"""Partner agencies and named professionals: rc_partners marks, contacts_for reads."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from recordcheck.events.contacts import contacts_for
from recordcheck.language.agencies import LexiconError
from recordcheck.model import Note
from recordcheck.nlp import note_doc
from recordcheck.partners.component import PartnersMarker

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def contacts(real_nlp):
    """contacts_for over a note run through the session's real pipeline."""

    def read(text: str, note_type: str = ""):
        note = Note("N1", "C1", text, note_type=note_type)
        return contacts_for(real_nlp(note_doc(real_nlp, note)))

    return read


def only(found):
    assert len(found) == 1, found
    return found[0]


def test_named_officer_with_force_phone_and_what_was_shared(contacts):
    text = (
        "Rang PC Patel, Thames Valley Police, on 01865 123456 and shared the chronology "
        "and incident reports as there is a risk of serious harm to Mrs A."
    )
    contact = only(contacts(text))
    assert contact.agency == "Thames Valley Police"
    assert contact.agency_type == "police"
    assert (contact.person, contact.role) == ("PC Patel", "PC")
    assert text[contact.start : contact.end] == "PC Patel"
    assert contact.phone == "01865 123456"
    assert contact.channel == "phone"
    assert contact.direction == "out"
    assert contact.shared.startswith("the chronology and incident reports")


@pytest.mark.parametrize(
    "text",
    [
        "Called TVP to pass on the concern.",
        "Spoke to PC Patel, Thames Valley Police, about the incident.",
        "Rang Thames Valley Police. Police will visit Mrs A tomorrow.",
        "Emailed thames valley police with the update.",
    ],
)
def test_the_same_force_written_differently_is_one_agency(contacts, text):
    assert {c.agency for c in contacts(text)} == {"Thames Valley Police"}


def test_police_with_no_force_named_is_recorded_as_such(contacts):
    contact = only(contacts("Referral made to police about the assault on Mrs A."))
    assert contact.agency == "Police (force not named)"
    assert contact.agency_type == "police"
    assert contact.channel == "referral form"
    assert contact.direction == "out"


def test_idva_in_brackets_with_details_in_the_next_sentence(contacts):
    text = (
        "Sarah Jones (IDVA, Refuge) called to say Mrs A had moved to a new address. "
        "Her email is sarah.jones@refuge.org.uk, mobile 07700 900123."
    )
    contact = only(contacts(text))
    assert (contact.agency, contact.agency_type) == ("Refuge", "domestic abuse")
    assert (contact.person, contact.role) == ("Sarah Jones", "IDVA")
    assert contact.email == "sarah.jones@refuge.org.uk"
    assert contact.phone == "07700 900123"
    assert contact.direction == "in"
    assert contact.rationale_recorded is None


@pytest.mark.parametrize(
    ("text", "name", "role", "agency_type"),
    [
        ("Dr Ahmed (GP) rang to say the prescription was collected.", "Dr Ahmed", "GP", "health"),
        ("DS Khan advised that no crime had been recorded.", "DS Khan", "DS", "police"),
        (
            "Housing officer Mark Lee emailed to confirm the move.",
            "Mark Lee",
            "housing officer",
            "housing",
        ),
        ("Met with Sue Hall from Age UK and her advocate.", "Sue Hall", "", "other"),
        (
            "Left a voicemail for CPN Tom Reid about the missed depot.",
            "Tom Reid",
            "CPN",
            "mental health",
        ),
    ],
)
def test_named_professionals(contacts, text, name, role, agency_type):
    found = [c for c in contacts(text) if c.person]
    contact = only(found)
    assert contact.person.endswith(name)
    assert contact.role == role
    assert contact.agency_type == agency_type


def test_family_members_and_clients_are_not_professional_contacts(contacts):
    found = contacts("Mrs A said her son Tom Brown visits every Sunday with his wife Amy.")
    assert found == ()


@pytest.mark.parametrize(
    "text",
    [
        "There has been no police involvement.",
        "She attends school most days and enjoys art.",
        "Police were not contacted.",
    ],
)
def test_a_mention_without_any_communication_is_not_a_contact(contacts, text):
    assert contacts(text) == ()


def test_channel_comes_from_the_note_type_when_the_sentence_is_silent(contacts):
    assert only(contacts("Advised DS Khan of the outcome.")).channel != "email"
    assert only(contacts("Advised DS Khan of the outcome.", "Email")).channel == "email"


def test_one_event_per_agency_and_the_reply_is_its_outcome(contacts):
    contact = only(
        contacts("Shared the chronology with TVP with Mrs A's consent. TVP advised no crime.")
    )
    assert (contact.agency, contact.direction) == ("Thames Valley Police", "out")
    assert contact.outcome == "TVP advised no crime."


def mark(doc, group: str, label: str) -> None:
    sentence = next(iter(doc.sents))
    doc.spans[group] = [Span(doc, sentence.start, sentence.end, label=label)]


def read_again(real_nlp, doc):
    """The contact events of a Doc whose marks a test changed after the pipeline ran."""
    return real_nlp.get_pipe("rc_contact_events").read(doc)


@pytest.mark.parametrize(("label", "recorded"), [("rationale", True), ("no_rationale", False)])
def test_sharing_marks_decide_direction_and_rationale(real_nlp, label, recorded):
    doc = real_nlp("Spoke with the GP about Mrs A.")
    mark(doc, "rc_sharing", label)
    doc.spans.pop("rc_received", None)
    contact = only(read_again(real_nlp, doc))
    assert (contact.direction, contact.rationale_recorded) == ("out", recorded)


def test_received_marks_make_a_contact_inward(real_nlp):
    doc = real_nlp("Spoke with the GP about Mrs A.")
    doc.spans.pop("rc_sharing", None)
    mark(doc, "rc_received", "received")
    contact = only(read_again(real_nlp, doc))
    assert (contact.direction, contact.rationale_recorded) == ("in", None)


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Referral received from MASH this morning.", "in"),
        ("Concerns about Mrs A were passed to the police.", "out"),
        ("CAMHS advised that Amir is on the waiting list.", "in"),
        ("Informed the GP of the fall.", "out"),
        ("The GP was informed of the fall by phone.", "out"),
    ],
)
def test_direction_from_the_sentence_when_no_sharing_marks(real_nlp, text, direction):
    doc = real_nlp(text)
    for group in ("rc_sharing", "rc_received"):
        doc.spans.pop(group, None)
    assert only(read_again(real_nlp, doc)).direction == direction


def test_shared_is_empty_when_the_object_is_the_agency(contacts):
    assert only(contacts("Emailed the GP with her consent to seek a review.")).shared == ""


@pytest.mark.parametrize(
    "text",
    [
        "Emailed Anil Mistry (ASC) this week's call logs and DN update for the enquiry.",
        "Sent Dr Hollis (GP) the call logs and DN update today.",
    ],
)
def test_shared_is_what_went_not_who_it_went_to(contacts, text):
    shared = only(contacts(text)).shared
    assert shared.startswith(("this week's", "the call logs")), shared


def test_offsets_point_at_the_mention(contacts):
    text = "Call from Kent Police. Later emailed the school DSL Mrs Brown to arrange a meeting."
    for contact in contacts(text):
        written = text[contact.start : contact.end]
        assert written == contact.person if contact.person else written


def test_organisation_agencies_extend_the_lexicon(real_nlp):
    organisation = {"Larchwood Housing Trust": {"type": "housing", "aliases": ["LHT"]}}
    marker = PartnersMarker(real_nlp, "rc_partners", organisation)
    contact = only(read_again(real_nlp, marker(real_nlp("Emailed LHT about the repairs."))))
    assert (contact.agency, contact.agency_type) == ("Larchwood Housing Trust", "housing")


@pytest.mark.parametrize(
    "entry",
    [
        {"type": "pest control"},
        {"aliases": ["X"]},
        {"type": "housing", "aliases": "LHT"},
        {"type": "housing", "place_form": "Larchwood"},
    ],
)
def test_a_bad_organisation_agency_is_a_plain_error_naming_it(real_nlp, entry):
    with pytest.raises(LexiconError, match="Larchwood"):
        PartnersMarker(real_nlp, "rc_partners", {"Larchwood": entry})


def test_organisations_the_recogniser_finds_get_a_type_from_their_name(contacts):
    found = contacts("Phoned Cowley Road Medical Centre to ask for an urgent appointment.")
    assert {c.agency_type for c in found} == {"health"}


def test_only_police_mentions_join_the_named_force(contacts):
    found = contacts(
        "Phoned Cowley Road Medical Centre and Kent Police. The hospital and the police "
        "were told of the fall."
    )
    assert {c.agency for c in found} == {
        "Cowley Road Medical Centre",
        "Kent Police",
        "Hospital (not named)",
    }


def test_an_agency_after_a_role_is_not_taken_for_a_name(contacts):
    found = contacts("Referred to the IDVA Refuge service today.")
    assert {c.person for c in found} == {""}


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Reported the concern to Westmarch Police by phone.", "Westmarch Police"),
        ("Referral to Harbour DA Service made today.", "Harbour DA Service"),
        ("Emailed the team and Hatch Lane Housing about repairs.", "Hatch Lane Housing"),
    ],
)
def test_local_agencies_the_lexicon_does_not_hold(contacts, text, agency):
    assert agency in {c.agency for c in contacts(text)}


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # the note's only named health organisation is a pharmacy: no doctor works there
        (
            "Spoke to Dr Okafor about her medication today. "
            "Boots Pharmacy will deliver the blister packs on Friday.",
            None,
        ),
        # a CPN is not the Samaritans'
        (
            "Phoned CPN Mark Lowe about his low mood. "
            "Gave him the Samaritans number as well.",
            None,
        ),
        # a doctor in a note naming one surgery is that surgery's
        (
            "Spoke to Dr Okafor about her medication today. "
            "Letter also sent to Larch Surgery.",
            "Larch Surgery",
        ),
    ],
)
def test_a_role_takes_the_notes_named_organisation_only_where_it_works(contacts, text, agency):
    """agency None: filed under the role's kind of service with no name."""
    person = only([c for c in contacts(text) if c.person])
    if agency is None:
        assert person.names_no_organisation, person.agency
    else:
        assert person.agency == agency


def test_role_employers_name_the_lexicons_roles_and_kinds():
    """A misspelt role or kind in role_employers.toml would silently file no one."""
    from recordcheck.datafiles import package_toml
    from recordcheck.language.agencies import load_lexicon
    from recordcheck.partners.roles import role_employers

    lexicon = load_lexicon()
    titles = package_toml("recordcheck.language", "people.toml")["professional_titles"]
    kinds = {term.canonical for term in lexicon.terms if term.generic}
    for role, employing in role_employers().items():
        assert role in lexicon.roles or role in titles, role
        assert set(employing) <= kinds, (role, set(employing) - kinds)


def test_what_a_check_with_a_partner_found_is_its_outcome_not_the_next_decision(contacts):
    text = (
        "Police checks with Thames Valley Police: two DA call-outs to the address in 2024. "
        "Decision: progress to assessment by Locality Team 2."
    )
    (police,) = [c for c in contacts(text) if "Police" in c.agency]
    assert police.outcome.startswith("Police checks"), police.outcome
    assert "Decision" not in police.outcome


def test_a_meetings_next_sentence_about_another_partner_is_not_each_attendees_outcome(contacts):
    text = (
        "Review. Attended: Daniel, Sam Reid (advocate), PC Patel (TVP) by phone, me.\n"
        "PC Patel confirmed Lee Dawson was interviewed on 21/02 and given a warning."
    )
    found = {c.agency_type: c for c in contacts(text, note_type="Review")}
    assert found["police"].outcome.startswith("PC Patel confirmed")
    assert found["advocacy"].outcome == ""


def test_an_account_of_another_partners_work_is_not_the_meetings_outcome(contacts):
    text = (
        "CIN meeting. Attended by Jade, Angela Curtis (DSL), HV Lucy Brennan and me. "
        "Jade has had 3 sessions with Kerry Walsh (IDVA)."
    )
    assert [c.outcome for c in contacts(text, note_type="Meeting")] == ["", ""]


def test_a_meetings_agreement_naming_agencies_is_every_attendees_outcome(contacts):
    text = (
        "Strategy discussion. Present: DS Mike Connor (Thames Valley Police), Angela Curtis "
        "(DSL, Brookfield Primary). Agreed s47 enquiry, single agency (CSC) with police "
        "sharing intelligence."
    )
    for contact in contacts(text, note_type="Strategy Discussion"):
        assert contact.outcome.startswith("Agreed s47"), contact


def test_a_watch_manager_is_of_the_fire_and_rescue_service(contacts):
    text = "Present: Watch Manager Tony Briggs (OFRS), Aisha Karim (ASC)."
    fire = [c for c in contacts(text, note_type="Meeting") if c.agency_type == "fire and rescue"]
    assert [(c.person, c.role) for c in fire] == [("Tony Briggs", "watch manager")]


def test_the_evidence_is_the_mentions_own_line_when_the_parser_runs_lines_together(contacts):
    text = (
        "He said if that's how it is he'll 'stop going round'. Quite aggressive and entitled "
        "tbh.\nCall ended by Lee.\nEmailed DC Marsh. Concern now re Mr A being pressured."
    )
    (police,) = contacts(text, note_type="Telephone Call")
    assert police.evidence.startswith("Emailed DC Marsh"), police.evidence


def test_the_outcome_in_the_contacts_own_sentence_keeps_to_its_lines(contacts):
    text = (
        "Visit to Mr A.\n"
        "Rang Nadia Shah at Harbour and Vale Bank from the house - she agreed Mr A can draw "
        "£100 with carer on Mon.\n- discuss police with him again.\n- next visit with advocate"
    )
    (bank,) = [c for c in contacts(text) if "Bank" in c.agency]
    assert bank.outcome and "discuss police" not in bank.outcome, bank.outcome
