"""Reading a GGUF header without loading the model: the facts the model manager shows."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import time

import pytest

from writer.core.gguf_info import read_gguf_info, split_parts
from writer.errors import ModelError


def test_default_model_header(model_path):
    started = time.perf_counter()
    info = read_gguf_info(model_path)
    assert time.perf_counter() - started < 1.0  # the header only, not the weights
    assert info.architecture == "llama"
    assert info.context_length == 8192
    assert info.quantization == "Q4_1"
    assert info.has_chat_template
    assert info.size_bytes == model_path.stat().st_size
    assert info.block_count == 30 and info.head_count_kv == 3
    assert info.kv_bytes_per_token == 2 * 30 * 3 * (64 + 64)


def test_truncated_file_is_a_clear_error(model_path, tmp_path):
    cut = tmp_path / "cut.gguf"
    cut.write_bytes(model_path.read_bytes()[:5000])
    with pytest.raises(ModelError, match="truncated"):
        read_gguf_info(cut)


def test_foreign_and_missing_files_are_clear_errors(tmp_path):
    other = tmp_path / "notes.gguf"
    other.write_text("hello, this is not a model")
    with pytest.raises(ModelError, match="not a GGUF"):
        read_gguf_info(other)
    with pytest.raises(ModelError, match="not found"):
        read_gguf_info(tmp_path / "missing.gguf")


def test_split_model_size_is_the_sum_of_its_parts(model_path, tmp_path):
    first = tmp_path / "m-Q4_1-00001-of-00002.gguf"
    shutil.copyfile(model_path, first)
    second = tmp_path / "m-Q4_1-00002-of-00002.gguf"
    second.write_bytes(b"x" * 1234)
    assert split_parts(second) == [first, second]
    info = read_gguf_info(first)
    assert info.split_count == 2
    assert info.size_bytes == model_path.stat().st_size + 1234
