"""A network as the workspace and API show it: linking's profile (the networks export
object), the identifier evidence of its posts, and the network page's view (stored for large
networks by `write_network_views`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import cache
from pathlib import Path

import orjson
from jinja2 import Environment, FileSystemLoader

from sentinelle.link.profile import network_profile
from sentinelle.privacy import mask_handle, mask_identifier
from sentinelle.store.browse import network_aliases_of, network_posts
from sentinelle.store.network_views import (
    STORED_MIN_POSTS,
    read_view,
    save_views,
    views_to_write,
)
from sentinelle.store.networks import network_post
from sentinelle.store.networks import network_posts as linked_network_posts
from sentinelle.store.search import network_link_evidence
from sentinelle.web.charts import chart_json, france_map, network_graph
from sentinelle.web.dates import when
from sentinelle.web.network_story import link_reasons, story
from sentinelle.web.rows import masked_label, post_href, score_cells


def identifier_links(posts: list[dict]) -> list[dict]:
    """One row per (post, identifier) with the evidence: how the post wrote it."""
    links = []
    for post in posts:
        for phone in orjson.loads(post.get("phones") or "[]"):
            links.append(
                {
                    "post_pk": post["pk"],
                    "kind": "phone",
                    "value": phone["e164"],
                    "evidence": phone.get("raw", ""),
                }
            )
        for handle in orjson.loads(post.get("handles") or "[]"):
            links.append(
                {"post_pk": post["pk"], "kind": "handle", "value": handle, "evidence": handle}
            )
    return links


class _Fields(dict):
    """A row read by attribute, as linking reads its own query's rows."""

    __getattr__ = dict.__getitem__


def network_object(store, network_id: str, rows: list[dict] | None = None) -> dict | None:
    """The network as the networks export writes it (linking's own profile), or None.
    `rows`: the network's posts as `browse.network_posts` read them, when the caller has them
    (the network page), instead of reading them again."""
    if rows is None:
        members = linked_network_posts(store, network_id).get(network_id)
    else:
        members = [network_post(_Fields(row)) for row in rows]
    if not members:
        return None
    return network_profile(network_id, members, network_aliases_of(store, network_id))


# The page's view: everything the network page shows that is the same for every viewer and
# changes only when analysis changes the network. Built per request for small networks, and
# written after `analyze` for large ones (`network_views`), whose cold build costs 35-135 ms.


# The profile's fields the network page shows (the template and the scores beside it).
_SHOWN = (
    "network_id", "first_seen", "last_seen", "people_estimate", "aliases",
    "recruitment_posts", "personas", "sources", "scores",
)  # fmt: skip


@cache
def _posts_table():
    """The posts table's template, outside any app (`analyze` writes views with it)."""
    package = Path(__file__).resolve().parent
    env = Environment(loader=FileSystemLoader(str(package / "templates")), autoescape=True)
    return env.get_template("network_posts.html")


def build_page_view(store, network_id: str) -> dict | None:
    """What the network page shows, ready to render and JSON-able (stored as is), or None when
    no post is linked to the network."""
    posts = network_posts(store, network_id)
    if not posts:
        return None
    network = network_object(store, network_id, posts)
    for post in posts:
        del post["text"]  # read for the profile; the view keeps the snippet only
    links = identifier_links(posts)
    reasons = link_reasons(network_link_evidence(store, network_id))
    return {
        # what the page reads of the profile: not its phones, handles or post ids in clear
        "network": {key: network[key] for key in _SHOWN if key in network},
        "summary": story(network, reasons),
        "reasons": reasons,
        "post_count": len(posts),
        "posts_table": _posts_table().render(rows=[_post_row(post) for post in posts]),
        "identifiers": _identifier_table(links),
        "accounts": sorted({mask_handle(p["author"]) for p in posts if p.get("author")}),
        "stays": _stays(network["itinerary"]),
        "charts": {
            "graph": chart_json(network_graph(posts, links)),
            "map": chart_json(france_map(network["itinerary"])),
        },
    }


def page_view(store, network_id: str) -> dict | None:
    """The network page's view: the stored one when `analyze` wrote it, else built now."""
    stored = read_view(store, network_id)
    if stored is not None:
        return orjson.loads(stored)
    return build_page_view(store, network_id)


def write_network_views(
    store,
    network_ids: Iterable[str] | None = None,
    min_posts: int = STORED_MIN_POSTS,
    mapper: Callable = map,
) -> int:
    """Store the views of the large networks among `network_ids` (all when None) and of the
    large networks left without one; the number written. `mapper` builds them (a worker pool's
    `map` to use several processes, each reading the store through a connection of its own)."""
    wanted = views_to_write(store, network_ids, min_posts)
    chunks = [wanted[i : i + _VIEWS_PER_TASK] for i in range(0, len(wanted), _VIEWS_PER_TASK)]
    if mapper is map:
        built = (_built_views(store, ids) for ids in chunks)
    else:
        url = store.engine.url.render_as_string(hide_password=False)
        built = mapper(built_views, [(url, ids) for ids in chunks])
    written = 0
    batch: list[tuple[str, bytes]] = []
    for views in built:
        batch += views
        if len(batch) >= 200:
            save_views(store, batch)
            written += len(batch)
            batch = []
    save_views(store, batch)
    return written + len(batch)


_VIEWS_PER_TASK = 25  # networks whose views one task builds


def _built_views(store, network_ids: list[str]) -> list[tuple[str, bytes]]:
    """(network id, stored view) of those networks that have posts."""
    views = []
    for network_id in network_ids:
        view = build_page_view(store, network_id)
        if view is not None:
            views.append((network_id, orjson.dumps(view)))
    return views


def built_views(task: tuple[str, list[str]]) -> list[tuple[str, bytes]]:
    """A worker's unit of `write_network_views`: (store URL, network ids) in, their views out,
    read through this process's own connection (a forked worker must not use its parent's)."""
    url, network_ids = task
    return _built_views(_process_store(url), network_ids)


_STORES: dict[str, object] = {}  # per process: the store each URL was opened as


def _process_store(url: str):
    if url not in _STORES:
        from sentinelle.store.db import open_store

        _STORES[url] = open_store(url, migrate_schema=False)
    return _STORES[url]


def counted_identifiers(links: list[dict]) -> list[tuple[tuple[str, str], int]]:
    """((kind, value), posts) of a network's identifiers in the order the page numbers them:
    the Reveal button sends that number back."""
    return sorted(Counter((link["kind"], link["value"]) for link in links).items())


def _identifier_table(links: list[dict]) -> list[dict]:
    return [
        {"index": i, "kind": kind, "masked": mask_identifier(kind, value), "posts": n}
        for i, ((kind, value), n) in enumerate(counted_identifiers(links))
    ]


def _post_row(post: dict) -> dict:
    """A row of the posts table, formatted in Python (several times cheaper than macros)."""
    return {
        "posted": when(post["posted_at"]),
        "source": post["source"],
        "place": post.get("place") or "",
        "href": post_href(post["source"], post["post_id"]),
        "label": masked_label(post, 80),
        "scores": score_cells(post),
    }


def _stays(itinerary: list[dict]) -> list[dict]:
    """The itinerary as rows of a readable timeline: each stay's share of the whole period."""
    if not itinerary:
        return []
    start = datetime.fromisoformat(itinerary[0]["arrived"]).timestamp()
    end = datetime.fromisoformat(itinerary[-1]["left"]).timestamp()
    span = max(end - start, 1.0)
    rows = []
    for number, stay in enumerate(itinerary, start=1):
        arrived = datetime.fromisoformat(stay["arrived"]).timestamp()
        left = datetime.fromisoformat(stay["left"]).timestamp()
        rows.append(
            {
                **stay,
                "number": number,
                "offset": round(100 * (arrived - start) / span, 2),
                "width": max(round(100 * (left - arrived) / span, 2), 0.8),
            }
        )
    return rows
