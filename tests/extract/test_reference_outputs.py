"""Extraction and indicator matching give what they gave before they were made faster.

Speed work on extraction (prefilters, caches, automata; issue #16) must change no output. This
test runs `tests/native_outputs.py` on the sources of REFERENCE (taken from git) and on the
current sources, both as Python, over generated demo and stress posts and every string of the
extraction, indicator, place and text tests, and requires the same line for every input: every
phone with its writing and tricks, every handle, age, price, place, span and indicator.

REFERENCE is the last commit whose outputs are the reference: a change that alters outputs
on purpose moves it to that change's commit (and says so). Skipped outside a git checkout
holding REFERENCE (a shallow clone, a source archive).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sentinelle import native

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "native_outputs.py"
REFERENCE = "aaee700659d3db1e4ddf0a38eca0b48fb1ac3704"  # session 10, after review
CORPORA = (("demo", 163), ("stress", 164))
POSTS_EACH = 2500


def _reference_sources(target: Path) -> Path:
    """The package as REFERENCE had it, unpacked under `target` (its `src` directory)."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", REFERENCE, "src/sentinelle"],
            check=True,
            capture_output=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip(f"no git checkout holding {REFERENCE[:7]}")
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target / "src"


def _corpus(tmp_path: Path) -> list[Path]:
    from test_native import _corpus as generated

    return generated(tmp_path, CORPORA, POSTS_EACH)


def test_outputs_are_those_of_the_reference(tmp_path: Path) -> None:
    from test_native import _test_strings

    reference = _reference_sources(tmp_path)
    strings = tmp_path / "strings.json"
    strings.write_text(json.dumps(_test_strings()), "utf-8")
    inputs = [str(strings), *map(str, _corpus(tmp_path))]
    current = str(ROOT / "src")
    runs = {}
    for name, source in (("reference", str(reference)), ("current", current)):
        env = {**os.environ, "PYTHONPATH": source, native.PURE_PYTHON_ENV: "1"}
        output = tmp_path / f"{name}.txt"
        process = subprocess.Popen([sys.executable, str(RUNNER), str(output), *inputs], env=env)
        runs[name] = (process, output)
    for process, _ in runs.values():
        assert process.wait(timeout=900) == 0
    old = runs["reference"][1].read_text("utf-8").splitlines()[1:]
    new = runs["current"][1].read_text("utf-8").splitlines()[1:]
    assert len(old) == len(new) > len(CORPORA) * POSTS_EACH
    differing = [index for index, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    if os.environ.get("SHOW_DIFFERENCES"):  # the lead reads every change before moving REFERENCE
        for index in differing:
            print(old[index][:300], new[index][:300], sep="\n", end="\n\n")
    assert differing == [], (
        f"{len(differing)} differ; first:\n{old[differing[0]]}\n{new[differing[0]]}"
    )
