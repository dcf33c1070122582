"""The strategic note in its three forms: JSON figures, an HTML note, a PDF printed from it."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import orjson

from sentinelle.cases.crosslink import CaseLink, networks_known_to_cases
from sentinelle.cases.figures import note_figures
from sentinelle.cases.narrative import Sentence, note_sentences
from sentinelle.cases.records import Case

FORMATS = ("json", "html", "pdf")


@dataclass(slots=True)
class Note:
    """The figures, the sentences stating them, and the cases' links to the online world.

    `links` is None when no online store was consulted (not the same as "no case is linked").
    """

    figures: dict
    sentences: list[Sentence]
    links: list[CaseLink] | None = None


def build_note(
    cases: Sequence[Case], year: int | None = None, links: list[CaseLink] | None = None
) -> Note:
    figures = note_figures(cases, year)
    if links is not None:
        figures["case_links"] = [link.as_dict() for link in links]
        figures["networks_known_to_cases"] = networks_known_to_cases(links)
    return Note(figures, note_sentences(figures), links)


def note_json(note: Note) -> bytes:
    """The figures as the contract's JSON (keys in contract order, extra keys after)."""
    return orjson.dumps(note.figures, option=orjson.OPT_INDENT_2) + b"\n"


def note_html(
    note: Note, *, source: str = "case records", marking: str = "", plotly_src: str | None = None
) -> str:
    """The note as HTML: self-contained, or loading plotly from `plotly_src`."""
    from sentinelle.cases.html import render_note  # plotly is slow to import: only for HTML

    return render_note(
        note.figures,
        note.sentences,
        note.links,
        source=source,
        marking=marking,
        plotly_src=plotly_src,
    )


def write_pdf(note: Note, path: Path, *, source: str = "case records", marking: str = "") -> Path:
    """Print the HTML note to `path` with headless Chromium."""
    from sentinelle.cases.pdf import print_pdf

    with tempfile.TemporaryDirectory(prefix="sentinelle-note-") as folder:
        html_path = Path(folder) / "note.html"
        html_path.write_text(note_html(note, source=source, marking=marking), encoding="utf-8")
        return print_pdf(html_path, Path(path).resolve())
