"""Model files: the bundled default is found; bad files get clear messages."""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

import pytest

from writer.core.model_files import check_gguf, choose_model
from writer.errors import ModelError

if TYPE_CHECKING:
    from pathlib import Path


def test_missing_file(tmp_path: Path):
    with pytest.raises(ModelError, match="not found"):
        check_gguf(tmp_path / "nope.gguf")


def test_empty_file(tmp_path: Path):
    path = tmp_path / "empty.gguf"
    path.write_bytes(b"")
    with pytest.raises(ModelError, match="empty"):
        check_gguf(path)


def test_not_gguf(tmp_path: Path):
    path = tmp_path / "notes.gguf"
    path.write_text("these are my notes, not a model")
    with pytest.raises(ModelError, match="not a GGUF"):
        check_gguf(path)


def test_truncated_header(tmp_path: Path):
    path = tmp_path / "cut.gguf"
    path.write_bytes(b"GGUF" + struct.pack("<I", 3))
    with pytest.raises(ModelError, match="truncated"):
        check_gguf(path)


def test_choice_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model_path: Path):
    explicit = tmp_path / "explicit.gguf"
    last = tmp_path / "last.gguf"
    last.write_bytes(b"GGUF")
    assert choose_model(str(explicit), str(last)) == explicit
    monkeypatch.setenv("WRITER_MODEL", str(explicit))
    assert choose_model(None, str(last)) == explicit
    monkeypatch.delenv("WRITER_MODEL")
    assert choose_model(None, str(last)) == last
    assert choose_model(None, str(tmp_path / "gone.gguf")) == model_path
