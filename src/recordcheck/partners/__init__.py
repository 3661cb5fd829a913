"""Partner agencies and named professionals in case notes, for the partner register.

Importing this package registers the rc_partners spaCy component (it needs
the entity recogniser); contacts_for(doc) reads what it marked.
"""

from recordcheck.partners.component import PartnersMarker
from recordcheck.partners.contacts import contacts_for
from recordcheck.partners.lexicon import LexiconError

__all__ = ["LexiconError", "PartnersMarker", "contacts_for"]
