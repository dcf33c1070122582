from __future__ import annotations

import pytest

from sentinelle.cases.demo import generate_cases
from sentinelle.cases.figures import note_figures
from sentinelle.cases.narrative import note_sentences, percent
from sentinelle.cases.records import parse_case

from .sample import SAMPLE_CASES


def _lookup(figures: dict, path: str):
    value = figures
    for key in path.split("."):
        value = value[key]
    return value


@pytest.fixture(params=["sample", "demo"])
def figures(request):
    records = SAMPLE_CASES if request.param == "sample" else generate_cases(0)
    return note_figures([parse_case(record) for record in records])


def test_every_sentence_states_the_figures_it_names(figures):
    sentences = note_sentences(figures)
    assert len(sentences) >= 10
    for sentence in sentences:
        assert sentence.query.startswith("SELECT")
        for path in sentence.figures:
            value = _lookup(figures, path)
            shown = percent(value) if isinstance(value, float) else str(value)
            assert shown in sentence.text, (path, shown, sentence.text)


def test_the_demo_text_states_the_published_figures():
    figures = note_figures([parse_case(record) for record in generate_cases(0)])
    text = " ".join(sentence.text for sentence in note_sentences(figures))
    assert "In 2024, 226 cases of child prostitution were opened, against 21 in 2015." in text
    assert "272 minor victims and 189 adult victims" in text
    assert "87% of minor victims are French" in text
    assert "The youngest was 12; most were over fifteen" in text


def test_small_samples_are_flagged():
    figures = note_figures([parse_case(record) for record in SAMPLE_CASES])
    assert all(s.small_sample for s in note_sentences(figures) if s.section != "summary")
    demo = note_figures([parse_case(record) for record in generate_cases(0)])
    assert not any(s.small_sample for s in note_sentences(demo))


def test_a_year_without_cases_says_so_without_empty_shares():
    figures = note_figures([parse_case(record) for record in SAMPLE_CASES], year=2020)
    texts = [sentence.text for sentence in note_sentences(figures)]
    assert not any("n/a" in text or "None" in text for text in texts)


def test_no_cases_at_all():
    assert [s.text for s in note_sentences(note_figures([]))] == ["No case records were given."]


def test_key_judgements_cover_each_theme_of_the_published_note():
    figures = note_figures([parse_case(record) for record in generate_cases(0)])
    keys = [s for s in note_sentences(figures) if s.key]
    assert [s.section for s in keys] == [
        "victims",
        "victims",
        "victims",
        "suspects",
        "suspects",
        "groups",
        "recruitment",
        "clients",
    ]
    assert keys[1].text.startswith("The youngest was 12; most were over fifteen")
    assert keys[2].text.startswith("Many minor victims had run away")
