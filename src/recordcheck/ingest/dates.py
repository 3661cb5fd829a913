"""Turn the dates and times found in case-record exports into ISO strings.

Accepted (UK day-first unless told otherwise):
  2025-03-14, 2025-03-14T10:30:00, 2025/03/14
  14/03/2025, 14-03-2025, 14.03.2025, 14/03/25, each optionally followed by a time
  14 March 2025, 14th Mar 2025, Monday 14 March 2025, March 14, 2025 (optionally + time)
Times: 10:30, 10:30:15, 10.30, 10:30am, 2pm.

A numeric date that only reads the other way round (04/13/2025 when dates
are read day first) is read that way, never dropped, and says so
(``DateTime.order``); ``DateOrders`` counts, per file, what its numeric
dates say about their order, so a file whose dates are written the other
way round, or whose order cannot be told, is pointed out once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
TIME_PATTERN = (
    r"(?P<hour>\d{1,2})(?=[:.]\d{2}|\s*[ap]\.?m)(?:[:.](?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?)?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?"
)
_TIME_TAIL = r"(?:(?:\s*,?\s+|T|\s+at\s+)" + TIME_PATTERN + r")?"

_DATE_FORMS = [
    # ISO and year-first: 2025-03-14, 2025/03/14
    r"(?P<year>\d{4})[-/.](?P<first>\d{1,2})[-/.](?P<second_num>\d{1,2})(?P<year_first>)",
    # numeric day/month/year: 14/03/2025, 03/14/2025 when month-first
    r"(?P<first>\d{1,2})[/.\-](?P<second_num>\d{1,2})[/.\-](?P<year>\d{4}|\d{2})",
    # 14 March 2025, Monday 14th Mar 2025
    _WEEKDAY + r"(?P<day>\d{1,2})" + _ORDINAL + r"\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})",
    # March 14, 2025
    _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})" + _ORDINAL + r",?\s+(?P<year>\d{4})",
]
DATE_PATTERNS = [
    re.compile(form + _TIME_TAIL + r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?", re.IGNORECASE)
    for form in _DATE_FORMS
]
_TIME_ONLY = re.compile(TIME_PATTERN, re.IGNORECASE)


DAY_FIRST = "day first"
MONTH_FIRST = "month first"
EITHER = "either way round"


@dataclass(frozen=True)
class DateTime:
    """A parsed date (ISO YYYY-MM-DD) and optional time (HH:MM).

    order, for a numeric date such as 14/03/2025: DAY_FIRST or MONTH_FIRST when
    only that order makes a date, EITHER when both do and give different dates,
    "" when the form itself says (ISO, month names) or both orders agree.
    """

    date: str
    time: str | None = None
    order: str = field(default="", compare=False)

    def read_against(self, day_first: bool) -> bool:
        """True when this date could only be read in the order not asked for."""
        return self.order == (MONTH_FIRST if day_first else DAY_FIRST)


def order_problem(when: DateTime | None, day_first: bool, shown: str) -> tuple[str, ...]:
    """The note's problem when its date (``shown`` to the user) was read against the order."""
    if when is None or not when.read_against(day_first):
        return ()
    asked, other = _orders(day_first)
    return (
        f"{shown} can only be read {other}, so it was read as {when.date}; "
        f"dates here are read {asked}",
    )


@dataclass
class DateOrders:
    """What the numeric dates of one file say about their order, counted as it is read."""

    counts: Counter = field(default_factory=Counter)
    first_row: dict[str, int] = field(default_factory=dict)

    def saw(self, when: DateTime | None, row: int) -> None:
        if when is not None and when.order:
            self.counts[when.order] += 1
            self.first_row.setdefault(when.order, row)

    def notice(self, day_first: bool) -> str | None:
        """One warning for the whole file, or None when its dates raise no doubt."""
        asked, other = _orders(day_first)
        agreeing, against, either = (self.counts[order] for order in (asked, other, EITHER))
        change = (
            f"If this export writes the {other.split()[0]} first, set day_first = "
            f"{'false' if day_first else 'true'} in a mapping file (--mapping)"
        )
        ambiguous = f"; {_dates(either)} that could be either were read {asked}" if either else ""
        if against and agreeing:
            return (
                f"dates are written both ways round: {agreeing} can only be read {asked} "
                f"(first in row {self.first_row[asked]}) and {against} only {other} (first "
                f"in row {self.first_row[other]}), and were read so{ambiguous}; check the "
                "dates in the source system"
            )
        if against:
            wrong_way = (
                f", so {_dates(either)} that could be read either way (first in row "
                f"{self.first_row[EITHER]}) may be the wrong way round" if either else ""
            )
            return (
                f"{_dates(against)} can only be read {other} (first in row "
                f"{self.first_row[other]}) and {'was' if against == 1 else 'were'} read so, "
                f"but dates here are read {asked}{wrong_way}. {change} and read it again"
            )
        if either and not agreeing:
            return (
                f"which comes first in the dates cannot be told: {_all(either)} could be read "
                f"either way round (day and month both 12 or under), and "
                f"{'was' if either == 1 else 'were'} read {asked}. {change}"
            )
        return None


def _orders(day_first: bool) -> tuple[str, str]:
    """The order asked for and the other one."""
    return (DAY_FIRST, MONTH_FIRST) if day_first else (MONTH_FIRST, DAY_FIRST)


def _dates(count: int) -> str:
    return "1 date" if count == 1 else f"{count} dates"


def _all(count: int) -> str:
    return {1: "its one date", 2: "both its dates"}.get(count, f"all {count} of its dates")


@lru_cache(maxsize=4096)  # exports repeat the same few dates thousands of times
def parse_date(
    value: str, *, day_first: bool = True, date_format: str | None = None
) -> DateTime | None:
    """Parse a whole cell such as '14/03/2025 10:30'; None when not understood."""
    text = value.strip()
    if date_format:
        parsed = _parse_with_format(text, date_format)
        if parsed:
            return parsed
    match = match_date_prefix(text, day_first=day_first)
    if match and match[1] == len(text):
        return match[0]
    return None


def match_date_prefix(text: str, *, day_first: bool = True) -> tuple[DateTime, int] | None:
    """Parse a date (and time) at the start of text; return it and where it ends."""
    for pattern in DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            parsed = _from_match(match, day_first)
            if parsed:
                return parsed, match.end()
    return None


def parse_time(value: str) -> str | None:
    """Parse '10:30', '10.30', '2pm' into HH:MM; None when not understood."""
    match = _TIME_ONLY.fullmatch(value.strip())
    if not match or (match["minute"] is None and match["ampm"] is None):
        return None
    return _time_from_match(match)


def from_python_value(value: dt.date | dt.time) -> DateTime | str:
    """Excel cells: a datetime gives a DateTime, a bare time gives HH:MM."""
    if isinstance(value, dt.datetime):
        has_time = (value.hour, value.minute, value.second) != (0, 0, 0)
        return DateTime(value.date().isoformat(), value.strftime("%H:%M") if has_time else None)
    if isinstance(value, dt.date):
        return DateTime(value.isoformat())
    return value.strftime("%H:%M")


def _parse_with_format(text: str, date_format: str) -> DateTime | None:
    try:
        parsed = dt.datetime.strptime(text, date_format)
    except ValueError:
        return None
    has_time = any(code in date_format for code in ("%H", "%I", "%M"))
    return DateTime(parsed.date().isoformat(), parsed.strftime("%H:%M") if has_time else None)


def _from_match(match: re.Match[str], day_first: bool) -> DateTime | None:
    groups = match.groupdict()
    order = ""
    year = int(groups["year"])
    if year < 100:
        year += 2000
    if groups.get("month_name"):
        month, day = _MONTHS[groups["month_name"].lower()], int(groups["day"])
    elif groups.get("year_first") is not None:
        month, day = int(groups["first"]), int(groups["second_num"])
    else:
        first, second = int(groups["first"]), int(groups["second_num"])
        order = _numeric_order(first, second)
        day, month = (first, second) if day_first else (second, first)
        if order == (MONTH_FIRST if day_first else DAY_FIRST):
            day, month = month, day  # the only way it reads
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    time = None
    if groups.get("hour") is not None:
        time = _time_from_match(match)
        if time is None:
            return None
    return DateTime(date.isoformat(), time, order)


def _numeric_order(first: int, second: int) -> str:
    """Which order(s) can read a numeric date whose first two numbers are these."""
    if first > 12 >= second:
        return DAY_FIRST
    if second > 12 >= first:
        return MONTH_FIRST
    return EITHER if first != second and first <= 12 and second <= 12 else ""


def _time_from_match(match: re.Match[str]) -> str | None:
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    ampm = (match["ampm"] or "").replace(".", "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"
