"""The assistant's prompts, read from TOML files under ``resources/prompts/``.

Every prompt is a table with a ``label``, a ``system`` and a ``user`` text, each
in English (``en``) and Chinese (``zh``); ``{placeholders}`` in them are filled
in when the prompt is used. A user can copy a file to ``<data folder>/prompts/``
and edit it: tables there replace the shipped ones of the same name.
Tones for "Change tone" are the tables under ``[tones]``.
"""

from __future__ import annotations

import functools
import logging
import re
import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from writer.core.chat_prompt import ChatMessage

if TYPE_CHECKING:
    from pathlib import Path

log = logging.getLogger(__name__)

LANGUAGES = ("en", "zh")

#: Han ideographs and kana; a text where they outnumber Latin words is treated as Chinese.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")


class PromptError(LookupError):
    """A prompt is missing from the prompt files."""


def detect_language(text: str, *, sample: int = 20_000) -> str:
    """Return "zh" for mostly Chinese (or Japanese) text, else "en" (from a sample of it)."""
    if len(text) > sample:
        step = len(text) // 4
        text = "".join(text[i * step : i * step + sample // 4] for i in range(4))
    cjk = len(_CJK.findall(text))
    words = len(_LATIN_WORD.findall(text))
    return "zh" if cjk > words else "en"


@dataclass(frozen=True)
class Prompt:
    """One prompt in one language."""

    name: str
    language: str
    label: str
    system: str
    user: str

    def messages(self, **values: Any) -> list[ChatMessage]:
        """Return the system and user messages with ``values`` filled in."""
        messages = []
        if self.system:
            messages.append(ChatMessage("system", self.system.format_map(values)))
        if self.user:
            messages.append(ChatMessage("user", self.user.format_map(values)))
        return messages


def prompt_folders() -> list[Path]:
    """Return the folders prompts are read from, the later overriding the earlier."""
    from writer.config import data_dir, resources_dir

    return [resources_dir() / "prompts", data_dir() / "prompts"]


class PromptLibrary:
    """All prompts, by name."""

    def __init__(self, tables: dict[str, dict[str, Any]]) -> None:
        self._tables = tables

    @classmethod
    def load(cls, folders: list[Path] | None = None) -> PromptLibrary:
        """Read every ``*.toml`` in ``folders`` (default: the shipped and the user's)."""
        tables: dict[str, dict[str, Any]] = {}
        for folder in folders if folders is not None else prompt_folders():
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.toml")):
                try:
                    data = tomllib.loads(path.read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
                    log.warning("ignoring prompt file %s: %s", path, error)
                    continue
                tones = data.pop("tones", None)
                if isinstance(tones, dict):
                    tables.setdefault("tones", {}).update(tones)
                tables.update({k: v for k, v in data.items() if isinstance(v, dict)})
        return cls(tables)

    def names(self) -> list[str]:
        """Return the names of the prompts."""
        return [name for name in self._tables if name != "tones"]

    def get(self, name: str, language: str = "en") -> Prompt:
        """Return prompt ``name`` in ``language`` (English where that variant is missing)."""
        table = self._tables.get(name)
        if table is None or name == "tones":
            raise PromptError(f"The prompt “{name}” is missing from the prompt files.")
        return Prompt(
            name=name,
            language=language,
            label=_variant(table.get("label", name), language),
            system=_variant(table.get("system", ""), language),
            user=_variant(table.get("user", ""), language),
        )

    def tones(self, language: str = "en") -> dict[str, str]:
        """Return the tones for "Change tone": key -> label in ``language``."""
        return {
            key: _variant(table.get("label", key), language)
            for key, table in self._tables.get("tones", {}).items()
            if isinstance(table, dict)
        }


def _variant(value: Any, language: str) -> str:
    """Return the ``language`` variant of a prompt field (a string, or a dict by language)."""
    if isinstance(value, dict):
        return str(value.get(language) or value.get("en") or next(iter(value.values()), ""))
    return str(value)


@functools.cache
def _default_library() -> PromptLibrary:
    return PromptLibrary.load()


def library() -> PromptLibrary:
    """Return the app's prompt library (read once)."""
    return _default_library()


def reload_library() -> PromptLibrary:
    """Read the prompt files again (after the user edited them) and return the library."""
    _default_library.cache_clear()
    return _default_library()
