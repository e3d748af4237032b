"""Downloading a model from the hub into the models folder: progress, cancel, resume, checksum.

The bytes come through ``huggingface_hub`` (``get_hf_file_metadata`` for the
size and location, ``http_get`` for the body, which sends an HTTP Range header
to resume). Each part is written to ``<models>/.partial/...part`` while it is
hashed, so no second pass over the file is needed; only when its sha256 equals
the one the hub publishes is it renamed into the models folder. A cancelled or
cut-off download keeps its partial file and resumes from there next time; a
file that fails the checksum is deleted. Nothing in ``.partial`` is ever
listed as a model.

Two Writers (or two windows) downloading the same file take turns: a lock
file beside the partial one (:class:`~writer.hub.file_lock.FileLock`) holds
across processes, and the second waits for the first, then finds the file in
place. Before the rename the whole file is checked: its size, and the sha256
of every byte in it, not only of the bytes this process wrote.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import queue
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from huggingface_hub import constants, get_hf_file_metadata, hf_hub_url
from huggingface_hub.file_download import http_get
from huggingface_hub.utils import build_hf_headers

from writer.config import models_dir
from writer.hub.client import ensure_online, hub_endpoint, hub_error, hub_token
from writer.hub.errors import (
    DownloadCancelledError,
    HubChecksumError,
    HubDiskFullError,
    HubUnsafePathError,
)
from writer.hub.file_lock import FileLock
from writer.hub.fit import human_size
from writer.hub.safe_names import is_safe_name

if TYPE_CHECKING:
    from writer.hub.repo_files import HubFilePart, HubModelFile

log = logging.getLogger(__name__)

PARTIAL_DIR_NAME = ".partial"
#: Bytes per read from the network: small enough that Cancel and the progress bar react at once.
NETWORK_CHUNK_BYTES = 1024 * 1024
#: Seconds between two progress reports.
PROGRESS_INTERVAL_S = 0.1
#: Free space kept on the disk beyond the download itself.
DISK_MARGIN_BYTES = 64 * 1024 * 1024

#: What a cancelled download says: its partial file stays, and the next download resumes it.
CANCELLED_MESSAGE = (
    "Download cancelled. The partial file is kept; "
    "downloading the same file again resumes where it stopped."
)

_file_locks: dict[Path, threading.Lock] = {}
_file_locks_guard = threading.Lock()


@dataclass(frozen=True)
class DownloadProgress:
    """Where a download stands: bytes, speed and time left."""

    filename: str
    done_bytes: int
    total_bytes: int
    bytes_per_s: float
    seconds_left: float | None
    #: A line to show the user instead of the figures (another Writer holds the file), or "".
    notice: str = ""

    @property
    def fraction(self) -> float:
        """Return the share done, 0.0 to 1.0."""
        return self.done_bytes / self.total_bytes if self.total_bytes else 0.0


ProgressCallback = Callable[[DownloadProgress], None]


def _safe_relative(repo_id: str, path_in_repo: str) -> PurePosixPath:
    """Return ``<owner>/<repo>/<path>``, refusing absolute paths, ``..`` and odd characters."""
    for text in (repo_id, path_in_repo):
        if not is_safe_name(text):
            raise HubUnsafePathError(
                f"Refused the hub file name {path_in_repo!r} of {repo_id}: "
                "it would be saved outside the models folder."
            )
    return PurePosixPath(repo_id, path_in_repo)


def destination_path(repo_id: str, path_in_repo: str, folder: Path | None = None) -> Path:
    """Return where a hub file is saved: ``<models>/<owner>/<repo>/<path>``.

    Raises:
        HubUnsafePathError: the repo id or file name would escape the models folder.
    """
    root = (folder or models_dir()).resolve()
    relative = _safe_relative(repo_id, path_in_repo)
    if len(repo_id.split("/")) != 2 or relative.parts[0].startswith("."):
        raise HubUnsafePathError(f"Refused the repository name {repo_id!r}.")
    target = (root / Path(*relative.parts)).resolve()
    if not target.is_relative_to(root) or target == root:
        raise HubUnsafePathError(
            f"Refused the hub file name {path_in_repo!r}: "
            "it would be saved outside the models folder."
        )
    return target


def partial_path(destination: Path, folder: Path | None = None) -> Path:
    """Return the partial file of a download, under ``<models>/.partial``."""
    root = (folder or models_dir()).resolve()
    relative = destination.relative_to(root)
    return root / PARTIAL_DIR_NAME / relative.with_name(relative.name + ".part")


class _QuietBar:
    """A stand-in for tqdm: huggingface_hub draws no bar; progress is reported by the writer."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def __enter__(self) -> _QuietBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int = 1) -> None:
        """Ignore progress (the writer reports it)."""


class _Tracker:
    """Counts the bytes of a whole model (all parts) and reports speed and time left."""

    def __init__(
        self, name: str, total: int, already: int, callback: ProgressCallback | None
    ) -> None:
        self.name = name
        self.total = total
        self.done = already
        self.start_done = already
        self.started = time.monotonic()
        self.last_report = 0.0
        self.callback = callback

    def add(self, count: int) -> None:
        """Count ``count`` more bytes (negative when a server ignored a Range request)."""
        self.done += count
        self.report()

    def notify(self, notice: str) -> None:
        """Tell the user ``notice`` through the progress callback, with the figures so far."""
        if self.callback is not None:
            self.callback(DownloadProgress(self.name, self.done, self.total, 0.0, None, notice))

    def report(self, force: bool = False) -> None:
        """Call the progress callback, at most every PROGRESS_INTERVAL_S."""
        now = time.monotonic()
        if self.callback is None or (not force and now - self.last_report < PROGRESS_INTERVAL_S):
            return
        self.last_report = now
        elapsed = now - self.started
        speed = (self.done - self.start_done) / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / speed if speed > 0 else None
        self.callback(DownloadProgress(self.name, self.done, self.total, speed, left))


class _Hasher:
    """Computes a sha256 on its own thread, so hashing overlaps the network reads."""

    def __init__(self) -> None:
        self._digest = hashlib.sha256()
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=16)
        self._thread = threading.Thread(target=self._run, name="sha256", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (block := self._queue.get()) is not None:
            self._digest.update(block)  # releases the GIL for large blocks

    def update(self, block: bytes) -> None:
        """Queue ``block`` to be hashed."""
        self._queue.put(block)

    def hexdigest(self) -> str:
        """Wait for the queued blocks and return the hex digest."""
        self.close()
        return self._digest.hexdigest()

    def close(self) -> None:
        """Stop the hashing thread after the queued blocks."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()


class _HashingWriter:
    """The file object handed to ``http_get``: writes, hashes, counts and checks for Cancel."""

    def __init__(self, handle: Any, tracker: _Tracker, cancel: threading.Event) -> None:
        self.handle = handle
        self.tracker = tracker
        self.cancel = cancel
        self.hashed_bytes = 0
        self.hasher = self._hash_from_start()

    def _hash_from_start(self) -> _Hasher:
        """Return a hasher fed with what the file already holds."""
        hasher = _Hasher()
        self.hashed_bytes = 0
        self.handle.seek(0)
        for block in iter(lambda: self.handle.read(NETWORK_CHUNK_BYTES * 8), b""):
            hasher.update(block)
            self.hashed_bytes += len(block)
        self.handle.seek(0, os.SEEK_END)
        return hasher

    def write(self, data: bytes) -> int:
        """Write one chunk, unless the download was cancelled."""
        if self.cancel.is_set():
            raise DownloadCancelledError(CANCELLED_MESSAGE)
        written = self.handle.write(data)
        self.hasher.update(data)
        self.hashed_bytes += len(data)
        self.tracker.add(len(data))
        return written

    def tell(self) -> int:
        """Return the write position."""
        return self.handle.tell()

    def seek(self, position: int, whence: int = 0) -> int:
        """Move back (when a server sends the whole file again); the hash restarts there."""
        before = self.handle.tell()
        after = self.handle.seek(position, whence)
        self.handle.truncate()
        self.tracker.add(after - before)
        self.hasher.close()
        self.hasher = self._hash_from_start()
        return after

    def truncate(self, size: int | None = None) -> int:
        """Cut the file at the current position."""
        return self.handle.truncate(size)


def _lock_for(path: Path) -> threading.Lock:
    """Return the lock that keeps two downloads from writing one partial file."""
    with _file_locks_guard:
        return _file_locks.setdefault(path, threading.Lock())


def _check_disk_space(folder: Path, needed: int) -> None:
    """Raise :class:`HubDiskFullError` if ``folder`` lacks room for ``needed`` more bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(folder).free
    if needed + DISK_MARGIN_BYTES > free:
        raise HubDiskFullError(
            f"Not enough disk space: the download needs {human_size(needed)}, "
            f"{human_size(free)} is free in {folder}. Free some space, then try again."
        )


def _fetch(
    writer: _HashingWriter, url: str, headers: dict[str, str], size: int, repo_id: str, path: str
) -> None:
    """Stream ``url`` into ``writer`` through huggingface_hub, resuming after its current end."""
    resume_from = writer.tell()
    if resume_from:
        log.info("resuming %s at byte %d", path, resume_from)
    try:
        http_get(
            url,
            writer,  # type: ignore[arg-type]
            resume_size=resume_from,
            headers=headers,
            expected_size=size,
            displayed_filename=path,
            tqdm_class=_QuietBar,  # type: ignore[arg-type]
        )
    except DownloadCancelledError:
        raise
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise HubDiskFullError(
                "The disk is full. Free some space, then download again to resume."
            ) from error
        raise hub_error(error, repo_id=repo_id, filename=path) from error
    except Exception as error:
        raise hub_error(error, repo_id=repo_id, filename=path) from error


def _download_part(
    repo_id: str,
    part: HubFilePart,
    destination: Path,
    partial: Path,
    tracker: _Tracker,
    cancel: threading.Event,
) -> None:
    """Download one file into ``partial`` (resuming), check its sha256, move it into place."""
    endpoint = hub_endpoint()
    url = hf_hub_url(repo_id, part.path, endpoint=endpoint)
    headers = build_hf_headers(token=hub_token())
    try:
        metadata = get_hf_file_metadata(url, token=hub_token(), endpoint=endpoint)
    except Exception as error:
        raise hub_error(error, repo_id=repo_id, filename=part.path) from error
    expected_sha = part.sha256 or (metadata.etag if _is_sha256(metadata.etag) else None)
    if expected_sha is None:
        raise HubChecksumError(
            f"The hub publishes no checksum for {part.path}, so it cannot be verified; "
            "it was not downloaded."
        )
    size = metadata.size if metadata.size is not None else part.size
    info_file = partial.with_name(partial.name + ".json")
    partial.parent.mkdir(parents=True, exist_ok=True)
    if partial.exists():
        saved = _read_json(info_file)
        if saved.get("sha256") != expected_sha or partial.stat().st_size > size:
            log.info("discarding stale partial download %s", partial)
            partial.unlink()
    info_file.write_text(json.dumps({"sha256": expected_sha, "size": size, "repo": repo_id}))
    location = metadata.location or url
    if urlparse(location).netloc != urlparse(endpoint).netloc:
        headers.pop("authorization", None)
    with partial.open("a+b") as handle:
        writer = _HashingWriter(handle, tracker, cancel)
        try:
            _fetch(writer, location, headers, size, repo_id, part.path)
        finally:
            digest = writer.hasher.hexdigest()
        handle.flush()
        on_disk = os.fstat(handle.fileno()).st_size
        if on_disk != writer.hashed_bytes:  # something else wrote to it: hash what is there
            log.warning("%s changed while downloading; hashing the whole file", partial)
            digest = _sha256_of(handle)
    if on_disk != size or digest != expected_sha.lower():
        partial.unlink(missing_ok=True)
        info_file.unlink(missing_ok=True)
        raise HubChecksumError(
            f"{PurePosixPath(part.path).name} arrived damaged (checksum mismatch) and was deleted. "
            "Download it again."
        )
    destination.parent.mkdir(parents=True, exist_ok=True)
    os.replace(partial, destination)
    info_file.unlink(missing_ok=True)
    log.info("downloaded and verified %s", destination)


def _sha256_of(handle: Any) -> str:
    """Return the sha256 of an open file's whole content."""
    digest = hashlib.sha256()
    handle.seek(0)
    for block in iter(lambda: handle.read(NETWORK_CHUNK_BYTES * 8), b""):
        digest.update(block)
    return digest.hexdigest()


def _is_sha256(value: str | None) -> bool:
    """Return whether ``value`` looks like a sha256 hex digest."""
    return bool(value) and len(value or "") == 64 and all(c in "0123456789abcdef" for c in value)


def _read_json(path: Path) -> dict[str, Any]:
    """Return a small JSON file's content, or {} when missing or broken."""
    try:
        return dict(json.loads(path.read_text()))
    except (OSError, ValueError, TypeError):
        return {}


def download_model(
    model: HubModelFile,
    *,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    folder: Path | None = None,
) -> Path:
    """Download every part of ``model`` into the models folder; return the file to load.

    Parts already downloaded and verified are kept; a partial part resumes.

    Raises:
        HubUnsafePathError: a file name would escape the models folder.
        DownloadCancelledError: ``cancel`` was set (the partial file is kept).
        HubChecksumError: a part does not match the hub's sha256 (it is deleted).
        HubError: the hub cannot be reached, the disk is full, or the transfer failed.
    """
    root = (folder or models_dir()).resolve()
    cancel = cancel or threading.Event()
    targets = [destination_path(model.repo_id, part.path, root) for part in model.parts]
    ensure_online()
    _configure_chunk_size()
    partials = [partial_path(target, root) for target in targets]
    already = sum(
        part.size if target.exists() else (partial.stat().st_size if partial.exists() else 0)
        for part, target, partial in zip(model.parts, targets, partials, strict=True)
    )
    _check_disk_space(root, max(model.size - already, 0))
    tracker = _Tracker(model.name, model.size, already, on_progress)
    tracker.report(force=True)
    for part, target, partial in zip(model.parts, targets, partials, strict=True):
        if target.exists():
            continue
        with _lock_for(partial):
            _download_part_once(model.repo_id, part, target, partial, tracker, cancel)
    tracker.report(force=True)
    return targets[0]


def _download_part_once(
    repo_id: str,
    part: HubFilePart,
    destination: Path,
    partial: Path,
    tracker: _Tracker,
    cancel: threading.Event,
) -> None:
    """Download one part while holding its cross-process lock (waiting for another Writer)."""
    lock = FileLock(partial.with_name(partial.name + ".lock"))
    had = partial.stat().st_size if partial.exists() else 0

    def waiting() -> None:
        log.info("%s is being downloaded by another Writer; waiting for it", part.path)
        tracker.notify(waiting_message(part.path))

    if not lock.acquire(cancel, on_wait=waiting):
        raise DownloadCancelledError(CANCELLED_MESSAGE)
    try:
        if destination.exists():  # the other Writer finished it
            tracker.add(part.size - had)
            return
        now = partial.stat().st_size if partial.exists() else 0
        tracker.add(now - had)  # what the other Writer added meanwhile
        _download_part(repo_id, part, destination, partial, tracker, cancel)
    finally:
        lock.release()


def waiting_message(name: str) -> str:
    """Return what a download waiting for another Writer's download of ``name`` says."""
    return f"Another Writer is downloading {name}; waiting for it to finish…"


def _configure_chunk_size() -> None:
    """Read the network in 1 MiB chunks so Cancel and progress react within a moment."""
    constants.DOWNLOAD_CHUNK_SIZE = NETWORK_CHUNK_BYTES
