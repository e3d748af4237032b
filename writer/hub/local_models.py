"""The models on this computer: downloaded ones, the bundled default, and imported files.

Downloaded models live under the models folder (``<owner>/<repo>/<file>``);
files in ``.partial`` and split models with a missing part are never listed.
Imported models stay where the user keeps them: their paths are remembered
in ``imported_models.json`` in the data folder. Each entry carries what its
GGUF header says, read without loading the model.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from writer.config import data_dir, models_dir
from writer.core.gguf_info import GgufInfo, read_gguf_info, split_parts
from writer.core.model_files import bundled_model_path, check_gguf
from writer.core.starter_model import CHINESE_STARTER
from writer.errors import ModelError

log = logging.getLogger(__name__)

IMPORTED_LIST_NAME = "imported_models.json"

_info_cache: dict[tuple[str, int, int], GgufInfo] = {}


class ModelSource(StrEnum):
    """Where a model on disk came from."""

    DOWNLOADED = "downloaded"
    BUNDLED = "bundled"
    IMPORTED = "imported"


@dataclass(frozen=True)
class LocalModel:
    """One model file on disk, with its header facts (or why they could not be read)."""

    path: Path
    source: ModelSource
    info: GgufInfo | None
    error: str | None = None

    @property
    def name(self) -> str:
        """Return the model's name from its header, else its file name."""
        return self.info.name if self.info else self.path.stem

    @property
    def size_bytes(self) -> int:
        """Return the size on disk (all parts of a split model)."""
        if self.info:
            return self.info.size_bytes
        return sum(p.stat().st_size for p in split_parts(self.path) if p.is_file())

    def to_json(self) -> dict[str, object]:
        """Return the entry as plain data for ``writer models list --json``."""
        info = self.info
        return {
            "name": self.name,
            "path": str(self.path),
            "source": self.source.value,
            "size_bytes": self.size_bytes,
            "architecture": info.architecture if info else None,
            "context_length": info.context_length if info else None,
            "quantization": info.quantization if info else None,
            "has_chat_template": info.has_chat_template if info else None,
            "error": self.error,
        }


def _imported_list_path() -> Path:
    """Return the file that remembers imported model paths."""
    return data_dir() / IMPORTED_LIST_NAME


def imported_paths() -> list[Path]:
    """Return the paths the user imported, in import order."""
    try:
        raw = json.loads(_imported_list_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [Path(item) for item in raw if isinstance(item, str)]


def _save_imported(paths: list[Path]) -> None:
    """Write the list of imported model paths."""
    target = _imported_list_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_suffix(".tmp")
    temp.write_text(json.dumps([str(p) for p in paths], indent=1), encoding="utf-8")
    os.replace(temp, target)


def describe(path: Path, source: ModelSource) -> LocalModel:
    """Return a :class:`LocalModel` for ``path``, reading its header (cached by size and time)."""
    try:
        stat = path.stat()
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        info = _info_cache.get(key)
        if info is None:
            info = read_gguf_info(path)
            _info_cache[key] = info
        return LocalModel(path, source, info)
    except ModelError as error:
        return LocalModel(path, source, None, str(error))
    except OSError as error:
        return LocalModel(path, source, None, f"Cannot read {path.name}: {error.strerror}")


def downloaded_model_paths(folder: Path | None = None) -> list[Path]:
    """Return the model files in the models folder: complete files only, one per split model."""
    root = folder or models_dir()
    if not root.is_dir():
        return []
    found = []
    for path in sorted(root.rglob("*.gguf")):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue  # .partial downloads and hidden folders
        parts = split_parts(path)
        if parts[0] != path or not all(p.is_file() for p in parts):
            continue
        found.append(path)
    return found


def list_local_models(folder: Path | None = None) -> list[LocalModel]:
    """Return every model on this computer: downloaded, bundled default, imported."""
    starter = CHINESE_STARTER.file_name
    models = [
        describe(p, ModelSource.BUNDLED if p.name == starter else ModelSource.DOWNLOADED)
        for p in downloaded_model_paths(folder)
    ]
    seen = {m.path.resolve() for m in models}
    bundled = bundled_model_path()
    if bundled is not None and bundled.resolve() not in seen:
        models.append(describe(bundled, ModelSource.BUNDLED))
        seen.add(bundled.resolve())
    for path in imported_paths():
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        if path.is_file():
            models.append(describe(path, ModelSource.IMPORTED))
        else:
            models.append(LocalModel(path, ModelSource.IMPORTED, None, f"The file is gone: {path}"))
    return models


def import_model(path: Path | str) -> LocalModel:
    """Add a .gguf file from anywhere on disk to the model list (the file is not copied).

    Raises:
        ModelError: the file is missing or not a GGUF model.
    """
    path = Path(path).expanduser().resolve()
    check_gguf(path)
    model = describe(path, ModelSource.IMPORTED)
    if model.error:
        raise ModelError(model.error)
    paths = [p for p in imported_paths() if p != path]
    _save_imported([*paths, path])
    return model


def delete_model(model: LocalModel, folder: Path | None = None) -> None:
    """Delete a downloaded model (all parts), or forget an imported one (its file stays).

    Raises:
        ModelError: the model is the bundled default, or the file cannot be deleted.
    """
    if model.source == ModelSource.BUNDLED:
        raise ModelError("The default model ships with Writer and cannot be deleted.")
    if model.source == ModelSource.IMPORTED:
        _save_imported([p for p in imported_paths() if p != model.path])
        return
    root = (folder or models_dir()).resolve()
    if not model.path.resolve().is_relative_to(root):
        raise ModelError(f"{model.path.name} is not in the models folder; it was not deleted.")
    try:
        for part in split_parts(model.path):
            part.unlink(missing_ok=True)
    except OSError as error:
        raise ModelError(f"Could not delete {model.path.name}: {error.strerror}") from error
    parent = model.path.parent
    while parent != root and parent.is_relative_to(root):
        try:
            parent.rmdir()  # only succeeds when empty
        except OSError:
            break
        parent = parent.parent
