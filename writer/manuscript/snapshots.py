"""Snapshots: the whole text of a document, with its sidecar, kept to go back to.

For ``chapter.md`` the snapshots live in the hidden folder
``.chapter.md.snapshots/`` beside the sidecar ``.chapter.md.writer.json``,
one gzip file each, written atomically. A snapshot file decompresses (``gunzip``
works) to one header line of JSON, then the sidecar's JSON (story notes,
lore, chat: whatever the document keeps beside it), then the text in UTF-8.
The header names the lengths, so a listing reads only the first line and the
gzip trailer, and a truncated or damaged file is reported and skipped while
the others still list. The text is stored as several gzip members (compressed
on several cores); ``gunzip`` reads them as one stream.

Automatic snapshots are thinned (:mod:`writer.manuscript.thinning`); named
ones are kept until the writer deletes them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import secrets
import zlib
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from writer.core.document_context import AUTHORS_NOTE_KEY
from writer.core.lore import SIDECAR_KEY as LORE_KEY
from writer.core.lore import LoreEntry, entries_from_data
from writer.core.sidecar import load_sidecar
from writer.core.text_copy import TextCopy, text_pieces
from writer.errors import SnapshotError
from writer.manuscript.files import write_atomically
from writer.manuscript.thinning import snapshots_to_remove

log = logging.getLogger(__name__)

FORMAT = 1
SUFFIX = ".snapshot.gz"
#: zlib level: 1 keeps a 10 MB snapshot well under the 200 ms target at about 1/3 the size.
COMPRESS_LEVEL = 1
_HEADER_LIMIT = 64 * 1024
#: Key, in a snapshot's copy of the sidecar only, of the lines (0-based, lines end at "\n")
#: that keep their own line ending (a CRLF line in an LF file): restore puts them back.
LINE_ENDS_KEY = "line_ends"
#: Texts from this size on are compressed piece by piece on other threads.
_PARALLEL_BYTES = 1_000_000

Clock = Callable[[], datetime]

#: Why a snapshot was taken (the header's ``reason``), in words for the command line.
REASONS = {
    "manual": "taken by hand",
    "command_line": "from the command line",
    "replace_all": "before Replace All",
    "reopen_encoding": "before Reopen with Encoding",
    "template": "before a template wrote into the text",
    "daily": "before the first edit of the day",
    "before_restore": "before a restore",
}


def local_now() -> datetime:
    """Return the current local time, timezone-aware (the default clock)."""
    return datetime.now().astimezone()


def snapshot_folder(document: Path) -> Path:
    """Return the folder that holds the snapshots of ``document``."""
    return document.with_name(f".{document.name}.snapshots")


def text_digest(text: str) -> str:
    """Return the digest that tells whether two snapshots hold the same text."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _workers() -> int:
    """Return how many threads compress a large text: all cores but one, kept for the GUI."""
    return max(1, min(8, (os.cpu_count() or 1) - 1))


def _gzip(data: bytes) -> bytes:
    """Return ``data`` as one gzip member (zlib lets other threads run meanwhile)."""
    return gzip.compress(data, compresslevel=COMPRESS_LEVEL, mtime=0)


def _encode(
    text: str | Sequence[str] | TextCopy, keep: Callable[[bytes], object]
) -> tuple[str, int]:
    """Hand the UTF-8 of ``text`` to ``keep`` piece by piece; return its digest and size.

    Each piece is a few hundred kilobytes, so Python's lock is never held for long.
    """
    digest = hashlib.blake2b(digest_size=16)
    size = 0
    for piece in text_pieces(text):
        data = piece.encode("utf-8", "surrogatepass")
        digest.update(data)
        keep(data)
        size += len(data)
    return digest.hexdigest(), size


class _Compressor:
    """Compresses pieces as they come: a large text on other threads, while it is encoded."""

    def __init__(self) -> None:
        self.pieces: list[bytes] = []
        self._futures: list[Future[bytes]] = []
        self._pool: ThreadPoolExecutor | None = None
        self._bytes = 0

    def add(self, data: bytes) -> None:
        """Take the next piece of text."""
        self.pieces.append(data)
        self._bytes += len(data)
        if self._pool is None and self._bytes >= _PARALLEL_BYTES:
            self._pool = ThreadPoolExecutor(_workers(), thread_name_prefix="snapshot")
            self._futures = [self._pool.submit(_gzip, piece) for piece in self.pieces]
        elif self._pool is not None:
            self._futures.append(self._pool.submit(_gzip, data))

    def members(self) -> list[bytes]:
        """Return the pieces as gzip members (one empty member for an empty text)."""
        if not self.pieces:
            self.add(b"")
        if self._pool is None:
            return [_gzip(piece) for piece in self.pieces]
        return [future.result() for future in self._futures]

    def close(self) -> None:
        """Stop the compressing threads."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


@dataclass(frozen=True)
class SnapshotInfo:
    """What a listing knows of one snapshot, without reading its text."""

    path: Path
    name: str
    time: datetime
    auto: bool
    reason: str = ""
    text_bytes: int = 0
    digest: str = ""

    def to_json(self) -> dict[str, Any]:
        """Return the ``snapshot list --json`` entry: name, time (ISO 8601), auto."""
        return {"name": self.name, "time": self.time.isoformat(), "auto": self.auto}


@dataclass(frozen=True)
class Snapshot:
    """A snapshot read back: its header, the text and the sidecar data of that moment."""

    info: SnapshotInfo
    text: str
    sidecar: dict[str, Any]

    @property
    def notes(self) -> str:
        """Return the story notes kept in the snapshot."""
        value = self.sidecar.get("notes", "")
        return value if isinstance(value, str) else ""

    @property
    def lore(self) -> list[LoreEntry]:
        """Return the document's own lore entries kept in the snapshot (its folder's are not)."""
        return entries_from_data(self.sidecar.get(LORE_KEY, []))

    @property
    def authors_note(self) -> str:
        """Return the author's note kept in the snapshot."""
        value = self.sidecar.get(AUTHORS_NOTE_KEY, "")
        return value if isinstance(value, str) else ""

    @property
    def line_ends(self) -> dict[int, str]:
        """Return the lines that kept their own line ending (see :data:`LINE_ENDS_KEY`)."""
        value = self.sidecar.get(LINE_ENDS_KEY, {})
        if not isinstance(value, dict):
            return {}
        return {
            int(line): end
            for line, end in value.items()
            if str(line).isdigit() and end in ("\r\n", "\n", "\r")
        }


def with_line_ends(sidecar: dict[str, Any], line_ends: Mapping[int, str]) -> dict[str, Any]:
    """Return ``sidecar`` with the lines that keep their own line ending, for a snapshot."""
    kept = {key: value for key, value in sidecar.items() if key != LINE_ENDS_KEY}
    if line_ends:
        kept[LINE_ENDS_KEY] = {str(line): end for line, end in sorted(line_ends.items())}
    return kept


@dataclass
class Listing:
    """The snapshots of a document, newest first, and the files that could not be read."""

    snapshots: list[SnapshotInfo] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class SnapshotStore:
    """The snapshots of one document file."""

    def __init__(self, document: Path, *, clock: Clock = local_now) -> None:
        self.document = Path(document)
        self.folder = snapshot_folder(self.document)
        self.clock = clock

    # -- taking ------------------------------------------------------------------------------

    def take(
        self,
        text: str | Sequence[str] | TextCopy,
        sidecar: dict[str, Any] | None = None,
        *,
        name: str = "",
        auto: bool = False,
        reason: str = "",
        skip_if_unchanged: bool = False,
    ) -> SnapshotInfo | None:
        """Store ``text`` and ``sidecar`` (default: the sidecar on disk); return the new entry.

        ``text`` may be the document's lines (joined with "\\n") or a
        :class:`~writer.core.text_copy.TextCopy`: it is encoded a few hundred kilobytes
        at a time, so a thread taking a snapshot never holds Python's lock for long and
        the GUI thread keeps running; a large text is compressed on other cores (all
        but one) while it is encoded.
        With ``skip_if_unchanged`` nothing is written (None is returned) when the newest
        snapshot holds the same text. Automatic snapshots are thinned afterwards.

        Raises:
            SnapshotError: the snapshot could not be written (nothing half-written is left).
        """
        compressor = _Compressor()
        try:
            if skip_if_unchanged:  # compress only once it is known to be needed
                kept: list[bytes] = []
                digest, size = _encode(text, kept.append)
                newest = self.list().snapshots
                if newest and newest[0].digest == digest:
                    return None
                for data in kept:
                    compressor.add(data)
            else:
                digest, size = _encode(text, compressor.add)
            members = compressor.members()
        finally:
            compressor.close()
        if sidecar is None:
            sidecar = load_sidecar(self.document)
        when = self.clock()
        side = json.dumps(sidecar, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        header = {
            "format": FORMAT,
            "name": name.strip(),
            "time": when.astimezone(UTC).isoformat(),
            "auto": auto,
            "reason": reason,
            "document": self.document.name,
            "sidecar_bytes": len(side),
            "text_bytes": size,
            "digest": digest,
            "last_member_bytes": len(compressor.pieces[-1]),
        }
        head = json.dumps(header, ensure_ascii=True).encode("ascii") + b"\n"
        stamp = when.astimezone(UTC).strftime("%Y%m%dT%H%M%S_%f")
        kind = "auto" if auto else "manual"
        path = self.folder / f"{stamp}-{kind}-{secrets.token_hex(3)}{SUFFIX}"
        packed = [_gzip(head + side), *members]

        def write(handle: BinaryIO) -> None:
            for member in packed:
                handle.write(member)

        try:
            self.folder.mkdir(exist_ok=True)
        except OSError as error:
            raise SnapshotError(
                f"Cannot take a snapshot of {self.document.name}: cannot create "
                f"{self.folder.name} ({error.strerror or error})."
            ) from error
        write_atomically(path, write, error=SnapshotError, verb="write the snapshot")
        info = _info_from_header(path, header)
        if auto:
            self.thin()
        return info

    # -- reading -----------------------------------------------------------------------------

    def list(self) -> Listing:
        """Return the snapshots, newest first; unreadable files are named in ``problems``."""
        listing = Listing()
        try:
            files = sorted(self.folder.glob(f"*{SUFFIX}"))
        except OSError as error:
            listing.problems.append(f"{self.folder}: {error.strerror or error}")
            return listing
        for path in files:
            try:
                listing.snapshots.append(read_info(path))
            except SnapshotError as error:
                log.warning("skipping snapshot %s: %s", path, error)
                listing.problems.append(str(error))
        listing.snapshots.sort(key=lambda info: info.time, reverse=True)
        return listing

    def load(self, info: SnapshotInfo | Path) -> Snapshot:
        """Read a snapshot whole.

        Raises:
            SnapshotError: the file is missing, truncated or damaged.
        """
        path = info.path if isinstance(info, SnapshotInfo) else Path(info)
        return read_snapshot(path)

    def find(self, name_or_time: str) -> SnapshotInfo | None:
        """Return the newest snapshot with this name, or whose ISO time starts with it."""
        for info in self.list().snapshots:
            if info.name == name_or_time or info.time.isoformat().startswith(name_or_time):
                return info
        return None

    def delete(self, info: SnapshotInfo) -> None:
        """Remove one snapshot file."""
        try:
            info.path.unlink(missing_ok=True)
        except OSError as error:
            raise SnapshotError(
                f"Cannot delete the snapshot {info.path.name}: {error.strerror or error}."
            ) from error

    def thin(self) -> list[SnapshotInfo]:
        """Remove the automatic snapshots the thinning rule lets go; return them."""
        removed = []
        for info in snapshots_to_remove(self.list().snapshots, self.clock()):
            try:
                info.path.unlink(missing_ok=True)
            except OSError as error:
                log.warning("cannot thin snapshot %s: %s", info.path, error)
                continue
            removed.append(info)
        return removed

    def has_snapshot_on(self, day: datetime) -> bool:
        """Return whether a snapshot was taken on the calendar day of ``day`` (its timezone)."""
        date = day.date()
        return any(
            info.time.astimezone(day.tzinfo).date() == date for info in self.list().snapshots
        )


def read_info(path: Path) -> SnapshotInfo:
    """Read the header of a snapshot file and check that the file is whole.

    Raises:
        SnapshotError: the file is not a snapshot, or it is truncated or damaged.
    """
    try:
        with path.open("rb") as raw:
            with gzip.GzipFile(fileobj=raw, mode="rb") as packed:
                line = packed.readline(_HEADER_LIMIT)
            raw.seek(-4, 2)
            stored_size = int.from_bytes(raw.read(4), "little")
    except (OSError, EOFError, zlib.error) as error:
        raise SnapshotError(f"{path.name}: not a readable snapshot ({_why(error)}).") from error
    header = _parse_header(path, line)
    expected = header.get("last_member_bytes")  # the gzip trailer holds the last member's size
    if not isinstance(expected, int):
        expected = len(line) + header["sidecar_bytes"] + header["text_bytes"]
    if stored_size != expected % 2**32:
        raise SnapshotError(f"{path.name}: the snapshot file is truncated.")
    return _info_from_header(path, header)


def read_snapshot(path: Path) -> Snapshot:
    """Read a whole snapshot file.

    Raises:
        SnapshotError: the file is missing, not a snapshot, or truncated or damaged.
    """
    try:
        data = gzip.decompress(path.read_bytes())
    except FileNotFoundError as error:
        raise SnapshotError(f"The snapshot {path.name} no longer exists.") from error
    except (OSError, EOFError, zlib.error) as error:
        raise SnapshotError(f"{path.name}: the snapshot is damaged ({_why(error)}).") from error
    end = data.find(b"\n", 0, _HEADER_LIMIT)
    header = _parse_header(path, data[: end + 1] if end >= 0 else b"")
    side_end = end + 1 + header["sidecar_bytes"]
    if len(data) != side_end + header["text_bytes"]:
        raise SnapshotError(f"{path.name}: the snapshot is damaged (wrong length).")
    try:
        sidecar = json.loads(data[end + 1 : side_end].decode("utf-8"))
        text = data[side_end:].decode("utf-8", "surrogatepass")
    except ValueError as error:
        raise SnapshotError(f"{path.name}: the snapshot is damaged ({error}).") from error
    info = _info_from_header(path, header)
    return Snapshot(info, text, sidecar if isinstance(sidecar, dict) else {})


def _parse_header(path: Path, line: bytes) -> dict[str, Any]:
    """Return the checked header of a snapshot file."""
    try:
        header = json.loads(line.decode("ascii"))
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise ValueError("unknown format")
        for key in ("sidecar_bytes", "text_bytes"):
            if not isinstance(header.get(key), int) or header[key] < 0:
                raise ValueError(f"bad {key}")
        datetime.fromisoformat(str(header.get("time")))
    except (ValueError, UnicodeDecodeError) as error:
        raise SnapshotError(f"{path.name}: not a Writer snapshot ({error}).") from error
    return header


def _info_from_header(path: Path, header: dict[str, Any]) -> SnapshotInfo:
    """Return the listing entry for a checked header."""
    time = datetime.fromisoformat(str(header["time"]))
    if time.tzinfo is None:
        time = time.replace(tzinfo=UTC)
    return SnapshotInfo(
        path=path,
        name=str(header.get("name", "")),
        time=time,
        auto=bool(header.get("auto", False)),
        reason=str(header.get("reason", "")),
        text_bytes=int(header["text_bytes"]),
        digest=str(header.get("digest", "")),
    )


def _why(error: BaseException) -> str:
    """Return a short reason for a read failure."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    if isinstance(error, EOFError):
        return "the file ends too early"
    if isinstance(error, zlib.error):
        return "the compressed data is damaged"
    return str(error) or type(error).__name__
