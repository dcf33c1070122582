"""Indicator matching alone: `match_indicators` in CPU µs per post, on extracted posts.

Run: PYTHONPATH=src python bench/bench_match.py [--demo N] [--stress N] [--seed S] [--profile]
Posts of the demo and stress generators are extracted first (not timed) and folded as scoring
folds them; the figure is the best of three passes over all of them, in CPU time (compare runs
by it on a shared machine). `--profile` prints cProfile's costliest functions instead.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import time

from sentinelle.demo.corpus import generate
from sentinelle.demo.stress.world import generate_stress
from sentinelle.extract import extract_posts
from sentinelle.indicators.matcher import match_indicators
from sentinelle.native import compiled_modules
from sentinelle.records import Extraction, Post
from sentinelle.text.normalize import fold


def corpus(demo: int, stress: int, seed: int) -> tuple[list[Post], list[Extraction]]:
    """Demo and stress posts as ingestion reads them, with their extraction."""
    fields = set(Post.__dataclass_fields__)
    raws = [raw for raw, _ in generate(demo, seed=seed)]
    raws += [raw for raw, _ in generate_stress(stress, seed=seed + 1)]
    posts = [Post(**{key: value for key, value in raw.items() if key in fields}) for raw in raws]
    return posts, extract_posts(posts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", type=int, default=3000, help="demo generator records")
    parser.add_argument("--stress", type=int, default=2000, help="stress generator posts")
    parser.add_argument("--seed", type=int, default=501)
    parser.add_argument("--profile", action="store_true")
    options = parser.parse_args()
    posts, extractions = corpus(options.demo, options.stress, options.seed)
    folded = [fold(post.text) for post in posts]
    items = list(zip(posts, extractions, folded, strict=True))

    def run() -> None:
        for post, extraction, text in items:
            match_indicators(post.text, extraction, text)

    run()  # first use builds automata and caches: not a per-post cost
    if options.profile:
        profile = cProfile.Profile()
        profile.runcall(run)
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)
        return
    best = min(_cpu(run) for _ in range(3))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    compiled = compiled_modules()
    print(
        f"compiled {sum(compiled.values())}/{len(compiled)}; {len(items)} posts; "
        f"match_indicators {best / len(items) * 1e6:.1f} µs per post (CPU, best of 3); "
        f"process CPU {usage.ru_utime + usage.ru_stime:.1f} s"
    )


def _cpu(run) -> float:
    started = time.process_time()
    run()
    return time.process_time() - started


if __name__ == "__main__":
    main()
