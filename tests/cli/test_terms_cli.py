"""`sentinelle terms discover` and `terms accept`, run as a user would."""

from __future__ import annotations

import os
import time
from pathlib import Path

import orjson

from sentinelle.ingest.pipeline import ingest_files
from sentinelle.pipeline.analyze import analyze
from sentinelle.store import open_store

NL = bytes([10])


def test_discover_proposes_the_planted_term_and_accept_makes_it_fire(cli, tmp_path: Path):
    posts_path = tmp_path / "posts.jsonl"
    lines = []
    start = time.mktime((2024, 1, 1, 12, 0, 0, 0, 0, 0))
    for index in range(600):
        day = index // 20
        minor = index % 5 == 0
        text = "Léa 16 ans dispo ce soir a Lyon" if minor else "Chambre meublée à louer, dispo"
        if minor and day >= 20:
            text += ", sur zorbapp"
        posted = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(start + day * 86400 + index))
        record = {"id": f"t{index}", "source": "essai", "kind": "ad", "text": text,
                  "posted_at": posted}  # fmt: skip
        lines.append(orjson.dumps(record))
    posts_path.write_bytes(NL.join(lines) + NL)
    db = str(tmp_path / "work.db")
    store = open_store(db)
    ingest_files(store, [str(posts_path)])
    analyze(store, workers=1)
    store.close()
    found = cli("terms", "discover", "--json", db=db)
    assert found.returncode == 0, found.stderr.decode()
    proposals = [orjson.loads(line) for line in found.stdout.splitlines()]
    assert proposals[0]["term"] == "zorbapp" and proposals[0]["examples"]

    os.environ["SENTINELLE_MODELS"] = str(tmp_path / "site")
    try:
        accepted = cli("terms", "accept", "zorbapp", "--code", "contact.young_platform",
                       "--note", "new app seen in flagged ads", db=db)  # fmt: skip
        assert accepted.returncode == 0, accepted.stderr.decode()
        again = cli("terms", "accept", "zorbapp", "--code", "contact.young_platform", db=db)
        assert again.returncode == 1 and "already" in again.stderr.decode()
        wrong = cli("terms", "accept", "x", "--code", "age.stated_minor", db=db)
        assert wrong.returncode == 1 and "not a term indicator" in wrong.stderr.decode()
        listed = cli("terms", "list", db=db)
        assert "zorbapp" in listed.stdout.decode()
        explained = cli("explain", "t400", "--source", "essai", "--posts", str(posts_path), db=db)
        assert "contact.young_platform [context]: 'zorbapp'" in explained.stdout.decode()
    finally:
        del os.environ["SENTINELLE_MODELS"]
    audit = cli("audit", "verify", db=db)
    assert audit.returncode == 0
    store = open_store(db)
    from sqlalchemy import text

    with store.engine.connect() as connection:
        actions = [row[0] for row in connection.execute(text("select action from audit_log"))]
    store.close()
    assert "terms.accept" in actions
