import numpy as np

from sentinelle.link.batch import (
    TextPairs,
    contact_groups,
    contact_links,
    hub_links_of,
    identifier_evidence,
    image_edges_between,
    link_posts,
)
from sentinelle.link.config import LinkConfig
from sentinelle.link.graph import KIND_CODE, KINDS, make_edges
from sentinelle.link.identifiers import incidence
from sentinelle.link.textlinks import TextCheck
from tests.link.builders import SMALL_CORPUS, boilerplate_posters, link_input, own_words

TEMPLATE = (
    "{name} nouvelle sur {city} cette semaine, recoit dans un appartement discret pres de la "
    "gare, entree par la cour interieure, sonner au deuxieme, rendez-vous pris la veille"
)


def _same_component(result, posts) -> bool:
    return len(set(result.labels[posts].tolist())) == 1


def _group_posts():
    cities = ["Lyon", "Grenoble", "Dijon", "Metz", "Reims", "Tours"]
    names = ["Lea", "Nour", "Ines", "Jade", "Lina", "Eva"]
    return [
        {"text": TEMPLATE.format(name=n, city=c), "city": c}
        for n, c in zip(names, cities, strict=True)
    ]


def test_stock_phrases_do_not_link_independent_posters():
    result = link_posts(link_input(boilerplate_posters(40)), SMALL_CORPUS)
    assert len(set(result.labels.tolist())) == 40
    assert not (result.edges.kind == KIND_CODE["text"]).any()


def test_group_template_with_other_names_and_cities_links():
    posts = boilerplate_posters(40) + _group_posts()
    result = link_posts(link_input(posts), SMALL_CORPUS)
    group = np.arange(40, 46)
    assert _same_component(result, group)
    assert len(set(result.labels[:40].tolist()) & set(result.labels[group].tolist())) == 0


def test_hotel_number_shared_by_fifty_posters_does_not_merge_them():
    posts = []
    for poster in range(50):
        phone = f"+3361200{poster:04d}"
        for _ in range(2):
            posts.append({"text": own_words(poster), "phones": [phone]})
        posts[-1]["phones"] = [phone, "+33472000000"]
    result = link_posts(link_input(posts), SMALL_CORPUS)
    assert "+33472000000" in result.hubs["phone"]
    for poster in range(50):
        assert _same_component(result, [2 * poster, 2 * poster + 1])
    assert len(set(result.labels.tolist())) == 50
    hub_edges = result.edges.hub & (result.edges.kind == KIND_CODE["phone"])
    assert hub_edges.sum() == 49  # kept as evidence, never used to join


def test_a_group_phone_used_by_several_personas_is_not_a_hub():
    posts = []
    for index in range(24):
        persona = index % 4
        posts.append(
            {
                "text": own_words(100 + index),
                "phones": ["+33699000001"],
                "author": f"site{index % 3}:agence{index % 3}",
                "handles": [f"snapchat:persona{persona}x"],
            }
        )
    result = link_posts(link_input(posts), SMALL_CORPUS)
    assert result.hubs["phone"] == []
    assert _same_component(result, np.arange(24))


def test_near_identical_images_link_and_distant_ones_do_not():
    posts = [
        {"text": own_words(1), "phashes": ["8f3a5c7e9b1d2f40"]},
        {"text": own_words(2), "phashes": ["8f3a5c7e9b1d2f43"]},  # 2 bits apart
        {"text": own_words(3), "phashes": ["0f3a5c7e9b1dd0bf"]},  # far
    ]
    result = link_posts(link_input(posts), SMALL_CORPUS)
    assert _same_component(result, [0, 1])
    assert result.labels[2] != result.labels[0]


def test_a_handle_that_is_only_a_first_name_does_not_link():
    posts = [
        {"text": own_words(7), "handles": ["telegram:fatou"]},
        {"text": own_words(8), "handles": ["telegram:fatou"]},
    ]
    result = link_posts(link_input(posts), SMALL_CORPUS)
    assert result.labels[0] != result.labels[1]
    assert result.hubs["handle"] == ["telegram:fatou"]


def test_a_controller_handle_beside_each_womans_own_phone_links_the_group():
    # seven women each give their own phone, always beside the controller's handle: the
    # phones live only with the handle (bound to it), so it is the group's, not a hub
    posts = []
    for woman in range(7):
        for _ in range(3):
            posts.append(
                {
                    "text": own_words(200 + len(posts)),
                    "phones": [f"+3361500{woman:04d}"],
                    "handles": ["telegram:boss_planning42"],
                }
            )
    result = link_posts(link_input(posts), SMALL_CORPUS)
    assert result.hubs["handle"] == []
    assert _same_component(result, np.arange(len(posts)))


def test_a_handle_beside_phones_that_live_apart_from_it_stays_a_hub():
    # each poster also posts with her own phone alone: those phones have lives of their own
    posts = []
    for poster in range(7):
        phone = f"+3361600{poster:04d}"
        posts.append({"text": own_words(300 + 2 * poster), "phones": [phone]})
        posts.append({"text": own_words(301 + 2 * poster), "phones": [phone],
                      "handles": ["telegram:resa_hotel_centre"]})  # fmt: skip
    result = link_posts(link_input(posts), SMALL_CORPUS)
    assert result.hubs["handle"] == ["telegram:resa_hotel_centre"]
    assert len(set(result.labels.tolist())) == 7


def _found(phones, handles=None, authors=None, images=None) -> dict:
    count = len(phones)
    empty = [[] for _ in range(count)]
    return {
        "phone": incidence(phones),
        "handle": incidence(handles or empty),
        "author": incidence(authors or empty),
        "image": incidence(images or empty),
    }


def test_contact_groups_join_posts_sharing_a_value_but_not_a_generic_handle():
    found = _found(
        [["+33611"], ["+33611"], [], [], []],
        handles=[[], ["snap:kevin_b92"], ["snap:kevin_b92"], ["telegram:lea"], ["telegram:lea"]],
    )
    left, right, has = contact_links(found, 5)
    assert sorted(zip(left.tolist(), right.tolist(), strict=True)) == [(1, 0), (2, 1)]
    assert has.tolist() == [True, True, True, False, False]
    groups = contact_groups(found, 5)
    assert groups[0] == groups[1] == groups[2] >= 0
    assert groups[3:].tolist() == [-1, -1]


def test_hub_links_are_the_text_pairs_of_level_two_and_the_image_edges():
    check = TextCheck(
        np.array([0.9, 0.26], np.float32), np.array([9, 0], np.int32), np.zeros(2, np.float32)
    )
    pairs = TextPairs(np.array([0, 2]), np.array([1, 3]), check)
    images = make_edges([4], [5], "image", 0.8)
    left, right = hub_links_of(pairs, images, LinkConfig())
    assert list(zip(left.tolist(), right.tolist(), strict=True)) == [(0, 1), (4, 5)]


def test_identifier_evidence_keeps_hub_edges_weak_and_lists_images_last():
    found = _found([["+33611"], ["+33611"], ["+33472"], ["+33472"]])
    hub = {kind: np.zeros(len(found[kind].values), bool) for kind in found}
    hub["phone"][found["phone"].values.index("+33472")] = True
    images = make_edges([0], [2], "image", 0.8, [0], None, ["a~b"])
    edges, (left, right) = identifier_evidence(found, hub, images, LinkConfig())
    assert [KINDS[k] for k in edges.kind] == ["phone", "phone", "image"]
    assert edges.hub.tolist() == [False, True, False]
    assert [edges.evidence[v] for v in edges.value] == ["+33611", "+33472", "a~b"]
    assert list(zip(left.tolist(), right.tolist(), strict=True)) == [(1, 0), (0, 2)]


def test_image_edges_join_the_first_posts_of_near_hashes_only():
    base = 0x8F3A5C7E9B1D2F40
    names = [f"{base:016x}", f"{base ^ 0b11:016x}", f"{0x0123456789ABCDEF:016x}"]
    edges = image_edges_between(names, np.array([7, 3, 5]), LinkConfig())
    assert list(zip(edges.left.tolist(), edges.right.tolist(), strict=True)) == [(7, 3)]
    assert edges.evidence == [f"{names[0]}~{names[1]}"]
    assert edges.strong(LinkConfig().min_edge_weight).all()
