"""Benchmark of the demo corpus generator: posts per second, CPU per post, peak memory.

    PYTHONPATH=src python bench/bench_demo.py [--posts 200000] [--workers 2] [--gzip]

Measures `generate()` alone (dicts in memory, one process) and the full write path of
`sentinelle demo-data` (JSONL bytes to a temporary file, with the given workers). CPU time
per post is reported too: on a shared machine it says more than wall time.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from sentinelle.demo import generate
from sentinelle.demo.files import write_corpus


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--gzip", action="store_true")
    args = parser.parse_args()

    sample = min(args.posts, 30_000)
    wall, cpu = time.perf_counter(), _cpu(resource.RUSAGE_SELF)
    for _ in generate(sample, seed=1):
        pass
    wall, cpu = time.perf_counter() - wall, _cpu(resource.RUSAGE_SELF) - cpu
    print(
        f"generate(): {sample} posts in {wall:.1f}s = {sample / wall:,.0f} posts/s; "
        f"CPU {cpu / sample * 1e6:.0f} µs/post"
    )

    with tempfile.TemporaryDirectory() as directory:
        suffix = ".jsonl.gz" if args.gzip else ".jsonl"
        posts, truth = Path(directory) / f"posts{suffix}", Path(directory) / "truth.jsonl"
        wall = time.perf_counter()
        cpu = _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN)
        count = write_corpus(args.posts, 1, 0.3, posts, truth, workers=args.workers)
        wall = time.perf_counter() - wall
        cpu = _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN) - cpu
        size_mb = (posts.stat().st_size + truth.stat().st_size) / 1e6
    print(
        f"write ({args.workers} worker(s), {suffix}): {count} posts in {wall:.1f}s = "
        f"{count / wall:,.0f} posts/s; CPU {cpu / count * 1e6:.0f} µs/post (all processes); "
        f"{size_mb:.0f} MB written"
    )
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: {self_mb:.0f} MB (this process), {worker_mb:.0f} MB (largest worker)")


if __name__ == "__main__":
    main()
