"""The command line refuses mistakes before loading a model (issue 11, item 14)."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path


def run_writer(*args: str, cwd: Path | None = None, **streams) -> subprocess.CompletedProcess:
    options = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **streams}
    return subprocess.run(
        [sys.executable, "-m", "writer", *args],
        text=True,
        timeout=300,
        cwd=cwd,
        env=dict(os.environ),
        **options,
    )


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "x.txt"
    path.write_text("Once upon a time", encoding="utf-8")
    return path


def test_a_mistyped_command_is_a_usage_error_naming_the_closest(tmp_path: Path, story: Path):
    result = run_writer("contniue", str(story), cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown command 'contniue' (did you mean 'continue'?)" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not (tmp_path / "contniue").exists()


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--max-tokens", "0", "must be at least 1"),
        ("--max-tokens", "-3", "must be at least 1"),
        ("--temperature", "nan", "finite"),
        ("--temperature", "-1", "from 0 to 5"),
        ("--top-p", "5", "at most 1"),
        ("--ctx", "-5", "--ctx: must be between 64 and"),
        ("--ctx", "3000000", "--ctx: must be between 64 and"),
    ],
)
def test_out_of_range_options_are_usage_errors(story: Path, option: str, value: str, says: str):
    result = run_writer("continue", str(story), option, value)
    assert result.returncode == 2, result.stderr
    assert says in result.stderr and "damaged" not in result.stderr
    assert "Loading" not in result.stderr  # refused before the model is loaded


def test_closed_stdout_and_stdin_are_said_before_loading(story: Path):
    result = subprocess.run(
        f"{sys.executable} -m writer continue {story} >&-",
        shell=True,
        text=True,
        stderr=subprocess.PIPE,
        timeout=300,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "writer: standard output is closed; nowhere to write the result"
    result = subprocess.run(
        f"{sys.executable} -m writer chat <&-",
        shell=True,
        text=True,
        capture_output=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "standard input is closed" in result.stderr and "NoneType" not in result.stderr


def test_a_pipe_already_closed_exits_quietly(story: Path):
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = run_writer("continue", str(story), stdout=write_end)
    finally:
        os.close(write_end)
    assert result.returncode == 141 and result.stderr == ""


def test_a_pipe_closed_while_writing_exits_quietly(story: Path, model_path: Path):
    command = (
        f"{sys.executable} -m writer continue {story} --max-tokens 300 "
        f"--model {model_path} | head -c 1 > /dev/null; echo ${{PIPESTATUS[0]}} >&2"
    )
    result = subprocess.run(["bash", "-c", command], text=True, capture_output=True, timeout=300)
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "141", result.stderr
    assert not any("Broken pipe" in line or "error" in line for line in lines)
