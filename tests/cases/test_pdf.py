"""Drive the real headless Chromium: the note prints to PDF and reads well on screen."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from sentinelle.cases.demo import generate_cases
from sentinelle.cases.note import build_note, note_html, write_pdf
from sentinelle.cases.pdf import screenshot
from sentinelle.cases.records import parse_case

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian's chromium"),
]


@pytest.fixture(scope="module")
def demo_note():
    return build_note([parse_case(record) for record in generate_cases(0)], links=[])


def test_the_pdf_renders(demo_note, tmp_path):
    pdf = write_pdf(demo_note, tmp_path / "note.pdf", marking="Synthetic demo data")
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF-")
    pages = content.count(b"/Type /Page") - content.count(b"/Type /Pages")
    assert pages >= 4  # ten charts and the method do not fit on fewer A4 pages
    assert len(content) > 50_000  # charts drawn, not an empty page


def test_a_screenshot_of_the_note(demo_note, tmp_path):
    """Saved to SENTINELLE_SCREENSHOTS when set, so a person can look at it."""
    html_path = tmp_path / "note.html"
    html_path.write_text(note_html(demo_note), encoding="utf-8")
    png = screenshot(html_path, tmp_path / "note.png", 1200, 3000)
    width, height = struct.unpack(">II", png.read_bytes()[16:24])
    assert (width, height) == (1200, 3000)
    assert png.stat().st_size > 100_000  # a blank page compresses to a few kB
    keep = Path(__import__("os").environ.get("SENTINELLE_SCREENSHOTS", ""))
    if keep.name:
        keep.mkdir(parents=True, exist_ok=True)
        shutil.copy(png, keep / "note.png")
