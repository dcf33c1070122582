"""End-to-end throughput of the core pipeline: ingest + analyze + export, as a user runs it.

Each stage runs as the real CLI in a subprocess; we record wall time and the peak resident
memory of the stage's largest process (wait4 rusage, which covers its worker processes).

    python bench/bench_pipeline.py --sizes 10000,100000,1000000 [--db postgresql://...]

Prints a markdown table (posts/s per stage and end to end) and writes bench/out/pipeline.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"


def run_stage(args: list[str], env: dict) -> dict:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "sentinelle", *args],
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


def bench(size: int, db: str | None, seed: int, workdir: Path) -> dict:
    corpus = generate(size, seed, workdir)
    database = db or str(workdir / f"bench-{size}.db")
    if db is None:
        for suffix in ("", "-wal", "-shm"):
            Path(database + suffix).unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "SENTINELLE_DB": database}
    stages = {
        "ingest": run_stage(["ingest", str(corpus)], env),
        "analyze": run_stage(["analyze"], env),
        "export": run_stage(["export", "posts", "--output", str(workdir / "export.jsonl")], env),
    }
    total = sum(stage["seconds"] for stage in stages.values())
    return {
        "posts": size,
        "stages": stages,
        "total_seconds": round(total, 2),
        "posts_per_second": round(size / total),
        "peak_rss_mb": max(stage["peak_rss_mb"] for stage in stages.values()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--db", default=None, help="database URL (default: a fresh SQLite file)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workdir", default="/tmp/sentinelle-bench")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    results = [bench(int(size), args.db, args.seed, workdir) for size in args.sizes.split(",")]
    print("| posts | ingest /s | analyze /s | export /s | end to end /s | peak RSS MB |")
    print("|---:|---:|---:|---:|---:|---:|")
    for r in results:
        rate = {k: round(r["posts"] / v["seconds"]) for k, v in r["stages"].items()}
        print(
            f"| {r['posts']:,} | {rate['ingest']:,} | {rate['analyze']:,} | {rate['export']:,} "
            f"| {r['posts_per_second']:,} | {r['peak_rss_mb']:,} |"
        )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "pipeline.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
