"""Sampling parameters for a generation, with their defaults and settings keys."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any


@dataclass(frozen=True)
class SamplingParams:
    """How the model picks each next token.

    ``seed`` of -1 means a fresh random seed for every generation.
    """

    max_tokens: int = 200
    temperature: float = 0.8
    top_p: float = 0.95
    top_k: int = 40
    min_p: float = 0.05
    repeat_penalty: float = 1.1
    seed: int = -1

    def with_overrides(self, **overrides: Any) -> SamplingParams:
        """Return a copy with the given fields replaced (``None`` values are ignored)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def to_dict(self) -> dict[str, Any]:
        """Return the fields as a plain dict."""
        return asdict(self)

    @classmethod
    def from_settings(cls) -> SamplingParams:
        """Read the sampling settings stored by the app (defaults where unset)."""
        from writer.config import Key, get_setting

        return cls(
            max_tokens=int(get_setting(Key.MAX_TOKENS)),
            temperature=float(get_setting(Key.TEMPERATURE)),
            top_p=float(get_setting(Key.TOP_P)),
            top_k=int(get_setting(Key.TOP_K)),
            min_p=float(get_setting(Key.MIN_P)),
            repeat_penalty=float(get_setting(Key.REPEAT_PENALTY)),
            seed=int(get_setting(Key.SEED)),
        )
