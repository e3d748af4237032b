"""Fixtures for the hub tests: a local Hugging-Face-compatible server and a clean hub setup.

Import the fixtures explicitly in a test module
(``from tests.hub_fixtures import hub, hub_files_dir, ...``). Every test gets
``HF_ENDPOINT`` pointed at its own server on 127.0.0.1, no ``HF_TOKEN``,
offline mode off and a private ``WRITER_HOME``: nothing reaches the internet.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
from huggingface_hub import constants

from writer.bench.hub_server import HubServer, build_test_hub, sha256_of
from writer.core.model_files import bundled_model_path
from writer.hub.client import forget_reachability

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

REAL_REPO = "test-org/SmolLM2-135M-Instruct-GGUF"
QUANTS_REPO = "test-org/Tiny-Quants-GGUF"

_model_sha: dict[Path, str] = {}


def default_model_file(required: bool) -> Path | None:
    """Return the bundled model; when ``required`` and absent, fail or skip the test."""
    from tests.conftest import require_model

    return require_model() if required else bundled_model_path()


@pytest.fixture(scope="session")
def hub_files_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for the served test files, shared by all tests of the session."""
    return tmp_path_factory.mktemp("hub-files")


def _start_hub(folder: Path, model: Path | None, monkeypatch: pytest.MonkeyPatch) -> HubServer:
    """Start a test hub and point huggingface_hub and Writer at it."""
    sha = None
    if model is not None:
        sha = _model_sha.get(model) or _model_sha.setdefault(model, sha256_of(model))
    server = build_test_hub(folder, model, sha).start()
    monkeypatch.setenv("HF_ENDPOINT", server.url)
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.delenv("HF_TOKEN", raising=False)
    if not os.environ.get("WRITER_HOME"):
        monkeypatch.setenv("WRITER_HOME", str(folder.parent / "writer-home"))
    forget_reachability()
    return server


@pytest.fixture
def hub(hub_files_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[HubServer]:
    """A running test hub; serves the default model's repo too when the model is installed."""
    server = _start_hub(hub_files_dir, default_model_file(required=False), monkeypatch)
    yield server
    server.stop()
    forget_reachability()


@pytest.fixture
def hub_with_model(hub_files_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[HubServer]:
    """A running test hub that must serve the real default model (skip/fail without it)."""
    server = _start_hub(hub_files_dir, default_model_file(required=True), monkeypatch)
    yield server
    server.stop()
    forget_reachability()


@pytest.fixture
def dead_endpoint(monkeypatch: pytest.MonkeyPatch) -> str:
    """Point HF_ENDPOINT at a closed port on 127.0.0.1 (a hub that cannot be reached)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    monkeypatch.setenv("HF_ENDPOINT", url)
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    forget_reachability()
    return url
