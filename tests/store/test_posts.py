from __future__ import annotations

from sqlalchemy import func, select, text

from factories import post_dict
from sentinelle.ingest.pipeline import content_hash
from sentinelle.ingest.validate import validate_post
from sentinelle.store.posts import (
    count_posts,
    iter_pending,
    post_versions_of,
    save_posts,
)
from sentinelle.store.schema import posts


def _triple(record: dict):
    post, posted_ts = validate_post(record)
    return post, posted_ts, content_hash(post)


def test_saving_twice_stores_once(store):
    batch = [_triple(post_dict(i)) for i in range(10)]
    first = save_posts(store, batch)
    again = save_posts(store, batch)
    assert (first.stored, first.duplicates) == (10, 0)
    assert (again.stored, again.duplicates, again.updated) == (0, 10, 0)
    assert count_posts(store) == 10


def test_a_changed_post_keeps_its_history(store):
    save_posts(store, [_triple(post_dict(1, text="v1"))])
    counts = save_posts(store, [_triple(post_dict(1, text="v2"))])
    save_posts(store, [_triple(post_dict(1, text="v3"))])
    assert counts.updated == 1
    history = post_versions_of(store, "annonces-test", "p00001")
    assert [(h["version"], h["text"]) for h in history] == [(1, "v1"), (2, "v2")]
    with store.engine.connect() as connection:
        row = connection.execute(select(posts.c.text, posts.c.version)).one()
    assert tuple(row) == ("v3", 3)


def test_repeated_key_inside_one_batch_is_resolved_in_order(store):
    batch = [
        _triple(post_dict(1, text="v1")),
        _triple(post_dict(1, text="v1")),
        _triple(post_dict(1, text="v2")),
    ]
    counts = save_posts(store, batch)
    assert (counts.stored, counts.duplicates, counts.updated) == (1, 1, 1)
    assert [h["text"] for h in post_versions_of(store, "annonces-test", "p00001")] == ["v1"]


def test_same_id_on_two_sources_is_two_posts(store):
    save_posts(store, [_triple(post_dict(1)), _triple(post_dict(1, source="other-site"))])
    assert count_posts(store) == 2


def test_pending_posts_come_in_keyset_batches(store):
    save_posts(store, [_triple(post_dict(i)) for i in range(25)])
    batches = list(iter_pending(store, batch_size=10))
    assert [len(b) for b in batches] == [10, 10, 5]
    assert batches[0][0][1].id == "p00000"
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(posts)).scalar_one() == 25


def test_a_batch_numbers_keys_as_saving_one_by_one_did(store):
    # The earlier version of a key repeated in the batch is saved first, so its key comes first.
    batch = [
        _triple(post_dict(2, text="b")),
        _triple(post_dict(1, text="a1")),
        _triple(post_dict(1, text="a2")),
    ]
    counts = save_posts(store, batch)
    assert (counts.stored, counts.duplicates, counts.updated) == (2, 0, 1)
    with store.engine.connect() as connection:
        rows = connection.execute(select(posts.c.post_id, posts.c.version).order_by(posts.c.pk))
        assert [tuple(row) for row in rows] == [("p00001", 2), ("p00002", 1)]


def test_an_old_version_inside_a_batch_is_a_duplicate_of_the_history(store):
    save_posts(store, [_triple(post_dict(1, text="v1")), _triple(post_dict(1, text="v2"))])
    counts = save_posts(store, [_triple(post_dict(1, text="v1")), _triple(post_dict(1, text="v3"))])
    assert (counts.stored, counts.duplicates, counts.updated) == (0, 1, 1)
    history = post_versions_of(store, "annonces-test", "p00001")
    assert [h["text"] for h in history] == ["v1", "v2"]


def test_the_full_text_index_follows_a_batch_and_its_changes(sqlite_store):
    save_posts(sqlite_store, [_triple(post_dict(i, text=f"Dispo mot{i}")) for i in range(3)])
    save_posts(sqlite_store, [_triple(post_dict(1, text="Dispo autre"))])

    def matches(word: str) -> list[int]:
        query = "SELECT rowid FROM posts_fts WHERE posts_fts MATCH :w ORDER BY rowid"
        with sqlite_store.engine.connect() as connection:
            return [row[0] for row in connection.execute(text(query), {"w": word})]

    assert matches("dispo") == [1, 2, 3]
    assert (matches("mot0"), matches("mot1"), matches("autre")) == ([1], [], [2])
