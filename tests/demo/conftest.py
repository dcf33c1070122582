"""A 12,000-post corpus (one full block and part of the next) generated once, read-only."""

from __future__ import annotations

import pytest

from sentinelle.demo import generate
from sentinelle.text.normalize import fold


@pytest.fixture(scope="session")
def corpus() -> list[tuple[dict, dict]]:
    return list(generate(12_000, seed=7))


@pytest.fixture(scope="session")
def folded(corpus) -> list[str]:
    """Title and text of each post in matching form (lower case, no accents), in corpus order."""
    return [fold((post.get("title") or "") + " " + post["text"]) for post, _ in corpus]
