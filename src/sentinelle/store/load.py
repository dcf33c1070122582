"""Bring the Parquet results of `sentinelle spark analyze` into a store (`sentinelle load`).

Posts keep the numbers Spark gave them (the order an embedded ingest would give), so the
workspace, exports and later incremental runs see the same store as after `ingest` +
`analyze`. Rows stream in Arrow batches; PostgreSQL takes them through COPY.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

import orjson
from sqlalchemy import func, select

from sentinelle.errors import StoreError
from sentinelle.outreach.refresh import refresh as refresh_outreach
from sentinelle.store.bulk import insert_tuples
from sentinelle.store.db import Store, bulk_pass
from sentinelle.store.network_summaries import refresh_summaries
from sentinelle.store.networks import save_links
from sentinelle.store.post_indicators import write_indicator_rows
from sentinelle.store.posts import count_posts, refresh_statistics
from sentinelle.store.quarantine import QuarantineEntry, add_entries
from sentinelle.store.schema import post_analysis, post_identifiers, posts
from sentinelle.store.weekly_counts import refresh_weekly

_BATCH = 20_000
_POST_FACTS = itemgetter("posted_ts", "source", "kind")  # copied into the analysis row
_PARTS = ("posts", "quarantine", "edges", "state")
POST_COLUMNS = (
    "pk",
    "source",
    "post_id",
    "kind",
    "text",
    "title",
    "url",
    "city",
    "author",
    "posted_at",
    "posted_ts",
    "image_phashes",
    "extra",
    "content_hash",
)
EXTRACTION_COLUMNS = (
    "phones",
    "handles",
    "stated_ages",
    "prices",
    "mentions",
    "a_city",
    "department",
    "obfuscated_phones",
)
ANALYSIS_COLUMNS = (
    *EXTRACTION_COLUMNS,
    "score_minor",
    "score_control",
    "score_recruitment",
    "flags",
    "indicators",
    "network_id",
)


@dataclass(slots=True)
class LoadSummary:
    posts: int = 0
    quarantined: int = 0
    edges: int = 0
    networks: int = 0
    seconds: float = 0.0


def parquet_batches(path: str, columns: list[str] | None = None) -> Iterator:
    """Arrow record batches of a Parquet dataset directory, in file order."""
    import pyarrow.dataset as ds

    dataset = ds.dataset(path, format="parquet")
    yield from dataset.to_batches(columns=columns, batch_size=_BATCH)


def load_results(
    store: Store, directory: str, progress: Callable[[int], None] | None = None
) -> LoadSummary:
    """Load `directory` (posts, quarantine, edges, state) into an empty store."""
    started = time.perf_counter()
    missing = [part for part in _PARTS if not Path(directory, part).is_dir()]
    if missing:
        raise StoreError(
            f"{directory}: no {', '.join(missing)} in it; is it the output of "
            "`sentinelle spark analyze`?"
        )
    present = count_posts(store)
    if present:
        raise StoreError(
            f"the store already holds {present:,} posts: load Spark results into a new store "
            "(set SENTINELLE_DB to a new file or database)"
        )
    summary = LoadSummary()
    now = time.time()
    with store.engine.begin() as connection, bulk_pass(connection):
        for batch in parquet_batches(f"{directory}/posts", [*POST_COLUMNS, *ANALYSIS_COLUMNS]):
            rows = batch.to_pylist()
            _insert_batch(connection, rows, now)
            summary.posts += len(rows)
            if progress:
                progress(summary.posts)
        # the indicator filter's rows, as `analyze` writes them (the store was empty)
        write_indicator_rows(connection, None, replace=False)
        if connection.dialect.name == "sqlite":  # one pass over the loaded posts
            connection.exec_driver_sql("INSERT INTO posts_fts(posts_fts) VALUES ('rebuild')")
        if connection.dialect.name == "postgresql":
            connection.execute(
                select(
                    func.setval(
                        func.pg_get_serial_sequence("posts", "pk"),
                        func.coalesce(func.max(posts.c.pk), 1),
                    )
                )
            )
    for batch in parquet_batches(f"{directory}/quarantine"):
        entries = [
            QuarantineEntry(r["file"], r["line"], r["field"], r["reason"], r["raw"])
            for r in batch.to_pylist()
        ]
        summary.quarantined += add_entries(store, entries)
    state = _state(directory)
    summary.networks = state["next_number"] - 1
    counted = _Counted(_edge_rows(directory))
    save_links(store, [], {}, counted, state)
    summary.edges = counted.count
    refresh_summaries(store)  # the network list's rows, as `analyze` writes them
    refresh_weekly(store)  # the overview's weekly counts, likewise
    from sentinelle.web.network_view import write_network_views  # the web builds the view

    write_network_views(store)  # large networks' pages, likewise
    refresh_statistics(store)
    refresh_outreach(store)  # persons at risk: the outreach pages read them, as after `analyze`
    summary.seconds = time.perf_counter() - started
    return summary


def _insert_batch(connection, rows: list[dict], now: float) -> None:
    insert_tuples(
        connection,
        posts,
        (*POST_COLUMNS, "version", "ingested_at", "pending"),
        [(*(row[c] for c in POST_COLUMNS), 1, now, False) for row in rows],
    )
    analysis = (
        "post_pk",
        *(c if c != "a_city" else "city" for c in ANALYSIS_COLUMNS),
        "analyzed_at",
        "posted_ts",
        "source",  # with the date: the posts list's walks
        "kind",
    )
    insert_tuples(
        connection,
        post_analysis,
        analysis,
        [(row["pk"], *(row[c] for c in ANALYSIS_COLUMNS), now, *_POST_FACTS(row)) for row in rows],
    )
    insert_tuples(
        connection, post_identifiers, ("post_pk", "kind", "value"), _identifier_rows(rows)
    )


def _identifier_rows(rows: list[dict]) -> Iterator[tuple]:
    """One row per phone and handle, as `analyze` indexes them."""
    for row in rows:
        for phone in orjson.loads(row["phones"]):
            yield row["pk"], "phone", phone["e164"]
        for handle in orjson.loads(row["handles"]):
            yield row["pk"], "handle", handle


class _Counted:
    """An iterator that counts what went through it (edges stream into the store)."""

    def __init__(self, rows: Iterator[tuple]) -> None:
        self.rows, self.count = rows, 0

    def __iter__(self) -> Iterator[tuple]:
        for row in self.rows:
            self.count += 1
            yield row


def _edge_rows(directory: str) -> Iterator[tuple]:
    columns = ["left_pk", "right_pk", "kind", "weight", "value", "hub", "network_id"]
    for batch in parquet_batches(f"{directory}/edges", columns):
        yield from zip(*(batch.column(c).to_pylist() for c in columns), strict=True)


def _state(directory: str) -> dict:
    rows = [r for b in parquet_batches(f"{directory}/state") for r in b.to_pylist()]
    state = orjson.loads(rows[0]["state"])
    kept = {
        "next_number": state["next_number"],
        "hubs": state["hubs"],
        "linked_at": state["linked_at"],
    }
    # written since the match weights (older outputs lack them: the prior model is used)
    kept |= {key: state[key] for key in ("match_model", "templates") if key in state}
    return kept


def analysis_by_post(store: Store) -> Iterator[dict]:
    """Every analysed post with its extraction, scores and network (for parity checks)."""
    query = select(
        posts.c.source,
        posts.c.post_id,
        *(post_analysis.c[c if c != "a_city" else "city"].label(c) for c in ANALYSIS_COLUMNS),
    ).join(post_analysis, post_analysis.c.post_pk == posts.c.pk)
    with store.engine.connect() as connection:
        for row in connection.execute(query).mappings():
            yield dict(row)
