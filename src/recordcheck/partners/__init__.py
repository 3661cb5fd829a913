"""Partner agencies and named professionals mentioned in case notes.

Importing `recordcheck.partners.component` registers the rc_partners spaCy component
(it needs the entity recogniser). It marks mentions only; which mentions are contacts
is `recordcheck.events.contacts`'s to decide.

The package itself loads no spaCy: the case-wide pass reads its word lists in the
process that gathers the results, where spaCy is never loaded (it took half a second
before any worker could start).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recordcheck.language.agencies import LexiconError
    from recordcheck.partners.component import PartnersMarker

__all__ = ["LexiconError", "PartnersMarker"]


def __getattr__(name: str):
    # the package's two public names, loaded (with spaCy) when first asked for
    if name == "LexiconError":
        from recordcheck.language.agencies import LexiconError

        return LexiconError
    if name == "PartnersMarker":
        from recordcheck.partners.component import PartnersMarker

        return PartnersMarker
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
