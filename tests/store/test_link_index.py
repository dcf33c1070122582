from pathlib import Path

import numpy as np
from sqlalchemy import func, select

from factories import jsonl, post_dict
from sentinelle.ingest.pipeline import ingest_files
from sentinelle.link.minhash import Signatures
from sentinelle.store.link_index import MAX_SEGMENTS, load_text_index, save_text_index
from sentinelle.store.schema import link_segments, posts


def _posts(store, tmp_path: Path, count: int) -> list[int]:
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(*[post_dict(i) for i in range(count)]))
    ingest_files(store, [str(path)])
    with store.engine.connect() as connection:
        return [pk for (pk,) in connection.execute(select(posts.c.pk).order_by(posts.c.pk))]


def _save(store, pks: list[int], fill: int) -> None:
    values = np.full((len(pks), 4), fill, dtype=np.uint32)
    keys = np.full((len(pks), 2), fill, dtype=np.uint64)
    with store.engine.begin() as connection:
        save_text_index(connection, np.array(pks), Signatures(values, 1, 4), keys)


def test_the_latest_version_of_a_post_wins_and_many_runs_are_compacted(store, tmp_path: Path):
    first, second, third = _posts(store, tmp_path, 3)
    _save(store, [first, second, third], 1)
    runs = MAX_SEGMENTS + 5
    for run in range(runs):  # small incremental runs, each linking one post again
        _save(store, [first if run % 2 == 0 else second], 100 + run)
    with store.engine.connect() as connection:
        segments = connection.execute(select(func.count()).select_from(link_segments)).scalar_one()
    assert segments <= MAX_SEGMENTS
    index = load_text_index(store)
    assert index.post_pk.tolist() == [first, second, third]
    last_even = max(run for run in range(runs) if run % 2 == 0)
    last_odd = max(run for run in range(runs) if run % 2 == 1)
    assert index.signatures.values[:, 0].tolist() == [100 + last_even, 100 + last_odd, 1]
    assert index.band_keys[2].tolist() == [1, 1]
