"""Inner states and vague amounts said with no cue word (checks/opinion/states.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

SPAN_GROUP = "rc_opinion"


def _flagged(real_nlp, text: str) -> dict[str, str]:
    """The flagged words of a note, each with the cue its finding names."""
    doc = real_nlp(text)
    return {span.text: span.label_ for span in doc.spans[SPAN_GROUP]}


def _read(real_nlp, text: str) -> list[str]:
    """What the states reading alone finds in a note (the word lists' cues aside)."""
    doc = real_nlp(text)
    return [c.clause.text for c in real_nlp.get_pipe("rc_opinion").states.candidates(doc, [])]


@pytest.mark.parametrize(
    ("text", "flagged", "cue"),
    [
        # inner states: a linking verb or passive participle and the state, nothing observed
        ("Visited at 2pm. Kyle was relieved.", "Kyle was relieved", "mind-reading"),
        ("Phoned Grace with the outcome, she was reassured.", "she was reassured", "mind-reading"),
        ("Mr Okafor became very anxious.", "Mr Okafor became very anxious", "mind-reading"),
        # a person named by a phrase: its head noun ("service user", "young person")
        ("The service user was upset.", "The service user was upset", "mind-reading"),
        ("The young person was anxious.", "The young person was anxious", "mind-reading"),
        # a verbless line: the state alone, or the person and the state
        ("Home visit.\nDistressed.", "Distressed", "mind-reading"),
        ("Karen very upset and angry.", "Karen very upset and angry", "mind-reading"),
        # shorthand that drops "is": the person opens the line or a dashed part, the state
        # follows, however the parser hangs it (adjective after a name, participle, noun)
        ("Call 08:20.\nMrs Kaye cheerful today.", "Mrs Kaye cheerful today", "mind-reading"),
        ("Panel held.\nCallum upset.", "Callum upset", "mind-reading"),
        ("Leo a bit unsettled this week.", "Leo a bit unsettled this week", "mind-reading"),
        ("Visit done - DH upset.", "DH upset", "mind-reading"),
        # a single initial names a person too, and a panel is people
        ("Home visit.\nJ relaxed.", "J relaxed", "mind-reading"),
        ("Review held.\nPanel pleased.", "Panel pleased", "mind-reading"),
        # a state about a matter that is no concern held: how the matter left them
        (
            "Took him to Tesco.\nHe was pleased about the shopping.",
            "He was pleased about the shopping",
            "mind-reading",
        ),
        # how someone came or went, however the parser hangs the state on the verb
        ("Kai attended for about 10 mins, left angry.", "left angry", "mind-reading"),
        (
            "She came to the office very frightened.",
            "She came to the office very frightened",
            "mind-reading",
        ),
        # an amount given as a degree word: the verb and its degree
        (
            "Edna chesty tonight, coughing a lot from about 01:00.",
            "coughing a lot",
            "vague-evaluation",
        ),
        ("Heart failure, drinking very little.", "drinking very little", "vague-evaluation"),
        # a line that is only a verdict on a time or an event
        ("Home visit 10:00.\nGood session.", "Good session", "vague-evaluation"),
        ("Evening shift.\nA calm evening.", "A calm evening", "vague-evaluation"),
        ("Positive review.", "Positive review", "vague-evaluation"),
        # what the parser hangs on the state from the next line of a log is no object of it
        ("Darren has no key. K pleased.\n- UDS neg coc again.", "K pleased", "mind-reading"),
        # a state opening a verbless line, capitalised, which the tagger takes for a name
        ("Rang Tracey as per duty note. Calmer today.", "Calmer today", "mind-reading"),
        # feelings in the plainest words, the name tagged a common noun
        ("Contact.\nConnor very excited in car.", "Connor very excited in car", "mind-reading"),
        ("Talked about his nan, he's grateful to her.", "he's grateful to her", "mind-reading"),
        # an amount the parser reads upside down ("loads" as the noun), or in a sentence
        # whose other words the classifier does not take for opinion
        ("Back 15:00 and showed everyone his pics. Ate loads.", "Ate loads", "vague-evaluation"),
        ("Ate a little at tea. TV with Ellie. Bed 22:30.", "Ate a little", "vague-evaluation"),
        # the next sentence does not quote the person: news, someone else's words, or the
        # writer's own clipped voice
        (
            "Karen was angry and upset. She said she wants the care home now.",
            "Karen was angry and upset",
            "mind-reading",
        ),
        ("Janet was angry. Sophie said \"I'm not a baby\".", "Janet was angry", "mind-reading"),
        ('Kyle was upset. Told him "ring me if you need to".', "Kyle was upset", "mind-reading"),
        ('She was angry. He said "you are overreacting".', "She was angry", "mind-reading"),
    ],
)
def test_opinion_with_no_cue_word_is_flagged_with_its_cue(real_nlp, text, flagged, cue):
    assert _flagged(real_nlp, text).get(flagged) == cue


@pytest.mark.parametrize(
    "text",
    [
        # what the person said or did is in the sentence: the state's basis
        "She was upset and said she wanted to go home.",
        'He was annoyed, "I have told you lot before".',
        "Evie was tired and had fallen asleep on the sofa.",
        # the observation is in brackets after the state
        "Leo arrived tired (yawning, eyes red).",
        # the observation is in the next sentence, or the person quoted in it
        "She was tired. She was yawning throughout the visit.",
        'Karen was angry and upset. She said "I told you all this would happen".',
        "Upset. Said he's been going out late and has 'a new phone'.",
        "Dennis very low and tearful. Said 'some nights I just want it to stop'.",
        # reported, the writer's own, or consent rather than feeling
        "Dad said that she was upset.",
        "I was worried.",
        "Mum is happy for me to visit on Friday.",
        "He is keen to help with the shopping.",
        # a concern about a named matter, which the person holds and voiced
        "She is worried about giving evidence.",
        "Could not see her alone.\nUncomfortable about this.",
        # shorthand read no further than its word order allows: a state with an object is
        # something done, an item after a comma is one of a list, a reported state is reported
        "Tom upset his sister at tea.",
        "Previous incidents, child fearful of returning home.",
        "Dad said Callum upset.",
        # the person must be one: a capitalised word opening a line is no name for being
        # tagged one, a setting is none though "Ward" is also a given name, and a state
        # with its cause names what was seen
        "Dog tired after walk.",
        "Bed comfortable.",
        "Ward calm overnight.",
        "House calm on arrival.",
        "Home visit - Mum reassured by the news.",
        # said of a thing, not a person
        "The risk is low and the room was calm.",
        # quoted
        'Tom said "I was scared".',
        # amounts: measured, a noun counted, the writer's own, negated
        "Drinking very little, 300ml since breakfast.",
        "He lost a lot of blood from the cut.",
        "I slept a lot on the train.",
        "She was not bleeding a lot.",
        # not a verdict line: no verdict word, a question, quoted, not a line of its own
        "Initial panel.",
        "Good session?",
        'She said "good day".',
        "We had a good session and made a plan.",
        # a greeting opening an email pasted into the note
        "Good morning,\nPlease can you call me back about the referral.",
        # the amount in the person's own words, or followed by them
        'Admits drinking "a lot" (est 15+ pints).',
        "Maternal: 8/52 PN. Sleeping poorly, 'just tired'.",
        # a capitalised state word heading a section names no state
        "Content: letter about the tenancy.",
    ],
)
def test_what_has_its_basis_or_is_not_the_writers_reading_passes(real_nlp, text):
    assert not _read(real_nlp, text)

