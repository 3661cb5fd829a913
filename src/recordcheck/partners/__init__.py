"""Partner agencies and named professionals mentioned in case notes.

Importing `recordcheck.partners.component` registers the rc_partners spaCy component
(it needs the entity recogniser). It marks mentions only; which mentions are contacts
is `recordcheck.events.contacts`'s to decide.

The package itself loads no spaCy: the case-wide pass reads its word lists in the
process that gathers the results, where spaCy is never loaded (it took half a second
before any worker could start).
"""
