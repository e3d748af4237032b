"""What Writer keeps beside a document: story notes and the assistant conversation.

For ``chapter.md`` this is the hidden file ``.chapter.md.writer.json`` in the
same folder, so it travels with the document. Unsaved documents have none.
Writes are atomic (temp file, then rename), so a crash never leaves half a file.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SUFFIX = ".writer.json"


def sidecar_path(document: Path) -> Path:
    """Return the sidecar file of ``document``."""
    return document.with_name(f".{document.name}{SUFFIX}")


def load_sidecar(document: Path) -> dict[str, Any]:
    """Return the sidecar data of ``document`` (empty when there is none or it is broken)."""
    path = sidecar_path(document)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.warning("ignoring unreadable sidecar %s: %s", path, error)
        return {}
    return data if isinstance(data, dict) else {}


def update_sidecar(document: Path, **values: Any) -> None:
    """Merge ``values`` into the sidecar of ``document`` and write it atomically.

    A value of ``None`` removes its key. The file is removed when nothing is left.
    """
    data = load_sidecar(document)
    for key, value in values.items():
        if value is None or value == "" or value == []:
            data.pop(key, None)
        else:
            data[key] = value
    path = sidecar_path(document)
    if not data:
        path.unlink(missing_ok=True)
        return
    write_json_atomically(path, data)


def write_json_atomically(path: Path, data: Any) -> None:
    """Write ``data`` as JSON to ``path`` whole (temp file, fsync, rename): never half-written.

    Raises:
        OSError: the file cannot be written (``path`` is unchanged, no temp file is left).
    """
    fd, temp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
