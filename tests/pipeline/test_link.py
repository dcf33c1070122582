from __future__ import annotations

from pathlib import Path

from factories import jsonl, post_dict
from sentinelle.export.posts import iter_export
from sentinelle.ingest.pipeline import ingest_files
from sentinelle.pipeline.analyze import analyze
from sentinelle.pipeline.link import link_networks
from sentinelle.store.link_index import count_indexed
from sentinelle.store.networks import load_aliases, load_state

PHONE_A = "06 11 22 33 44"
PHONE_B = "07 55 66 77 88"
WORDS = ["calme", "gare", "parking", "centre", "tram", "soir", "matin", "semaine", "veille"]


def _post(index: int, *phones: str) -> dict:
    own = " ".join(f"{WORDS[(index + k) % len(WORDS)]}{index}{k}" for k in range(6))
    return post_dict(
        index,
        text=f"Studio {own}. Contact {' ou '.join(phones)}",
        posted_at=f"2024-03-{10 + index:02d}T10:00:00+01:00",
        author=f"compte{index}",
        image_phashes=[],
    )


def _networks(store) -> dict[str, str | None]:
    return {obj["id"]: obj["network_id"] for obj in iter_export(store)}


def _ingest(store, tmp_path: Path, posts: list[dict]) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(*posts))
    ingest_files(store, [str(path)])
    analyze(store, workers=1)


def test_networks_keep_their_ids_merge_into_the_older_and_grow(store, tmp_path: Path):
    _ingest(
        store,
        tmp_path,
        [_post(i, PHONE_A) for i in range(3)] + [_post(i, PHONE_B) for i in range(3, 6)],
    )
    first = _networks(store)
    assert {first[f"p0000{i}"] for i in range(3)} == {"n-000001"}
    assert {first[f"p0000{i}"] for i in range(3, 6)} == {"n-000002"}

    _ingest(store, tmp_path, [_post(6, PHONE_A, PHONE_B)])  # one post carries both numbers
    merged = _networks(store)
    assert set(merged.values()) == {"n-000001"}
    assert load_aliases(store) == {"n-000002": "n-000001"}

    _ingest(store, tmp_path, [_post(7, PHONE_B), _post(8)])
    grown = _networks(store)
    assert grown["p00007"] == "n-000001"
    assert grown["p00008"] is None  # linked to nothing: no network

    assert analyze(store, workers=1).analyzed == 0
    assert _networks(store) == grown


TEMPLATE = (
    "{name} de passage sur {city}, appartement discret pres de la gare, entree par la cour "
    "interieure, sonner au deuxieme etage, rendez-vous pris la veille, parking facile"
)


def _template_post(index: int, name: str, city: str) -> dict:
    text = TEMPLATE.format(name=name, city=city)
    return post_dict(index, text=text, author=f"x{index}", image_phashes=[])


def test_incremental_runs_match_a_full_relink(store, tmp_path: Path):
    first = [_post(i, PHONE_A) for i in range(3)]
    first += [
        _template_post(10 + i, n, c) for i, (n, c) in enumerate([("Lea", "Lyon"), ("Nour", "Metz")])
    ]
    _ingest(store, tmp_path, first)
    assert count_indexed(store) == 5
    _ingest(
        store, tmp_path, [_post(4, PHONE_A), _post(5, PHONE_B), _template_post(20, "Ines", "Brest")]
    )
    assert count_indexed(store) == 8
    incremental = _networks(store)
    assert incremental["p00004"] == incremental["p00000"] is not None
    assert incremental["p00020"] == incremental["p00010"] is not None
    assert incremental["p00005"] is None

    summary = link_networks(store, full=True)
    assert not summary.incremental
    assert _networks(store) == incremental


def _edges(store) -> set[tuple[str, str, str, str | None]]:
    from sqlalchemy import select

    from sentinelle.store.schema import link_edges, posts

    left, right = posts.alias("l"), posts.alias("r")
    query = (
        select(left.c.post_id, right.c.post_id, link_edges.c.kind, link_edges.c.value)
        .join(left, left.c.pk == link_edges.c.left_pk)
        .join(right, right.c.pk == link_edges.c.right_pk)
    )
    with store.engine.connect() as connection:
        return {tuple(row) for row in connection.execute(query)}


def test_a_changed_post_loses_the_evidence_of_its_old_version(store, tmp_path: Path):
    _ingest(store, tmp_path, [_post(0, PHONE_A), _post(1, PHONE_A), _post(2, PHONE_B)])
    assert ("p00001", "p00000", "phone", "+33611223344") in _edges(store)

    # p00000 (the phone's first post) now gives another number: edges to it through the old
    # number go, p00001 keeps its own evidence, p00000 links to p00002 through the new one
    _ingest(store, tmp_path, [_post(0, PHONE_B)])
    edges = _edges(store)
    assert not [e for e in edges if e[3] == "+33611223344" and "p00000" in e[:2]]
    assert ("p00000", "p00002", "phone", "+33755667788") in edges
    assert _networks(store)["p00000"] == _networks(store)["p00002"] is not None


HOTEL = "04 72 00 00 00"


def test_a_value_that_becomes_a_hub_between_full_runs_stops_joining_posters(store, tmp_path: Path):
    own = [f"06 40 00 00 {10 + i}" for i in range(8)]
    _ingest(store, tmp_path, [_post(i, own[i], HOTEL) for i in range(3)])
    assert len({_networks(store)[f"p0000{i}"] for i in range(3)}) == 1  # three: not a hub yet

    # five more posters, each with a number of their own, give the same hotel number
    _ingest(store, tmp_path, [_post(i, own[i], HOTEL) for i in range(3, 8)])
    networks = _networks(store)
    assert all(networks[f"p0000{i}"] is None for i in range(3, 8))
    assert "+33472000000" in load_state(store)["hubs"]["phone"]


OFFER = (
    "Tu veux te faire de l'argent vite ? Appart fourni sur {city}, on s'occupe de tout "
    "(annonces, clients, securite), deplacements payes, appelle le {phone} des ce soir"
)


def _group_posts(group: int, start: int) -> list[dict]:
    """A group's two own ads and one copy of the offer every group pastes, all with its phone."""
    phone = f"06 45 {group:02d} 10 20"
    city = ["Lyon", "Metz", "Reims", "Tours", "Nantes", "Lille"][group]
    own = [_post(start + k, phone) for k in range(2)]
    day = f"2024-04-{1 + group:02d}T10:00:00+01:00"
    text = OFFER.format(city=city, phone=phone)
    offer = post_dict(start + 2, text=text, author=f"o{start}", image_phashes=[], posted_at=day)
    return [*own, offer]


def test_a_copied_offer_relates_networks_without_merging_them_incrementally_as_in_full(
    store, tmp_path: Path
):
    from sentinelle.store.networks import template_relations

    _ingest(store, tmp_path, [p for g in range(4) for p in _group_posts(g, 3 * g)])
    _ingest(store, tmp_path, [p for g in range(4, 6) for p in _group_posts(g, 3 * g)])
    incremental = _networks(store)
    groups = [{incremental[f"p{3 * g + k:05d}"] for k in range(3)} for g in range(6)]
    assert all(len(ids) == 1 and None not in ids for ids in groups)
    assert len({ids.pop() for ids in groups}) == 6  # six networks, none merged
    related = template_relations(store, incremental["p00000"])
    assert related and all(r["network_id"] != incremental["p00000"] for r in related)

    link_networks(store, full=True)
    assert _networks(store) == incremental
