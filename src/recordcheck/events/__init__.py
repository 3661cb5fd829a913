"""The events layer: the facts a note records, read from its Doc.

- `encounters` (rc_encounters): the encounter a note records (visit,
  meeting, call) and whether it says who took part (`attendees.py`); the
  who-present check reads these.
- `sharing_acts` (rc_sharing_acts): the sentences in which the writer passed
  information outward or received it, to whom, and whether the note records
  why; the sharing-rationale check and the contact events read these.
- `contacts` (rc_contact_events): which of the agencies and professionals
  rc_partners marks the author's service really dealt with, how, which way,
  done or planned, and what came of it; the partner register reads these.
- `chronology` (rc_chronology): significant events (harm, disclosure,
  incident, decision, change in risk) with their own date and time; the
  chronology reads these.

Importing a module registers its factory. This package itself imports no
spaCy, so its data files can be read where spaCy is not loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from recordcheck.datafiles import package_toml


@dataclass(frozen=True)
class ReadByChecks:
    """A component a check may declare in check.toml `needs`: its module and word file."""

    module: str  # importing it registers the factory
    words: str  # the TOML file beside it whose [terms] lists a rules file may extend
    # it takes the organisation's partner agencies (rules-file [partners]) as recipients
    partner_agencies: bool = False

    def extendable_lists(self) -> frozenset[str]:
        return frozenset(package_toml(__name__, self.words).get("terms", {}))


COMPONENTS = {
    "rc_encounters": ReadByChecks(f"{__name__}.encounters", "encounters.toml"),
    "rc_sharing_acts": ReadByChecks(
        f"{__name__}.sharing_acts", "sharing.toml", partner_agencies=True
    ),
}
