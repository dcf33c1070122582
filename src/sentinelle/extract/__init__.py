"""Identifier extraction: phones, handles, ages, prices, mentions and places of a post.

`extract_posts` is the pipeline step: a pure function over a batch of posts, so a worker or a
Spark partition can run it as is.
"""

from __future__ import annotations

from sentinelle.extract import places
from sentinelle.extract.ages import find_ages, posting_year
from sentinelle.extract.dialing import read_international
from sentinelle.extract.handles import author_handle, find_handles, find_mentions
from sentinelle.extract.mentions import find_emoji, find_platforms, find_urls
from sentinelle.extract.phones import find_phones, merge_hits
from sentinelle.extract.prices import find_prices
from sentinelle.records import Extraction, PhoneHit, Post

__all__ = ["extract_post", "extract_posts"]


def extract_post(post: Post) -> Extraction:
    """Extract every identifier the post carries (text and title)."""
    # a blank line between title and text: no number may span both
    text = f"{post.title}\n\n{post.text}" if post.title else post.text
    handles = find_handles(text)
    phones = merge_hits(find_phones(text) + _whatsapp_phones(handles))
    own = author_handle(post.source, post.author)
    if own and own not in handles:
        handles.append(own)
    emoji = find_emoji(text)
    mentioned = places.find_places(text)
    handles += _source_mentions(post, text, handles, mentioned)
    return Extraction(
        phones=phones,
        handles=handles,
        stated_ages=find_ages(text, posting_year(post.posted_at)),
        prices=find_prices(text),
        emoji=emoji,
        urls=find_urls(text),
        platforms=find_platforms(text, emoji),
        place=places.locate(post.city, text, mentioned),
        places_mentioned=mentioned,
    )


def extract_posts(posts: list[Post]) -> list[Extraction]:
    """Batch form of `extract_post`: the unit a worker or a Spark partition runs."""
    return [extract_post(post) for post in posts]


def _source_mentions(post: Post, text: str, handles: list[str], mentioned) -> list[str]:
    """Bare "@name" mentions as accounts of the post's own source (the contract's
    "<source>:<author>" form): a recruitment offer's "DM @name" ties it to that account's
    posts. A place written as a mention ("dispo @Lyon") is not an account."""
    source = post.source.strip().lower()
    places_named = {place.city.lower() for place in mentioned if place.city}
    if post.city:
        places_named.add(post.city.strip().lower())
    found = []
    for name in find_mentions(text, handles):
        handle = f"{source}:{name}"
        if name not in places_named and handle not in handles:
            found.append(handle)
    return found


def _whatsapp_phones(handles: list[str]) -> list[PhoneHit]:
    """A wa.me link is a phone number written without "+": read it as one."""
    hits = []
    for handle in handles:
        platform, _, name = handle.partition(":")
        if platform == "whatsapp" and name.isdigit():
            found = read_international(name)
            if found:
                hits.append(PhoneHit(found[0], f"wa.me/{name}"))
    return hits
