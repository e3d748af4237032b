"""GPU offload is chosen by llama.cpp's own detection, and can be overridden."""

from __future__ import annotations

from typing import TYPE_CHECKING

import llama_cpp
import pytest

from writer.engine.backend import EngineOptions, LlamaBackend

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(
    ("supported", "setting", "expected"),
    [
        (True, "auto", -1),
        (False, "auto", 0),
        (True, "0", 0),
        (True, 12, 12),
        (False, "20", 20),
    ],
)
def test_layers_follow_detection_and_settings(monkeypatch, supported, setting, expected):
    monkeypatch.setattr(llama_cpp, "llama_supports_gpu_offload", lambda: supported)
    assert EngineOptions(gpu_layers=setting).resolved_gpu_layers() == expected


def test_load_passes_the_layers_to_llama_cpp(monkeypatch, model_path: Path):
    seen = {}
    real = llama_cpp.Llama

    def recording(**kwargs):
        seen.update(kwargs)
        return real(**{**kwargs, "n_gpu_layers": 0})  # this machine has no GPU

    monkeypatch.setattr(llama_cpp, "llama_supports_gpu_offload", lambda: True)
    monkeypatch.setattr(llama_cpp, "Llama", recording)
    backend = LlamaBackend.load(model_path, EngineOptions(n_ctx=1024))
    try:
        assert seen["n_gpu_layers"] == -1
        assert backend.info.gpu_offload is True
        assert backend.info.gpu_layers == -1
    finally:
        backend.close()


def test_cpu_only_build_reports_no_offload(model_path: Path):
    backend = LlamaBackend.load(model_path, EngineOptions(n_ctx=1024))
    try:
        assert backend.info.gpu_offload is llama_cpp.llama_supports_gpu_offload()
    finally:
        backend.close()
