"""Start-up cost of the CLI: `sentinelle --help`, `ingest` of one post into an up-to-date
store, `analyze` of an up-to-date store, and `analyze` of one new post (the pipeline's
imports and tables, with next to no work).

Each command runs `--runs` times as the real CLI in a subprocess; we report the mean and
median of CPU seconds (user + sys, wait4 rusage) and of wall seconds. CPU seconds are the
figure to compare on a loaded machine.

    python bench/bench_cli_start.py --runs 10
    python bench/bench_cli_start.py --python /other/venv/bin/python --src /other/src  # "before"

Prints a markdown table and writes bench/out/cli_start.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

import orjson
from bench_pipeline import OUT, ROOT, run_stage


def post(number: int) -> bytes:
    record = {
        "id": f"start-{number}",
        "source": "bench-start",
        "kind": "ad",
        "text": f"Nouvelle à Lyon, dispo du lundi au jeudi, appeler 06 12 34 56 {number % 100:02d}",
        "posted_at": "2024-03-13T01:00:00+01:00",
    }
    return orjson.dumps(record) + b"\n"


def measure(args: list[str], env: dict, python: str, runs: int, before=None) -> dict:
    """`runs` runs of `sentinelle ARGS`; `before(i)` prepares run i (not timed)."""
    cpu, wall = [], []
    for number in range(runs):
        if before:
            before(number)
        run = run_stage(args, env, python)
        cpu.append(run["cpu_seconds"])
        wall.append(run["seconds"])
    return {
        "cpu_mean": round(statistics.mean(cpu), 3),
        "cpu_median": round(statistics.median(cpu), 3),
        "wall_mean": round(statistics.mean(wall), 3),
        "wall_median": round(statistics.median(wall), 3),
        "runs": runs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--python", default=sys.executable, help="interpreter running the CLI")
    parser.add_argument("--src", default=str(ROOT / "src"), help="sentinelle sources it runs")
    parser.add_argument("--out", default=str(OUT / "cli_start.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "PYTHONPATH": args.src, "SENTINELLE_DB": f"{folder}/start.db"}
        one = Path(folder) / "one.jsonl"
        one.write_bytes(post(0))
        run_stage(["ingest", str(one)], env, args.python)  # a store at head with one post
        run_stage(["analyze", "--workers", "1"], env, args.python)

        def new_post(number: int) -> None:
            fresh = Path(folder) / f"new-{number}.jsonl"
            fresh.write_bytes(post(number + 1))
            run_stage(["ingest", str(fresh)], env, args.python)

        results = {
            "--help": measure(["--help"], env, args.python, args.runs),
            "ingest (1 post, store at head)": measure(
                ["ingest", str(one)], env, args.python, args.runs
            ),
            "analyze (up to date)": measure(["analyze"], env, args.python, args.runs),
            "analyze (1 new post)": measure(
                ["analyze", "--workers", "1"], env, args.python, args.runs, new_post
            ),
        }
    print("| command | CPU s mean | CPU s median | wall s mean | wall s median |")
    print("|---|---:|---:|---:|---:|")
    for name, r in results.items():
        print(
            f"| `{name}` | {r['cpu_mean']} | {r['cpu_median']} | {r['wall_mean']} "
            f"| {r['wall_median']} |"
        )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
