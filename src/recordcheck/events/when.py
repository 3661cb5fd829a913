"""When an event happened: clock times and days written in a note, resolved against its date.

spaCy-free, so it can be tested on its own. A day is resolved only when the
note's date makes it certain: "yesterday", "last night", "on Saturday" (the
last Saturday before the note), "on 16/9" (that date, in the note's year or
the one before when that would be after the note). Anything vaguer ("last
week", "at the weekend") leaves the note's own date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from recordcheck.datafiles import package_toml
from recordcheck.model import iso_date

WORDS = package_toml(__package__, "significant.toml")["when"]

# a date with no year after the note's own is last year's only within this many days
# (unless what it dates cannot be to come)
ROLL_BACK_DAYS = 183
# a past event's time more hours than this after the note's, with no day, was the day before
# (a note's time may be its visit's start, so an event a little after it is the same day)
LATER_HOURS = 3
# a date heads a line when no more words than this come before it: "DA incident 02/08"
OPENING_WORDS = 3
# a date with no year up to this many days after the note is a plan the note names, even
# beside what cannot be to come: "MFFD from 23/05 - fracture clinic 02/06"
PLAN_AHEAD_DAYS = 31
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

# Each pattern's groups are (hour, minute, am/pm); minute and am/pm may be missing.
_CLOCKS = (
    # 02:30, 7:45pm; not the middle of a date or a ratio ("12/9", "21/30")
    re.compile(r"(?<![\d/:.£])([01]?\d|2[0-3]):([0-5]\d)(?![\d/])\s?(am|pm)?", re.I),
    # 3am, 3.30pm, 11 pm
    re.compile(
        r"(?<![\d/:.£])(1[0-2]|0?[1-9])(?:[.:]([0-5]\d))?\s?(am|pm|a\.m\.|p\.m\.)(?!\w)", re.I
    ),
    # 0230hrs, 1430 hours
    re.compile(r"(?<![\d/:.£])([01]\d|2[0-3])([0-5]\d)\s?(?:hrs|hours|h)\b()", re.I),
    # 10.20, 09.06: a full stop between a two-figure hour and the minutes, not a measurement
    # ("57.10kg", "14.20 mmol") or a money sum ("£12.50")
    re.compile(
        r"(?<![\d/:.£$€])([01]\d|2[0-3])\.([0-5]\d)(?![\d.])"
        r"(?!\s?(?:kg|g|cm|mm|m|ml|l|mg|mcg|mmol|%|x|st|lbs?|p|kilos?|grams?|litres?)\b)()",
        re.I,
    ),
    # at 1945, by 2230: four figures after a word that brings a time are a time, not a year;
    # but a year after a word that brings one ("since about 2019")
    re.compile(
        "".join(rf"(?<!\b{re.escape(w)} )" for w in WORDS["year_words"])
        + rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in WORDS['clock_words'])})\s+"
        r"([01]\d|2[0-3])([0-5]\d)(?!\w|[/%]|[:.]\d)()",
        re.I,
    ),
    # "0035 999 from IP": four figures opening a log's line are its time; not a year
    # ("2019 moved"), a dose ("1000 mg") or a phone number ("0161 496 0000")
    re.compile(
        r"^\s*(?!19|20)([01]\d|2[0-3])([0-5]\d)(?=\s+(?!\d{3,}\s+\d)(?!(?:mg|ml|g|kg)\b)\S)()",
        re.I,
    ),
    # at 8.30: a full stop between hour and minute only after a word that brings a time
    re.compile(
        r"\b(?:at|about|around|approx\.?|approximately|by)\s+([01]?\d|2[0-3])\.([0-5]\d)\b()",
        re.I,
    ),
)
_NAMED_TIMES = re.compile(r"\b(midnight|midday|noon)\b", re.I)
_NAMED_HOURS = {"midnight": 0, "midday": 12, "noon": 12}
# "yesterday or the day before": no one day
_ALTERNATIVE_AFTER = re.compile(r"\s+or\b", re.I)
_ALTERNATIVE_BEFORE = re.compile(r"\bor\s+$", re.I)
# "Late entry for 03/06", "Rewritten record of 03/06": the note is about that day
_WRITTEN_FOR = re.compile(
    r"\b(?:record|entry|note|log|account)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?P<day>[0-3]?\d)/(?P<month>[01]?\d)(?:/(?P<year>\d{2}|\d{4}))?(?![\d/])",
    re.I,
)

_DAYS = re.compile(
    r"\b(?P<yesterday>yesterday|yest)\b"
    r"|\b(?P<last_night>last night)\b"
    r"|\b(?P<today>today|tonight|this (?:morning|afternoon|evening))\b"
    rf"|\b(?P<weekday_kind>on|last)\s+(?P<weekday>{'|'.join(WEEKDAYS)})(?!s\b|\s+(?:morning|afternoon|evening|night)s\b)"
    rf"{_DAY_PART}\b"
    r"|\bon\s+(?P<day>[0-3]?\d)/(?P<month>[01]?\d)(?:/(?P<year>\d{2}|\d{4}))?(?![\d/])",
    re.I,
)
# a date written without "on": "charged 12/01", "Incident 11/01/25 approx 21:30"
_BARE_DATES = re.compile(
    r"(?<![\w/£.:])(?P<day>[0-3]?\d)/(?P<month>[01]?\d)(?:/(?P<year>\d{2}|\d{4}))?(?![\d/%])"
)
# a score after its name, maybe with a colon or a verb between: "pain 7/10", "AMT: 9/10"
_SCORED = re.compile(
    rf"\b(?:{'|'.join(re.escape(w) for w in WORDS['score_words'])})"
    r"\s*(?:[:=-]\s*)?(?:(?:is|was|now|of|at)\s+)?[\"'(]*$",
    re.I,
)
# round the clock ("24/7") is no day, written bare; a score out of ten is one only after
# its name ("pain 7/10", above) or in quotes, a rating someone gave ("2/10"): notes date
# far more by "readmitted 10/10", "Fri 3/10"
_NOT_DAYS = re.compile(r"24/7")
# a date of birth dates no event: "Mason dob 09/03/2010"
_BORN = re.compile(
    rf"\b(?:{'|'.join(re.escape(w) for w in WORDS['birth_words'])})\s*:?\s*$", re.I
)
_QUOTED_SCORE = re.compile(r"[\"'\u201c\u2018]$")
# a year on its own: "two call-outs in 2024", "incidents recorded 2019/2020"
_YEARS = re.compile(r"(?<![\w/£.])(?P<year>(?:19|20)\d\d)(?![\w%])")


@dataclass(frozen=True)
class Found:
    """A time or day the text gives, where it stands (character offsets) and what it says.

    value: "HH:MM" for a time; for a day, "yesterday", "last night", "today",
    "on saturday" / "last saturday", or "date:DD/MM[/YY]".
    """

    start: int
    end: int
    value: str


def clock_times(text: str) -> list[Found]:
    """Every clock time in the text, in order: "at 02:30", "03:45", "about 3am"."""
    found = []
    for pattern in _CLOCKS:
        for match in pattern.finditer(text):
            hour, minute, half = match.group(1), match.group(2), match.group(3)
            value = _as_clock(int(hour), int(minute or 0), (half or "").replace(".", "").lower())
            if value:
                found.append(Found(match.start(), match.end(), value))
    for match in _NAMED_TIMES.finditer(text):
        found.append(Found(match.start(), match.end(), f"{_NAMED_HOURS[match[1].lower()]:02d}:00"))
    return _without_overlaps(found)


def days(text: str) -> list[Found]:
    """Every day the text names that a note's date can resolve, in order."""
    found = []
    for match in _DAYS.finditer(text):
        if _ALTERNATIVE_AFTER.match(text, match.end()) or _ALTERNATIVE_BEFORE.search(
            text[: match.start()]
        ):
            continue
        kind = match.lastgroup
        if match["weekday"]:
            value = f"{match['weekday_kind'].lower()} {match['weekday'].lower()}"
        elif match["day"]:
            year = f"/{match['year']}" if match["year"] else ""
            value = f"date:{match['day']}/{match['month']}{year}"
        else:
            value = (kind or "").replace("_", " ")
        found.append(Found(match.start(), match.end(), value))
    return found


def bare_dates(text: str) -> list[Found]:
    """Every day/month date the text gives, with "on" or without: "charged 12/01"."""
    found = []
    for match in _BARE_DATES.finditer(text):
        if _not_a_day(text, match):
            continue
        if 1 <= int(match["month"]) <= 12 and 1 <= int(match["day"]) <= 31:
            year = f"/{match['year']}" if match["year"] else ""
            value = f"date:{match['day']}/{match['month']}{year}"
            found.append(Found(match.start(), match.end(), value))
    return found


def _not_a_day(text: str, match: re.Match) -> bool:
    """A score or a ratio written like a day: "pain 7/10", "24/7 care"."""
    before = text[: match.start()]
    if _BORN.search(before):
        return True
    if match["year"]:
        return False
    quoted = match[0].endswith("/10") and _QUOTED_SCORE.search(before) is not None
    return bool(_NOT_DAYS.fullmatch(match[0]) or quoted or _SCORED.search(before))


def certain_days(text: str) -> list[Found]:
    """The days the text names that cannot be a score or a ratio: with "on" or a weekday
    ("on 7/10", "Sat 17/1"), a word like "yesterday", or a year ("11/01/25")."""
    return [
        *days(text),
        *(f for f in bare_dates(text) if f.value.count("/") == 2 or _after_a_weekday(text, f)),
    ]


def opening_date(text: str) -> list[Found]:
    """A day/month that heads its line, the first figures in it: "Incident 02/08 at home"."""
    first = next(iter(bare_dates(text)), None)
    before = text[: first.start] if first is not None else ""
    if first is None or any(c.isdigit() for c in before) or len(before.split()) > OPENING_WORDS:
        return []
    return [first]


def _after_a_weekday(text: str, found: Found) -> bool:
    """ "Sat 17/1", "Tues 03/06", "Wednesday 4/6"."""
    word = re.search(r"([a-z]+)\.?\s+$", text[: found.start].lower())
    return word is not None and len(word[1]) >= 3 and any(d.startswith(word[1]) for d in WEEKDAYS)


def years(text: str) -> list[Found]:
    """Every year written on its own ("in 2024"), as "year:2024"; not a time ("at 1945")."""
    clocks = clock_times(text)
    return [
        Found(m.start(), m.end(), f"year:{m['year']}")
        for m in _YEARS.finditer(text)
        if not any(c.start < m.end() and m.start() < c.end for c in clocks)
    ]


def written_for(opening: str) -> str:
    """The day a late or rewritten entry says it records, from its opening words, or ""."""
    match = _WRITTEN_FOR.search(opening)
    if match is None:
        return ""
    year = f"/{match['year']}" if match["year"] else ""
    return f"date:{match['day']}/{match['month']}{year}"


def resolve(
    day: str,
    clock: str,
    note_date: str | None,
    note_time: str | None,
    *,
    past: bool = False,
    twelve_hour: bool = False,
) -> tuple[str | None, str | None]:
    """The event's (ISO date, HH:MM): what the text gives, else the note's own.

    past: the event cannot be still to come (a harm, an incident, a disclosure), so a
    date with no year is the last such day before the note: "on 01/06" in January, and a
    time well after the note's, with no day, is the day before's. twelve_hour: the time
    was written with one figure and no am or pm ("8.05"), so its half of the day is open.
    """
    when = iso_date(note_date)
    if when is not None and not day and past and hours_after(note_time, clock) > LATER_HOURS:
        # "reported missing at 8.05" in a note written at 03:20: it had happened, so the
        # day before; and "8.05" then may as well be 20:05
        return (when - timedelta(days=1)).isoformat(), None if twelve_hour else clock
    if when is None or not day:
        return note_date, clock or note_time
    event_day = _day_of(day, clock, when, past)
    if event_day is None:
        return note_date, clock or note_time
    if event_day > when:
        # a day after the note is a plan or a hearing to come, not when this happened;
        # the note's time is no more the event's than its day is
        return note_date, clock or None
    # a day other than the note's own with no time given: the note's time is not the event's
    time = clock or (note_time if event_day == when else None)
    return event_day.isoformat(), time


def hours_after(note_time: str | None, clock: str) -> float:
    """How many hours the clock is after the note's time, or 0."""
    if not note_time or not clock:
        return 0
    def minutes(written: str) -> int:
        hour, minute = written.split(":")[:2]
        return int(hour) * 60 + int(minute)

    return (minutes(clock) - minutes(note_time)) / 60


def written_twelve_hour(text: str, clock: str) -> bool:
    """The text writes that time with one figure for the hour and no am or pm: "at 8.05"."""
    return any(
        f.value == clock and re.match(r"\d[.:]", text[f.start : f.end].split()[-1]) is not None
        and not re.search(r"[ap]\.?m", text[f.start : f.end], re.I)
        for f in clock_times(text)
    )


def after_the_note(day: str, clock: str, note_date: str | None, *, past: bool = False) -> bool:
    """The day resolves to one after the note's: "trial 25/07" in a note of June."""
    when = iso_date(note_date)
    event_day = _day_of(day, clock, when, past) if when is not None and day else None
    return event_day is not None and event_day > when


def before_the_year_of(day: str, note_date: str | None) -> bool:
    """ "year:2024" in a note of 2025: the event is history, not this note's."""
    when = iso_date(note_date)
    return day.startswith("year:") and when is not None and int(day[5:]) < when.year


def _day_of(day: str, clock: str, note_day: date, past: bool) -> date | None:
    if day == "today":
        return note_day
    if day == "yesterday":
        return note_day - timedelta(days=1)
    if day == "last night":
        # "last night at 02:00" is the small hours of the note's own day
        after_midnight = bool(clock) and clock < "06:00"
        return note_day if after_midnight else note_day - timedelta(days=1)
    if day.startswith(("on ", "last ")):
        kind, weekday = day.split(" ", 1)
        back = (note_day.weekday() - WEEKDAYS.index(weekday)) % 7
        if back == 0:
            # "on Saturday" written on a Saturday may be today or a week ago
            return note_day - timedelta(days=7) if kind == "last" else None
        return note_day - timedelta(days=back)
    if day.startswith("date:"):
        return _written_date(day.removeprefix("date:"), note_day, past)
    return None


def _written_date(written: str, note_day: date, past: bool) -> date | None:
    """ "16/9" in a note of 2024-09-20 is 2024-09-16; "28/12" in January is last year's,
    and so is "01/06" when what it dates cannot be still to come."""
    parts = [int(part) for part in written.split("/")]
    day, month = parts[0], parts[1]
    if len(parts) == 3:
        year = parts[2] + (2000 if parts[2] < 100 else 0)
        return _safe_date(year, month, day)
    this_year = _safe_date(note_day.year, month, day)
    if this_year is not None and this_year > note_day:
        # "28/12" in early January is last December's; "24/04" in a note of 09/04 is to come
        last_year = _safe_date(note_day.year - 1, month, day)
        recent = last_year is not None and (note_day - last_year).days <= ROLL_BACK_DAYS
        ahead = (this_year - note_day).days
        return last_year if recent or (past and ahead > PLAN_AHEAD_DAYS) else this_year
    return this_year


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _as_clock(hour: int, minute: int, half: str) -> str:
    if half:
        if hour > 12:
            return ""  # "14pm" is not a time
        hour = hour % 12 + (12 if half == "pm" else 0)
    return f"{hour:02d}:{minute:02d}"


def _without_overlaps(found: list[Found]) -> list[Found]:
    """The earliest of overlapping matches ("7:45pm" is one time, not two)."""
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (f.start, -f.end)):
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


def weekday_dates(text: str) -> list[Found]:
    """The day/month dates written after a weekday: "Sun 12/07", "Tues 03/06"."""
    return [f for f in bare_dates(text) if _after_a_weekday(text, f)]
