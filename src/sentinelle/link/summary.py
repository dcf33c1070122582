"""A network in plain text for an analyst: who, where, when, and why its posts belong together."""

from __future__ import annotations

from collections import Counter

import numpy as np

from sentinelle.link.config import LinkConfig
from sentinelle.link.match_weights import (
    AGREE,
    DISAGREE,
    PRIOR_MODEL,
    UNKNOWN,
    MatchModel,
    rare_level,
    text_level,
)
from sentinelle.link.templates import explain


def render_network(
    profile: dict,
    edges: list[dict],
    examples: int = 3,
    model: MatchModel = PRIOR_MODEL,
    templates: list[dict] | None = None,
) -> list[str]:
    """Lines of the `sentinelle network show` account of one network."""
    return [
        *_header(profile), "", *_itinerary(profile), "", *_evidence(edges, examples, model),
        "", *_templates(templates or [], examples),
    ]  # fmt: skip


def _header(profile: dict) -> list[str]:
    aliases = f"  (formerly {', '.join(profile['aliases'])})" if profile["aliases"] else ""
    scores = ", ".join(
        f"{name} {value:.2f}" for name, value in profile["scores"].items() if value is not None
    )
    features = profile["features"]
    return [
        f"Network {profile['network_id']}{aliases}",
        f"  {len(profile['post_ids'])} posts on {len(profile['sources'])} source(s): "
        f"{', '.join(profile['sources'])}",
        f"  active from {profile['first_seen']} to {profile['last_seen']}",
        f"  personas: {', '.join(profile['personas']) or 'none named'}  "
        f"(people involved, estimate: {profile['people_estimate']})",
        f"  phones: {', '.join(profile['phones']) or 'none'}",
        f"  handles: {', '.join(profile['handles']) or 'none'}",
        f"  scores: {scores or 'not scored yet'}; "
        f"recruitment posts: {profile['recruitment_posts']}",
        f"  most names on one phone: {features['distinct_names_per_phone']}; "
        f"cities: {features['cities']}; moves per month: {features['moves_per_month']}; "
        f"disguised numbers: {features['obfuscated_share']:.0%} of posts",
    ]


def _itinerary(profile: dict) -> list[str]:
    lines = ["Itinerary (stays in time order)"]
    for number, stay in enumerate(profile["itinerary"], start=1):
        place = f"{stay['city']} ({stay['department']})" if stay["department"] else stay["city"]
        lines.append(
            f"  {number:>2}. {place:<28} {stay['arrived'][:16]} -> {stay['left'][:16]}  "
            f"{stay['posts']} post(s)"
        )
    if len(lines) == 1:
        lines.append("  no city known")
    return lines


def _evidence(edges: list[dict], examples: int, model: MatchModel) -> list[str]:
    lines = ["Why these posts belong together"]
    shared = Counter((e["kind"], e["value"]) for e in edges if e["kind"] != "text" and not e["hub"])
    for (kind, value), count in shared.most_common():
        if kind == "mention":  # a bare "@name" read as the account the name has elsewhere
            lines.append(f"  one account named on two platforms, {value}: ties their posts")
        else:
            lines.append(f"  {kind} {value}: ties {count + 1} posts")
    texts = sorted(
        (e for e in edges if e["kind"] == "text" and not e["hub"]), key=lambda e: -e["weight"]
    )
    if texts:
        lines.append(f"  similar own wording: {len(texts)} link(s), match weights e.g.")
    for edge in texts[:examples]:
        lines.extend(_text_link(edge, model))
    refused = sorted(
        (e for e in edges if e["kind"] == "text" and e["hub"]), key=lambda e: -e["weight"]
    )
    if refused:
        lines.append(f"  not joined: {len(refused)} text link(s) to posts outside, e.g.")
    for edge in refused[:examples]:
        lines.extend(_text_link(edge, model))
    hubs = dict.fromkeys((e["kind"], e["value"]) for e in edges if e["hub"] and e["kind"] != "text")
    for kind, value in hubs:
        lines.append(f"  not used: {kind} {value} is shared by unrelated posters (hub)")
    return lines


def _text_link(edge: dict, model: MatchModel) -> list[str]:
    """One text link: the match weight, what agreed and disagreed, template and slots."""
    levels = match_levels(edge)
    parts = model.explain(*levels)
    total = sum(weight for _, weight in parts)
    evidence = explain(edge["left_text"], edge["right_text"])
    slots = " | ".join(f"{a or '-'} / {b or '-'}" for a, b in evidence.slots[:6])
    lines = [f"    {edge['left_source']}/{edge['left_id']} ~ {edge['right_source']}/"
             f"{edge['right_id']} (similarity {edge['weight']:.2f}, match weight "
             f"{total:+.1f})"]  # fmt: skip
    lines += [f"      {weight:+6.1f}  {what}" for what, weight in parts]
    lines.append(f"      template: {evidence.template[:160]}")
    lines.append(f"      slots:    {slots or 'none'}")
    return lines


def match_levels(edge: dict) -> tuple[int, int, int]:
    """(text, rare, contacts) levels of a stored text edge, as linking compared the pair."""
    shared = int((edge.get("value") or "shared 0").split()[-1])
    minimum = LinkConfig().text_min_shared
    text = int(text_level(np.array([edge["weight"]], np.float32), np.array([shared]), minimum)[0])
    rare = int(rare_level(np.array([shared]))[0])
    left, right = set(edge.get("left_contacts", ())), set(edge.get("right_contacts", ()))
    contacts = AGREE if left & right else DISAGREE if left and right else UNKNOWN
    return text, rare, contacts


def _templates(relations: list[dict], examples: int) -> list[str]:
    lines = ["Same template (copied text, never a merge)"]
    for relation in relations:
        evidence = explain(relation["text"], relation["other_text"])
        post, other = relation["post"], relation["other_post"]
        lines.append(f"  network {relation['network_id']}: {post[0]}/{post[1]} ~ "
                     f"{other[0]}/{other[1]}")  # fmt: skip
        if examples > 0:
            lines.append(f"      template: {evidence.template[:160]}")
            slots = " | ".join(f"{a or '-'} / {b or '-'}" for a, b in evidence.slots[:6])
            lines.append(f"      slots:    {slots or 'none'}")
    if len(lines) == 1:
        lines.append("  none")
    return lines
