"""Importers: turn case-record exports into Notes, and bad input into Unreadables.

Shapes: CSV/TSV (delimited.py), Excel (spreadsheet.py, and legacy_excel.py
for .xls), Word (word.py, with word_text.py), plain text and Markdown
(plaintext.py), JSON and JSON Lines (jsonfile.py).
Header, date and encoding detection are shared (headers.py, dates.py,
encoding.py); safety.py refuses hostile files before any parser sees them.
Nothing here knows about spaCy.
"""

from recordcheck.ingest.inputs import (
    SUPPORTED_SUFFIXES,
    describe_source,
    expand_inputs,
    read_file,
    read_inputs,
)
from recordcheck.ingest.mapping import Mapping, MappingError, load_mapping

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Mapping",
    "MappingError",
    "describe_source",
    "expand_inputs",
    "load_mapping",
    "read_file",
    "read_inputs",
]
