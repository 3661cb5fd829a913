"""The events layer's sharing acts: what rc_sharing_acts marks alone, what sharing-rationale
judges, and the organisation's words reaching the acts."""

from __future__ import annotations

import pytest
import spacy

from recordcheck.catalogue import all_checks
from recordcheck.checks.sharing_rationale.component import SharingRationaleCheck
from recordcheck.model import Note
from recordcheck.nlp import load_base, load_pipeline, note_doc


@pytest.fixture(scope="module")
def sharing_only():
    """Read a note with the base pipeline and the events component alone, without any check:
    (outward sentences and labels, whether each has its reason, sentences received)."""
    import recordcheck.events.sharing_acts  # noqa: F401  (registers rc_sharing_acts)

    nlp = load_base(exclude=("ner",))
    nlp.add_pipe("rc_sharing_acts")
    assert "rc_sharing_rationale" not in nlp.pipe_names

    def read(text: str, note_type: str = ""):
        note = Note(note_id="N1", case_id="C1", text=text, note_type=note_type)
        doc = nlp(note_doc(nlp, note))
        outward = doc.spans["rc_sharing"]
        received = [s.text for s in doc.spans["rc_received"]]
        return (
            [(s.text, s.label_) for s in outward],
            outward.attrs.get("reason_recorded", False),
            received,
        )

    return read


@pytest.mark.slow
def test_the_events_component_alone_finds_sharing_and_its_reason(sharing_only):
    text = "Rain all morning. Concerns passed to police. Information received from the GP."
    outward, recorded, received = sharing_only(text)
    assert outward == [("Concerns passed to police", "no_rationale")]
    assert not recorded
    assert received == ["Information received from the GP"]

    outward, recorded, _ = sharing_only("Referred to ASC with her consent.")
    assert [label for _, label in outward] == ["rationale"]
    assert recorded


@pytest.mark.slow
def test_each_act_records_who_it_went_to_and_the_purpose_the_grammar_gives():
    from recordcheck.events.sharing_acts import ACTS_KEY, SharingAct

    nlp = load_pipeline()
    text = "Referral sent to the continence service for a review of his pads. Probation informed."
    assert nlp(text).user_data[ACTS_KEY] == (
        SharingAct("Referral", (0, 65), "the continence service", "for a review of his pads"),
        SharingAct("informed", (66, 85), "Probation", ""),
    )
    # the asking has its purpose; the telling beside it has none, so the note lacks a reason
    doc = nlp("Emailed the nursery to ask how she is settling and told them dad has moved out.")
    assert [(a.recipient, a.purpose) for a in doc.user_data[ACTS_KEY]] == [
        ("the nursery", "to ask how she is settling")
    ]
    assert not doc.spans["rc_sharing"].attrs["reason_recorded"]


@pytest.mark.slow
def test_internal_notes_record_no_sharing(sharing_only):
    assert sharing_only("Concerns passed to police.", "Supervision") == ([], False, [])


def marked(reason_recorded: bool | None):
    """A Doc carrying only the marks rc_sharing_acts would leave (None: it did not run)."""
    doc = spacy.blank("en")("Concerns passed to police today.")
    if reason_recorded is not None:
        doc.spans["rc_sharing"] = [doc[0:5]]
        doc.spans["rc_sharing"].attrs["reason_recorded"] = reason_recorded
    return SharingRationaleCheck()(doc)


def test_the_check_judges_only_the_acts_it_is_given():
    unreasoned = marked(False)
    flagged = [(s.text, s.label_) for s in unreasoned.spans["rc_sharing_rationale"]]
    assert flagged == [("Concerns passed to police today", "sharing-without-reason")]
    assert not marked(True).spans["rc_sharing_rationale"]
    assert not marked(None).spans["rc_sharing_rationale"]


def test_the_check_refuses_a_pipeline_without_the_acts_it_reads():
    import recordcheck.checks.sharing_rationale.component  # noqa: F401

    with pytest.raises(ValueError, match="rc_sharing_acts"):
        spacy.blank("en").add_pipe("rc_sharing_rationale")


def test_the_check_keeps_no_sharing_or_agency_words_of_its_own():
    spec = next(s for s in all_checks() if s.id == "sharing-rationale")
    assert spec.needs == ("rc_sharing_acts",)
    assert not spec.extendable_lists()  # its rules-file lists are the events component's


@pytest.mark.slow
def test_the_rules_file_words_reach_the_sharing_acts(tmp_path):
    from recordcheck.findings import findings_for

    note = "Told Brightwell about the fall and his new medication. Signposted Kestrel Aid."
    plain = load_pipeline()
    assert not plain(note).spans["rc_sharing"]
    rules = tmp_path / "r.toml"
    rules.write_text(
        '[sharing_rationale]\nagencies = ["Brightwell", "Kestrel Aid"]\n'
        'sharing_verbs = ["signpost", "signposted"]\n',
        encoding="utf-8",
    )
    with_rules = load_pipeline(rules)
    doc = with_rules(note)
    assert [s.text for s in doc.spans["rc_sharing"]] == [
        "Told Brightwell about the fall and his new medication",
        "Signposted Kestrel Aid",
    ]
    assert [f.check for f in findings_for(doc)] == ["sharing-rationale"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # a sharing word the parse shows is a name, an adjective, an adverb or a noun
        "Lives alone, ground floor flat, Kelmshire CC funded POC 4x daily via Willow Home Support.",
        "Present: DF, Pauline (mum), JP (CC), Kelly (STR).",
        "Step Forward have set up a council tax payment plan.",
        "Seen mid morning (most alert per ward).",
        'Meds - GP referred, CAMHS review brought forward, Liam "hates the new ones" (gran'
        " watches him).",
        "Alert added to account: do not discuss with partner present.",
        "Alert, GCS 15, tearful.",
        "Raised voices, Kayleigh's daughter upset.",
        # information that came in
        "Email from Calderbrook College (Mr Fenwick, tutor) - K passed L1.",
        "Private fostering notification - email from Mrs Lorraine Beckett, Highcross Academy.",
        "Her DASH from referring area: 18 HIGH.",
        "Police notification this morning: Kyle arrested Saturday at a flat in Holmbridge.",
        "Police referral - Debbie RAWCLIFFE 49. 4th referral in 12 months.",
        # someone else's act
        "Self-referral.",
        "Disciplinary concluded - escort dismissed, DBS referral made by the company.",
        "Police will have done their own notification to CSC.",
        "Lifeline/Telecare referral to be done.",
        "Sophie was brought to ED by ambulance after telling a friend she had taken tablets.",
        "Upstairs - the boys share a room.",
        "Behaviours: turns up at her work, sends flowers, contacted her sister.",
        # an "-ing" hung on the party opening the line: what that party is doing
        "Police making MARAC referral.",
        "Police submitting PPN to MASH.",
        "Receptionist passing to Dr Hewitt.",
        # what the person was told, not whom the writer told
        "Explained midwife has probably already had to think about that.",
        "Told him the police and his social worker are dealing with it.",
        "Told him about Samaritans and to ring his GP today.",
        "I tell him tell the nurse tomorrow.",
    ],
)
def test_words_that_record_no_outward_sharing_by_the_writer(sharing_only, text):
    assert sharing_only(text)[0] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, act",
    [
        ("Informed ASC duty - SW Claire Whitehead allocated, reviewing.", "Informed ASC duty"),
        ("Told the GP she was worried.", "Told the GP"),
        ("Rang DC Siddiqui 17:15, left voicemail. Emailed her.", "Emailed her"),
        ("Let the school know he was absent.", "Let the school know"),
        ("Referral to ASC following an email from the school.", "Referral to ASC"),
        ("MASH referral sent. Police informed.", "MASH referral sent"),
        # the writer's call, which the tagger reads as part of a name, then an "-ing"
        ("Rang police, passing on the concerns.", "Rang police"),
        # a past form opening before a comma is the act recorded tersely, not a state
        ("Notified, no reply yet from housing.", "Notified"),
        ("Alert, tearful. Told GP about the bruising.", "Told GP"),
        ("Alert sent to MASH.", "Alert sent to MASH"),
        # a reviewer's: the act goes on after the comma, or is another verb so written
        ("Alert, sent to MASH at 14:10.", "Alert, sent to MASH"),
        ("Sent, referral form to MASH at 14:10.", "Sent, referral form"),
        ("Gave, the HV the address of the new flat.", "Gave, the HV"),
    ],
)
def test_sharing_by_the_writer_beside_those_readings(sharing_only, text, act):
    outward = [sentence for sentence, _ in sharing_only(text)[0]]
    assert any(sentence.startswith(act) for sentence in outward), outward


@pytest.mark.slow
def test_a_caller_is_on_the_line_only_from_the_call_on(sharing_only):
    before = "Told her it would be a few weeks. Later her neighbour rang about the noise."
    assert sharing_only(before)[0] == []
    after = "Her neighbour rang about the noise. Told her it would be a few weeks."
    assert [s for s, _ in sharing_only(after)[0]] == ["Told her it would be a few weeks"]
    # the writer's own call ends the caller's, however the tagger reads "Rang" or a time
    # before "spoke": "her" is then the one the writer rang, the person herself
    for own_call in ("Rang Courtney - she cried.", "16:50 spoke to Courtney by phone."):
        news = "Email from Lynne Carver, Council Tax: exemption applied."
        text = f"{news} {own_call} Told her it lasts till 25."
        assert sharing_only(text)[0] == [], own_call


@pytest.fixture(scope="module")
def sharing_by():
    """Read a note whose export names its author's team and role: (outward sentences)."""
    import recordcheck.events.sharing_acts  # noqa: F401  (registers rc_sharing_acts)

    nlp = load_base(exclude=("ner",))
    nlp.add_pipe("rc_sharing_acts")

    def read(text: str, team: str, role: str = ""):
        note = Note(note_id="N1", case_id="C1", text=text, team=team, author_role=role)
        doc = nlp(note_doc(nlp, note))
        return [s.text for s in doc.spans["rc_sharing"]]

    return read


@pytest.mark.slow
def test_the_authors_own_service_is_in_house(sharing_by):
    school = "Ridgeway Park Academy - Safeguarding & Pastoral"
    assert sharing_by("No breakfast again. Passing to DSL team.", school) == []
    assert sharing_by("No breakfast again. Passing to the GP.", school) != []
    officer = ("Prevent referral submitted to Ryland Police Prevent Team.", "Youth Justice")
    assert sharing_by(*officer, role="Seconded Police Officer") != []
    team = "Children's Social Care, Assessment & Safeguarding Team 2"
    assert sharing_by("Strategy set for 12:00. Passed to Team 2 (Priya to chair).", team) == []
    assert sharing_by("Strategy set for 12:00. Passed to Team 4 (Priya to chair).", team) != []
    # a job of no agency shows nobody outside; a first name alone is a colleague
    assert sharing_by("Informed Andreea (keyworker) and Helen.", "Supported Living") == []
    assert sharing_by("Referred to Priya re fuel support.", "Kestrel Vale Housing") == []


@pytest.mark.slow
def test_the_run_settings_own_organisation_is_in_house_for_the_sharing_check(real_nlp):
    """`--organisation` / a rules file's [service] names: a file sent to the organisation's
    own housing arm is no sharing to justify, as it is no partner contact."""
    from recordcheck.engine import run

    note = Note("N1", "C1", "Emailed Riverside Housing Association the tenancy file and "
                "her diary of incidents.", date="2025-03-14", author="Kim Hart")

    def checks_found(own_service: dict) -> list[str]:
        (result,) = run([note], jobs=1, own_service=own_service)
        return [finding.check for finding in result.findings]

    assert checks_found({}) == ["sharing-rationale"]
    assert checks_found({"names": ["Riverside Housing Association"], "staff": []}) == []


@pytest.mark.slow
def test_a_titled_colleague_of_the_export_is_in_house():
    """ "Message passed to Dr Ashworth" in a practice whose staff include Dr Tom Ashworth is
    internal handover, as the contact events read it; another doctor, or a PC, is outside."""
    import recordcheck.events.sharing_acts  # noqa: F401  (registers rc_sharing_acts)

    nlp = load_base(exclude=("ner",))
    staff = {"names": [], "staff": ["Dr Tom Ashworth", "PC 4417 Kieran Walsh"]}
    nlp.add_pipe("rc_sharing_acts", config={"own_service": staff})

    def outward(text: str) -> list[str]:
        note = Note(note_id="N1", case_id="C1", text=text, team="Thornleigh Medical Practice")
        doc = nlp(note_doc(nlp, note))
        return [s.text for s in doc.spans["rc_sharing"]]

    assert outward("Pharmacy rang about his packs. Message passed to Dr Ashworth.") == []
    assert outward("Pharmacy rang about his packs. Passed to Dr T Ashworth (duty).") == []
    assert outward("Emailed Dean and PC Walsh.") == []
    assert outward("Pharmacy rang about his packs. Message passed to Dr Okafor.") != []
    assert outward("Emailed PC Hindle.") != []
    # a title with no name is the team's own when one of its staff goes by it
    assert outward("DFU report received. Passed to Dr Ashworth and PC.") == []
    assert outward("DFU report received. Briefed DS.") != []


@pytest.mark.slow
def test_a_teammate_named_by_first_name_or_initials_is_in_house():
    """ "told nurse Grace", "sent her to KH": an author of the note's own team, written as
    colleagues write each other; a name no teammate has, or another team's, is not."""
    import recordcheck.events.sharing_acts  # noqa: F401  (registers rc_sharing_acts)

    nlp = load_base(exclude=("ner",))
    home = "Larkfield House Nursing Home - Willow Unit"
    team = ["Grace Mensah", "Kirsty Hale", "Shelley Barnes"]
    staff = {"names": [], "staff": team, "staff_by_team": {home: team}}
    nlp.add_pipe("rc_sharing_acts", config={"own_service": staff})

    def outward(text: str, in_team: str = home) -> list[str]:
        note = Note(note_id="N1", case_id="C1", text=text, team=in_team)
        doc = nlp(note_doc(nlp, note))
        return [s.text for s in doc.spans["rc_sharing"]]

    assert outward("Noticed red area on his bottom, told nurse Grace.") == []
    assert outward("Cuts on her forearm, sent her to KH after the lesson.") == []
    assert outward("Noticed red area on his bottom, told nurse Grace and the GP.") != []
    assert outward("Noticed red area on his bottom, told nurse Fiona.") != []
    assert outward("Emailed Grace's note from last night to Martin Clegg.") != []
    assert outward("Noticed red area on his bottom, told nurse Grace.", "Riverside GP") != []


@pytest.mark.slow
def test_a_report_written_for_a_forum_is_shared_for_its_purpose(sharing_only):
    sent = "ICPC report re Chloe sent to CP Conference Unit. Content: self harm, CAMHS referral."
    assert sharing_only(sent)[1]
    cover = "Report for the Initial Child Protection Conference completed and sent to the MASH."
    assert sharing_only(cover)[1]
    # a referral to a forum is an act of its own, and needs its reason
    assert not sharing_only("MARAC referral sent to the coordinator.")[1]
    assert not sharing_only("Reported to the strategy meeting chair by email.")[1]


@pytest.mark.slow
def test_someone_elses_sending_a_compound_word_and_a_possessor_are_no_sharing(sharing_only):
    """Grammar, not words: a pronoun's verb is its own ("she ... sent her sister"), an active
    verb with an object is its subject's ("account sent a collage"), "DBT-informed" is one
    adjective, and "SW's thanks" is what was passed, not whom it went to."""
    def outward(text: str) -> list[str]:
        return [sent for sent, _ in sharing_only(text)[0]]

    assert outward("Rang mum - she was at work, very apologetic, and sent her sister.") == []
    assert outward("Tonight account sent a collage of his images with his school name.") == []
    assert outward("Outcome letter sent 2nd class post to Mrs S Price.") != []
    assert outward("Concerns noted and passed to police.") != []
    assert outward("MDT 09/04 - accepted for psychology, DBT-informed, wait 3 wks.") == []
    assert outward("Passed outcome and SW's thanks to Jodie (phone) and Rob (email).") == []
    assert outward("I shared the incident with Lucy (Locality) and Fiona (IDVA) by email.") != []
    assert outward("Emailed the council's self-neglect panel with her details.") != []
    assert outward("Passed the details to Nadia at Switch.") != []


@pytest.mark.slow
def test_a_verbless_for_line_after_sharing_gives_its_purpose(sharing_only):
    """ "Emailed CRHT re the call. For info and risk assessment.": the purpose, in a line of
    its own; "For 2 weeks." says how long, and a purpose two lines on covers nothing."""
    assert sharing_only("Emailed CRHT and the GP re the call. For info and risk assessment.")[1]
    assert not sharing_only("Emailed CRHT and the GP re the call. For 2 weeks.")[1]
    assert not sharing_only("Emailed the GP re the call. Mum upset. For risk assessment.")[1]


@pytest.mark.slow
def test_a_tally_of_referrals_and_one_still_to_be_made_are_no_sharing(sharing_only):
    """ "Two safeguarding referrals." counts past ones; "referral to be reconsidered" is to do;
    "2 referrals sent to MASH" records them made."""
    def outward(text: str) -> list[str]:
        return [sent for sent, _ in sharing_only(text)[0]]

    assert outward("PAS info: 9 calls since Oct. Two safeguarding referrals.") == []
    assert outward("Actions:\n- Children's referral to be reconsidered if any new info.") == []
    assert outward("Two safeguarding referrals sent to the MASH this year.") != []



def test_a_time_the_parser_takes_for_a_subject_is_a_clock_time_not_a_number_rung():
    import spacy

    from recordcheck.events.sharing_acts import _a_time

    words = spacy.blank("en")("16:50 1650 101 999 2599")
    assert [_a_time(word) for word in words] == [True, True, False, False, False]
