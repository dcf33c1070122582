"""A 10,000-post stress corpus with default knobs, generated once, read-only."""

from __future__ import annotations

import pytest

from sentinelle.demo.stress import generate_stress


@pytest.fixture(scope="session")
def stress_corpus() -> list[tuple[dict, dict]]:
    return generate_stress(10_000, seed=101)
