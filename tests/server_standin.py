"""A small OpenAI-compatible stand-in server on 127.0.0.1 that fails on cue.

A real server cannot be made to answer 401, 429 or 500, cut its stream, or
hang when a test wants it to; this one can. ``mode`` decides what the next
generation requests get: ``ok``, ``401``, ``403``, ``404``, ``429`` (once, with
Retry-After: ``retry_after`` seconds, then ``ok``), ``500``, ``cut`` (five
events, then the connection closes), ``malformed``, ``hang`` (never answers),
``broken`` (the words with U+FFFD in them, as llama-server sends invalid UTF-8
from a model). Chat requests answer like completions; ``next_modes`` lists
modes for the next requests, one each, before ``mode`` applies again.
``tokenize`` switches a tokenize endpoint on: ``True`` or ``"llama-server"``
(``/tokenize`` with ``content``), ``"vllm"`` (``/tokenize`` with ``prompt``;
a llama-server body gets 400).
``n_choices`` says what a completions request with ``n`` > 1 gets: ``ignore`` (one
choice, as ``llama_cpp.server`` does), ``honour`` (``n`` choices, their chunks
interleaved, each with its own adjective: :func:`words_for`) or ``refuse`` (400).
``props`` is what ``GET /props`` answers (llama-server; 404 when None) and
``model_fields`` extra fields of the model in ``GET /v1/models`` (vLLM's
``max_model_len``).
"""

from __future__ import annotations

import json
import select
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODEL = "stand-in"
WORDS = ["Once ", "upon ", "a ", "time ", "there ", "was ", "a ", "quiet ", "lake", "."]
ADJECTIVES = ["quiet ", "still ", "deep ", "cold ", "dark ", "wide "]


def words_for(index: int) -> list[str]:
    """Return the words choice ``index`` of a request with ``n`` streams."""
    return [ADJECTIVES[index] if word == "quiet " else word for word in WORDS]


class StandIn:
    """The server's state: what it does next, and what it was asked."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.next_modes: list[str] = []  # modes for the next generation requests, before mode
        self.completions = True
        self.tokenize: bool | str = False
        self.n_choices = "ignore"
        self.retry_after = "0"
        self.props: dict[str, Any] | None = None
        self.model_fields: dict[str, Any] = {}
        self.requests: list[tuple[str, str, dict[str, Any]]] = []  # method, path, body
        self.authorizations: list[str] = []
        self.release = threading.Event()
        #: Set when a client closed the connection of a request left hanging.
        self.hung_up = threading.Event()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """Return the base URL (with /v1)."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def generation_requests(self) -> list[dict[str, Any]]:
        """Return the bodies of the generation requests so far."""
        return [body for _m, path, body in self.requests if path.endswith("completions")]

    def start(self) -> StandIn:
        """Serve on a background thread."""
        self.thread.start()
        return self

    def stop(self) -> None:
        """Release hanging requests and shut down."""
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _json(self, status: int, payload: Any, headers: dict[str, str] | None = None):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                server.requests.append(("GET", self.path, {}))
                server.authorizations.append(self.headers.get("Authorization", ""))
                if self.path == "/v1/models":
                    model = {"id": MODEL, "object": "model", "owned_by": "test"}
                    self._json(200, {"object": "list", "data": [model | server.model_fields]})
                elif self.path == "/props" and server.props is not None:
                    self._json(200, server.props)
                else:
                    self._json(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                server.requests.append(("POST", self.path, body))
                server.authorizations.append(self.headers.get("Authorization", ""))
                if self.path == "/tokenize" and server.tokenize == "vllm":
                    if "prompt" not in body:
                        self._json(400, {"error": {"message": "prompt: field required"}})
                        return
                    tokens = list(range(len(body["prompt"].split())))
                    self._json(200, {"tokens": tokens, "count": len(tokens)})
                elif self.path == "/tokenize" and server.tokenize:
                    text = body.get("content", "")
                    self._json(200, {"tokens": list(range(len(text.split())))})
                elif self.path == "/v1/completions" and not server.completions:
                    self._json(404, {"error": {"message": "Not Found"}})
                elif self.path in ("/v1/completions", "/v1/chat/completions"):
                    self._generate(body, chat=self.path.endswith("chat/completions"))
                else:
                    self._json(404, {"error": {"message": "not found"}})

            def _generate(self, body: dict[str, Any], *, chat: bool) -> None:
                if body.get("max_tokens") == 1 and not body.get("stream"):
                    self._json(200, {"choices": [{"text": "x", "finish_reason": "length"}]})
                    return
                choices = int(body.get("n") or 1)
                if choices > 1 and self.path == "/v1/completions":
                    if server.n_choices == "refuse":
                        self._json(400, {"error": {"message": "n > 1 is not supported"}})
                        return
                    if server.n_choices == "ignore":
                        choices = 1
                else:
                    choices = 1
                mode = server.next_modes.pop(0) if server.next_modes else server.mode
                if mode in ("401", "403"):
                    self._json(int(mode), {"error": {"message": "Invalid API key"}})
                elif mode == "404":
                    self._json(404, {"error": {"message": f"model {body.get('model')} not found"}})
                elif mode == "429":
                    server.mode = "ok"
                    self._json(
                        429,
                        {"error": {"message": "slow down"}},
                        {"Retry-After": server.retry_after},
                    )
                elif mode == "500":
                    self._json(500, {"error": {"message": "boom"}})
                elif mode == "hang":
                    self._hang()
                else:
                    self._stream(mode, chat, choices)

            def _hang(self) -> None:
                """Answer nothing until released, noting when the client closes the connection."""
                deadline = time.monotonic() + 30
                while not server.release.wait(0.02) and time.monotonic() < deadline:
                    readable, _w, _x = select.select([self.connection], [], [], 0)
                    if readable and not self.connection.recv(1, socket.MSG_PEEK):
                        server.hung_up.set()  # the whole request was read: this is EOF
                        return

            def _stream(self, mode: str, chat: bool, choices: int = 1) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                if mode == "malformed":
                    self.wfile.write(b"data: {this is not json\n\n")
                    return
                for index in range(len(WORDS)):
                    if mode == "cut" and index == 5:
                        return  # the connection closes mid-passage
                    last = index == len(WORDS) - 1
                    for number in range(choices):  # the choices' chunks interleave
                        word = words_for(number)[index]
                        if mode == "broken" and index % 4 == 1:
                            word = f"\ufffd{word}\ufffd"  # two in each of 3 words: 6
                        choice: dict[str, Any] = {
                            "index": number,
                            "finish_reason": "stop" if last else None,
                        }
                        if chat:
                            choice["delta"] = {"content": word}
                            kind = "chat.completion.chunk"
                        else:
                            choice["text"] = word
                            kind = "text_completion"
                        event = {
                            "id": "x",
                            "object": kind,
                            "created": 0,
                            "model": MODEL,
                            "choices": [choice],
                        }
                        self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
                        self.wfile.flush()
                self.wfile.write(b"data: [DONE]\n\n")

        return Handler
