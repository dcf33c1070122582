"""Case import plus the strategic note at scale, as a user runs them (the real CLI).

Generates N synthetic cases (the demo generator, repeated over seeds), then times
`sentinelle cases import FILE` and `sentinelle report note --from-store --format json|html`,
each in a subprocess, with the peak resident memory of each stage (wait4 rusage).

    python bench/bench_cases.py [--cases 100000] [--html]

Prints a table and writes bench/out/cases.json. The target: import plus JSON note under 30 s
for 100,000 cases.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT / "src"))

from sentinelle.cases.demo import generate_cases  # noqa: E402


def write_cases(path: Path, count: int) -> None:
    """`count` demo cases: whole demo datasets over seeds, case ids made unique by the seed."""
    written, seed = 0, 0
    with path.open("wb") as out:
        while written < count:
            for record in generate_cases(seed)[: count - written]:
                record["case_id"] = f"S{seed}-{record['case_id']}"
                out.write(orjson.dumps(record) + b"\n")
                written += 1
            seed += 1


def run_stage(args: list[str], env: dict) -> dict:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "sentinelle", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{process.stderr.read().decode()}")
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),  # honest on a busy machine
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--html", action="store_true", help="also time the HTML note")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-cases-") as folder:
        folder = Path(folder)
        case_file = folder / "cases.jsonl"
        write_cases(case_file, options.cases)
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "SENTINELLE_DB": str(folder / "b.db")}
        stages = {
            "import": run_stage(["cases", "import", str(case_file)], env),
            "note json": run_stage(
                ["report", "note", "--from-store", "-o", str(folder / "n.json")], env
            ),
        }
        if options.html:
            stages["note html"] = run_stage(
                [
                    "report",
                    "note",
                    "--from-store",
                    "--format",
                    "html",
                    "-o",
                    str(folder / "n.html"),
                ],
                env,
            )
    total = stages["import"]["seconds"] + stages["note json"]["seconds"]
    result = {
        "cases": options.cases,
        "stages": stages,
        "import_plus_json_note_seconds": round(total, 2),
        "cases_per_second": round(options.cases / total),
    }
    print("| stage | wall s | CPU s | cases/s (wall) | peak RSS MB |\n|---|---|---|---|---|")
    for name, stage in stages.items():
        rate = round(options.cases / stage["seconds"])
        print(
            f"| {name} | {stage['seconds']} | {stage['cpu_seconds']} | {rate:,}"
            f" | {stage['peak_rss_mb']} |"
        )
    print(f"import + JSON note: {total:.2f} s for {options.cases:,} cases (target < 30 s)")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "cases.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
