"""Web latency under load: p95 of every page kind and the API with 20 concurrent clients
(wrk on loopback), on a store of 1,000,000 posts.

    python bench/bench_web.py [--posts 1000000] [--engines sqlite,postgres] [--seconds 15]
    python bench/bench_web.py --store bench/out/demo1m/sentinelle.db --engines sqlite \
        --pages all
    python bench/bench_web.py --store large.db --pg-store postgresql://…/web_1m \
        --engines sqlite,postgres --pages all   # the PostgreSQL copy: bench/copy_store.py

Without --store, the store is built once by bulk SQL inserts of synthetic rows (logistics
text only) and kept in bench/out/ for later runs. With --store, an analysed store made by
`sentinelle demo-data`, `ingest` and `analyze` is used as it is, and the URLs are drawn from
it (posts, networks large and small, phones written as people type them). The server is the
real `sentinelle serve` in a subprocess; its CPU time (all its processes) is read from /proc
around each page's run. Prints a markdown table and writes bench/out/web.json. Needs `wrk`
(apt-get install wrk).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import orjson
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
SRC = str(ROOT / "src")
sys.path.insert(0, SRC)

from sentinelle.store import open_store  # noqa: E402

PG_URL = os.environ.get("SENTINELLE_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/")
CITIES = (
    ("Lyon", "69"),
    ("Marseille", "13"),
    ("Lille", "59"),
    ("Nice", "06"),
    ("Toulouse", "31"),
    ("Bordeaux", "33"),
    ("Nantes", "44"),
    ("Rennes", "35"),
    ("Clermont-Ferrand", "63"),
    ("Strasbourg", "67"),
    ("Montpellier", "34"),
    ("Saint-Denis", "93"),
)
SOURCES = ("annonces-libres", "photogram", "petites-annonces", "chat-local", "vivastreet-like")
KINDS = ("ad", "social_post", "profile", "message")
PASSWORD = "bench password long enough"
WARMUP_SECONDS = 5
BATCH = 20_000
START_TS = 1_704_067_200.0  # 2024-01-01


def _row(pk: int, rng: random.Random) -> tuple[dict, dict, dict]:
    city, dept = CITIES[rng.randrange(len(CITIES))]
    ts = START_TS + pk * 30 + rng.random()  # ~a year of posts for 1M
    phone = f"+336{rng.randrange(10**8):08d}"
    minor, control = rng.random() < 0.03, rng.random() < 0.05
    group = pk // 10
    text_ = (
        f"Nouvelle sur {city}, dispo du lundi au jeudi. Contact {phone[3:5]} "
        f"{phone[5:7]} {phone[7:9]} {phone[9:11]} {phone[11:]}. "
        f"{'Logement fourni. ' if control else ''}{'16 ans. ' if minor else ''}Annonce {pk}."
    )
    posted_at = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(ts))
    post = {
        "pk": pk,
        "source": SOURCES[pk % len(SOURCES)],
        "post_id": f"b{pk:07d}",
        "kind": KINDS[pk % len(KINDS)],
        "text": text_,
        "title": f"Annonce {city}",
        "url": None,
        "city": city,
        "author": f"compte_{group % 50_000}",
        "posted_at": posted_at,
        "posted_ts": ts,
        "image_phashes": "[]",
        "extra": "{}",
        "content_hash": f"{pk:032x}",
        "version": 1,
        "ingested_at": ts,
        "pending": False,
    }
    indicators = []
    if minor:
        indicators.append({"code": "age.stated_minor", "evidence": "16 ans"})
    if control:
        indicators.append({"code": "control.housing", "evidence": "Logement fourni"})
    analysis = {
        "post_pk": pk,
        "phones": orjson.dumps([{"e164": phone, "raw": phone, "tricks": []}]).decode(),
        "handles": "[]",
        "stated_ages": "[]",
        "prices": "[]",
        "mentions": "{}",
        "city": city,
        "department": dept,
        "obfuscated_phones": 0,
        "score_minor": 0.9 if minor else rng.random() * 0.4,
        "score_control": 0.8 if control else rng.random() * 0.4,
        "score_recruitment": rng.random() * 0.2,
        "flags": (1 if minor else 0) | (2 if control else 0),
        "indicators": orjson.dumps(indicators).decode(),
        "network_id": f"n-{group:06d}" if group % 3 == 0 else None,
        "analyzed_at": ts,
        "posted_ts": ts,
        "source": post["source"],
        "kind": post["kind"],
    }
    identifier = {"post_pk": pk, "kind": "phone", "value": phone}
    return post, analysis, identifier


def _fts_migration():
    return importlib.import_module("sentinelle.store.migrations.versions.0004_workspace")


def build(url: str, count: int) -> None:
    """Fill an empty store with `count` synthetic analysed posts by bulk inserts."""
    from sentinelle.store.post_indicators import write_indicator_rows
    from sentinelle.store.schema import post_analysis, post_identifiers, posts

    store = open_store(url)
    sqlite = store.dialect == "sqlite"
    with store.engine.begin() as connection:
        if connection.execute(text("SELECT count(*) FROM posts")).scalar() >= count:
            store.close()
            tune_postgres(url)
            return
        if sqlite:
            for trigger in ("posts_fts_ai", "posts_fts_ad", "posts_fts_au"):
                connection.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))
    rng = random.Random(7)
    started = time.perf_counter()
    for start in range(1, count + 1, BATCH):
        rows = [_row(pk, rng) for pk in range(start, min(start + BATCH, count + 1))]
        with store.engine.begin() as connection:
            connection.execute(posts.insert(), [r[0] for r in rows])
            connection.execute(post_analysis.insert(), [r[1] for r in rows])
            connection.execute(post_identifiers.insert(), [r[2] for r in rows])
            write_indicator_rows(connection, [r[1]["post_pk"] for r in rows], replace=False)
        print(
            f"  {start + len(rows) - 1:,} posts ({time.perf_counter() - started:.0f}s)", flush=True
        )
    with store.engine.begin() as connection:
        if sqlite:
            for statement in _fts_migration()._SQLITE_FTS[1:]:
                connection.execute(text(statement))
            connection.execute(text("ANALYZE"))
        else:
            connection.execute(text("SELECT setval('posts_pk_seq', (SELECT max(pk) FROM posts))"))
    if not sqlite:  # VACUUM cannot run in a transaction; it also flushes the GIN pending list
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM ANALYZE"))
    tune_postgres(url)
    store.close()


def tune_postgres(url: str) -> None:
    """Web-serving setting for the bench database: no parallel workers per query (on two
    cores they slow concurrent short queries down)."""
    if "://" not in url:
        return
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(PG_URL + "postgres", autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" SET max_parallel_workers_per_gather = 0')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cli(env: dict, *args: str, stdin: str | None = None) -> str:
    return subprocess.run(
        [sys.executable, "-m", "sentinelle", *args],
        env=env,
        input=stdin,
        text=True,
        check=False,
        capture_output=True,
    ).stdout


def _cookie(response: httpx.Response, name: str) -> str:
    for header in response.headers.get_list("set-cookie"):
        if header.startswith(name + "="):
            return header.split(";")[0].split("=", 1)[1]
    raise SystemExit(
        f"no {name} cookie in the answer: {response.status_code} {response.text[:200]}"
    )


def login(base: str) -> str:
    with httpx.Client(base_url=base) as client:
        form = client.get("/login")
        token = form.text.split('name="csrf_token" value="')[1].split('"')[0]
        answer = client.post(
            "/login",
            data={"name": "bench", "password": PASSWORD, "csrf_token": token},
            headers={"cookie": f"sentinelle_login_csrf={_cookie(form, 'sentinelle_login_csrf')}"},
        )
        return _cookie(answer, "sentinelle_session")


def url_sets(count: int) -> dict[str, list[str]]:
    rng = random.Random(11)
    posts = [
        f"/post?source={SOURCES[pk % len(SOURCES)]}&id=b{pk:07d}"
        for pk in (rng.randrange(1, count + 1) for _ in range(2000))
    ]
    networks = [f"/networks/n-{3 * rng.randrange(count // 30):06d}" for _ in range(2000)]
    searches = [f"/search?q=06+{rng.randrange(10**8):08d}" for _ in range(2000)]
    place = lambda: CITIES[rng.randrange(len(CITIES))]  # noqa: E731 (city, department)
    return page_urls(rng, place, SOURCES, posts, networks, searches)


def page_urls(rng, place, sources, posts, networks, searches) -> dict[str, list[str]]:
    """Every page kind's URLs: list filters drawn with `place()` (a city and a department) and
    `sources`, beside the given posts, networks and searches."""
    from urllib.parse import quote

    filters = []
    for _ in range(300):
        (city, dept), source = place(), rng.choice(sources)
        filters.append(rng.choice([
            "/posts?flag=any",
            f"/posts?flag=minor&department={dept}",
            f"/posts?department={dept}&kind={rng.choice(KINDS)}",
            f"/posts?source={quote(source)}&min_score=0.5&score_label=control",
            f"/posts?city={quote(city)}&since=2024-03-01&until=2024-09-30",
            f"/posts?q=logement+{quote(city.lower())}",
            "/posts?indicator=age.stated_minor",
        ]))  # fmt: skip
    network_list = [rng.choice([
        "/networks",
        "/networks?min_posts=5",
        f"/networks?city={quote(place()[0].lower())}&sort=posts",
        f"/networks?source={quote(rng.choice(sources))}&label=control&min_score=0.5",
        "/networks?sort=last&since=2024-06-01",
    ]) for _ in range(300)]  # fmt: skip
    return {
        "posts list (filters)": filters,
        "post page": posts,
        "network page": networks,
        "networks list (filters)": network_list,
        "search by phone": searches,
        **common_urls(posts),
    }


def common_urls(posts: list[str]) -> dict[str, list[str]]:
    """Pages whose URLs do not depend on the store: the overview, the review queue, the note,
    and the API (a post object by its key, a text scored)."""
    api_posts = []
    for url in posts[:2000]:
        query = dict(part.split("=", 1) for part in url.split("?", 1)[1].split("&"))
        api_posts.append(f"/api/posts/{query['source']}/{query['id']}")
    texts = [
        "Nouvelle sur Lyon, dispo ce soir, logement fourni. Contact 06 12 34 56 78",
        "Coloc sur Nantes, part 450 euros par mois, libre le 1er",
        "jeune fille 17 ans dispo tout le week-end sur Marseille, 100 roses",
    ]
    return {
        "overview": ["/overview"],
        "review queue": ["/review"],
        "note": ["/note", "/note.html"],
        "api post": api_posts,
        "api score": [
            "POST /api/score " + json.dumps({"text": t, "kind": "ad"}, ensure_ascii=False)
            for t in texts
        ],
    }


def store_urls(path: str) -> dict[str, list[str]]:
    """URLs drawn from an analysed store (read directly, read-only): random posts, networks
    (half of them among the 200 largest), phones written in the forms people type."""
    import sqlite3
    from urllib.parse import urlencode

    rng = random.Random(11)
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    top = db.execute("SELECT max(pk) FROM posts").fetchone()[0]
    posts = []
    while len(posts) < 2000:
        row = db.execute(
            "SELECT source, post_id FROM posts WHERE pk >= ? LIMIT 1", (rng.randrange(top),)
        ).fetchone()
        if row:
            posts.append("/post?" + urlencode({"source": row[0], "id": row[1]}))
    sizes = db.execute(
        "SELECT network_id, count(*) FROM post_analysis WHERE network_id IS NOT NULL "
        "GROUP BY network_id"
    ).fetchall()
    sizes.sort(key=lambda item: -item[1])
    largest = [n for n, _ in sizes[:200]]
    anyone = [n for n, _ in sizes]
    networks = [
        f"/networks/{rng.choice(largest) if i % 2 else rng.choice(anyone)}" for i in range(2000)
    ]
    cities = [r[0] for r in db.execute(
        "SELECT city FROM post_analysis WHERE city IS NOT NULL GROUP BY city "
        "ORDER BY count(*) DESC LIMIT 12"
    )]  # fmt: skip
    sources = [r[0] for r in db.execute("SELECT DISTINCT source FROM posts LIMIT 50")]
    departments = [r[0] for r in db.execute(
        "SELECT DISTINCT department FROM post_analysis WHERE department IS NOT NULL LIMIT 30"
    )]  # fmt: skip
    phones = [r[0] for r in db.execute(
        "SELECT value FROM post_identifiers WHERE kind = 'phone' AND value LIKE '+336%' "
        "AND rowid % 97 = 0 LIMIT 4000"
    )]  # fmt: skip
    db.close()
    searches = []
    for value in rng.sample(phones, min(2000, len(phones))):
        national = "0" + value[3:]
        form = rng.choice([
            national, value, " ".join(national[i : i + 2] for i in range(0, 10, 2)),
            ".".join(national[i : i + 2] for i in range(0, 10, 2)),
        ])  # fmt: skip
        searches.append("/search?" + urlencode({"q": form}))
    place = lambda: (rng.choice(cities), rng.choice(departments))  # noqa: E731
    return page_urls(rng, place, sources, posts, networks, searches)


def server_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and every process under it (/proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                todo.extend(int(child) for child in children)
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


LUA = """
local urls = {%s}
local counter = 0
wrk.headers["Cookie"] = "sentinelle_session=%s"
wrk.headers["Authorization"] = "Bearer %s"
request = function()
  counter = counter + 1
  local entry = urls[(counter * 7919) %% #urls + 1]
  if string.sub(entry, 1, 5) == "POST " then
    local path, body = string.match(string.sub(entry, 6), "^(%%S+) (.*)$")
    -- a headers table replaces wrk.headers: copy them, or the token is not sent (401)
    local headers = {["Content-Type"] = "application/json"}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    return wrk.format("POST", path, headers, body)
  end
  return wrk.format("GET", entry)
end
done = function(summary, latency, requests)
  local e = summary.errors
  local bad = e.status + e.connect + e.read + e.timeout
  io.write(string.format("RESULT %%d %%d %%.2f %%.2f %%.2f %%.2f\\n", summary.requests, bad,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def _lua_string(url: str) -> str:
    return '"' + url.replace("\\", "\\\\").replace('"', '\\"') + '"'


def load(
    base: str, session: str, urls: list[str], seconds: int, clients: int, token: str = ""
) -> dict:
    script = OUT / "wrk.lua"
    script.write_text(LUA % (",".join(_lua_string(u) for u in urls), session, token))
    result = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            str(clients),
            "-d",
            f"{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            base,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("RESULT"))
    requests, bad, p50, p95, p99, worst = line.split()[1:]
    return {
        "requests": int(requests),
        "errors": int(bad),
        "rps": round(int(requests) / seconds, 1),
        "p50_ms": float(p50),
        "p95_ms": float(p95),
        "p99_ms": float(p99),
        "max_ms": float(worst),
    }


def run_engine(
    name: str,
    url: str,
    count: int,
    seconds: int,
    clients: int,
    workers: int,
    pages: str,
    urls_from: str | None = None,
) -> dict:
    if urls_from:
        urls = store_urls(urls_from)
    else:
        print(f"[{name}] building {count:,} posts at {url}", flush=True)
        build(url, count)
        urls = url_sets(count)
    env = {
        **os.environ,
        "PYTHONPATH": SRC,
        "SENTINELLE_DB": url,
        "SENTINELLE_SECRET_KEY": "bench-" + "k" * 40,
        # one token sends thousands of requests a minute: the default 600 answers 429
        "SENTINELLE_API_REQUESTS_PER_MINUTE": "100000000",
    }
    settle(url)
    _cli(env, "users", "add", "bench", "--role", "analyst", stdin=PASSWORD + "\n")
    token = _cli(env, "tokens", "create", "bench").strip()
    tag_identifiers(url, env["SENTINELLE_SECRET_KEY"])
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sentinelle",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(OUT / f"serve-{name}.log").open("wb"),  # a request line each: not a pipe
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/login", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        session = login(base)
        results = {}
        for page, page_urls in urls.items():
            if pages != "all" and page.split()[0] not in pages.split(","):
                continue
            # Steady state: every URL of the page cycled through for WARMUP_SECONDS first (the
            # first requests after a start read cold pages and build per-process caches)
            load(base, session, page_urls, WARMUP_SECONDS, clients, token)
            cpu, busy = server_cpu_seconds(server.pid), os.getloadavg()[0]
            results[page] = load(base, session, page_urls, seconds, clients, token)
            results[page]["load_1m"] = round(busy, 1)  # the machine is shared: how busy
            cpu = server_cpu_seconds(server.pid) - cpu
            results[page]["server_cpu_s"] = round(cpu, 1)
            results[page]["cpu_ms_per_request"] = round(
                1000 * cpu / max(results[page]["requests"], 1), 1
            )
            print(f"[{name}] {page}: {results[page]}", flush=True)
        return results
    finally:
        server.terminate()
        server.wait(timeout=120)  # a background pass stops between batches


def settle(url: str) -> None:
    """Open the store (a new migration runs then: at 960k posts migration 0016 took 50-100 s
    on SQLite, 5-8 min on PostgreSQL) and, on PostgreSQL, vacuum what a migration rewrites:
    an UPDATE of every analysis row leaves the index-only scans of the posts list reading
    the table until autovacuum comes, perhaps during the timed run. Seconds when done."""
    started = time.perf_counter()
    open_store(url).close()
    if "://" in url:
        import psycopg

        with psycopg.connect(url, autocommit=True) as pg:
            for table in ("post_analysis", "post_indicators"):
                pg.execute(f"VACUUM (ANALYZE) {table}")
    print(f"store opened and settled in {time.perf_counter() - started:.0f}s", flush=True)


def tag_identifiers(url: str, secret: str) -> None:
    """Tag the store's identifiers for pseudonym search with the server's key before timing:
    a server's first start on a store does it in the background (minutes at 2 M identifier
    rows), which would be timed as the pages' CPU."""
    from sentinelle.web.pseudonym_search import PseudonymIndex
    from sentinelle.web.settings import WebSettings

    started = time.perf_counter()
    key = WebSettings(secret_key=secret).pseudonym_key
    tagged = PseudonymIndex(open_store(url), key).refresh()
    print(f"tagged {tagged:,} identifier values in {time.perf_counter() - started:.0f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument(
        "--pages",
        default="posts,post,network",
        help="pages to load: posts (the list), post, network, networks (the list), search, "
        "overview, review, note, api; or all",
    )
    parser.add_argument(
        "--list-cache-seconds", type=float, default=20.0, help="posts list cache (0: off)"
    )
    parser.add_argument(
        "--store", help="an analysed SQLite store to load as it is (URLs drawn from it)"
    )
    parser.add_argument(
        "--pg-store",
        help="PostgreSQL URL of the same store (bench/copy_store.py) for --engines postgres; "
        "URLs drawn from --store",
    )
    parser.add_argument("--out", default="web.json", help="result file name in bench/out/")
    args = parser.parse_args()
    os.environ["SENTINELLE_LIST_CACHE_SECONDS"] = str(args.list_cache_seconds)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install -y wrk")
    OUT.mkdir(parents=True, exist_ok=True)
    report = {}
    for engine in args.engines.split(","):
        sqlite = engine == "sqlite"
        if args.store:
            url = args.store if sqlite else args.pg_store
            if not url:
                raise SystemExit("--engines postgres with --store needs --pg-store")
        else:
            url = str(OUT / f"web-{args.posts}.db") if sqlite else _postgres_db(args.posts)
        report[engine] = run_engine(
            engine,
            url,
            args.posts,
            args.seconds,
            args.clients,
            args.workers,
            args.pages,
            urls_from=args.store,
        )
    (OUT / args.out).write_text(json.dumps(report, indent=2))
    print(
        f"\n{args.posts:,} posts, {args.clients} concurrent clients, {args.workers} server "
        f"processes, list cache {args.list_cache_seconds:g}s, {args.seconds}s per page\n"
    )
    print("| engine | page | req/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/req | load |")
    print("|---|---|---|---|---|---|---|---|---|")
    for engine, pages in report.items():
        for page, r in pages.items():
            print(
                f"| {engine} | {page} | {r['rps']} | {r['p50_ms']} | {r['p95_ms']} | "
                f"{r['p99_ms']} | {r['errors']} | {r['cpu_ms_per_request']} | {r['load_1m']} |"
            )


def _postgres_db(count: int) -> str:
    import psycopg

    name = f"sentinelle_bench_web_{count}"
    with psycopg.connect(PG_URL + "postgres", autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')
    return PG_URL + name


if __name__ == "__main__":
    main()
