"""Ingest throughput as a user runs it: `sentinelle ingest` of a demo corpus into a fresh store,
the same file again (every record a duplicate), then a file re-publishing a tenth of the posts
with changed text (every record an update).

Each run is the real CLI in a subprocess; we record wall time, CPU time (user + sys) and the
peak resident memory (wait4 rusage). CPU seconds are the figure to compare on a loaded machine.

    python bench/bench_ingest.py --sizes 50000,200000 --seed 9711 [--db postgresql://.../NAME]
    python bench/bench_ingest.py --python /other/venv/bin/python --src /other/src  # "before"

Prints a markdown table and writes bench/out/ingest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import orjson
from bench_pipeline import OUT, ROOT, fresh_database, generate, run_stage


def republished(corpus: Path, share: float = 0.1) -> Path:
    """Every record of `corpus` whose line number is a multiple of 1/share, its text changed."""
    path = corpus.with_name(corpus.stem + "-republished.jsonl")
    if not path.exists():
        step = round(1 / share)
        with open(corpus, "rb") as source, open(path, "wb") as out:
            for number, line in enumerate(source):
                if number % step == 0:
                    record = orjson.loads(line)
                    record["text"] += " (annonce mise à jour)"
                    out.write(orjson.dumps(record) + b"\n")
    return path


def lines_of(path: Path) -> int:
    with open(path, "rb") as handle:
        return sum(1 for _ in handle)


def bench(size: int, args: argparse.Namespace, workdir: Path) -> dict:
    corpus = generate(size, args.seed, workdir)
    changed = republished(corpus)
    database = fresh_database(args.db, size, workdir)
    env = {**os.environ, "PYTHONPATH": args.src, "SENTINELLE_DB": database}
    runs = {}
    for name, path in (("fresh", corpus), ("again", corpus), ("republished", changed)):
        run = run_stage(["ingest", str(path)], env, args.python)
        records = lines_of(path)
        run["records"] = records
        run["records_per_second"] = round(records / run["seconds"])
        run["records_per_cpu_second"] = round(records / run["cpu_seconds"])
        runs[name] = run
    return {"posts": size, "seed": args.seed, "runs": runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50000,200000")
    parser.add_argument("--db", default=None, help="database URL (default: a fresh SQLite file)")
    parser.add_argument("--seed", type=int, default=9711)
    parser.add_argument("--workdir", default="/tmp/sentinelle-bench")
    parser.add_argument("--python", default=sys.executable, help="interpreter running the CLI")
    parser.add_argument("--src", default=str(ROOT / "src"), help="sentinelle sources it runs")
    parser.add_argument("--out", default=str(OUT / "ingest.json"))
    args = parser.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    results = [bench(int(size), args, workdir) for size in args.sizes.split(",")]
    print("| records | run | records/s | records/CPU s | wall s | CPU s | peak RSS MB |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for result in results:
        for name, run in result["runs"].items():
            print(
                f"| {run['records']:,} | {name} | {run['records_per_second']:,} "
                f"| {run['records_per_cpu_second']:,} | {run['seconds']} | {run['cpu_seconds']} "
                f"| {run['peak_rss_mb']} |"
            )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
