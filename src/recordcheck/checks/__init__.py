"""The recording-standard checks: one folder per check (see `recordcheck.catalogue`).

Each folder declares its check in `check.toml` and keeps its words in
`terms.toml` and its must-flag / must-pass examples in `examples.toml`. A
check that judges facts of the events layer (who-present: encounters;
sharing-rationale: sharing acts) declares the components it reads in `needs`
and keeps no words of its own.
Checks with their own grammar have a `component.py` registering a spaCy
factory; checks made of word lists alone use `word_list_check`. Components
only mark the Doc; `recordcheck.findings` turns the marks into Findings.
Importing this package imports no component (and so no spaCy).
"""

from __future__ import annotations

from collections.abc import Sequence


def refuse_without_needs(pipe_names: Sequence[str], check: str, needs: Sequence[str]) -> None:
    """Without the events components it reads, a check would find nothing, silently."""
    missing = [needed for needed in needs if needed not in pipe_names]
    if missing:
        raise ValueError(f"{check} needs {', '.join(missing)} earlier in the pipeline")
