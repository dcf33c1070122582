"""`sentinelle spark analyze` on `local[2]`: throughput, memory, shuffle volumes, task costs.

    flock /work/bench.lock python bench/bench_spark.py --sizes 100000 [--workdir /tmp/bench]

Runs the pipeline in this process (so the driver's figures are ours), with Spark's executor
metrics on, then reads the Spark UI's REST API for stage and executor figures: task time and
shuffle bytes per stage, peak JVM heap and RSS, peak Python worker RSS. Prints a markdown table
and writes bench/out/spark.json; `--project` adds the 100M-posts / 20-node projection.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from bench_pipeline import generate  # one demo corpus maker for every benchmark

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"


def spark_figures(events: Path) -> dict:
    """Task time and shuffle bytes per stage, peak executor memory: from Spark's event log."""
    names: dict[int, str] = {}
    stages: dict[str, dict] = {}
    peaks: dict[str, int] = {}
    mb = 1 << 20
    with events.open() as lines:
        for line in lines:
            event = json.loads(line)
            kind = event["Event"]
            if kind == "SparkListenerStageSubmitted":
                info = event["Stage Info"]
                names[info["Stage ID"]] = info["Stage Name"].split(" at ")[0]
            elif kind == "SparkListenerTaskEnd" and event.get("Task Metrics"):
                metrics = event["Task Metrics"]
                name = names.get(event["Stage ID"], "?")
                entry = stages.setdefault(
                    name,
                    {
                        "tasks": 0,
                        "task_seconds": 0.0,
                        "shuffle_write_mb": 0.0,
                        "shuffle_read_mb": 0.0,
                    },
                )
                read = metrics.get("Shuffle Read Metrics", {})
                entry["tasks"] += 1
                entry["task_seconds"] += metrics["Executor Run Time"] / 1000
                entry["shuffle_write_mb"] += (
                    metrics.get("Shuffle Write Metrics", {}).get("Shuffle Bytes Written", 0) / mb
                )
                entry["shuffle_read_mb"] += (
                    read.get("Remote Bytes Read", 0) + read.get("Local Bytes Read", 0)
                ) / mb
            elif kind in ("SparkListenerStageExecutorMetrics", "SparkListenerTaskEnd"):
                for name, value in (event.get("Executor Metrics") or {}).items():
                    peaks[name] = max(peaks.get(name, 0), value)
    return {
        "shuffle_write_mb": round(sum(s["shuffle_write_mb"] for s in stages.values()), 1),
        "shuffle_read_mb": round(sum(s["shuffle_read_mb"] for s in stages.values()), 1),
        "task_seconds": round(sum(s["task_seconds"] for s in stages.values()), 1),
        "jvm_heap_peak_mb": round(peaks.get("JVMHeapMemory", 0) / mb),
        "jvm_rss_peak_mb": round(peaks.get("ProcessTreeJVMRSSMemory", 0) / mb),
        "python_workers_rss_peak_mb": round(peaks.get("ProcessTreePythonRSSMemory", 0) / mb),
        "stages": {k: {m: round(v, 1) for m, v in e.items()} for k, e in stages.items()},
    }


def run(size: int, seed: int, workdir: Path, partitions: int) -> dict:
    from sentinelle.spark.analyze import spark_analyze

    corpus = generate(size, seed, workdir)
    from sentinelle.spark.session import spark_session

    # executor metrics (JVM and Python process trees) must be on before the session starts
    settings = {
        "spark.executor.processTreeMetrics.enabled": "true",
        "spark.executor.metrics.pollingInterval": "500ms",
        "spark.driver.memory": "3g",
        "spark.eventLog.enabled": "true",
        "spark.eventLog.dir": f"file://{workdir / 'events'}",
        "spark.eventLog.logStageExecutorMetrics": "true",
        "spark.eventLog.rolling.enabled": "false",
        "spark.eventLog.compress": "false",
    }
    (workdir / "events").mkdir(exist_ok=True)
    session = spark_session("local[2]", partitions, str(workdir / "checkpoints"), settings)
    started = time.perf_counter()
    summary = spark_analyze(
        [str(corpus)],
        str(workdir / f"out-{size}"),
        master="local[2]",
        shuffle_partitions=partitions,
        progress=print,
    )
    seconds = time.perf_counter() - started
    application = session.sparkContext.applicationId
    print(json.dumps({"seconds": seconds, "stages": summary.seconds, "link": summary.link_seconds}))
    session.stop()
    logs = sorted((workdir / "events").glob(f"*{application}*"))
    logs = [p for p in logs if p.is_file()] or sorted(logs[0].glob("events_*"))
    figures = spark_figures(logs[0])
    return {
        "posts": summary.posts,
        "seconds": round(seconds, 1),
        "posts_per_second": round(summary.posts / seconds),
        "stage_seconds": summary.seconds,
        "link_seconds": summary.link_seconds,
        "link": summary.link,
        "driver_python_rss_peak_mb": round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        ),
        **figures,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/sentinelle-bench-spark"))
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        result = run(size, args.seed, args.workdir, args.partitions)
        results.append(result)
        print(json.dumps(result, indent=1))
    (OUT / "spark.json").write_text(json.dumps(results, indent=1))
    print(
        "| posts | seconds | posts/s | task s | shuffle write MB | JVM heap MB | "
        "Python workers RSS MB | driver Python RSS MB |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['posts']:,} | {r['seconds']} | {r['posts_per_second']:,} | "
            f"{r['task_seconds']} | {r['shuffle_write_mb']} | {r['jvm_heap_peak_mb']} | "
            f"{r['python_workers_rss_peak_mb']} | {r['driver_python_rss_peak_mb']} |"
        )


if __name__ == "__main__":
    main()
