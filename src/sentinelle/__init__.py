"""Sentinelle: find and act on online signs of child sexual exploitation."""

__version__ = "0.1.0"
