"""Sampling presets (Balanced, Creative, Precise, and the user's own) per purpose.

Built-in presets are data (``resources/presets.toml``); user presets are kept
in the settings as JSON. Each purpose (Continue, chat, templates) has its own
chosen preset and max tokens; the preset ``Custom`` means the sampling values
stored in the settings. Chat's choice also serves summaries and selection tools.
Templates may keep their own values (:data:`TEMPLATE_OWN`, and a length of 0).
"""

from __future__ import annotations

import json
import logging
import tomllib
from typing import Any

from writer.config import Key, get_setting, resources_dir, set_setting, settings
from writer.core.sampling import SamplingParams

log = logging.getLogger(__name__)

PURPOSES = ("continue", "chat", "template")
CUSTOM = "Custom"
#: The templates' preset that keeps each template's own sampling values.
TEMPLATE_OWN = "Template"
DEFAULT_PRESET = {"continue": CUSTOM, "chat": "Balanced", "template": TEMPLATE_OWN}
#: Max tokens per purpose; a template length of 0 keeps each template's own.
DEFAULT_MAX_TOKENS = {"continue": None, "chat": 400, "template": 0}
_FIELDS = ("temperature", "top_p", "top_k", "min_p", "repeat_penalty")
_USER_KEY = "presets/user"


def builtin_presets() -> dict[str, dict[str, float]]:
    """Return the presets shipped in ``resources/presets.toml``."""
    path = resources_dir() / "presets.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        log.warning("cannot read %s: %s", path, error)
        return {"Balanced": {}}
    return {name: _clean(values) for name, values in data.items() if isinstance(values, dict)}


def user_presets() -> dict[str, dict[str, float]]:
    """Return the presets the user saved."""
    raw = settings().value(_USER_KEY, "")
    try:
        data = json.loads(raw) if isinstance(raw, str) and raw else {}
    except (TypeError, ValueError):
        return {}
    return {name: _clean(values) for name, values in data.items() if isinstance(values, dict)}


def all_presets() -> dict[str, dict[str, float]]:
    """Return built-in then user presets (a user preset may not shadow a built-in one)."""
    presets = builtin_presets()
    for name, values in user_presets().items():
        presets.setdefault(name, values)
    return presets


def save_user_preset(name: str, params: SamplingParams) -> None:
    """Save ``params`` as the user preset ``name``."""
    presets = user_presets()
    presets[name] = {field: getattr(params, field) for field in _FIELDS}
    set_setting_raw(_USER_KEY, json.dumps(presets))


def delete_user_preset(name: str) -> None:
    """Remove the user preset ``name``."""
    presets = user_presets()
    presets.pop(name, None)
    set_setting_raw(_USER_KEY, json.dumps(presets))


def set_setting_raw(key: str, value: Any) -> None:
    """Store a setting whose key is not in :class:`Key`."""
    store = settings()
    store.setValue(key, value)
    store.sync()


def preset_for(purpose: str) -> str:
    """Return the preset chosen for ``purpose``."""
    return str(settings().value(f"sampling/preset_{purpose}", DEFAULT_PRESET[purpose]))


def set_preset_for(purpose: str, name: str) -> None:
    """Choose the preset for ``purpose``."""
    set_setting_raw(f"sampling/preset_{purpose}", name)


def max_tokens_for(purpose: str) -> int:
    """Return the max tokens for ``purpose`` (Continue's is the ``sampling/max_tokens`` key)."""
    if purpose == "continue":
        return int(get_setting(Key.MAX_TOKENS))
    default = int(DEFAULT_MAX_TOKENS[purpose] or 0)
    value = settings().value(f"sampling/max_tokens_{purpose}", default)
    try:
        return int(value) if isinstance(value, int | str) else default
    except (TypeError, ValueError):
        return default


def set_max_tokens_for(purpose: str, value: int) -> None:
    """Set the max tokens for ``purpose``."""
    if purpose == "continue":
        set_setting(Key.MAX_TOKENS, int(value))
    else:
        set_setting_raw(f"sampling/max_tokens_{purpose}", int(value))


def sampling_for(purpose: str) -> SamplingParams:
    """Return the sampling parameters to use for ``purpose`` (continue, chat, template)."""
    custom = SamplingParams.from_settings()
    name = preset_for(purpose)
    values = all_presets().get(name) if name not in (CUSTOM, TEMPLATE_OWN) else None
    params = custom.with_overrides(**values) if values else custom
    return params.with_overrides(max_tokens=max_tokens_for(purpose) or None)


def template_overrides() -> dict[str, Any]:
    """Return what the writer chose for templates, to beat each template's own values.

    Empty when both the preset and the length are left to the templates.
    """
    chosen: dict[str, Any] = {}
    if preset_for("template") != TEMPLATE_OWN:
        params = sampling_for("template")
        chosen = {field: getattr(params, field) for field in _FIELDS}
    if length := max_tokens_for("template"):
        chosen["max_tokens"] = length
    return chosen


def _clean(values: dict[str, Any]) -> dict[str, float]:
    """Keep the known sampling fields of a preset, as numbers."""
    clean: dict[str, float] = {}
    for field in _FIELDS:
        if field in values:
            try:
                clean[field] = int(values[field]) if field == "top_k" else float(values[field])
            except (TypeError, ValueError):
                log.warning("ignoring preset value %s=%r", field, values[field])
    return clean
