"""A network's itinerary from its posts, as the networks export defines it: stays in time
order, a new stay starting when the city changes. Used until the linking step stores one."""

from __future__ import annotations


def itinerary(posts: list[dict]) -> list[dict]:
    """`posts` in time order, each with `place`, `department`, `posted_at`."""
    stays: list[dict] = []
    for post in posts:
        city = post.get("place")
        if stays and stays[-1]["city"] == city:
            stays[-1]["left"] = post["posted_at"]
            stays[-1]["posts"] += 1
            continue
        stays.append(
            {
                "city": city,
                "department": post.get("department"),
                "arrived": post["posted_at"],
                "left": post["posted_at"],
                "posts": 1,
            }
        )
    return stays
