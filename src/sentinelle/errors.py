"""Errors the library raises on purpose; the CLI and the web app turn them into clean messages."""

from __future__ import annotations


class SentinelleError(Exception):
    """A failure the user can act on; its message says what went wrong and how to fix it."""


class StoreError(SentinelleError):
    """The database cannot be opened or used (bad URL, unreachable server, unwritable file)."""


class InputError(SentinelleError):
    """An input file cannot be read at all (missing, unreadable, unknown format)."""
