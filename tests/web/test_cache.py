"""The page cache: one computation per missing page, the old page while one request refreshes
it. Threads meet on events, never on timing."""

from __future__ import annotations

import threading

import pytest

from sentinelle.web.cache import TTLCache


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _in_thread(target) -> tuple[threading.Thread, list]:
    result: list = []
    thread = threading.Thread(target=lambda: result.append(target()))
    thread.start()
    return thread, result


def _never() -> str:
    raise AssertionError("computed although a value was at hand")


def test_a_missing_entry_is_computed_once_while_other_requests_wait():
    cache, started, release, calls = TTLCache(60), threading.Event(), threading.Event(), []

    def slow() -> str:
        calls.append(1)
        started.set()
        assert release.wait(10)
        return "page"

    first, first_result = _in_thread(lambda: cache.get_or_compute("k", slow))
    assert started.wait(10)
    second, second_result = _in_thread(lambda: cache.get_or_compute("k", slow))
    release.set()
    first.join(10)
    second.join(10)
    assert first_result == second_result == ["page"]
    assert len(calls) == 1


def test_an_expired_entry_is_served_while_one_request_refreshes_it():
    clock = Clock()
    cache, started, release = TTLCache(10, clock=clock), threading.Event(), threading.Event()
    assert cache.get_or_compute("k", lambda: "old") == "old"
    clock.now = 15  # expired, within a second time to live

    def refresh() -> str:
        started.set()
        assert release.wait(10)
        return "new"

    refresher, refreshed = _in_thread(lambda: cache.get_or_compute("k", refresh))
    assert started.wait(10)
    assert cache.get_or_compute("k", _never) == "old"
    release.set()
    refresher.join(10)
    assert refreshed == ["new"]
    assert cache.get_or_compute("k", _never) == "new"


def test_entries_expire_and_a_failed_computation_leaves_nothing_behind():
    clock = Clock()
    cache = TTLCache(10, clock=clock)
    assert cache.get_or_compute("k", lambda: 1) == 1
    clock.now = 9
    assert cache.get_or_compute("k", _never) == 1
    clock.now = 40  # long expired: computed again, not served stale
    assert cache.get_or_compute("k", lambda: 2) == 2
    clock.now = 80

    def broken() -> int:
        raise ValueError("database gone")

    with pytest.raises(ValueError):
        cache.get_or_compute("k", broken)
    assert cache.get_or_compute("k", lambda: 3) == 3
    assert TTLCache(0).get_or_compute("k", lambda: 4) == 4  # 0 turns the cache off
