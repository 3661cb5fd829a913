"""The sharing acts' word lists, read once from sharing.toml.

Each module of the sharing reader takes the word classes it needs from WORD_CLASSES
beside the code that reads them; the two here are read by more than one part
(which way information went, and whether a reason was given).
"""

from __future__ import annotations

from recordcheck.datafiles import package_toml, word_classes

DATA = package_toml(__package__, "sharing.toml")
WORD_CLASSES = word_classes(DATA)
WRITER = WORD_CLASSES["writer"]
# "told her ..." is usually the person the note is about; these need a named outside party
CLIENT_FACING = WORD_CLASSES["client_facing"]
