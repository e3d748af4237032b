"""The quality figure: bits and tokens per character on fixed passages, kept per model."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from writer.core.quality import (
    PassageScore,
    QualityFigures,
    figures_for,
    load_figures,
    passage,
    save_figures,
    store_path,
)

if TYPE_CHECKING:
    from pathlib import Path


def test_passages_are_fixed_public_domain_openings():
    """The English passage is Austen's opening, the Chinese one 鲁迅《故乡》's."""
    assert passage("en").startswith("It is a truth universally acknowledged")
    assert passage("zh").startswith("我冒了严寒，回到相隔二千余里")
    assert 200 <= len(passage("zh")) <= 600 and 200 <= len(passage("en")) <= 600


def test_figures_are_kept_per_model_and_dropped_when_the_file_changes(tmp_path: Path):
    """The store keeps the last figures of each model; a replaced file is not taken for it."""
    model = tmp_path / "m.gguf"
    model.write_bytes(b"x" * 100)
    scores = {"en": PassageScore(100, 25, 150.0), "zh": PassageScore(50, 60, 400.0)}
    figures = QualityFigures.from_scores(model, scores, tokens_per_s=10, chars_per_s=8)
    assert figures.bits_per_char_en == 1.5 and figures.bits_per_char_zh == 8.0
    assert figures.tokens_per_char_zh == 1.2 and not figures.writes_chinese
    save_figures(figures)
    assert figures_for(model) == figures
    assert json.loads(store_path().read_text(encoding="utf-8"))["models"]["m.gguf"]["size"] == 100
    model.write_bytes(b"y" * 200)
    assert figures_for(model) is None
    store_path().write_text("{broken", encoding="utf-8")
    assert load_figures() == {}


@pytest.mark.model
def test_quality_bench_gives_the_same_figures_twice(model_path: Path, capsys):
    """`writer bench --only quality --json` reports stable keys; a second run gives the same."""
    from writer.cli import main

    def run() -> dict[str, float]:
        assert main(["bench", "--only", "quality", "--json", "--model", str(model_path)]) == 0
        rows = json.loads(capsys.readouterr().out)
        return {row["key"]: row["value"] for row in rows}

    first, second = run(), run()
    for key in (
        "quality.bits_per_char_en",
        "quality.bits_per_char_zh",
        "quality.tokens_per_char_en",
        "quality.tokens_per_char_zh",
        "quality.chars_per_token_zh",
        "quality.writes_chinese",
    ):
        assert first[key] == second[key], key
    assert first["quality.tokens_per_s"] > 0 and first["quality.chars_per_s"] > 0
    # SmolLM2-135M is an English model: Chinese surprises it far more, and costs more tokens.
    assert first["quality.bits_per_char_zh"] > 3 * first["quality.bits_per_char_en"]
    assert first["quality.tokens_per_char_zh"] > 1.0 > first["quality.tokens_per_char_en"]
    assert first["quality.writes_chinese"] == 0.0
    stored = figures_for(model_path)
    assert stored is not None and stored.bits_per_char_zh == first["quality.bits_per_char_zh"]
