"""Partner agencies and named professionals in case notes, for the partner register.

Importing this package registers the rc_partners spaCy component (it needs
the entity recogniser); contacts_for(doc) reads what it marked.
"""

from recordcheck.language.agencies import LexiconError
from recordcheck.partners.component import PartnersMarker
from recordcheck.partners.contacts import contacts_for

__all__ = ["LexiconError", "PartnersMarker", "contacts_for"]
