"""An organisation's own terms for the checks, from a rules file (`--rules FILE`).

TOML or YAML, one table per check, each key a word list of that check:

    [opinion]
    labels = ["feckless", "kicking off"]
    [who_present]
    encounter_words = ["doorstep check"]
    [sharing_rationale]
    agencies = ["Northgate Building Society"]
    [service]            # the organisation whose records these are: never a partner
    names = ["Kestrel Vale Housing"]
    aliases = ["KVH"]
    staff = ["Dawn Ashcroft"]
    [grades]             # the audit report's grades: names best first, lowest scores
    names = ["Meets the standard", "Partly meets", "Does not meet"]
    from = [90, 70]      # per cent, for each name but the last

Terms are added to the check's own lists (see `checks/<check>/terms.toml` for the
list names), or to those of the events component it reads (`needs` in its
check.toml: who-present's encounter words are in `events/encounters.toml`,
sharing-rationale's sharing words in `events/sharing.toml`); nothing replaces
them. A `[partners]` table is passed to the agency lexicon, from which the
partner register and the sharing acts' recipients both read: one table serves
both. A `[chronology]` table adds cue words for the chronology's significant
events (`events/significant.toml`).
Any problem raises RulesError "file:line: problem".
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

from recordcheck.catalogue import CheckSpec, all_checks
from recordcheck.datafiles import list_name, package_toml
from recordcheck.events import COMPONENTS as EVENT_COMPONENTS
from recordcheck.language.agencies import LexiconError, load_lexicon
from recordcheck.report.grades import GradeScheme, GradingError

PASSED_THROUGH = ("partners", "service")
GRADES = "grades"
SERVICE_LISTS = ("names", "aliases", "staff")
# The chronology's cue words (events/significant.toml), for the rc_chronology component.
CHRONOLOGY = "chronology"
YAML_SUFFIXES = {".yaml", ".yml"}


class RulesError(ValueError):
    """A rules file that cannot be used; the message is "file:line: problem"."""


def load_rules(path: str | Path) -> dict[str, dict[str, Any]]:
    """The organisation's terms per check: {"opinion": {"labels": [...]}, ...}."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RulesError(
            f"{path}:0: cannot read the rules file ({error.__class__.__name__})"
        ) from error
    parsed, line_of = (
        _parse_yaml(path, text) if path.suffix.lower() in YAML_SUFFIXES else _parse_toml(path, text)
    )
    return _validated(path, parsed or {}, line_of)


def _parse_toml(path: Path, text: str):
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        where = line.group(1) if line else len(text.splitlines())  # "at end of document"
        raise RulesError(f"{path}:{where}: {problem}") from error
    lines = text.splitlines()

    def line_of(section: str, key: str | None = None) -> int:
        in_section = False
        for number, line in enumerate(lines, 1):
            stripped = line.strip()
            if stripped.startswith("["):
                in_section = stripped.strip("[] ") == section
                if in_section and key is None:
                    return number
            elif (
                in_section
                and key is not None
                and re.match(rf"[\"']?{re.escape(key)}[\"']?\s*=", stripped)
            ):
                return number
        return 0

    return parsed, line_of


def _parse_yaml(path: Path, text: str):
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        parsed = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise RulesError(f"{path}:{mark.line + 1 if mark else 0}: {problem}") from error

    def line_of(section: str, key: str | None = None) -> int:
        node = _child(root, section)
        if node is not None and key is not None:
            node = _child(node[1], key)
        return node[0].start_mark.line + 1 if node is not None else 0

    return parsed, line_of


def _child(node, name: str):
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == name:
                return key, value
    return None


def _validated(path: Path, parsed: Any, line_of) -> dict[str, dict[str, Any]]:
    if not isinstance(parsed, dict):
        raise RulesError(f"{path}:1: expected tables such as [opinion] with word lists")
    extendable = {spec.gold_key: _extendable_lists(spec) for spec in all_checks()}
    extendable[CHRONOLOGY] = tuple(package_toml("recordcheck.events", "significant.toml")["terms"])
    allowed = {check: {list_name(key) for key in keys} for check, keys in extendable.items()}
    lists_by_name = {
        check: {list_name(key): key for key in keys} for check, keys in extendable.items()
    }
    rules: dict[str, dict[str, Any]] = {}
    for section, table in parsed.items():
        if section in PASSED_THROUGH:
            rules[section] = table
            continue
        if section == GRADES:
            rules[GRADES] = _grades(path, table, line_of)
            continue
        if section not in allowed:
            known = ", ".join(sorted([*allowed, *PASSED_THROUGH, GRADES]))
            raise RulesError(
                f"{path}:{line_of(section)}: unknown section [{section}]; expected one of: {known}"
            )
        if not isinstance(table, dict):
            raise RulesError(
                f"{path}:{line_of(section)}: [{section}] must be a table of word lists"
            )
        rules[section] = {}
        for key, words in table.items():
            if key not in allowed[section]:
                known = ", ".join(sorted(allowed[section]))
                raise RulesError(
                    f"{path}:{line_of(section, key)}: "
                    f"[{section}] has no list '{key}'; lists: {known}"
                )
            if not isinstance(words, list) or not all(
                isinstance(w, str) and w.strip() for w in words
            ):
                raise RulesError(
                    f"{path}:{line_of(section, key)}: "
                    f"[{section}] {key} must be a list of words or phrases in quotes"
                )
            rules[section][lists_by_name[section][key]] = words
    if "partners" in rules:
        _check_partner_agencies(path, rules)
    if "service" in rules:
        rules["service"] = _own_service(path, rules["service"], line_of)
    if CHRONOLOGY in rules:
        # the table becomes the component's settings, of which extra_terms is the one
        rules[CHRONOLOGY] = {"extra_terms": rules[CHRONOLOGY]}
    return rules


def _extendable_lists(spec: CheckSpec) -> frozenset[str]:
    """A check's own [terms] lists and those of the events components it reads: the
    words of who-present's encounters live in events/encounters.toml."""
    needed = (EVENT_COMPONENTS[factory].extendable_lists() for factory in spec.needs)
    return spec.extendable_lists().union(*needed)


def _grades(path: Path, table: Any, line_of) -> dict[str, Any]:
    """The [grades] table, judged now so a mistake shows before any note is checked."""
    if not isinstance(table, dict):
        raise RulesError(f"{path}:{line_of(GRADES)}: [grades] must be a table (names, from)")
    try:
        GradeScheme.from_table(table)
    except GradingError as error:
        line = line_of(GRADES, error.key) or line_of(GRADES)
        raise RulesError(f"{path}:{line}: [grades] {error}") from error
    return table


def _own_service(path: Path, table: Any, line_of) -> dict[str, list[str]]:
    """The [service] table: the organisation's own names, aliases and staff (never partners)."""
    if not isinstance(table, dict):
        raise RulesError(f"{path}:{line_of('service')}: [service] must be a table of lists")
    service: dict[str, list[str]] = {"names": [], "staff": []}
    for key, words in table.items():
        if key not in SERVICE_LISTS:
            raise RulesError(
                f"{path}:{line_of('service', key)}: [service] has no list '{key}'; "
                f"lists: {', '.join(SERVICE_LISTS)}"
            )
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise RulesError(
                f"{path}:{line_of('service', key)}: [service] {key} must be a list of names "
                "in quotes"
            )
        service["staff" if key == "staff" else "names"].extend(words)
    return service


def _check_partner_agencies(path: Path, rules: dict[str, dict[str, Any]]) -> None:
    """Judge the [partners] agencies now, so a mistake names the rules file.

    The table reaches the agency lexicon (`recordcheck.language.agencies`), from which
    the partner register and the sharing acts' recipients both read: an agency the
    register knows is an agency that information can be shared with.
    """
    table = rules["partners"]
    agencies = table.get("agencies", {}) if isinstance(table, dict) else None
    try:
        if not isinstance(agencies, dict):
            raise LexiconError("[partners] agencies must be a table of agency names")
        load_lexicon(agencies)
    except LexiconError as error:
        raise RulesError(f"{path}:0: [partners] {error}") from error
