"""Hub identifiers: a value shared by too many unrelated contexts (a hotel's number, an agency).

A pimp's phone is shared by the personas of one group, whose posts are also tied together by
the group's accounts, handles or template. A hotel's number is shared by posters who are tied
to nothing else in common: each has their own phone, handle or text. So, for each frequent
value, its posts are split into *contexts*, the connected groups they form through every other
piece of evidence (other values, text and image links among them); a value whose posts fall into
many contexts that each carry evidence of their own is a hub.

A controller's handle (or phone) also meets many contexts: each woman of the group gives her
own phone beside it. What tells it from a hotel's number is where those other identifiers live:
a woman's phone is seen only beside the controller's handle (it is *bound* to it: on two or
more posts, every one of which carries the value), while a hotel's guests give their own
number on posts without the hotel's. Contexts whose identifiers are all bound to the value are
the value's own group and do not count; a hub is a value seen with many identifiers that have
lives of their own and otherwise never meet.

A value named by many posts is a hub on its structure alone, evidence of their own or not
(`loose`): a venue or a studio that many benign posts tag ("Tenue signée @x", "Big up @x")
is named by posts that otherwise share nothing (each its own person, town, price and words,
often no other contact), so its posts fall into nearly as many contexts as there are posts,
whatever words stand around the name. A group's own handle is named by few posts, or by posts
that agree (its phones, its text, its images tie them into few contexts). The words around a
name (`link.named_accounts`) are read too; this test does not depend on them.

All frequent values are handled in one graph whose nodes are (value, post) rows, so the work
is a few sorts and one connected-components call, not a loop over values.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

import numpy as np

from sentinelle.link.distinct import distinct
from sentinelle.link.graph import components
from sentinelle.link.identifiers import Incidence
from sentinelle.link.named_accounts import MENTION

_CHUNK_ROWS = 1 << 19
LOOSE_KINDS = (
    "handle",
    "author",
)  # the kinds a venue is tagged by (`loose`)  # rows (or links) per pass of the context search


def hub_values(
    found: dict[str, Incidence],
    links: tuple[np.ndarray, np.ndarray],
    posts: int,
    min_posts: int,
    min_contexts: int,
    totals: dict[str, np.ndarray] | None = None,
    loose: tuple[int, float] | None = None,
) -> dict[str, np.ndarray]:
    """Per kind, a boolean per value of `found[kind]`: True for a hub.

    `loose` = (posts, share): an account value (`LOOSE_KINDS`) on that many posts or more whose
    posts fall into contexts (anchored or not) numbering at least that share of its posts is
    a hub too. Not a phone: a group's phone over many personas whose ads share nothing else
    is the group's (the anchored test above tells a hotel's).

    `links` are the post pairs joined by text or images, which also tie posts together.
    `totals[kind]` counts the posts carrying each value in the whole corpus, when `found` holds
    only some of them (an incremental check); by default `found` is the whole corpus.
    """
    post, value, offsets = _all_values(found)
    counts = np.bincount(value, minlength=offsets[-1])
    if totals is not None:
        counts = np.concatenate([np.asarray(totals[kind], np.int64) for kind in found])
    frequent = counts >= min_posts
    # evidence of a poster of one's own: a phone, or any value seen on another post too
    # (a throwaway account used once says nothing about who else shares the value)
    anchors = counts >= 2
    if "phone" in found:
        kind = list(found).index("phone")
        anchors[offsets[kind] : offsets[kind + 1]] = True
    row_value, row_post = value[frequent[value]], post[frequent[value]]
    many = np.zeros(len(counts), bool)
    for i, kind in enumerate(found if loose else ()):
        if kind in LOOSE_KINDS:  # accounts named in passing; a phone is a group's or a hotel's
            many[offsets[i] : offsets[i + 1]] = counts[offsets[i] : offsets[i + 1]] >= loose[0]
    contexts, every = _contexts_per_value(
        post, value, (anchors, counts, many), (row_value, row_post), links, posts
    )
    hub = contexts >= min_contexts
    if loose:
        hub |= many & (every >= np.maximum(min_contexts, np.ceil(loose[1] * counts)))
    return {kind: hub[offsets[i] : offsets[i + 1]] for i, kind in enumerate(found)}


def venue_names(hubs: Iterable[str]) -> set[str]:
    """The names of the bare tags found to be hubs ("mention:x"): a venue's name, whatever
    platform a post writes it after ("x sur insta" is the same venue: its handles are hubs
    too; the account the venue posts under itself is not, its own posts stay one actor)."""
    prefix = MENTION + ":"
    return {value[len(prefix) :] for value in hubs if value.startswith(prefix)}


def named_alike(values: list[str], names: set[str]) -> np.ndarray:
    """Per account value ("platform:name"), whether its name is one of `names`."""
    return np.fromiter((v.partition(":")[2] in names for v in values), bool, len(values))


def _all_values(found: dict[str, Incidence]) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Every (post, value) of every kind, values numbered across kinds."""
    offsets = [0]
    for values in found.values():
        offsets.append(offsets[-1] + len(values.values))
    post = np.concatenate([v.post for v in found.values()] or [np.zeros(0, np.int64)])
    shifted = [v.value + offsets[i] for i, v in enumerate(found.values())]
    return post, np.concatenate(shifted or [np.zeros(0, np.int64)]), offsets


def _contexts_per_value(post, value, anchors_counts, frequent_rows, links, posts):
    """Distinct anchored contexts among the posts of each frequent value, a context counting
    only if it has evidence of its own that is not bound to the value; and, for the values
    `many` marks, every context that carries no identifier bound to the value."""
    anchors, counts, many = anchors_counts
    row_value, row_post = frequent_rows
    total_values = len(anchors)
    anchors_counts = (anchors, counts)
    rows = len(row_value)
    if rows == 0:
        return np.zeros(total_values, np.int64), np.zeros(total_values, np.int64)
    # rows sorted by (value, post) so a row can be found from its key
    order = np.lexsort((row_post, row_value))
    row_value, row_post = row_value[order], row_post[order]
    row_key = row_value * posts + row_post
    left, right, free, bound = _rows_sharing_other_values(
        post, value, anchors_counts, row_value, row_post
    )
    link_left, link_right = rows_joined_by_links(row_value, row_post, row_key, links, posts)
    labels = components(
        rows, np.concatenate([left, link_left]), np.concatenate([right, link_right])
    )
    tied = np.zeros(rows, dtype=bool)
    tied[link_left] = tied[link_right] = True
    tied |= np.bincount(labels)[labels] >= 2
    # a context counts with an identifier of its own that lives apart from the value, or, when
    # it carries no identifier bound to the value, with text, images or several posts
    free_context = np.bincount(labels, weights=free) > 0
    bound_context = np.bincount(labels, weights=bound) > 0
    tied_context = np.bincount(labels, weights=tied) > 0
    counted = free_context | (tied_context & ~bound_context)
    return (
        _count_contexts(counted, labels, row_value, rows, total_values),
        _count_contexts(
            counted | (~bound_context & (np.bincount(labels, weights=many[row_value]) > 0)),
            labels, row_value, rows, total_values,
        ),
    )  # fmt: skip


def _count_contexts(counted, labels, row_value, rows, total_values) -> np.ndarray:
    """Per value, how many distinct contexts (labels) of its rows are `counted`."""
    chosen = np.flatnonzero(counted[labels])
    pairs = distinct(row_value[chosen] * rows + labels[chosen])
    return np.bincount(pairs // rows, minlength=total_values)


def _rows_sharing_other_values(post, value, anchors_counts, row_value, row_post):
    """Row pairs (same value v) whose posts share another value u; rows carrying an anchor
    that is not bound to v (`free`), rows carrying a value bound to v (`bound`).

    Rows (sorted by value) are taken in chunks cut at value boundaries, so the temporaries
    stay bounded however many posts there are.
    """
    by_post = np.argsort(post, kind="stable")
    post_sorted, value_sorted = post[by_post], value[by_post]
    del by_post
    cuts = np.searchsorted(row_value, row_value[_CHUNK_ROWS::_CHUNK_ROWS], side="left")
    bounds = np.unique(np.concatenate([[0], cuts, [len(row_value)]]))
    lefts, rights = [], []
    free = np.zeros(len(row_post), dtype=bool)
    bound = np.zeros(len(row_post), dtype=bool)
    for first, last in pairwise(bounds.tolist()):
        left, right, free[first:last], bound[first:last] = _sharing_in(
            post_sorted, value_sorted, anchors_counts, row_value[first:last], row_post[first:last]
        )
        lefts.append(left + first)
        rights.append(right + first)
    empty = np.zeros(0, np.int64)
    return np.concatenate(lefts or [empty]), np.concatenate(rights or [empty]), free, bound


def _sharing_in(post_sorted, value_sorted, anchors_counts, row_value, row_post):
    anchors, posts_of = anchors_counts
    total_values = len(anchors)
    start = np.searchsorted(post_sorted, row_post, side="left")
    stop = np.searchsorted(post_sorted, row_post, side="right")
    counts = stop - start
    row = np.repeat(np.arange(len(row_post)), counts)
    flat = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    other = value_sorted[np.repeat(start, counts) + flat]
    keep = other != row_value[row]
    row, other = row[keep], other[keep]
    key = row_value[row] * total_values + other
    order = np.argsort(key, kind="stable")
    key, row, other = key[order], row[order], other[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    group = np.cumsum(first) - 1
    leader = row[np.flatnonzero(first)[group]]
    # u is bound to v when every post carrying u (two or more) also carries v
    together = np.bincount(group)[group]
    is_bound = (posts_of[other] >= 2) & (together >= posts_of[other])
    free = np.zeros(len(row_post), dtype=bool)
    bound = np.zeros(len(row_post), dtype=bool)
    free[row[anchors[other] & ~is_bound]] = True
    bound[row[is_bound]] = True
    return row[~first], leader[~first], free, bound


def rows_joined_by_links(row_value, row_post, row_key, links, posts):
    """Row pairs (v, a)-(v, b) for every text or image link a-b inside a value's posts."""
    a, b = (np.asarray(side, np.int64) for side in links)
    if len(a) == 0 or len(row_key) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    by_post = np.argsort(row_post, kind="stable")
    post_sorted = row_post[by_post]
    lefts, rights = [], []
    for first in range(0, len(a), _CHUNK_ROWS):
        last = first + _CHUNK_ROWS
        left, right = _joined_in(by_post, post_sorted, row_value, row_key, a[first:last],
                                 b[first:last], posts)  # fmt: skip
        lefts.append(left)
        rights.append(right)
    return np.concatenate(lefts), np.concatenate(rights)


def _joined_in(by_post, post_sorted, row_value, row_key, a, b, posts):
    start = np.searchsorted(post_sorted, a, side="left")
    counts = np.searchsorted(post_sorted, a, side="right") - start
    edge = np.repeat(np.arange(len(a)), counts)
    flat = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    left_row = by_post[np.repeat(start, counts) + flat]
    wanted = row_value[left_row] * posts + b[edge]
    slot = np.searchsorted(row_key, wanted).clip(0, len(row_key) - 1)
    hit = row_key[slot] == wanted
    return left_row[hit], slot[hit]
