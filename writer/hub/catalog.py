"""The curated start list of models (``catalog.toml``), shown first and usable offline.

The catalogue is data, not code: a user's own ``catalog.toml`` in the data
folder replaces the shipped one, which lives in ``models/`` of the source tree
or in the resources folder of an installed app.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from writer.config import data_dir, resources_dir
from writer.core.templates import localized

log = logging.getLogger(__name__)

CATALOG_FILE_NAME = "catalog.toml"


@dataclass(frozen=True)
class CatalogEntry:
    """One recommended model repository."""

    repo_id: str
    name: str
    parameters: str = ""
    languages: tuple[str, ...] = field(default_factory=tuple)
    note: str = ""
    #: File-name patterns of its GGUF files ("qwen2.5-0.5b-instruct*.gguf" when not given).
    files: tuple[str, ...] = field(default_factory=tuple)
    #: A short description per language code, e.g. (("en", "…"), ("zh", "…")).
    descriptions: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def description_in(self, lang: str) -> str:
        """Return the short description in ``lang`` ("en" or "zh"), else English, else the note."""
        return localized(dict(self.descriptions), lang) or self.note


def catalog_paths() -> list[Path]:
    """Return the catalogue files to try, the user's own first."""
    source_tree = Path(__file__).resolve().parents[2] / "models" / CATALOG_FILE_NAME
    return [
        data_dir() / CATALOG_FILE_NAME,
        source_tree,
        resources_dir() / CATALOG_FILE_NAME,
        resources_dir() / "models" / CATALOG_FILE_NAME,
    ]


def parse_catalog(text: str) -> list[CatalogEntry]:
    """Return the entries of a catalogue's TOML text; entries without a repo are skipped.

    Raises:
        tomllib.TOMLDecodeError: the text is not valid TOML.
    """
    entries = []
    for item in tomllib.loads(text).get("model", []):
        repo = str(item.get("repo", "")).strip()
        if repo.count("/") != 1:
            continue
        entries.append(
            CatalogEntry(
                repo_id=repo,
                name=str(item.get("name") or repo.split("/")[1]),
                parameters=str(item.get("parameters", "")),
                languages=tuple(str(code) for code in item.get("languages", [])),
                note=str(item.get("note", "")),
                files=tuple(str(pattern) for pattern in item.get("files", [])),
                descriptions=_descriptions(item.get("description")),
            )
        )
    return entries


def _descriptions(value: object) -> tuple[tuple[str, str], ...]:
    """Return a ``description`` (a string, or a table of language codes) as pairs."""
    if isinstance(value, dict):
        return tuple((str(lang), str(text)) for lang, text in value.items() if text)
    return (("en", str(value)),) if value else ()


def load_catalog() -> list[CatalogEntry]:
    """Return the curated models from the first readable catalogue file (empty if none)."""
    for path in catalog_paths():
        if not path.is_file():
            continue
        try:
            return parse_catalog(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            log.warning("ignoring broken model catalogue %s: %s", path, error)
    return []
