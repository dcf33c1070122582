"""Network profiles (the export contract, itinerary included) from scored posts on Spark."""

from __future__ import annotations

import orjson

from sentinelle.link.profile import NetworkPost, network_profile

NETWORK_SCHEMA = "network_id string, posts long, profile string"


def network_post(row: dict) -> NetworkPost:
    """What `network_profile` needs of a post, read as `store.networks.network_posts` reads it."""
    return NetworkPost(
        network_id=row["network_id"],
        source=row["source"],
        post_id=row["post_id"],
        posted_at=row["posted_at"],
        posted_ts=row["posted_ts"],
        text=f"{row['title']}\n{row['text']}" if row["title"] else row["text"],
        city=row["a_city"],
        department=row["department"],
        phones=[p["e164"] for p in orjson.loads(row["phones"])],
        handles=orjson.loads(row["handles"]),
        obfuscated=bool(row["obfuscated_phones"]),
        recruitment=bool((row["flags"] or 0) & 4),
        scores={
            "minor": row["score_minor"],
            "control": row["score_control"],
            "recruitment": row["score_recruitment"],
        },
    )


def profile_group(table):
    """applyInArrow body: the profile of one network."""
    import pyarrow as pa

    rows = table.to_pylist()
    members = [network_post(row) for row in rows]
    network_id = members[0].network_id
    profile = network_profile(network_id, members, [])
    return pa.Table.from_pylist(
        [
            {
                "network_id": network_id,
                "posts": len(members),
                "profile": orjson.dumps(profile).decode(),
            }
        ],
        schema=pa.schema(
            [("network_id", pa.string()), ("posts", pa.int64()), ("profile", pa.string())]
        ),
    )


def profiles(posts):
    """One row per network of `posts` (scored, with network ids)."""
    columns = (
        "network_id",
        "source",
        "post_id",
        "posted_at",
        "posted_ts",
        "title",
        "text",
        "a_city",
        "department",
        "phones",
        "handles",
        "obfuscated_phones",
        "flags",
        "score_minor",
        "score_control",
        "score_recruitment",
    )
    members = posts.where("network_id is not null").select(*columns)
    return members.groupBy("network_id").applyInArrow(profile_group, NETWORK_SCHEMA)
