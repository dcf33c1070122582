"""Stored network pages: the view `analyze` writes renders the page the request would build,
is read instead of the network's posts, and goes when what the page shows changes."""

from __future__ import annotations

import re
import time

from sqlalchemy import select

from sentinelle.store import open_store
from sentinelle.store.network_summaries import refresh_summaries
from sentinelle.store.network_views import read_view, views_missing
from sentinelle.store.retention import plan_or_purge
from sentinelle.store.schema import network_views, post_analysis
from sentinelle.web.network_view import build_page_view, write_network_views

NETWORKS = ("n-000000", "n-000001", "n-000002")


def _page(client, network_id: str) -> str:
    text = client.get(f"/networks/{network_id}").text
    return re.sub(r'(csrf[-_]token"? (?:value|content)=")[^"]*', r"\1", text)


def _stored(db: str) -> set[str]:
    store = open_store(db)
    with store.engine.connect() as connection:
        found = {row[0] for row in connection.execute(select(network_views.c.network_id))}
    store.close()
    return found


def test_a_stored_view_renders_the_page_the_request_builds(client_for, settings, sign_in):
    client = client_for("analyst")
    built = {network_id: _page(client, network_id) for network_id in NETWORKS}
    store = open_store(settings.db)
    assert write_network_views(store, min_posts=1) == 3
    assert not views_missing(store, min_posts=1)
    with store.engine.begin() as connection:  # the stored rows are read, not the posts
        connection.execute(post_analysis.update().values(score_minor=0.3456))
    store.close()
    # a fresh app (no page kept in memory) renders from the stored rows
    from fastapi.testclient import TestClient

    from sentinelle.web import create_app

    fresh = TestClient(create_app(settings), base_url="https://testserver")
    assert sign_in(fresh, "analyst").status_code == 303
    for network_id in NETWORKS:
        assert _page(fresh, network_id) == built[network_id]
    assert "06 12 34" not in _page(fresh, "n-000000")  # identifiers stay masked


def test_the_page_reads_the_stored_view_not_the_posts(settings):
    store = open_store(settings.db)
    write_network_views(store, min_posts=1)
    with store.engine.begin() as connection:  # the posts' rows change, the view does not
        connection.execute(post_analysis.update().values(score_minor=0.3456))
    assert b"0.9000" in read_view(store, "n-000000")
    assert "0.9000" not in build_page_view(store, "n-000000")["posts_table"]
    store.close()


def test_views_go_with_their_summaries_and_with_a_purge_of_identifiers(settings):
    store = open_store(settings.db)
    write_network_views(store, min_posts=1)
    refresh_summaries(store, ["n-000001"])  # analysis touched one network
    assert _stored(settings.db) == {"n-000000", "n-000002"}
    assert write_network_views(store, [], min_posts=1) == 1  # the missing one, again
    assert _stored(settings.db) == set(NETWORKS)
    refresh_summaries(store)  # a full run: every view goes
    assert _stored(settings.db) == set()
    write_network_views(store, min_posts=1)
    plan_or_purge(store, time.time(), identifiers_days=1, dry_run=False)
    assert _stored(settings.db) == set()  # views list identifiers: purged with them
    store.close()


def test_small_networks_are_not_stored(settings):
    store = open_store(settings.db)
    assert write_network_views(store) == 0  # 8 posts each, under STORED_MIN_POSTS
    assert not views_missing(store)
    store.close()


def test_a_stored_view_holds_no_identifier_in_clear(settings):
    """The row on disk, not only the page: no phone (any of its forms) nor handle of the
    network's posts is written in clear."""
    import orjson

    store = open_store(settings.db)
    write_network_views(store, min_posts=1)
    with store.engine.connect() as connection:
        rows = connection.execute(select(post_analysis.c.phones, post_analysis.c.handles))
        found = [(orjson.loads(phones), orjson.loads(handles)) for phones, handles in rows]
    values = {h for _, handles in found for h in handles}
    values |= {p["e164"] for phones, _ in found for p in phones}
    values |= {"0" + v[3:] for v in list(values) if v.startswith("+33")}
    assert values
    for network_id in NETWORKS:
        blob = read_view(store, network_id).decode()
        assert not [value for value in values if value in blob], network_id
    store.close()


def _stored_views(store) -> dict[str, bytes]:
    with store.engine.connect() as connection:
        rows = connection.execute(select(network_views.c.network_id, network_views.c.view))
        return {network_id: bytes(view) for network_id, view in rows}


def test_views_built_by_worker_processes_are_the_ones_built_here(settings):
    from sentinelle.pipeline.workers import WorkerPool

    store = open_store(settings.db)
    assert write_network_views(store, min_posts=1) == 3
    here = _stored_views(store)
    with WorkerPool(2) as pool:  # each worker reads the store through its own connection
        assert write_network_views(store, min_posts=1, mapper=pool.map) == 3
    assert _stored_views(store) == here
    store.close()
