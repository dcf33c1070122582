"""Posts reduced to what linking compares: shingle sets and identifier incidences.

Preparing is per post, so it can run chunk by chunk while posts stream from the store: texts
and per-post lists are dropped as soon as a chunk is prepared, and a million posts cost their
arrays, not their Python objects.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sentinelle.link.contactless import without_contacts
from sentinelle.link.facets import facet_incidence
from sentinelle.link.identifiers import Incidence, concat_incidences, incidence
from sentinelle.link.inputs import LinkInput
from sentinelle.link.shingles import Shingles, concat_shingles, shingle_texts

IDENTIFIER_KINDS = ("phone", "handle", "author", "image")


@dataclass(slots=True)
class PreparedPosts:
    """Shingles and identifiers of a batch of posts, in the batch's order."""

    post_pk: np.ndarray  # int64, the store's primary key
    shingles: Shingles | None  # None once linking has released them
    found: dict[str, Incidence]  # per kind of identifier
    # prices, ages and first names stated by posts giving no contact (`link.facets`); None
    # where they were not read, which leaves that evidence out
    facets: Incidence | None = None
    # per post: its author account is a bare mention it makes (`LinkInput.mention_author`)
    mention_author: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.post_pk)


def prepare(posts: LinkInput, shingle_width: int) -> PreparedPosts:
    """Shingle the texts and encode the identifiers of `posts`."""
    found = identifier_incidences(posts)
    return PreparedPosts(
        posts.post_pk,
        shingle_texts(posts.texts, shingle_width),
        found,
        facet_incidence(posts.texts, without_contacts(found, len(posts)), posts.extraction),
        None if posts.mention_author is None else np.asarray(posts.mention_author, bool),
    )


def link_text(title: str | None, text: str) -> str:
    """What linking compares of a post: title and text. One definition, so that a stored post
    read again for an exact check shingles as it did when it was first linked."""
    return f"{title or ''}\n{text}"


def identifier_incidences(posts: LinkInput) -> dict[str, Incidence]:
    """Phones, handles, author accounts and exact image hashes, each as an incidence."""
    return {
        "phone": incidence(posts.phones),
        "handle": incidence(posts.handles),
        "author": incidence([[author] if author else [] for author in posts.authors]),
        "image": incidence([[h.lower() for h in hashes] for hashes in posts.phashes]),
    }


def concat_prepared(parts: list[PreparedPosts]) -> PreparedPosts:
    """One batch holding `parts` one after the other (identifier values renumbered)."""
    if not parts:
        return prepare(LinkInput([], [], [], [], []), 1)
    return PreparedPosts(
        np.concatenate([p.post_pk for p in parts]),
        concat_shingles([p.shingles for p in parts]),
        {
            kind: concat_incidences([p.found[kind] for p in parts], [len(p) for p in parts])
            for kind in IDENTIFIER_KINDS
        },
        None
        if any(p.facets is None for p in parts)
        else concat_incidences([p.facets for p in parts], [len(p) for p in parts]),
        None
        if any(p.mention_author is None for p in parts)
        else np.concatenate([p.mention_author for p in parts]),
    )


def as_prepared(posts: LinkInput | PreparedPosts, shingle_width: int) -> PreparedPosts:
    return posts if isinstance(posts, PreparedPosts) else prepare(posts, shingle_width)
