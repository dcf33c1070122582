"""The strategic note as one self-contained HTML file (plotly JS inline, so it works offline)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

import jinja2
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from sentinelle.cases.charts import note_charts
from sentinelle.cases.crosslink import CaseLink, networks_known_to_cases
from sentinelle.cases.figures import SMALL_SAMPLE
from sentinelle.cases.narrative import Sentence, percent

SHOWN_ROWS = 50  # linked cases and known networks listed in the note; the JSON has them all


def render_note(
    figures: dict,
    sentences: Sequence[Sentence],
    links: Sequence[CaseLink] | None = None,
    *,
    source: str = "case records",
    marking: str = "",
    generated_on: dt.date | None = None,
    plotly_src: str | None = None,
) -> str:
    """The note's HTML; `links` None means no online store was consulted. `plotly_src`: a
    URL to load plotly from instead of inlining it (4.6 MB of the note's 4.9: the workspace
    serves it as a cached file)."""
    per_year = figures["cases_per_year"]
    by_section: dict[str, list[int]] = defaultdict(list)
    for number, sentence in enumerate(sentences, start=1):
        by_section[sentence.section].append(number)
    template = _environment().get_template("note.html")
    return template.render(
        title=f"Child prostitution in France: cases, victims and perpetrators in {figures['year']}",
        figures=figures,
        sentences=sentences,
        by_section=by_section,
        key_numbers=[n for n, sentence in enumerate(sentences, start=1) if sentence.key],
        charts={name: Markup(fragment) for name, fragment in note_charts(figures).items()},
        links=None if links is None else [link.as_dict() for link in links],
        shown_links=_most_seen(links or []),
        known_networks=networks_known_to_cases(links or []),
        shown_rows=SHOWN_ROWS,
        case_count=sum(per_year.values()),
        first_year=min(per_year, default=""),
        last_year=max(per_year, default=""),
        source=source,
        marking=marking,
        generated_on=(generated_on or dt.date.today()).isoformat(),
        small_sample=SMALL_SAMPLE,
        percent=percent,
        lookup=lambda path: _lookup(figures, path),
        plotly_src=plotly_src,
        plotly_js=None if plotly_src else Markup(get_plotlyjs()),
    )


def _most_seen(links: Sequence[CaseLink]) -> list[dict]:
    """The linked cases a reader should see first: most posts online, then case id."""
    ordered = sorted(links, key=lambda link: (-link.posts, link.case_id))
    return [link.as_dict() for link in ordered[:SHOWN_ROWS]]


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("sentinelle.cases", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _lookup(figures: dict, path: str) -> object:
    """The value at a dotted path of the figures (years are keys too: `cases_per_year.2024`)."""
    value: object = figures
    for key in path.split("."):
        value = value[key]  # type: ignore[index]
    return value
