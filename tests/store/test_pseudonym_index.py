"""The pseudonym index on SQLite and PostgreSQL: rows tagged once, new rows found without a
scan, a new key retags, a lookup is one indexed read."""

from __future__ import annotations

from sqlalchemy import insert, select

from sentinelle.ingest.pipeline import content_hash
from sentinelle.ingest.validate import validate_post
from sentinelle.privacy import pseudonym
from sentinelle.privacy.pseudonym_tags import key_fingerprint, tag_of_pseudonym, tag_of_value
from sentinelle.store.posts import save_posts
from sentinelle.store.pseudonym_index import tag_untagged, values_tagged
from sentinelle.store.schema import post_identifiers, posts

KEY = b"pseudonym:" + b"k" * 40


def _posts(store, count: int) -> list[int]:
    batch = []
    for i in range(count):
        post, ts = validate_post(
            {"id": f"i{i}", "source": "alpha", "kind": "ad", "text": f"annonce {i}",
             "posted_at": "2024-04-01T10:00:00+02:00"}
        )  # fmt: skip
        batch.append((post, ts, content_hash(post)))
    save_posts(store, batch)
    with store.engine.connect() as connection:
        return list(connection.execute(select(posts.c.pk).order_by(posts.c.pk)).scalars())


def _identify(store, rows: list[tuple[int, str, str]]) -> None:
    with store.engine.begin() as connection:
        connection.execute(
            insert(post_identifiers),
            [{"post_pk": pk, "kind": kind, "value": value} for pk, kind, value in rows],
        )


def _tag(store, key: bytes = KEY) -> int:
    return tag_untagged(store, key_fingerprint(key), lambda value: tag_of_value(key, value))


def test_tags_once_then_only_new_rows_and_finds_by_pseudonym(store):
    a, b, c = _posts(store, 3)
    _identify(store, [(a, "phone", "+33612345678"), (b, "phone", "+33612345678"),
                      (b, "handle", "snapchat:lea_77")])  # fmt: skip
    assert _tag(store) == 2
    assert _tag(store) == 0  # nothing new: the untagged index is empty
    wanted = tag_of_pseudonym(KEY, pseudonym(KEY, "+33612345678"))
    assert values_tagged(store, wanted) == [("phone", "+33612345678")]
    _identify(store, [(c, "phone", "+33698765432")])
    assert _tag(store) == 1
    found = values_tagged(store, tag_of_pseudonym(KEY, pseudonym(KEY, "+33698765432")))
    assert found == [("phone", "+33698765432")]
    assert values_tagged(store, tag_of_pseudonym(KEY, "pid:" + "0" * 24)) == []


def test_a_new_key_retags_every_row(store):
    (a,) = _posts(store, 1)
    _identify(store, [(a, "handle", "telegram:nina_8")])
    _tag(store)
    other = b"pseudonym:" + b"z" * 40
    assert _tag(store, other) == 1
    old = tag_of_pseudonym(KEY, pseudonym(KEY, "telegram:nina_8"))
    new = tag_of_pseudonym(other, pseudonym(other, "telegram:nina_8"))
    assert values_tagged(store, old) == []
    assert values_tagged(store, new) == [("handle", "telegram:nina_8")]


def test_the_tag_is_not_the_pseudonym():
    """Who reads the store alone cannot map an export's pseudonyms back to identifiers."""
    pid = pseudonym(KEY, "+33612345678")
    assert tag_of_value(KEY, "+33612345678") != pid.removeprefix("pid:")
    assert pid.removeprefix("pid:")[:24] not in tag_of_value(KEY, "+33612345678")


def test_a_new_key_clears_tags_in_batches_and_a_stopped_clear_resumes(store):
    from sentinelle.store.pseudonym_index import clear_tags

    pks = _posts(store, 5)
    _identify(store, [(pk, "phone", f"+3361234567{i}") for i, pk in enumerate(pks)])
    _tag(store)
    assert clear_tags(store, batch=2) == 5  # three transactions: 2, 2, 1 tags
    with store.engine.connect() as connection:
        tags = connection.execute(select(post_identifiers.c.pseudonym_tag)).scalars().all()
    assert tags == [None] * 5
    # the old key's fingerprint stays until every tag is cleared: had the clear stopped
    # halfway, a start with the new key clears the rest and retags everything
    other = b"pseudonym:" + b"z" * 40
    assert _tag(store, other) == 5
    found = values_tagged(store, tag_of_pseudonym(other, pseudonym(other, "+33612345670")))
    assert found == [("phone", "+33612345670")]
