"""A 12,000-post corpus (one full block and part of the next) generated once, read-only."""

from __future__ import annotations

import pytest

from sentinelle.demo import generate


@pytest.fixture(scope="session")
def corpus() -> list[tuple[dict, dict]]:
    return list(generate(12_000, seed=7))
