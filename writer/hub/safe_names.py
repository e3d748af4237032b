"""Which file names from the hub may be saved under the models folder.

Plain Python. A repository lists its files by path; a path that is absolute,
climbs with ``..``, names a drive (``C:``), uses backslashes or holds control
characters would be saved outside ``<models>/<owner>/<repo>/``. Such a file is
neither listed nor downloaded.
"""

from __future__ import annotations

#: Characters no hub file name of ours may hold: Windows separators and drives, NUL.
_FORBIDDEN = ("\\", ":", "\x00")


def is_safe_name(path: str) -> bool:
    """Return whether ``path`` (a repository's file, or ``owner/repo``) stays in its folder."""
    if not path or path.startswith("/"):
        return False
    if any(bad in path for bad in _FORBIDDEN) or any(ord(ch) < 32 for ch in path):
        return False
    return all(piece not in ("..", ".", "") for piece in path.split("/"))
