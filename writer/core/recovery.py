"""Recovery copies of unsaved work, written while the writer types and while the model streams.

Each open document with unsaved changes has one JSON file ``<doc_id>.json`` in
the recovery folder (:func:`writer.config.recovery_dir`). Writes are atomic
(temp file, fsync, rename), so a crash or ``kill -9`` leaves either the previous
copy or the new one, never half a file. A clean close discards the copies.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import secrets
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from writer.core.text_copy import TextCopy, text_pieces
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
        self._last_written: dict[str, tuple[str, int]] = {}
        self._lock = threading.Lock()  # saves may run on a worker thread, discards on the GUI's
        self._discards: dict[str, int] = {}
        self._clears = 0

    def path_of(self, doc_id: str) -> Path:
        """Return the file that holds the recovery copy of ``doc_id``."""
        if not _ID_PATTERN.fullmatch(doc_id):
            raise ValueError(f"invalid recovery id {doc_id!r}: use letters, digits, - and _")
        return self.folder / f"{doc_id}.json"

    def generation(self, doc_id: str) -> int:
        """Return a number that grows whenever ``doc_id``'s copy is discarded (or all are)."""
        with self._lock:
            return self._clears + self._discards.get(doc_id, 0)

    def save(
        self,
        doc_id: str,
        text: str | TextCopy,
        meta: Mapping[str, Any] | None = None,
        *,
        generation: int | None = None,
    ) -> bool:
        """Write the recovery copy of ``doc_id`` atomically; return False if nothing was written.

        ``meta`` may hold ``title``, ``original_path``, ``encoding``, ``newline``,
        ``bom``, ``cursor`` or anything else JSON can store. The text (a string, or a
        :class:`~writer.core.text_copy.TextCopy`) is escaped, encoded and written a few
        hundred kilobytes at a time, so a worker thread can write a novel's copy while
        the GUI thread runs. With ``generation`` (from :meth:`generation`, read when
        the text was taken) nothing is written if the copy was discarded since: a late
        background write never brings back a copy that saving the document removed.

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
        }
        digest = hashlib.blake2b(digest_size=16)
        head = json.dumps(record, ensure_ascii=False, default=str)
        parts = [head[:-1].encode("utf-8", "backslashreplace"), b', "text": "']
        for piece in text_pieces(text):
            # Each character is escaped on its own, so pieces join into one JSON string; a
            # lone surrogate becomes its \uXXXX escape, which JSON reads back as it was.
            data = json.dumps(piece, ensure_ascii=False)[1:-1].encode("utf-8", "backslashreplace")
            digest.update(data)
            parts.append(data)
        parts.append(b'"}')
        fingerprint = (
            digest.hexdigest(),
            hash(json.dumps([record["title"], original, meta], default=str)),
        )
        target = self.path_of(doc_id)
        with self._lock:
            if self._last_written.get(doc_id) == fingerprint and target.exists():
                return False
        temp = target.with_name(f".{target.stem}.{secrets.token_hex(4)}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with open(temp, "wb") as handle:
                for part in parts:
                    handle.write(part)
                handle.flush()
                os.fsync(handle.fileno())
            with self._lock:
                if generation is not None and generation != self._clears + self._discards.get(
                    doc_id, 0
                ):
                    temp.unlink(missing_ok=True)  # discarded meanwhile: the copy stays gone
                    return False
                os.replace(temp, target)
                self._last_written[doc_id] = fingerprint
        except OSError as error:
            temp.unlink(missing_ok=True)
            raise DocumentError(
                f"Cannot write the recovery copy in {self.folder}: "
                f"{error.strerror or error}; save your document now."
            ) from error
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
        path = self.path_of(doc_id)
        with self._lock:
            self._discards[doc_id] = self._discards.get(doc_id, 0) + 1
            path.unlink(missing_ok=True)
            self._last_written.pop(doc_id, None)

    def clear(self) -> None:
        """Remove every recovery copy and leftover temp file in the folder."""
        with self._lock:
            self._clears += 1
            self._last_written.clear()
            if not self.folder.is_dir():
                return
            for path in [*self.folder.glob("*.json"), *self.folder.glob(".*.tmp")]:
                try:
                    path.unlink()
                except OSError as error:
                    log.warning("cannot remove recovery file %s: %s", path, error)

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
