"""Pseudonymise personal data for --redact.

rc_personal_data (a spaCy component; needs entities) marks names and
identifiers; personal_data_for turns the marks into PersonalSpans;
redact_results replaces them in every NoteResult of a run, consistently.
"""

from recordcheck.redact.component import personal_data_for
from recordcheck.redact.pseudonyms import Pseudonyms
from recordcheck.redact.results import redact_results

__all__ = ["Pseudonyms", "personal_data_for", "redact_results"]
