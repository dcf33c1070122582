"""The note's charts, as plotly figures built from the note's figures (no case records needed).

Shares are drawn with their Wilson 95% interval as error bars, so that a bar resting on a few
records looks as uncertain as it is.
"""

from __future__ import annotations

import plotly.graph_objects as go

from sentinelle.cases.narrative import CHANNEL_WORDS

NAVY = "#1f3b63"
RED = "#b23a48"
GREY = "#9aa7b8"
WIDTH = 680  # fits an A4 page with 15 mm margins, so print and screen look the same
SITUATION_LABELS = {
    "runaway": "Runaway",
    "care_home": "Placed in a care home",
    "out_of_school": "Out of school",
    "family_breakdown": "Family breakdown",
    "prior_violence": "Earlier violence",
}
AREA_LABELS = {"urban": "Cities", "periurban": "Outskirts", "rural": "Rural areas"}


def note_charts(figures: dict) -> dict[str, str]:
    """Each chart as an HTML fragment (the plotly JS itself is included once by the page)."""
    builders = {
        "cases_per_year": cases_per_year,
        "victims_per_year": victims_per_year,
        "victim_ages": victim_ages,
        "situations": situations,
        "suspects": suspects_profile,
        "female_share": female_share_per_year,
        "group_sizes": group_sizes,
        "areas": areas,
        "recruitment_channels": recruitment_channels,
        "clients": clients_accused,
    }
    return {name: _fragment(name, build(figures)) for name, build in builders.items()}


def cases_per_year(figures: dict) -> go.Figure:
    per_year = figures["cases_per_year"]
    bar = go.Bar(
        x=list(per_year), y=list(per_year.values()), marker_color=NAVY, text=list(per_year.values())
    )
    figure = go.Figure(bar)
    figure.update_xaxes(dtick=1)
    return _layout(figure, "Cases opened per year", y_title="cases")


def victims_per_year(figures: dict) -> go.Figure:
    per_year = figures["victims_per_year"]
    years = list(per_year)
    figure = go.Figure(
        [
            go.Bar(
                name="Minors", x=years, y=[v["minor"] for v in per_year.values()], marker_color=RED
            ),
            go.Bar(
                name="Adults", x=years, y=[v["adult"] for v in per_year.values()], marker_color=GREY
            ),
        ]
    )
    figure.update_layout(barmode="stack")
    figure.update_xaxes(dtick=1)
    return _layout(figure, "Victims per year: minors and adults", y_title="victims", legend=True)


def victim_ages(figures: dict) -> go.Figure:
    ages = figures["victim_ages"]
    colours = [RED if int(age) < 18 else GREY for age in ages]
    figure = go.Figure(
        go.Bar(x=[int(a) for a in ages], y=list(ages.values()), marker_color=colours)
    )
    figure.update_xaxes(dtick=1)
    return _layout(
        figure,
        f"Victims by age in {figures['year']} (minors in red)",
        y_title="victims",
        x_title="age",
    )


def situations(figures: dict) -> go.Figure:
    shares = figures["minor_victims"]["situation_shares"]
    largest_first = sorted(shares, key=lambda s: -shares[s])
    return _share_bars(
        figures,
        "minor_victims.situation_shares",
        {SITUATION_LABELS[s]: s for s in largest_first},
        f"Situation of minor victims in {figures['year']}",
    )


def suspects_profile(figures: dict) -> go.Figure:
    labels = {
        "Women": "female_share",
        "Former victims": "former_victim_share",
        "Known for drug offences": "prior_drug_offence_share",
    }
    return _share_bars(
        figures, "suspects", labels, f"Pimps and recruiters in {figures['year']}: profile"
    )


def female_share_per_year(figures: dict) -> go.Figure:
    return _share_line(
        figures,
        "pimps_female_share_per_year",
        figures["pimps_female_share_per_year"],
        "Women among pimps and recruiters, by year",
    )


def group_sizes(figures: dict) -> go.Figure:
    sizes = figures["group_sizes"]
    colours = [NAVY if int(size) < 5 else GREY for size in sizes]
    figure = go.Figure(
        go.Bar(x=[int(s) for s in sizes], y=list(sizes.values()), marker_color=colours)
    )
    figure.update_xaxes(dtick=1)
    return _layout(
        figure,
        f"People per case in {figures['year']}: victims, pimps and recruiters (under five in blue)",
        y_title="cases",
        x_title="people",
    )


def areas(figures: dict) -> go.Figure:
    labels = {AREA_LABELS[a]: a for a in figures["areas"]}
    return _share_bars(figures, "areas", labels, f"Where cases arose in {figures['year']}")


def recruitment_channels(figures: dict) -> go.Figure:
    channels = figures["recruitment_channels"]
    ordered = sorted(channels, key=lambda c: channels[c])
    labels = {CHANNEL_WORDS[c].capitalize(): c for c in reversed(ordered)}
    return _share_bars(
        figures,
        "recruitment_channels",
        labels,
        f"Recruitment channels of victims in {figures['year']}",
    )


def clients_accused(figures: dict) -> go.Figure:
    figure = _share_line(
        figures,
        "clients.accused_share",
        figures["clients"]["accused_share"],
        "Clients treated as accused rather than witnesses, by year",
    )
    figure.add_hline(y=50, line_dash="dot", line_color=GREY)
    return figure


def _share_bars(figures: dict, prefix: str, labels: dict[str, str], title: str) -> go.Figure:
    """Horizontal bars of shares (in %) with their 95% intervals, in the order of `labels`."""
    table = figures
    for key in prefix.split("."):
        table = table[key]
    rows = [(label, key) for label, key in labels.items() if table.get(key) is not None]
    intervals = [figures["intervals"][f"{prefix}.{key}"] for _, key in rows]
    values = [table[key] * 100 for _, key in rows]
    bar = go.Bar(
        y=[f"{label}  {v:.0f}%" for (label, _), v in zip(rows, values, strict=True)][::-1],
        x=values[::-1],
        orientation="h",
        marker_color=NAVY,
        error_x={
            "type": "data",
            "symmetric": False,
            "array": [i["high"] * 100 - v for i, v in zip(intervals, values, strict=True)][::-1],
            "arrayminus": [v - i["low"] * 100 for i, v in zip(intervals, values, strict=True)][
                ::-1
            ],
            "color": "#555",
        },
        customdata=[i["count"] for i in intervals][::-1],
        hovertemplate="%{y} (n=%{customdata})<extra></extra>",
    )
    figure = go.Figure(bar)
    figure.update_xaxes(range=[0, 100], ticksuffix="%")
    height = 90 + 38 * max(len(rows), 1)
    return _layout(figure, title, height=height)


def _share_line(figures: dict, prefix: str, shares: dict, title: str) -> go.Figure:
    """A share per year with its 95% interval as a band."""
    years = [y for y, v in shares.items() if v is not None]
    intervals = [figures["intervals"][f"{prefix}.{y}"] for y in years]
    figure = go.Figure(
        [
            go.Scatter(
                x=years,
                y=[i["high"] * 100 for i in intervals],
                mode="lines",
                line_width=0,
                hoverinfo="skip",
            ),
            go.Scatter(
                x=years,
                y=[i["low"] * 100 for i in intervals],
                mode="lines",
                fill="tonexty",
                fillcolor="rgba(31,59,99,0.15)",
                line_width=0,
                hoverinfo="skip",
            ),
            go.Scatter(
                x=years,
                y=[shares[y] * 100 for y in years],
                mode="lines+markers",
                line_color=NAVY,
                customdata=[i["count"] for i in intervals],
                hovertemplate="%{x}: %{y:.1f}% (n=%{customdata})<extra></extra>",
            ),
        ]
    )
    figure.update_yaxes(range=[0, 100], ticksuffix="%")
    figure.update_xaxes(dtick=1)
    return _layout(figure, title)


def _layout(
    figure: go.Figure,
    title: str,
    *,
    y_title: str = "",
    x_title: str = "",
    legend: bool = False,
    height: int = 300,
) -> go.Figure:
    figure.update_layout(
        title={"text": title, "font": {"size": 14}, "x": 0, "xanchor": "left"},
        width=WIDTH,
        height=height,
        margin={"l": 10, "r": 10, "t": 40, "b": 30},
        showlegend=legend,
        legend={"orientation": "h", "y": 1.02, "x": 1, "xanchor": "right", "yanchor": "bottom"},
        template="simple_white",
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": 12},
    )
    figure.update_xaxes(title_text=x_title, automargin=True, type=None)
    figure.update_yaxes(title_text=y_title, automargin=True)
    return figure


def _fragment(name: str, figure: go.Figure) -> str:
    return figure.to_html(
        full_html=False,
        include_plotlyjs=False,
        div_id=f"chart-{name}",
        config={"displayModeBar": False, "responsive": False},
    )
