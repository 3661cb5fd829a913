"""recordcheck: check the quality of safeguarding case records."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("recordcheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
