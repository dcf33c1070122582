from __future__ import annotations

from pathlib import Path

import orjson

from factories import jsonl, post_dict

NETWORK_KEYS = [
    "network_id", "aliases", "post_ids", "personas", "phones", "handles", "sources",
    "first_seen", "last_seen", "itinerary", "people_estimate", "scores",
]  # fmt: skip


def _group_posts() -> list[dict]:
    stops = [("Lyon", "2024-03-01"), ("Lyon", "2024-03-03"), ("Dijon", "2024-03-10"),
             ("Dijon", "2024-03-12"), ("Metz", "2024-03-20")]  # fmt: skip
    return [
        post_dict(
            index,
            text=f"{name}, de passage sur {city} quelques jours, appartement calme. 06 44 55 66 77",
            city=city,
            posted_at=f"{day}T10:00:00+01:00",
            author=f"agence{index}",
            image_phashes=[],
        )
        for index, ((city, day), name) in enumerate(
            zip(stops, ["Léa", "Nour", "Léa", "Inès", "Nour"], strict=True)
        )
    ]


def test_export_networks_and_show_one(cli, tmp_path: Path):
    db = str(tmp_path / "s.db")
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(*_group_posts()))
    assert cli("ingest", str(path), db=db).returncode == 0
    assert cli("analyze", db=db).returncode == 0

    out = tmp_path / "networks.jsonl"
    result = cli("export", "networks", "--format", "jsonl", "--output", str(out), db=db)
    assert result.returncode == 0, result.stderr
    (network,) = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert list(network)[: len(NETWORK_KEYS)] == NETWORK_KEYS
    assert network["personas"] == ["Léa", "Nour", "Inès"]
    assert network["phones"] == ["+33644556677"]
    assert [(s["city"], s["posts"]) for s in network["itinerary"]] == [
        ("Lyon", 2),
        ("Dijon", 2),
        ("Metz", 1),
    ]
    assert network["itinerary"][0]["arrived"] == "2024-03-01T10:00:00+01:00"
    assert network["first_seen"] == "2024-03-01T10:00:00+01:00"

    shown = cli("network", "show", network["network_id"], db=db)
    assert shown.returncode == 0, shown.stderr
    text = shown.stdout.decode()
    assert f"Network {network['network_id']}" in text
    assert "Dijon" in text and "Itinerary" in text
    assert "phone +33644556677: ties 5 posts" in text

    missing = cli("network", "show", "n-999999", db=db)
    assert missing.returncode == 1
    assert "no network 'n-999999'" in missing.stderr.decode()
