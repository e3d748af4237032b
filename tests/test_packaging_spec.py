"""The PyInstaller spec bundles the files the export libraries read at run time.

A frozen build is too slow for the test suite, so this reads the spec: every
third-party library that ``writer/manuscript`` (the DOCX, EPUB and ODT exports)
imports and that ships files other than code must be named in the spec's
``DATA_PACKAGES``, which the spec hands to PyInstaller's ``collect_data_files``.
python-docx is the one today: without ``docx/templates/default.docx`` every DOCX
export of a packaged Writer fails.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "writer.spec"
#: Packages whose run-time files PyInstaller's own hooks collect (hook-lxml.isoschematron).
HOOKED = {"lxml"}
#: Code, and files only a build from source reads (C headers, Cython declarations).
NOT_DATA = {".py", ".pyc", ".pyi", ".so", ".pyd", ".typed", ".h", ".pxd", ".pxi", ".pyx"}


def spec_tuple(name: str) -> tuple[str, ...]:
    """Return the strings of the spec's top-level tuple ``name``."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, tuple), f"{name} is not a tuple"
            return value
    raise AssertionError(f"the spec has no {name}")


def manuscript_libraries() -> set[str]:
    """Return the third-party packages that writer/manuscript imports."""
    names: set[str] = set()
    for path in (ROOT / "writer" / "manuscript").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"writer", "__future__"}


def data_files(package: str) -> list[str]:
    """Return the files of an installed package that it may read at run time (not code)."""
    spec = importlib.util.find_spec(package)
    assert spec is not None, f"{package} is not installed"
    found = []
    for folder in spec.submodule_search_locations or []:
        for path in Path(folder).rglob("*"):
            if path.suffix in NOT_DATA or "__pycache__" in path.parts:
                continue
            if path.is_file():
                found.append(path.relative_to(folder).as_posix())
    return found


def test_export_libraries_with_data_files_are_collected() -> None:
    libraries = manuscript_libraries()
    assert {"docx", "ebooklib", "odf"} <= libraries  # the exports' libraries are seen
    collected = spec_tuple("DATA_PACKAGES")
    missing = {name: data_files(name)[:3] for name in libraries if data_files(name)}
    missing = {
        name: files
        for name, files in missing.items()
        if name not in collected and name not in HOOKED
    }
    assert not missing, f"add to DATA_PACKAGES in packaging/writer.spec: {missing}"
    assert "templates/default.docx" in data_files("docx") and "docx" in collected


def test_the_spec_collects_its_data_packages() -> None:
    source = SPEC.read_text(encoding="utf-8")
    assert "for package in DATA_PACKAGES:" in source
    assert "datas += collect_data_files(package)" in source
    # python-docx opens "docx/parts/../templates/default-header.xml": a frozen build
    # needs the folder docx/parts on disk, not only inside the archive (found in a build).
    assert "module_collection_mode=MODULE_COLLECTION_MODE," in source
    tree = ast.parse(source)
    modes = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(getattr(t, "id", "") == "MODULE_COLLECTION_MODE" for t in node.targets)
    )
    assert modes.get("docx") in ("py", "pyz+py")


def test_pyinstaller_finds_python_docx_templates() -> None:
    """Where PyInstaller is installed, its collect_data_files picks the template up."""
    pytest.importorskip("PyInstaller")
    from PyInstaller.utils.hooks import collect_data_files

    for package in spec_tuple("DATA_PACKAGES"):
        sources = [Path(source).name for source, _target in collect_data_files(package)]
        assert sources
    targets = {target for _source, target in collect_data_files("docx")}
    assert "docx/templates" in targets
