"""Plotly figures as plain dicts (rendered by the embedded plotly.js): weekly counts, the
network graph, the itinerary timeline and the map. Built by hand: cheap per request."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import UTC, datetime

import orjson
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from sentinelle.privacy import mask_identifier
from sentinelle.privacy.masking import mask_in_text
from sentinelle.store.browse import WEEK
from sentinelle.web.france import CORSICA, MAINLAND, city_position

_FONT = {"family": "system-ui, sans-serif", "size": 12, "color": "#1f2933"}
_PALETTE = (
    "#1f5f8b",
    "#c0392b",
    "#7f8c8d",
    "#d68910",
    "#117a65",
    "#6c3483",
    "#2e4053",
    "#a04000",
    "#1abc9c",
)
# Longitude squeezed by cos(46.5°) so the map keeps France's shape on a flat plot.
_LON_SCALE = math.cos(math.radians(46.5))


def chart_json(figure: dict) -> Markup:
    """A figure serialised once, safe inside a <script> element (what the template's `tojson`
    does per render: a large network's graph is most of its page's rendering time)."""
    return htmlsafe_json_dumps(figure, dumps=lambda value, **_: orjson.dumps(value).decode())


def _layout(title: str, **extra) -> dict:
    return {
        "title": {"text": title, "font": {"size": 14}},
        "font": _FONT,
        "margin": {"l": 40, "r": 10, "t": 40, "b": 40},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "height": 300,
        **extra,
    }


def _week_label(week: int) -> str:
    return datetime.fromtimestamp(week * WEEK, UTC).strftime("%Y-%m-%d")


def weekly_figure(rows: list[dict], by: str | None, top: int | None, title: str) -> dict:
    """All posts vs flagged per week (`by` None), or flagged per week for the `top` values of
    `by` (department or source)."""
    weeks = sorted({row["week"] for row in rows})
    labels = [_week_label(w) for w in weeks]
    if by is None:
        total, flagged = defaultdict(int), defaultdict(int)
        for row in rows:
            total[row["week"]] += row["posts"]
            flagged[row["week"]] += row["flagged"] or 0
        data = [
            {
                "type": "bar",
                "name": "posts",
                "x": labels,
                "y": [total[w] for w in weeks],
                "marker": {"color": "#aab7c4"},
            },
            {
                "type": "bar",
                "name": "flagged",
                "x": labels,
                "y": [flagged[w] for w in weeks],
                "marker": {"color": "#c0392b"},
            },
        ]
        return {"data": data, "layout": _layout(title, barmode="overlay")}
    per_key: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        per_key[row[by] or "unknown"][row["week"]] += row["flagged"] or 0
    ranked = sorted(per_key, key=lambda k: -sum(per_key[k].values()))[: top or None]
    data = [
        {
            "type": "bar",
            "name": key,
            "x": labels,
            "y": [per_key[key][w] for w in weeks],
            "marker": {"color": _PALETTE[i % len(_PALETTE)]},
        }
        for i, key in enumerate(ranked)
    ]
    return {"data": data, "layout": _layout(title, barmode="stack")}


GRAPH_GROUPS = 40  # post groups drawn; smaller groups beyond are folded into one node


def _post_groups(posts: list[dict], identifiers: list[dict]) -> list[dict]:
    """Posts that carry exactly the same identifiers, as one group (largest first)."""
    carried: dict[int, set] = defaultdict(set)
    written: dict[tuple, set] = defaultdict(set)
    for item in identifiers:
        key = (item["kind"], item["value"])
        carried[item["post_pk"]].add(key)
        if item.get("evidence"):
            written[key].add(mask_in_text(item["evidence"]))
    groups: dict[frozenset, dict] = {}
    for post in posts:
        keys = frozenset(carried.get(post["pk"], ()))
        group = groups.setdefault(keys, {"keys": keys, "posts": [], "flagged": 0})
        group["posts"].append(post)
        group["flagged"] += bool(post.get("flags"))
    ordered = sorted(groups.values(), key=lambda g: (-len(g["posts"]), sorted(g["keys"])))
    if len(ordered) > GRAPH_GROUPS:
        rest = ordered[GRAPH_GROUPS - 1 :]
        folded = {
            "keys": frozenset().union(*(g["keys"] for g in rest)),
            "posts": [p for g in rest for p in g["posts"]],
            "flagged": sum(g["flagged"] for g in rest),
            "folded": len(rest),
        }
        ordered = [*ordered[: GRAPH_GROUPS - 1], folded]
    for group in ordered:
        group["written"] = {key: sorted(written[key])[:3] for key in group["keys"]}
    return ordered


def _group_label(group: dict) -> str:
    posts = group["posts"]
    if group.get("folded"):
        return f"{len(posts)} posts in {group['folded']} small groups"
    if len(posts) == 1:
        return f"{posts[0]['source']}/{posts[0]['post_id']}"[:40]
    return f"{len(posts)} posts"


def network_graph(posts: list[dict], identifiers: list[dict]) -> dict:
    """Identifiers (left) linked to groups of posts that carry the same ones (right): a
    163-post network draws a few nodes, not 163 rows. Hovering a link shows how the posts
    wrote the identifier (masked)."""
    ids = sorted({(item["kind"], item["value"]) for item in identifiers})
    groups = _post_groups(posts, identifiers)
    rows = max(len(ids), len(groups), 1)
    id_y = {key: (i + 0.5) * rows / max(len(ids), 1) for i, key in enumerate(ids)}
    group_y = [(i + 0.5) * rows / max(len(groups), 1) for i in range(len(groups))]
    edge_x, edge_y, mid_x, mid_y, mid_text = [], [], [], [], []
    for y1, group in zip(group_y, groups, strict=True):
        for key in sorted(group["keys"]):  # a set's order differs per process (str hashing)
            y0 = id_y[key]
            edge_x += [0, 1, None]
            edge_y += [y0, y1, None]
            mid_x.append(0.5)
            mid_y.append((y0 + y1) / 2)
            forms = ", ".join(group["written"][key]) or "metadata"
            mid_text.append(f"{len(group['posts'])} post(s); {key[0]} written as: {forms}")
    sizes = [8 + 4 * math.sqrt(len(group["posts"])) for group in groups]
    data = [
        {
            "type": "scatter",
            "mode": "lines",
            "x": edge_x,
            "y": edge_y,
            "hoverinfo": "skip",
            "line": {"color": "#aab7c4", "width": 1},
            "showlegend": False,
        },
        {
            "type": "scatter",
            "mode": "markers",
            "x": mid_x,
            "y": mid_y,
            "text": mid_text,
            "hoverinfo": "text",
            "marker": {"size": 5, "color": "#7f8c8d"},
            "name": "how it was written (hover)",
        },
        {
            "type": "scatter",
            "mode": "markers+text",
            "name": "identifier",
            "x": [0] * len(ids),
            "y": [id_y[k] for k in ids],
            "textposition": "middle left",
            "text": [mask_identifier(kind, value) for kind, value in ids],
            "marker": {"size": 12, "color": "#d68910", "symbol": "diamond"},
            "hoverinfo": "text",
        },
        {
            "type": "scatter",
            "mode": "markers+text",
            "name": "posts (red: some flagged)",
            "x": [1] * len(groups),
            "y": group_y,
            "textposition": "middle right",
            "text": [_group_label(group) for group in groups],
            "hovertext": [f"{len(g['posts'])} post(s), {g['flagged']} flagged" for g in groups],
            "marker": {
                "size": sizes,
                "color": ["#c0392b" if g["flagged"] else "#1f5f8b" for g in groups],
            },
            "hoverinfo": "text",
        },
    ]
    axis = {"visible": False, "zeroline": False, "fixedrange": True}
    layout = _layout(
        "Identifiers and the posts that carry them",
        xaxis={**axis, "range": [-0.9, 1.9]},
        yaxis={**axis, "range": [rows + 0.2, -0.2]},
        height=min(640, max(300, 26 * rows + 80)),
        legend={"orientation": "h", "y": -0.02},
        margin={"l": 10, "r": 10, "t": 40, "b": 30},
    )
    return {"data": data, "layout": layout}


def itinerary_timeline(stays: list[dict]) -> dict:
    data = [
        {
            "type": "scatter",
            "mode": "lines+markers",
            "x": [s["arrived"][:19], s["left"][:19]],
            "y": [s["city"] or "unknown"] * 2,
            "name": s["city"] or "unknown",
            "line": {"width": 10, "color": _PALETTE[i % len(_PALETTE)]},
            "hovertext": f"{s['city']} ({s['department'] or '?'}): {s['posts']} posts",
            "hoverinfo": "text",
            "showlegend": False,
        }
        for i, s in enumerate(stays)
    ]
    return {"data": data, "layout": _layout("Itinerary", yaxis={"type": "category"})}


def france_map(stays: list[dict]) -> dict:
    """The itinerary on an outline of France: stays as dots joined in time order."""

    def outline(points):
        return {
            "type": "scatter",
            "mode": "lines",
            "hoverinfo": "skip",
            "showlegend": False,
            "x": [lon * _LON_SCALE for lon, _ in points],
            "y": [lat for _, lat in points],
            "fill": "toself",
            "fillcolor": "#f4f6f7",
            "line": {"color": "#95a5a6"},
        }

    located = [(s, city_position(s["city"])) for s in stays]
    located = [(s, pos) for s, pos in located if pos]
    # one label per city ("Lyon 1, 4"), placed around the dot in turn so neighbours collide less
    visits: dict[str, list[int]] = defaultdict(list)
    for number, (stay, _pos) in enumerate(located, start=1):
        visits[stay["city"]].append(number)
    labelled: set[str] = set()
    texts, positions = [], []
    corners = ("top center", "bottom center", "middle right", "middle left")
    for stay, _pos in located:
        city = stay["city"]
        if city in labelled:
            texts.append("")
        else:
            numbers = visits[city]
            shown = ", ".join(map(str, numbers[:4])) + ("…" if len(numbers) > 4 else "")
            texts.append(f"{city} {shown}")
            labelled.add(city)
        positions.append(corners[len(labelled) % len(corners)])
    route = {
        "type": "scatter",
        "mode": "lines+markers+text",
        "showlegend": False,
        "x": [pos[0] * _LON_SCALE for _, pos in located],
        "y": [pos[1] for _, pos in located],
        "text": texts,
        "textposition": positions,
        "hovertext": [
            f"{i + 1}. {s['city']}: {s['posts']} post(s)" for i, (s, _) in enumerate(located)
        ],
        "hoverinfo": "text",
        "textfont": {"size": 11},
        "line": {"color": "#c0392b", "width": 2},
        "marker": {"size": 9, "color": "#c0392b"},
    }
    axis = {"visible": False}
    layout = _layout(
        "Where the posts were",
        height=420,
        xaxis={**axis, "range": [-5.2 * _LON_SCALE, 9.8 * _LON_SCALE]},
        yaxis={**axis, "range": [41.2, 51.3], "scaleanchor": "x"},
    )
    return {"data": [outline(MAINLAND), outline(CORSICA), route], "layout": layout}
