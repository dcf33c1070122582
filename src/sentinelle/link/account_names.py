"""One account name on several platforms: a recruitment offer's "DM @xyz" and the ads' "snap: xyz".

Extraction reads a bare "@xyz" as an account of the post's own source ("tchatou:xyz"): it never
equals the "snapchat:xyz" the group's ads give, so the offer stayed apart from its group. Here
handles and author accounts are compared by their name alone. A name carried under two or more
values (platforms, sources) ties their posts when it can be only one actor's:

- it looks like nobody's but one person's: not a first name or a common word
  (`generic_handle`), not a word handles are made of or a platform's name, not letters alone
  under 8 (a word, perhaps);
- none of its values is a hub;
- it names one actor. The name's posts fall into *contexts*: the groups they form through
  every other piece of evidence (the values themselves, phones, other handles, accounts,
  images, text pairs of level 2+); a context *gives contacts* when a post of it gives a phone
  or a handle that is not one of the name's values. A context *claims* the name when a post of
  it gives it as a handle ("snap: xyz", to be contacted on) or posts under it as its own
  account; a post without an author whose "account" is a bare "@xyz" it writes only
  *mentions* it (`mention_author`). Contexts that only mention the name and give no contacts
  (offers naming the account and nothing else) join the single context claiming it. Two
  claiming contexts make the name ambiguous (two posters, as often as not, who chose one name
  on two platforms), and nothing joins; a benign post giving its own phone that mentions the
  name stays out and blocks nothing.

The ties join posts outright, as a shared handle does, and are kept as evidence of kind
"mention" whose value says which values were read as one account.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from sentinelle.extract.handles import _KEYWORDS, _ORDINARY
from sentinelle.extract.mentions import _PLATFORM_WORDS
from sentinelle.link.graph import Edges, components, make_edges
from sentinelle.link.hubs import rows_joined_by_links
from sentinelle.link.identifiers import Incidence
from sentinelle.link.named_accounts import MENTION
from sentinelle.link.personas import generic_handle

KINDS = ("handle", "author")  # the values whose names are compared
CONTACT_KINDS = ("phone", "handle")  # what gives a context contacts of its own
_LETTERS = re.compile(r"[^\W\d_]+")
_MIN_LETTERS = 8  # a name made only of letters shorter than this may be a word: no account
_COMMON = frozenset(_ORDINARY) | frozenset(_KEYWORDS) | frozenset(_PLATFORM_WORDS)


def rare_name(name: str) -> bool:
    """A name that can be one actor's account: not a word, a first name or a platform."""
    if len(name) < 3 or name.isdigit() or name in _COMMON or generic_handle(name):
        return False
    return not (_LETTERS.fullmatch(name) and len(name) < _MIN_LETTERS)


def name_links(
    found: dict[str, Incidence],
    hub: dict[str, np.ndarray],
    links: tuple[np.ndarray, np.ndarray],
    count: int,
    mention_author: np.ndarray | None = None,
) -> Edges:
    """Edges of kind "mention" joining the contexts of a name read as one account (each to
    the context claiming it, else to the earliest); `links` are the text and image pairs that
    tie posts; `mention_author[post]`: the post's author entry is a bare mention it makes."""
    members = _shared_names(found, hub)
    if not members:
        return make_edges([], [], "mention", 1.0)
    carriers = {kind: _Carriers.of(found[kind]) for kind in KINDS}
    rows = _Rows.of(carriers, members)
    context, contacts = _contexts(found, hub, rows, links, count)
    claims = _claims(found, members, rows, mention_author)
    bounds = np.searchsorted(rows.name, np.arange(len(members) + 1))
    left, right, evidence = [], [], []
    for number in range(len(members)):
        part = slice(bounds[number], bounds[number + 1])
        loose = _loose(found, members, rows, part)
        joined, target = _joined(rows.post[part], context[part], contacts, claims[part], loose)
        if len(joined) < 2:
            continue
        lead_post, lead_row = joined[target]
        lead = _value(found, members, rows, part.start + lead_row)
        for other, (post, row) in joined.items():
            if other != target:
                left.append(post)
                right.append(lead_post)
                evidence.append(f"{_value(found, members, rows, part.start + row)} = {lead}")
    return make_edges(left, right, "mention", 1.0, np.arange(len(evidence)), None, evidence)


def _loose(found, members, rows, part: slice) -> tuple[np.ndarray, bool]:
    """Per row of one name: a bare tag kept only for want of other contacts ("mention:x");
    and whether some row gives the name as a messaging handle."""
    kinds = [members[int(rows.name[r])][int(rows.member[r])][0] for r in range(part.start,
             part.stop)]  # fmt: skip
    values = [_value(found, members, rows, r) for r in range(part.start, part.stop)]
    tags = np.array([v.startswith(MENTION + ":") for v in values], bool)
    return tags, any(k == "handle" for k in kinds)


def _joined(
    posts, contexts, contacts, claims, loose=None
) -> tuple[dict[int, tuple[int, int]], int]:
    """The contexts of one name that its ties join, each with (first post, its row), and the
    one the others join: the single context *claiming* the name (giving it as a messaging
    handle or posting under it as an account), with the contexts that only mention it and
    give no contacts of their own. Two claiming contexts make the name ambiguous: nothing
    joins. A context that mentions the name and gives contacts of its own never joins."""
    order = np.lexsort((contexts, posts))
    firsts: dict[int, tuple[int, int]] = {}
    claimed: set[int] = set()
    for row in order.tolist():
        firsts.setdefault(int(contexts[row]), (int(posts[row]), row))
        if claims[row]:
            claimed.add(int(contexts[row]))
    if len(claimed) > 1:
        return {}, -1
    # a context of bare tags only (`loose`) joins a handle given, not a venue's own posts
    tags, given = loose if loose is not None else (np.zeros(len(posts), bool), True)
    untagged = {int(contexts[row]) for row in np.flatnonzero(~tags).tolist()}
    joined = {
        c: first for c, first in firsts.items()
        if c in claimed or (not contacts[c] and (given or c in untagged))
    }  # fmt: skip
    return joined, next(iter(claimed), next(iter(joined), -1))


def _claims(found, members, rows, mention_author) -> np.ndarray:
    """Per row: its value is a handle the post gives ("snapchat:name") or the post's own
    author account, not a bare mention of someone else's."""
    kinds = np.array([members[n][m][0] == "handle" for n, m in zip(rows.name.tolist(),
                      rows.member.tolist(), strict=True)], bool)  # fmt: skip
    if mention_author is None:
        return np.ones(len(kinds), bool)
    return kinds | ~np.asarray(mention_author, bool)[rows.post]


def _value(found, members, rows, row: int) -> str:
    kind, value = members[int(rows.name[row])][int(rows.member[row])]
    return found[kind].values[value]


def _shared_names(found, hub) -> list[list[tuple[str, int]]]:
    """Rare names carried by two or more values (none a hub): each name's (kind, value) list."""
    by_name: dict[str, list[tuple[str, int]]] = {}
    for kind in KINDS:
        for number, value in enumerate(found[kind].values):
            by_name.setdefault(value.partition(":")[2], []).append((kind, number))
    members = []
    for name, values in by_name.items():
        if len({found[k].values[v] for k, v in values}) < 2 or not rare_name(name):
            continue
        if not any(hub[kind][value] for kind, value in values):
            members.append(values)
    return members


@dataclass(frozen=True, slots=True)
class _Carriers:
    """The posts carrying each value of an incidence, without a scan per value."""

    post: np.ndarray  # posts sorted by value
    start: np.ndarray  # where each value's posts begin (one more entry than values)

    @classmethod
    def of(cls, incidence: Incidence) -> _Carriers:
        order = np.argsort(incidence.value, kind="stable")
        sizes = np.bincount(incidence.value, minlength=len(incidence.values))
        return cls(incidence.post[order], np.concatenate([[0], np.cumsum(sizes)]))

    def posts(self, value: int) -> np.ndarray:
        return self.post[self.start[value] : self.start[value + 1]]


@dataclass(frozen=True, slots=True)
class _Rows:
    """One row per (name, post carrying one of its values, that value)."""

    name: np.ndarray  # index into the names' members, non-decreasing
    post: np.ndarray
    member: np.ndarray  # which of the name's (kind, value) the post carries
    handle: np.ndarray  # the row's value is a handle (else an author account)

    @classmethod
    def of(cls, carriers: dict[str, _Carriers], members) -> _Rows:
        names, posts, positions, handles = [], [], [], []
        for number, values in enumerate(members):
            for position, (kind, value) in enumerate(values):
                carrying = carriers[kind].posts(value)
                names.append(np.full(len(carrying), number, np.int64))
                posts.append(carrying)
                positions.append(np.full(len(carrying), position, np.int64))
                handles.append(np.full(len(carrying), kind == "handle"))
        return cls(*(np.concatenate(c) for c in (names, posts, positions, handles)))


def _contexts(found, hub, rows: _Rows, links, count: int) -> tuple[np.ndarray, np.ndarray]:
    """The context of every row (numbered across names), and per context whether a post of it
    gives contacts of its own."""
    # one node per (name, post); two nodes of a name are tied by a value both posts carry
    # (the name's own values included) or by a text or image pair between them
    node_key, row_node = np.unique(rows.name * count + rows.post, return_inverse=True)
    node_name, node_post = node_key // count, node_key % count
    left, right = _sharing_pairs(found, node_name, node_post)
    link_left, link_right = rows_joined_by_links(node_name, node_post, node_key, links, count)
    labels = components(len(node_key), np.concatenate([left, link_left]),
                        np.concatenate([right, link_right]))  # fmt: skip
    own = _own_contacts(found, hub, node_post, np.bincount(row_node, rows.handle, len(node_key)))
    return labels[row_node], np.bincount(labels, own) > 0


def _sharing_pairs(found, node_name, node_post):
    """Node pairs (one name) whose posts share a value: each node to the first node of its
    (name, value)."""
    posts, values, offset = [], [], 0
    for incidence in found.values():
        posts.append(incidence.post)
        values.append(incidence.value + offset)
        offset += len(incidence.values)
    post, value = np.concatenate(posts), np.concatenate(values)
    order = np.argsort(post, kind="stable")
    post, value = post[order], value[order]
    start = np.searchsorted(post, node_post, side="left")
    sizes = np.searchsorted(post, node_post, side="right") - start
    node = np.repeat(np.arange(len(node_post)), sizes)
    step = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    key = node_name[node] * max(offset, 1) + value[np.repeat(start, sizes) + step]
    order = np.lexsort((node, key))
    key, node = key[order], node[order]
    first = np.ones(len(key), bool)
    first[1:] = key[1:] != key[:-1]
    leader = node[np.flatnonzero(first)[np.cumsum(first) - 1]]
    return node[~first], leader[~first]


def _own_contacts(found, hub, node_post, name_handles) -> np.ndarray:
    """Per node: its post gives a phone or a handle (not a hub, not generic) other than the
    name's own handles (`name_handles` of them on the node's post)."""
    phones = found["phone"]
    with_phone = np.zeros(int(node_post.max(initial=0)) + 1, bool)
    chosen = phones.post[~hub["phone"][phones.value] & (phones.post < len(with_phone))]
    with_phone[chosen] = True
    handles = found["handle"]
    generic = np.fromiter((generic_handle(v) for v in handles.values), bool, len(handles.values))
    usable = ~hub["handle"][handles.value] & ~generic[handles.value]
    posts = handles.post[usable]
    per_post = np.bincount(posts[posts < len(with_phone)], minlength=len(with_phone))
    return with_phone[node_post] | (per_post[node_post] > name_handles)
