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


OFFER = (
    "Tu veux te faire de l'argent vite ? Appart fourni sur {city}, on s'occupe de tout "
    "(annonces, clients, securite), deplacements payes, appelle le {phone} des ce soir"
)
OWN = "{name}, {area}, {phone}"


def test_show_explains_text_links_by_match_weights_and_lists_copied_templates(cli, tmp_path):
    posts = []
    for group, (city, area) in enumerate(
        [("Lyon", "studio au fond de l'impasse des glycines, portail vert, sonnette du haut"),
         ("Metz", "petite maison derriere le vieux port, volets bleus, entree sur le cote"),
         ("Reims", "residence pres de la basilique saint remi, code au portillon, troisieme"),
         ("Tours", "loft au dessus des halles, escalier en fer, porte rouge au fond"),
         ("Nantes", "chambre sous les toits pres de la cathedrale, ascenseur en panne")]
    ):  # fmt: skip
        phone = f"06 45 {group:02d} 10 20"
        for k, name in enumerate(("Lea", "Nour")):
            # the second ad gives no number: it joins its group through its own wording
            text = OWN.format(name=name, area=area, phone=phone if k == 0 else "ecris moi")
            posts.append(post_dict(10 * group + k, text=text, author=f"a{group}{k}",
                                   image_phashes=[]))  # fmt: skip
        offer = OFFER.format(city=city, phone=phone)
        posts.append(post_dict(10 * group + 2, text=offer, author=f"o{group}", image_phashes=[]))
    db = str(tmp_path / "s.db")
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(*posts))
    assert cli("ingest", str(path), db=db).returncode == 0
    assert cli("analyze", db=db).returncode == 0
    out = tmp_path / "networks.jsonl"
    assert (
        cli("export", "networks", "--format", "jsonl", "--output", str(out), db=db).returncode == 0
    )
    networks = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert len(networks) == 5 and all(len(n["post_ids"]) == 3 for n in networks)

    shown = cli("network", "show", networks[0]["network_id"], db=db)
    assert shown.returncode == 0, shown.stderr
    text = shown.stdout.decode()
    assert "match weight" in text and "own wording similar" in text
    assert "contacts: one side gives none" in text
    assert "Same template (copied text, never a merge)" in text
    related = text.split("Same template")[1]
    assert related.count("  network n-") >= 1
    assert "tu veux te faire de l argent vite" in related


def _group_and_offers() -> list[dict]:
    """A group's ads giving its phone and its Snapchat handle; its recruitment offers on a
    social source naming the handle only as a bare "@name"; a benign post giving its own phone
    that mentions the name too."""
    ads = [
        post_dict(
            index,
            text=f"Nouvelle sur Lyon, appartement calme {index}. 06 44 55 66 77 ou snap: boss_4217",
            posted_at=f"2024-03-{index + 1:02d}T10:00:00+01:00",
            author=None,
            image_phashes=[],
        )
        for index in range(3)
    ]
    offers = [
        post_dict(
            10 + index,
            source="tchatou",
            kind="social_post",
            title=None,
            text="Tu veux te faire de l'argent vite ? Appart fourni, on gère tout. DM @boss_4217",
            posted_at=f"2024-03-{index + 5:02d}T10:00:00+01:00",
            author=None,
            image_phashes=[],
        )
        for index in range(2)
    ]
    benign = post_dict(
        20,
        source="tableau-local",
        text="Chambre à louer près de la gare, photos chez @boss_4217. Appeler 07 12 34 56 78",
        author=None,
        image_phashes=[],
    )
    return [*ads, *offers, benign]


def test_an_offer_naming_the_group_handle_as_a_bare_mention_joins_the_group(cli, tmp_path: Path):
    db = str(tmp_path / "s.db")
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(*_group_and_offers()))
    assert cli("ingest", str(path), db=db).returncode == 0
    assert cli("analyze", db=db).returncode == 0
    out = tmp_path / "networks.jsonl"
    assert (
        cli("export", "networks", "--format", "jsonl", "--output", str(out), db=db).returncode == 0
    )
    (network,) = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    ids = {post_id for _, post_id in network["post_ids"]}
    assert ids == {"p00000", "p00001", "p00002", "p00010", "p00011"}  # not the benign p00020
    shown = cli("network", "show", network["network_id"], db=db)
    assert shown.returncode == 0, shown.stderr
    assert b"one account named on two platforms, tchatou:boss_4217 = snapchat:boss_4217" in (
        shown.stdout
    )
