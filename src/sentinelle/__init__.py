"""Sentinelle: find and act on online signs of child sexual exploitation."""

__version__ = "0.1.0"

# Compiled hot paths (extraction, indicator matching) are used only when built from the current
# sources; see sentinelle.native.
from sentinelle import native as _native

_native.install()
