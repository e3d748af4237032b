"""Model quality: fixed passages, the figures measured on them, and where they are kept.

Plain Python, no Qt. A model's quality is measured on fixed public-domain
passages (``resources/passages/en.txt`` and ``zh.txt``): bits per character
(how surprised the model is by real text; lower is better) and tokens per
character (how many steps it needs to write one character; fewer is faster).
The engine computes them (:mod:`writer.engine.scoring`); this module keeps the
last figures of each model in ``<data>/quality.json`` so the model manager and
the language check can read them without measuring again.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

from writer.config import data_dir, resources_dir
from writer.core.sidecar import write_json_atomically

if TYPE_CHECKING:
    from pathlib import Path

log = logging.getLogger(__name__)

#: The languages with a fixed passage.
PASSAGE_LANGUAGES: tuple[str, ...] = ("en", "zh")
STORE_FILE_NAME = "quality.json"
#: Above this many bits per Chinese character a model does not really write Chinese
#: (on the 《故乡》 passage SmolLM2-135M scores 6.97, Gemma 3 270M 5.56).
CHINESE_BITS_PER_CHAR_LIMIT = 6.5


def passage(language: str) -> str:
    """Return the fixed passage in ``language`` ("en" or "zh"), without surrounding space."""
    path = resources_dir() / "passages" / f"{language}.txt"
    return path.read_text(encoding="utf-8").strip()


@dataclass(frozen=True)
class PassageScore:
    """How a model did on one passage."""

    characters: int
    tokens: int
    bits: float  # the passage's total surprise, -sum(log2 p(token))

    @property
    def bits_per_char(self) -> float:
        """Return bits per character (lower is better)."""
        return self.bits / self.characters if self.characters else 0.0

    @property
    def tokens_per_char(self) -> float:
        """Return tokens per character (lower means fewer steps per character)."""
        return self.tokens / self.characters if self.characters else 0.0

    @property
    def chars_per_token(self) -> float:
        """Return characters per token."""
        return self.characters / self.tokens if self.tokens else 0.0


@dataclass(frozen=True)
class QualityFigures:
    """The figures of one model: per-passage scores and generation speed."""

    model: str  # the model file's name
    bits_per_char_en: float
    bits_per_char_zh: float
    tokens_per_char_en: float
    tokens_per_char_zh: float
    tokens_per_s: float = 0.0  # generation after the Chinese passage
    chars_per_s: float = 0.0
    size: int = 0  # the model file's size, so a replaced file is not taken for the old one
    measured: float = 0.0  # time.time() of the measurement

    @property
    def chars_per_token_zh(self) -> float:
        """Return Chinese characters per token."""
        return 1 / self.tokens_per_char_zh if self.tokens_per_char_zh else 0.0

    @property
    def writes_chinese(self) -> bool:
        """Return whether the Chinese score says the model writes Chinese."""
        return 0 < self.bits_per_char_zh <= CHINESE_BITS_PER_CHAR_LIMIT

    @classmethod
    def from_scores(
        cls,
        model: Path,
        scores: dict[str, PassageScore],
        *,
        tokens_per_s: float = 0.0,
        chars_per_s: float = 0.0,
    ) -> QualityFigures:
        """Build the figures of ``model`` from its passage scores."""
        try:
            size = model.stat().st_size
        except OSError:
            size = 0
        return cls(
            model=model.name,
            bits_per_char_en=round(scores["en"].bits_per_char, 4),
            bits_per_char_zh=round(scores["zh"].bits_per_char, 4),
            tokens_per_char_en=round(scores["en"].tokens_per_char, 4),
            tokens_per_char_zh=round(scores["zh"].tokens_per_char, 4),
            tokens_per_s=round(tokens_per_s, 2),
            chars_per_s=round(chars_per_s, 2),
            size=size,
            measured=time.time(),
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QualityFigures | None:
        """Return figures read back from JSON, or None when they are not usable."""
        names = {f.name for f in fields(cls)}
        try:
            return cls(**{key: value for key, value in data.items() if key in names})
        except TypeError:
            return None


def store_path() -> Path:
    """Return the file that keeps the last figures of each model."""
    return data_dir() / STORE_FILE_NAME


def load_figures() -> dict[str, QualityFigures]:
    """Return the last figures of every measured model, by model file name."""
    try:
        data = json.loads(store_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.warning("ignoring unreadable quality figures %s: %s", store_path(), error)
        return {}
    result: dict[str, QualityFigures] = {}
    for name, row in (data.get("models", {}) if isinstance(data, dict) else {}).items():
        figures = QualityFigures.from_dict(row) if isinstance(row, dict) else None
        if figures is not None:
            result[name] = figures
    return result


def figures_for(model: Path) -> QualityFigures | None:
    """Return the last figures of ``model``, unless the file changed since they were measured."""
    figures = load_figures().get(model.name)
    if figures is None:
        return None
    try:
        size = model.stat().st_size
    except OSError:
        return figures
    return figures if not figures.size or figures.size == size else None


def save_figures(figures: QualityFigures) -> None:
    """Keep ``figures`` as the last ones of their model (an atomic write)."""
    rows = {name: asdict(value) for name, value in load_figures().items()}
    rows[figures.model] = asdict(figures)
    path = store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_json_atomically(path, {"models": rows})
