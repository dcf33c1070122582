"""Link a whole batch of posts: evidence edges, hub suppression, components."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sentinelle.link.config import LinkConfig
from sentinelle.link.graph import HUB_WEIGHT, Edges, components, concat_edges, make_edges
from sentinelle.link.hubs import hub_values
from sentinelle.link.identifiers import Incidence, star_pairs
from sentinelle.link.images import near_pairs, parse_phashes
from sentinelle.link.inputs import LinkInput
from sentinelle.link.lsh import band_keys, candidate_pairs, has_text
from sentinelle.link.minhash import MinHasher, Signatures
from sentinelle.link.personas import generic_handle
from sentinelle.link.prepare import PreparedPosts, as_prepared
from sentinelle.link.rarity import ShingleRarity
from sentinelle.link.shingles import Shingles
from sentinelle.link.textlinks import check_pairs
from sentinelle.link.timing import StageTimer


@dataclass(slots=True)
class TextModel:
    """What text linking computed for a batch and stores so later batches can be matched to it
    (shingles are not kept: stored posts are re-shingled from their text when a match needs it).
    """

    signatures: Signatures
    band_keys: np.ndarray
    rarity: ShingleRarity


@dataclass(slots=True)
class LinkResult:
    """Edges with evidence, the component of every post, and the values found to be hubs."""

    edges: Edges
    labels: np.ndarray
    hubs: dict[str, list[str]]
    text: TextModel
    seconds: dict[str, float]


def link_posts(
    posts: LinkInput | PreparedPosts, config: LinkConfig | None = None, *, release: bool = False
) -> LinkResult:
    """Link every post of `posts` to the others; labels give the actor groups.

    With `release`, the shingles of prepared `posts` are dropped once texts are compared (they
    are the largest array, and nothing after needs them).
    """
    config = config or LinkConfig()
    timer = StageTimer()
    with timer.stage("text model"):
        prepared = as_prepared(posts, config.shingle_width)
        shingles = prepared.shingles
        text = build_text_model(shingles, config)
    with timer.stage("text edges"):
        text_edges = text_pair_edges(shingles, text, config)
        if release:
            prepared.shingles = shingles = None
    with timer.stage("identifiers"):
        found = prepared.found
        image_edges = near_image_edges(found["image"], config)
    with timer.stage("hubs"):
        links = (
            np.concatenate([text_edges.left, image_edges.left]),
            np.concatenate([text_edges.right, image_edges.right]),
        )
        hub = hub_values(found, links, len(posts), config.hub_min_posts, config.hub_min_contexts)
        hub["handle"] |= generic_handles(found["handle"])
        hubs = {kind: [found[kind].values[i] for i in np.flatnonzero(hub[kind])] for kind in found}
        identifier_edges = [identifier_edges_of(k, found[k], hub[k]) for k in found]
    with timer.stage("components"):
        edges = concat_edges([*identifier_edges, image_edges, text_edges])
        strong = edges.strong(config.min_edge_weight)
        labels = components(len(posts), edges.left[strong], edges.right[strong])
    return LinkResult(edges, labels, hubs, text, timer.seconds)


def build_text_model(shingles: Shingles, config: LinkConfig) -> TextModel:
    """Shingles with their corpus rarity, MinHash signatures and LSH band keys."""
    rarity = ShingleRarity(config.rarity_bits, config.boilerplate_floor, config.boilerplate_share)
    rarity.add(shingles)
    signatures = MinHasher(config.num_perm, config.seed).signatures(shingles)
    return TextModel(signatures, band_keys(signatures, config.bands), rarity)


def text_pair_edges(
    shingles: Shingles, text: TextModel, config: LinkConfig, rounds: int = 4
) -> Edges:
    """Candidates from LSH, filtered on signatures, then checked exactly on rare shingles.

    Bands are taken in `rounds` groups; a candidate whose posts earlier rounds already
    joined is not checked again, which saves most checks inside big groups.
    """
    count = len(shingles)
    usable = has_text(text.signatures)
    side = shingles
    labels = np.arange(count)
    accepted: list[Edges] = []
    for bands in np.array_split(np.arange(config.bands), min(rounds, config.bands)):
        left, right = candidate_pairs(text.band_keys[:, bands], usable)
        unjoined = labels[left] != labels[right]
        left, right = left[unjoined], right[unjoined]
        likely = text.signatures.agreement(left, right) >= config.signature_min
        accepted.append(
            checked_text_edges(side, left[likely], side, right[likely], text.rarity, config)
        )
        joined = concat_edges(accepted)
        labels = components(count, joined.left, joined.right)
    return concat_edges(accepted)


def checked_text_edges(
    left_side: Shingles, left, right_side: Shingles, right, rarity: ShingleRarity, config
) -> Edges:
    """Text edges for the candidate pairs that pass the exact check; weight = the score."""
    check = check_pairs(left_side, left, right_side, right, rarity)
    keep = (check.score >= config.text_min_score) & (check.shared_rare >= config.text_min_shared)
    return make_edges(left[keep], right[keep], "text", check.score[keep])


def near_image_edges(images: Incidence, config: LinkConfig) -> Edges:
    """Edges between the first posts of two distinct but near-identical image hashes."""
    first, second = near_pairs(parse_phashes(images), config.image_max_distance)
    leader = np.full(len(images.values), np.iinfo(np.int64).max, np.int64)
    np.minimum.at(leader, images.value, images.post)
    names = images.values
    evidence = [f"{names[a]}~{names[b]}" for a, b in zip(first, second, strict=True)]
    value = np.arange(len(first))
    return make_edges(leader[first], leader[second], "image", 0.8, value, None, evidence)


def identifier_edges_of(kind: str, values: Incidence, hub: np.ndarray) -> Edges:
    """Star edges per value; a hub's edges are kept as evidence with a token weight."""
    member, leader, value = star_pairs(values)
    weight = np.where(hub[value], HUB_WEIGHT, 1.0)
    return make_edges(member, leader, kind, weight, value, hub[value], values.values)


def generic_handles(handles: Incidence) -> np.ndarray:
    """Handles that are only a first name: weak like a hub, whoever uses them."""
    return np.fromiter((generic_handle(h) for h in handles.values), bool, len(handles.values))
