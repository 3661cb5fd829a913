"""The events layer: the facts a note records, read from its Doc.

`events.chronology` holds the rc_chronology component (significant events for
the chronology); importing it registers the factory. This package itself
imports no spaCy, so its data files can be read where spaCy is not loaded.
"""
