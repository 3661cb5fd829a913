"""What each check looks for, in words an auditor can put in front of a practitioner.

Condensed from docs/recording-standard.md. A check the writers do not know yet
(new checks arrive over time) still gets a readable title from its id.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckGuide:
    check: str
    title: str
    short: str  # a table column heading
    requires: str  # what a good note does
    why: str  # why it matters for the person and for partner agencies
    strength: str  # how to name it when an author does this well


GUIDES = {
    guide.check: guide
    for guide in (
        CheckGuide(
            check="opinion",
            title="Opinion recorded as fact",
            short="Opinion as fact",
            requires=(
                "A note should record what the worker saw and heard. Where it gives a view, "
                "a label or a guess about someone's state of mind, it should say that it is a "
                "professional judgement and give the observations it rests on, in the same "
                "sentence or the next. Quoted words and clearly attributed reports of what "
                "someone said are facts about what was said and are not flagged."
            ),
            why=(
                "Labels such as 'manipulative', 'non-compliant' or 'the flat was a mess' travel "
                "through a record and into referrals, court papers and other agencies' systems, "
                "where nobody can test them. Describing the evidence lets the next reader, and "
                "the person themselves, see how a view was reached and whether it still holds."
            ),
            strength="records observations rather than labels",
        ),
        CheckGuide(
            check="who-present",
            title="Who was present",
            short="Who present",
            requires=(
                "Every visit, meeting, review, welfare check or face-to-face contact should "
                "record who was there, by name or role, or say that the person was seen alone. "
                "A phone or video call should name the other party. Letters, emails, file "
                "reviews and management notes are not encounters and are not checked."
            ),
            why=(
                "Whether a person could speak freely depends on who else was in the room. A "
                "partner or family member who stays present may be the source of the risk, and "
                "a later reader cannot weigh what was said without knowing who heard it."
            ),
            strength="records who was present at encounters",
        ),
        CheckGuide(
            check="sharing-rationale",
            title="Why information was shared",
            short="Sharing rationale",
            requires=(
                "When information about a person goes to another agency or person (a referral, "
                "a call to the police, an email to the GP, a report to the MASH), the note should "
                "record why: the purpose of sharing, and either the person's consent or the "
                "reason for sharing without it, such as a risk of serious harm. Good practice "
                "also records what was shared."
            ),
            why=(
                "Data protection law and the government's information-sharing advice for "
                "safeguarding practitioners both expect the decision to share, and its basis, "
                "to be written down at the time. Without it the organisation cannot show that "
                "sharing was necessary and proportionate, or that consent was considered."
            ),
            strength="records why information was shared",
        ),
    )
}


def readable(identifier: str) -> str:
    """An id such as "who-present" or "mind_reading" as words."""
    return identifier.replace("-", " ").replace("_", " ").strip()


def guide_for(check: str) -> CheckGuide:
    """The guide for ``check``, or a plain one built from its id."""
    if check in GUIDES:
        return GUIDES[check]
    title = readable(check).capitalize() or "Other check"
    return CheckGuide(
        check=check,
        title=title,
        short=title,
        requires="See the recording standard for what this check looks for.",
        why="",
        strength=f"meets the '{title}' check",
    )


def ordered_checks(found: set[str]) -> list[str]:
    """Every known check in the standard's order (a clean result is worth showing),
    then any other check that produced findings, alphabetically."""
    return list(GUIDES) + sorted(found - GUIDES.keys())
