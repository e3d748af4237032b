"""The headless command line: `writer continue`, exit codes, one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def run_writer(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "writer", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_continue_prints_text_and_exits_0(tmp_path: Path, model_path: Path):
    story = tmp_path / "story.txt"
    story.write_text("The ship left the harbour at dawn, and the captain", encoding="utf-8")
    result = run_writer(
        "continue", str(story), "--max-tokens", "20", "--seed", "4", "--model", str(model_path)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert "tokens/s" in result.stderr
    assert "Traceback" not in result.stderr


def test_same_seed_prints_the_same_text(tmp_path: Path, model_path: Path):
    story = tmp_path / "story.txt"
    story.write_text("Once upon a time", encoding="utf-8")
    args = ("continue", str(story), "--max-tokens", "15", "--seed", "11", "--temperature", "0.9")
    env = {"WRITER_MODEL": str(model_path)}
    assert run_writer(*args, env=env).stdout == run_writer(*args, env=env).stdout


def test_bad_model_path_exits_1_with_one_line(tmp_path: Path):
    story = tmp_path / "story.txt"
    story.write_text("Hello", encoding="utf-8")
    result = run_writer("continue", str(story), "--model", str(tmp_path / "missing.gguf"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "not found" in lines[0]
    assert result.stdout == ""


def test_not_a_model_exits_1(tmp_path: Path):
    story = tmp_path / "story.txt"
    story.write_text("Hello", encoding="utf-8")
    fake = tmp_path / "fake.gguf"
    fake.write_bytes(b"\x00" * 100)
    result = run_writer("continue", str(story), "--model", str(fake))
    assert result.returncode == 1
    assert "not a GGUF" in result.stderr and "Traceback" not in result.stderr


def test_missing_document_exits_1(tmp_path: Path, model_path: Path):
    result = run_writer("continue", str(tmp_path / "nope.txt"), "--model", str(model_path))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1


def test_usage_error_exits_2():
    assert run_writer("continue").returncode == 2
    assert run_writer("continue", "x", "--max-tokens", "many").returncode == 2
