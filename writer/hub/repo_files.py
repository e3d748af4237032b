"""The GGUF files of a hub repository: one entry per model, split parts grouped together.

A file whose name would be saved outside the models folder ("..", an absolute
path, a drive, backslashes) is not listed: it could never be downloaded.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from huggingface_hub.hf_api import RepoFile

from writer.hub.client import ensure_online, hub_api, hub_error
from writer.hub.errors import HubNotFoundError
from writer.hub.fit import FitEstimate, assess_fit, estimate_memory, recommend
from writer.hub.quant import quant_from_filename
from writer.hub.safe_names import is_safe_name

if TYPE_CHECKING:
    from collections.abc import Iterable

    from writer.core.system_memory import MemoryBudget

log = logging.getLogger(__name__)

SPLIT_PATTERN = re.compile(r"^(?P<stem>.+)-(?P<index>\d{5})-of-(?P<count>\d{5})\.gguf$", re.I)


@dataclass(frozen=True)
class HubFilePart:
    """One file in a repository, with the sha256 the hub publishes for it."""

    path: str
    size: int
    sha256: str | None


@dataclass
class HubModelFile:
    """One downloadable model: a single .gguf file, or all parts of a split model."""

    repo_id: str
    name: str
    parts: tuple[HubFilePart, ...]
    quant: str
    fit: FitEstimate | None = None
    recommended: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def size(self) -> int:
        """Return the total size of all parts in bytes."""
        return sum(part.size for part in self.parts)

    @property
    def first_part(self) -> str:
        """Return the path of the file llama.cpp opens (the first part of a split model)."""
        return self.parts[0].path

    @property
    def is_split(self) -> bool:
        """Return whether the model is split over several files."""
        return len(self.parts) > 1


def _sha256(entry: RepoFile) -> str | None:
    """Return the sha256 of an LFS file as published by the hub."""
    return entry.lfs.sha256 if entry.lfs is not None else None


def group_gguf_files(repo_id: str, entries: Iterable[HubFilePart]) -> list[HubModelFile]:
    """Group .gguf entries into models: split parts become one entry, in part order.

    A split model whose parts are not all present is left out: it could never load;
    so is a file whose name would be saved outside the models folder.
    """
    singles: list[HubModelFile] = []
    splits: dict[tuple[str, str], list[tuple[int, HubFilePart]]] = {}
    counts: dict[tuple[str, str], int] = {}
    for part in entries:
        if not part.path.lower().endswith(".gguf"):
            continue
        if not is_safe_name(part.path):
            log.warning("not listing %r of %s: unsafe file name", part.path, repo_id)
            continue
        folder, _, base = part.path.rpartition("/")
        match = SPLIT_PATTERN.match(base)
        if match:
            key = (folder, match["stem"])
            splits.setdefault(key, []).append((int(match["index"]), part))
            counts[key] = int(match["count"])
            continue
        singles.append(HubModelFile(repo_id, part.path, (part,), quant_from_filename(part.path)))
    for key, numbered in splits.items():
        numbered.sort()
        if [index for index, _ in numbered] != list(range(1, counts[key] + 1)):
            continue
        folder, stem = key
        name = f"{folder}/{stem}.gguf" if folder else f"{stem}.gguf"
        parts = tuple(part for _, part in numbered)
        singles.append(HubModelFile(repo_id, name, parts, quant_from_filename(name)))
    singles.sort(key=lambda model: (model.size, model.name))
    return singles


def assess_files(files: list[HubModelFile], budget: MemoryBudget, n_ctx: int) -> None:
    """Set each file's fit label for ``n_ctx`` tokens of context and mark the recommended one."""
    for model in files:
        model.fit = assess_fit(estimate_memory(model.size, model.quant, n_ctx), budget)
        model.recommended = False
    best = recommend([m.quant for m in files], [m.fit for m in files if m.fit is not None])
    if best is not None:
        files[best].recommended = True


def list_repo_gguf_files(repo_id: str) -> list[HubModelFile]:
    """Return the GGUF models in a hub repository, smallest first.

    Raises:
        HubError: the hub cannot be reached, the repository does not exist or is gated.
    """
    ensure_online()
    try:
        entries = [
            HubFilePart(entry.path, int(entry.size), _sha256(entry))
            for entry in hub_api().list_repo_tree(repo_id, recursive=True)
            if isinstance(entry, RepoFile)
        ]
    except Exception as error:
        raise hub_error(error, repo_id=repo_id) from error
    return group_gguf_files(repo_id, entries)


def find_model_file(repo_id: str, filename: str) -> HubModelFile:
    """Return the model in ``repo_id`` named ``filename`` (a file, or a split model's any part).

    Raises:
        HubNotFoundError: no such .gguf model in the repository.
    """
    for model in list_repo_gguf_files(repo_id):
        if filename == model.name or filename in (part.path for part in model.parts):
            return model
    raise HubNotFoundError(f"{filename} is not a GGUF model in {repo_id}.")
