"""Compiled hot paths: which modules are built with Cython, and how they are loaded.

The Python sources stay the reference implementation. `setup.py` compiles the modules listed in
COMPILED (extraction and indicator matching) from those very sources, into a file beside the
source named after its hash (`phones.<hash>.cpython-311-…so`; the hash covers the `.pxd` too,
which only adds static types). At import, `NativeFinder` loads the compiled module only
if one was built from the source as it is now: an edited source is never shadowed by a stale
build, it is imported as Python (with a warning) until `make install` builds it again. The
normal import system never finds these files, since their names are not module names.

`SENTINELLE_PURE_PYTHON=1` imports every module from its source (the equivalence test's
reference run).
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import os
import sys
import warnings
from pathlib import Path

# Modules on the extraction and indicator-matching paths, compiled from their .py files.
COMPILED = (
    "sentinelle.extract.ages",
    "sentinelle.extract.dialing",
    "sentinelle.extract.handles",
    "sentinelle.extract.mentions",
    "sentinelle.extract.numberwords",
    "sentinelle.extract.phone_atoms",
    "sentinelle.extract.phone_barriers",
    "sentinelle.extract.phone_cues",
    "sentinelle.extract.phones",
    "sentinelle.extract.prices",
    "sentinelle.indicators.entity",
    "sentinelle.indicators.matcher",
    "sentinelle.indicators.recruitment_offer",
    "sentinelle.indicators.someone_else",
    "sentinelle.indicators.third_party",
    "sentinelle.indicators.word_gates",
    "sentinelle.link.personas",
    "sentinelle.places.ambiguity",
    "sentinelle.places.cityfield",
    "sentinelle.places.hints",
    "sentinelle.places.matchform",
    "sentinelle.places.mentions",
    "sentinelle.text.literals",
    "sentinelle.text.normalize",
)
# Cython's directives for every compiled module; part of each build's name, like the source.
DIRECTIVES = {"language_level": 3, "annotation_typing": True}
PURE_PYTHON_ENV = "SENTINELLE_PURE_PYTHON"
EXTENSION_SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def source_digest(source: Path) -> str:
    """What a build of `source` is named after: its text, its type declarations (.pxd) and the
    directives it is compiled with."""
    digest = hashlib.sha256(repr(sorted(DIRECTIVES.items())).encode())
    digest.update(source.read_bytes())
    declarations = source.with_suffix(".pxd")
    if declarations.exists():
        digest.update(declarations.read_bytes())
    return digest.hexdigest()[:16]


def native_name(module: str, source: Path, suffix: str = EXTENSION_SUFFIX) -> str:
    """File name of the build of `module` from `source` as it is now (beside the source)."""
    return f"{module.rpartition('.')[2]}.{source_digest(source)}{suffix}"


class NativeFinder:
    """Finds the build of a compiled module made from its current source, else defers."""

    def __init__(self, modules: tuple[str, ...] = COMPILED) -> None:
        self.modules = frozenset(modules)
        self.loaded: set[str] = set()
        self.stale: set[str] = set()

    def find_spec(self, fullname: str, path=None, target=None):
        if fullname not in self.modules:
            return None
        source_spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if source_spec is None or not source_spec.origin or not source_spec.origin.endswith(".py"):
            return None
        source = Path(source_spec.origin)
        built = source.with_name(native_name(fullname, source))
        if not built.exists():
            if any(source.parent.glob(f"{source.stem}.*{EXTENSION_SUFFIX}")):
                self.stale.add(fullname)
                warnings.warn(
                    f"{fullname}: the compiled module was built from an older source; "
                    "importing the Python source (run `make install` to rebuild)",
                    RuntimeWarning,
                    stacklevel=2,
                )
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(built))
        spec = importlib.machinery.ModuleSpec(fullname, loader, origin=str(built))
        spec.has_location = True
        self.loaded.add(fullname)
        return spec


FINDER = NativeFinder()


def install() -> None:
    """Put the finder first on the import path (once), unless pure Python is asked for."""
    if os.environ.get(PURE_PYTHON_ENV) == "1":
        return
    if FINDER not in sys.meta_path:
        sys.meta_path.insert(0, FINDER)


def compiled_modules() -> dict[str, bool]:
    """Each module of COMPILED, imported, and whether its compiled build is the one in use."""
    found = {}
    for name in COMPILED:
        module = __import__(name, fromlist=["_"])
        found[name] = str(getattr(module, "__file__", "")).endswith(EXTENSION_SUFFIX)
    return found


def main() -> None:
    """Say which modules run compiled (exit 1 if any does not)."""
    modules = compiled_modules()
    missing = [name for name, done in modules.items() if not done]
    print(f"sentinelle: {len(modules) - len(missing)} of {len(modules)} hot modules compiled")
    for name in missing:
        print(f"  not compiled: {name}")
    raise SystemExit(1 if missing else 0)
