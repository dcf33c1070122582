from __future__ import annotations

import pytest

from sentinelle.cases.crosslink import Sighting, link_cases
from sentinelle.cases.note import build_note, note_html
from sentinelle.cases.records import parse_case

from .sample import SAMPLE_CASES

CHARTS = (
    "cases_per_year",
    "victims_per_year",
    "victim_ages",
    "situations",
    "suspects",
    "female_share",
    "group_sizes",
    "areas",
    "recruitment_channels",
    "clients",
)


@pytest.fixture(scope="module")
def cases():
    return [parse_case(record) for record in SAMPLE_CASES]


@pytest.fixture(scope="module")
def html(cases):
    sighting = Sighting(
        "+33612345678", "annonces", "p1", "2024-03-01T10:00:00+01:00", "Lyon", "n-7"
    )
    return note_html(build_note(cases, links=link_cases(cases, [sighting])), marking="TEST")


def test_the_note_is_self_contained(html):
    assert "<script src" not in html  # plotly JS inline: the file works offline
    assert "Plotly.newPlot" in html
    for name in CHARTS:
        assert f'id="chart-{name}"' in html


def test_every_sentence_links_to_its_query(html, cases):
    sentences = build_note(cases).sentences
    for number in range(1, len(sentences) + 1):
        assert f'href="#q{number}"' in html
        assert f'id="q{number}"' in html
    assert "SELECT year(opened_on), count(*) FROM cases GROUP BY year(opened_on)" in html


def test_small_samples_and_intervals_are_shown(html):
    assert html.count('class="warning">small sample') >= 5
    assert "95% interval 30–95%, n=4" in html  # french share: 3 of 4


def test_cases_known_online_are_listed(html):
    section = html[html.index("7. Cases known online") : html.index("Sources and method")]
    row = (
        '<td class="nowrap">A</td><td class="nowrap">2023-03-01</td>'
        "<td>+33612345678</td><td>n-7</td>"
    )
    assert row in section
    assert "2024-03-01 to 2024-03-01" in section
    assert "<td>n-7</td><td>A</td>" in section


def test_without_a_store_the_note_says_so(cases):
    html = note_html(build_note(cases))
    assert "No online store was linked" in html


def test_a_year_without_cases_still_renders(cases):
    html = note_html(build_note(cases, year=2020))
    assert "No case was opened in 2020." in html


def test_long_link_lists_show_the_most_seen_cases_first():
    cases = [
        parse_case({**SAMPLE_CASES[0], "case_id": f"K{i:03d}", "identifiers": [f"+336000{i:05d}"]})
        for i in range(60)
    ]
    sightings = [
        Sighting(f"+336000{i:05d}", "annonces", f"p{i}-{k}", "2024-03-01T10:00:00+01:00")
        for i in range(60)
        for k in range(i + 1)  # case K059 is seen in the most posts
    ]
    html = note_html(build_note(cases, links=link_cases(cases, sightings)))
    section = html[html.index("7. Cases known online") : html.index("Sources and method")]
    assert section.index(">K059<") < section.index(">K058<")
    assert ">K009<" not in section  # beyond the 50 shown
    assert "all 60 are in the JSON figures" in section
