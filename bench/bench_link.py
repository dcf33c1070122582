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
    python bench/bench_link.py --make-store 4000000 --store synthetic4m.db  # then --store
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

import numpy as np
import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_posts import synthetic_posts

from sentinelle.evaluate.linking import pairwise_scores
from sentinelle.link import LinkConfig, link_posts


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_worker_mb() -> float:
    """The largest peak among finished worker processes."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


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
        "peak_mb": round(peak_mb()), "peak_worker_mb": round(peak_worker_mb()),
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
        "peak_worker_mb": round(peak_worker_mb()),
    }  # fmt: skip


def make_store(path: str, size: int, seed: int) -> dict:
    """An analysed store of `size` synthetic posts written by bulk SQL (no extraction run):
    what linking reads, for sizes the demo generator would take hours to make."""
    from sentinelle.store import open_store
    from sentinelle.store.bulk import insert_tuples
    from sentinelle.store.schema import post_analysis, post_identifiers, posts

    started = time.perf_counter()
    store = open_store(f"sqlite:///{path}")
    batch = 200_000
    with store.engine.begin() as connection:
        # the workspace's full-text index is not what this bench measures
        for trigger in ("posts_fts_ai", "posts_fts_ad", "posts_fts_au"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    for start in range(0, size, batch):
        made, _ = synthetic_posts(min(batch, size - start), seed + start)
        # each batch numbers its actors from 0: tag their identifiers so batches never share one
        tag = f"{start // batch:03d}"
        made.phones = [[f"{p}{tag}" for p in phones] for phones in made.phones]
        made.handles = [[f"{h}.{tag}" for h in handles] for handles in made.handles]
        pks = range(start + 1, start + len(made) + 1)
        ts = 1.7e9 + np.arange(start, start + len(made)) * 30.0  # a post every 30 s
        with store.engine.begin() as connection:
            insert_tuples(connection, posts, POST_COLUMNS, (
                (pk, "bench", f"b{pk}", "ad", text, None, "2024-01-01T00:00:00+00:00",
                 float(t), "[]", "{}", f"{pk:032x}", 1, 0.0, False)
                for pk, text, t in zip(pks, made.texts, ts.tolist(), strict=True)
            ))  # fmt: skip
            insert_tuples(connection, post_analysis, ANALYSIS_COLUMNS, (
                (pk, orjson.dumps([{"e164": p, "raw": p, "tricks": []} for p in phones]).decode(),
                 orjson.dumps(handles).decode(), "[]", "[]", "{}", 0, 0, "[]", 1.0)
                for pk, phones, handles in zip(pks, made.phones, made.handles, strict=True)
            ))  # fmt: skip
            insert_tuples(connection, post_identifiers, ("post_pk", "kind", "value"), (
                (pk, kind, value)
                for pk, phones, handles in zip(pks, made.phones, made.handles, strict=True)
                for kind, values in (("phone", phones), ("handle", handles))
                for value in values
            ))  # fmt: skip
    return {"made": path, "posts": size, "seconds": round(time.perf_counter() - started, 1)}


POST_COLUMNS = (
    "pk", "source", "post_id", "kind", "text", "title", "posted_at", "posted_ts",
    "image_phashes", "extra", "content_hash", "version", "ingested_at", "pending",
)  # fmt: skip
ANALYSIS_COLUMNS = ("post_pk", "phones", "handles", "stated_ages", "prices", "mentions",
                    "obfuscated_phones", "flags", "indicators", "analyzed_at")  # fmt: skip


def _copy(store: str) -> str:
    target = Path(tempfile.mkdtemp(prefix="bench_link_")) / "store.db"
    shutil.copyfile(store, target)
    return str(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--store", help="an analysed SQLite store (it is copied, not changed)")
    parser.add_argument("--new", help="with --store: posts to ingest and link incrementally")
    parser.add_argument(
        "--make-store", type=int, metavar="N", help="write N synthetic posts to --store"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_full(args.one, args.seed)))
        return
    if args.make_store:
        print(json.dumps(make_store(args.store, args.make_store, args.seed)))
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
