"""Linking settings, declared once with the reason for each default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LinkConfig:
    """Every knob of linking; the defaults suit French classified ads."""

    shingle_width: int = 2  # word pairs: a changed name or city breaks only two shingles
    num_perm: int = 48
    bands: int = 16  # 16 bands x 3 rows: a pair at Jaccard 0.5 is a candidate 88% of the time
    seed: int = 1
    signature_min: float = 0.15  # estimated Jaccard below this skips the exact check
    text_min_score: float = 0.45  # rarity-weighted Jaccard to link two texts
    text_min_shared: int = 4  # rare shingles the two texts must share
    rarity_bits: int = 22
    boilerplate_floor: int = 200  # a shingle in more posts than this (or the share) is boilerplate
    boilerplate_share: float = 0.005
    template_groups: int = 4  # contact groups using a shingle that make it a common template,
    template_share: float = 0.3  # when they are also this share of the posts using it
    image_max_distance: int = 3  # Hamming bits between two 64-bit perceptual hashes
    hub_min_posts: int = 4  # a value on fewer posts is never a hub
    hub_min_contexts: int = 5  # distinct unrelated contexts that make a value a hub
    # a value named by this many posts that fall into contexts numbering this share of them,
    # evidence of their own or not, is a hub: a venue many unrelated posts tag (`link.hubs`)
    hub_loose_posts: int = 10
    hub_loose_share: float = 0.5
    min_edge_weight: float = 0.3
    disagree_min_score: float = 0.7  # own-text similarity to join posts whose contacts differ
    contactless_min_average: float = 0.2  # average similarity joining posts without contact
    contactless_slot_min: int = 3  # rare shingles two such posts without photos must share (0: any)
