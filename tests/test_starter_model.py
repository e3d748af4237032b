"""The Chinese starter (Gemma 3 270M from PyPI chunks), choosing it, and model languages."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

import pytest

from tests.conftest import require_starter
from writer.core import starter_model
from writer.core.model_files import choose_model, needs_assembly, prepare_model
from writer.core.model_languages import is_chinese_text, model_languages, writes_chinese
from writer.core.quality import PassageScore, QualityFigures, save_figures
from writer.errors import ModelError

if TYPE_CHECKING:
    from pathlib import Path


def test_assembled_file_matches_the_published_sha256(starter_file: Path):
    """The joined chunks hash to the sha256 in the package's SHA256SUMS."""
    digest = hashlib.sha256(starter_file.read_bytes()).hexdigest()
    assert digest == starter_model.expected_sha256()
    assert starter_file.read_bytes()[:4] == b"GGUF"


def test_assembly_goes_to_the_models_folder_once(writer_home: Path):
    """The file is built in the models folder; a second call trusts the recorded check."""
    require_starter()
    target = starter_model.target_path()
    assert target.parent == writer_home / "models" and not starter_model.is_assembled()
    assert needs_assembly(target)
    steps: list[tuple[int, int]] = []
    built = starter_model.assemble(progress=lambda done, total: steps.append((done, total)))
    assert built == target
    assert steps[-1][0] == steps[-1][1] == target.stat().st_size
    stamp = target.stat().st_mtime_ns
    assert prepare_model(target) == target and target.stat().st_mtime_ns == stamp
    assert not needs_assembly(target)
    assert [p.name for p in target.parent.iterdir() if p.suffix == ".part"] == []


def test_a_damaged_chunk_leaves_no_file(writer_home: Path, tmp_path: Path, monkeypatch):
    """A chunk that does not hash right is reported, and neither the file nor a temp stays."""
    require_starter()
    fake = tmp_path / "gemma-3-270m-q4_k_m.gguf.part00"
    fake.write_bytes(b"GGUF" + b"\0" * 1000)
    monkeypatch.setattr(starter_model, "chunk_files", lambda _model=None: [fake])
    with pytest.raises(ModelError, match="checksum"):
        starter_model.assemble()
    assert list((writer_home / "models").iterdir()) == []


def test_licence_terms_are_readable_text():
    """The Gemma Terms of Use come out of the package's HTML page as plain paragraphs."""
    require_starter()
    text = starter_model.licence_text()
    assert text.startswith("Gemma Terms of Use")
    assert "Prohibited Use Policy" in text and "<" not in text and "{" not in text


def test_chinese_picks_the_starter_only_when_nothing_was_chosen(model_path: Path, tmp_path):
    """Chinese first start: the starter; the writer's own choice or last model still win."""
    require_starter()
    assert choose_model(chinese=True) == starter_model.target_path()
    assert choose_model(chinese=False) == model_path
    assert choose_model(str(model_path), chinese=True) == model_path
    assert choose_model(None, str(model_path), chinese=True) == model_path


def test_model_languages_from_each_source(model_path: Path, tmp_path: Path, monkeypatch):
    """Starter, catalogue, GGUF header and measured figures each say what a model writes."""
    assert model_languages(model_path) == (("en",), "gguf")
    assert writes_chinese(model_path) is False
    assert writes_chinese(tmp_path / "gemma-3-270m-q4_k_m.gguf") is True
    qwen = tmp_path / "qwen2.5-1.5b-instruct-q4_k_m.gguf"
    assert model_languages(qwen) == (("en", "zh"), "catalogue")
    llama = tmp_path / "Llama-3.2-1B-Instruct-Q4_K_M.gguf"
    assert writes_chinese(llama) is False
    unknown = tmp_path / "mystery.gguf"
    unknown.write_bytes(b"not a model")
    assert model_languages(unknown) == (None, "")
    scores = {"en": PassageScore(100, 25, 150.0), "zh": PassageScore(100, 80, 400.0)}
    save_figures(QualityFigures.from_scores(unknown, scores))
    assert model_languages(unknown) == (("en", "zh"), "measured")


def test_chinese_text_is_told_from_english():
    """A document is Chinese when its Chinese characters outnumber its other words."""
    assert is_chinese_text("我冒了严寒，回到相隔二千余里，别了二十余年的故乡去。")
    assert not is_chinese_text("It is a truth universally acknowledged. 你好")
    assert not is_chinese_text("")


def test_chinese_download_is_the_biggest_qwen_that_fits():
    """0.5B on a small machine, 1.5B with a few GB free, 3B with plenty."""
    from writer.core.model_languages import chinese_download

    gib = 1024**3
    assert chinese_download(gib // 2).repo_id == "Qwen/Qwen2.5-0.5B-Instruct-GGUF"
    assert chinese_download(3 * gib).repo_id == "Qwen/Qwen2.5-1.5B-Instruct-GGUF"
    assert chinese_download(16 * gib).repo_id == "Qwen/Qwen2.5-3B-Instruct-GGUF"


def test_the_command_line_writes_chinese_with_the_starter(starter_file: Path, tmp_path: Path):
    """`writer continue` on a Chinese story, with no model chosen, loads the Chinese starter."""
    import os
    import subprocess
    import sys

    home = starter_file.parent.parent  # the starter is assembled in this home's models folder
    story = tmp_path / "灯塔.txt"
    story.write_text("守塔人在黄昏时登上塔顶，点亮了那盏大灯。远处的船只", encoding="utf-8")
    english = tmp_path / "story.txt"
    english.write_text("The keeper climbed the tower at dusk and", encoding="utf-8")
    env = {**os.environ, "WRITER_HOME": str(home)}
    env.pop("WRITER_MODEL", None)
    runs = [
        subprocess.run(
            [sys.executable, "-m", "writer", "continue", str(path), "--max-tokens", "12"],
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
        )
        for path in (story, english)
    ]
    assert [run.returncode for run in runs] == [0, 0], [run.stderr for run in runs]
    assert f"Loading {starter_file.name}" in runs[0].stderr
    assert f"Loading {starter_file.name}" not in runs[1].stderr
