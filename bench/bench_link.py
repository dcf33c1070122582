"""Linking benchmark: posts per second, peak memory and quality, from 10k to millions of posts.

Two views of the same code:
- in memory, on synthetic posts (`--sizes`): the algorithm alone, with pairwise quality;
- on a store, as `sentinelle analyze` runs it (`--store`): posts streamed from SQLite, evidence,
  network ids and the text index written back. `--new FILE` times the incremental case:
  a copy of the store ingests FILE, then `analyze` links only those posts.

CPU seconds are reported beside wall seconds: on a shared machine the wall clock also counts
the time other processes held the cores. Each run is its own process, so peak memory (maximum
resident set) is that run's own. Usage:
    python bench/bench_link.py --sizes 10000,100000,1000000
    python bench/bench_link.py --store demo/sentinelle.db
    python bench/bench_link.py --store big.db --new new_posts.jsonl
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_posts import synthetic_posts

from sentinelle.evaluate.linking import pairwise_scores
from sentinelle.link import LinkConfig, link_posts


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


def run_store_full(path: str) -> dict:
    """A full relink of an analysed store (its copy), as `analyze --relink` links."""
    from sentinelle.pipeline.link import link_networks
    from sentinelle.pipeline.workers import WorkerPool
    from sentinelle.store import open_store

    store = open_store(f"sqlite:///{path}")
    started, cpu = time.perf_counter(), time.process_time()
    with WorkerPool(2) as pool:  # as analyze runs it: posts prepared by two workers
        summary = link_networks(store, full=True, mapper=pool.map)
    return {
        "mode": "store full", "posts": summary.posts, "networks": summary.networks,
        "seconds": round(time.perf_counter() - started, 2),
        "main_process_cpu_seconds": round(time.process_time() - cpu, 2),
        "posts_per_second": round(summary.posts / (time.perf_counter() - started)),
        "peak_mb": round(peak_mb()),
    }  # fmt: skip


def run_store_incremental(path: str, new: str) -> dict:
    """Ingest `new` into (a copy of) an analysed store, then analyze: only new posts link."""
    from sentinelle.ingest.pipeline import ingest_files
    from sentinelle.pipeline.analyze import analyze
    from sentinelle.store import open_store

    store = open_store(f"sqlite:///{path}")
    ingest_files(store, [new])
    started = time.perf_counter()
    summary = analyze(store, workers=2)
    return {
        "mode": "store incremental", "new_posts": summary.analyzed,
        "analyze_seconds": round(time.perf_counter() - started, 2),
        "link_seconds": round(summary.link_seconds, 2), "peak_mb": round(peak_mb()),
    }  # fmt: skip


def _copy(store: str) -> str:
    target = Path(tempfile.mkdtemp(prefix="bench_link_")) / "store.db"
    shutil.copyfile(store, target)
    return str(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--store", help="an analysed SQLite store (it is copied, not changed)")
    parser.add_argument("--new", help="with --store: posts to ingest and link incrementally")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_full(args.one, args.seed)))
        return
    if args.store:
        copy = _copy(args.store)
        try:
            if args.new:
                print(json.dumps(run_store_incremental(copy, args.new)))
            else:
                print(json.dumps(run_store_full(copy)))
        finally:
            shutil.rmtree(Path(copy).parent)
        return
    for size in (int(s) for s in args.sizes.split(",")):
        command = [sys.executable, __file__, "--one", str(size), "--seed", str(args.seed)]
        print(subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip())


if __name__ == "__main__":
    main()
