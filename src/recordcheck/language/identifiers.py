"""Identifiers found by pattern alone: phone, email, postcode, NHS and NI numbers.

The patterns live in identifiers.toml beside this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from recordcheck.datafiles import package_toml

_NHS_WEIGHTS = range(10, 1, -1)


def nhs_check_digit_ok(number: str) -> bool:
    """True when the last of the ten digits is the NHS modulus-11 check digit."""
    digits = [int(ch) for ch in number if ch.isdigit()]
    if len(digits) != 10:
        return False
    check = 11 - sum(d * w for d, w in zip(digits, _NHS_WEIGHTS, strict=False)) % 11
    if check == 11:
        check = 0
    return check != 10 and check == digits[9]


_CHECKS: dict[str, Callable[[str], bool]] = {"nhs_mod11": nhs_check_digit_ok}


@dataclass(frozen=True)
class IdentifierKind:
    kind: str
    label: str  # replacement, with {n} for the running number
    pattern: re.Pattern[str]
    check: Callable[[str], bool] | None = None


@cache
def identifier_kinds() -> tuple[IdentifierKind, ...]:
    """The identifier kinds in priority order, as listed in identifiers.toml."""
    data = package_toml(__package__, "identifiers.toml")
    kinds = []
    for entry in data["identifier"]:
        flags = re.IGNORECASE if entry.get("ignore_case") else 0
        kinds.append(
            IdentifierKind(
                kind=entry["kind"],
                label=entry["label"],
                pattern=re.compile(entry["pattern"], flags),
                check=_CHECKS[entry["check"]] if "check" in entry else None,
            )
        )
    return tuple(kinds)


def find_identifiers(text: str, kinds: tuple[str, ...] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every identifier in text, non-overlapping, by start.

    Where matches overlap, the kind listed first in identifiers.toml wins.
    """
    taken: list[tuple[int, int, str]] = []
    for ident in identifier_kinds():
        if kinds is not None and ident.kind not in kinds:
            continue
        for match in ident.pattern.finditer(text):
            start, end = match.span()
            if ident.check and not ident.check(match.group()):
                continue
            if any(start < t_end and t_start < end for t_start, t_end, _ in taken):
                continue
            taken.append((start, end, ident.kind))
    return sorted(taken)


def identifier_label(kind: str) -> str:
    """The replacement label template for an identifier kind, e.g. "[phone {n}]"."""
    for ident in identifier_kinds():
        if ident.kind == kind:
            return ident.label
    if kind == address_words().kind:
        return address_words().label
    raise KeyError(kind)


def normalise_identifier(kind: str, value: str) -> str:
    """The form two writings of the same identifier share ("01865 123456" == "01865123456")."""
    if kind == "email":
        return value.strip().lower()
    if kind == "phone":
        digits = "".join(ch for ch in value if ch.isdigit())
        return "0" + digits[2:].removeprefix("0") if digits.startswith("44") else digits
    return "".join(ch for ch in value if ch.isalnum()).upper()


# "room 6", "bed 4", "no 22": a number that is not a house number, whatever follows
_NOT_A_HOME = re.compile(r"(?i)\b(?:room|rm|bed|bay|ward)\s*$")


@dataclass(frozen=True)
class AddressWords:
    kind: str
    label: str
    pattern: re.Pattern[str]
    not_between: frozenset[str]
    street_words: frozenset[str]
    at_home: re.Pattern[str]  # "lives at 20 Fernside": a number and a place with no street word
    flat_words: frozenset[str] = frozenset({"flat", "apartment", "apt"})


@cache
def address_words() -> AddressWords:
    data = package_toml(__package__, "identifiers.toml")["addresses"]
    suffix = "|".join(sorted(map(re.escape, data["street_words"]), key=len, reverse=True))
    words = r"(?:[A-Za-z][\w'’-]*\s+){0,3}"
    street = rf"{words}(?:{suffix})\b"
    pattern = re.compile(
        # a flat, with its building or street when written after it
        rf"(?<![\w/])(?:flat|apartment|apt)\.?\s*\d{{1,4}}[a-z]?\b(?:,?\s+(?:\d{{1,4}}[a-z]?\s+)?{street})?"
        # or a house number and a street
        rf"|(?<![\w/:.£$-])\d{{1,4}}[a-z]?,?\s+{street}",
        re.IGNORECASE,
    )
    context = "|".join(sorted(map(re.escape, data["home_context"]), key=len, reverse=True))
    at_home = re.compile(
        rf"(?i:(?<!\w)(?:{context}))\s+(\d{{1,4}}[a-z]?,?\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{0,2}})\b"
    )
    return AddressWords(
        data["kind"],
        data["label"],
        pattern,
        frozenset(data["not_between"]),
        frozenset(data["street_words"]),
        at_home,
    )


@cache
def month_words() -> frozenset[str]:
    """Month names and short forms as written ("Jan", "June"): beside a number, a date."""
    return frozenset(package_toml(__package__, "identifiers.toml")["dates"]["months"])


def find_addresses(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "address") of each home address written in text, by start."""
    words = address_words()
    found = []
    for match in words.pattern.finditer(text):
        # the words between the number and the street word ("27a Mill Lane": "mill")
        named = re.findall(r"(?<!\w)[^\W\d_][\w'’-]*", match.group())
        flat = named[:1] and named[0].lower() in words.flat_words
        # a street needs a name before its street word: "2 Green" is not an address
        if not flat and len(named) < 2:
            continue
        if {w.lower() for w in named} & words.not_between:
            continue
        if _NOT_A_HOME.search(text, 0, match.start()):
            continue
        found.append((match.start(), match.end(), words.kind))
    for match in words.at_home.finditer(text):
        start, end = match.span(1)
        place = re.findall(r"[A-Z][\w'’-]*", match.group(1))
        if any(start < f_end and f_start < end for f_start, f_end, _ in found):
            continue
        if {w.lower() for w in place} & words.not_between or set(place) & month_words():
            continue  # "moved to 12 June", "address 4 The ..."
        found.append((start, end, words.kind))
    return sorted(found)
