"""The demo corpus: a deterministic stream of (post, truth) pairs in block-sized batches.

Posts are generated block by block (each block a small world of groups, independents,
recruiters and benign posters in the mix the brief asks for), sorted by time within the
block, and streamed; memory stays bounded by one block whatever the corpus size.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from sentinelle.demo.actors import (
    Registry,
    new_benign,
    new_group,
    new_independent,
    new_recruiter,
)  # fmt: skip
from sentinelle.demo.ads import GroupWriter, IndependentWriter
from sentinelle.demo.benign import BenignWriter
from sentinelle.demo.clock import FIRST_DAY, LAST_DAY
from sentinelle.demo.publishing import Draft, Publisher
from sentinelle.demo.social import group_recruitment, recruiter_posts

BLOCK = 10_000
# Shares of the corpus; independents take the rest.
SHARES = {"group": 0.15, "recruitment": 0.05, "benign": 0.25}
# How much more (or less) than average each kind of actor hides its numbers, so that the
# corpus-wide share of hard-written phones lands near the requested rate.
_HARD_WEIGHT = {"group": 1.9, "recruiter": 1.45, "independent": 1.0, "benign": 0.3}


def generate(n_posts: int, seed: int, hard_obfuscation: float = 0.3) -> Iterator[tuple[dict, dict]]:
    """Yield `n_posts` (post, truth) pairs, the same ones for the same arguments."""
    if n_posts < 0:
        raise ValueError(f"n_posts must be >= 0, got {n_posts}")
    if not 0.0 <= hard_obfuscation <= 1.0:
        raise ValueError(f"hard_obfuscation is a share in [0, 1], got {hard_obfuscation}")
    registry = Registry()
    publisher = Publisher()
    done = 0
    block = 0
    while done < n_posts:
        size = min(BLOCK, n_posts - done)
        rng = random.Random(f"sentinelle-demo:{seed}:{block}")
        world = _World(rng, registry, publisher, hard_obfuscation)
        drafts = world.block(size)
        drafts.sort(key=lambda d: (d.day, d.minute))
        for draft in drafts:
            yield draft.post, draft.truth
        done += size
        block += 1


def _quotas(size: int) -> dict[str, int]:
    quotas = {kind: round(size * share) for kind, share in SHARES.items()}
    quotas["independent"] = size - sum(quotas.values())
    return quotas


class _World:
    """One block: draws actors and their posts until each kind's quota is met exactly."""

    def __init__(
        self, rng: random.Random, registry: Registry, publisher: Publisher, hard: float
    ) -> None:
        self.rng = rng
        self.registry = registry
        self.publisher = publisher
        self.hard = hard

    def rate(self, kind: str) -> float:
        """An actor's own rate of hard-written phones (some never bother, some always do)."""
        return min(1.0, self.hard * _HARD_WEIGHT[kind] * self.rng.choice((0.0, 0.5, 1.0, 1.5, 2.0)))

    def block(self, size: int) -> list[Draft]:
        quotas = _quotas(size)
        recruit_by_groups = round(quotas["recruitment"] * 0.7)
        drafts, recruited = self._groups(quotas["group"], recruit_by_groups)
        drafts += self._recruiters(quotas["recruitment"] - recruited)
        drafts += self._independents(quotas["independent"])
        drafts += self._benign(quotas["benign"])
        return drafts

    def _groups(self, ads_quota: int, recruit_quota: int) -> tuple[list[Draft], int]:
        drafts: list[Draft] = []
        ads_left, recruit_left = ads_quota, recruit_quota
        while ads_left > 0:
            group = new_group(self.rng, self.registry)
            rate = self.rate("group")
            ads = GroupWriter(self.rng, group, rate).ads(self.publisher)[:ads_left]
            ads_left -= len(ads)
            drafts += ads
            count = min(recruit_left, self.rng.randint(1, 4))
            if count:
                drafts += group_recruitment(self.rng, self.publisher, group, count, rate)
                recruit_left -= count
        return drafts, recruit_quota - recruit_left

    def _recruiters(self, quota: int) -> list[Draft]:
        drafts: list[Draft] = []
        while len(drafts) < quota:
            recruiter = new_recruiter(self.rng, self.registry)
            count = min(quota - len(drafts), self.rng.randint(1, 5))
            first_day = self.rng.randint(FIRST_DAY, LAST_DAY - 100)
            drafts += recruiter_posts(
                self.rng, self.publisher, recruiter, count, first_day, self.rate("recruiter")
            )
        return drafts

    def _independents(self, quota: int) -> list[Draft]:
        drafts: list[Draft] = []
        while len(drafts) < quota:
            person = new_independent(self.rng, self.registry)
            count = min(quota - len(drafts), 1 + int(self.rng.expovariate(1 / 6)))
            writer = IndependentWriter(self.rng, person, self.rate("independent"))
            drafts += writer.ads(self.publisher, count)[: quota - len(drafts)]
        return drafts

    def _benign(self, quota: int) -> list[Draft]:
        drafts: list[Draft] = []
        while len(drafts) < quota:
            poster = new_benign(self.rng, self.registry)
            count = min(quota - len(drafts), self.rng.choice((1, 1, 1, 2, 2, 3, 4)))
            first_day = self.rng.randint(FIRST_DAY, LAST_DAY)
            drafts += BenignWriter(self.rng, poster, self.rate("benign")).posts(
                self.publisher, count, first_day
            )
        return drafts
