"""Exports of one corpus made by two versions of the code, compared post by post.

Each version runs the real CLI (ingest, analyze, export posts) on a fresh SQLite store. Every
differing post is then checked against the one change allowed to alter exports (issue #16):
scoring used to compute contact-level facts over batches of about 5,000 posts cut between
networks, so a contact or photo whose posts fell in two batches was seen in part. A difference
is *explained* when one of the post's contacts or photos had posts in two of those old batches.

    python bench/export_parity.py CORPUS --before-python /work/main/.venv/bin/python \\
        --before-src /work/main/src [--workdir DIR]

Exit status 1 if the exports differ in a way the batch cut does not explain.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[1]
OLD_BATCH = 5000  # `iter_scoring_rows`' batch size before the fix


def run(python: str, src: str, corpus: str, workdir: Path, name: str) -> tuple[Path, Path]:
    database, export = workdir / f"{name}.db", workdir / f"{name}.jsonl"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": src, "SENTINELLE_DB": str(database)}
    for args in (["ingest", corpus], ["analyze"], ["export", "posts", "--output", str(export)]):
        subprocess.run([python, "-m", "sentinelle", *args], env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    return database, export


def old_batches(database: Path) -> dict[int, int]:
    """The scoring batch of every analysed post as the old `iter_scoring_rows` cut them."""
    connection = sqlite3.connect(database)
    rows = connection.execute(
        "SELECT post_pk, network_id FROM post_analysis ORDER BY network_id, post_pk"
    ).fetchall()
    batch_of, batch, filled, last = {}, 0, 0, object()
    for pk, network in rows:
        if filled >= OLD_BATCH and (network is None or network != last):
            batch, filled = batch + 1, 0
        batch_of[pk] = batch
        filled += 1
        last = network
    return batch_of


def entities(database: Path) -> dict[int, list[str]]:
    """Each post's contacts and photos, as entity indicators key them."""
    connection = sqlite3.connect(database)
    found: dict[int, list[str]] = defaultdict(list)
    for pk, value in connection.execute("SELECT post_pk, value FROM post_identifiers"):
        found[pk].append(value)
    for pk, phashes in connection.execute(
        "SELECT pk, image_phashes FROM posts WHERE image_phashes != '[]'"
    ):
        found[pk].extend(f"photo:{h}" for h in orjson.loads(phashes))
    return found


def compare(before: Path, after: Path, database: Path) -> dict:
    old = [orjson.loads(line) for line in before.read_bytes().splitlines()]
    new = [orjson.loads(line) for line in after.read_bytes().splitlines()]
    if len(old) != len(new):
        return {"posts": (len(old), len(new)), "unexplained": ["different numbers of posts"]}
    connection = sqlite3.connect(database)
    pk_of = {(s, i): pk for pk, s, i in connection.execute("SELECT pk, source, post_id FROM posts")}
    batch_of, post_entities = old_batches(database), entities(database)
    batches_of_entity: dict[str, set[int]] = defaultdict(set)
    for pk, keys in post_entities.items():
        for key in keys:
            batches_of_entity[key].add(batch_of.get(pk, -1))
    fields: dict[str, int] = defaultdict(int)
    differing, unexplained = 0, []
    for a, b in zip(old, new, strict=True):
        if a == b:
            continue
        differing += 1
        changed = sorted(k for k in a if a[k] != b.get(k))
        for key in changed:
            fields[key] += 1
        pk = pk_of[(a["source"], a["id"])]
        split = any(len(batches_of_entity[k]) > 1 for k in post_entities.get(pk, []))
        if not split or not set(changed) <= {"scores", "flags", "indicators"}:
            unexplained.append({"id": a["id"], "changed": changed, "before": a, "after": b})
    return {
        "posts": len(old),
        "identical_bytes": before.read_bytes() == after.read_bytes(),
        "differing": differing,
        "fields": dict(fields),
        "split_entities": sum(1 for b in batches_of_entity.values() if len(b) > 1),
        "unexplained": unexplained,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--before-python", required=True)
    parser.add_argument("--before-src", required=True)
    parser.add_argument("--workdir", default="/tmp/sentinelle-export-parity")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    _, before = run(args.before_python, args.before_src, args.corpus, workdir, "before")
    database, after = run(sys.executable, str(ROOT / "src"), args.corpus, workdir, "after")
    result = compare(before, after, database)  # the networks are the same in both stores
    shown = {**result, "unexplained": result["unexplained"][:5]}
    print(orjson.dumps(shown, option=orjson.OPT_INDENT_2).decode())
    print(f"unexplained differences: {len(result['unexplained'])}")
    sys.exit(1 if result["unexplained"] else 0)


if __name__ == "__main__":
    main()
