"""Extraction throughput on synthetic ads: posts per second on one core, and peak memory.

Run from the repository root: `PYTHONPATH=src python bench/bench_extract.py [--posts N]`.
The ads come from the test corpus writer (`tests/extract/ads.py`): 200-400 characters of
logistics text, usually one phone (30% written with hard tricks), one or two handles, and
the prices, dates, times and ages that must not be read as phones.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the corpus writer lives with the tests

from tests.extract.ads import ads  # noqa: E402

from sentinelle.extract import extract_posts  # noqa: E402
from sentinelle.records import Post  # noqa: E402

_SOURCES = ("annonces-libres", "petites-annonces-xx", "photogram", "vivalocal-like")


def make_posts(count: int, seed: int, hard_share: float) -> list[Post]:
    """`count` ad posts with titles, authors and cities, as ingestion would hand them over."""
    rng = random.Random(seed)
    posts = []
    for index, ad in enumerate(ads(count, seed=seed, hard_share=hard_share)):
        posts.append(
            Post(
                source=rng.choice(_SOURCES),
                id=f"b{index:07d}",
                kind="ad",
                text=ad.text,
                posted_at=f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T21:00:00+01:00",
                city=rng.choice(["Lyon", "Nice", None]),
                title=rng.choice(["Nouvelle en ville", "Dispo ce soir", None]),
                author=f"user{rng.randint(1, 5000)}",
            )
        )
    return posts


def measure(posts: list[Post], rounds: int) -> tuple[float, float]:
    """Best posts per second over `rounds` passes, by CPU time and by wall time.

    CPU time is the figure to compare: on a shared machine wall time also counts the time
    other processes held the core.
    """
    best_cpu = best_wall = 0.0
    for _ in range(rounds):
        cpu, wall = time.process_time(), time.perf_counter()
        extract_posts(posts)
        best_cpu = max(best_cpu, len(posts) / (time.process_time() - cpu))
        best_wall = max(best_wall, len(posts) / (time.perf_counter() - wall))
    return best_cpu, best_wall


def reference_loop() -> float:
    """Microseconds for `sum(range(1000))`, to compare this machine with others (~10 on a
    typical 2020s laptop core)."""
    started = time.process_time()
    for _ in range(2000):
        sum(range(1000))
    return (time.process_time() - started) / 2000 * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--hard-share", type=float, default=0.3)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()

    posts = make_posts(options.posts, options.seed, options.hard_share)
    chars = sum(len(post.text) for post in posts) / len(posts)
    cold_start = time.process_time()
    extract_posts(posts[:2000])
    cold = 2000 / (time.process_time() - cold_start)
    cpu_rate, wall_rate = measure(posts, options.rounds)

    tracemalloc.start()
    extract_posts(posts[:5000])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"posts: {len(posts)}  mean text: {chars:.0f} chars  hard tricks: {options.hard_share}")
    print(f"machine reference: sum(range(1000)) = {reference_loop():.1f} us")
    print(f"cold (first 2000, empty caches): {cold:,.0f} posts/s of CPU time")
    print(f"warm (best of {options.rounds}): {cpu_rate:,.0f} posts/s of CPU time on one core")
    print(f"warm wall clock: {wall_rate:,.0f} posts/s (includes time other processes ran)")
    print(
        f"peak traced memory extracting 5000 posts: {peak / 2**20:.1f} MiB; max RSS {rss:.0f} MiB"
    )


if __name__ == "__main__":
    main()
