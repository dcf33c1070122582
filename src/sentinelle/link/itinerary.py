"""A network's itinerary: the cities it posted from, in time order, as stays."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Stay:
    """Consecutive posts from one city: when the network arrived and when it last posted there."""

    city: str
    department: str | None
    arrived: str
    left: str
    posts: int

    def as_dict(self) -> dict:
        return {"city": self.city, "department": self.department, "arrived": self.arrived,
                "left": self.left, "posts": self.posts}  # fmt: skip


def itinerary(visits: list[tuple[float, str, str | None, str | None]]) -> list[Stay]:
    """Stays from (epoch seconds, posted_at as given, city, department), in any order.

    A new stay starts when the city changes; posts without a city neither start nor end one.
    """
    stays: list[Stay] = []
    for _, posted_at, city, department in sorted(visits, key=lambda visit: visit[0]):
        if not city:
            continue
        last = stays[-1] if stays else None
        if last is not None and last.city == city:
            stays[-1] = Stay(
                city, last.department or department, last.arrived, posted_at, last.posts + 1
            )
        else:
            stays.append(Stay(city, department, posted_at, posted_at, 1))
    return stays


def moves_per_month(stays: list[Stay], first_ts: float, last_ts: float) -> float:
    """City changes per 30 days over the network's active period (at least one day)."""
    days = max((last_ts - first_ts) / 86400, 1.0)
    return round(max(len(stays) - 1, 0) * 30 / days, 3)
