"""Posts that give no contact, grouped by their wording as a whole (average linkage).

A group that gives no phone, handle or account (its ads say "reply through the site") can only
be found by its text. Its posts reuse one template with edits: a persona's name, the city, the
hours change, a sentence is dropped or swapped, a typo slips in. Each sentence of such a
template may be common (many posters say "Dispo de 10h à 22h."), so rare-word evidence between
two posts is weak, and a single pair is as often another poster's ad. What holds is the whole:
posts of one group are, on average, more alike to each other than to anyone else. So the posts
are grouped by average linkage on their plain shingle Jaccard, merged by reciprocal best
partners in rounds (average linkage is reducible, so this gives the greedy hierarchy), and cut
where the average similarity of two groups falls under `contactless_min_average`.

Posts made mostly of a common template (a shared room-rental boilerplate, a copied recruitment
offer: `ShingleRarity.template_slots`) take no part: what they share is the template's, not a
poster's. Candidates are posts sharing one of their MinHash values (a pair at Jaccard 0.1 does
so 99 times in 100), every pair of a small bucket, a star for a large one.
"""

from __future__ import annotations

import numpy as np

from sentinelle.link.config import LinkConfig
from sentinelle.link.facets import KINDS, compare
from sentinelle.link.graph import components
from sentinelle.link.identifiers import Incidence
from sentinelle.link.images import parse_phashes
from sentinelle.link.lsh import unique_pairs
from sentinelle.link.rarity import ShingleRarity
from sentinelle.link.shingles import Shingles
from sentinelle.link.textlinks import check_pairs

ROWS = 1  # rows per band: posts sharing one MinHash value are candidates
MAX_BUCKET = 40  # a bucket with more posts than this gives a star, not every pair
MAX_TEMPLATE_SHARE = 0.7  # posts with more of their shingles in common templates stay out
MIN_GROUP = 3  # posts a contactless group needs to be kept
MIN_PAIR = 0.08  # pairs estimated less alike than this are not checked (they weigh 0)
# Beyond the template: a pair counts only when it shares `contactless_slot_min` shingles that
# few posts without contacts use (in at most max(SLOT_FLOOR, SLOT_SHARE of them)): a name, a
# city, a phrasing of one's own. Copies of one boilerplate by unrelated posters share only its
# words.
SLOT_FLOOR = 20
SLOT_SHARE = 0.02
# Similarity: a shingle in more than max(RARE_FLOOR, RARE_SHARE) of the posts without contacts
# weighs nothing in the rarity-weighted Jaccard that caps the plain one (`_similarity`)
RARE_FLOOR = 200
RARE_SHARE = 0.1
RARE_SCALE = 1.5
MIN_OWN_SHARE = 0.1  # share of a group's pairs sharing slots under which it is copies of one ad
_CHUNK = 1 << 16


def contactless_groups(
    posts: np.ndarray,
    shingles: Shingles,
    signatures: np.ndarray,
    rarity: ShingleRarity,
    config: LinkConfig,
    photos: tuple[np.ndarray, np.ndarray] | None = None,
    facets: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Post pairs (a star per group) joining the `posts` (numbers of posts giving no contact;
    `shingles` and `signatures` rows are theirs, in that order) that average linkage puts in
    one group.

    `photos` (row of `posts`, 64-bit perceptual hash) is evidence against: two posts that both
    show photos, none of them alike, count as unrelated however alike their texts are.
    `facets` (`facets.facets_of` over `posts`): stated prices, ages, first names and cities
    weigh each pair (`_weighed`)."""
    rows = np.flatnonzero(
        (template_share(shingles, rarity) <= MAX_TEMPLATE_SHARE)
        & (signatures[:, 0] != np.uint32(0xFFFFFFFF))
    )
    if len(rows) < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    left, right = _candidates(signatures[rows])
    likely = _estimated_jaccard(signatures[rows], left, right) >= MIN_PAIR
    left, right = left[likely], right[likely]
    kept = subset(shingles, rows)
    plain, similarity = _similarity(kept, left, right)
    filled = common = np.zeros(len(rows), bool)
    if facets is not None:  # one shape filled in many towns: a shared offer, not a poster
        filled = shared_offers(plain, facets, len(posts), rows, left, right)[0]
        common = shared_offers(plain, facets, len(posts), rows, left, right, COMMON_COPY)[1]
    shown = np.zeros(len(left), bool)
    apart = np.zeros(len(left), bool)
    if photos is not None:
        shown = _both_show_photos(photos, len(posts), rows[left], rows[right])
        apart = photos_disagree(
            photos, len(posts), rows[left], rows[right], config.image_max_distance
        )
    if facets is not None:
        shared = common[left] | common[right]
        similarity = _weighed(similarity, facets, len(posts), rows[left], rows[right], shared)
    cannot = (left[apart], right[apart])
    keep = (similarity > 0) & ~apart & ~filled[left] & ~filled[right]
    # posts whose evidence was weighed here: those showing photos, and a shared offer's copies
    # (left to the text rounds, each would join whichever look-alike cluster it is nearest)
    weighed = filled | common
    if photos is not None:
        weighed |= np.bincount(photos[0], minlength=len(posts))[rows] > 0
    min_average, slot_min = config.contactless_min_average, config.contactless_slot_min
    labels = average_linkage(len(rows), left[keep], right[keep], similarity[keep], min_average,
                             cannot)  # fmt: skip
    if slot_min:  # a group whose posts rarely share slots of their own is copies of one ad
        inside = np.flatnonzero(labels[left] == labels[right])  # only groups are judged
        slotted = np.zeros(len(left), bool)
        local = ShingleRarity(20, SLOT_FLOOR, SLOT_SHARE)  # what few posts without contacts use
        local.add(kept)
        shared = check_pairs(kept, left[inside], kept, right[inside], local).shared_rare
        slotted[inside] = shared >= slot_min
        copies = _copied_ad(labels, left, right, slotted | shown)
        if copies.any():
            weighed[left[copies]] = weighed[right[copies]] = True
            keep &= ~(copies & ~slotted & ~shown)
            labels = average_linkage(len(rows), left[keep], right[keep], similarity[keep],
                                     min_average, cannot)  # fmt: skip
    # a pair of look-alike posts is as often two posters: only groups of several posts count
    sizes, original = np.bincount(labels), labels
    labels = np.where(sizes[labels] >= MIN_GROUP, labels, -1 - np.arange(len(labels)))
    order = np.argsort(labels, kind="stable")
    first = np.ones(len(order), bool)
    first[1:] = labels[order][1:] != labels[order][:-1]
    leader = order[np.flatnonzero(first)[np.cumsum(first) - 1]]
    member = ~first
    chosen = np.asarray(posts, np.int64)[rows]
    # a post showing photos was weighed against every look-alike here (photos, slots): left
    # alone, it is settled too (given as a pair with itself), so a few text pairs do not join
    # it later; one without photos is left to the text rounds as before
    alone = (sizes[original] < MIN_GROUP) & weighed
    member_posts = np.concatenate([chosen[order[member]], chosen[alone]])
    return member_posts, np.concatenate([chosen[leader[member]], chosen[alone]])


CONTACT_KINDS = ("phone", "handle", "author")  # a post carrying any of these is not grouped here


def without_contacts(found: dict, count: int) -> np.ndarray:
    """Numbers of the posts that give no phone, no handle and no author account at all.

    An author account is a contact too: two recruiters each posting "DM for info" from their
    own account disagree, and grouping their look-alike posts here would join them."""
    has = np.zeros(count, bool)
    for kind in CONTACT_KINDS:
        if kind in found:
            has[found[kind].post] = True
    return np.flatnonzero(~has)


def photos_of(images: Incidence, posts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The photos of `posts` (post numbers, ascending) as (row in `posts`, hash as uint64)."""
    if len(posts) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.uint64)
    row = np.searchsorted(posts, images.post)
    inside = (row < len(posts)) & (posts[np.minimum(row, len(posts) - 1)] == images.post)
    # parse only the hashes these posts show (most posts give contacts: most photos are theirs)
    needed, value = np.unique(images.value[inside], return_inverse=True)
    return row[inside], parse_phashes([images.values[i] for i in needed.tolist()])[value]


# Factors on a pair's similarity from what both posts state (`facets`). A poster keeps her
# price; a group's ads rotate persons (ages differ) but keep the price and the city of the stay.
PRICE_AGREE = 1.5  # both state the same price
PRICE_DIFFER = 0.1  # both state prices, none the same
AGE_AGREE = 1.2
AGE_DIFFER = 0.8
# one persona (first name and age) in both: a group's ads rotate a few personas across towns;
# a shared town is no such evidence (16 towns over 100,000 posts joined unrelated groups)
NAME_AGREE = 3.0
ONE_NAME_TWO_AGES = 0.3  # one first name with two ages: two persons (or an age written twice)
ELSEWHERE = 0.5  # another person in another city: another poster, unless a group moved
UNSTATED = 0.6  # neither a price nor an age stated by both: wording alone must be stronger


def _weighed(similarity, facets, count: int, left, right, shared=None) -> np.ndarray:
    """Similarities weighed by the prices, ages, first names and cities the two posts state.
    Factors, not vetoes: an age is sometimes written two ways ("bientôt 17", "16 ans")."""
    states, agrees = compare(facets, count, left, right)
    price, age, name, city = (KINDS.index(k) for k in KINDS)
    factor = np.ones(len(left))
    factor[states[:, price] & agrees[:, price]] = PRICE_AGREE
    factor[states[:, price] & ~agrees[:, price]] = PRICE_DIFFER
    factor[states[:, age] & agrees[:, age]] *= AGE_AGREE
    factor[states[:, age] & ~agrees[:, age]] *= AGE_DIFFER
    named = states[:, name] & agrees[:, name]
    # a first name alone is shared by many posters (Léa): with the same age it is one persona
    factor[named & states[:, age] & agrees[:, age]] *= NAME_AGREE
    others = (states[:, name] & ~agrees[:, name]) | (~named & states[:, age] & ~agrees[:, age])
    # a shape with dozens of near copies in many towns (`shared`), filled in two towns and no
    # first name or age stated by both to tie them: two posters, each in her town
    if shared is not None:
        others |= shared & ~states[:, name] & ~states[:, age]
    elsewhere = others & states[:, city] & ~agrees[:, city]
    # another person elsewhere at the same price is a coincidence (seven prices are common),
    # not a group's price
    factor[elsewhere] = np.minimum(factor[elsewhere], 1.0) * ELSEWHERE
    factor[agrees[:, name] & states[:, age] & ~agrees[:, age]] *= ONE_NAME_TWO_AGES
    factor[~states[:, price] & ~states[:, age]] *= UNSTATED
    return np.minimum(similarity * factor, 1.0)


def _copied_ad(labels, left, right, own: np.ndarray) -> np.ndarray:
    """Per pair: both posts are in a group where few pairs share slots of their own (`own`):
    many posters pasting one ad, each with her name and city, rather than one poster's ads."""
    size = np.bincount(labels).astype(np.float64)
    inside = labels[left] == labels[right]
    shared = np.bincount(labels[left][inside & own], minlength=len(size))
    possible = np.maximum(size * (size - 1) / 2, 1)
    copied = (shared / possible < MIN_OWN_SHARE) & (size >= MIN_GROUP)
    return inside & copied[labels[left]]


def _both_show_photos(photos, count: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    shows = np.bincount(photos[0], minlength=count) > 0
    return shows[left] & shows[right]


def photos_disagree(
    photos: tuple[np.ndarray, np.ndarray],
    count: int,
    left: np.ndarray,
    right: np.ndarray,
    max_distance: int,
) -> np.ndarray:
    """Per pair of rows: both show photos and no photo of one is near one of the other's
    (within `max_distance` Hamming bits, as near images link)."""
    row, hashes = photos
    order = np.argsort(row, kind="stable")
    row, hashes = row[order], hashes[order]
    sizes = np.bincount(row, minlength=count)
    starts = np.cumsum(sizes) - sizes
    both = np.flatnonzero((sizes[left] > 0) & (sizes[right] > 0))
    across = sizes[left[both]] * sizes[right[both]]  # every photo of one against the other's
    pair = np.repeat(np.arange(len(both)), across)
    step = np.arange(across.sum()) - np.repeat(np.cumsum(across) - across, across)
    width = sizes[right[both]][pair]
    a = hashes[starts[left[both]][pair] + step // width]
    b = hashes[starts[right[both]][pair] + step % width]
    near = np.bincount(pair, weights=np.bitwise_count(a ^ b) <= max_distance,
                       minlength=len(both))  # fmt: skip
    disagree = np.zeros(len(left), bool)
    disagree[both[near == 0]] = True
    return disagree


def subset(shingles: Shingles, posts: np.ndarray) -> Shingles:
    """The shingles of `posts` only, in that order."""
    starts = shingles.indptr[posts]
    sizes = shingles.indptr[posts + 1] - starts
    flat = np.arange(sizes.sum()) + np.repeat(starts - (np.cumsum(sizes) - sizes), sizes)
    indptr = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    return Shingles(indptr, shingles.hashes[flat])


def template_share(shingles: Shingles, rarity: ShingleRarity) -> np.ndarray:
    """Per post, the share of its shingles that belong to common templates."""
    common = rarity.template_slots()
    slots = (shingles.hashes & np.uint64(len(common) - 1)).astype(np.int64)
    sizes = np.diff(shingles.indptr)
    owner = np.repeat(np.arange(len(shingles)), sizes)
    inside = np.bincount(owner, weights=common[slots], minlength=len(shingles))
    return inside / np.maximum(sizes, 1)


def _candidates(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of rows sharing a band of `ROWS` signature rows: every pair of a small bucket,
    a star to its first row for a large one."""
    count, perms = values.shape
    lefts, rights = [], []
    for band in range(perms // ROWS):
        key = np.zeros(count, np.uint64)
        for row in range(band * ROWS, (band + 1) * ROWS):
            key = (key << np.uint64(32)) | values[:, row].astype(np.uint64)
        order = np.argsort(key, kind="stable")
        key = key[order]
        first = np.r_[True, key[1:] != key[:-1]]
        start = np.flatnonzero(first)[np.cumsum(first) - 1]  # bucket start of each sorted row
        size = np.diff(np.r_[np.flatnonzero(first), count])[np.cumsum(first) - 1]
        position = np.arange(count) - start
        # a small bucket: each member with every member before it; a large one: a star
        before = np.where(size <= MAX_BUCKET, position, np.minimum(position, 1))
        member = np.repeat(np.arange(count), before)
        offset = np.arange(len(member)) - np.repeat(np.cumsum(before) - before, before)
        lefts.append(order[start[member] + offset])
        rights.append(order[member])
    empty = np.zeros(0, np.int64)
    return unique_pairs(np.concatenate(lefts or [empty]), np.concatenate(rights or [empty]))


def _jaccard(shingles: Shingles, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Plain Jaccard of the shingle sets of each pair (every shingle weighs one)."""
    ones = ShingleRarity(10)
    ones.counts[:] = 1
    ones.posts = 1
    return check_pairs(shingles, left, shingles, right, ones).shape.astype(np.float64)


def _similarity(chosen: Shingles, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Plain Jaccard of each pair, capped by its Jaccard weighted by rarity among the posts
    without contacts (`RARE_SCALE` times it): a pair alike only in an ad many of them paste
    weighs little, a pair alike in wording of its own keeps its plain similarity."""
    plain = _jaccard(chosen, left, right)
    local = ShingleRarity(20, RARE_FLOOR, RARE_SHARE)
    local.add(chosen)
    rare = check_pairs(chosen, left, chosen, right, local).shape.astype(np.float64)
    return plain, np.minimum(plain, RARE_SCALE * rare)


# A shared offer (a room to let, a babysitting or tutoring offer many unrelated posters fill
# without contacts): a shape with `OFFER_COPIES`+ near copies stating `OFFER_TOWNS`+ towns.
# One poster re-posting her text, or a group on its stays, has a few near copies in a few
# towns. At plain Jaccard `NEAR_COPY`+, and with under `OWN_TOWN_SHARE` of them in the post's
# own town (a group whose template resembles the offer keeps many near copies of its own), a
# post is the offer's copy (out of average linkage, settled alone); at `COMMON_COPY`+, its
# pairs in two towns with no first name or age stated by both weigh as two posters'.
NEAR_COPY = 0.6
COMMON_COPY = 0.4
OFFER_TOWNS = 5
OFFER_COPIES = 10
OWN_TOWN_SHARE = 0.25


def shared_offers(
    plain, facets, count: int, rows, left, right, near: float = NEAR_COPY
) -> tuple[np.ndarray, np.ndarray]:
    """Per row: (a shared offer's copy, a shape with dozens of near copies in many towns),
    near copies being the pairs of `plain` similarity `near`+ (see `OFFER_TOWNS`)."""
    row, value, kind = facets
    town = kind == KINDS.index("city")
    at = np.full(count, -1, np.int64)
    at[rows] = np.arange(len(rows))
    town_row, town_value = at[row[town]], value[town]
    town_row, town_value = town_row[town_row >= 0], town_value[town_row >= 0]
    close = plain >= near
    a, b = left[close], right[close]
    # every post with the towns it states, then each near pair's towns given to the other side
    order = np.argsort(town_row, kind="stable")
    town_row, town_value = town_row[order], town_value[order]
    sizes = np.bincount(town_row, minlength=len(rows))
    starts = np.cumsum(sizes) - sizes
    sides = np.concatenate([a, b])
    others = np.concatenate([b, a])
    width = sizes[others]
    owner = np.repeat(sides, width)
    step = np.arange(width.sum()) - np.repeat(np.cumsum(width) - width, width)
    given = town_value[np.repeat(starts[others], width) + step]
    owners = np.concatenate([town_row, owner])
    values = np.concatenate([town_value, given])
    if len(owners) == 0:
        return np.zeros(len(rows), bool), np.zeros(len(rows), bool)
    distinct_pairs = np.unique(owners * (int(values.max()) + 1) + values)
    towns = np.bincount(distinct_pairs // (int(values.max()) + 1), minlength=len(rows))
    # a group's own posts are among its near copies: a group whose template resembles a shared
    # offer keeps many near copies in its own towns; a poster filling the offer, only her few
    _, agrees = compare(facets, count, rows[a], rows[b])
    home = np.bincount(sides, weights=np.tile(agrees[:, KINDS.index("city")], 2),
                       minlength=len(rows))  # fmt: skip
    copies = np.bincount(sides, minlength=len(rows))
    offer = (towns >= OFFER_TOWNS) & (copies >= OFFER_COPIES)
    return offer & (home < OWN_TOWN_SHARE * np.maximum(copies, 1)), offer


def _estimated_jaccard(values: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Jaccard of each pair estimated by its share of equal MinHash values (a cheap filter)."""
    agree = np.zeros(len(left))
    for start in range(0, len(left), _CHUNK):
        stop = start + _CHUNK
        same = values[left[start:stop]] == values[right[start:stop]]
        agree[start:stop] = same.mean(axis=1)
    return agree


def average_linkage(
    count: int,
    left: np.ndarray,
    right: np.ndarray,
    similarity: np.ndarray,
    min_average: float,
    cannot: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """Cluster label per node: average linkage over the given pairs (missing pairs weigh 0),
    merging reciprocal best partners in rounds until no two clusters average `min_average`.

    Two clusters holding a pair of `cannot` (evidence of two posters) never merge, however
    alike the rest of them: a post without photos must not bridge two posters' photos."""
    cannot = cannot or (np.zeros(0, np.int64), np.zeros(0, np.int64))
    label = np.arange(count)
    size = np.ones(count)
    while True:
        a, b = label[left], label[right]
        apart = a != b
        if not apart.any():
            break
        low, high = np.minimum(a, b)[apart], np.maximum(a, b)[apart]
        key, inverse = np.unique(low * count + high, return_inverse=True)
        total = np.bincount(inverse, weights=similarity[apart])
        low, high = key // count, key % count
        average = total / (size[low] * size[high])
        barred = np.minimum(label[cannot[0]], label[cannot[1]]) * count + np.maximum(
            label[cannot[0]], label[cannot[1]]
        )
        good = (average >= min_average) & ~np.isin(key, barred)
        if not good.any():
            break
        low, high, average = low[good], high[good], average[good]
        best = np.full(count, -1.0)
        np.maximum.at(best, low, average)
        np.maximum.at(best, high, average)
        mutual = (average == best[low]) & (average == best[high])
        joined = components(count, low[mutual], high[mutual])
        merged = joined[label]
        size = np.bincount(merged, minlength=count).astype(np.float64)
        label = merged
    return label
