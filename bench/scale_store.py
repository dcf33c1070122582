"""Make a large analysed store from a small one: copies of every post, its analysis, its
identifiers and the linking evidence, each copy with its own keys, post ids, network ids and
identifier values (phones' subscriber digits shifted, handles suffixed), so networks keep the
demo corpus's sizes and shapes and no identifier links two copies.

    python bench/scale_store.py SMALL.db LARGE.db --copies 50

For the web benchmark when analysing a million posts does not fit the time at hand (the
demo corpus at 20,000 posts, analysed, times 50 is about 960,000 posts). Accounts, cases and
outreach persons stay those of the small store; the text index, network summaries and
weekly counts, the posts list's indicator rows and the large networks' stored pages are
derived again for every copy.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sentinelle.store import open_store
from sentinelle.store.network_summaries import refresh_summaries
from sentinelle.store.post_indicators import write_indicator_rows
from sentinelle.store.weekly_counts import refresh_weekly
from sentinelle.web.network_view import write_network_views


def shifted(kind: str, value: str | None, copy: int) -> str | None:
    """The identifier `value` as copy `copy` carries it (copy 0: unchanged)."""
    if value is None or copy == 0 or kind not in ("phone", "handle"):
        return value
    if kind == "phone" and value.startswith("+") and value[1:].isdigit() and len(value) > 9:
        head, tail = value[:-8], int(value[-8:])
        return f"{head}{(tail + copy * 7_990_001) % 10**8:08d}"
    return f"{value}_{copy}"


def scale(small: str, large: str, copies: int) -> None:
    shutil.copyfile(small, large)
    open_store(large).close()  # the copy at the schema's head: the columns named below exist
    db = sqlite3.connect(large)
    db.create_function("shifted", 3, shifted, deterministic=True)
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("ATTACH ? AS src", (small,))
    step = (db.execute("SELECT max(pk) FROM src.posts").fetchone()[0] // 1000 + 1) * 1000
    started = time.perf_counter()
    for k in range(1, copies):
        off = k * step
        db.execute(
            f"""INSERT INTO posts SELECT pk + {off}, source, post_id || '~{k}', kind, text,
            title, url, city, author, posted_at, posted_ts, image_phashes, extra,
            content_hash, version, ingested_at, pending FROM src.posts"""
        )
        db.execute(
            f"""INSERT INTO post_analysis (post_pk, phones, handles, stated_ages, prices,
            mentions, city, department, obfuscated_phones, score_minor, score_control,
            score_recruitment, flags, indicators, network_id, analyzed_at, posted_ts, source, kind)
            SELECT a.post_pk + {off}, a.phones, a.handles, a.stated_ages,
            a.prices, a.mentions, a.city, a.department, a.obfuscated_phones, a.score_minor,
            a.score_control, a.score_recruitment, a.flags, a.indicators,
            CASE WHEN a.network_id IS NULL THEN NULL ELSE a.network_id || '.{k}' END,
            a.analyzed_at, a.posted_ts, p.source, p.kind
            FROM src.post_analysis a JOIN src.posts p ON p.pk = a.post_pk"""
        )
        db.execute(
            f"""INSERT INTO post_identifiers (post_pk, kind, value)
            SELECT post_pk + {off}, kind, shifted(kind, value, {k}) FROM src.post_identifiers"""
        )
        db.execute(
            f"""INSERT INTO link_edges SELECT left_pk + {off}, right_pk + {off}, kind, weight,
            shifted(kind, value, {k}), hub,
            CASE WHEN network_id IS NULL THEN NULL ELSE network_id || '.{k}' END
            FROM src.link_edges"""
        )
        db.execute(
            f"""INSERT INTO network_aliases SELECT alias || '.{k}', network_id || '.{k}',
            merged_at FROM src.network_aliases"""
        )
        db.commit()
        print(f"  copy {k + 1}/{copies} ({time.perf_counter() - started:.0f}s)", flush=True)
    # What the posts writer and `analyze` derive: the text index, the network list's rows and
    # the overview's weekly counts, for every copy.
    db.execute(
        f"INSERT INTO posts_fts(rowid, text, title) SELECT pk, text, title FROM posts "
        f"WHERE pk >= {step}"
    )
    db.execute("ANALYZE")
    db.commit()
    db.close()
    store = open_store(f"sqlite:///{large}")
    with store.engine.begin() as connection:  # the posts list's indicator rows
        write_indicator_rows(connection, None)
        connection.exec_driver_sql("ANALYZE post_indicators")
    refresh_summaries(store)
    refresh_weekly(store)
    write_network_views(store)  # large networks' pages (migration 0017), as `analyze` does
    print(f"  derived rows ({time.perf_counter() - started:.0f}s)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("small")
    parser.add_argument("large")
    parser.add_argument("--copies", type=int, default=50)
    args = parser.parse_args()
    scale(args.small, args.large, args.copies)


if __name__ == "__main__":
    main()
