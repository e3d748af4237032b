"""Writing a file whole or not at all: temp file beside the target, fsync, rename.

Exports and snapshots both go through :func:`write_atomically`, so a read-only
folder, a full disk or a crash never leaves half a file, and the message that
comes back is one line a person can act on.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from collections.abc import Callable

    from writer.errors import WriterError


def describe_os_error(error: OSError, folder: Path) -> str:
    """Return a short reason for ``error`` ("the disk is full", "the folder … is not writable")."""
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"the folder {folder} is not writable"
    if error.errno == errno.EROFS:
        return "the disk is read-only"
    if error.errno == errno.ENOENT:
        return (
            f"the folder {folder} does not exist"
            if not folder.is_dir()
            else (f"cannot create files in {folder}")
        )
    return (error.strerror or str(error)).rstrip(".").lower()


#: The messages of a failed write, by what the caller was doing: (usual, on a full disk).
FAILURES = {
    "write": (
        "Cannot write {0}: {1}; nothing was written.",
        "Cannot write {0}: {1}; nothing was written. Free some space or choose another drive.",
    ),
    "export": (
        "Cannot export {0}: {1}; nothing was written.",
        "Cannot export {0}: {1}; nothing was written. Free some space or choose another drive.",
    ),
    "write the snapshot": (
        "Cannot write the snapshot {0}: {1}; nothing was written.",
        "Cannot write the snapshot {0}: {1}; nothing was written. "
        "Free some space or choose another drive.",
    ),
}


def failure_message(verb: str, name: str, caught: OSError, folder: Path) -> str:
    """Return the one line for a write of ``name`` that failed with ``caught`` (see FAILURES)."""
    plain, full = FAILURES[verb]
    template = full if caught.errno == errno.ENOSPC else plain
    return template.format(name, describe_os_error(caught, folder))


def write_atomically(
    path: Path,
    data: bytes | Callable[[BinaryIO], None],
    *,
    error: type[WriterError],
    verb: str = "write",
) -> None:
    """Write ``data`` (bytes, or a function that writes to a binary file) to ``path`` whole.

    ``verb`` is a key of :data:`FAILURES`: what the message says the caller was doing.

    Raises:
        error: one line naming the file and why (the target is unchanged, no temp file left).
    """
    target = Path(os.path.realpath(path))
    folder = target.parent
    temp = folder / f".{target.name}.{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as caught:
        raise error(failure_message(verb, path.name, caught, folder)) from caught
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                data(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as caught:
        _remove_quietly(temp)
        raise error(failure_message(verb, path.name, caught, folder)) from caught
    except BaseException:
        _remove_quietly(temp)
        raise


def _remove_quietly(path: Path) -> None:
    """Remove a leftover temp file, ignoring errors."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
