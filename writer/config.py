"""Where every file of the app lives, and the settings keys.

One place decides the paths of settings, data, models, recovery copies and
logs. ``WRITER_HOME`` puts all of them under one folder (portable mode; the
tests use it).
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

from writer import APP_NAME


class Key(StrEnum):
    """Settings keys, as ``section/key`` strings stored in the INI file."""

    LAST_MODEL = "model/last_used"
    LAST_SERVER = "model/last_server"  # JSON {url, model, n_ctx} of a server model; "" for a file
    SERVERS = "servers/list"  # JSON list of {url, model, n_ctx}; keys live in the keychain
    CONTEXT_SIZE = "engine/context_size"
    THREADS = "engine/threads"
    GPU_LAYERS = "engine/gpu_layers"  # "auto", or a number of layers (0 = CPU only)
    MAX_TOKENS = "sampling/max_tokens"
    TEMPERATURE = "sampling/temperature"
    TOP_P = "sampling/top_p"
    TOP_K = "sampling/top_k"
    MIN_P = "sampling/min_p"
    REPEAT_PENALTY = "sampling/repeat_penalty"
    SEED = "sampling/seed"  # -1 = random
    LANGUAGE = "ui/language"
    THEME = "ui/theme"
    RECENT_FILES = "ui/recent_files"
    LAST_FOLDER = "ui/last_folder"  # where a document was last opened or saved
    REOPEN_DOCUMENTS = "ui/reopen_documents"  # reopen the files open at the last close
    OPEN_DOCUMENTS = "ui/open_documents"  # JSON: the files open at the last close (session)
    WINDOW_GEOMETRY = "ui/window_geometry"
    WINDOW_STATE = "ui/window_state"
    EDITOR_FONT = "editor/font"
    EDITOR_FONT_SIZE = "editor/font_size"
    EDITOR_WRAP = "editor/wrap"
    EDITOR_LINE_WIDTH = "editor/line_width"  # characters; 0 = the window's width
    WELCOMED = "ui/welcomed"
    AUTOSAVE_SECONDS = "editor/autosave_seconds"
    MODELS_DIR = "paths/models"
    LORE_ENABLED = "context/lore_enabled"
    LORE_BUDGET = "context/lore_budget"  # tokens the triggered lore entries may take
    LORE_SCAN_CHARS = "context/lore_scan_chars"  # characters before the cursor scanned for keys
    AUTHORS_NOTE_DEPTH = "context/authors_note_depth"  # paragraphs before the end
    USE_TEXT_AFTER = "context/use_text_after"  # Continue in the middle sees what follows
    STORY_SO_FAR = "context/story_so_far"  # summarize the text before the window when idle
    STARTER_INTRODUCED = "model/starter_introduced"  # the Chinese starter's terms were shown
    CANDIDATES = "choices/candidates"  # how many candidates Continue with Choices writes, 1-6
    SHOW_ALTERNATIVES = "choices/show_alternatives"
    TINT_UNLIKELY = "choices/tint_unlikely"  # tint words the model gave a low probability
    CHAT_ATTACH_DRAFT = "assistant/attach_draft"  # the chat sees the document on screen


DEFAULTS: dict[Key, Any] = {
    Key.CONTEXT_SIZE: 4096,
    Key.THREADS: 0,  # 0 = let llama.cpp decide
    Key.GPU_LAYERS: "auto",
    Key.MAX_TOKENS: 200,
    Key.TEMPERATURE: 0.8,
    Key.TOP_P: 0.95,
    Key.TOP_K: 40,
    Key.MIN_P: 0.05,
    Key.REPEAT_PENALTY: 1.1,
    Key.SEED: -1,
    Key.LANGUAGE: "system",
    Key.THEME: "system",
    Key.EDITOR_WRAP: True,
    Key.EDITOR_FONT_SIZE: 12,
    Key.EDITOR_LINE_WIDTH: 0,
    Key.WELCOMED: False,
    Key.REOPEN_DOCUMENTS: True,
    Key.AUTOSAVE_SECONDS: 2,
    Key.LORE_ENABLED: True,
    Key.LORE_BUDGET: 512,
    Key.LORE_SCAN_CHARS: 3000,
    Key.AUTHORS_NOTE_DEPTH: 3,
    Key.USE_TEXT_AFTER: True,
    Key.STORY_SO_FAR: True,
    Key.STARTER_INTRODUCED: False,
    Key.CANDIDATES: 3,
    Key.SHOW_ALTERNATIVES: False,
    Key.TINT_UNLIKELY: False,
    Key.CHAT_ATTACH_DRAFT: True,
}


class SettingsGroup(StrEnum):
    """What applying changed settings affects; the settings dialog reports a set of these."""

    ENGINE = "engine"  # context, threads, GPU layers: the model is loaded again
    SAMPLING = "sampling"  # temperature, presets, lengths: read by the next job
    EDITOR = "editor"  # font, size, wrap, line width, autosave pause
    THEME = "theme"
    LANGUAGE = "language"
    PATHS = "paths"  # the models folder


#: A change of settings: the groups whose values changed.
SettingsChange = frozenset[SettingsGroup]


def _home_override() -> Path | None:
    """Return the portable-mode folder from ``WRITER_HOME``, if set."""
    value = os.environ.get("WRITER_HOME", "").strip()
    return Path(value).expanduser() if value else None


def _platform_base(kind: str) -> Path:
    """Return the per-user base folder for ``config`` or ``data`` on this platform."""
    home = Path.home()
    if sys.platform == "win32":
        root = os.environ.get("APPDATA") if kind == "config" else os.environ.get("LOCALAPPDATA")
        return Path(root or home / "AppData" / "Roaming") / APP_NAME
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP_NAME
    env = "XDG_CONFIG_HOME" if kind == "config" else "XDG_DATA_HOME"
    fallback = home / (".config" if kind == "config" else ".local/share")
    return Path(os.environ.get(env) or fallback) / APP_NAME


def config_dir() -> Path:
    """Return the folder that holds the settings file."""
    home = _home_override()
    return home / "config" if home else _platform_base("config")


def data_dir() -> Path:
    """Return the folder for data files (conversations, templates, logs)."""
    home = _home_override()
    return home / "data" if home else _platform_base("data")


def models_dir() -> Path:
    """Return the folder that downloaded and imported models go to."""
    home = _home_override()
    if home:
        return home / "models"
    custom = get_setting(Key.MODELS_DIR)
    return Path(custom) if custom else data_dir() / "models"


def recovery_dir() -> Path:
    """Return the folder that holds autosaved recovery copies."""
    return data_dir() / "recovery"


def log_dir() -> Path:
    """Return the folder that holds the rotating log file."""
    return data_dir() / "logs"


def user_templates_dir() -> Path:
    """Return the folder where users put their own templates."""
    return data_dir() / "templates"


def settings_path() -> Path:
    """Return the path of the INI settings file."""
    return config_dir() / "settings.ini"


def resources_dir() -> Path:
    """Return the folder holding templates, prompts, translations and the catalogue."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    package = Path(__file__).resolve().parent
    for candidate in (package.parent / "resources", package / "resources"):
        if candidate.is_dir():
            return candidate
    return package.parent / "resources"


def settings():  # -> QSettings (imported lazily so plain-Python callers stay light)
    """Return the app's QSettings, stored as INI under :func:`config_dir`."""
    from PySide6.QtCore import QSettings

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def get_setting(key: Key, default: Any = None) -> Any:
    """Read one setting, converted to the type of its default."""
    fallback = DEFAULTS.get(key, default) if default is None else default
    value = settings().value(key.value, fallback)
    if isinstance(fallback, bool) and isinstance(value, str):
        return value.lower() in ("1", "true", "yes", "on")
    if isinstance(fallback, int) and not isinstance(fallback, bool) and isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return fallback
    if isinstance(fallback, float) and isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return fallback
    return value


def set_setting(key: Key, value: Any) -> None:
    """Store one setting and write it to disk."""
    store = settings()
    store.setValue(key.value, value)
    store.sync()
