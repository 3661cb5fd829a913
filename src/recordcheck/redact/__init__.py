"""Pseudonymise personal data for --redact.

`component` (a spaCy component; needs entities) marks names and identifiers
in the workers, and `personal_data_for` turns the marks into PersonalSpans;
`results.redact_results` replaces them in every NoteResult of a run,
consistently, in the main process without spaCy. Import the part you need:
this package imports neither, so the main process never loads spaCy here.
"""
