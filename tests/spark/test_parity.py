"""Spark (`local[2]`) against the embedded run on the same demo corpus: same extractions, flags,
indicators, scores and networks; after `load`, the same exports."""

from __future__ import annotations

import orjson
import pytest

from sentinelle.export.networks import iter_networks
from sentinelle.export.posts import iter_export
from sentinelle.spark.parity import compare
from sentinelle.store import Store, open_store
from sentinelle.store.load import load_results, parquet_batches
from sentinelle.store.networks import load_state
from sentinelle.store.quarantine import list_entries

pytestmark = pytest.mark.spark


def exports(store: Store) -> tuple[list[bytes], list[bytes]]:
    return (
        [orjson.dumps(o) for o in iter_export(store)],
        [orjson.dumps(o) for o in iter_networks(store)],
    )


def test_spark_gives_the_embedded_extractions_flags_scores_and_networks(runs):
    parity = compare(runs.store, runs.output)
    assert parity.posts > 2000
    assert parity.missing == 0
    assert parity.extraction_differs == 0, parity.differences
    assert parity.flags_differ == 0, parity.differences
    assert parity.indicators_differ == 0
    assert parity.max_score_difference <= 1e-6
    assert parity.networks_spark == parity.networks_embedded > 50
    assert parity.ari == 1.0


def test_hubs_are_the_embedded_hubs_and_the_hotel_number_is_one(runs):
    spark_state = next(
        orjson.loads(r["state"])
        for b in parquet_batches(f"{runs.output}/state")
        for r in b.to_pylist()
    )
    embedded = load_state(runs.store)["hubs"]
    assert spark_state["hubs"] == embedded
    assert "+33472102030" in spark_state["hubs"]["phone"]


def test_match_model_and_template_relations_are_the_embedded_ones(runs):
    spark_state = next(
        orjson.loads(r["state"])
        for b in parquet_batches(f"{runs.output}/state")
        for r in b.to_pylist()
    )
    embedded = load_state(runs.store)
    assert spark_state["match_model"] == embedded["match_model"]
    assert spark_state["templates"] == embedded["templates"]
    assert len(spark_state["match_model"]["m"]) == 3


def test_bad_records_are_quarantined_with_the_same_file_line_field_and_reason(runs):
    spark = sorted(
        (r["file"], r["line"], r["field"], r["reason"], r["raw"])
        for batch in parquet_batches(f"{runs.output}/quarantine")
        for r in batch.to_pylist()
    )
    embedded = sorted(
        (e["file"], e["line"], e["field"], e["reason"], e["raw"])
        for e in list_entries(runs.store, limit=1000)
    )
    assert len(spark) == 3
    assert spark == embedded
    assert {r[2] for r in spark} == {"posted_at", None}


def test_loaded_results_export_exactly_as_the_embedded_store(runs, store):
    summary = load_results(store, runs.output)
    assert summary.posts == len(exports(runs.store)[0])
    assert exports(store) == exports(runs.store)


# What the workspace pages read besides posts and networks (`analyze` writes them at its
# end), without the columns that say when a row was written.
WORKSPACE_TABLES = {
    "post_identifiers": (),
    "network_summaries": (),
    "weekly_counts": (),
    "outreach_persons": ("pk", "refreshed_at"),
}


def workspace_rows(store: Store) -> dict[str, list[tuple]]:
    from sqlalchemy import select

    from sentinelle.store import schema

    rows = {}
    with store.engine.connect() as connection:
        for name, skipped in WORKSPACE_TABLES.items():
            table = getattr(schema, name)
            columns = [c for c in table.columns if c.name not in skipped]
            found = [tuple(r) for r in connection.execute(select(*columns))]
            rows[name] = sorted(found, key=lambda row: [_nulls_first(v) for v in row])
    return rows


def _nulls_first(value) -> tuple:
    return (False, 0) if value is None else (True, value)


def test_loaded_store_holds_what_the_workspace_reads_as_the_embedded_store(runs, tmp_path):
    store = open_store(str(tmp_path / "loaded.db"))
    load_results(store, runs.output)
    loaded, embedded = workspace_rows(store), workspace_rows(runs.store)
    store.close()
    assert all(embedded.values())  # persons at risk, summaries, weeks: none is empty
    for name in WORKSPACE_TABLES:
        assert loaded[name] == embedded[name], name


def test_network_profiles_written_by_spark_are_the_export_contract(runs):
    written = [
        orjson.loads(row["profile"])
        for batch in parquet_batches(f"{runs.output}/networks")
        for row in batch.to_pylist()
    ]
    assert written == [orjson.loads(line) for line in exports(runs.store)[1]]
    assert all("itinerary" in profile for profile in written)


def test_load_refuses_a_store_that_already_holds_posts(runs, tmp_path):
    from sentinelle.errors import StoreError

    store = open_store(str(tmp_path / "full.db"))
    load_results(store, runs.output)
    with pytest.raises(StoreError, match="already holds"):
        load_results(store, runs.output)
    store.close()
