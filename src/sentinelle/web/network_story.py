"""A network told in one paragraph, as an analyst would write it: how many posts, where, for
how long, under which names, and what ties the posts together. Pure; identifiers masked."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sentinelle.privacy import mask_handle, mask_identifier

_KIND_WORDS = {
    "phone": "phone", "handle": "handle", "author": "account", "image": "photo",
    "mention": "one account named on two platforms:",
}  # fmt: skip


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _weeks(first: str, last: str) -> int:
    try:
        span = datetime.fromisoformat(last) - datetime.fromisoformat(first)
    except ValueError:
        return 0
    return max(1, round(span.days / 7)) if span.days >= 7 else 1


def _shown(kind: str, value: str | None) -> str:
    if not value:
        return kind
    if kind == "phone":
        return mask_identifier("phone", value)
    if kind in ("handle", "author"):
        return mask_handle(value)
    if kind == "mention":  # "tchatou:name = snapchat:name": two handles, both masked
        return " = ".join(mask_handle(part) for part in value.split(" = "))
    return value[:8] + "…"


def link_reasons(edges: Iterable[tuple]) -> list[dict]:
    """What ties the posts: one row per shared value (posts it ties) and one for shared
    wording, largest first; hubs (values shared by unrelated posters) listed apart.

    `edges`: (kind, value, hub, left post, right post), posts as any key (the store's pk).
    """
    tied: dict[tuple[str, str], set] = defaultdict(set)
    wording: set = set()
    hubs: dict[tuple[str, str], None] = {}
    for kind, value, hub, left, right in edges:
        if hub:
            hubs[(kind, value or "")] = None
        elif kind == "text":
            wording.update((left, right))
        else:
            tied[(kind, value or "")].update((left, right))
    reasons = [
        {"kind": kind, "what": f"{_KIND_WORDS.get(kind, kind)} {_shown(kind, value)}",
         "posts": len(keys), "hub": False}
        for (kind, value), keys in tied.items()
        if kind != "image"
    ]  # fmt: skip
    photos = [keys for (kind, _value), keys in tied.items() if kind == "image"]
    if photos:  # photo hashes mean nothing to read one by one: one line for them all
        reasons.append(
            {"kind": "image", "what": f"{_plural(len(photos), 'shared photo')}",
             "posts": len(set().union(*photos)), "hub": False}
        )  # fmt: skip
    reasons.sort(key=lambda r: -r["posts"])
    if wording:
        reasons.append(
            {"kind": "text", "what": "shared wording (same template)", "posts": len(wording),
             "hub": False}
        )  # fmt: skip
    reasons += [
        {"kind": kind, "what": f"{_KIND_WORDS.get(kind, kind)} {_shown(kind, value)}",
         "posts": 0, "hub": True}
        for kind, value in hubs
    ]  # fmt: skip
    return reasons


def story(profile: dict, reasons: list[dict]) -> str:
    """ "47 posts on 4 sites, 6 cities in 9 weeks, 3 personas; linked by phone +33 6•••72 on
    41 posts and by shared wording on 6." """
    posts = len(profile["post_ids"])
    cities = len({stay["city"] for stay in profile["itinerary"] if stay.get("city")})
    weeks = _weeks(profile["first_seen"], profile["last_seen"])
    parts = [
        f"{_plural(posts, 'post')} on {_plural(len(profile['sources']), 'site')}",
        f"{_plural(cities, 'city').replace('citys', 'cities')} in {_plural(weeks, 'week')}",
        _plural(len(profile["personas"]), "persona"),
    ]
    text = ", ".join(parts)
    ties = [r for r in reasons if not r["hub"]][:4]
    if ties:
        said = [f"by {r['what']} on {_plural(r['posts'], 'post')}" for r in ties]
        text += "; linked " + (
            ", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else said[0]
        )
    if profile.get("recruitment_posts"):
        text += f"; {_plural(profile['recruitment_posts'], 'recruitment post')}"
    return text + "."
