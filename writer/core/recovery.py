"""Recovery copies of unsaved work, written while the writer types and while the model streams.

Each open document with unsaved changes has one JSON file ``<doc_id>.json`` in
the recovery folder (:func:`writer.config.recovery_dir`). Writes are atomic
(temp file, fsync, rename), so a crash or ``kill -9`` leaves either the previous
copy or the new one, never half a file. A clean close discards the copies.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from writer.errors import DocumentError

if TYPE_CHECKING:
    from collections.abc import Mapping

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
PREVIEW_CHARS = 240
_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def new_doc_id() -> str:
    """Return a fresh id for a document's recovery copy."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class RecoveryEntry:
    """One recovered document: what it holds and where it came from."""

    doc_id: str
    title: str
    original_path: Path | None
    saved_at: datetime
    text: str
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def preview(self) -> str:
        """Return the start of the text on one line, for a list of recovered documents."""
        flat = " ".join(self.text[: PREVIEW_CHARS * 4].split())
        return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1] + "…"


class RecoveryStore:
    """The folder of recovery copies: save, list, discard, clear."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        if folder is None:
            from writer.config import recovery_dir

            folder = recovery_dir()
        self.folder = Path(folder)
        self._last_written: dict[str, tuple[int, int]] = {}

    def path_of(self, doc_id: str) -> Path:
        """Return the file that holds the recovery copy of ``doc_id``."""
        if not _ID_PATTERN.fullmatch(doc_id):
            raise ValueError(f"invalid recovery id {doc_id!r}: use letters, digits, - and _")
        return self.folder / f"{doc_id}.json"

    def save(self, doc_id: str, text: str, meta: Mapping[str, Any] | None = None) -> bool:
        """Write the recovery copy of ``doc_id`` atomically; return False if nothing changed.

        ``meta`` may hold ``title``, ``original_path``, ``encoding``, ``newline``,
        ``bom``, ``cursor`` or anything else JSON can store.

        Raises:
            DocumentError: the copy could not be written (disk full, no permission).
        """
        meta = dict(meta or {})
        original = meta.pop("original_path", None)
        record = {
            "version": FORMAT_VERSION,
            "doc_id": doc_id,
            "title": str(meta.pop("title", "") or ""),
            "original_path": str(original) if original else None,
            "saved_at": time.time(),
            "pid": os.getpid(),
            "started": process_start_time(),
            "meta": meta,
            "text": text,
        }
        fingerprint = (hash(text), hash(json.dumps([record["title"], original, meta], default=str)))
        if self._last_written.get(doc_id) == fingerprint and self.path_of(doc_id).exists():
            return False
        target = self.path_of(doc_id)
        temp = target.with_name(f".{target.stem}.{secrets.token_hex(4)}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with open(temp, "w", encoding="utf-8") as handle:
                json.dump(record, handle, ensure_ascii=False, default=str)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
        except OSError as error:
            temp.unlink(missing_ok=True)
            raise DocumentError(
                f"Cannot write the recovery copy in {self.folder}: "
                f"{error.strerror or error}; save your document now."
            ) from error
        self._last_written[doc_id] = fingerprint
        return True

    def load(self, doc_id: str) -> RecoveryEntry | None:
        """Return the recovery copy of ``doc_id``, or None when there is none or it is broken."""
        return self._read(self.path_of(doc_id))

    def entries(self) -> list[RecoveryEntry]:
        """Return every readable recovery copy, newest first."""
        if not self.folder.is_dir():
            return []
        found = [self._read(path) for path in self.folder.glob("*.json")]
        entries = [entry for entry in found if entry is not None]
        return sorted(entries, key=lambda entry: entry.saved_at, reverse=True)

    def discard(self, doc_id: str) -> None:
        """Remove the recovery copy of ``doc_id`` (no error when there is none)."""
        self.path_of(doc_id).unlink(missing_ok=True)
        self._last_written.pop(doc_id, None)

    def clear(self) -> None:
        """Remove every recovery copy and leftover temp file in the folder."""
        if not self.folder.is_dir():
            return
        for path in [*self.folder.glob("*.json"), *self.folder.glob(".*.tmp")]:
            try:
                path.unlink()
            except OSError as error:
                log.warning("cannot remove recovery file %s: %s", path, error)
        self._last_written.clear()

    def _read(self, path: Path) -> RecoveryEntry | None:
        """Parse one recovery file; log and skip it when it cannot be read."""
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            text = record["text"]
            if not isinstance(text, str):
                raise ValueError("text is not a string")
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("skipping unreadable recovery copy %s: %s", path, error)
            return None
        original = record.get("original_path")
        meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
        saved = record.get("saved_at")
        stamp = float(saved) if isinstance(saved, (int, float)) else path.stat().st_mtime
        title = record.get("title") or (Path(original).name if original else "") or _title_of(text)
        return RecoveryEntry(
            doc_id=path.stem,
            title=title,
            original_path=Path(original) if original else None,
            saved_at=datetime.fromtimestamp(stamp, tz=UTC).astimezone(),
            text=text,
            meta={**meta, "pid": record.get("pid"), "started": record.get("started")},
        )


def process_start_time(pid: int | None = None) -> float | None:
    """Return when process ``pid`` (this one by default) started, or None if unknown."""
    import psutil

    try:
        return float(psutil.Process(pid).create_time())
    except (psutil.Error, OSError):
        return None


def written_by_live_writer(pid: object, started: object) -> bool:
    """Return whether the Writer process that wrote a copy (``pid``, ``started``) still runs.

    A process id alone is not enough: after a crash the system may give the
    same id to another program (even another Writer). The copy's writer is
    alive only if the process with that id started when the copy says it did.
    """
    if not isinstance(pid, int) or pid == os.getpid():
        return False
    import psutil

    try:
        process = psutil.Process(pid)
        if isinstance(started, (int, float)):
            return abs(process.create_time() - float(started)) < 1.0
        return "writer" in " ".join(process.cmdline()).lower()  # a copy from an older Writer
    except (psutil.Error, OSError):
        return False


def _title_of(text: str) -> str:
    """Return a title for an unsaved document: its first non-empty line, shortened."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 60 else line[:59] + "…"
    return "Untitled"
