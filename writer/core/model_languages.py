"""Which languages a model writes, and whether a text is Chinese.

Plain Python, no Qt. A model's languages come from the first source that
knows them: the bundled starters, the curated catalogue (matched by file name),
the GGUF header's ``general.languages``, and finally the model's measured
Chinese bits per character (:mod:`writer.core.quality`).
"""

from __future__ import annotations

import fnmatch
import logging
from typing import TYPE_CHECKING

from writer.core.quality import figures_for
from writer.core.starter_model import CHINESE_STARTER
from writer.core.text_stats import count_text
from writer.errors import ModelError

if TYPE_CHECKING:
    from pathlib import Path

    from writer.hub.catalog import CatalogEntry

log = logging.getLogger(__name__)

#: Fewer Chinese characters than this is not yet "a Chinese document".
MIN_CHINESE_CHARACTERS = 8
#: How much of a document is looked at to tell its language.
SAMPLE_CHARACTERS = 20_000


def is_chinese_text(text: str) -> bool:
    """Return whether ``text`` is mostly Chinese (CJK characters outnumber other words)."""
    counts = count_text(text[:SAMPLE_CHARACTERS])
    return counts.cjk_characters >= MIN_CHINESE_CHARACTERS and counts.is_mostly_cjk


def file_patterns(repo_id: str, files: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Return the file-name patterns of a catalogue entry (its own, or from the repo name)."""
    if files:
        return tuple(pattern.lower() for pattern in files)
    name = repo_id.rsplit("/", 1)[-1].lower()
    for suffix in ("-gguf", "_gguf", ".gguf"):
        name = name.removesuffix(suffix)
    return (f"{name}*.gguf",)


def catalog_languages(path: Path) -> tuple[str, ...] | None:
    """Return the languages the catalogue gives the model in ``path`` (None: not listed)."""
    from writer.hub.catalog import load_catalog

    name = path.name.lower()
    for entry in load_catalog():
        if entry.languages and any(
            fnmatch.fnmatch(name, pattern) for pattern in file_patterns(entry.repo_id, entry.files)
        ):
            return entry.languages
    return None


def gguf_languages(path: Path) -> tuple[str, ...] | None:
    """Return the GGUF header's ``general.languages`` (None when it has none)."""
    from writer.core.gguf_info import read_gguf_metadata

    try:
        value = read_gguf_metadata(path).get("general.languages")
    except ModelError:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not value:
        return None
    return tuple(str(code).lower() for code in value)


def model_languages(path: Path) -> tuple[tuple[str, ...] | None, str]:
    """Return (languages, where they come from) for the model in ``path``.

    The source is one of "starter", "catalogue", "gguf", "measured" or "" (unknown).
    Measured figures only say whether the model writes Chinese: ("en", "zh") or ("en",).
    """
    if path.name == CHINESE_STARTER.file_name:
        return CHINESE_STARTER.languages, "starter"
    languages = catalog_languages(path)
    if languages:
        return languages, "catalogue"
    languages = gguf_languages(path)
    if languages:
        return languages, "gguf"
    figures = figures_for(path)
    if figures is not None:
        return (("en", "zh") if figures.writes_chinese else ("en",)), "measured"
    return None, ""


def writes_chinese(path: Path) -> bool | None:
    """Return whether the model in ``path`` writes Chinese (None when nothing says)."""
    languages, _source = model_languages(path)
    if languages is None:
        return None
    return any(code.split("-")[0].split("_")[0] == "zh" for code in languages)


#: The Chinese downloads the first-run banner offers, smallest first (catalogue repos).
CHINESE_DOWNLOADS: tuple[str, ...] = (
    "Qwen/Qwen2.5-0.5B-Instruct-GGUF",
    "Qwen/Qwen2.5-1.5B-Instruct-GGUF",
    "Qwen/Qwen2.5-3B-Instruct-GGUF",
)
#: Bytes per parameter of a Q4_K_M file, and llama.cpp's fixed overhead with a 4k context.
_Q4_BYTES_PER_PARAMETER = 0.62
_OVERHEAD_BYTES = 600 * 1024**2


def parameter_count(label: str) -> float:
    """Return the parameters of a catalogue size label ("1.5B", "360M"); 0 when unknown."""
    text = label.strip().upper()
    scale = {"B": 1e9, "M": 1e6}.get(text[-1:], 0)
    try:
        return float(text[:-1]) * scale
    except ValueError:
        return 0.0


def chinese_download(free_bytes: int, comfort: float = 0.75) -> CatalogEntry | None:
    """Return the biggest Qwen2.5 Instruct of the catalogue that fits ``free_bytes`` of memory.

    The smallest one when none fits comfortably; None when the catalogue lists none.
    """
    from writer.hub.catalog import load_catalog

    by_repo = {entry.repo_id: entry for entry in load_catalog()}
    offers = [by_repo[repo] for repo in CHINESE_DOWNLOADS if repo in by_repo]
    if not offers:
        return None
    best = offers[0]
    for entry in offers:
        need = parameter_count(entry.parameters) * _Q4_BYTES_PER_PARAMETER + _OVERHEAD_BYTES
        if need <= free_bytes * comfort:
            best = entry
    return best
