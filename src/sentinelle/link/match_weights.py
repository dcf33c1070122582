"""Fellegi–Sunter match weights for text pairs, with m and u estimated from the data.

Each candidate pair is compared on three things, each cut into levels:
- `text`: the rarity-weighted similarity of the posts' own wording (common templates left out);
- `rare`: how many rare shingles of their own they share;
- `contacts`: whether their contact groups agree (one group), disagree (each has phones or
  handles, none shared), or cannot say (one has none: that level weighs nothing).

A level's weight is log2(m / u): m the share of true pairs at that level, u the share of
false pairs. Agreement on rare text adds; two posts that each give a contact and share none
are probably two actors, so disagreement subtracts. m, u and the share of true pairs among
candidates are estimated by expectation–maximisation over the candidate pairs, as
record-linkage tools do (Fellegi & Sunter 1969; Splink, reclin's `problink_em`): the pairs
collapse into a table of level patterns, so EM costs nothing however many pairs there are.
A pair links when its total weight (prior included) is positive: posterior above one half.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TEXT_CUTS = (0.25, 0.3, 0.35, 0.45)  # own-text similarity: levels 0..4
RARE_CUTS = (4, 10)  # rare own shingles shared: levels 0..2
AGREE, DISAGREE, UNKNOWN = 0, 1, 2  # contact levels; UNKNOWN weighs nothing
COLUMNS = ("text", "rare", "contacts")
_LEVELS = (len(TEXT_CUTS) + 1, len(RARE_CUTS) + 1, 2)
_CLAMP = (1e-4, 1 - 1e-4)
MIN_PAIRS = 500  # fewer candidate pairs than this: too few to estimate, keep the prior model


@dataclass(frozen=True, slots=True)
class MatchModel:
    """m and u per level of each column, and the share of true pairs among candidates."""

    m: tuple[tuple[float, ...], ...]
    u: tuple[tuple[float, ...], ...]
    prior: float
    estimated: bool = False  # False: the prior model (too few pairs to learn from)

    def level_weights(self) -> list[np.ndarray]:
        """log2(m/u) of every level of every column."""
        return [np.log2(np.asarray(m) / np.asarray(u)) for m, u in zip(self.m, self.u, strict=True)]

    def prior_weight(self) -> float:
        return float(np.log2(self.prior / (1 - self.prior)))

    def weights(self, text: np.ndarray, rare: np.ndarray, contacts: np.ndarray) -> np.ndarray:
        """Total match weight of pairs at the given levels (float32)."""
        text_w, rare_w, contact_w = self.level_weights()
        contact_w = np.append(contact_w, 0.0)  # UNKNOWN
        total = self.prior_weight() + text_w[text] + rare_w[rare] + contact_w[contacts]
        return total.astype(np.float32)

    def explain(self, text: int, rare: int, contacts: int) -> list[tuple[str, float]]:
        """What agreed and what disagreed, with the weight of each (for an analyst)."""
        text_w, rare_w, contact_w = self.level_weights()
        lines = [
            ("prior (share of candidate pairs that are one actor)", self.prior_weight()),
            (f"own wording similar: {_text_band(text)}", float(text_w[text])),
            (f"rare own wording shared: {_rare_band(rare)}", float(rare_w[rare])),
        ]
        if contacts == AGREE:
            lines.append(("contacts agree (a phone or handle in common)", float(contact_w[0])))
        elif contacts == DISAGREE:
            lines.append(
                ("contacts disagree (each gives its own, none shared)", float(contact_w[1]))
            )
        else:
            lines.append(("contacts: one side gives none (no evidence either way)", 0.0))
        return lines

    def as_dict(self) -> dict:
        return {"m": [list(c) for c in self.m], "u": [list(c) for c in self.u],
                "prior": self.prior, "estimated": self.estimated}  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict | None) -> MatchModel:
        if not data:
            return PRIOR_MODEL
        return cls(tuple(map(tuple, data["m"])), tuple(map(tuple, data["u"])), data["prior"],
                   data.get("estimated", False))  # fmt: skip


# Where EM starts, and the model used when there are too few pairs to learn from.
PRIOR_MODEL = MatchModel(
    m=((0.02, 0.08, 0.2, 0.3, 0.4), (0.1, 0.4, 0.5), (0.85, 0.15)),
    u=((0.8, 0.12, 0.05, 0.02, 0.01), (0.7, 0.2, 0.1), (0.02, 0.98)),
    prior=0.3,
)


def text_level(score: np.ndarray, shared: np.ndarray, min_shared: int) -> np.ndarray:
    """Own-text similarity level; a pair sharing fewer than `min_shared` rare shingles is 0."""
    level = np.searchsorted(np.asarray(TEXT_CUTS, np.float32), score, side="right")
    return np.where(shared >= min_shared, level, 0).astype(np.int64)


def rare_level(shared: np.ndarray) -> np.ndarray:
    return np.searchsorted(np.asarray(RARE_CUTS), shared, side="right").astype(np.int64)


def estimate(
    text: np.ndarray, rare: np.ndarray, contacts: np.ndarray, iterations: int = 40
) -> MatchModel:
    """m, u and the prior by EM over the level patterns of the candidate pairs."""
    if len(text) < MIN_PAIRS:
        return PRIOR_MODEL
    sizes = (_LEVELS[0], _LEVELS[1], 3)
    code = (text * sizes[1] + rare) * sizes[2] + contacts
    counts = np.bincount(code, minlength=int(np.prod(sizes))).astype(np.float64)
    present = np.flatnonzero(counts)
    n = counts[present]
    levels = np.stack(np.unravel_index(present, sizes), axis=1)
    m = [np.asarray(c, np.float64) for c in PRIOR_MODEL.m]
    u = [np.asarray(c, np.float64) for c in PRIOR_MODEL.u]
    prior = PRIOR_MODEL.prior
    known = levels[:, 2] != UNKNOWN
    for _ in range(iterations):
        a = np.full(len(n), prior)
        b = np.full(len(n), 1 - prior)
        for column in range(3):
            lv = levels[:, column]
            if column == 2:
                a = np.where(known, a * m[2][np.minimum(lv, 1)], a)
                b = np.where(known, b * u[2][np.minimum(lv, 1)], b)
            else:
                a, b = a * m[column][lv], b * u[column][lv]
        g = a / (a + b)
        prior = float(np.clip((n * g).sum() / n.sum(), 1e-3, 1 - 1e-3))
        for column in range(3):
            rows = known if column == 2 else np.ones(len(n), bool)
            lv = levels[rows, column]
            width = len(m[column])
            mg = np.bincount(lv, weights=(n * g)[rows], minlength=width)
            ug = np.bincount(lv, weights=(n * (1 - g))[rows], minlength=width)
            m[column] = np.clip(mg / max(mg.sum(), 1e-12), *_CLAMP)
            u[column] = np.clip(ug / max(ug.sum(), 1e-12), *_CLAMP)
    return MatchModel(
        tuple(tuple(round(float(x), 6) for x in c) for c in m),
        tuple(tuple(round(float(x), 6) for x in c) for c in u),
        round(prior, 6),
        estimated=True,
    )


def _text_band(level: int) -> str:
    cuts = (0.0, *TEXT_CUTS, 1.0)
    return f"{cuts[level]:.2f}-{cuts[level + 1]:.2f}"


def _rare_band(level: int) -> str:
    cuts = (0, *RARE_CUTS)
    return f"{cuts[level]}+" if level == len(RARE_CUTS) else f"{cuts[level]}-{cuts[level + 1] - 1}"
