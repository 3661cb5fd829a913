"""The events layer: the facts a note records, read from its Doc.

- `contacts` (rc_contact_events): which of the agencies and professionals
  rc_partners marks the author's service really dealt with, how, which way,
  done or planned, and what came of it; the partner register reads these.
- `chronology` (rc_chronology): significant events (harm, disclosure,
  incident, decision, change in risk) with their own date and time; the
  chronology reads these.

Importing a module registers its factory. This package itself imports no
spaCy, so its data files can be read where spaCy is not loaded.
"""
