"""The outreach queue at scale: rebuilding persons at analyze time, then the queue's latency
(the store query, and the whole `/outreach` page in process) on a store of synthetic posts.

    python bench/bench_outreach.py [--posts 1000000] [--engines sqlite,postgres] [--files 2000]

Posts are bulk-inserted (logistics text only): one contact per person, about five posts per
person, 8% of posts flagged. The store is kept in bench/out/ for later runs. Prints a markdown
table and writes bench/out/outreach.json. Run it under `flock /work/bench.lock`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

import orjson
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT / "src"))

from sentinelle.store import open_store  # noqa: E402

PG_URL = os.environ.get("SENTINELLE_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/")
CITIES = (("Lyon", "69"), ("Marseille", "13"), ("Lille", "59"), ("Nice", "06"),
          ("Toulouse", "31"), ("Bordeaux", "33"), ("Nantes", "44"), ("Rennes", "35"),
          ("Clermont-Ferrand", "63"), ("Strasbourg", "67"), ("Montpellier", "34"),
          ("Saint-Denis", "93"))  # fmt: skip
BATCH = 20_000
START_TS = 1_704_067_200.0  # 2024-01-01
PASSWORD = "bench password long enough"
POSTS_PER_PERSON = 5
FLAGGED_SHARE = 0.08


def _row(pk: int, rng: random.Random, persons: int) -> tuple[dict, dict, dict]:
    person = rng.randrange(persons)
    city, dept = CITIES[person % len(CITIES)]
    ts = START_TS + pk * 30 + rng.random()
    phone = f"+336{person:08d}"
    flagged = (person * 2654435761) % 1000 < FLAGGED_SHARE * 1000  # a person's posts agree
    minor = flagged and person % 3 == 0
    text_ = (
        f"Nouvelle sur {city}, dispo du lundi au jeudi. Contact 0{phone[3:4]} {phone[4:6]} "
        f"{phone[6:8]} {phone[8:10]} {phone[10:]}. {'Logement fourni. ' if flagged else ''}"
        f"{'16 ans. ' if minor else ''}Annonce {pk}."
    )
    post = {
        "pk": pk, "source": ("annonces-libres", "photogram")[pk % 2], "post_id": f"o{pk:07d}",
        "kind": "ad", "text": text_, "title": f"Annonce {city}", "url": None, "city": city,
        "author": None, "posted_at": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(ts)),
        "posted_ts": ts, "image_phashes": "[]", "extra": "{}", "content_hash": f"{pk:032x}",
        "version": 1, "ingested_at": ts, "pending": False,
    }  # fmt: skip
    indicators = [{"code": "control.housing_security", "evidence": "Logement fourni"}]
    analysis = {
        "post_pk": pk,
        "phones": orjson.dumps([{"e164": phone, "raw": phone, "tricks": []}]).decode(),
        "handles": "[]",
        "stated_ages": '[{"age": 16, "evidence": "16 ans"}]' if minor else "[]",
        "prices": "[]", "mentions": "{}", "city": city, "department": dept,
        "obfuscated_phones": 0,
        "score_minor": 0.9 if minor else rng.random() * 0.4,
        "score_control": 0.8 if flagged else rng.random() * 0.4,
        "score_recruitment": 0.0,
        "flags": (1 if minor else 0) | (2 if flagged else 0),
        "indicators": orjson.dumps(indicators if flagged else []).decode(),
        "network_id": f"n-{person // 4:06d}", "analyzed_at": ts, "posted_ts": ts,
    }  # fmt: skip
    return post, analysis, {"post_pk": pk, "kind": "phone", "value": phone}


def build(url: str, count: int) -> None:
    from sentinelle.store.schema import post_analysis, post_identifiers, posts

    store = open_store(url)
    with store.engine.begin() as connection:
        if connection.execute(text("SELECT count(*) FROM posts")).scalar() >= count:
            store.close()
            return
        if store.dialect == "sqlite":
            for trigger in ("posts_fts_ai", "posts_fts_ad", "posts_fts_au"):
                connection.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))  # no text search
    rng, persons = random.Random(13), max(1, count // POSTS_PER_PERSON)
    started = time.perf_counter()
    for start in range(1, count + 1, BATCH):
        rows = [_row(pk, rng, persons) for pk in range(start, min(start + BATCH, count + 1))]
        with store.engine.begin() as connection:
            connection.execute(posts.insert(), [r[0] for r in rows])
            connection.execute(post_analysis.insert(), [r[1] for r in rows])
            connection.execute(post_identifiers.insert(), [r[2] for r in rows])
        print(f"  {start + len(rows) - 1:,} posts ({time.perf_counter() - started:.0f}s)")
    from sentinelle.store.posts import refresh_statistics

    refresh_statistics(store)
    store.close()


def _percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
    }


def open_files(store, files: int) -> None:
    """The organisation already follows `files` of the most urgent persons: the queue skips
    them, the worst case for its NOT EXISTS."""
    from sentinelle.store.outreach import open_file
    from sentinelle.store.outreach_persons import person_queue

    for person in person_queue(store, 1, limit=files):
        open_file(store, 1, person["pk"], "bench", time.time())
    with store.engine.begin() as connection:  # what autovacuum, or the next analyze, does
        connection.execute(text("ANALYZE outreach_files"))


def queue_latency(store, runs: int) -> dict:
    from sentinelle.store.outreach_persons import person_queue

    rng, samples = random.Random(5), []
    cursors = [None]
    for _ in range(runs):
        department = rng.choice([None, None, *[d for _c, d in CITIES]])
        after = rng.choice(cursors)
        started = time.perf_counter()
        rows = person_queue(store, 1, department=department, limit=21, after=after)
        samples.append(time.perf_counter() - started)
        if rows and department is None and len(cursors) < 20:
            cursors.append((rows[-1]["urgency"], rows[-1]["pk"]))
    return _percentiles(samples)


def page_latency(url: str, runs: int) -> dict:
    """The whole `/outreach` page (session, query, template) through the app in process."""
    from fastapi.testclient import TestClient

    from sentinelle.auth.accounts import ensure_account
    from sentinelle.web import WebSettings, create_app

    store = open_store(url)
    ensure_account(store, "bench-outreach", "outreach", PASSWORD, time.time())
    store.close()
    app = create_app(WebSettings(secret_key="b" * 48, db=url, demo=True))
    samples = []
    with TestClient(app) as client:
        form = client.get("/login")
        token = form.text.split('name="csrf_token" value="')[1].split('"')[0]
        data = {"name": "bench-outreach", "password": PASSWORD, "csrf_token": token}
        client.post("/login", data=data)
        for index in range(runs):
            path = "/outreach" if index % 3 else "/outreach?department=69"
            started = time.perf_counter()
            response = client.get(path)
            samples.append(time.perf_counter() - started)
            assert response.status_code == 200, response.text[:200]
    return _percentiles(samples)


def run(engine: str, count: int, files: int, runs: int) -> dict:
    from sentinelle.outreach.refresh import refresh

    if engine == "sqlite":
        OUT.mkdir(parents=True, exist_ok=True)
        url = str(OUT / f"outreach-{count}.db")
    else:
        url = _postgres_database(f"sentinelle_bench_outreach_{count}")
    build(url, count)
    store = open_store(url)
    started = time.perf_counter()
    counts = refresh(store)
    refresh_seconds = time.perf_counter() - started
    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM outreach_files"))
    open_files(store, files)
    result = {
        "engine": engine,
        "posts": count,
        "persons": counts["persons"],
        "files": files,
        "refresh_seconds": round(refresh_seconds, 2),
        "queue": queue_latency(store, runs),
    }
    store.close()
    result["page"] = page_latency(url, max(50, runs // 3))
    return result


def _postgres_database(name: str) -> str:
    import psycopg

    with psycopg.connect(PG_URL + "postgres", autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')
    return PG_URL + name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--engines", default="sqlite")
    parser.add_argument("--files", type=int, default=2000, help="persons already followed")
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    results = [run(engine, args.posts, args.files, args.runs) for engine in args.engines.split(",")]
    print("\n| engine | posts | persons | refresh | queue p50 | queue p95 | page p50 | page p95 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['engine']} | {r['posts']:,} | {r['persons']:,} | {r['refresh_seconds']} s | "
            f"{r['queue']['p50_ms']} ms | {r['queue']['p95_ms']} ms | "
            f"{r['page']['p50_ms']} ms | {r['page']['p95_ms']} ms |"
        )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "outreach.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
