"""The network page's figures: one map label per city, a legend naming what the graph's
colours and shapes mean (issue 12: labels that collide, colours without a legend)."""

from __future__ import annotations

from sentinelle.web.charts import france_map, network_graph


def _stay(city: str, posts: int = 1) -> dict:
    day = "2024-03-01T10:00:00+01:00"
    return {"city": city, "department": None, "posts": posts, "arrived": day, "left": day}


def test_a_city_visited_again_is_labelled_once_with_every_visit():
    figure = france_map([_stay("Lyon"), _stay("Marseille"), _stay("Lyon"), _stay("Nice")])
    route = figure["data"][-1]
    labels = [text for text in route["text"] if text]
    assert labels == ["Lyon 1, 3", "Marseille 2", "Nice 4"]
    shown = [pos for text, pos in zip(route["text"], route["textposition"], strict=True) if text]
    assert len(set(shown)) == len(shown)  # neighbours' labels sit on different sides


def test_the_graph_names_its_colours_and_shapes():
    posts = [
        {"pk": 1, "source": "s", "post_id": "a", "flags": 1, "phones": "[]", "handles": "[]"},
        {"pk": 2, "source": "s", "post_id": "b", "flags": 0, "phones": "[]", "handles": "[]"},
    ]
    links = [
        {"post_pk": pk, "kind": "phone", "value": "+33612345678", "evidence": "06 12 34 56 78"}
        for pk in (1, 2)
    ]
    figure = network_graph(posts, links)
    named = [trace["name"] for trace in figure["data"] if trace.get("showlegend", True)]
    assert "identifier" in named and any("flagged" in name for name in named)
    assert all("+33612345678" not in str(trace.get("text")) for trace in figure["data"])
