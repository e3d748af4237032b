"""The interface language: English (the source) or 简体中文, switchable at run time.

Translations are Qt catalogues: ``resources/i18n/writer_zh_CN.ts`` is the
source (kept up to date with ``python -m writer.i18n update``), compiled to
``.qm`` by ``pyside6-lrelease`` at build time. A checkout without a compiled
catalogue compiles it once into the data folder. Qt's own dialogs use Qt's
``qtbase`` catalogue.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from writer.config import data_dir, resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("en", "zh_CN")
_installed: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:
    """Mark ``source_text`` for translation in ``context`` and return it unchanged.

    Does what PySide6's marker does, typed: its stub returns ``object``, so the
    marked texts could not be passed to ``tr()``. lupdate finds the call by name.
    """
    return source_text


def resolve_language(setting: str) -> str:
    """Return the language to show for a ``ui/language`` setting (system, en, zh_CN)."""
    if setting in LANGUAGES:
        return setting
    name = QLocale.system().name()  # e.g. "zh_CN", "zh_TW", "en_US"
    return "zh_CN" if name.startswith("zh") else "en"


def catalogue_source(language: str) -> Path:
    """Return the .ts file of ``language``."""
    return resources_dir() / "i18n" / f"writer_{language}.ts"


def lrelease_command() -> list[str] | None:
    """Return the command that compiles .ts files, or None if Qt's tools are missing."""
    import PySide6

    for candidate in (
        Path(PySide6.__file__).parent / "lrelease",
        Path(PySide6.__file__).parent / "lrelease.exe",
    ):
        if candidate.is_file():
            return [str(candidate)]
    found = shutil.which("pyside6-lrelease")
    return [found] if found else None


def compile_catalogue(source: Path, target: Path) -> bool:
    """Compile ``source`` (.ts) to ``target`` (.qm); return whether it worked."""
    command = lrelease_command()
    if command is None:
        log.warning("pyside6-lrelease not found; cannot compile %s", source)
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [*command, str(source), "-qm", str(target)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        log.warning("lrelease failed for %s: %s", source, result.stderr.strip())
        return False
    return target.is_file()


def compiled_catalogue(language: str) -> Path | None:
    """Return an up-to-date .qm for ``language``, compiling one if needed."""
    source = catalogue_source(language)
    shipped = source.with_suffix(".qm")
    if shipped.is_file() and (
        not source.is_file() or shipped.stat().st_mtime >= source.stat().st_mtime
    ):
        return shipped
    if not source.is_file():
        return None
    cached = data_dir() / "i18n" / shipped.name
    if cached.is_file() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    return cached if compile_catalogue(source, cached) else None


def apply_language(setting: str) -> str:
    """Install the translators for ``setting``; return the language now shown."""
    app = QCoreApplication.instance()
    language = resolve_language(setting)
    if app is None:
        return language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        return language
    catalogue = compiled_catalogue(language)
    if catalogue is not None:
        translator = QTranslator(app)
        if translator.load(str(catalogue)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("cannot load %s", catalogue)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return language


def update_sources() -> int:
    """Refresh the .ts files from the source code (``python -m writer.i18n update``)."""
    root = Path(__file__).resolve().parent
    files = sorted(str(p) for p in root.rglob("*.py"))
    beside_python = Path(sys.executable).parent / "pyside6-lupdate"
    lupdate = shutil.which("pyside6-lupdate") or str(beside_python)
    status = 0
    for language in LANGUAGES[1:]:
        target = catalogue_source(language)
        target.parent.mkdir(parents=True, exist_ok=True)
        status |= subprocess.run(
            [lupdate, *files, "-no-obsolete", "-locations", "none", "-ts", str(target)], check=False
        ).returncode
    return status


if __name__ == "__main__":
    if sys.argv[1:] == ["update"]:
        raise SystemExit(update_sources())
    if sys.argv[1:] == ["release"]:
        for lang in LANGUAGES[1:]:
            src = catalogue_source(lang)
            if not compile_catalogue(src, src.with_suffix(".qm")):
                raise SystemExit(1)
        raise SystemExit(0)
    print("usage: python -m writer.i18n update|release", file=sys.stderr)
    raise SystemExit(2)
