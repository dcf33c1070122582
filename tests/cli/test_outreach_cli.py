"""`sentinelle users add --org`, `outreach refresh|purge|services import|organisations`."""

from __future__ import annotations

import time
from pathlib import Path

from outreach_factories import add_flagged
from sentinelle.store import open_store
from sentinelle.store.outreach import open_file
from sentinelle.store.outreach_persons import person_queue

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "outreach_services.csv"
PASSWORD = b"a long enough password\n"


def test_accounts_belong_to_an_organisation(cli, sqlite_url):
    done = cli("users", "add", "lea", "--role", "outreach", "--org", "amicale", db=sqlite_url,
               stdin=PASSWORD)  # fmt: skip
    assert done.returncode == 0 and done.stdout == b"added lea (outreach, amicale)\n"
    cli("users", "add", "max", "--role", "analyst", db=sqlite_url, stdin=PASSWORD)
    listed = cli("outreach", "organisations", db=sqlite_url)
    assert listed.stdout.decode().splitlines() == [
        "amicale\tlea\toutreach",
        "default\tmax\tanalyst",
    ]


def test_services_import(cli, sqlite_url, tmp_path):
    done = cli("outreach", "services", "import", str(EXAMPLE), "--org", "amicale", db=sqlite_url)
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"imported 12 services in 5 d\xc3\xa9partements for amicale\n"
    bad = tmp_path / "bad.csv"
    bad.write_text("departement,type,nom\n69,crip,A\n69,piscine,B\n", encoding="utf-8")
    refused = cli("outreach", "services", "import", str(bad), db=sqlite_url)
    assert refused.returncode == 1
    assert b"bad.csv: line 3: field 'type'" in refused.stderr


def test_refresh_and_purge(cli, sqlite_url):
    store = open_store(sqlite_url)
    add_flagged(store, [{"id": "a1", "phone": "06 11 11 11 11", "age": 16}])
    store.close()
    refreshed = cli("outreach", "refresh", db=sqlite_url)
    assert refreshed.stdout == b"1 persons at risk (1 new, 0 no longer flagged)\n"
    store = open_store(sqlite_url)
    (person,) = person_queue(store, 1)
    file = open_file(store, 1, person["pk"], "lea", time.time() - 400 * 86400)
    store.close()
    dry = cli("outreach", "purge", "--dry-run", db=sqlite_url)
    assert dry.returncode == 0
    assert dry.stdout.decode().splitlines() == [
        f"would delete file {file['pk']} (default, new, idle 400 days)",
        "would delete 1 file idle over 12 months",
    ]
    kept = cli("outreach", "purge", "--months", "18", db=sqlite_url)
    assert kept.stdout == b"deleted 0 files idle over 18 months\n"
    done = cli("outreach", "purge", db=sqlite_url)
    assert done.stdout.decode().endswith("deleted 1 file idle over 12 months\n")
    again = cli("outreach", "purge", "--dry-run", db=sqlite_url)
    assert again.stdout == b"would delete 0 files idle over 12 months\n"
    verified = cli("audit", "verify", db=sqlite_url)
    assert verified.returncode == 0
    assert verified.stdout.startswith(b"audit log intact: 1 entries verified")
