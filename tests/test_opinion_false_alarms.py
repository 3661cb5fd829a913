"""False alarms of the opinion check, with sentences written for these tests: a finding
covers only the claim's own list item, a quotation after a verdict is the words heard, a
line that names its matter gives an absence verdict its subject, "lying down" places a
body, a bare noun predicate names a role or a thing, and words said of no person (the
writer's own state, a label on a thing, a comment on the work itself, a clinical check's
result) are no claim; a lone "No concerns." after a record of what was done or measured
sums that record up, after a heading, plan, judgement, encounter or another verdict it
is flagged."""

from __future__ import annotations

import pytest

from recordcheck.checks.opinion.claims import ClaimFinder
from tests.test_checks import check_note

pytestmark = pytest.mark.slow


def _flagged(nlp, text: str) -> list[str]:
    doc = check_note(nlp, text)
    return [s.text for s in doc.spans["rc_opinion"]]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # the items before the claim's own are what happened, not the claim
        ("Tom was doing a jigsaw, waved at me, seemed fine.", "seemed fine"),
        ("I explained why we had come and what happens next, she seemed relieved.",
         "she seemed relieved"),
        # what the person did next is not part of the claim
        ("Dad was in his work clothes, looked tired but chatted easily.", "looked tired"),
        # a hyphen inside a word parts nothing
        ("Rosie-Anne seems settled.", "Rosie-Anne seems settled"),
    ],
)
def test_a_finding_covers_only_the_claims_own_item(real_nlp, text, claim):
    assert _flagged(real_nlp, text) == [claim]


@pytest.mark.parametrize(
    "text",
    [
        # a quotation after the verdict gives the words that were heard
        "Gary was a bit defensive, he said 'I pay the rent, not you'.",
        "He wasn't happy about the move but said \"fine, whatever\".",
        # a line that opens on its matter: the absence is the outcome of looking at it
        "Ears - slight wax, no concerns.",
        "- Older sister: attending, GP aware, no concerns.",
        # lying down places a body
        "She was lying down on the sofa with a blanket over her.",
        # what anyone made plain, and what the writer explained, is a record of what was said
        "The magistrate was very clear that a further breach is likely to mean custody.",
        "I explained that the service is voluntary, but that we would always share if we "
        "felt the children were at risk.",
        # a label in a diagnosis's name is a matter of record
        "Alert on file: paranoid schizophrenia, under the CMHT.",
        # rules and possibilities are not claims
        "Dad must not be under the influence when he has the children.",
        "Mum must have a nurse present when feeding him.",
        "Risk that dad drives the children while under the influence.",
        # how often something happens is not a judgement
        "He is always at the skate park with his cousin after school.",
        # praise given is no description
        "Exams finished, well done Maya.",
        # what follows someone else's view is theirs
        "OT's view: not understanding the risks of using the stairs alone.",
        # a thing likened to a thing is how it looked; a smell named is what was smelled
        "Tin on the side with what looked like roach ends.",
        "Small bruise on the arm. It looks like a fingertip.",
        "The kitchen stank of stale beer.",
        # the brackets after a judgement give its basis
        "Not an immediate safeguarding issue in my view (no injury, says she feels safe at home).",
        # the writer's own reaction, its subject clipped: "(it was) nice to see", "(I am)
        # pleased for him"
        "She walked to the shop on her own. Nice to see.",
        "Offered the job at the depot. Pleased for him.",
        "Good to hear she is back at college.",
        # the next sentence measures what the verdict put in a word
        "He was hot and sweaty. Temp 38.2 at 01:00, sats 95%, BP 128/74.",
        # what the person did follows, though the parser takes the state for who did it
        "Rx changed to 7 day instalments via the chemist. pt unhappy, swore, hung up.",
        # the writer's own state or verdict on themselves is no claim about anyone
        "im tired but fine.",
        "I was really upset after the call, will pick it up tomorrow.",
        # a label on a thing names a kind of thing, not a person
        "Gran has taken on a caring role for her husband since his stroke.",
        "Carer to attend the Safer Caring course in March.",
        # a manager's or reviewer's comment on the service's own work is about no one
        "Detailed enquiry, findings clearly reasoned.",
        "Referral appropriate.",
        "Good joint work with the school.",
        "Long chase for the records, good to see it paid off.",
        # an area of a child's development is observed against what is expected at the age
        "Nursery visit. Good fine motor skills, vocabulary age-appropriate.",
        # a condition on record is a medical or functional fact
        "Test done at clinic. She is not pregnant.",
        # a clinical check's result is a finding on a body or a device, not a view of anyone
        "Annual review. Bowels ok. Lipids ok.",
        "Catheter fine, site clean.",
        "Postnatal check. Good fetal movements. Cord clean. Colour good.",
        "Facial bruise reviewed. Cheekbone x-ray ok.",
        "Inhaler review. Good technique.",
        # what the writer was told, and the concern a referral names, are not guesses
        "Walked out after 10 min. Went back to class apparently.",
        "Safeguarding - suspected financial abuse, Raymond Pike.",
        # plain acceptance of what was just proposed is an answer, not a feeling
        "Talked about what happens at 25. She's ok with that.",
        "Irene paying privately - she's fine with that.",
        # a question put to someone records nothing as fact
        "Text to Leah: Are you ok for money this month?",
        # insight alone is an item of a mental state examination
        "Cognition: alert, orientated, good insight.",
        "Informal admission refused, lacks insight, would not stay.",
        # words wrong for nearly every development writer who used them (terms.toml): a
        # forecast, a verdict on a matter, sleep as reported, a concern the person holds
        "TB screening likely next month.",
        "Alerts reviewed - contact frequency appropriate.",
        "He slept a lot over the weekend.",
        "Ellie worried.",
        # a capacity assessment's items and its outcome record a recognised assessment
        "Capacity: I consider Kieran has capacity for this decision today.",
        "I am satisfied that Brenda has capacity to make this decision.",
        "Understand: explained the 2 options. Did not understand she needs help with washing.",
        "Communicate: Yes, clearly.",
    ],
)
def test_not_a_false_alarm(real_nlp, text):
    assert _flagged(real_nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # no quotation: the verdict is still unsupported
        "Gary was a bit defensive.",
        # a clock time opening the line is the log's stamp, not the matter
        "03:00 - checked, no concerns.",
        # lying with nothing that places a body is said of the truth
        "He was lying about where the money went.",
        # the label said of the person, and a guess about the past
        "He is paranoid.",
        "She must have been drinking.",
        # the writer's own view, a person likened, a clause after "like", a bare smell
        "My view: he is lying.",
        "He looks like a drug user.",
        "It looks like he hit her.",
        "His bedroom stank.",
        "In my opinion she is being exploited.",
        # a feeling with its own subject is said of that person
        "Mum pleased for him.",
        # how long the visit took measures nothing the verdict judged
        "Home visit. Property tidy. Visit 50 mins.",
        # the same words said of someone else; the writer's view of someone, through a
        # clause, is a judgement as "I think" is
        "Mum tired but fine.",
        "I'm sure he will do it again.",
        "I am worried that he is being exploited.",
        # a label on a person, attributive or predicated
        "She lives with a controlling partner.",
        "Her husband is very controlling.",
        # a verdict on a person's home is not a comment on the work
        "Flat a mess, referral made.",
        # a heading and its colon are not what the verdict is said of
        "Summary: Good progress.",
        "Analysis: Loving, committed father.",
        # skin and sleep are not clinical checks' results: the corpus readings flag them
        "Skin ok.",
        "Sleep ok.",
        # fear said of someone is still read as their inner state (states.py)
        "She is frightened.",
        # a label stays one beside capacity; a judgement on anything else stays one
        "She has capacity and is manipulative.",
        "I consider he is lying.",
        # being happy with what was proposed still tells a feeling (the corpus flags it)
        "Outcome: to go to panel 16/6. Mum happy with this.",
        # a guess with a query mark is still a guess; a question does not excuse the next line
        "Is he ok? He looked drunk.",
        # the writer's own suspicion is a guess
        "I suspect he is drinking again.",
        # insight into a matter is a view of the person
        "Pt pleasant but a difficult historian, poor insight into his health.",
        # a check named after a preposition is when the verdict was given, not its subject
        "Rude during ECG.",
        "Very aggressive during scan.",
        # an exclamation in a question's words is no question
        "How manipulative he was during the visit?!",
    ],
)
def test_still_flagged(real_nlp, text):
    assert _flagged(real_nlp, text)


def test_a_bare_noun_in_shorthand_is_no_candidate_for_the_classifier(real_nlp):
    """The classifier scores the whole sentence: it cannot tell "smell" from "a saint"."""
    doc = real_nlp("Smell of smoke on the landing. He was very bossy.")
    found = ClaimFinder(real_nlp, {}).candidates(doc, unlisted=True)
    assert [c.clause.text for c in found if c.weak] == ["He was very bossy"]


def test_what_someone_is_said_to_be_stays_a_candidate(real_nlp):
    doc = real_nlp("Dad is the problem here.")
    found = ClaimFinder(real_nlp, {}).candidates(doc, unlisted=True)
    assert [c.cue for c in found if c.weak] == ["label"]


@pytest.mark.parametrize(
    "text",
    [
        "Goes to the after-school club on Tuesdays. Eating at breakfast club. No concerns.",
        "Skin intact, pressure mattress in place, 2 hourly turns. No concerns. "
        "Day team to review in 72hrs.",
        "Attendance 97% this term, no nits. No concerns.",
        "Bloods taken at clinic, results due Friday. No safeguarding concerns.",
        "She made a poster with the group about online safety.\nNo concerns. "
        "She stayed for the rest of club and left with her brother at 21:30.",
        "Pad changed at 03:00. No issues.",
        "Said he still misses his nan. No concerns.",
        "Dad has changed jobs and is home more. No safeguarding concerns.",
        "Sertraline stopped 20/01, no problems.",
    ],
)
def test_no_concerns_after_a_record_of_what_happened_is_not_flagged(real_nlp, text):
    assert _flagged(real_nlp, text) == []


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # after another bare verdict, flagged or not by the check itself
        ("07:00 Sheila up. Good night. No concerns.", "No concerns"),
        ("Dropped 14:00, collected 18:00. fine, no concerns.", "no concerns"),
        ("07:00 Left. Quiet night, no concerns.", "no concerns"),
        ("Tom slept well, checked 2hrly. no concerns.", "no concerns"),
        # a verdict of three words the check leaves alone
        ("Pad changed at 03:00, nothing of note. No issues.", "No issues"),
        # nothing before it at all
        ("No concerns.", "No concerns"),
    ],
)
def test_no_concerns_beside_a_verdict_is_flagged(real_nlp, text, verdict):
    assert verdict in _flagged(real_nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # a heading, a date or a time records nothing
        "Safeguarding:\nNo concerns.",
        "Update:\nNo concerns.",
        "Daily log\nNo concerns.",
        "12/03/25\nNo concerns.",
        "14:00. No concerns.",
        # a plan is not what was done
        "Will visit again next week. No concerns.",
        "Plan to review in 6 weeks. No concerns.",
        # a judgement or an effort is no record
        "Grandad is vulnerable and isolated. No concerns.",
        "Dad is trying hard. No concerns.",
        "Sharon is struggling with the children. No concerns.",
        "Appropriate parenting observed. No concerns.",
        "Observed contact. Warm and nurturing. No concerns.",
        "Door sensor working. No concerns.",
        "No wandering. No issues.",
        # a bare encounter says nothing of what was found
        "Visited. No concerns.",
        "Routine visit. No concerns.",
        "Visit to Ellie at foster placement. No concerns.",
        "Case reviewed. No concerns.",
        "Mum denied any problems. No concerns.",
    ],
)
def test_no_concerns_after_a_line_that_records_nothing_is_flagged(real_nlp, text):
    assert _flagged(real_nlp, text)[-1].lower().startswith("no ")
