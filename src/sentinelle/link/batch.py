"""Link a whole batch of posts: evidence edges, hub suppression, components."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sentinelle.link.account_names import name_links
from sentinelle.link.clustering import cluster
from sentinelle.link.config import LinkConfig
from sentinelle.link.contactless import (
    contactless_groups,
    photos_of,
    subset,
    without_contacts,
)
from sentinelle.link.facets import facets_of
from sentinelle.link.graph import HUB_WEIGHT, Edges, components, concat_edges, make_edges
from sentinelle.link.hubs import hub_values, named_alike, venue_names
from sentinelle.link.identifiers import Incidence, star_pairs
from sentinelle.link.images import near_pairs, parse_phashes
from sentinelle.link.inputs import LinkInput
from sentinelle.link.lsh import band_keys, candidate_pairs, has_text
from sentinelle.link.match_weights import (
    AGREE,
    DISAGREE,
    PRIOR_MODEL,
    TEXT_CUTS,
    UNKNOWN,
    MatchModel,
    estimate,
    rare_level,
    text_level,
)
from sentinelle.link.minhash import MinHasher, Signatures
from sentinelle.link.personas import generic_handle
from sentinelle.link.prepare import PreparedPosts, as_prepared
from sentinelle.link.rarity import ShingleRarity
from sentinelle.link.shingles import Shingles
from sentinelle.link.textlinks import TextCheck, check_pairs, weight_tables
from sentinelle.link.timing import StageTimer

IMAGE_WEIGHT = 0.8  # a near-identical image joins posts, but weighs less than a shared phone


@dataclass(slots=True)
class TextModel:
    """What text linking computed for a batch and stores so later batches can be matched to it
    (shingles are not kept: stored posts are re-shingled from their text when a match needs it).
    """

    signatures: Signatures
    band_keys: np.ndarray
    rarity: ShingleRarity


@dataclass(slots=True)
class TextPairs:
    """Checked text candidates: post pairs and what the exact check found."""

    left: np.ndarray
    right: np.ndarray
    check: TextCheck

    def __len__(self) -> int:
        return len(self.left)


@dataclass(slots=True)
class LinkResult:
    """Edges with evidence, the cluster of every post, hubs, the match model, and the pairs of
    posts in different clusters whose texts share a common template (`templates`)."""

    edges: Edges
    labels: np.ndarray
    hubs: dict[str, list[str]]
    text: TextModel
    seconds: dict[str, float]
    model: MatchModel = PRIOR_MODEL
    templates: tuple[np.ndarray, np.ndarray] = (np.zeros(0, np.int64), np.zeros(0, np.int64))


def link_posts(
    posts: LinkInput | PreparedPosts, config: LinkConfig | None = None, *, release: bool = False
) -> LinkResult:
    """Link every post of `posts` to the others; labels give the actor groups.

    With `release`, the shingles of prepared `posts` are dropped once texts are compared (they
    are the largest array, and nothing after needs them).
    """
    config = config or LinkConfig()
    timer = StageTimer()
    count = len(posts)
    with timer.stage("text model"):
        prepared = as_prepared(posts, config.shingle_width)
        shingles = prepared.shingles
        found = prepared.found
        text = build_text_model(shingles, config, contact_groups(found, count))
    with timer.stage("text edges"):
        pairs = text_pairs(shingles, text, config)
        loose = without_contacts(found, count)
        loose_text = (loose, subset(shingles, loose), text.signatures.values[loose])
        loose_photos = photos_of(found["image"], loose)
        loose_facets = None if prepared.facets is None else facets_of(prepared.facets, loose)
        if release:
            prepared.shingles = shingles = None
    with timer.stage("identifiers"):
        image_edges = near_image_edges(found["image"], config)
    with timer.stage("hubs"):
        ties = identifier_ties(found, count, pairs, image_edges, config, prepared.mention_author)
    with timer.stage("clusters"):
        joins = contactless_groups(*loose_text, text.rarity, config, loose_photos, loose_facets)
        decision = decide(count, ties.id_pairs, ties.anchored, pairs, config, joins=joins)
        edges = concat_edges([ties.edges, text_edges_of(pairs, decision)])
    example = decision.templates
    templates = (pairs.left[example], pairs.right[example])
    return LinkResult(edges, decision.labels, ties.hubs, text, timer.seconds, decision.model,
                      templates)  # fmt: skip


@dataclass(slots=True)
class IdentifierTies:
    """What identifiers say once hubs are known: the hub values, identifier and image edges
    (hubs kept as weak evidence), the pairs that join posts outright, and anchored posts."""

    hubs: dict[str, list[str]]
    edges: Edges
    id_pairs: tuple[np.ndarray, np.ndarray]
    anchored: np.ndarray


def identifier_ties(
    found: dict[str, Incidence],
    count: int,
    pairs: TextPairs,
    image_edges: Edges,
    config,
    mention_author: np.ndarray | None = None,
) -> IdentifierTies:
    """Hubs (contexts tied by text pairs of level 2+ and near images), generic handles, then
    identifier edges: the sequence between text checks and clustering. The Spark linker runs
    the same pieces (`hub_links_of`, `hub_values`, `identifier_evidence`'s rules) on numbered
    values, so both decide hubs the same way."""
    links = hub_links_of(pairs, image_edges, config)
    hub = hub_values(
        found, links, count, config.hub_min_posts, config.hub_min_contexts,
        loose=(config.hub_loose_posts, config.hub_loose_share),
    )  # fmt: skip
    hub["handle"] |= generic_handles(found["handle"])
    venues = venue_names(found["author"].values[i] for i in np.flatnonzero(hub["author"]))
    if venues:  # its handles, not the account it posts under itself
        hub["handle"] |= named_alike(found["handle"].values, venues)
    hubs = {kind: [found[kind].values[i] for i in np.flatnonzero(hub[kind])] for kind in found}
    named = name_links(found, hub, links, count, mention_author)
    joined, id_pairs = identifier_evidence(found, hub, image_edges, config, named)
    return IdentifierTies(hubs, joined, id_pairs, anchored_posts(found, hub, count))


def hub_links_of(pairs: TextPairs, image_edges: Edges, config) -> tuple[np.ndarray, np.ndarray]:
    """The post pairs that tie contexts for hub detection: text pairs of level 2+, near images."""
    tied = text_level(pairs.check.score, pairs.check.shared_rare, config.text_min_shared) >= 2
    return (
        np.concatenate([pairs.left[tied], image_edges.left]),
        np.concatenate([pairs.right[tied], image_edges.right]),
    )


def identifier_evidence(
    found: dict[str, Incidence],
    hub: dict[str, np.ndarray],
    image_edges: Edges,
    config,
    named: Edges | None = None,
) -> tuple[Edges, tuple[np.ndarray, np.ndarray]]:
    """Identifier edges of every kind (stars per value, hubs weak), then the image edges, then
    the accounts named on several platforms (`account_names`); and the pairs among them strong
    enough to join posts outright."""
    parts = [*(identifier_edges_of(k, found[k], hub[k]) for k in found), image_edges]
    joined = concat_edges(parts + ([named] if named is not None and len(named) else []))
    strong = joined.strong(config.min_edge_weight)
    return joined, (joined.left[strong], joined.right[strong])


@dataclass(slots=True)
class Decision:
    """What the match weights decided: clusters, the model, which text pairs to keep as
    evidence (`used` joined two posts, `refused` was turned down between clusters), and one
    example pair per two clusters sharing a common template."""

    labels: np.ndarray
    model: MatchModel
    used: np.ndarray
    refused: np.ndarray
    templates: np.ndarray  # index into the pairs


def decide(count, id_pairs, anchored, pairs: TextPairs, config, model=None, sizes=None,
           joins=None):  # fmt: skip
    """Match weights (estimated from the pairs unless `model` is given), then clusters.

    `joins` are pairs of posts giving no contact that their wording as a whole puts in one
    group (`contactless_groups`): joined outright, but not counted as contact groups by the
    model."""
    check = pairs.check
    text = text_level(check.score, check.shared_rare, config.text_min_shared)
    rare = rare_level(check.shared_rare)
    if model is None:
        groups = components(count, *id_pairs)
        group_anchored = np.bincount(groups, weights=anchored, minlength=count) > 0
        contacts = contact_levels(groups, group_anchored, pairs.left, pairs.right)
        model = estimate(text, rare, contacts)
    settled = None
    if joins is not None:
        id_pairs = (
            np.concatenate([id_pairs[0], joins[0]]),
            np.concatenate([id_pairs[1], joins[1]]),
        )
        settled = np.zeros(count, bool)
        settled[joins[0]] = settled[joins[1]] = True
    labels = cluster(count, id_pairs, anchored, (pairs.left, pairs.right), (text, rare), model,
                     check.score >= config.disagree_min_score, sizes, settled)  # fmt: skip
    same = labels[pairs.left] == labels[pairs.right]
    weight = model.weights(text, rare, np.full(len(text), UNKNOWN))
    used = same & (text >= 1) & (weight > 0)
    refused = ~same & (text >= 2)
    shaped = ~same & (check.shape >= config.text_min_score)
    templates = np.flatnonzero(shaped)[
        template_pairs(labels, pairs.left[shaped], pairs.right[shaped])
    ]
    return Decision(labels, model, used, refused, templates)


def text_edges_of(pairs: TextPairs, decision: Decision) -> Edges:
    """Text evidence to keep: the pairs that joined, and those refused (flagged not used)."""
    keep = np.flatnonzero(decision.used | decision.refused)
    shared = pairs.check.shared_rare[keep]
    # the evidence string of a text edge: how many rare shingles of their own the posts share
    evidence = [f"shared {n}" for n in range(int(shared.max(initial=0)) + 1)]
    return make_edges(pairs.left[keep], pairs.right[keep], "text", pairs.check.score[keep],
                      shared, decision.refused[keep], evidence)  # fmt: skip


def contact_levels(groups, group_anchored, left, right) -> np.ndarray:
    """AGREE when two posts are one contact group, DISAGREE when both groups give contacts of
    their own, UNKNOWN otherwise."""
    a, b = groups[left], groups[right]
    both = group_anchored[a] & group_anchored[b]
    return np.where(a == b, AGREE, np.where(both, DISAGREE, UNKNOWN)).astype(np.int64)


def template_pairs(labels, left, right) -> np.ndarray:
    """One example pair (its index) per pair of clusters whose texts share a common template."""
    a, b = labels[left], labels[right]
    low, high = np.minimum(a, b), np.maximum(a, b)
    if len(low) == 0:
        return np.zeros(0, np.int64)
    _, first = np.unique(low * (int(high.max()) + 1) + high, return_index=True)
    return first


def anchored_posts(found: dict[str, Incidence], hub: dict[str, np.ndarray], count: int):
    """Posts giving a phone or handle that is not a hub: evidence of a poster of their own."""
    anchored = np.zeros(count, bool)
    for kind in ("phone", "handle"):
        incidence = found[kind]
        own = ~hub[kind][incidence.value]
        anchored[incidence.post[own]] = True
    return anchored


def contact_groups(found: dict[str, Incidence], count: int) -> np.ndarray:
    """Posts tied by any identifier (generic handles aside) are one contact group; -1 for a post
    without identifiers. Used to count which groups use a text (common templates)."""
    left, right, has = contact_links(found, count)
    return np.where(has, components(count, left, right), -1)


def contact_links(found: dict[str, Incidence], count: int):
    """The star pairs (post, first post of the value) of every identifier but generic handles,
    and which posts carry one: what contact groups are the components of."""
    left, right, has = [], [], np.zeros(count, bool)
    for kind, values in found.items():
        keep = None
        if kind == "handle":
            keep = ~generic_handles(values)
        member, leader, _ = star_pairs(values, keep)
        left.append(member)
        right.append(leader)
        chosen = values.post if keep is None else values.post[keep[values.value]]
        has[chosen] = True
    empty = np.zeros(0, np.int64)
    return np.concatenate(left or [empty]), np.concatenate(right or [empty]), has


def build_text_model(shingles: Shingles, config: LinkConfig, groups=None) -> TextModel:
    """Shingles with their corpus rarity (posts and contact groups using each), MinHash
    signatures and LSH band keys."""
    rarity = ShingleRarity(config.rarity_bits, config.boilerplate_floor, config.boilerplate_share,
                           config.template_groups, config.template_share)  # fmt: skip
    rarity.add(shingles)
    if groups is not None:
        rarity.add_groups(shingles, groups)
    signatures = MinHasher(config.num_perm, config.seed).signatures(shingles)
    return TextModel(signatures, band_keys(signatures, config.bands), rarity)


def text_pairs(
    shingles: Shingles, text: TextModel, config: LinkConfig, rounds: int = 4
) -> TextPairs:
    """Candidates from LSH, filtered on signatures, then checked exactly.

    Bands are taken in `rounds` groups; a candidate whose posts earlier rounds already tied
    by their own wording is not checked again, which saves most checks inside big groups.
    """
    count = len(shingles)
    usable = has_text(text.signatures)
    labels = np.arange(count)
    tables = weight_tables(text.rarity)
    found: list[TextPairs] = []
    for bands in np.array_split(np.arange(config.bands), min(rounds, config.bands)):
        left, right = candidate_pairs(text.band_keys[:, bands], usable)
        unjoined = labels[left] != labels[right]
        left, right = left[unjoined], right[unjoined]
        likely = text.signatures.agreement(left, right) >= config.signature_min
        found.append(
            checked_pairs(
                shingles, left[likely], shingles, right[likely], text.rarity, config, tables
            )
        )
        joined = concat_pairs(found)
        tied = text_level(joined.check.score, joined.check.shared_rare, config.text_min_shared) >= 2
        labels = components(count, joined.left[tied], joined.right[tied])
    return concat_pairs(found)


def checked_pairs(
    left_side: Shingles,
    left,
    right_side: Shingles,
    right,
    rarity: ShingleRarity,
    config,
    tables: tuple[np.ndarray, np.ndarray] | None = None,
) -> TextPairs:
    """The candidate pairs worth keeping after the exact check: similar own wording, or one
    common template (`tables`: `weight_tables(rarity)` when the caller checks many batches)."""
    check = check_pairs(left_side, left, right_side, right, rarity, tables)
    keep = (check.score >= TEXT_CUTS[0]) | (check.shape >= config.text_min_score)
    return TextPairs(
        left[keep], right[keep],
        TextCheck(check.score[keep], check.shared_rare[keep], check.shape[keep]),
    )  # fmt: skip


def concat_pairs(parts: list[TextPairs]) -> TextPairs:
    empty = np.zeros(0, np.int64)
    return TextPairs(
        np.concatenate([p.left for p in parts] or [empty]),
        np.concatenate([p.right for p in parts] or [empty]),
        TextCheck(
            np.concatenate([p.check.score for p in parts] or [np.zeros(0, np.float32)]),
            np.concatenate([p.check.shared_rare for p in parts] or [np.zeros(0, np.int32)]),
            np.concatenate([p.check.shape for p in parts] or [np.zeros(0, np.float32)]),
        ),
    )


def near_image_edges(images: Incidence, config: LinkConfig) -> Edges:
    """Edges between the first posts of two distinct but near-identical image hashes."""
    leader = np.full(len(images.values), np.iinfo(np.int64).max, np.int64)
    np.minimum.at(leader, images.value, images.post)
    return image_edges_between(images.values, leader, config)


def image_edges_between(names: list[str], leaders: np.ndarray, config: LinkConfig) -> Edges:
    """Near-identical image hashes (`names`, numbered) joined through their first posts
    (`leaders`): all the image edges need of the incidence, so Spark sends only this."""
    first, second = near_pairs(parse_phashes(names), config.image_max_distance)
    evidence = [f"{names[a]}~{names[b]}" for a, b in zip(first, second, strict=True)]
    value = np.arange(len(first))
    return make_edges(leaders[first], leaders[second], "image", IMAGE_WEIGHT, value, None, evidence)


def identifier_edges_of(kind: str, values: Incidence, hub: np.ndarray) -> Edges:
    """Star edges per value; a hub's edges are kept as evidence with a token weight."""
    member, leader, value = star_pairs(values)
    weight = np.where(hub[value], HUB_WEIGHT, 1.0)
    return make_edges(member, leader, kind, weight, value, hub[value], values.values)


def generic_handles(handles: Incidence) -> np.ndarray:
    """Handles that are only a first name: weak like a hub, whoever uses them."""
    return np.fromiter((generic_handle(h) for h in handles.values), bool, len(handles.values))
