"""Linking benchmark: posts per second, peak memory and quality, from 10k to millions of posts.

CPU seconds are reported beside wall seconds: on a shared machine the wall clock also counts
the time other processes held the cores.

Each size runs in its own process so peak memory is that size's own. Usage:
    python bench/bench_link.py --sizes 10000,100000,1000000
    python bench/bench_link.py --incremental 1000000,10000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_posts import synthetic_posts

from sentinelle.evaluate.linking import pairwise_scores
from sentinelle.link import LinkConfig, link_posts
from sentinelle.link.incremental import build_index, link_new


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_full(size: int, seed: int) -> dict:
    posts, truth = synthetic_posts(size, seed)
    before = peak_mb()
    started, cpu = time.perf_counter(), time.process_time()
    result = link_posts(posts, LinkConfig())
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    scores = pairwise_scores(truth, result.labels)
    return {
        "posts": size, "seed": seed, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
        "posts_per_second": round(size / seconds), "peak_mb": round(peak_mb()),
        "peak_mb_before_linking": round(before),
        "stages": {k: round(v, 2) for k, v in result.seconds.items()},
        "precision": round(scores.precision, 4), "recall": round(scores.recall, 4),
        "ari": round(scores.ari, 4), "edges": len(result.edges),
    }  # fmt: skip


def run_incremental(base: int, new: int, seed: int) -> dict:
    posts, truth = synthetic_posts(base + new, seed)
    config = LinkConfig()
    first = link_posts(posts.take(np.arange(base)), config)
    started = time.perf_counter()
    index = build_index(first, config)
    built = time.perf_counter() - started
    new_posts = posts.take(np.arange(base, base + new))
    started, cpu = time.perf_counter(), time.process_time()
    result = link_new(index, new_posts)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    labels = np.concatenate([first.labels, result.labels])
    labels = np.array([result.merged.get(label, label) for label in labels.tolist()])
    scores = pairwise_scores(truth, labels)
    return {
        "existing": base, "new": new, "seed": seed, "index_seconds": round(built, 2),
        "incremental_seconds": round(seconds, 2), "incremental_cpu_seconds": round(cpu, 2),
        "peak_mb": round(peak_mb()),
        "precision": round(scores.precision, 4), "recall": round(scores.recall, 4),
        "ari": round(scores.ari, 4),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--incremental", default="", help="EXISTING,NEW e.g. 1000000,10000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_full(args.one, args.seed)))
        return
    if args.incremental:
        base, new = (int(x) for x in args.incremental.split(","))
        print(json.dumps(run_incremental(base, new, args.seed)))
        return
    for size in (int(s) for s in args.sizes.split(",")):
        command = [sys.executable, __file__, "--one", str(size), "--seed", str(args.seed)]
        print(subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip())


if __name__ == "__main__":
    main()
