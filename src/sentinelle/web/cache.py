"""A small in-process cache with a time to live: list pages and overview aggregates repeat
across analysts, and a few seconds of staleness is fine for them (never for a single post).

Under load many requests ask for the same page at once: a missing entry is computed by one of
them while the others wait for it, and an expired entry is recomputed by one request while the
others still get the previous value (for at most one more time to live), so a burst of expiries
costs one query per page instead of one per client.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class TTLCache:
    def __init__(
        self,
        seconds: float,
        max_entries: int = 1024,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.seconds = seconds
        self.max_entries = max_entries
        self._clock = clock
        self._entries: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()
        self._computing: dict[Hashable, threading.Event] = {}
        self._lock = threading.Lock()

    def get_or_compute(
        self, key: Hashable, compute: Callable[[], T], seconds: float | None = None
    ) -> T:
        ttl = self.seconds if seconds is None else seconds
        if ttl <= 0:
            return compute()
        while True:
            now = self._clock()
            with self._lock:
                hit = self._entries.get(key)
                age = now - hit[0] if hit else None
                if hit and age < ttl:
                    self._entries.move_to_end(key)
                    return hit[1]  # type: ignore[return-value]
                running = self._computing.get(key)
                if running is None:
                    self._computing[key] = threading.Event()
                    break
                if hit and age < 2 * ttl:
                    return hit[1]  # type: ignore[return-value]  # being refreshed
            running.wait()  # then read what it stored (or compute, if it failed)
        try:
            value = compute()
            self._store(key, value, now)
            return value
        finally:
            with self._lock:
                self._computing.pop(key).set()

    def _store(self, key: Hashable, value: object, at: float) -> None:
        with self._lock:
            self._entries[key] = (at, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
