"""Reading lorebooks writers already have: Writer's JSON, KoboldAI and SillyTavern world info.

Shapes understood (one entry normalizer covers them, since they share field names):

- Writer: ``{"entries": [{title, keys, content, priority, always}]}`` or a bare list.
- KoboldAI Lite / KoboldCpp: a list of ``{key: "a,b", keysecondary, content, comment,
  constant, selective}``; a KoboldAI story save: ``{"worldinfo": [...]}``; KoboldAI
  United: ``{"folders": ..., "entries": {"0": {title, key: [...], content, constant}}}``
  or ``{"worldinfo_v2": {...}}``.
- SillyTavern world info: ``{"entries": {"0": {uid, key: [...], keysecondary, comment,
  content, constant, order, disable}}}``; a character card's book: ``{"entries": [{keys,
  content, name, priority, insertion_order, constant, enabled}]}`` (also inside
  ``{"data": {"character_book": ...}}``).

Mapping: the title is ``title``, else ``comment``, else ``name``, else the first key;
"always" is ``always`` or ``constant``; the priority is ``priority``, else SillyTavern's
``order`` / ``insertion_order`` minus 100 (its default order, 100, is Writer's default
priority, 0); KoboldAI has none (0). Secondary keys are not used by Writer and are dropped.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from writer.core.lore import LoreEntry
from writer.errors import WriterError

if TYPE_CHECKING:
    from pathlib import Path

#: SillyTavern's default insertion order, which maps to priority 0.
ST_DEFAULT_ORDER = 100


class LoreFormatError(WriterError):
    """A file is not a lorebook Writer can read; the message says why."""


def read_lore_file(path: Path) -> list[LoreEntry]:
    """Return the entries of a Writer, KoboldAI or SillyTavern lorebook file.

    Raises:
        LoreFormatError: the file cannot be read, is not JSON, or holds no entries.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as error:
        raise LoreFormatError(f"{path.name} does not exist.") from error
    except OSError as error:
        raise LoreFormatError(f"Cannot read {path.name}: {error.strerror}.") from error
    except UnicodeDecodeError as error:
        raise LoreFormatError(f"{path.name} is not a text file.") from error
    except ValueError as error:
        raise LoreFormatError(f"{path.name} is not valid JSON ({error}).") from error
    entries = parse_lore(data)
    if not entries:
        raise LoreFormatError(
            f"{path.name} holds no lorebook entries (Writer, KoboldAI or SillyTavern world info)."
        )
    return entries


def parse_lore(data: Any) -> list[LoreEntry]:
    """Return the entries of lorebook JSON data in any of the understood shapes."""
    items = _raw_entries(data)
    entries = [_entry(item) for item in items if isinstance(item, dict)]
    return [entry for entry in entries if entry is not None]


def _raw_entries(data: Any) -> list[Any]:
    """Return the list of raw entry objects, in the book's order."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return []
    for wrapper in ("worldinfo_v2", "character_book", "data"):
        inner = data.get(wrapper)
        if isinstance(inner, dict) and ("entries" in inner or "character_book" in inner):
            return _raw_entries(inner)
    if isinstance(data.get("worldinfo"), list):
        return data["worldinfo"]
    entries = data.get("entries")
    if isinstance(entries, list):
        return entries
    if isinstance(entries, dict):
        return [entries[key] for key in sorted(entries, key=_uid_order(entries))]
    return []


def _uid_order(entries: dict[str, Any]):
    """Return a sort key for a dict of entries: numeric keys (uids) in number order."""

    def key(name: str) -> tuple[int, int, str]:
        item = entries.get(name)
        uid = item.get("uid") if isinstance(item, dict) else None
        if isinstance(uid, int):
            return (0, uid, name)
        return (0, int(name), name) if name.isdigit() else (1, 0, name)

    return key


def _keys(value: Any) -> tuple[str, ...]:
    """Return keys given as a list or a comma-separated string."""
    if isinstance(value, str):
        if value.startswith("/") and value.rstrip("gimsuy").endswith("/") and len(value) > 2:
            return (value,)  # one regular expression, commas and all
        value = value.split(",")
    if not isinstance(value, list | tuple):
        return ()
    return tuple(str(key).strip() for key in value if str(key).strip())


def _priority(item: dict[str, Any]) -> int:
    """Return Writer's priority for a raw entry."""
    for name in ("priority",):
        if isinstance(item.get(name), int | float) and not isinstance(item.get(name), bool):
            return int(item[name])
    for name in ("order", "insertion_order"):
        value = item.get(name)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return int(value) - ST_DEFAULT_ORDER
    return 0


def _entry(item: dict[str, Any]) -> LoreEntry | None:
    """Return the entry of one raw object, or None when it has no content."""
    keys = _keys(item.get("keys", item.get("key", ())))
    content = str(item.get("content") or "").strip()
    if not content:
        return None
    title = ""
    for name in ("title", "comment", "name"):
        value = item.get(name)
        if isinstance(value, str) and value.strip():
            title = value.strip()
            break
    if not title:
        title = keys[0] if keys else content[:40]
    enabled = not item.get("disable", False) and item.get("enabled", True) is not False
    return LoreEntry(
        title=title,
        keys=keys,
        content=content,
        priority=_priority(item),
        always=bool(item.get("always") or item.get("constant")),
        enabled=bool(enabled),
    )
