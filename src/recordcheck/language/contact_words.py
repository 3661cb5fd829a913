"""The contact cues in cues.toml: channel, direction and what counts as a contact."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from recordcheck.datafiles import package_toml


@dataclass(frozen=True)
class ContactCues:
    contact_lemmas: frozenset[str]
    channels: tuple[tuple[str, tuple[str, ...]], ...]  # (channel, terms), preferred first
    note_types: dict[str, str]  # note type (lower case) -> channel
    in_verbs: frozenset[str]
    out_verbs: frozenset[str]
    out_to_words: frozenset[str]
    share_verbs: frozenset[str]

    def channel_rank(self, channel: str) -> int:
        return [name for name, _ in self.channels].index(channel)

    def channel_for_note_type(self, note_type: str) -> str:
        return self.note_types.get(note_type.strip().lower(), "")


@cache
def contact_cues() -> ContactCues:
    data = package_toml(__package__, "contact_words.toml")
    direction = data["direction"]
    return ContactCues(
        contact_lemmas=frozenset(data["contact_lemmas"]),
        channels=tuple((entry["name"], tuple(entry["terms"])) for entry in data["channel"]),
        note_types={k.lower(): v for k, v in data["note_types"].items()},
        in_verbs=frozenset(direction["in_verbs"]),
        out_verbs=frozenset(direction["out_verbs"]),
        out_to_words=frozenset(direction["out_to_words"]),
        share_verbs=frozenset(direction["share_verbs"]),
    )
