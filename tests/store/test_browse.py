"""Workspace queries on SQLite and PostgreSQL: filters, keyset pages, search, aggregates."""

from __future__ import annotations

import time

import orjson
import pytest
from sqlalchemy import select

from sentinelle.ingest.pipeline import content_hash
from sentinelle.ingest.validate import validate_post
from sentinelle.store.browse import (
    PostFilter,
    _page_keys,
    get_post,
    list_posts,
    network_posts,
    review_queue,
)
from sentinelle.store.labels import add_label, iter_labels
from sentinelle.store.network_summaries import refresh_summaries, top_networks
from sentinelle.store.posts import save_analyses, save_posts
from sentinelle.store.schema import (
    BY_DEPARTMENT,
    BY_SOURCE,
    INDICATORS_BY_DATE,
    SCORES_BY_DATE,
    post_analysis,
    posts,
)
from sentinelle.store.weekly_counts import latest_weeks, refresh_weekly


def _fill(store, count: int = 30) -> dict[str, int]:
    batch = []
    for i in range(count):
        post, ts = validate_post(
            {
                "id": f"q{i:03d}",
                "source": ("alpha", "beta")[i % 2],
                "kind": "ad",
                "text": f"Dispo {'Lyon logement fourni' if i % 5 == 0 else 'Nantes'} annonce {i}",
                "posted_at": f"2024-04-{1 + i % 28:02d}T{8 + i % 10:02d}:00:00+02:00",
            }
        )
        batch.append((post, ts, content_hash(post)))
    save_posts(store, batch)
    pks = {r["post_id"]: r["pk"] for r in list_posts(store, PostFilter(), limit=100)}
    rows = []
    for i in range(count):
        minor = i % 3 == 0
        rows.append(
            {
                "post_pk": pks[f"q{i:03d}"],
                "phones": "[]",
                "handles": "[]",
                "stated_ages": "[]",
                "prices": "[]",
                "mentions": "{}",
                "city": "Lyon" if i % 5 == 0 else "Nantes",
                "department": "69" if i % 5 == 0 else "44",
                "obfuscated_phones": 0,
                "score_minor": 0.9 if minor else 0.45 + i / 1000,
                "score_control": 0.1,
                "score_recruitment": 0.1,
                "flags": 1 if minor else 0,
                "indicators": orjson.dumps(
                    [{"code": "age.stated_minor", "evidence": "16 ans"}] if minor else []
                ).decode(),
                "network_id": "n-000001" if i < 6 else None,
                "analyzed_at": time.time(),
            }
        )
    save_analyses(store, rows, [])
    return pks


def test_filters(store):
    _fill(store)
    ids = lambda spec: {r["post_id"] for r in list_posts(store, spec)}  # noqa: E731
    assert ids(PostFilter(flag="minor")) == {f"q{i:03d}" for i in range(0, 30, 3)}
    assert ids(PostFilter(flag="minor", department="69")) == {"q000", "q015"}
    assert ids(PostFilter(indicator="age.stated_minor", source="beta")) == {
        f"q{i:03d}" for i in range(3, 30, 6)
    }
    assert ids(PostFilter(query="logement")) == {f"q{i:03d}" for i in range(0, 30, 5)}
    assert ids(PostFilter(min_score=0.8, score_label="minor")) == ids(PostFilter(flag="minor"))
    assert ids(PostFilter(at_risk_only=True)) == ids(PostFilter(flag="any"))


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (PostFilter(), 30),  # walks posts by date
        (PostFilter(department="44"), 24),  # walks analysis rows by department and date
        (PostFilter(flag="minor"), 10),  # walks flagged analysis rows by date
        (PostFilter(flag="any", source="beta"), 5),
        (PostFilter(min_score=0.5), 10),  # walks the scores-by-date index
        (PostFilter(min_score=0.8, score_label="minor", source="alpha"), 5),
    ],
)
def test_keyset_pages_cover_everything_once(store, spec, expected):
    _fill(store)
    seen, times, after = [], [], None
    while True:
        page = list_posts(store, spec, limit=4, after=after)
        if not page:
            break
        seen += [r["post_id"] for r in page]
        times += [r["posted_ts"] for r in page]
        after = (page[-1]["posted_ts"], page[-1]["pk"])
    assert len(seen) == len(set(seen)) == expected
    assert times == sorted(times, reverse=True)


def _plan(store, spec) -> str:
    query = _page_keys(store, spec, 51, None)
    with store.engine.connect() as connection:
        sql = str(query.compile(connection, compile_kwargs={"literal_binds": True}))
        rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)
        return " ".join(row[-1] for row in rows)


def test_score_filter_walks_the_scores_by_date_index(sqlite_store):
    """Posts above a score must not be read and sorted whole: at a million posts that took
    seconds under load."""
    _fill(sqlite_store)
    plan = _plan(sqlite_store, PostFilter(min_score=0.5, score_label="control"))
    assert f"COVERING INDEX {SCORES_BY_DATE}" in plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan


def test_site_and_score_walk_the_sites_index(sqlite_store):
    """A small site with a score walked the scores-by-date index over every post above the
    score, reading each post's site (0.4-0.7 s of CPU at 1M posts for a site with none)."""
    _fill(sqlite_store)
    plan = _plan(sqlite_store, PostFilter(min_score=0.5, score_label="control", source="beta"))
    assert plan == f"SEARCH post_analysis USING COVERING INDEX {BY_SOURCE} (source=?)"


def test_department_and_kind_walk_the_departments_index(sqlite_store):
    """A department's messages read each post to test its kind (40-120 ms of CPU at 1M)."""
    _fill(sqlite_store)
    plan = _plan(sqlite_store, PostFilter(department="44", kind="message"))
    assert plan == f"SEARCH post_analysis USING COVERING INDEX {BY_DEPARTMENT} (department=?)"


def test_indicator_walks_its_rows_by_date(sqlite_store):
    """Matching the code in every analysis row's JSON took 80 ms of CPU at 1M posts."""
    _fill(sqlite_store)
    plan = _plan(sqlite_store, PostFilter(indicator="age.stated_minor"))
    assert plan == f"SEARCH post_indicators USING COVERING INDEX {INDICATORS_BY_DATE} (code=?)"


def test_post_network_and_aggregates(store):
    _fill(store)
    assert get_post(store, "alpha", "q000")["flags"] == 1
    assert get_post(store, "alpha", "nope") is None
    network = network_posts(store, "n-000001")
    assert [p["post_id"] for p in network] == sorted(
        [p["post_id"] for p in network],
        key=lambda pid: get_post(store, *(("alpha" if int(pid[1:]) % 2 == 0 else "beta"), pid))[
            "posted_ts"
        ],
    )
    assert len(network) == 6
    refresh_summaries(store)  # what analyze writes after scoring
    assert top_networks(store)[0]["network_id"] == "n-000001"
    refresh_weekly(store)  # likewise
    weekly = latest_weeks(store)
    assert sum(r["posts"] for r in weekly) == 30 and sum(r["flagged"] for r in weekly) == 10
    assert {r["department"] for r in weekly} == {"69", "44"}
    assert {r["source"] for r in weekly} == {"alpha", "beta"}


def test_review_queue_least_sure_first_and_skips_labelled(store):
    pks = _fill(store)
    queue = review_queue(store, limit=5)
    closeness = [abs(r["score_minor"] - 0.5) for r in queue]
    assert closeness == sorted(closeness) and queue[0]["score_minor"] < 0.9
    add_label(store, queue[0]["pk"], "none", "lea", 1.0)
    assert queue[0]["pk"] not in {r["pk"] for r in review_queue(store, limit=5)}
    assert next(iter_labels(store))["label"] == "none"
    assert pks


def test_search_reads_titles_and_folds_accents_on_both_engines(store):
    batch = []
    for post_id, title, body in (
        ("t1", "Studio à Béziers", "Dispo ce soir, discrète."),
        ("t2", None, "HÉBERGEMENT fourni près d'Évry, arrivée lundi."),
        ("t3", "Annonce Nantes", "Dispo la journée."),
    ):
        record = {"id": post_id, "source": "s", "kind": "ad", "text": body}
        record["posted_at"] = "2024-05-01T10:00:00+02:00"
        if title:
            record["title"] = title
        post, ts = validate_post(record)
        batch.append((post, ts, content_hash(post)))
    save_posts(store, batch)

    def found(query: str) -> set[str]:
        return {r["post_id"] for r in list_posts(store, PostFilter(query=query))}

    assert found("beziers") == found("BÉZIERS") == {"t1"}  # a title word, accents folded
    assert found("hebergement evry") == {"t2"}  # text words, accents and case folded
    assert found("studio discrete") == {"t1"}  # one word in the title, one in the text
    assert found("dispo") == {"t1", "t3"}
    assert found("dispo nantes") == {"t3"}
    assert found("lundi absent") == set()


def test_analysis_rows_carry_their_posts_date(store):
    _fill(store)
    query = select(posts.c.posted_ts, post_analysis.c.posted_ts).join(
        post_analysis, post_analysis.c.post_pk == posts.c.pk
    )
    with store.engine.connect() as connection:
        pairs = connection.execute(query).all()
    assert len(pairs) == 30 and all(post == analysis for post, analysis in pairs)


def test_common_and_rare_words_find_the_same_posts_newest_first(store):
    # 1,200 posts: "dispo" is in every one (searched by walking posts by date), "rare" in
    # three (its matches are read first).
    batch = []
    for i in range(1200):
        extra = " rare" if i % 400 == 7 else ""
        post, ts = validate_post(
            {
                "id": f"c{i:04d}",
                "source": "s",
                "kind": "ad",
                "text": f"Dispo ce soir{extra}, annonce {i}.",
                "posted_at": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T10:{i % 60:02d}:00+00:00",
            }
        )
        batch.append((post, ts, content_hash(post)))
    save_posts(store, batch)
    if store.dialect == "postgresql":
        with store.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE posts")  # the planner's word frequencies
    newest = [r["post_id"] for r in list_posts(store, PostFilter(), limit=60)]
    assert [r["post_id"] for r in list_posts(store, PostFilter(query="dispo"), limit=60)] == newest
    seen, after = [], None
    while page := list_posts(store, PostFilter(query="DISPO soir"), limit=500, after=after):
        seen += [r["post_id"] for r in page]
        after = (page[-1]["posted_ts"], page[-1]["pk"])
    assert len(seen) == len(set(seen)) == 1200
    assert {r["post_id"] for r in list_posts(store, PostFilter(query="rare"))} == {
        "c0007",
        "c0407",
        "c0807",
    }
