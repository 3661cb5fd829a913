"""Readings of the who-present standard in rc_encounters: what is no encounter held, and what
records who took part. Each sentence is our own."""

from __future__ import annotations

import pytest

from recordcheck.model import Note
from recordcheck.nlp import load_base, note_doc


@pytest.fixture(scope="module")
def encounters_only():
    import recordcheck.events.encounters  # noqa: F401  (registers rc_encounters)

    nlp = load_base(exclude=("ner",))
    nlp.add_pipe("rc_encounters")
    return nlp


def encounter(nlp, text: str, note_type: str = "", written: str | None = None):
    """(kind of encounter or None, whether who took part is recorded)."""
    note = Note(note_id="N1", case_id="C1", text=text, note_type=note_type, date=written)
    doc = nlp(note_doc(nlp, note))
    group = doc.spans["rc_encounter"]
    return (group[0].label_ if group else None), group.attrs["attendees_recorded"]


@pytest.mark.slow
def test_a_meeting_dated_after_the_note_is_yet_to_come(encounters_only):
    # (an export with no note type: the text alone says whose the meeting was)
    text = "Pupil excluded for two days. Return meeting 6/3. Letter sent home."
    assert encounter(encounters_only, text, "", "2026-03-02")[0] is None
    # the same words in a note written after that day record a meeting held
    assert encounter(encounters_only, text, "", "2026-03-09") == ("meeting", False)
    # across the new year: "4/1" in a note of 29 December is days later, not last January
    later = "Core group 4/1 at the children's centre."
    assert encounter(encounters_only, later, "", "2025-12-29")[0] is None
    # with no date to compare, a dated meeting is read as held
    assert encounter(encounters_only, text, "")[0] == "meeting"
    # a day alone is read in the month nearest the note: the 18th after the 12th is to come
    day = "Exclusion letter handed over. Return meeting on Tuesday 18th."
    assert [encounter(encounters_only, day, "", on)[0] for on in ("2025-03-12", "2025-03-20")] == [
        None, "meeting"
    ]
    # "2nd" in a note of 30 January is days later, in February
    early = "Reintegration meeting on the 2nd with the head of year."
    assert encounter(encounters_only, early, "", "2025-01-30")[0] is None
    # an ordinal before the meeting counts meetings, it does not date one
    first = "1st CIN meeting at school. Plan agreed."
    assert encounter(encounters_only, first, "", "2025-03-27") == ("meeting", False)


@pytest.mark.slow
def test_a_meeting_in_a_note_of_another_kind_is_the_writers_only_when_it_says_so(
    encounters_only,
):
    # what came of a forum, in a case note or a safeguarding log: information received
    heard = "MARAC heard her case on 4/3. Actions for us: flag the record."
    assert encounter(encounters_only, heard, "Case Note", "2025-03-06")[0] is None
    received = "Strategy meeting 2/6 - outcome received from CSC, S47 to go ahead."
    assert encounter(encounters_only, received, "Safeguarding", "2025-06-04")[0] is None
    # the same words in a note typed as the meeting, or with no type, are the writer's record
    assert encounter(encounters_only, heard, "MARAC", "2025-03-06") == ("meeting", False)
    assert encounter(encounters_only, heard, "Panel Meeting", "2025-03-06")[0] == "meeting"
    assert encounter(encounters_only, heard, "", "2025-03-06")[0] == "meeting"
    # a note of another kind that says the writer attended, acted or that it was held
    attended = "Attended MARAC on Teams. Risk stays high, flag kept."
    assert encounter(encounters_only, attended, "Case Note") == ("meeting", False)
    after = "CP conference this morning - attended for the nursery. Plan agreed."
    assert encounter(encounters_only, after, "Safeguarding") == ("meeting", False)
    acted = "Core group at the school today, I gave the nursery update."
    assert encounter(encounters_only, acted, "Case Note") == ("meeting", False)
    held = "Core group held at the school. Plan reviewed, no changes."
    assert encounter(encounters_only, held, "Case Note") == ("meeting", False)
    # someone else's attendance is theirs
    theirs = "Mum attended the core group with her sister."
    assert encounter(encounters_only, theirs, "Daily Log")[0] is None


@pytest.mark.slow
def test_on_the_phone_is_the_writers_call_only_as_the_channel_of_what_the_writer_did(
    encounters_only,
):
    # someone on the phone, described or busy on it: a call, if any, that was not ours
    assert encounter(encounters_only, "Very demanding on the phone, wanted more.", "")[0] is None
    busy = "Came in at ten. Gone up to his room and on the phone all night."
    assert encounter(encounters_only, busy, "Daily Log")[0] is None
    assert encounter(encounters_only, "Mum on the phone to her sister again.", "")[0] is None
    # something the writer did on the phone, or over it, is the writer's call
    did = "Discussed the move on the phone this afternoon."
    assert encounter(encounters_only, did, "Case note") == ("call", False)
    assert encounter(encounters_only, "Advised by phone to rest.", "Case note") == ("call", False)


@pytest.mark.slow
def test_a_meeting_asked_for_or_instructed_is_not_held(encounters_only):
    asked = "Concerns about exploitation. Recommend strategy discussion, consider a referral."
    assert encounter(encounters_only, asked, "Case note")[0] is None
    instructed = "Advice for staff below.\n4. Explain the hard words (court, panel, order) often."
    assert encounter(encounters_only, instructed, "Assessment")[0] is None
    # an encounter told with its own verb carries its own tense
    went = "Set off at nine and visited Mrs Ryan at home."
    assert encounter(encounters_only, went, "Case note")[0] == "visit"
    # an encounter needed or wanted is asked for, not held
    needed = "Needs a home visit from the OT for equipment."
    assert encounter(encounters_only, needed, "Case note")[0] is None
    wanted = "She wants a meeting with Nathan, his dad and support staff."
    assert encounter(encounters_only, wanted, "Case note")[0] is None
    promised = "Assessment written up. I will attend the first panel."
    assert encounter(encounters_only, promised, "Case note")[0] is None
    # a purpose whose verb the tagger hung on a misread participle is still a purpose
    purpose = "Passed to Ruth to raise at TAF - sibling safety at home."
    assert encounter(encounters_only, purpose, "Case note")[0] is None
    # "Review panel." names the meeting held, though "Review" may be read as a bare verb
    assert encounter(encounters_only, "Review panel. No new offences.", "Panel Meeting") == (
        "meeting", False
    )


@pytest.mark.slow
def test_a_managers_note_records_no_encounter(encounters_only):
    text = "Transfer panel 12/04 - approved, one bed, east area only."
    for note_type in ("Manager Review", "Management note", "Manager note"):
        assert encounter(encounters_only, text, note_type, "2025-04-14")[0] is None


@pytest.mark.slow
def test_a_meeting_written_as_one_section_per_agency_records_who_took_part(encounters_only):
    sections = (
        "MARAC - case heard.\nPolice: two callouts this year, no charges.\n"
        "Education: attendance 71%, DSL aware.\nHousing (Riverside): no tenancy issues."
    )
    assert encounter(encounters_only, sections, "MARAC") == ("meeting", True)
    # the same agencies as the owners of actions given out say nothing of who was there
    actions = (
        "MARAC - case heard.\nActions:\n- Police: flag the address\n"
        "- Education: DSL to monitor\n- Housing: consider a move"
    )
    assert encounter(encounters_only, actions, "MARAC") == ("meeting", False)
    # an agency named by its own name ends in a kind of organisation (the language layer's
    # organisation_heads): "Northgate Homes" is a housing provider's section
    named = (
        "MARAC 23/10 - repeat.\nNorthgate Homes: joint tenancy, options looked at.\n"
        "Health: GP flag in place."
    )
    assert encounter(encounters_only, named, "MARAC") == ("meeting", True)
    # one section is a heading, not a record of the agencies round the table
    single = "MARAC - case heard.\nPolice: two callouts this year.\nRisk remains high."
    assert encounter(encounters_only, single, "MARAC") == ("meeting", False)


def test_agency_sections_are_lines_of_their_own_outside_a_list_of_actions():
    from recordcheck.events.sections import agency_sections

    agencies, plans = {"police", "health", "housing"}, ("actions", "plan")
    assert agency_sections("Police: known.\nHealth (GP): flag.", agencies, plans)
    assert not agency_sections("Actions:\n- Police: flag\n- Health: review", agencies, plans)
    # a list of actions ends at the first line that is not an item
    text = "Plan:\n1. Police: flag\nHealth: flag in place.\nHousing: no tenancy."
    assert agency_sections(text, agencies, plans)
    # a label with nothing after it heads what follows; a long label is a sentence
    assert not agency_sections("Police:\nHealth: flag.", agencies, plans)
    long_label = "Police said on the phone that: known.\nHealth: flag."
    assert not agency_sections(long_label, agencies, plans)
    # a heading is a whole word: "Family planning" is a service, not a plan
    sections = "Family planning: seen.\n- Police: known.\n- Health: flag."
    assert agency_sections(sections, agencies | {"family planning"}, plans)


@pytest.mark.slow
def test_a_short_name_in_lower_case_names_the_person_seen_when_it_is_a_subject(encounters_only):
    named = "tea call 17.00-17.30. len had soup and a yoghurt. meds taken."
    assert encounter(encounters_only, named, "Care call") == ("visit", True)
    nobody = "tea call 17.00-17.30. soup and a yoghurt. meds taken."
    assert encounter(encounters_only, nobody, "Care call") == ("visit", False)


@pytest.mark.slow
def test_terse_encounters_are_read_as_held(encounters_only):
    # a review, meeting or round the writer attended was held, whatever it is called
    attended = "Attended the annual EHCP review. No new concerns raised."
    assert encounter(encounters_only, attended, "Case note") == ("meeting", False)
    theirs = "Dad attended his annual review at the surgery on his own."
    assert encounter(encounters_only, theirs, "Case note")[0] is None
    # a review held in the person's home is a visit; a joint visit shortened is one too
    at_home = "Care plan review at home. Hours stay the same."
    assert encounter(encounters_only, at_home, "Case note") == ("visit", False)
    joint = "JV with PC Ortiz. Flat in poor state."
    assert encounter(encounters_only, joint, "Case note") == ("visit", True)


def test_the_events_layer_reads_one_list_of_plan_headings():
    """Contacts, encounters and significant events take their plan headings from one list."""
    import spacy

    from recordcheck.events import plans
    from recordcheck.events.cues import significant_terms
    from recordcheck.events.encounters import EncounterReader

    nlp = spacy.blank("en")
    reader = EncounterReader(nlp, {})
    assert set(significant_terms()["plan_headings"]) == set(plans.PLAN_HEADINGS)
    assert set(reader.attendees.plan_headings) == {*plans.PLAN_HEADINGS, *plans.TASK_HEADINGS}

    def heading(text: str, line: int = 0) -> str:
        doc = nlp(text)
        start = sum(len(t) + 1 for t in text.split("\n")[:line])
        return plans.plan_heading_over(doc.char_span(start, len(text), alignment_mode="expand"))

    assert heading("Next steps: ring the GP") == "next steps"
    assert heading("Action plan: letter to housing") == "action plan"
    assert heading("To do\n- ring the GP", line=1) == "to do"
    assert heading("Agreed actions:\n- Police: marker placed", line=1) == "agreed actions"
    assert heading("Actions agreed (added to plan):\n- SW to visit", line=1) == "actions agreed"
    # a heading ends at a colon, a spaced dash or its line: these open ordinary sentences
    assert heading("Next steps agreed with mum, she will ring the GP") == ""
    assert heading("Planned visit went ahead") == ""


WHO_TOOK_PART = [
    # a pronoun speaking identifies the person seen, as a name does
    ("Home visit", "Wound redressed. She reports pain 2/10 and says she is sleeping better.", True),
    # a verb in the third person present with no subject has a third person for its subject
    ("Key work session", "Key work session. Says he is drinking less. Rent discussed.", True),
    # the other party of a call mentioned in passing may speak in a later sentence
    ("Case note", "Rang this afternoon. Angela answered and said all was fine.", True),
    # a speaker's own clause decides, in a tense, whatever the sentence plans around it
    ("Home visit", "Wound redressed. Will review Friday as she says pain is worse at night.", True),
    ("Home visit", "Visit done. If she says the pain is worse, ring the GP.", False),
    ("Home visit", "Visit done. She has shown me the new bed.", True),
    ("Home visit", "Visit done. Does not want mum told about the fall.", False),
    # the writer's own words, a plan, a document or a place speaking identify nobody
    ("Home visit", "Visit done. I explained the plan and asked about meds.", False),
    ("Home visit", "Visit completed. She will tell her daughter about the plan.", False),
    ("Case note", "Phone call made re the application. The report states it is at risk.", False),
    ("Case note", "Phone call made re the application. The school said the form arrived.", False),
    ("Case note", "Rang about the repair. Concerns were reported by the school last week.", False),
    # someone who did something to or with the writer was there, however the parser hangs
    # "me" ("let me in"); a document or a subjectless verb identifies nobody
    ("Visit", "Welfare check. Knocked, he let me in. Room tidy.", True),
    ("Home visit", "Visit done. She showed me the new bed and the commode.", True),
    ("Home visit", "Visit done. The report shows me nothing new.", False),
    ("Home visit", "Visit done. Showed me the new bed.", False),
    # a meeting still needs who attended, not only who spoke at it
    ("Meeting", "CIN review held in school. Mum says things have settled.", False),
    # the meeting the tagger took for the subject of its own "attended" is the writer's
    # attendance, not someone named; a person who attended is
    ("Meeting", "ICPC 14/02 (Teams) 13:00-14:30 - attended.", False),
    ("Meeting", "Strategy meeting on Teams. Her aunt attended too.", True),
    # people in a list of actions own the actions; they are not said to have been there
    (
        "Meeting",
        "Attended the Prevent panel on Teams.\nActions agreed:\n- Children's services: SW to"
        " start an assessment, coordinating with IDVA Jo Marsh on a safe approach.\n"
        "- Housing: marker on the file.",
        False,
    ),
    # people.toml's relations and roles ("warden", "solicitor") name people as the
    # encounter's own person words do
    ("Key work session", "Key work session. The warden sat in. Rent arrears discussed.", True),
    ("Phone call", "Spoke with his solicitor about the hearing.", True),
    ("Key work session", "Key work session today. Rent arrears discussed.", False),
    # a given name that is no English word (given_names.toml) names someone even where the
    # tagger reads a sentence's first word as a noun; "Grace" is also a word, so needs more
    ("Home visit", "Home visit. Ravi paranoid and hostile. Refused to let me in.", True),
    ("Home visit", "Home visit. Grace period for rent ends Friday. Not engaging.", False),
]


@pytest.mark.slow
@pytest.mark.parametrize(("note_type", "text", "recorded"), WHO_TOOK_PART)
def test_whoever_spoke_or_the_language_layer_names_took_part(
    encounters_only, note_type, text, recorded
):
    kind, attendees_recorded = encounter(encounters_only, text, note_type)
    assert kind is not None
    assert attendees_recorded is recorded


CALL_WORDS = [
    # a call word qualifying the thing after it names that thing, not a call held
    ("Call bell within reach. Pressure mattress in place.", None),
    ("Call log checked at handover.", None),
    ("Phone number updated on the system.", None),
    # calls counted, none with anyone named, are no call the writer took part in
    ("Since then 14 calls blocked per the unit log.", None),
    # a call word qualifying a contact, and calls with someone named, are calls
    ("Phone contact with the ward about her discharge.", "call"),
    ("Two phone calls with mum this week about the move.", "call"),
    ("Telephone review today, all well.", "call"),
    # a call word that is only ever a verb never names a thing
    ("Rang cl on her mobile.", "call"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "kind"), CALL_WORDS)
def test_a_call_word_naming_a_thing_or_a_count_records_no_call(encounters_only, text, kind):
    assert encounter(encounters_only, text, "Case note")[0] == kind





LIAISON, CASE_NOTE = "Safeguarding liaison review", "Case note"
NO_ENCOUNTER_OF_OURS = [
    # a meeting another agency held, which the note says the writer's service missed
    (LIAISON, "Strategy meeting held 29/06 by Kirkdale EDT/police - health not represented.", None),
    # held "by" a channel, or told as held, is still a meeting held
    (LIAISON, "Strategy meeting held 29/06 by Teams.", "meeting"),
    (CASE_NOTE, "Core group held at school.", "meeting"),
    # in a note of another kind, a meeting told as held in news from someone is their news
    (CASE_NOTE, "Confirmation from SW Amira Shah - transfer-in conference held 14/08.", None),
    (CASE_NOTE, "Email from HV: core group held yesterday at school.", None),
    # a meeting named with a condition may yet be held; a verb with one says it was
    (LIAISON, "Review of attendance. Agreed IDVA referral; MARAC if escalates.", None),
    (LIAISON, "Review of attendance. Strategy discussion if he goes missing again.", None),
    (CASE_NOTE, "Visited if only briefly, mum seen.", "visit"),
    # a bare verb of calling whose object is the writer asks for a call to come
    (CASE_NOTE, "Me: Brilliant. Ring me after the interview x", None),
    (CASE_NOTE, "Left him my number - call me if worried.", None),
    # a call made to the writer, however the tagger reads "Rang", took place
    (CASE_NOTE, "Rang me at 10:00, worried about rent.", "call"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("note_type", "text", "kind"), NO_ENCOUNTER_OF_OURS)
def test_a_meeting_another_held_or_on_a_condition_or_a_call_asked_for_is_none_of_ours(
    encounters_only, note_type, text, kind
):
    assert encounter(encounters_only, text, note_type)[0] == kind


@pytest.mark.slow
def test_who_someone_lives_or_gets_on_with_is_not_who_attended(encounters_only):
    # "with" joins a person to the meeting only through what was done at it
    assert encounter(
        encounters_only, "RCPC 10am - I attended. Plan continues. Mum engaging better with Lisa.",
        "Child protection",
    ) == ("meeting", False)
    household = "Core group held at school. Plan reviewed. Mason living with Carol since May."
    assert encounter(encounters_only, household, "Meeting") == ("meeting", False)
    # the same word after a verb of the meeting names who took part
    assert encounter(
        encounters_only, "Core group held at school. Plan reviewed with mum and Lisa.", "Meeting"
    ) == ("meeting", True)
    # engaging, done at the meeting, is taking part in it
    for engaged in ("Review meeting held today. Mum engaged well with the IRO.",
                    "CIN meeting held. Dad engaged with SW Amy throughout.",
                    "CIN meeting held. Mum was engaging well with the IRO throughout."):
        assert encounter(encounters_only, engaged, "Meeting") == ("meeting", True), engaged


@pytest.mark.slow
def test_a_meeting_heading_and_its_date_are_not_a_line_of_people(encounters_only):
    # the tagger reads the date as a proper noun; a line naming two people still lists them
    heading = "MARAC – Northmoor, 02/10/25.\nCase heard, actions agreed."
    assert encounter(encounters_only, heading, "Meeting") == ("meeting", False)
    people = "MARAC – Northmoor, 02/10/25.\nImran Aziz, Bernadette Cole.\nCase heard."
    assert encounter(encounters_only, people, "Meeting") == ("meeting", True)
    # an officer's number is part of a name, not a date
    officer = "Strategy meeting 10/3.\nPC2417, SW Amy Cole.\nActions agreed."
    assert encounter(encounters_only, officer, "Meeting") == ("meeting", True)


def test_a_list_whose_items_tell_something_is_not_a_list_of_who_attended(encounters_only):
    # "mum says she has blocked him" is a clause about mum, not an attendee in a list
    told = (
        "RCPC attended, report submitted 16/07.\n"
        "However SW reported on 05/07 Lee was seen at the house by a neighbour and police "
        "attended, mum said he came to collect his belongings, Kayden told school 'Lee is "
        "back sometimes'."
    )
    assert encounter(encounters_only, told, "Child protection conference") == ("meeting", False)
    listed = "RCPC attended, report submitted 16/07.\nMum, dad, SW N Green, HV, school nurse."
    assert encounter(encounters_only, listed, "Child protection conference") == ("meeting", True)


@pytest.mark.parametrize(
    ("text", "note_type", "reading"),
    [
        # a note typed as a meeting names who took part after its own word: "Review with ..."
        (
            "Review with Anna interpreting (Mr K preferred her to a phone line).\n"
            "Boiler repaired 3/02.",
            "Review",
            ("meeting", True),
        ),
        (
            "Review with Punjabi interpreter (phone line - Mrs Gill) so Harpreet could take "
            "part, Jas not present.\nMr S - now walks indoors with a frame.",
            "Review",
            ("meeting", True),
        ),
        # "the family" does not say which of them took part; a session told later was another
        ("Review with family. Harold's sacrum improving, 3 x 2cm, no slough.", "Review",
         ("meeting", False)),
        (
            "Review panel 2. Fernhill attendance up to 89%.\n"
            "P said it came up in a session with Chloe.",
            "Panel Meeting",
            ("meeting", False),
        ),
        # a hub is a service a call is with, like the surgery
        ("Referral sent 4/2. Rang the hub to chase it, no bed yet.", "Case note",
         ("call", True)),
        # a review still to come names nobody who was there
        ("Review. Attendance 88%. Will need a review with mum next month.", "Review",
         ("meeting", False)),
    ],
)
def test_whose_meeting_a_note_opens_with_and_whom_it_was_held_with(
    encounters_only, text, note_type, reading
):
    assert encounter(encounters_only, text, note_type) == reading


@pytest.mark.parametrize(
    ("text", "note_type"),
    [
        # "with" whose object is no person: an aside, a document, a link, an agency
        ("Review with regard to school attendance.", "Review"),
        ("Review with school report attached.", "Review"),
        ("Review with GP letter received.", "Review"),
        ("Review with SW report.", "Review"),
        ("Review with police input requested.", "Review"),
        ("Review with updates from school and GP.", "Review"),
        ("Review with mum's agreement brought forward to today.", "Review"),
        ("Review with partner agencies.", "Review"),
        ("Review with Teams link.", "Review"),
        # a review still to come
        ("Review with mum booked for 12/4.", "Review"),
        ("Annual review with dad due in May.", "Review"),
        ("Review with GP requested.", "Review"),
        # another meeting than the note's own
        ("Core group following last week's review with the GP.", "Core Group"),
        ("CG after the review with police last month.", "Meeting"),
        # the person named did not take part, or the review was not held
        ("Review with mum not present. Attendance 81%, plan unchanged.", "Review"),
        ("Review with mum unable to attend. Plan unchanged.", "Review"),
        ("Review with Mr K's daughter unable to join. Plan unchanged.", "Review"),
        ("Review with Tom's keyworker off sick so held without her. Plan unchanged.", "Review"),
        ("Review with mum outstanding.", "Review"),
        ("Review with dad still not arranged.", "Review"),
    ],
)
def test_a_meeting_opened_with_no_one_it_was_held_with_still_says_nobody(
    encounters_only, text, note_type
):
    assert encounter(encounters_only, text, note_type)[1] is False
