"""A local ``llama_cpp.server`` for the tests and the benchmark of the server backend.

``python -m writer.engine.local_server ARGS`` runs ``python -m llama_cpp.server
ARGS`` with the model loaded the way :class:`~writer.engine.backend.LlamaBackend`
loads it (:func:`~writer.engine.backend.safe_cpu_buffers`: no AMX kernels on
CPUs where they crash). :func:`start` launches one on a free loopback port
and waits, with a bounded loop, until it lists its model.
"""

from __future__ import annotations

import contextlib
import json
import os
import runpy
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

#: The model id the local server answers to.
ALIAS = "default"


@dataclass
class LocalServer:
    """A running local server: its process, base URL and model id."""

    process: subprocess.Popen
    url: str
    model: str = ALIAS

    def stop(self) -> None:
        """End the server process."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(
    model: Path,
    *,
    n_ctx: int = 2048,
    ready_s: float = 180.0,
    log: Path | None = None,
    threads: int = 0,
    tls: tuple[Path, Path] | None = None,
) -> LocalServer:
    """Start a server for ``model`` on a free loopback port; return once it answers.

    ``tls`` (certificate file, key file) makes it serve https with that certificate.

    Raises:
        RuntimeError: the server exited or did not answer within ``ready_s``.
    """
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "writer.engine.local_server",
        "--model",
        str(model),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        str(n_ctx),
        "--model_alias",
        ALIAS,
    ]
    if threads > 0:
        command += ["--n_threads", str(threads), "--n_threads_batch", str(threads)]
    if tls is not None:
        command += ["--ssl_certfile", str(tls[0]), "--ssl_keyfile", str(tls[1])]
    output = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 (the child keeps it)
    process = subprocess.Popen(
        command,
        stdout=output,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    scheme = "https" if tls is not None else "http"
    server = LocalServer(process, f"{scheme}://127.0.0.1:{port}/v1")
    trusted = ssl.create_default_context(cafile=str(tls[0])) if tls is not None else None
    deadline = time.monotonic() + ready_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"llama_cpp.server exited with code {process.returncode}")
        if _lists_models(server.url, trusted):
            return server
        time.sleep(0.25)
    server.stop()
    raise RuntimeError(f"llama_cpp.server did not answer within {ready_s:.0f} s")


@contextlib.contextmanager
def running(model: Path, **options) -> Iterator[LocalServer]:
    """Run a local server for the duration of a ``with`` block."""
    server = start(model, **options)
    try:
        yield server
    finally:
        server.stop()


def _lists_models(url: str, context: ssl.SSLContext | None = None) -> bool:
    """Return whether the server at ``url`` answers GET /models (https: trusting ``context``)."""
    try:
        with urllib.request.urlopen(f"{url}/models", timeout=2, context=context) as answer:
            return bool(json.load(answer).get("data"))
    except (OSError, urllib.error.URLError, ValueError):
        return False


def main() -> None:
    """Run ``llama_cpp.server`` with the backend's safe CPU buffers."""
    from writer.engine.backend import safe_cpu_buffers

    with safe_cpu_buffers():
        runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
