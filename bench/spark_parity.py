"""Parity of `sentinelle spark analyze` (local[2]) with the embedded ingest + analyze.

    python bench/spark_parity.py --posts 20000 --seed 9411 [--workdir /tmp/parity]

Generates the demo corpus, runs both engines on it and prints how far they agree
(extractions, flags, indicators, scores, ARI of the networks) as JSON.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=9411)
    parser.add_argument("--profile", default="demo", choices=("demo", "stress"))
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/sentinelle-parity"))
    args = parser.parse_args()
    from sentinelle.ingest.pipeline import ingest_files
    from sentinelle.pipeline.analyze import analyze
    from sentinelle.spark.analyze import spark_analyze
    from sentinelle.spark.parity import compare
    from sentinelle.store import open_store

    args.workdir.mkdir(parents=True, exist_ok=True)
    name = f"{args.profile}-{args.posts}-{args.seed}"
    corpus = args.workdir / f"posts-{name}.jsonl"
    if not corpus.exists():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "sentinelle",
                "demo-data",
                "--posts",
                str(args.posts),
                "--seed",
                str(args.seed),
                "--profile",
                args.profile,
                "--output",
                str(corpus),
            ],
            check=True,
        )
    database = args.workdir / f"embedded-{name}.db"
    database.unlink(missing_ok=True)
    store = open_store(str(database))
    started = time.perf_counter()
    ingest_files(store, [str(corpus)])
    analyze(store, workers=2)
    embedded_seconds = time.perf_counter() - started
    output = str(args.workdir / f"spark-{name}")
    started = time.perf_counter()
    summary = spark_analyze([str(corpus)], output, master="local[2]", progress=print)
    spark_seconds = time.perf_counter() - started
    parity = compare(store, output)
    linked = _link_state_parity(store, output)
    linked.update(_ids_and_edges(str(database), output))
    print(
        json.dumps(
            {
                "posts": args.posts,
                "seed": args.seed,
                **asdict(parity),
                "identical": parity.identical,
                **linked,
                "embedded_seconds": round(embedded_seconds, 1),
                "spark_seconds": round(spark_seconds, 1),
                "spark_stages": summary.seconds,
                "link": summary.link,
            },
            indent=1,
        )
    )


def _link_state_parity(store, output: str) -> dict:
    """Hubs, match model and "same template" relations of the two runs."""
    import orjson

    from sentinelle.store.load import parquet_batches
    from sentinelle.store.networks import load_state

    spark = next(
        orjson.loads(r["state"]) for b in parquet_batches(f"{output}/state") for r in b.to_pylist()
    )
    embedded = load_state(store)
    return {
        "same_hubs": spark["hubs"] == embedded["hubs"],
        "same_match_model": spark.get("match_model") == embedded.get("match_model"),
        "same_templates": spark.get("templates") == embedded.get("templates"),
        "template_relations": len(embedded.get("templates") or []),
    }


def _ids_and_edges(database: str, output: str) -> dict:
    """Every post's network id, and the evidence edges in stored order, of the two runs."""
    import sqlite3

    import pyarrow.parquet as pq

    with sqlite3.connect(database) as connection:
        stored = connection.execute(
            "SELECT left_pk, right_pk, kind, weight, value, hub, network_id FROM link_edges "
            "ORDER BY rowid"
        ).fetchall()
        embedded_ids = dict(
            connection.execute(
                "SELECT p.source || '/' || p.post_id, a.network_id FROM posts p "
                "JOIN post_analysis a ON a.post_pk = p.pk"
            ).fetchall()
        )
    columns = ("left_pk", "right_pk", "kind", "weight", "value", "hub", "network_id")
    written = [tuple(r[c] for c in columns) for r in pq.read_table(f"{output}/edges").to_pylist()]
    posts = pq.read_table(f"{output}/posts", columns=["source", "post_id", "network_id"])
    spark_ids = {f"{r['source']}/{r['post_id']}": r["network_id"] for r in posts.to_pylist()}
    return {
        "same_network_ids": embedded_ids == spark_ids,
        "same_edges_in_order": [(*e[:5], bool(e[5]), e[6]) for e in stored]
        == [(*e[:5], bool(e[5]), e[6]) for e in written],
        "edges": len(stored),
    }


if __name__ == "__main__":
    main()
