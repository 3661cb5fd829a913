"""Problems a user can fix, raised as one-line messages (no spaCy needed to raise them)."""


class PipelineNotInstalled(RuntimeError):
    """The base English pipeline is missing from this Python environment."""
