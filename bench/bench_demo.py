"""Benchmark of the demo corpus generator: posts per second and peak memory.

    PYTHONPATH=src python bench/bench_demo.py [--posts 200000] [--workers 1] [--gzip]

Measures `generate()` alone (dicts in memory, one process) and the full write path of
`sentinelle demo-data` (JSONL bytes to a temporary file, with the given workers).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from sentinelle.demo import generate
from sentinelle.demo.files import write_corpus


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--gzip", action="store_true")
    args = parser.parse_args()

    sample = min(args.posts, 50_000)
    start = time.perf_counter()
    for _ in generate(sample, seed=1):
        pass
    elapsed = time.perf_counter() - start
    print(f"generate(): {sample} posts in {elapsed:.1f}s = {sample / elapsed:,.0f} posts/s")

    with tempfile.TemporaryDirectory() as directory:
        suffix = ".jsonl.gz" if args.gzip else ".jsonl"
        posts, truth = Path(directory) / f"posts{suffix}", Path(directory) / "truth.jsonl"
        start = time.perf_counter()
        count = write_corpus(args.posts, 1, 0.3, posts, truth, workers=args.workers)
        elapsed = time.perf_counter() - start
        size_mb = (posts.stat().st_size + truth.stat().st_size) / 1e6
    print(
        f"write ({args.workers} worker(s), {suffix}): {count} posts in {elapsed:.1f}s = "
        f"{count / elapsed:,.0f} posts/s, {size_mb:.0f} MB written"
    )
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: {_peak_mb():.0f} MB (this process), {children:.0f} MB (largest worker)")


if __name__ == "__main__":
    main()
