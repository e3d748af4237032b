"""The benchmark is a package of sections, each imported directly and named for --only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from writer.bench.sections import SECTIONS
from writer.cli import main

if TYPE_CHECKING:
    from pathlib import Path


def test_every_section_is_a_function_of_the_model():
    assert {"continue", "summary", "chat", "documents", "download"} <= set(SECTIONS)
    assert all(callable(function) for function in SECTIONS.values())


def test_an_unknown_section_is_a_usage_error(model_path: Path, capsys):
    assert main(["bench", "--only", "nonsense", "--model", str(model_path)]) == 2
    error = capsys.readouterr().err
    assert "nonsense" in error and "documents" in error
