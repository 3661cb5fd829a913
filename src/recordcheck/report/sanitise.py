"""Make text from case notes safe to place in Word and Excel files.

Exports from case-management systems carry stray control characters (a
vertical tab is Word's manual line break) that XML 1.0 forbids: openpyxl
refuses them and python-docx writes a file Word will not open. Every writer
passes note-derived text through ``clean_text`` first.
"""

from __future__ import annotations

import re

# Form feed and vertical tab separate words, so they become spaces rather than vanish.
_WORD_SEPARATORS = re.compile(r"[\x0b\x0c]")
_NOT_XML = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

# Excel refuses longer cells; a case note rarely comes near this.
EXCEL_CELL_LIMIT = 32_767

# A cell starting with one of these is read as a formula by Excel when edited,
# or by any program that re-imports the sheet as CSV.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def clean_text(value: object) -> str:
    """Return ``value`` as text with characters XML cannot hold removed."""
    if value is None:
        return ""
    text = _WORD_SEPARATORS.sub(" ", str(value))
    return _NOT_XML.sub("", text)


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would treat ``text`` as a formula."""
    return text.startswith(FORMULA_TRIGGERS)
