"""A lock on a file that holds across processes: two Writers never write one download.

``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows; the operating system
releases it when the process ends, even after ``kill -9``, so a crashed
download never leaves a lock behind.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import threading
    from collections.abc import Callable
    from pathlib import Path

#: Seconds between two attempts while another process holds the lock.
POLL_SECONDS = 0.2


class FileLock:
    """An exclusive lock on ``path`` (created if missing), held by one process at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        """Take the lock if it is free; return whether this process holds it now."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def acquire(
        self, cancel: threading.Event | None = None, on_wait: Callable[[], None] | None = None
    ) -> bool:
        """Wait for the lock; return False if ``cancel`` was set first.

        ``on_wait`` is called once when another process holds the lock.
        """
        told = False
        while not self.try_acquire():
            if not told and on_wait is not None:
                on_wait()
            told = True
            if cancel is not None and cancel.wait(POLL_SECONDS):
                return False
            if cancel is None:
                time.sleep(POLL_SECONDS)
        return True

    def release(self) -> None:
        """Let the next process have the lock."""
        if self._fd is None:
            return
        try:
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None


if os.name == "nt":  # pragma: no cover - Windows
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
