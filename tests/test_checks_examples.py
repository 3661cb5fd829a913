"""Every check's shipped examples: the standard's hard cases must come out right."""

from __future__ import annotations

import pytest

from recordcheck.catalogue import all_checks
from recordcheck.findings import findings_for
from recordcheck.model import Note
from recordcheck.nlp import note_doc

CASES = [
    pytest.param(spec.id, outcome == "must_flag", example, id=f"{spec.id}-{outcome}-{number}")
    for spec in all_checks()
    for outcome, items in spec.examples().items()
    for number, example in enumerate(items, 1)
]


@pytest.mark.slow
@pytest.mark.parametrize(("check", "should_flag", "example"), CASES)
def test_shipped_example(real_nlp, check, should_flag, example):
    note = Note(note_id="X1", case_id="C1", text=example.text, note_type=example.note_type)
    doc = real_nlp(note_doc(real_nlp, note))
    flagged = [f for f in findings_for(doc) if f.check == check]
    assert bool(flagged) == should_flag, [f.text for f in flagged]
