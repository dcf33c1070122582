"""The demo corpus: a deterministic stream of (post, truth) pairs, generated block by block.

A block is a small world of groups, independents, recruiters and benign posters in the mix
the brief asks for, sorted by time. Blocks depend only on (seed, block number, corpus size),
never on each other, so they can be generated in parallel and streamed in order with bounded
memory, and the corpus is the same whatever the number of workers.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from sentinelle.demo.actors import new_benign, new_group, new_independent, new_recruiter
from sentinelle.demo.benign import BenignWriter
from sentinelle.demo.clock import FIRST_DAY, LAST_DAY
from sentinelle.demo.dice import Dice
from sentinelle.demo.group_ads import GroupWriter
from sentinelle.demo.independent_ads import IndependentWriter
from sentinelle.demo.publishing import Draft, Publisher
from sentinelle.demo.registry import Registry
from sentinelle.demo.social import group_recruitment, recruiter_posts

BLOCK = 10_000
# Shares of the corpus; independents take the rest.
SHARES = {"group": 0.15, "recruitment": 0.05, "benign": 0.25}
# How much more (or less) than average each kind of actor hides its numbers, so that the
# corpus-wide share of hard-written phones lands near the requested rate.
_HARD_WEIGHT = {"group": 2.2, "recruiter": 1.6, "independent": 0.95, "benign": 0.3}
# Per-actor multipliers (mean 1): half the independents never bother, the others often do.
_SPREAD = {
    "group": (0.5, 1.0, 1.0, 1.5),
    "recruiter": (0.5, 1.0, 1.5),
    "independent": (0.0, 0.0, 0.0, 1.5, 2.0, 2.5),
    "benign": (0.0, 0.0, 0.0, 1.0, 2.0, 3.0),
}

R = TypeVar("R")


def generate(
    n_posts: int, seed: int, hard_obfuscation: float = 0.3, *, workers: int = 1
) -> Iterator[tuple[dict, dict]]:
    """Yield `n_posts` (post, truth) pairs, the same ones for the same arguments."""
    for pairs in blocks(n_posts, seed, hard_obfuscation, block_pairs, workers=workers):
        yield from pairs


def block_pairs(drafts: list[Draft]) -> list[tuple[dict, dict]]:
    """A block as (post, truth) pairs."""
    return [(draft.post, draft.truth) for draft in drafts]


def blocks(
    n_posts: int,
    seed: int,
    hard_obfuscation: float,
    render: Callable[[list[Draft]], R],
    *,
    workers: int = 1,
    block_size: int = BLOCK,
) -> Iterator[R]:
    """Each block of the corpus, in order, passed through `render` (in the worker, when
    `workers` > 1, so that rendering to bytes is parallel too)."""
    _check(n_posts, hard_obfuscation, workers)
    count = -(-n_posts // block_size)
    tasks = [
        (
            seed,
            block,
            count,
            min(block_size, n_posts - block * block_size),
            hard_obfuscation,
            render,
        )
        for block in range(count)
    ]
    if workers <= 1 or count <= 1:
        yield from (_render_block(task) for task in tasks)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future] = deque()
        for task in tasks:
            pending.append(pool.submit(_render_block, task))
            if len(pending) > 2 * workers:  # bound memory: a few blocks in flight
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _check(n_posts: int, hard_obfuscation: float, workers: int) -> None:
    if n_posts < 0:
        raise ValueError(f"n_posts must be >= 0, got {n_posts}")
    if not 0.0 <= hard_obfuscation <= 1.0:
        raise ValueError(f"hard_obfuscation is a share in [0, 1], got {hard_obfuscation}")
    if workers < 1:
        raise ValueError(f"workers must be >= 1, got {workers}")


def _render_block(task: tuple) -> object:
    seed, block, count, size, hard, render = task
    return render(block_drafts(seed, block, count, size, hard))


def block_drafts(
    seed: int, block: int, blocks_in_corpus: int, size: int, hard: float
) -> list[Draft]:
    """Block `block` of the corpus: exactly `size` drafts, in time order."""
    rng = Dice(f"sentinelle-demo:{seed}:{block}")
    registry = Registry(block, blocks_in_corpus)
    world = _World(rng, registry, Publisher(block * BLOCK), hard)
    drafts = world.block(size)
    drafts.sort(key=lambda d: (d.day, d.minute))
    return drafts


# Approximate share of the corpus' written phones per kind of actor.
_PHONE_SHARE = {"group": 0.16, "recruiter": 0.01, "independent": 0.59, "benign": 0.24}


def kind_rates(hard: float) -> dict[str, float]:
    """Each kind's share of hard-written phones, so that the corpus-wide share is `hard`.

    Groups hide their numbers most; when a kind is capped at 1, the others make up for it.
    """
    scale = 1.0
    for _ in range(6):
        rates = {kind: min(1.0, hard * weight * scale) for kind, weight in _HARD_WEIGHT.items()}
        reached = sum(_PHONE_SHARE[kind] * rate for kind, rate in rates.items())
        if reached <= 0.0:
            break
        scale *= hard / reached
    return rates


def _quotas(size: int) -> dict[str, int]:
    quotas = {kind: round(size * share) for kind, share in SHARES.items()}
    quotas["independent"] = size - sum(quotas.values())
    return quotas


class _World:
    """One block: draws actors and their posts until each kind's quota is met exactly."""

    def __init__(self, rng: Dice, registry: Registry, publisher: Publisher, hard: float) -> None:
        self.rng = rng
        self.registry = registry
        self.publisher = publisher
        self.hard = hard
        self.kind_rates = kind_rates(hard)

    def rate(self, kind: str) -> float:
        """An actor's own rate of hard-written phones (some never bother, some always do).

        Spread around the kind's rate without leaving [0, 1], so the mean stays the kind's.
        """
        kind_rate = self.kind_rates[kind]
        spread = self.rng.choice(_SPREAD[kind])
        if kind_rate <= 0.4:
            return min(1.0, kind_rate * spread)
        return max(0.0, 1.0 - (1.0 - kind_rate) * spread)

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
            # at most a fifth of the block's group ads each: a small corpus still has 5+ groups
            limit = min(ads_left, max(10, ads_quota // 5))
            ads = GroupWriter(self.rng, group, rate).ads(self.publisher, limit)
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
            rate = self.rate("recruiter")
            drafts += recruiter_posts(self.rng, self.publisher, recruiter, count, first_day, rate)
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
            writer = BenignWriter(self.rng, poster, self.rate("benign"))
            drafts += writer.posts(self.publisher, count, first_day)
        return drafts
