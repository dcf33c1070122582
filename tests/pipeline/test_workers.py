from __future__ import annotations

from pathlib import Path

from sentinelle.pipeline.workers import WorkerPool


def _total(batch: list[int]) -> int:
    return sum(batch)


def test_results_come_in_batch_order_in_process_and_in_workers():
    batches = [[i, i] for i in range(20)]
    for processes in (0, 2):
        with WorkerPool(processes) as pool:
            assert list(pool.map(_total, batches)) == [2 * i for i in range(20)]


def test_batches_are_read_only_a_little_ahead_of_the_workers():
    read = []

    def batches():
        for i in range(100):
            read.append(i)
            yield [i]

    with WorkerPool(2) as pool:
        results = pool.map(_total, batches())
        assert next(results) == 0
        assert len(read) <= 2 * 2  # at most two batches per worker in flight
        assert sum(results) == sum(range(1, 100))


# Defect 10 of issue 15: after `kill -9` of analyze, its workers held the store lock ~10 s.

_HOLDER = """
import sys, time
from sentinelle.pipeline.workers import WorkerPool
from sentinelle.store import open_store
from sentinelle.store.db import exclusive

store = open_store(sys.argv[1])
with exclusive(store, "analyze"), WorkerPool(2) as pool:
    results = pool.map(time.sleep, [60, 60, 60, 60])
    print("holding", flush=True)
    next(results)
"""


def _children(pid: int) -> list[int]:
    import subprocess

    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(line) for line in found.stdout.split()]


def test_workers_die_with_their_parent_and_do_not_hold_the_store_lock(sqlite_url):
    import os
    import signal
    import subprocess
    import sys
    import time

    from conftest import SRC
    from sentinelle.errors import StoreError
    from sentinelle.store import open_store
    from sentinelle.store.db import exclusive

    open_store(sqlite_url).close()
    env = {**os.environ, "PYTHONPATH": SRC}
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, sqlite_url], env=env, stdout=subprocess.PIPE
    )
    assert holder.stdout.readline().strip() == b"holding"
    workers = _children(holder.pid)
    assert len(workers) >= 2
    store = open_store(sqlite_url)
    try:
        with exclusive(store, "analyze"):
            raise AssertionError("the lock should be held while analyze runs")
    except StoreError:
        pass
    holder.send_signal(signal.SIGKILL)
    holder.wait(10)
    taken = False
    for _ in range(100):  # the kernel delivers the workers' death signal at once; allow 5 s
        try:
            with exclusive(store, "analyze"):
                taken = True
            break
        except StoreError:
            time.sleep(0.05)
    assert taken, "orphaned workers still hold the lock"
    for pid in workers:
        for _ in range(100):
            if (
                not os.path.exists(f"/proc/{pid}")
                or Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
            ):
                break
            time.sleep(0.05)
        else:
            raise AssertionError(f"worker {pid} outlived its parent")
    store.close()
