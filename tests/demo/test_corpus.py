"""The corpus as a whole: determinism, contract, mix of actors, itineraries, history."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sentinelle.demo import generate
from sentinelle.demo.communes import COMMUNES
from sentinelle.demo.corpus import block_pairs, blocks
from sentinelle.demo.dice import Dice
from sentinelle.demo.photos import new_album, reupload
from sentinelle.records import POST_FIELDS, POST_KINDS

PARIS = ZoneInfo("Europe/Paris")
PHASH = re.compile(r"[0-9a-f]{16}")


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    first = list(generate(800, seed=11))
    assert first == list(generate(800, seed=11))
    assert first != list(generate(800, seed=12))


def test_exact_count_even_for_tiny_and_block_crossing_sizes() -> None:
    for size in (0, 1, 7, 150):
        assert sum(1 for _ in generate(size, seed=1)) == size


def test_the_session_corpus_crosses_a_block_boundary(corpus) -> None:
    assert len(corpus) == 12_000
    assert len({(post["source"], post["id"]) for post, _ in corpus}) > 11_000


def test_bad_arguments_say_what_is_wrong() -> None:
    with pytest.raises(ValueError, match="hard_obfuscation"):
        next(generate(10, 1, hard_obfuscation=1.5))
    with pytest.raises(ValueError, match="n_posts"):
        next(generate(-1, 1))


def test_every_post_obeys_the_input_contract(corpus) -> None:
    for post, _ in corpus:
        assert isinstance(post["id"], str) and post["id"]
        assert isinstance(post["source"], str) and post["source"]
        assert post["kind"] in POST_KINDS
        assert isinstance(post["text"], str) and post["text"].strip()
        for optional in ("url", "city", "title", "author"):
            assert post.get(optional) is None or isinstance(post[optional], str)
        assert all(PHASH.fullmatch(h) for h in post.get("image_phashes", []))


def test_posted_at_is_paris_local_time_in_2024_2025(corpus) -> None:
    for post, _ in corpus:
        stamp = datetime.fromisoformat(post["posted_at"])
        assert stamp.utcoffset() == stamp.astimezone(PARIS).utcoffset()
        assert 2024 <= stamp.year <= 2025


def test_truth_lines_follow_posts(corpus) -> None:
    for post, truth in corpus:
        assert (truth["source"], truth["id"]) == (post["source"], post["id"])
        assert len(truth["phones"]) == len(truth["phone_tricks"])


def test_mix_of_actors_matches_the_brief(corpus) -> None:
    ads = Counter(
        "recruitment" if truth["labels"]["recruitment"] else truth["actor_kind"]
        for _, truth in corpus
    )
    assert ads["group"] == 1500 + 300
    assert ads["recruitment"] == 500 + 100
    assert ads["benign"] == 2500 + 500
    assert ads["independent"] == 5500 + 1100


def test_a_third_or_so_of_group_victims_are_minors(corpus) -> None:
    ads_of: dict[str, list[bool]] = defaultdict(list)
    for _, truth in corpus:
        if truth["actor_kind"] == "group" and not truth["labels"]["recruitment"]:
            ads_of[truth["person"]].append(truth["labels"]["minor"])
    # an adult's duo ad with a minor is about a minor too: a minor is minor in all her ads
    share = sum(all(minor) for minor in ads_of.values()) / len(ads_of)
    assert len(ads_of) > 40
    assert 0.28 <= share <= 0.42


def test_labels_are_coherent_with_actor_kinds(corpus) -> None:
    for post, truth in corpus:
        labels, kind = truth["labels"], truth["actor_kind"]
        if kind in ("independent", "benign"):
            assert labels == {"minor": False, "control": False, "recruitment": False}
        if kind == "recruiter":
            assert labels["recruitment"] and not labels["minor"]
        if kind == "group" and not labels["recruitment"]:
            assert labels["control"] and post["kind"] == "ad"
        if labels["recruitment"]:
            assert kind in ("group", "recruiter") and post["kind"] != "ad"


def test_groups_move_between_cities_over_time(corpus) -> None:
    stays: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for post, truth in corpus:
        if truth["actor_kind"] == "group" and not truth["labels"]["recruitment"]:
            stays[truth["actor"]].append((post["posted_at"], truth["city"]))
    movers = 0
    for visits in stays.values():
        cities = [city for _, city in sorted(visits, key=lambda v: datetime.fromisoformat(v[0]))]
        changes = sum(1 for a, b in itertools.pairwise(cities) if a != b)
        movers += changes >= 1
    assert movers >= 0.7 * len([v for v in stays.values() if len(v) >= 10])


def test_group_victims_share_the_group_contacts(corpus) -> None:
    phones_per_group: dict[str, Counter] = defaultdict(Counter)
    people: dict[str, set] = defaultdict(set)
    for _, truth in corpus:
        if truth["actor_kind"] == "group" and not truth["labels"]["recruitment"]:
            phones_per_group[truth["actor"]].update(truth["phones"])
            people[truth["actor"]].add(truth["person"])
    for actor, phones in phones_per_group.items():
        if len(people[actor]) > 1 and phones:
            assert len(phones) <= 2  # one phone (two when they changed) for every girl


def test_places_are_real_communes_with_their_department(corpus) -> None:
    known = {(c.name, c.department) for c in COMMUNES}
    for _, truth in corpus:
        if truth["city"] is not None:
            assert (truth["city"], truth["department"]) in known


def test_some_posts_are_republished_with_changed_text(corpus) -> None:
    seen: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for post, _ in corpus:
        seen[(post["source"], post["id"])].append(post)
    republished = [versions for versions in seen.values() if len(versions) > 1]
    assert len(republished) > 100
    for versions in republished:
        assert len({v["text"] for v in versions}) == len(versions)
        stamps = [datetime.fromisoformat(v["posted_at"]) for v in versions]
        assert stamps == sorted(stamps)


def test_unknown_extra_fields_appear_now_and_then(corpus) -> None:
    extras = sum(1 for post, _ in corpus if set(post) - set(POST_FIELDS))
    assert 100 < extras < 1500


def test_group_photos_are_reused_with_small_bit_flips(corpus) -> None:
    by_person: dict[str, list[int]] = defaultdict(list)
    for post, truth in corpus:
        if truth["actor_kind"] == "group":
            by_person[truth["person"]] += [int(h, 16) for h in post.get("image_phashes", [])]
    exact, near = 0, 0
    for hashes in by_person.values():
        distinct = sorted(set(hashes))
        exact += len(hashes) - len(distinct)
        near += sum(1 for a, b in itertools.pairwise(distinct) if 0 < (a ^ b).bit_count() <= 4)
    assert exact > 500
    assert near > 0


def test_parallel_blocks_give_the_same_corpus() -> None:
    serial = [pair for block in blocks(900, 3, 0.3, block_pairs, block_size=300) for pair in block]
    parallel = blocks(900, 3, 0.3, block_pairs, workers=2, block_size=300)
    assert serial == [pair for block in parallel for pair in block]


def test_phones_and_handles_belong_to_one_actor_each(corpus) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for _, truth in corpus:
        for identifier in truth["phones"] + truth["handles"]:
            owners[identifier].add(truth["actor"])
    shared = {identifier: actors for identifier, actors in owners.items() if len(actors) > 1}
    assert not shared


def test_a_reupload_flips_one_to_four_bits() -> None:
    rng = Dice(8)
    distances = {(reupload(rng, photo) ^ photo).bit_count() for photo in new_album(rng, 400)}
    assert distances == {1, 2, 3, 4}


def test_titles_are_one_line(corpus) -> None:
    assert all("\n" not in (post.get("title") or "") for post, _ in corpus)
