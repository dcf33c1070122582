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
    posted_at: np.ndarray  # float64, epoch seconds
    texts: list[str]
    phones: list[list[str]]
    handles: list[list[str]]
    phashes: list[list[str]]
    cities: list[str | None]
    departments: list[str | None]
    sources: list[str]
    authors: list[str | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.post_pk = np.asarray(self.post_pk, dtype=np.int64)
        self.posted_at = np.asarray(self.posted_at, dtype=np.float64)
        if not self.authors:
            self.authors = [None] * len(self.post_pk)
        n = len(self.post_pk)
        columns = (self.posted_at, self.texts, self.phones, self.handles, self.phashes,
                   self.cities, self.departments, self.sources, self.authors)  # fmt: skip
        if any(len(column) != n for column in columns):
            raise ValueError("every LinkInput column needs one entry per post_pk")

    def __len__(self) -> int:
        return len(self.post_pk)

    def take(self, rows: np.ndarray) -> LinkInput:
        """The posts at `rows`, in that order."""
        rows = np.asarray(rows, dtype=np.int64)
        pick = rows.tolist()
        return LinkInput(
            post_pk=self.post_pk[rows],
            posted_at=self.posted_at[rows],
            texts=[self.texts[i] for i in pick],
            phones=[self.phones[i] for i in pick],
            handles=[self.handles[i] for i in pick],
            phashes=[self.phashes[i] for i in pick],
            cities=[self.cities[i] for i in pick],
            departments=[self.departments[i] for i in pick],
            sources=[self.sources[i] for i in pick],
            authors=[self.authors[i] for i in pick],
        )

    @staticmethod
    def concat(parts: list[LinkInput]) -> LinkInput:
        """One batch holding `parts` one after the other."""
        return LinkInput(
            post_pk=np.concatenate([p.post_pk for p in parts]),
            posted_at=np.concatenate([p.posted_at for p in parts]),
            texts=[t for p in parts for t in p.texts],
            phones=[v for p in parts for v in p.phones],
            handles=[v for p in parts for v in p.handles],
            phashes=[v for p in parts for v in p.phashes],
            cities=[v for p in parts for v in p.cities],
            departments=[v for p in parts for v in p.departments],
            sources=[v for p in parts for v in p.sources],
            authors=[v for p in parts for v in p.authors],
        )
