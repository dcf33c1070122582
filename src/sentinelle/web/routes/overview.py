"""The overview: posts and flagged posts per week, by department and source; top networks by
risk; recent changes. The aggregates are rows `analyze` writes (weekly counts, network
summaries), cached a few minutes all the same: every analyst opens this page first."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse

from sentinelle.store.browse import recent_posts
from sentinelle.store.labels import recent_labels
from sentinelle.store.network_summaries import top_networks
from sentinelle.store.weekly_counts import latest_weeks
from sentinelle.web.charts import chart_json, weekly_figure
from sentinelle.web.render import render
from sentinelle.web.security import PageContext, page

router = APIRouter(include_in_schema=False)
CACHE_SECONDS = 300


def _cached(app, key: str, compute):
    return app.state.cache.get_or_compute(key, compute, seconds=CACHE_SECONDS)


@router.get("/overview", response_class=HTMLResponse)
def overview(ctx: Annotated[PageContext, Depends(page("overview.view"))]) -> HTMLResponse:
    app = ctx.request.app
    store = app.state.store
    charts = _cached(app, "weekly-charts", lambda: _charts(latest_weeks(store)))
    networks = _cached(app, "top_networks", lambda: top_networks(store))
    return render(
        ctx,
        "overview.html",
        charts=charts,
        networks=networks,
        recent=recent_posts(store),
        labels=recent_labels(store),
    )


def _charts(weekly: list[dict]) -> dict:
    """The three weekly charts, serialised once per cache period rather than per view."""
    return {
        "weekly": chart_json(weekly_figure(weekly, None, None, "Posts and flagged posts per week")),
        "department": chart_json(
            weekly_figure(weekly, "department", 8, "Flagged posts per week, by department")
        ),
        "source": chart_json(
            weekly_figure(weekly, "source", 8, "Flagged posts per week, by source")
        ),
    }
