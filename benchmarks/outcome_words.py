"""Whether a contact's Outcome cell holds the right words, not only whether it holds some.

    python benchmarks/outcome_words.py writers-dev [--dump rows.jsonl] [--show N]

`recordcheck evaluate` scores the outcome of a matched contact as present or absent
(the labels say only whether an outcome is recorded: `"outcome": true|false`; no
label quotes its words, and the evidence quote records the contact, not its
reply). So this measures the words without a gold quote, by what a reader can
tell is wrong from the labels alone, over contacts matched as evaluate matches them:

- presence: our cell filled iff the label says an outcome is recorded (evaluate's figure);
- another party's: the cell names a partner the note labels as another contact
  (its distinctive name words or its person's surname), and not this contact's
  ("MASH have been in touch with school" as the school's outcome);
- heading: the cell opens on a list label ("Present:", "Attendees -") or is the
  contact's own evidence line and nothing more for a contact we made (our telling
  them is not their reply);
- plausible: filled, labelled as recorded, and neither of the above.

Precision of the cell = plausible / filled. An empty cell is never counted wrong
here except by presence: the standard prefers a missing outcome to a wrong one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from recordcheck.account import RunAccount
from recordcheck.contact_scoring import COUNTED, _match
from recordcheck.engine import run
from recordcheck.evaluate import BATCH_SIZE, read_gold
from recordcheck.ingest import read_inputs
from recordcheck.language.agencies import distinctive_words
from recordcheck.model import Note

ROOT = Path(__file__).resolve().parents[1]
# labels that open a list of who was there or who was told, not anybody's reply
HEADING = re.compile(r"^\W*(present|attendees|attending|in attendance|apologies|chair|"
                     r"invited|who informed|agencies)\b\W", re.IGNORECASE)


def _names(label: dict) -> set[str]:
    words = {w.lower() for w in distinctive_words(label.get("agency", ""))}
    person = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]+", label.get("person", "")) if len(w) > 2]
    if person:
        words.add(person[-1].lower())
    return words


def _names_another(outcome: str, label: dict, others: list[dict]) -> bool:
    said = {w.lower() for w in re.findall(r"[A-Z][A-Za-z'-]+", outcome)}  # names, not words
    own = _names(label)
    return any((_names(other) - own) & said for other in others)


def verdict(outcome: str, label: dict, others: list[dict], evidence: str, direction: str) -> str:
    if not outcome:
        return "empty, recorded" if label.get("outcome") else "empty, none"
    if not label.get("outcome"):
        return "filled, none recorded"
    if HEADING.match(outcome) or (direction == "out" and outcome.strip() == evidence.strip()):
        return "heading"
    if _names_another(outcome, label, others):
        return "another party's"
    return "plausible"


def rows(split: str):
    gold = read_gold(ROOT / "corpus" / split / "gold.jsonl")
    notes = [n for n in read_inputs([str(ROOT / "corpus" / split / "notes.csv")])
             if isinstance(n, Note) and n.note_id in gold]
    staff = list(dict.fromkeys(n.author for n in notes if n.author))
    for checked in run(notes, jobs=1, batch_size=BATCH_SIZE, account=RunAccount(),
                       partners=True, own_service={"names": [], "staff": staff}):
        labelled_all = gold[checked.note.note_id].get("contacts", [])
        found = [e for e in checked.contacts if e.status in COUNTED]
        labelled = [label for label in labelled_all if label.get("status") in COUNTED]
        for event, label in _match(found, labelled):
            others = [other for other in labelled_all if other is not label]
            yield {
                "note": checked.note.note_id, "agency": event.agency, "direction": event.direction,
                "evidence": event.evidence, "out": event.outcome, "gold_out": label.get("outcome"),
                "verdict": verdict(event.outcome, label, others, event.evidence, event.direction),
            }


def summary(found: list[dict]) -> str:
    counts = Counter(row["verdict"] for row in found)
    filled = sum(1 for row in found if row["out"])
    present = sum(bool(row["out"]) == bool(row["gold_out"]) for row in found)
    lines = [f"matched contacts {len(found)}; presence accuracy {present / len(found):.3f}; "
             f"cells filled {filled}; plausible {counts['plausible']} "
             f"(precision of the cell {counts['plausible'] / max(filled, 1):.3f})"]
    lines += [f"  {name:<24}{n:>5}" for name, n in sorted(counts.items())]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split")
    parser.add_argument("--dump", type=Path, help="write every matched contact's row here")
    parser.add_argument("--show", type=int, default=0, help="print N filled cells judged wrong")
    args = parser.parse_args()
    found = list(rows(args.split))
    if args.dump:
        args.dump.write_text("".join(json.dumps(row) + "\n" for row in found))
    print(summary(found))
    wrong = [r for r in found if r["verdict"] in ("another party's", "heading")]
    for row in wrong[: args.show]:
        where = f"{row['note']} {row['agency']} [{row['verdict']}]"
        print(f"{where}: {row['out'][:120]!r}", file=sys.stderr)


if __name__ == "__main__":
    main()
