"""Suggested rewrites: the flagged sentence again, with marked gaps for what only the worker knows.

A finding's suggestion is its sentence written again in the shape the
recording standard asks for. The worker's own words are kept; what the
checks cannot know (what was seen or heard, who was present, why something
was shared) is left as a gap in square brackets, with a prompt and, where the
flagged words suggest them, a few example observations after "e.g.". A
rewrite never states a fact the note did not: every added word is either
scaffolding ("Present:", "because") or inside a gap.

    Dad seemed drunk when I arrived.
    Dad [what you saw or heard: e.g. slurred speech, smelled of alcohol] when I arrived.

Each cue names its shape and its gap prompts in its check's check.toml
(`[cues.<cue>.rewrite]`); the words every shape reads are in rewrites.toml
beside this module. Three shapes:

- observation: keep who or what the note describes, and the circumstances
  after the view ("when I arrived"); put a gap where the view was.
- basis: keep the judgement, marked as the writer's ("In my professional
  opinion ..." or their own "I think ..."), and add "because [the facts]".
- append: keep the sentence and add the missing part, from a template with
  its gaps written in ("{sentence}. Present: [who was there ...].").

A cue with no rewrite declared (an organisation's own word-list check) keeps
its plain `suggestion`. This module never imports spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from recordcheck.datafiles import package_toml

SHAPES = ("observation", "basis", "append")
LONGEST_SENTENCE = 400  # characters; beyond this only the flagged words are rewritten
_LOWERED_FIRST_WORDS = frozenset(
    ["he", "she", "they", "it", "we", "his", "her", "their", "the", "this", "that", "there"]
)


@dataclass(frozen=True)
class _Words:
    first_person: re.Pattern
    impersonal: re.Pattern
    opinion_prefix: str
    joining: re.Pattern
    kept_after: re.Pattern
    longest_subject: int
    hints: tuple[tuple[re.Pattern, str], ...]


def rewrite(
    declared: Mapping[str, Any], text: str, before: str = "", after: str = ""
) -> str:
    """The sentence ``before + text + after`` rewritten as ``declared`` (a cue's
    `rewrite` table) says; ``text`` is the flagged words, the others the rest of
    their sentence. Whitespace runs become single spaces."""
    sentence = before + text + after
    if len(sentence) > LONGEST_SENTENCE:
        before, after = "", ""
    shape = declared.get("shape", "observation")
    if shape not in SHAPES:
        raise ValueError(f"unknown rewrite shape {shape!r}; expected one of {SHAPES}")
    if shape == "append":
        return _flat(_appended(declared, before + text + after))
    starts_sentence = not before.strip()
    words = _words()
    if shape == "basis" or _starts_with_marker(text, words):
        rewritten = _with_basis(declared, text, starts_sentence, words)
    else:
        # "Flat was a mess and Jade seemed hungover": two views, each with its own subject
        rewritten = "".join(
            part if index % 2 else _observed(declared, part, words)
            for index, part in enumerate(_clauses(text, words))
        )
    if starts_sentence:
        rewritten = rewritten[:1].upper() + rewritten[1:]
    return _flat(before + rewritten + after)


def gap(prompt: str, hint: str = "") -> str:
    """A marked gap: ``[prompt: e.g. hint]``."""
    return f"[{prompt}: e.g. {hint}]" if hint else f"[{prompt}]"


def gaps_in(suggestion: str) -> list[str]:
    """The gaps a rewrite leaves, as written (for tests and the web page)."""
    return re.findall(r"\[[^\[\]]+\]", suggestion)


def _observed(declared: Mapping[str, Any], text: str, words: _Words) -> str:
    """Keep the subject and the circumstances; a gap where the view was."""
    core = text.rstrip()
    trailing = text[len(core):]
    subject, predicate = "", core
    joined = words.joining.search(core)
    if joined and len(core[: joined.start()].split()) <= words.longest_subject:
        subject, predicate = core[: joined.start()].rstrip(), core[joined.end():]
    view, kept = _split_circumstances(predicate, words)
    hint = _hint(view, words) or _hint(subject, words)
    filled = gap(declared.get("observed", "what you saw or heard"), hint)
    return " ".join(part for part in (subject, filled) if part) + kept + trailing


def _clauses(text: str, words: _Words) -> list[str]:
    """The flagged words cut where a second clause with its own subject starts
    ("... a mess and Jade seemed ..."), separators kept at the odd places."""
    parts = re.split(r"(\s+and\s+|\s+but\s+|;\s+|,\s+)", text)
    clauses = [parts[0]]
    for separator, clause in zip(parts[1::2], parts[2::2], strict=True):
        joined = words.joining.search(clause)
        has_subject = joined and 0 < len(clause[: joined.start()].split()) <= words.longest_subject
        if has_subject:
            clauses += [separator, clause]
        else:
            clauses[-1] += separator + clause
    return clauses


def _split_circumstances(predicate: str, words: _Words) -> tuple[str, str]:
    """("drunk", " when I arrived") from "drunk when I arrived"; a circumstance
    word at the very start is part of the view ("in denial about ...")."""
    for found in words.kept_after.finditer(predicate):
        if predicate[: found.start()].strip():
            return predicate[: found.start()], " " + predicate[found.start():].lstrip()
    return predicate, ""


def _with_basis(
    declared: Mapping[str, Any], text: str, starts_sentence: bool, words: _Words
) -> str:
    """The judgement kept and marked as the writer's, with its basis to add."""
    claim = text.strip()
    marker = ""
    own = words.first_person.match(claim)
    if own:
        marker, claim = claim[: own.end()], claim[own.end():].lstrip(" ,")
    claim = words.impersonal.sub("", claim)
    claim = re.sub(r"\s{2,}", " ", claim).strip(" ,")
    if not marker:
        marker = words.opinion_prefix if starts_sentence else _lower_first(words.opinion_prefix)
        claim = _lower_first(claim) if _first_word(claim) in _LOWERED_FIRST_WORDS else claim
    hint = _hint(claim, words)
    prompt = declared.get("basis", "the facts this view rests on: what you saw, heard or were told")
    if not claim:  # the marker alone ("I think"): ask for the view as well
        return f"{marker} [your view], because {gap(prompt, hint)}"
    return f"{marker} {claim}, because {gap(prompt, hint)}"


def _appended(declared: Mapping[str, Any], sentence: str) -> str:
    """The sentence with the missing part added from the cue's template."""
    lowered = sentence.lower()
    template = declared["text"]
    for variant in declared.get("variants", ()):
        if _any_word(variant["words"]).search(lowered):
            template = variant["text"]
            break
    return template.format(sentence=sentence.strip().rstrip(".;,: "))


def _starts_with_marker(text: str, words: _Words) -> bool:
    stripped = text.strip()
    return bool(words.first_person.match(stripped) or words.impersonal.match(stripped))


def _hint(text: str, words: _Words) -> str:
    return next((examples for pattern, examples in words.hints if pattern.search(text)), "")


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0].lower() if text else ""


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _any_word(phrases: Iterable[str]) -> re.Pattern:
    """Any of ``phrases`` as whole words, longest first, ignoring case."""
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"(?<![\w'-])(?:{body})(?![\w'-])", re.IGNORECASE)


@cache
def _words() -> _Words:
    data = package_toml("recordcheck", "rewrites.toml")
    markers, predicate = data["markers"], data["predicate"]
    return _Words(
        first_person=_any_word(markers["first_person"]),
        impersonal=re.compile(_any_word(markers["impersonal"]).pattern + r",?", re.IGNORECASE),
        opinion_prefix=markers["opinion_prefix"],
        joining=_any_word(predicate["joining_words"]),
        kept_after=_any_word(predicate["kept_after"]),
        longest_subject=int(predicate["longest_subject"]),
        hints=tuple((_any_word(hint["words"]), hint["examples"]) for hint in data["hints"]),
    )
