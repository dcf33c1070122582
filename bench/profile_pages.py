"""CPU per request of the workspace's pages, in process, one client: cold (first view of the
URL: what the cache holds per page emptied before it) and warm (the same URL again), on an
analysed store.

    python bench/profile_pages.py STORE_URL [--pages network,networks,search] [--count 30]
        [--profile network [--profile-when warm]] [--by-kind]

STORE_URL is a SQLite path or a PostgreSQL URL; the URLs are drawn as `bench_web.py` draws
them (from a SQLite file: `--urls-from FILE` when the store is PostgreSQL). `--profile PAGE`
prints cProfile's top functions over that page's cold (or warm) requests, sorted by
cumulative time (PROFILE_SORT=tottime to change). `--by-kind` adds a row per kind of URL
(the posts list's filter fields, e.g. `source&min_score&score_label`). Pages: network,
networks, search, posts, post, overview, review, note, api (the API post object). No lock
needed: the figure is CPU time of this process (the database server's, for PostgreSQL, is not
counted).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_web import store_urls  # noqa: E402

PAGES = {
    "network": "network page",
    "networks": "networks list (filters)",
    "search": "search by phone",
    "posts": "posts list (filters)",
    "post": "post page",
    "overview": "overview",
    "review": "review queue",
    "note": "note",
    "api": "api post",
}
PASSWORD = "profile password long enough"


def signed_in_client(store_url: str):
    """A TestClient on a fresh app over the store, signed in as an analyst."""
    from fastapi.testclient import TestClient

    from sentinelle.auth.accounts import create_account
    from sentinelle.errors import SentinelleError
    from sentinelle.store import open_store
    from sentinelle.web import WebSettings, create_app

    store = open_store(store_url)
    with contextlib.suppress(SentinelleError):  # made by an earlier run
        create_account(store, "profiler", "analyst", PASSWORD, time.time())
    store.close()
    app = create_app(WebSettings(secret_key="bench-" + "k" * 40, db=store_url))
    client = TestClient(app, base_url="https://testserver")
    client.__enter__()  # the lifespan: scoring warmed, pseudonym tagging started
    app.state.pseudonyms.close()  # no background tagging while timing (same key as bench_web)
    form = client.get("/login")
    token = form.text.split('name="csrf_token" value="')[1].split('"')[0]
    answer = client.post(
        "/login",
        data={"name": "profiler", "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text[:300]
    from sentinelle.auth.tokens import create_token

    store = open_store(store_url)
    client.headers["Authorization"] = "Bearer " + create_token(store, "profiler", time.time())
    store.close()
    return app, client


def timed(client, url: str) -> float:
    """CPU ms of this process for one request (the app runs in a thread of it)."""
    started = time.process_time()
    answer = client.get(url, follow_redirects=False)
    spent = 1000 * (time.process_time() - started)
    assert answer.status_code in (200, 303), (url, answer.status_code, answer.text[:200])
    return spent


def forget_pages(app) -> None:
    """Drop what the cache holds per URL (tuple keys: a page, a list page, a network); keep
    what every page shares (string keys: menus, counts, networks known to cases), which a
    running server holds for minutes."""
    entries = app.state.cache._entries
    for key in [k for k in entries if isinstance(k, tuple)]:
        del entries[key]


def profiling_endpoints(profiler: cProfile.Profile):
    """Run FastAPI's sync endpoints under `profiler` in their worker thread (cProfile sees
    only the thread that enables it)."""
    import fastapi.routing

    original = fastapi.routing.run_in_threadpool

    async def run(func, *args, **kwargs):
        def profiled(*a, **kw):
            profiler.enable()
            try:
                return func(*a, **kw)
            finally:
                profiler.disable()

        return await original(profiled, *args, **kwargs)

    fastapi.routing.run_in_threadpool = run
    return lambda: setattr(fastapi.routing, "run_in_threadpool", original)


def kind_of(url: str) -> str:
    """A URL's kind: its path, or its query's field names (`/posts?source&min_score`)."""
    path, _, query = url.partition("?")
    if not query or not path.startswith(("/posts", "/networks")):
        return path.rsplit("/", 1)[0] or path
    return path + "?" + "&".join(part.split("=", 1)[0] for part in query.split("&"))


def measure(app, client, urls: list[str], profile: str, kinds: dict | None = None) -> dict:
    cold, warm = [], []
    profiler = cProfile.Profile()
    for url in urls:
        forget_pages(app)
        restore = profiling_endpoints(profiler) if profile == "cold" else None
        cold.append(timed(client, url))
        if kinds is not None:
            kinds.setdefault(kind_of(url), []).append(cold[-1])
        if restore:
            restore()
        restore = profiling_endpoints(profiler) if profile == "warm" else None
        warm.append(timed(client, url))
        if restore:
            restore()
    if profile:
        order = os.environ.get("PROFILE_SORT", "cumulative")
        pstats.Stats(profiler).sort_stats(order).print_stats(60)
    return {
        "cold median": statistics.median(cold),
        "cold p90": sorted(cold)[int(0.9 * (len(cold) - 1))],
        "cold max": max(cold),
        "warm median": statistics.median(warm),
        "warm max": max(warm),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--urls-from", help="SQLite file to draw URLs from (default: the store)")
    parser.add_argument("--pages", default="network,networks,search")
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--profile", default="", help="a page to print cProfile's top for")
    parser.add_argument("--profile-when", default="cold", choices=("cold", "warm"))
    parser.add_argument("--by-kind", action="store_true", help="cold CPU per kind of URL")
    args = parser.parse_args()
    os.environ.setdefault("SENTINELLE_LIST_CACHE_SECONDS", "20")
    urls = store_urls(args.urls_from or args.store)
    app, client = signed_in_client(args.store)
    rng = random.Random(5)
    print(f"| page | cold median | cold p90 | cold max | warm median | warm max |  ({args.store})")
    print("|---|---:|---:|---:|---:|---:|")
    for page in args.pages.split(","):
        offered = urls[PAGES[page]]
        chosen = rng.sample(offered, min(args.count, len(offered)))
        chosen += [rng.choice(offered) for _ in range(args.count - len(chosen))]
        timed(client, chosen[0])  # first request of the page kind: imports, templates
        kinds: dict[str, list[float]] | None = {} if args.by_kind else None
        when = args.profile_when if page == args.profile else ""
        found = measure(app, client, chosen, when, kinds)
        cells = " | ".join(f"{v:.1f}" for v in found.values())
        print(f"| {page} | {cells} |", flush=True)
        for kind, spent in sorted((kinds or {}).items()):
            spent.sort()
            cells = f"{statistics.median(spent):.1f} | {spent[int(0.9 * (len(spent) - 1))]:.1f}"
            print(f"| {page} {kind} ({len(spent)}) | {cells} | {spent[-1]:.1f} | | |")


if __name__ == "__main__":
    main()
