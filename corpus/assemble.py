"""Assemble the hand-written corpus parts into the train, dev, styles and test splits.

Writers keep each note and its annotations together in corpus/parts/*.jsonl,
with opinion spans given as exact quotations of the text: that is easy to
write and review by eye. This script turns the quotations into character
offsets and splits by case file, so no case contributes to both splits.

styles-parts/ and heldout-parts/ were each written by someone who never saw
the other notes or the checks, in deliberately different styles. The styles
split was first a blind test; once its errors had been studied it became a
second development set, and heldout-parts/ (written later, never looked at
while tuning) took its place as the test split.

    python corpus/assemble.py     # rewrites train/, dev/, styles/ and test/
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
CANONICAL_COLUMNS = ["note_id", "case_id", "date", "time", "author", "note_type", "text"]
LABELS = {"missing", "ok", "n/a"}
DEV_SHARE = 0.3  # of case files, chosen by a stable hash so the split never drifts


def in_dev(case_id: str) -> bool:
    digest = hashlib.sha256(case_id.encode("utf-8")).digest()
    return digest[0] / 256 < DEV_SHARE


def opinion_offsets(note: dict) -> list[list[int]]:
    text = note["text"]
    spans = []
    for quote in note["opinion"]:
        start = text.find(quote)
        if start < 0 or text.find(quote, start + 1) >= 0:
            raise ValueError(f"{note['note_id']}: opinion quote must occur exactly once: {quote!r}")
        spans.append([start, start + len(quote)])
    return sorted(spans)


def read_parts(folder: Path) -> list[dict]:
    notes, seen = [], set()
    for part in sorted(folder.glob("*.jsonl")):
        for line_number, line in enumerate(part.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            note = json.loads(line)
            where = f"{part.name}:{line_number}"
            if note["note_id"] in seen:
                raise ValueError(f"{where}: duplicate note_id {note['note_id']}")
            if {note["who_present"], note["sharing_rationale"]} - LABELS:
                raise ValueError(f"{where}: labels must be one of {sorted(LABELS)}")
            seen.add(note["note_id"])
            notes.append(note)
    return notes


def write_split(folder: Path, notes: list[dict]) -> None:
    folder.mkdir(exist_ok=True)
    with open(folder / "notes.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, CANONICAL_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(notes)
    with open(folder / "gold.jsonl", "w", encoding="utf-8") as handle:
        for note in notes:
            gold = {
                "note_id": note["note_id"],
                "opinion": opinion_offsets(note),
                "who_present": note["who_present"],
                "sharing_rationale": note["sharing_rationale"],
            }
            handle.write(json.dumps(gold, ensure_ascii=False) + "\n")


def describe(name: str, notes: list[dict]) -> str:
    cases = {n["case_id"] for n in notes}
    spans = sum(len(n["opinion"]) for n in notes)
    missing_who = sum(n["who_present"] == "missing" for n in notes)
    missing_why = sum(n["sharing_rationale"] == "missing" for n in notes)
    return (
        f"{name}: {len(notes)} notes, {len(cases)} case files, {spans} opinion spans, "
        f"{missing_who} who-present missing, {missing_why} sharing-rationale missing"
    )


def main() -> int:
    notes = read_parts(CORPUS / "parts")
    splits = {
        "train": [n for n in notes if not in_dev(n["case_id"])],
        "dev": [n for n in notes if in_dev(n["case_id"])],
        "styles": read_parts(CORPUS / "styles-parts"),
        "test": read_parts(CORPUS / "heldout-parts"),
    }
    for name, split in splits.items():
        write_split(CORPUS / name, split)
        print(describe(name, split))
    return 0


if __name__ == "__main__":
    sys.exit(main())
