"""Print the HTML note to PDF (and take screenshots of it) with headless Chromium.

The note's charts are drawn by JavaScript, so the browser is given a virtual-time budget to
finish them before printing. Chromium runs in a throw-away profile, offline, with no sync.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
TIMEOUT_SECONDS = 120


class ChromiumMissing(RuntimeError):
    """No Chromium to print with; the message says how to install one."""


def find_chromium() -> str:
    """The Chromium executable: `SENTINELLE_CHROMIUM`, else the first one on PATH."""
    configured = os.environ.get("SENTINELLE_CHROMIUM")
    if configured:
        return configured
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise ChromiumMissing(
        "no Chromium found to print the note: install it (apt-get install -y chromium)"
        " or set SENTINELLE_CHROMIUM to its path"
    )


def print_pdf(html_path: Path, pdf_path: Path) -> Path:
    """Print an HTML file to PDF (A4, as its CSS asks)."""
    _run_chromium(html_path, [f"--print-to-pdf={pdf_path}", "--no-pdf-header-footer"])
    if not pdf_path.exists() or pdf_path.stat().st_size == 0:
        raise RuntimeError(f"Chromium wrote no PDF to {pdf_path}")
    return pdf_path


def screenshot(html_path: Path, png_path: Path, width: int = 1200, height: int = 3000) -> Path:
    """A PNG of the page as a reader would see it, for checking the layout."""
    _run_chromium(
        html_path,
        [f"--screenshot={png_path}", f"--window-size={width},{height}", "--hide-scrollbars"],
    )
    if not png_path.exists():
        raise RuntimeError(f"Chromium wrote no screenshot to {png_path}")
    return png_path


def _run_chromium(html_path: Path, action: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="sentinelle-chromium-") as profile:
        command = [
            find_chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-dev-shm-usage",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=10000",
            "--run-all-compositor-stages-before-draw",
            *action,
            Path(html_path).resolve().as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    if done.returncode != 0:
        raise RuntimeError(f"Chromium failed ({done.returncode}): {done.stderr.strip()[-500:]}")
