"""The audit report's Partnership working section, from the notes' contact events.

Whom the service dealt with, the named people there, how often outward sharing
recorded its reason and its outcome, planned contacts kept apart, and a few
notes a manager could quote as evidence of coordination with other agencies.

The figures are the partner register's (report/partner_agencies.py): only done
and attempted contacts count. An example must have no finding at all, no data
problem, a date, and a contact whose reason and outcome are both recorded with
an agency that is not the author's own team: a wrong example quoted to an
inspector costs more than one left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from recordcheck.datafiles import package_toml
from recordcheck.model import UNNAMED_AGENCY_MARK, ContactEvent, NoteResult, Report
from recordcheck.report import charts
from recordcheck.report.doc_builder import AuditDocument, day, percent, plural
from recordcheck.report.excerpts import quote_around
from recordcheck.report.partner_agencies import Partner, agency_type_name, partners_in
from recordcheck.report.partner_identity import ContactResolver, name_words
from recordcheck.report.summary import case_label, parse_date

PARTNERS_LISTED = 20
PEOPLE_LISTED = 6  # per agency; the register lists them all
PLANNED_LISTED = 10
EXAMPLES = 3
WHOLE_NOTE_UP_TO = 700  # characters: a longer note is quoted around its contacts
WORDS = package_toml(__package__, "partnership.toml")
REPLY_OPENERS = frozenset(WORDS["reply_openers"])
TOLD_BY_US = frozenset(WORDS["told_by_us"])
NEXT_WORDS = WORDS["next_words"]
TITLES = frozenset(WORDS["titles"])
_EDGES = ".,;:()'\"\u201c\u201d-\u2013"


@dataclass(frozen=True)
class Coordination:
    """A note that meets every standard and records contacts with reason and outcome."""

    result: NoteResult
    contacts: tuple[ContactEvent, ...]
    agencies: tuple[str, ...]  # as the register files them, one per contact


def _own_team(agency: str, result: NoteResult) -> bool:
    """Whether the agency's name is all words of the author's team ("Adult social care
    (authority not named)" in a note by the Kestwick Adult Social Care team)."""
    words = name_words(agency.split("(")[0])
    return bool(words) and words <= name_words(result.note.team)


def _reply(event: ContactEvent) -> list[str]:
    """The outcome's words after the contact's own, lower case, punctuation trimmed."""
    outcome = event.outcome
    if event.evidence and event.evidence in outcome:
        outcome = outcome.split(event.evidence, 1)[1]
    return [word for word in (w.strip(_EDGES).lower() for w in outcome.split()) if word]


def _names(event: ContactEvent, agency: str) -> list[list[str]]:
    """The ways a reply may name the partner: the person's name or surname; the
    agency's name, or the first word of a two-word name ("Beacon" for Beacon Centre)."""
    names = []
    person = [word.strip(_EDGES).lower() for word in event.person.split()]
    person = [word for word in person if word and word not in TITLES]
    if person:
        names += [person, person[-1:]]
    if UNNAMED_AGENCY_MARK not in agency:
        words = [word.strip(_EDGES).lower() for word in agency.split()]
        names += [words] + ([words[:1]] if len(words) == 2 and len(words[0]) > 3 else [])
    return names


def _partner_answers(event: ContactEvent, agency: str) -> bool:
    """Whether the words after the contact open with the partner's answer: "Advice: ...",
    or the partner's name not followed by our telling them ("PC Hartley also informed").

    An outcome found by its verb alone is too often someone else's ("Mr Boateng does not
    agree to the referral" is the person's consent, not the partner's reply); a missing
    example costs less than a wrong one quoted to an inspector.
    """
    reply = _reply(event)
    while reply and reply[0] in TITLES:
        reply = reply[1:]
    if not reply:
        return False
    if reply[0].rstrip(":-") in REPLY_OPENERS and len(reply) > 1:
        return True
    for name in _names(event, agency):
        if reply[: len(name)] == name:
            following = reply[len(name) : len(name) + NEXT_WORDS]
            return bool(following) and not TOLD_BY_US.intersection(following)
    return False


def _coordinated(event: ContactEvent, agency: str, result: NoteResult) -> bool:
    return (
        event.counts_as_contact
        and event.rationale_recorded is True
        and bool(event.outcome.strip())
        and 0 <= event.start < event.end <= len(result.note.text)
        and not _own_team(agency, result)
        and _partner_answers(event, agency)
    )


def coordination_examples(
    report: Report, resolver: ContactResolver, count: int = EXAMPLES
) -> list[Coordination]:
    """Up to ``count`` notes showing coordination, from different case files and agencies
    where there are enough; notes with more such contacts, then shorter ones, first."""
    candidates = []
    for result in report.results:
        if result.findings or result.note.problems or not parse_date(result.note.date):
            continue
        pairs = [(event, resolver.agency(event)) for event in result.contacts]
        kept = [(event, agency) for event, agency in pairs if _coordinated(event, agency, result)]
        if kept:
            events, agencies = zip(*kept, strict=True)
            candidates.append(Coordination(result, events, agencies))
    candidates.sort(
        key=lambda item: (
            -len(item.contacts),
            len(item.result.note.text),
            item.result.note.date or "",
            item.result.note.note_id,
        )
    )
    chosen: list[Coordination] = []
    # first notes adding both a case file and an agency, then a case file, then any
    for spread in ("case and agency", "case", "any"):
        for item in candidates:
            if len(chosen) == count:
                return chosen
            if item not in chosen and _adds(item, chosen, spread):
                chosen.append(item)
    return chosen


def _adds(item: Coordination, chosen: list[Coordination], spread: str) -> bool:
    new_case = case_label(item.result) not in {case_label(other.result) for other in chosen}
    new_agency = not set(item.agencies) <= {agency for other in chosen for agency in other.agencies}
    if spread == "case and agency":
        return new_case and new_agency
    return new_case if spread == "case" else True


def _counted(partners: Sequence[Partner], field: str) -> int:
    return sum(getattr(partner, field) for partner in partners)


def _share(count: int, total: int) -> str:
    return f"{count:,} of {total:,} ({percent(count / total)})" if total else "none"


def partnership_section(doc: AuditDocument) -> None:
    report = doc.report
    resolver = ContactResolver.of_results(report.results)
    partners = partners_in(report, resolver)
    doc.heading("Partnership working", new_page=True)
    doc.para(
        "From the contacts with other agencies and external professionals that the notes "
        "record as done or attempted. The author's own service and colleagues are never "
        "counted; contacts only planned are listed apart. Every agency and contact is also in "
        "partner-register.xlsx."
    )
    _figures(doc, partners)
    charts.partnership_chart(doc, partners)
    if partners:
        _partner_table(doc, partners)
    _planned(doc, resolver)
    _examples(doc, resolver)


def _figures(doc: AuditDocument, partners: Sequence[Partner]) -> None:
    counted = [
        result for result in doc.report.results
        if any(event.counts_as_contact for event in result.contacts)
    ]
    contacts = _counted(partners, "contacts")
    doc.lead(
        "Contacts.",
        f"{plural(contacts, 'done or attempted contact')} with "
        f"{len(partners):,} agenc{'y' if len(partners) == 1 else 'ies'}, "
        f"recorded in {plural(len(counted), 'note')} across "
        f"{plural(len({case_label(result) for result in counted}), 'case file')}.",
    )
    outward = _counted(partners, "outward")
    if not outward:
        doc.lead("Outward sharing.", "No counted contact sent information out.")
        return
    reasons = _share(_counted(partners, "with_reason"), _counted(partners, "reason_known"))
    outcomes = _share(_counted(partners, "with_outcome"), outward)
    doc.lead(
        "Outward sharing.",
        f"{plural(outward, 'contact')} sent information out. The reason for sharing was "
        f"recorded in {reasons} of those the sharing check assessed; an outcome (the "
        f"partner's reply, advice, agreed next step or result) in {outcomes}. A reference "
        "number alone is a receipt, not an outcome."
        + (
            # contacts are read from the notes, not from findings: decisions leave them be
            " These contact figures are the tool's own: auditors' decisions on findings do "
            "not change them, so they may differ from Why information was shared."
            if doc.report.moderation is not None
            else ""
        ),
    )


def _partner_table(doc: AuditDocument, partners: Sequence[Partner]) -> None:
    doc.heading("Partners and named links", 2)
    ranked = sorted(partners, key=lambda partner: (-partner.contacts, partner.agency.lower()))
    listed = ranked[:PARTNERS_LISTED]
    if len(listed) < len(ranked):
        doc.para(
            f"The {len(listed)} agencies with most contacts; the other "
            f"{len(ranked) - len(listed):,} are in partner-register.xlsx."
        )
    doc.table(
        ("Agency", "Type", "Named people (role)", "Contacts", "Case files", "Reason recorded",
         "Outcome recorded"),
        [
            (
                partner.agency,
                agency_type_name(partner.types.most_common(1)[0][0]) if partner.types else "",
                _named_people(partner),
                f"{partner.contacts:,}",
                f"{len(partner.cases):,}",
                f"{partner.with_reason} of {partner.reason_known}"
                if partner.reason_known else "\u2013",
                f"{partner.with_outcome} of {partner.outward}" if partner.outward else "\u2013",
            )
            for partner in listed
        ],
        # Type fits "inspectorate" whole; Reason and Outcome fit "recorded"
        (3.0, 2.5, 3.5, 2.0, 1.6, 2.0, 2.0),
    )
    doc.para(
        "Reason and outcome are counted over contacts that sent information out; "
        "\u2013 where there were none (or none the sharing check assessed).",
        "Small Print",
    )


def _named_people(partner: Partner) -> str:
    people = partner.named_contacts().split("; ") if partner.people else []
    if len(people) > PEOPLE_LISTED:
        people = [*people[:PEOPLE_LISTED], f"and {len(people) - PEOPLE_LISTED} more"]
    return "; ".join(people) or "\u2013"


def _planned(doc: AuditDocument, resolver: ContactResolver) -> None:
    planned: dict[str, set[str]] = {}
    counts: Counter = Counter()
    for result in doc.report.results:
        for event in result.contacts:
            if not event.counts_as_contact:
                agency = resolver.agency(event)
                counts[agency] += 1
                planned.setdefault(agency, set()).add(case_label(result))
    if not counts:
        return
    doc.heading("Planned contacts, not counted", 2)
    doc.para(
        f"{plural(sum(counts.values()), 'contact')} the notes record only as planned "
        "(\u201cI will ring\u201d, \u201cto refer to\u201d). They are not counted above: check "
        "in the case record that they happened."
    )
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].lower()))
    doc.table(
        ("Agency", "Planned contacts", "Case files"),
        [
            (agency, f"{number:,}", ", ".join(sorted(planned[agency])))
            for agency, number in ranked[:PLANNED_LISTED]
        ],
        (6.6, 3.0, 7.0),
    )
    if len(ranked) > PLANNED_LISTED:
        rest = ranked[PLANNED_LISTED:]
        contacts = plural(sum(number for _, number in rest), "planned contact")
        doc.para(
            f"The other {len(rest):,} agencies ({contacts}) are on the Planned sheet of "
            "partner-register.xlsx.",
            "Small Print",
        )


def _examples(doc: AuditDocument, resolver: ContactResolver) -> None:
    doc.heading("Examples of coordinated recording", 2)
    examples = coordination_examples(doc.report, resolver)
    criteria = (
        "An example is a dated note with no finding and no data problem that records sharing "
        "with another agency, why, and the partner's answer: the words after the contact open "
        "with the partner's name or with \u201cAdvice:\u201d, \u201cOutcome:\u201d and the like."
    )
    if not examples:
        doc.para(f"No note met all of this, so no example is given. {criteria}")
        return
    doc.para(
        "Notes that show coordination with other agencies: the kind of evidence of partnership "
        f"working an inspection or a tender asks for. {criteria} Read the whole record before "
        "quoting one."
    )
    for example in examples:
        note = example.result.note
        source = [f"Case {case_label(example.result)}", day(parse_date(note.date))]
        source += [part for part in (note.note_type, f"note {note.note_id}") if part]
        source += [] if _whole(example) else ["extract"]
        doc.para(" \u00b7 ".join(source), "Example Source")
        doc.para(_quoted(example), "Quote")
        for event, agency in zip(example.contacts, example.agencies, strict=True):
            doc.lead("Shows:", _shown(event, agency), "Suggestion")


def _whole(example: Coordination) -> bool:
    return len(example.result.note.text) <= WHOLE_NOTE_UP_TO


def _quoted(example: Coordination) -> str:
    """The whole note when short; else the sentences from the first contact to the last
    outcome, so the quotation always holds what the "Shows" lines say."""
    text = example.result.note.text
    if _whole(example):
        return f"\u201c{' '.join(text.split())}\u201d"
    ends = [event.end for event in example.contacts]
    ends += [text.find(event.outcome) + len(event.outcome) for event in example.contacts
             if event.outcome in text]
    quote = quote_around(text, min(event.start for event in example.contacts), max(ends),
                         context=200)
    return f"\u201c{quote.before}{quote.flagged}{quote.after}\u201d"


def _shown(event: ContactEvent, agency: str) -> str:
    who = ", ".join(part for part in (event.person.strip(), event.role.strip()) if part)
    outcome = " ".join(event.outcome.split()).rstrip(".")
    return (
        f"contact with {agency}{f' ({who})' if who else ''}; reason for sharing recorded; "
        f"outcome: \u201c{outcome}\u201d"
    )
