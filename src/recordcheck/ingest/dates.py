"""Turn the dates and times found in case-record exports into ISO strings.

Accepted (UK day-first unless told otherwise):
  2025-03-14, 2025-03-14T10:30:00, 2025/03/14
  14/03/2025, 14-03-2025, 14.03.2025, 14/03/25, each optionally followed by a time
  14 March 2025, 14th Mar 2025, Monday 14 March 2025, March 14, 2025 (optionally + time)
Times: 10:30, 10:30:15, 10.30, 10:30am, 2pm.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
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


@dataclass(frozen=True)
class DateTime:
    """A parsed date (ISO YYYY-MM-DD) and optional time (HH:MM)."""

    date: str
    time: str | None = None


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
    year = int(groups["year"])
    if year < 100:
        year += 2000
    if groups.get("month_name"):
        month, day = _MONTHS[groups["month_name"].lower()], int(groups["day"])
    elif groups.get("year_first") is not None:
        month, day = int(groups["first"]), int(groups["second_num"])
    elif day_first:
        day, month = int(groups["first"]), int(groups["second_num"])
    else:
        month, day = int(groups["first"]), int(groups["second_num"])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    time = None
    if groups.get("hour") is not None:
        time = _time_from_match(match)
        if time is None:
            return None
    return DateTime(date.isoformat(), time)


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
