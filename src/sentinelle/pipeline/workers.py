"""Running a pure batch function over a stream of batches in worker processes.

Shared by the orchestrators (analyze, case import) so that every one bounds its memory the
same way: at most two batches per worker are in flight (`Pool.imap` would read every batch
ahead of the workers).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator


class WorkerPool:
    """`processes` forked workers, or the calling process itself when `processes` is 0."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self.pool = multiprocessing.get_context("fork").Pool(processes) if processes else None

    def map(self, function: Callable, batches: Iterable) -> Iterator:
        """`function(batch)` for each batch, in order."""
        if self.pool is None:
            yield from map(function, batches)
            return
        in_flight: deque = deque()
        for batch in batches:
            in_flight.append(self.pool.apply_async(function, (batch,)))
            if len(in_flight) >= 2 * self.processes:
                yield in_flight.popleft().get()
        while in_flight:
            yield in_flight.popleft().get()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool.join()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_) -> None:
        self.close()
