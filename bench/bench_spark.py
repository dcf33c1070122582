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
import os
import resource
import threading
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


class ProcessTree:
    """Samples this process and its descendants from /proc every half second: peak RSS of the
    driver's Python, the JVM (driver and executor in one process on `local[...]`) and the
    Python workers, and the CPU seconds (user + sys) each used."""

    TICK = os.sysconf("SC_CLK_TCK")
    PAGE = os.sysconf("SC_PAGE_SIZE")

    def __init__(self) -> None:
        self.peak = {"driver_python": 0, "jvm": 0, "python_workers": 0}
        self.cpu: dict[int, tuple[str, float]] = {}
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> ProcessTree:
        self.cpu_before = {"driver_python": sum(os.times()[:2])}
        self.thread.start()
        return self

    def __exit__(self, *_) -> None:
        self.stopped.set()
        self.thread.join()
        self._sample()

    def _loop(self) -> None:
        while not self.stopped.wait(0.5):
            self._sample()

    def _sample(self) -> None:
        stats = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    text = (entry / "stat").read_text()
                    cmd = (entry / "cmdline").read_bytes()
                except OSError:
                    continue
                fields = text[text.rindex(")") + 2 :].split()
                stats[int(entry.name)] = (int(fields[1]), fields, cmd)
        mine, frontier = {os.getpid()}, [os.getpid()]
        while frontier:
            parent = frontier.pop()
            for pid, (ppid, _, _) in stats.items():
                if ppid == parent and pid not in mine:
                    mine.add(pid)
                    frontier.append(pid)
        rss = dict.fromkeys(self.peak, 0)
        for pid in mine:
            _, fields, cmd = stats[pid]
            role = (
                "driver_python"
                if pid == os.getpid()
                else "jvm"
                if b"java" in cmd.split(b"\0")[0]
                else "python_workers"
            )
            rss[role] += int(fields[21]) * self.PAGE
            cpu = (int(fields[11]) + int(fields[12])) / self.TICK
            self.cpu[pid] = (role, max(cpu, self.cpu.get(pid, (role, 0.0))[1]))
        for role, value in rss.items():
            self.peak[role] = max(self.peak[role], value)

    def figures(self) -> dict:
        mb = 1 << 20
        cpu = dict.fromkeys(self.peak, 0.0)
        for role, seconds in self.cpu.values():
            cpu[role] += seconds
        cpu["driver_python"] -= self.cpu_before["driver_python"]
        return {
            **{f"sampled_{role}_rss_peak_mb": round(v / mb) for role, v in self.peak.items()},
            **{f"{role}_cpu_s": round(v, 1) for role, v in cpu.items()},
            "cpu_s": round(sum(cpu.values()), 1),
        }


def run(size: int, seed: int, workdir: Path, partitions: int, driver_memory: str = "3g") -> dict:
    from sentinelle.spark.analyze import spark_analyze

    corpus = generate(size, seed, workdir)
    from sentinelle.spark.session import spark_session

    # executor metrics (JVM and Python process trees) must be on before the session starts
    settings = {
        "spark.executor.processTreeMetrics.enabled": "true",
        "spark.executor.metrics.pollingInterval": "500ms",
        "spark.driver.memory": driver_memory,
        "spark.eventLog.enabled": "true",
        "spark.eventLog.dir": f"file://{workdir / 'events'}",
        "spark.eventLog.logStageExecutorMetrics": "true",
        "spark.eventLog.rolling.enabled": "false",
        "spark.eventLog.compress": "false",
    }
    (workdir / "events").mkdir(exist_ok=True)
    with ProcessTree() as tree:
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
        "driver_python_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        **tree.figures(),
        **figures,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument(
        "--driver-memory", default="3g", help="JVM heap on local[...] (driver and executor)"
    )
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/sentinelle-bench-spark"))
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        result = run(size, args.seed, args.workdir, args.partitions, args.driver_memory)
        results.append(result)
        print(json.dumps(result, indent=1))
    (OUT / "spark.json").write_text(json.dumps(results, indent=1))
    print(
        "| posts | wall s | CPU s | posts/s | task s | shuffle write MB | JVM heap MB | "
        "JVM RSS MB | Python workers RSS MB | driver Python RSS MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['posts']:,} | {r['seconds']} | {r['cpu_s']} | {r['posts_per_second']:,} | "
            f"{r['task_seconds']} | {r['shuffle_write_mb']} | {r['jvm_heap_peak_mb']} | "
            f"{r['sampled_jvm_rss_peak_mb']} | {r['sampled_python_workers_rss_peak_mb']} | "
            f"{r['sampled_driver_python_rss_peak_mb']} |"
        )


if __name__ == "__main__":
    main()
