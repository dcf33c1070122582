"""The columnar batch that linking works on: one row per post, arrays where it matters."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(slots=True)
class LinkInput:
    """Posts as linking sees them; columnar so the hot paths stay in numpy.

    `handles` are "platform:handle" in lower case; an author account is given separately in
    `authors` as "source:author" so its evidence reads as an account, not a contact handle.
    """

    post_pk: np.ndarray  # int64, the store's primary key
    texts: list[str]
    phones: list[list[str]]
    handles: list[list[str]]
    phashes: list[list[str]]
    authors: list[str | None] = field(default_factory=list)
    # what extraction stored of each post, as `post_analysis` keeps it (JSON text of prices,
    # stated_ages and mentions): the stated facts of posts without contacts are taken from it
    # rather than read from the text again (`facets.stored_facets`); None: read from the text
    extraction: list[tuple[str, str, str]] | None = None
    # per post: the post has no author of its own, and its `authors` entry is a bare "@name"
    # it mentions (read as an account of its source); None: every entry is the post's author
    mention_author: list[bool] | None = None

    def __post_init__(self) -> None:
        self.post_pk = np.asarray(self.post_pk, dtype=np.int64)
        if not self.authors:
            self.authors = [None] * len(self.post_pk)
        n = len(self.post_pk)
        columns = (self.texts, self.phones, self.handles, self.phashes, self.authors)
        columns += tuple(c for c in (self.extraction, self.mention_author) if c is not None)
        if any(len(column) != n for column in columns):
            raise ValueError("every LinkInput column needs one entry per post_pk")

    def __len__(self) -> int:
        return len(self.post_pk)
