"""The compiled hot paths: built when asked for, never stale, and equivalent to the Python.

`make test` sets SENTINELLE_REQUIRE_COMPILED=1: there, a module of `native.COMPILED` left
uncompiled (no Cython, a compile error, a build older than its source) fails the suite instead
of silently running as Python. The equivalence test runs extraction and indicator matching on
generated corpora (demo and stress profiles, two seeds each) and on every string written in
the extraction, indicator, place and text tests, once compiled and once from the sources, and
requires the same output for every input.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from sentinelle import native

TESTS = Path(__file__).resolve().parent
RUNNER = TESTS / "native_outputs.py"
CASE_DIRS = ("extract", "indicators", "places", "text")
CORPORA = (("demo", 21), ("demo", 9023), ("stress", 33), ("stress", 9041))
POSTS_EACH = 4000


def _required() -> bool:
    return os.environ.get("SENTINELLE_REQUIRE_COMPILED") == "1"


def test_every_listed_module_runs_compiled_when_built() -> None:
    modules = native.compiled_modules()
    if not _required() and not any(modules.values()):
        pytest.skip("not built (make install builds the compiled modules)")
    assert [name for name, done in modules.items() if not done] == []
    assert not native.FINDER.stale


def _package(root: Path, source: str) -> Path:
    package = root / "nativecheck"
    package.mkdir()
    (package / "__init__.py").write_text("")
    module = package / "mod.py"
    module.write_text(source)
    return module


def test_a_build_of_an_older_source_is_not_loaded(tmp_path: Path) -> None:
    module = _package(tmp_path, "VALUE = 1\n")
    old = module.with_name(native.native_name("nativecheck.mod", module))
    module.write_text("VALUE = 2\n")
    old.write_bytes(b"not loaded")
    finder = native.NativeFinder(modules=("nativecheck.mod",))
    with pytest.warns(RuntimeWarning, match="older source"):
        assert finder.find_spec("nativecheck.mod", [str(module.parent)]) is None
    assert finder.stale == {"nativecheck.mod"}


def test_the_build_of_the_current_source_is_found(tmp_path: Path) -> None:
    module = _package(tmp_path, "VALUE = 1\n")
    built = module.with_name(native.native_name("nativecheck.mod", module))
    built.write_bytes(b"")
    finder = native.NativeFinder(modules=("nativecheck.mod",))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        spec = finder.find_spec("nativecheck.mod", [str(module.parent)])
    assert spec is not None and spec.origin == str(built)
    assert finder.find_spec("nativecheck.other", [str(module.parent)]) is None


def test_type_declarations_are_part_of_the_build_name(tmp_path: Path) -> None:
    module = _package(tmp_path, "VALUE = 1\n")
    plain = native.native_name("nativecheck.mod", module)
    module.with_suffix(".pxd").write_text("cdef int VALUE\n")
    assert native.native_name("nativecheck.mod", module) != plain


def _test_strings() -> list[str]:
    """Every string constant of the tests of extraction, indicators, places and text."""
    found: dict[str, None] = {}
    for directory in CASE_DIRS:
        for path in sorted((TESTS / directory).glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    found[node.value] = None
    return list(found)


def _corpus(tmp_path: Path, corpora=CORPORA, posts_each: int = POSTS_EACH) -> list[Path]:
    """Generated posts files (`demo-data`, in a subprocess) for each (profile, seed)."""
    files = []
    for profile, seed in corpora:
        output = tmp_path / f"{profile}-{seed}.jsonl"
        subprocess.run(
            [
                *(sys.executable, "-c", "from sentinelle.cli import main; main()", "demo-data"),
                *("--profile", profile, "--posts", str(posts_each), "--seed", str(seed)),
                *("--output", str(output), "--truth", str(tmp_path / f"{profile}-{seed}.truth")),
            ],
            check=True,
            capture_output=True,
        )
        files.append(output)
    return files


def test_compiled_and_python_give_the_same_results(tmp_path: Path) -> None:
    modules = native.compiled_modules()
    if not _required() and not any(modules.values()):
        pytest.skip("not built (make install builds the compiled modules)")
    strings = tmp_path / "strings.json"
    strings.write_text(json.dumps(_test_strings()), "utf-8")
    inputs = [str(strings), *map(str, _corpus(tmp_path))]
    runs = {}
    for mode, pure in (("compiled", "0"), ("python", "1")):
        env = {**os.environ, native.PURE_PYTHON_ENV: pure}
        output = tmp_path / f"{mode}.txt"
        runs[mode] = (
            subprocess.Popen([sys.executable, str(RUNNER), str(output), *inputs], env=env),
            output,
        )
    for process, _ in runs.values():
        assert process.wait(timeout=600) == 0
    compiled = runs["compiled"][1].read_text("utf-8").splitlines()
    python = runs["python"][1].read_text("utf-8").splitlines()
    assert json.loads(compiled[0]) == sorted(name for name, done in modules.items() if done)
    assert json.loads(python[0]) == []
    assert len(compiled) == len(python) > len(CORPORA) * POSTS_EACH
    pairs = zip(compiled[1:], python[1:], strict=True)
    differing = [index for index, (a, b) in enumerate(pairs, start=1) if a != b]
    assert differing == [], (
        f"{len(differing)} differ; first:\n{compiled[differing[0]]}\n{python[differing[0]]}"
    )
