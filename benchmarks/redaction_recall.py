"""How many labelled names and addresses survive `--redact`, in every output.

    python benchmarks/redaction_recall.py dev      # corpus/names/dev-labels.jsonl
    python benchmarks/redaction_recall.py blind    # studied once: a development set now
    python benchmarks/redaction_recall.py fresh    # held out: scored once, never tuned on

Takes the labelled notes' whole case files from corpus/writers/ (a name found
anywhere in a case is hidden everywhere in it, so the case matters), runs the
real command line twice, `audit` and `check --format jsonl`, without and with
--redact, and reads every output back: the Word report's paragraphs and
tables, every workbook's cells, report.json and the JSONL. For each output,
recall = 1 - (labelled strings still written) / (labelled strings written by
the run without --redact), counting whole-word occurrences as written.

It also reports, at note-text level (the labelled notes only): name and
address recall, the relational words (Mum, Nan...) lost to a pseudonym, and
the words replaced that no label covers (over-redaction). The same note-level
figures for Microsoft Presidio come from benchmarks/presidio_compare.py.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAMES = ROOT / "corpus" / "names"
WRITERS = ROOT / "corpus" / "writers"
RELATIONAL = [
    "Mum",
    "Mummy",
    "Mam",
    "Mom",
    "Dad",
    "Daddy",
    "Nan",
    "Nana",
    "Nanna",
    "Nanny",
    "Gran",
    "Granny",
    "Grandma",
    "Grandad",
    "Granddad",
    "Grandpa",
    "Auntie",
    "Uncle",
    "Mother",
    "Father",
]
TITLES = {"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "PC", "DC", "DS", "Nurse", "Cllr", "Sgt"}
_ROOM_ONLY = re.compile(r"(?i)^(room|no\.?)\s*\d+\w?$")


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def scored_labels(labels: list[dict]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """People and address strings by note, with the corpus README's scoring rules applied.

    A bare room or house number is not scored as an address; a whole postal
    address survives when its house-number-and-street part does, so it is
    scored by its parts that carry a number ("Flat 2", "18 Carlton Street").
    """
    people, addresses = {}, {}
    for row in labels:
        people[row["note_id"]] = list(row["people"])
        parts = []
        for address in row["addresses"]:
            if _ROOM_ONLY.match(address.strip()):
                continue
            numbered = [p.strip() for p in address.split(",") if re.search(r"\d", p)]
            parts += [p for p in numbered if not _ROOM_ONLY.match(p)]
        addresses[row["note_id"]] = parts
    return people, addresses


def initials_of(labels: list[dict]) -> dict[str, list[str]]:
    """Initials are labelled apart and not scored; replacing them is not over-redaction."""
    return {row["note_id"]: list(row.get("initials", [])) for row in labels}


def occurrences(text: str, needle: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(needle)}(?!\w)", text))


def case_files(note_ids: set[str]) -> list[dict]:
    rows = [r for path in sorted(WRITERS.glob("W*/notes.jsonl")) for r in load_jsonl(path)]
    cases = {r["case_id"] for r in rows if r["note_id"] in note_ids}
    return [r for r in rows if r["case_id"] in cases]


def run_outputs(cases: Path, out: Path, redact: bool) -> dict[str, str]:
    """Run audit and check --format jsonl; every output's text by file name."""
    flags = ["--redact"] if redact else []
    python = [sys.executable, "-m", "recordcheck"]
    env = dict(os.environ)
    subprocess.run(
        [*python, "audit", str(cases), "--out", str(out), "-q", *flags], check=True, env=env
    )
    jsonl = out / "check.jsonl"
    subprocess.run(
        [*python, "check", str(cases), "--format", "jsonl", "--output", str(jsonl), "-q", *flags],
        check=True,
        env=env,
    )
    return {path.name: output_text(path) for path in sorted(out.iterdir()) if path.is_file()}


def output_text(path: Path) -> str:
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if path.suffix == ".xlsx":
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True)
        return "\n".join(
            str(v)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for v in row
            if v is not None
        )
    if path.suffix == ".json":
        # decoded strings, so a name is found as written (not as JSON escapes)
        return "\n".join(_strings(json.loads(path.read_text(encoding="utf-8"))))
    if path.suffix == ".jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        return "\n".join(s for line in lines if line for s in _strings(json.loads(line)))
    return path.read_text(encoding="utf-8", errors="replace")


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def output_recall(strings: set[str], plain: dict[str, str], redacted: dict[str, str]) -> dict:
    table = {}
    for name in plain:
        total = sum(occurrences(plain[name], s) for s in strings)
        left = Counter({s: occurrences(redacted.get(name, ""), s) for s in strings})
        survived = sum(left.values())
        table[name] = {
            "present": total,
            "survived": survived,
            "recall": round(1 - survived / total, 4) if total else None,
            "surviving": sorted(s for s, n in left.items() if n),
        }
    return table


def note_level(
    notes: dict[str, str], redacted: dict[str, str], people, addresses, initials=None
) -> dict:
    """Recall on the labelled notes' own text, relational words lost, words replaced unlabelled."""
    initials = initials or {}
    counts = Counter()
    missed: Counter[str] = Counter()
    over: Counter[str] = Counter()
    for note_id, text in notes.items():
        after = redacted[note_id]
        for kind, labels in (("names", people[note_id]), ("addresses", addresses[note_id])):
            for label in set(labels):
                before_n, after_n = occurrences(text, label), occurrences(after, label)
                counts[kind + "_present"] += before_n
                counts[kind + "_survived"] += min(after_n, before_n)
                if after_n:
                    missed[label] += after_n
        for word in RELATIONAL:
            counts["relational_present"] += occurrences(text, word)
            counts["relational_lost"] += max(occurrences(text, word) - occurrences(after, word), 0)
        covered = " ".join(people[note_id] + addresses[note_id] + initials.get(note_id, []))
        for word in set(re.findall(r"[A-Za-z][\w'’]+", text)):
            if word in TITLES or re.sub(r"['’]s$", "", word) in covered:
                continue  # titles go with a name; "Kayden's" is the name Kayden
            lost = occurrences(text, word) - occurrences(after, word)
            if lost > 0:
                over[word] += lost
    result = {}
    for kind in ("names", "addresses"):
        present, survived = counts[kind + "_present"], counts[kind + "_survived"]
        result[kind] = {
            "present": present,
            "survived": survived,
            "recall": round(1 - survived / present, 4) if present else None,
        }
    result["relational_words"] = {
        "present": counts["relational_present"],
        "replaced": counts["relational_lost"],
    }
    result["missed"] = dict(missed.most_common())
    result["unlabelled_words_replaced"] = dict(over.most_common())
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", choices=["dev", "blind", "fresh"])
    parser.add_argument("--json", type=Path, help="write the full figures here")
    parser.add_argument(
        "--alone",
        action="store_true",
        help="each labelled note as a case of its own, note text only (as Presidio sees them)",
    )
    args = parser.parse_args(argv)
    labels = load_jsonl(NAMES / f"{args.split}-labels.jsonl")
    people, addresses = scored_labels(labels)
    if args.alone:
        return _alone(args.split, labels, people, addresses)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        rows = case_files(set(people))
        cases = work / "cases.jsonl"
        cases.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        plain = run_outputs(cases, work / "plain", redact=False)
        redacted = run_outputs(cases, work / "redacted", redact=True)
        report = json.loads((work / "redacted" / "report.json").read_text(encoding="utf-8"))
    after = {r["note"]["note_id"]: r["note"]["text"] for r in report["results"]}
    texts = {r["note_id"]: r["text"] for r in rows if r["note_id"] in people}
    names = {s for v in people.values() for s in v}
    streets = {s for v in addresses.values() for s in v}
    figures = {
        "split": args.split,
        "notes": len(texts),
        "case_notes_run": len(rows),
        "outputs_names": output_recall(names, plain, redacted),
        "outputs_addresses": output_recall(streets, plain, redacted),
        "note_text": note_level(texts, after, people, addresses, initials_of(labels)),
    }
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")
    _print(figures)
    return 0


def _alone(split: str, labels: list[dict], people, addresses) -> int:
    """Note-text figures with no case to learn names from: one audit --redact run."""
    rows = [
        dict(r, case_id=r["note_id"]) for r in case_files(set(people)) if r["note_id"] in people
    ]
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        cases = work / "notes.jsonl"
        cases.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "recordcheck",
                "audit",
                str(cases),
                "--out",
                str(work / "out"),
                "-q",
                "--redact",
            ],
            check=True,
        )
        report = json.loads((work / "out" / "report.json").read_text(encoding="utf-8"))
    after = {r["note"]["note_id"]: r["note"]["text"] for r in report["results"]}
    texts = {r["note_id"]: r["text"] for r in rows}
    note = note_level(texts, after, people, addresses, initials_of(labels))
    print_note_level(f"{split}, each note alone: {len(texts)} notes", note)
    return 0


def print_note_level(title: str, figures: dict) -> None:
    """The note-text figures, as printed for our redaction and for Presidio alike."""
    print(title)
    for kind in ("names", "addresses"):
        print(f"  note text {kind}: {figures[kind]}")
    print(f"  relational words: {figures['relational_words']}")
    print(f"  unlabelled words replaced: {sum(figures['unlabelled_words_replaced'].values())}")


def _print(figures: dict) -> None:
    print(
        f"{figures['split']}: {figures['notes']} labelled notes, "
        f"{figures['case_notes_run']} notes in their case files"
    )
    for kind in ("names", "addresses"):
        for name, row in figures[f"outputs_{kind}"].items():
            print(
                f"  {kind:9} {name:24} present {row['present']:5}  survived "
                f"{row['survived']:4}  recall {row['recall']}"
            )
    note = figures["note_text"]
    for kind in ("names", "addresses"):
        print(f"  note text {kind}: {note[kind]}")
    print(f"  relational words: {note['relational_words']}")
    print(f"  unlabelled words replaced: {sum(note['unlabelled_words_replaced'].values())}")


if __name__ == "__main__":
    sys.exit(main())
