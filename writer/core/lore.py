"""The lorebook: entries that enter the Continue prompt when the story mentions them.

An entry has a title, trigger keys, content, a priority and an "always"
flag. It is triggered when one of its keys appears in the recent text (the
end of the text before the cursor):

- a key of Latin letters or digits matches whole words, case-insensitively
  ("Mara" matches "mara's" but not "Marathon");
- a key with Chinese (or other CJK) characters matches as a substring at its
  CJK ends ("灯塔" matches "灯塔守护人");
- a key written ``/pattern/flags`` (SillyTavern's form) is a regular
  expression; flag ``i`` ignores case.

Triggered entries are then cut to a token budget by priority ("always"
entries first, then higher priority, then earlier in the book).

Entries live in two places, merged for a document: its sidecar (key
``lore``) and a project-wide file shared by the documents of one folder,
:data:`PROJECT_FILE`. A document entry shadows a project entry of the same
title.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from writer.core.sidecar import load_sidecar, update_sidecar, write_json_atomically

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from pathlib import Path

log = logging.getLogger(__name__)

#: The project-wide lorebook in a folder, shared by every document there.
PROJECT_FILE = ".lorebook.writer.json"
#: Sidecar key of a document's own entries.
SIDECAR_KEY = "lore"
#: How many characters at the end of the text before the cursor are scanned for keys.
DEFAULT_SCAN_CHARS = 3000
#: Tokens the triggered entries may take together.
DEFAULT_BUDGET_TOKENS = 512

_REGEX_KEY = re.compile(r"^/(.+)/([a-z]*)$", re.DOTALL)


@dataclass(frozen=True)
class LoreEntry:
    """One lorebook entry."""

    title: str
    keys: tuple[str, ...] = ()
    content: str = ""
    priority: int = 0
    always: bool = False
    enabled: bool = True

    def to_dict(self) -> dict[str, Any]:
        """Return the entry as plain JSON data (``enabled`` only when off)."""
        data: dict[str, Any] = {
            "title": self.title,
            "keys": list(self.keys),
            "content": self.content,
            "priority": self.priority,
            "always": self.always,
        }
        if not self.enabled:
            data["enabled"] = False
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LoreEntry:
        """Return the entry stored as ``data`` (Writer's own shape)."""
        keys = data.get("keys", ())
        if isinstance(keys, str):
            keys = keys.split(",")
        return cls(
            title=str(data.get("title", "")).strip(),
            keys=tuple(str(k).strip() for k in keys if str(k).strip()),
            content=str(data.get("content", "")),
            priority=_as_int(data.get("priority", 0)),
            always=bool(data.get("always", False)),
            enabled=bool(data.get("enabled", True)),
        )


def _as_int(value: Any) -> int:
    """Return ``value`` as an int (0 when it is not a number)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@dataclass(frozen=True)
class Trigger:
    """Why an entry was triggered: the key that matched and where, or "always"."""

    entry: LoreEntry
    key: str  # "" for an always-included entry
    position: int  # offset of the match in the scanned text (-1 for "always")

    @property
    def why(self) -> str:
        """Return a one-line reason for the inspector."""
        if not self.key:
            return "always included"
        if _REGEX_KEY.match(self.key):
            return f"pattern {self.key} matched in the recent text"
        return f"key “{self.key}” in the recent text"


@dataclass(frozen=True)
class Selection:
    """The entries that go into the prompt and those cut to fit the budget."""

    kept: tuple[tuple[Trigger, int], ...]  # (trigger, tokens), in prompt order
    cut: tuple[tuple[Trigger, int], ...]  # (trigger, tokens) left out for the budget
    tokens: int  # tokens of the kept entries


# -- matching ------------------------------------------------------------------


def _is_cjk(char: str) -> bool:
    """Return whether ``char`` is a CJK ideograph, kana or hangul (no word spaces)."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
    )


def _is_word_char(char: str) -> bool:
    """Return whether ``char`` continues a (non-CJK) word."""
    return (char.isalnum() or char == "_") and not _is_cjk(char)


@functools.lru_cache(maxsize=4096)
def _compiled(key: str) -> re.Pattern[str] | None:
    """Return the regular expression of a ``/pattern/flags`` key (None when it is invalid)."""
    match = _REGEX_KEY.match(key)
    if match is None:
        return None
    flags = re.IGNORECASE if "i" in match.group(2) else 0
    try:
        return re.compile(match.group(1), flags | re.MULTILINE)
    except re.error as error:
        log.info("ignoring invalid lore pattern %s: %s", key, error)
        return None


#: A run of word characters, CJK excepted (CJK text has no spaces between words).
_WORD = re.compile(
    r"[^\W\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF\U00020000-\U0003FFFF]+"
)


@functools.lru_cache(maxsize=65536)
def _key_kind(key: str) -> tuple[str, str]:
    """Return how a key matches: ("regex", key), ("word", needle) or ("text", needle)."""
    if _REGEX_KEY.match(key):
        return "regex", key
    needle = unicodedata.normalize("NFC", key).casefold().strip()
    if _WORD.fullmatch(needle):
        return "word", needle
    return "text", needle


class _ScanText:
    """The recent text, prepared once for many keys: folded, and its words' last positions."""

    def __init__(self, recent: str) -> None:
        self.text = unicodedata.normalize("NFC", recent)
        folded = self.text.casefold()
        if len(folded) != len(self.text):  # rare special casings (ß → ss): keep offsets
            folded = self.text.lower()
        self.folded = folded
        self._words: set[str] | None = None

    def word_position(self, word: str) -> int:
        """Return about where ``word`` last occurs as a whole word (for ordering), or -1."""
        if self._words is None:
            self._words = set(_WORD.findall(self.folded))
        return self.folded.rfind(word) if word in self._words else -1


def find_key(key: str, text: str, folded: str) -> int:
    """Return the offset of the last match of ``key`` in ``text``, or -1.

    ``folded`` is ``text.casefold()`` computed once by the caller (same length
    as ``text`` for the scripts lore keys use; positions are only used to order).
    """
    kind, needle = _key_kind(key)
    if kind == "regex":
        pattern = _compiled(key)
        if pattern is None:
            return -1
        last = -1
        for match in pattern.finditer(text):
            last = match.start()
        return last
    if not needle:
        return -1
    check_start = _is_word_char(needle[0])
    check_end = _is_word_char(needle[-1])
    end = len(folded)
    while True:
        index = folded.rfind(needle, 0, end)
        if index < 0:
            return -1
        after = index + len(needle)
        ok_start = not check_start or index == 0 or not _is_word_char(folded[index - 1])
        ok_end = not check_end or after >= len(folded) or not _is_word_char(folded[after])
        if ok_start and ok_end:
            return index
        end = index + len(needle) - 1
        if end <= 0:
            return -1


def match_entries(entries: Iterable[LoreEntry], recent: str) -> list[Trigger]:
    """Return the triggers of ``entries`` in ``recent`` (always-included entries too)."""
    scan = _ScanText(recent)
    triggers: list[Trigger] = []
    for entry in entries:
        if not entry.enabled or not entry.content.strip():
            continue
        if entry.always:
            triggers.append(Trigger(entry, "", -1))
            continue
        best: Trigger | None = None
        for key in entry.keys:
            kind, needle = _key_kind(key)
            if kind == "word":
                position = scan.word_position(needle)
            else:
                position = find_key(key, scan.text, scan.folded)
            if position >= 0 and (best is None or position > best.position):
                best = Trigger(entry, key, position)
        if best is not None:
            triggers.append(best)
    return triggers


def select_entries(
    triggers: Sequence[Trigger],
    budget: int,
    count_tokens: Callable[[str], int],
    *,
    order: dict[str, int] | None = None,
) -> Selection:
    """Cut ``triggers`` to ``budget`` tokens by priority; return what is kept, in prompt order.

    Always-included entries rank first, then higher priority, then the entry
    mentioned most recently. The kept entries are then placed in the order
    they first entered the prompt (``order``, updated here: title → rank), so
    a newly triggered entry goes after the others and leaves their cached
    tokens valid.
    """
    ranked = sorted(
        enumerate(triggers),
        key=lambda item: (
            not item[1].entry.always,
            -item[1].entry.priority,
            -item[1].position,
            item[0],
        ),
    )
    kept: list[tuple[Trigger, int]] = []
    cut: list[tuple[Trigger, int]] = []
    used = 0
    for _index, trigger in ranked:
        tokens = count_tokens(entry_text(trigger.entry))
        if used + tokens <= budget:
            kept.append((trigger, tokens))
            used += tokens
        else:
            cut.append((trigger, tokens))
    if order is not None:
        for trigger, _tokens in kept:
            order.setdefault(trigger.entry.title, len(order))
        kept.sort(key=lambda item: order[item[0].entry.title])
    return Selection(tuple(kept), tuple(cut), used)


def entry_text(entry: LoreEntry) -> str:
    """Return how an entry reads in the prompt."""
    return f"[{entry.title}: {entry.content.strip()}]\n"


# -- storage -------------------------------------------------------------------


@dataclass
class Lorebook:
    """A document's lore: its own entries and its folder's shared ones."""

    document: list[LoreEntry] = field(default_factory=list)
    project: list[LoreEntry] = field(default_factory=list)

    def entries(self) -> list[LoreEntry]:
        """Return the entries in effect: the document's, then the project's not shadowed."""
        titles = {entry.title for entry in self.document}
        return self.document + [e for e in self.project if e.title not in titles]


def project_file(document: Path) -> Path:
    """Return the project-wide lorebook file of ``document``'s folder."""
    return document.parent / PROJECT_FILE


def entries_from_data(data: Any) -> list[LoreEntry]:
    """Return entries stored in Writer's shape: a list, or ``{"entries": [...]}``."""
    if isinstance(data, dict):
        data = data.get("entries", [])
    if not isinstance(data, list):
        return []
    entries = [LoreEntry.from_dict(item) for item in data if isinstance(item, dict)]
    return [entry for entry in entries if entry.title]


def load_lorebook(document: Path | None) -> Lorebook:
    """Return the lore of ``document`` (empty for an unsaved document)."""
    if document is None:
        return Lorebook()
    own = entries_from_data(load_sidecar(document).get(SIDECAR_KEY, []))
    shared: list[LoreEntry] = []
    path = project_file(document)
    try:
        shared = entries_from_data(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as error:
        log.warning("ignoring unreadable project lorebook %s: %s", path, error)
    return Lorebook(own, shared)


def save_document_lore(document: Path, entries: Sequence[LoreEntry]) -> None:
    """Store a document's own entries in its sidecar (atomically)."""
    update_sidecar(document, **{SIDECAR_KEY: [entry.to_dict() for entry in entries]})


def save_project_lore(document: Path, entries: Sequence[LoreEntry]) -> None:
    """Store the entries shared by ``document``'s folder (atomically; removed when empty)."""
    write_lore_file(project_file(document), entries, remove_when_empty=True)


def write_lore_file(
    path: Path, entries: Sequence[LoreEntry], *, remove_when_empty: bool = False
) -> None:
    """Write ``entries`` as Writer's plain JSON lorebook, atomically."""
    if remove_when_empty and not entries:
        path.unlink(missing_ok=True)
        return
    data = {
        "format": "writer-lorebook",
        "version": 1,
        "entries": [entry.to_dict() for entry in entries],
    }
    write_json_atomically(path, data)
