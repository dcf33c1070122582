"""Finding the identifier behind an export pseudonym (`pid:…`, `snapchat:pid:…`) through the
store's pseudonym index, which this server keeps tagged with its own key: a background pass
at start tags what analysis wrote since, and each lookup first tags what is still new."""

from __future__ import annotations

import logging
import threading

from sentinelle.privacy.pseudonym_tags import (
    key_fingerprint,
    split_pseudonym,
    tag_of_pseudonym,
    tag_of_value,
)
from sentinelle.store.pseudonym_index import tag_untagged, values_tagged

log = logging.getLogger("sentinelle.web")


class PseudonymIndex:
    def __init__(self, store, key: bytes) -> None:
        self.store, self.key = store, key
        self._lock = threading.Lock()  # one tagging pass at a time in this process
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def refresh(self) -> int:
        """Tag the identifiers not yet tagged; how many values were."""
        with self._lock:
            return tag_untagged(
                self.store,
                key_fingerprint(self.key),
                lambda value: tag_of_value(self.key, value),
                self._stop.is_set,
            )

    def find(self, query: str) -> tuple[str, str] | None:
        """(kind, value) behind the pseudonym `query`, or None (not a pseudonym of this
        server's key, or no stored identifier has it)."""
        parts = split_pseudonym(query)
        if parts is None:
            return None
        platform, pid = parts
        self.refresh()
        for kind, value in values_tagged(self.store, tag_of_pseudonym(self.key, pid)):
            if not platform or (kind == "handle" and value.startswith(platform + ":")):
                return kind, value
        return None

    def start(self) -> None:
        """Tag in the background, so the first search after a large analysis is quick."""

        def run() -> None:
            try:
                self.refresh()
            except Exception:  # the next lookup tags again; a failure here must not kill it
                log.exception("tagging the pseudonym index failed")

        self._thread = threading.Thread(target=run, name="pseudonym-index", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)


def is_pseudonym(query: str) -> bool:
    return split_pseudonym(query) is not None
