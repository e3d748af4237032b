"""``writer template list|run`` from the command line: output, files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

from writer.core.poem_lines import count_lines

if TYPE_CHECKING:
    from pathlib import Path


def run_writer(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "writer", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        env=dict(os.environ),
    )


def test_list_prints_every_template():
    result = run_writer("template", "list")
    assert result.returncode == 0, result.stderr
    ids = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert {"poem", "screenplay_scene", "letter", "customer_reply"} <= set(ids)
    chinese = run_writer("template", "list", "--lang", "zh")
    assert "诗歌" in chinese.stdout


def test_list_json_is_one_document_and_broken_files_are_named(writer_home: Path):
    folder = writer_home / "data" / "templates"
    folder.mkdir(parents=True)
    (folder / "bad.toml").write_text('name = "x"\n[prompt.en\n', encoding="utf-8")
    result = run_writer("template", "list", "--json")
    assert result.returncode == 0
    listing = json.loads(result.stdout)
    poem = next(t for t in listing if t["id"] == "poem")
    assert poem["kind"] == "poem" and poem["name"] == {"en": "Poem", "zh": "诗歌"}
    form = next(f for f in poem["fields"] if f["key"] == "form")
    assert {"value": "sonnet", "label": {"en": "Sonnet", "zh": "十四行诗"}, "lines": 14} in form[
        "options"
    ]
    assert f"{folder / 'bad.toml'}:2" in result.stderr
    assert "Traceback" not in result.stderr


def test_run_writes_a_haiku_to_a_file(tmp_path: Path, model_path: Path):
    out = tmp_path / "haiku.txt"
    result = run_writer(
        "template",
        "run",
        "poem",
        "--field",
        "form=haiku",
        "--field",
        "subject=frost",
        "-o",
        str(out),
        "--max-tokens",
        "80",
        "--seed",
        "3",
        "--model",
        str(model_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert count_lines(text) <= 3 and text.strip()
    assert "tokens/s" in result.stderr and "Traceback" not in result.stderr


def test_run_prints_to_stdout_in_chinese(model_path: Path):
    result = run_writer(
        "template",
        "run",
        "诗歌",
        "--lang",
        "zh",
        "--field",
        "form=七言绝句",
        "--max-tokens",
        "30",
        "--seed",
        "1",
        "--model",
        str(model_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_screenplay_to_html(tmp_path: Path, model_path: Path):
    out = tmp_path / "scene.html"
    result = run_writer(
        "template",
        "run",
        "screenplay_scene",
        "-o",
        str(out),
        "--max-tokens",
        "40",
        "--seed",
        "2",
        "--model",
        str(model_path),
    )
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_usage_errors_exit_2_with_one_line():
    for args in (
        ("run", "no-such-template"),
        ("run", "poem", "--field", "colour=red"),
        ("run", "poem", "--field", "form=limerick"),
        ("run", "poem", "--field", "form"),
    ):
        result = run_writer("template", *args)
        assert result.returncode == 2, args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("writer: "), result.stderr
        assert result.stdout == ""
    assert (
        "unknown template 'no-such-template'"
        in run_writer("template", "run", "no-such-template").stderr
    )


def test_a_missing_model_exits_1(tmp_path: Path):
    result = run_writer("template", "run", "poem", "--model", str(tmp_path / "none.gguf"))
    assert result.returncode == 1
    missing = tmp_path / "none.gguf"
    assert result.stderr.strip().splitlines() == [f"writer: Model file not found: {missing}"]
