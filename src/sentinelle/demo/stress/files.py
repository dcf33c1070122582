"""Writing a stress corpus with the demo profile's writers (same formats, same truth shape)."""

from __future__ import annotations

from pathlib import Path

from sentinelle.demo.files import csv_header, open_binary, render_csv, render_jsonl
from sentinelle.demo.publishing import Draft
from sentinelle.demo.stress.world import StressWorld

_CHUNK = 10_000


def write_stress_corpus(
    n_posts: int,
    seed: int,
    knobs: dict[str, float],
    obfuscate: float,
    posts_path: Path | None,
    truth_path: Path | None,
    fmt: str = "jsonl",
) -> int:
    """Generate the stress corpus and write posts and truth; returns the number of posts."""
    drafts: list[Draft] = StressWorld(n_posts, seed, knobs, obfuscate).drafts()
    render = render_csv if fmt == "csv" else render_jsonl
    with open_binary(posts_path) as posts_sink, open_binary(truth_path) as truth_sink:
        if fmt == "csv" and posts_sink is not None:
            posts_sink.write(csv_header())
        for start in range(0, len(drafts), _CHUNK):
            posts, truth, _ = render(drafts[start : start + _CHUNK])
            if posts_sink is not None:
                posts_sink.write(posts)
            if truth_sink is not None:
                truth_sink.write(truth)
    return len(drafts)
