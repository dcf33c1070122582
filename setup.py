"""Build the compiled hot paths; every other setting is in pyproject.toml.

The modules listed in `sentinelle.native.COMPILED` are compiled by Cython from their Python
sources (with the static types of a `.pxd` beside them, if any) into
`<module>.<source hash><suffix>` beside the source, which `sentinelle.native` loads only while
the source is unchanged. Without Cython or a C compiler the build goes on and the package runs
as Python (the equivalence test then reports that nothing is compiled).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sysconfig
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "src"


def _native_module():
    """`sentinelle/native.py` loaded alone: the package itself is not importable yet."""
    spec = importlib.util.spec_from_file_location(
        "_sentinelle_native", SRC / "sentinelle/native.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NATIVE = _native_module()
SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")


def _source(module: str) -> Path:
    return SRC.joinpath(*module.split(".")).with_suffix(".py")


class BuildNative(build_ext):
    """Names each build after its source's hash, drops older builds, survives failures."""

    def get_ext_fullpath(self, ext_name: str) -> str:
        if ext_name in NATIVE.COMPILED and not self.inplace:
            return str(Path(self.build_lib) / self.get_ext_filename(ext_name))
        return super().get_ext_fullpath(ext_name)

    def get_ext_filename(self, fullname: str) -> str:
        if fullname not in NATIVE.COMPILED:
            return super().get_ext_filename(fullname)
        *package, _ = fullname.split(".")
        return str(Path(*package) / NATIVE.native_name(fullname, _source(fullname), SUFFIX))

    def finalize_options(self) -> None:
        super().finalize_options()
        if not self.parallel:
            self.parallel = os.cpu_count() or 1

    def build_extension(self, ext: Extension) -> None:
        built = _source(ext.name).with_name(NATIVE.native_name(ext.name, _source(ext.name), SUFFIX))
        if built.exists():  # named after its source: a build beside it is up to date
            target = Path(self.get_ext_fullpath(ext.name))
            if target != built:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(built, target)
            return
        super().build_extension(ext)
        for old in built.parent.glob(f"{built.name.partition('.')[0]}.*{SUFFIX}"):
            old.unlink()  # builds of older sources: never loaded, and they confuse readers


def _extensions() -> list[Extension]:
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("sentinelle: Cython is not installed, the package runs as Python")
        return []
    built = []
    for module in NATIVE.COMPILED:
        extension = Extension(
            module,
            [str(_source(module).relative_to(ROOT))],
            extra_compile_args=["-O2", "-g0"],
            optional=True,  # a compiler error leaves that module in Python
        )
        try:
            built += cythonize(
                [extension],
                build_dir="build/cython",
                compiler_directives=NATIVE.DIRECTIVES,
                quiet=True,
            )
        except Exception as error:  # a Cython error leaves that module in Python too
            print(f"sentinelle: {module} not compiled: {error}")
    return built


setup(ext_modules=_extensions(), cmdclass={"build_ext": BuildNative})
