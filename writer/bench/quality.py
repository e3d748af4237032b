"""``writer bench --only quality``: how well a model knows English and Chinese, and its speed.

Bits per character and tokens per character on the fixed passages in
``resources/passages`` (deterministic: the same model gives the same figures
every run), then greedy generation speed after the Chinese passage in tokens
and characters per second. The figures are also kept in the data folder, where
the model manager shows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from writer.bench import Figure
from writer.core.quality import (
    CHINESE_BITS_PER_CHAR_LIMIT,
    PASSAGE_LANGUAGES,
    QualityFigures,
    passage,
    save_figures,
)
from writer.engine.backend import EngineOptions, LlamaBackend
from writer.engine.scoring import measure_speed, score_text

if TYPE_CHECKING:
    from pathlib import Path


def quality_figures(model: Path) -> list[Figure]:
    """Score ``model`` on the fixed passages and time its generation."""
    threads = EngineOptions.from_settings().n_threads
    backend = LlamaBackend.load(model, EngineOptions(n_ctx=2048, n_threads=threads, gpu_layers=0))
    try:
        scores = {lang: score_text(backend, passage(lang)) for lang in PASSAGE_LANGUAGES}
        speed = measure_speed(backend, passage("zh"))
    finally:
        backend.close()
    figures = QualityFigures.from_scores(
        model, scores, tokens_per_s=speed.tokens_per_s, chars_per_s=speed.chars_per_s
    )
    save_figures(figures)
    rows: list[Figure] = []
    for lang in PASSAGE_LANGUAGES:
        score = scores[lang]
        detail = f"{score.tokens} tokens for {score.characters} characters"
        rows.append(
            Figure(
                "quality",
                f"bits per character, {lang} passage (lower is better)",
                round(score.bits_per_char, 4),
                "report",
                True,
                detail,
                key=f"quality.bits_per_char_{lang}",
            )
        )
        rows.append(
            Figure(
                "quality",
                f"tokens per character, {lang} passage",
                round(score.tokens_per_char, 4),
                "report",
                True,
                detail,
                key=f"quality.tokens_per_char_{lang}",
            )
        )
        rows.append(
            Figure(
                "quality",
                f"characters per token, {lang} passage",
                round(score.chars_per_token, 4),
                "report",
                True,
                detail,
                key=f"quality.chars_per_token_{lang}",
            )
        )
    writes_chinese = figures.writes_chinese
    rows.append(
        Figure(
            "quality",
            "writes Chinese (zh bits/char within the limit)",
            1.0 if writes_chinese else 0.0,
            f"zh <= {CHINESE_BITS_PER_CHAR_LIMIT}",
            True,
            "yes" if writes_chinese else "no: English-only for Writer's language check",
            key="quality.writes_chinese",
        )
    )
    rows.append(
        Figure(
            "quality",
            "generation tokens/s after the zh passage (greedy)",
            round(speed.tokens_per_s, 2),
            "report",
            True,
            model.name,
            key="quality.tokens_per_s",
        )
    )
    rows.append(
        Figure(
            "quality",
            "generation characters/s after the zh passage (greedy)",
            round(speed.chars_per_s, 2),
            "report",
            True,
            model.name,
            key="quality.chars_per_s",
        )
    )
    return rows
