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

writers/ holds notes by thirty-three more writers, each a separate helper with its
own persona and service (see writers/prompts/), labelled in separate passes.
They form splits by writer, never by note: writers-blind/ (four writers
kept out of all development: scored once per release), writers-fresh/ (fourteen
writers added later, scored once with the code of the release they arrived
in, before anyone studied them, then development data), writers-new/ (the
writers added in the latest release, scored once at its end before anyone
studies them) and writers-dev/ (the rest). Each writer's
labels are its adjudicated gold.jsonl where one exists, else its first
annotation pass (labels-A.jsonl).

    python corpus/assemble.py     # rewrites every split
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
CANONICAL_COLUMNS = ["note_id", "case_id", "date", "time", "author", "note_type", "text"]
# the writers' notes also carry the author's role and team, as many exports do
WRITER_COLUMNS = [*CANONICAL_COLUMNS[:5], "author_role", "team", *CANONICAL_COLUMNS[5:]]
# Writers never used for development: the leave-writer-out blind split.
BLIND_WRITERS = ("W03", "W07", "W11", "W16")
# Writers added in a later release: their first score is a second leave-writer-out figure.
FRESH_WRITERS = (
    "W17", "W18", "W19", "W20", "W21", "W22", "W23", "W24", "W25", "W26", "W27",
    "W28", "W29", "W30", "W31", "W32", "W33", "W34", "W35", "W36", "W37", "W38",
    "W39", "W40", "W41", "W42", "W43", "W44", "W45",
)
# Writers added in the latest release, scored once at its end before anyone studies them.
NEW_WRITERS: tuple[str, ...] = ("W46", "W47", "W48")
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


def write_split(folder: Path, notes: list[dict], columns: list[str] = CANONICAL_COLUMNS) -> None:
    folder.mkdir(exist_ok=True)
    with open(folder / "notes.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, extrasaction="ignore")
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
            if "contacts" in note:
                gold["contacts"] = [_gold_contact(note, c) for c in note["contacts"]]
            handle.write(json.dumps(gold, ensure_ascii=False) + "\n")


def _gold_contact(note: dict, contact: dict) -> dict:
    """A labelled contact event, its evidence quote turned into offsets where it is exact."""
    start = note["text"].find(contact.get("evidence", "")) if contact.get("evidence") else -1
    kept = {key: contact.get(key) for key in CONTACT_KEYS}
    kept["evidence"] = [start, start + len(contact["evidence"])] if start >= 0 else None
    return kept


CONTACT_KEYS = (
    "agency", "agency_type", "person", "role", "channel", "direction", "status", "shared",
    "rationale", "outcome",
)


def read_writers(folder: Path) -> dict[str, list[dict]]:
    """Each writer's notes joined to its labels, by writer id."""
    writers = {}
    for notes_file in sorted(folder.glob("W*/notes.jsonl")):
        labels_file = next(
            (f for f in (notes_file.with_name("gold.jsonl"), notes_file.with_name("labels-A.jsonl"))
             if f.is_file()),
            None,
        )
        if labels_file is None:
            continue  # written but not labelled yet
        labels = {}
        for line in labels_file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                label = json.loads(line)
                labels[label["note_id"]] = label
        notes = []
        for line in notes_file.read_text(encoding="utf-8").splitlines():
            note = json.loads(line)
            if note["note_id"] not in labels:
                raise ValueError(f"{labels_file}: no labels for {note['note_id']}")
            note["team"] = note.pop("service", "")
            notes.append({**note, **labels[note["note_id"]]})
        writers[notes_file.parent.name] = notes
    return writers


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
    writers = read_writers(CORPUS / "writers")
    by_writer = {
        "writers-dev": [
            n for w, ns in writers.items()
            if w not in (*BLIND_WRITERS, *FRESH_WRITERS, *NEW_WRITERS) for n in ns
        ],
        "writers-blind": [n for w, ns in writers.items() if w in BLIND_WRITERS for n in ns],
        "writers-fresh": [n for w, ns in writers.items() if w in FRESH_WRITERS for n in ns],
        "writers-new": [n for w, ns in writers.items() if w in NEW_WRITERS for n in ns],
    }
    for name, split in by_writer.items():
        if split:
            write_split(CORPUS / name, split, WRITER_COLUMNS)
            writers_in_split = {note["note_id"].split("-")[0] for note in split}
            count = len(writers_in_split)
            print(describe(name, split), f"({count} writer{'' if count == 1 else 's'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
