"""Partner agencies and named professionals mentioned in case notes.

Importing this package registers the rc_partners spaCy component (it needs
the entity recogniser). It marks mentions only; which mentions are contacts
is `recordcheck.events.contacts`'s to decide.
"""

from recordcheck.language.agencies import LexiconError
from recordcheck.partners.component import PartnersMarker

__all__ = ["LexiconError", "PartnersMarker"]
