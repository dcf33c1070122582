"""`sentinelle analyze`: extraction (then linking and scoring) over every post not yet analysed.

Incremental by construction: ingest marks new and changed posts `pending`; analysing clears the
flag, so a second run finds nothing to do. Extraction runs in worker processes over batches;
the main process only reads and writes the store.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import orjson

from sentinelle.extract import extract_posts
from sentinelle.outreach.refresh import refresh as refresh_outreach
from sentinelle.pipeline.link import link_networks
from sentinelle.pipeline.pending import up_to_date
from sentinelle.pipeline.score import score_batch
from sentinelle.pipeline.workers import WorkerPool, batch_collector
from sentinelle.records import Extraction, Post
from sentinelle.score.model import default_model
from sentinelle.store import Store
from sentinelle.store.db import exclusive
from sentinelle.store.network_summaries import pending_network_ids, refresh_summaries
from sentinelle.store.posts import (
    count_posts,
    iter_pending_rows,
    posts_from_rows,
    refresh_statistics,
    save_analyses,
)
from sentinelle.store.scoring import (
    NETWORK_ID_POSITION,
    clear_scores,
    iter_scoring_rows,
    save_scores,
)
from sentinelle.store.weekly_counts import earliest_changed, refresh_weekly

BATCH_SIZE = 5000


@dataclass(slots=True)
class AnalyzeSummary:
    analyzed: int = 0
    seconds: float = 0.0
    networks: int = 0
    extract_seconds: float = 0.0
    link_seconds: float = 0.0
    scored: int = 0
    score_seconds: float = 0.0

    def as_dict(self) -> dict:
        return {
            "analyzed": self.analyzed,
            "seconds": round(self.seconds, 2),
            "networks": self.networks,
            "extract_seconds": round(self.extract_seconds, 2),
            "link_seconds": round(self.link_seconds, 2),
            "scored": self.scored,
            "score_seconds": round(self.score_seconds, 2),
        }


def _json(value) -> str:
    return orjson.dumps(value).decode() if value else "[]"


def analysis_rows(
    batch: list[tuple[int, Post]], extractions: list[Extraction], now: float
) -> tuple[list[dict], list[dict]]:
    """Store rows for a batch's extraction results: one analysis row per post, identifier rows."""
    rows: list[dict] = []
    identifiers: list[dict] = []
    for (pk, post), found in zip(batch, extractions, strict=True):
        place = found.place
        phones = [
            {"e164": h.e164, "raw": h.raw, "tricks": list(h.tricks), "in_plan": h.in_plan}
            for h in found.phones
        ]
        mentions = {
            "emoji": found.emoji,
            "urls": found.urls,
            "platforms": found.platforms,
            "places": found.places_mentioned,
        }
        rows.append(
            {
                "post_pk": pk,
                "phones": _json(phones),
                "handles": _json(found.handles),
                "stated_ages": _json(
                    [{"age": a.age, "evidence": a.evidence} for a in found.stated_ages]
                ),
                "prices": _json(found.prices),
                "mentions": orjson.dumps(mentions).decode(),
                "city": place.city if place else post.city,
                "department": place.department if place else None,
                "obfuscated_phones": sum(1 for h in found.phones if h.tricks),
                "score_minor": None,
                "score_control": None,
                "score_recruitment": None,
                "flags": 0,
                "indicators": "[]",
                "network_id": None,
                "analyzed_at": now,
            }
        )
        for hit in found.phones:
            identifiers.append({"post_pk": pk, "kind": "phone", "value": hit.e164})
        for handle in found.handles:
            identifiers.append({"post_pk": pk, "kind": "handle", "value": handle})
    return rows, identifiers


def extract_batch(rows: list[tuple]) -> tuple[list[dict], list[dict]]:
    """The unit of work a worker runs: stored rows in, extraction results as store rows out."""
    batch = posts_from_rows(rows)
    extractions = extract_posts([post for _, post in batch])
    analysed, identifiers = analysis_rows(batch, extractions, time.time())
    for row, stored in zip(analysed, rows, strict=True):
        row["posted_ts"] = stored[12]  # read with the post: no second query when saving
        row["source"], row["kind"] = stored[1], stored[3]  # likewise (the posts list's walks)
    return analysed, identifiers


def _warm_extraction() -> None:
    """Build extraction's tables (gazetteer, place automaton, patterns) once, before the
    workers fork: each worker would otherwise build its own."""
    extract_posts(
        [Post("warm-up", "0", "ad", "Dispo Lyon 06 12 34 56 78", "2024-01-01T00:00:00+00:00")]
    )


def _worker_count(requested: int | None) -> int:
    if requested is not None:
        return max(1, requested)
    return max(1, min(4, os.cpu_count() or 1))


def _noting_networks(batches: Iterator[list[tuple]], touched: set[str]) -> Iterator[list[tuple]]:
    """The scoring batches, unchanged, adding their networks to `touched` on the way."""
    for batch in batches:
        touched.update(row[NETWORK_ID_POSITION] for row in batch if row[NETWORK_ID_POSITION])
        yield batch


def analyze(
    store: Store,
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    relink: bool = False,
) -> AnalyzeSummary:
    """Extract, link and score every pending post; `progress(done, total)` after each batch.

    `relink` links every post again from scratch (hubs re-detected over everything), then
    rescores every post: for when the corpus has grown a lot since the last full run.
    Only one analyze runs on a store at a time (a second one fails with a StoreError).
    """
    with exclusive(store, "analyze"):
        return _analyze(store, workers, progress, relink)


def _analyze(store: Store, workers, progress, relink: bool) -> AnalyzeSummary:
    started = time.perf_counter()
    began = time.time()  # posts analysed from here on carry a later `analyzed_at`
    summary = AnalyzeSummary()
    total = count_posts(store, pending_only=True)
    if not relink and up_to_date(store, total):
        _write_views(store, ())  # none, unless a purge or a migration left some out
        return summary  # a second run does no other work
    default_model()  # loaded before the workers fork, so they share it
    count = _worker_count(workers)
    if total and count > 1:
        _warm_extraction()
    touched = pending_network_ids(store)  # a changed post may leave its network
    if count > 1:
        import sentinelle.web.network_view  # noqa: F401  (once, before the workers fork)
    with batch_collector(), WorkerPool(count if count > 1 else 0) as pool:
        relinked = _run_stages(store, summary, pool, touched, (progress, total), relink, started)
        # every network whose posts were scored again (scoring reads whole networks); all of
        # them in one statement when every post was analysed (a first run) or linked again
        everything = relinked or summary.analyzed == count_posts(store)
        mapper = pool.map if pool.processes else map
        _refresh_derived(store, None if everything else touched, began, mapper)
    summary.seconds = time.perf_counter() - started
    return summary


def _run_stages(
    store: Store, summary: AnalyzeSummary, pool: WorkerPool, touched: set[str], progress: tuple,
    relink: bool, started: float,
) -> bool:  # fmt: skip
    """Extraction, linking and scoring, the batches in `pool`'s workers; `progress` is (the
    callback or None, the number of pending posts). Whether every post was linked again."""
    report, total = progress
    # Keyset pagination over pending posts: clearing the flag behind the cursor is safe.
    batches = iter_pending_rows(store, BATCH_SIZE)
    for rows, identifiers in pool.map(extract_batch, batches):
        save_analyses(store, rows, identifiers)
        summary.analyzed += len(rows)
        if report:
            report(summary.analyzed, total)
    summary.extract_seconds = time.perf_counter() - started
    # incremental: only posts analysed since the last run, unless asked to relink all
    linked = link_networks(store, full=relink, mapper=pool.map)
    # linked again from scratch (asked, or the link settings changed): every post is scored
    # again, its network may have changed (a first run has no scores to clear)
    relinked = relink or not linked.incremental
    if relinked and (relink or summary.analyzed < count_posts(store)):
        clear_scores(store)
    summary.networks = linked.networks
    summary.link_seconds = linked.seconds
    scoring_started = time.perf_counter()
    batches = _noting_networks(iter_scoring_rows(store, BATCH_SIZE), touched)
    for scores in pool.map(score_batch, batches):
        save_scores(store, scores)
        summary.scored += len(scores)
    summary.score_seconds = time.perf_counter() - scoring_started
    return relinked


def _refresh_derived(
    store: Store, touched: set[str] | None, began: float, mapper: Callable = map
) -> None:
    """What the workspace reads beside the posts, for the networks `touched` (all when None);
    `mapper` builds the stored network pages."""
    refresh_summaries(store, touched)
    # the overview's weekly counts, from the earliest week holding a post analysed or scored
    refresh_weekly(store, None if touched is None else earliest_changed(store, began, touched))
    refresh_statistics(store)  # the workspace's list queries are planned from these
    refresh_outreach(store)  # persons at risk, grouped once here rather than per request
    # last: large networks' pages, read as one row by the workspace (those touched, those
    # missing); a failure here leaves every table above current, and the next run writes them
    _write_views(store, touched, mapper)


def _write_views(store: Store, network_ids, mapper: Callable = map) -> int:
    """The stored network pages (rendered with the workspace's templates: imported here, so
    the pipeline does not load the web layer unless it writes pages)."""
    from sentinelle.web.network_view import write_network_views

    return write_network_views(store, network_ids, mapper=mapper)
