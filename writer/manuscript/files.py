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


def write_atomically(
    path: Path,
    data: bytes | Callable[[BinaryIO], None],
    *,
    error: type[WriterError],
    verb: str = "write",
) -> None:
    """Write ``data`` (bytes, or a function that writes to a binary file) to ``path`` whole.

    Raises:
        error: one line naming the file and why (the target is unchanged, no temp file left).
    """
    target = Path(os.path.realpath(path))
    folder = target.parent
    temp = folder / f".{target.name}.{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as caught:
        raise error(f"Cannot {verb} {path.name}: {describe_os_error(caught, folder)}.") from caught
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
        hint = " Free some space or choose another drive." if caught.errno == errno.ENOSPC else ""
        reason = describe_os_error(caught, folder)
        raise error(f"Cannot {verb} {path.name}: {reason}; nothing was written.{hint}") from caught
    except BaseException:
        _remove_quietly(temp)
        raise


def _remove_quietly(path: Path) -> None:
    """Remove a leftover temp file, ignoring errors."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
