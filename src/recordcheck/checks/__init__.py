"""The recording-standard checks, as spaCy components that mark the Doc.

Importing this package registers the factories (`rc_opinion`, `rc_who_present`,
`rc_sharing_rationale`). Each check module cites the part of the standard it
enforces; its words live in `<check>.toml` beside it and its must-flag /
must-pass examples in `<check>_examples.toml`. Checks never build Findings:
`recordcheck.findings` does that from their marks.
"""

from recordcheck.checks import opinion, sharing_rationale, who_present

# check id (as in findings and the standard) -> the component's factory name, in pipeline order
COMPONENTS = {
    "opinion": "rc_opinion",
    "who-present": "rc_who_present",
    "sharing-rationale": "rc_sharing_rationale",
}
# check id -> the span group its component marks findings in
SPAN_GROUPS = {
    "opinion": opinion.SPAN_GROUP,
    "who-present": who_present.SPAN_GROUP,
    "sharing-rationale": sharing_rationale.SPAN_GROUP,
}
