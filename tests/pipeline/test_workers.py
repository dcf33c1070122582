from __future__ import annotations

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
