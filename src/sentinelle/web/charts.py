"""Plotly figures as plain dicts (rendered by the embedded plotly.js): weekly counts, the
network graph, the itinerary timeline and the map. Built by hand: cheap per request."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import UTC, datetime

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


def network_graph(posts: list[dict], identifiers: list[dict]) -> dict:
    """Posts (right, in time order) linked to the identifiers they carry (left); hovering a
    link's midpoint shows the evidence: the text as the post wrote it."""
    ids = sorted({(item["kind"], item["value"]) for item in identifiers})
    id_y = {key: i for i, key in enumerate(ids)}
    post_y = {post["pk"]: i * max(len(ids), 1) / max(len(posts), 1) for i, post in enumerate(posts)}
    edge_x, edge_y, mid_x, mid_y, mid_text = [], [], [], [], []
    for item in identifiers:
        if item["post_pk"] not in post_y:
            continue
        y0, y1 = id_y[(item["kind"], item["value"])], post_y[item["post_pk"]]
        edge_x += [0, 1, None]
        edge_y += [y0, y1, None]
        mid_x.append(0.5)
        mid_y.append((y0 + y1) / 2)
        written = mask_in_text(item["evidence"]) if item.get("evidence") else "metadata"
        mid_text.append(f"{item['kind']} written as: {written}")
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
            "name": "evidence",
        },
        {
            "type": "scatter",
            "mode": "markers+text",
            "name": "identifiers",
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
            "name": "posts",
            "x": [1] * len(posts),
            "y": [post_y[p["pk"]] for p in posts],
            "textposition": "middle right",
            "text": [f"{p['source']}/{p['post_id']}" for p in posts],
            "marker": {
                "size": 10,
                "color": ["#c0392b" if p["flags"] else "#1f5f8b" for p in posts],
            },
            "hoverinfo": "text",
        },
    ]
    axis = {"visible": False, "zeroline": False}
    layout = _layout(
        "Posts and the identifiers that link them",
        xaxis={**axis, "range": [-0.8, 1.8]},
        yaxis=axis,
        height=max(300, 28 * max(len(ids), len(posts), 1)),
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
    route = {
        "type": "scatter",
        "mode": "lines+markers+text",
        "showlegend": False,
        "x": [pos[0] * _LON_SCALE for _, pos in located],
        "y": [pos[1] for _, pos in located],
        "text": [f"{i + 1}. {s['city']}" for i, (s, _) in enumerate(located)],
        "textposition": "top center",
        "hoverinfo": "text",
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
