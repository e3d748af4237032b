"""A server that answers 404 to a search gets a message that names no empty repo (item 13)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator


class _NotFound(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(404)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"Not Found")

    do_HEAD = do_GET

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def not_a_hub() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _NotFound)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_search_on_a_server_that_answers_404(not_a_hub: str):
    env = {**os.environ, "HF_ENDPOINT": not_a_hub, "HF_HUB_OFFLINE": "0"}
    result = subprocess.run(
        [sys.executable, "-m", "writer", "models", "search", "llama"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Repository  was" not in lines[0] and "not found" not in lines[0]
    assert not_a_hub in lines[0] and "HF_ENDPOINT" in lines[0]
