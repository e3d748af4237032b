"""The documents open when Writer was last closed: which files, in which order, where.

Stored as one JSON text in the settings (``ui/open_documents``) and read back
at the next start. Reading never fails: anything unreadable is an empty
session.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class OpenDocument:
    """One saved document of the session: its file, cursor, scroll and encoding."""

    path: Path
    cursor: int = 0
    scroll: int = 0
    encoding: str = ""  # as it was read (chosen by the user, perhaps); "" to detect again


@dataclass(frozen=True)
class Session:
    """The open files in tab order, and which of them was shown (-1: none)."""

    documents: list[OpenDocument] = field(default_factory=list)
    current: int = -1

    def to_json(self) -> str:
        """Return the session as the JSON text kept in the settings."""
        return json.dumps(
            {
                "current": self.current,
                "documents": [
                    {
                        "path": str(doc.path),
                        "cursor": doc.cursor,
                        "scroll": doc.scroll,
                        "encoding": doc.encoding,
                    }
                    for doc in self.documents
                ],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: object) -> Session:
        """Return the session kept in ``text``; an empty one if it is missing or damaged."""
        try:
            data = json.loads(str(text)) if text else {}
        except ValueError:
            return cls()
        if not isinstance(data, dict):
            return cls()
        documents = []
        for item in data.get("documents") or []:
            if not isinstance(item, dict) or not item.get("path"):
                continue
            documents.append(
                OpenDocument(
                    Path(str(item["path"])),
                    cursor=_whole(item.get("cursor")),
                    scroll=_whole(item.get("scroll")),
                    encoding=str(item.get("encoding") or ""),
                )
            )
        current = _whole(data.get("current"), -1)
        return cls(documents, current if current < len(documents) else -1)


def _whole(value: object, fallback: int = 0) -> int:
    """Return ``value`` as a whole number of at least ``fallback``."""
    try:
        return max(fallback, int(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return fallback
