"""End-to-end throughput of the core pipeline: ingest + analyze + export, as a user runs it.

Each stage runs as the real CLI in a subprocess; we record wall time, CPU time (user + sys of
the stage and its worker processes) and the peak resident memory of the stage's largest
process (wait4 rusage). Beside them, plain `json.loads` of every line of the same file in the
same run, so a figure on a loaded machine still says how far the pipeline is from parsing.

    python bench/bench_pipeline.py --sizes 10000,100000,1000000 [--db postgresql://...]
    python bench/bench_pipeline.py --sizes 1000000 --incremental new.jsonl
    python bench/bench_pipeline.py --python /other/venv/bin/python --src /other/src  # "before"

Prints a markdown table (posts/s per stage and end to end) and writes bench/out/pipeline.json.
`--db postgresql://.../NAME` drops and recreates the database NAME before each size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"


def run_stage(args: list[str], env: dict, python: str = sys.executable) -> dict:
    started = time.perf_counter()
    process = subprocess.Popen(
        [python, "-m", "sentinelle", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stdout, stderr = process.stdout.read(), process.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{stderr.decode()}")
    return {
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
        "output": stdout.decode().strip(),
    }


def json_baseline(corpus: Path) -> dict:
    """Wall and CPU seconds of reading the file and `json.loads` of every line."""
    started, cpu = time.perf_counter(), time.process_time()
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            json.loads(line)
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "cpu_seconds": round(time.process_time() - cpu, 2),
    }


def generate(size: int, seed: int, workdir: Path) -> Path:
    corpus = workdir / f"posts-{size}-{seed}.jsonl"
    if not corpus.exists():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "sentinelle",
                "demo-data",
                "--posts",
                str(size),
                "--seed",
                str(seed),
                "--output",
                str(corpus),
                "--truth",
                str(workdir / f"truth-{size}.jsonl"),
            ],
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
    return corpus


def fresh_database(db: str | None, size: int, workdir: Path) -> str:
    """A new empty store: a SQLite file in `workdir`, or the PostgreSQL database recreated."""
    if db is None:
        database = str(workdir / f"bench-{size}.db")
        for suffix in ("", "-wal", "-shm"):
            Path(database + suffix).unlink(missing_ok=True)
        return database
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(db)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    admin.dispose()
    return db


def totals(posts: int, stages: dict) -> dict:
    wall = sum(stage["seconds"] for stage in stages.values())
    return {
        "total_seconds": round(wall, 2),
        "total_cpu_seconds": round(sum(stage["cpu_seconds"] for stage in stages.values()), 2),
        "posts_per_second": round(posts / wall),
        "peak_rss_mb": max(stage["peak_rss_mb"] for stage in stages.values()),
    }


def bench(size: int, args: argparse.Namespace, workdir: Path) -> dict:
    corpus = generate(size, args.seed, workdir)
    database = fresh_database(args.db, size, workdir)
    env = {**os.environ, "PYTHONPATH": args.src, "SENTINELLE_DB": database}
    export = str(workdir / f"export-{size}.jsonl")
    stages = {
        "ingest": run_stage(["ingest", str(corpus)], env, args.python),
        "analyze": run_stage(["analyze"], env, args.python),
        "export": run_stage(["export", "posts", "--output", export], env, args.python),
    }
    baseline = json_baseline(corpus)
    result = {"posts": size, "stages": stages, **totals(size, stages), "json_loads": baseline}
    result["ratio_to_json"] = round(result["total_seconds"] / max(baseline["seconds"], 1e-9), 1)
    if args.incremental:
        new = {
            "ingest": run_stage(["ingest", args.incremental], env, args.python),
            "analyze": run_stage(["analyze"], env, args.python),
        }
        with open(args.incremental, "rb") as handle:
            lines = sum(1 for _ in handle)
        result["incremental"] = {"posts": lines, "stages": new, **totals(lines, new)}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--db", default=None, help="database URL (default: a fresh SQLite file)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workdir", default="/tmp/sentinelle-bench")
    parser.add_argument("--incremental", help="then ingest and analyze this file into the store")
    parser.add_argument("--python", default=sys.executable, help="interpreter running the CLI")
    parser.add_argument("--src", default=str(ROOT / "src"), help="sentinelle sources it runs")
    parser.add_argument("--out", default=str(OUT / "pipeline.json"))
    args = parser.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    results = [bench(int(size), args, workdir) for size in args.sizes.split(",")]
    print("| posts | ingest /s | analyze /s | export /s | end to end /s | wall s | CPU s "
          "| peak RSS MB | × json.loads |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        rate = {k: round(r["posts"] / v["seconds"]) for k, v in r["stages"].items()}
        print(
            f"| {r['posts']:,} | {rate['ingest']:,} | {rate['analyze']:,} | {rate['export']:,} "
            f"| {r['posts_per_second']:,} | {r['total_seconds']} | {r['total_cpu_seconds']} "
            f"| {r['peak_rss_mb']:,} | {r['ratio_to_json']} |"
        )
        if "incremental" in r:
            inc = r["incremental"]
            print(f"incremental {inc['posts']:,} posts: {inc['total_seconds']} s wall, "
                  f"{inc['total_cpu_seconds']} s CPU, peak {inc['peak_rss_mb']} MB")  # fmt: skip
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(f"this process: peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
