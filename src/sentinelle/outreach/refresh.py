"""Rebuilding the persons at risk after an analysis (what `analyze` and `outreach refresh` run)."""

from __future__ import annotations

from functools import cache

from sentinelle.store.db import Store


@cache
def indicator_words() -> dict[str, str]:
    """Each indicator code in words (the catalogue's description): why a person is flagged."""
    from sentinelle.indicators.catalogue import catalogue

    return {code: spec.description for code, spec in catalogue().items()}


def refresh(store: Store, now: float | None = None) -> dict[str, int]:
    from sentinelle.link.personas import personas
    from sentinelle.store.outreach_persons import refresh_persons

    return refresh_persons(store, indicator_words(), personas, now)
