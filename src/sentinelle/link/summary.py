"""A network in plain text for an analyst: who, where, when, and why its posts belong together."""

from __future__ import annotations

from collections import Counter

from sentinelle.link.templates import explain


def render_network(profile: dict, edges: list[dict], examples: int = 3) -> list[str]:
    """Lines of the `sentinelle network show` account of one network."""
    return [*_header(profile), "", *_itinerary(profile), "", *_evidence(edges, examples)]


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


def _evidence(edges: list[dict], examples: int) -> list[str]:
    lines = ["Why these posts belong together"]
    shared = Counter((e["kind"], e["value"]) for e in edges if e["kind"] != "text" and not e["hub"])
    for (kind, value), count in shared.most_common():
        lines.append(f"  {kind} {value}: ties {count + 1} posts")
    texts = sorted((e for e in edges if e["kind"] == "text"), key=lambda e: -e["weight"])
    if texts:
        lines.append(f"  near-identical text: {len(texts)} link(s) sharing rare wording, e.g.")
    for edge in texts[:examples]:
        evidence = explain(edge["left_text"], edge["right_text"])
        slots = " | ".join(f"{a or '-'} / {b or '-'}" for a, b in evidence.slots[:6])
        lines.append(f"    {edge['left_source']}/{edge['left_id']} ~ {edge['right_source']}/"
                     f"{edge['right_id']} (similarity {edge['weight']:.2f})")  # fmt: skip
        lines.append(f"      template: {evidence.template[:160]}")
        lines.append(f"      slots:    {slots or 'none'}")
    hubs = dict.fromkeys((e["kind"], e["value"]) for e in edges if e["hub"])
    for kind, value in hubs:
        lines.append(f"  not used: {kind} {value} is shared by unrelated posters (hub)")
    return lines
