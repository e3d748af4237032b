"""A small Hugging-Face-compatible HTTP server on 127.0.0.1 for the benchmark and the hub tests.

It answers the few endpoints ``huggingface_hub`` uses for search, file lists
and downloads (``/api/models``, ``/api/models/<repo>/tree/<rev>``,
``/<repo>/resolve/<rev>/<file>`` with HEAD, GET and Range), logs every request
so tests can assert on Range headers, and can misbehave on demand: cut a body
midway, corrupt a body, slow a body down, or answer with an error status.
Files are real files on disk, or "virtual" ones that only have a size (never
downloaded; they exist so the fit labels can be tested with huge models).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlparse

if TYPE_CHECKING:
    from pathlib import Path

COMMIT = "0123456789abcdef0123456789abcdef01234567"
TOKEN = "hf_test_token_for_gated_repo"
SEND_CHUNK = 1024 * 1024


@dataclass
class ServedFile:
    """One file of a served repository: a real file, or only a size (virtual)."""

    path: str
    size: int
    sha256: str
    source: Path | None = None


@dataclass
class ServedRepo:
    """One model repository and its hub metadata."""

    repo_id: str
    files: dict[str, ServedFile] = field(default_factory=dict)
    downloads: int = 0
    likes: int = 0
    last_modified: datetime = field(default_factory=lambda: datetime(2025, 1, 1, tzinfo=UTC))
    tags: list[str] = field(default_factory=lambda: ["gguf", "text-generation"])
    gated: bool = False

    def add_file(self, path: str, source: Path, sha256: str | None = None) -> ServedFile:
        """Serve ``source`` as ``path`` in this repository."""
        digest = sha256 or sha256_of(source)
        served = ServedFile(path, source.stat().st_size, digest, source)
        self.files[path] = served
        return served

    def add_virtual(self, path: str, size: int) -> ServedFile:
        """List a file of ``size`` bytes that cannot be downloaded."""
        served = ServedFile(path, size, hashlib.sha256(path.encode()).hexdigest())
        self.files[path] = served
        return served


def sha256_of(path: Path) -> str:
    """Return the sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(8 * 1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Faults:
    """Misbehaviour to apply to GET bodies, keyed by file path in the repo."""

    cut_after: dict[str, int] = field(default_factory=dict)  # once: close after N bytes
    corrupt: set[str] = field(default_factory=set)  # flip a byte of every body
    delay_per_mb_s: float = 0.0  # slow every body down
    status: dict[str, int] = field(default_factory=dict)  # answer with this status code
    ignore_range: bool = False
    #: after the first chunk of a body, wait until the event is set (once)
    hold_after_first_chunk: dict[str, threading.Event] = field(default_factory=dict)


class HubServer:
    """Serves repositories on 127.0.0.1 in a background thread; use as a context manager."""

    def __init__(self) -> None:
        self.repos: dict[str, ServedRepo] = {}
        self.faults = Faults()
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """Return the base URL, to put in ``HF_ENDPOINT``."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def add_repo(self, repo_id: str, **kwargs: Any) -> ServedRepo:
        """Create and serve an empty repository."""
        repo = ServedRepo(repo_id, **kwargs)
        self.repos[repo_id] = repo
        return repo

    def log(self, entry: dict[str, Any]) -> None:
        """Record one request."""
        with self._lock:
            self.requests.append(entry)

    def range_requests(self, path: str | None = None) -> list[str]:
        """Return the Range headers of the GET requests (for one file when ``path`` is given)."""
        with self._lock:
            return [
                r["range"]
                for r in self.requests
                if r["method"] == "GET" and r["range"] and (path is None or r["file"] == path)
            ]

    def gets_of(self, path: str) -> int:
        """Return how many GET requests a file got."""
        with self._lock:
            return sum(1 for r in self.requests if r["method"] == "GET" and r["file"] == path)

    def start(self) -> HubServer:
        """Start serving."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> HubServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


_RESOLVE = re.compile(r"^/(?P<repo>[^/]+/[^/]+)/resolve/(?P<rev>[^/]+)/(?P<file>.+)$")
_TREE = re.compile(r"^/api/models/(?P<repo>[^/]+/[^/]+)/tree/(?P<rev>[^/]+)(?:/(?P<sub>.*))?$")
_INFO = re.compile(r"^/api/models/(?P<repo>[^/]+/[^/]+)$")


def _make_handler(server: HubServer) -> type[BaseHTTPRequestHandler]:
    """Return the request handler class bound to ``server``."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            """Keep the test output clean."""

        # -- helpers ---------------------------------------------------------

        def _send_json(self, payload: Any, status: int = 200) -> None:
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _send_error(self, status: int, code: str, message: str = "") -> None:
            body = json.dumps({"error": message or code}).encode()
            self.send_response(status)
            self.send_header("X-Error-Code", code)
            self.send_header("X-Error-Message", message or code)
            self.send_header("X-Repo-Commit", COMMIT)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _repo(self, repo_id: str) -> ServedRepo | None:
            repo = server.repos.get(repo_id)
            if repo is None:
                self._send_error(404, "RepoNotFound", "Repository not found")
                return None
            if repo.gated and self.headers.get("Authorization") != f"Bearer {TOKEN}":
                self._send_error(401, "GatedRepo", "Access to this repo is restricted")
                return None
            return repo

        # -- verbs -----------------------------------------------------------

        def do_HEAD(self) -> None:
            self._dispatch()

        def do_GET(self) -> None:
            self._dispatch()

        def _dispatch(self) -> None:
            parsed = urlparse(self.path)
            path = unquote(parsed.path)
            query = parse_qs(parsed.query)
            match = _RESOLVE.match(path)
            server.log(
                {
                    "method": self.command,
                    "path": path,
                    "file": match["file"] if match else None,
                    "range": self.headers.get("Range"),
                }
            )
            if path in ("", "/"):
                self._send_json({"ok": True})
            elif path == "/api/models":
                self._search(query)
            elif match:
                self._resolve(match["repo"], match["file"])
            elif tree := _TREE.match(path):
                self._tree(tree["repo"])
            elif info := _INFO.match(path):
                repo = self._repo(info["repo"])
                if repo:
                    self._send_json(_model_json(repo))
            else:
                self._send_error(404, "NotFound", "Not found")

        def _search(self, query: dict[str, list[str]]) -> None:
            needle = query.get("search", [""])[0].lower()
            filters = query.get("filter", [])
            results = [
                repo
                for repo in server.repos.values()
                if needle in repo.repo_id.lower() and all(f in repo.tags for f in filters)
            ]
            sort = query.get("sort", ["downloads"])[0]
            key = {
                "likes": lambda r: r.likes,
                "lastModified": lambda r: r.last_modified,
            }.get(sort, lambda r: r.downloads)
            results.sort(key=key, reverse=True)
            limit = int(query.get("limit", ["1000"])[0])
            self._send_json([_model_json(repo) for repo in results[:limit]])

        def _tree(self, repo_id: str) -> None:
            repo = self._repo(repo_id)
            if repo is None:
                return
            entries = [
                {
                    "type": "file",
                    "path": f.path,
                    "size": f.size,
                    "oid": hashlib.sha1(f.path.encode()).hexdigest(),
                    "lfs": {"oid": f.sha256, "size": f.size, "pointerSize": 134},
                }
                for f in repo.files.values()
            ]
            self._send_json(entries)

        def _resolve(self, repo_id: str, file_path: str) -> None:
            repo = self._repo(repo_id)
            if repo is None:
                return
            served = repo.files.get(file_path)
            if served is None:
                self._send_error(404, "EntryNotFound", "Entry not found")
                return
            status = server.faults.status.get(file_path)
            if status:
                self._send_error(status, "Error", f"Injected {status}")
                return
            start, end = 0, served.size - 1
            wanted = self.headers.get("Range")
            partial = False
            if self.command == "GET" and wanted and not server.faults.ignore_range:
                found = re.match(r"bytes=(\d+)-(\d*)", wanted)
                if found:
                    start = int(found.group(1))
                    end = int(found.group(2)) if found.group(2) else served.size - 1
                    partial = True
                    if start >= served.size:
                        self.send_response(416)
                        self.send_header("Content-Range", f"bytes */{served.size}")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
            self.send_response(206 if partial else 200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("X-Repo-Commit", COMMIT)
            self.send_header("ETag", f'"{served.sha256}"')
            self.send_header("X-Linked-Etag", f'"{served.sha256}"')
            self.send_header("X-Linked-Size", str(served.size))
            self.send_header("Content-Length", str(end - start + 1))
            if partial:
                self.send_header("Content-Range", f"bytes {start}-{end}/{served.size}")
            self.end_headers()
            if self.command == "HEAD":
                return
            if served.source is None:
                self.close_connection = True
                return
            self._send_body(served, start, end)

        def _send_body(self, served: ServedFile, start: int, end: int) -> None:
            faults = server.faults
            cut = faults.cut_after.pop(served.path, None)
            remaining = end - start + 1
            sent = 0
            with served.source.open("rb") as handle:  # type: ignore[union-attr]
                handle.seek(start)
                while remaining > 0:
                    chunk = handle.read(min(SEND_CHUNK, remaining))
                    if not chunk:
                        break
                    if served.path in faults.corrupt and sent == 0:
                        chunk = bytes([chunk[0] ^ 0xFF]) + chunk[1:]
                    if cut is not None and sent + len(chunk) >= cut:
                        self.wfile.write(chunk[: max(cut - sent, 0)])
                        self.wfile.flush()
                        self.close_connection = True
                        return
                    self.wfile.write(chunk)
                    sent += len(chunk)
                    remaining -= len(chunk)
                    hold = faults.hold_after_first_chunk.pop(served.path, None)
                    if hold is not None:
                        self.wfile.flush()
                        hold.wait(60)
                    if faults.delay_per_mb_s:
                        time.sleep(faults.delay_per_mb_s * len(chunk) / SEND_CHUNK)

    return Handler


def _model_json(repo: ServedRepo) -> dict[str, Any]:
    """Return a repository as the hub's /api/models lists it."""
    return {
        "_id": hashlib.sha1(repo.repo_id.encode()).hexdigest()[:24],
        "id": repo.repo_id,
        "modelId": repo.repo_id,
        "downloads": repo.downloads,
        "likes": repo.likes,
        "lastModified": repo.last_modified.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "tags": repo.tags,
        "pipeline_tag": "text-generation" if "text-generation" in repo.tags else None,
        "gated": "auto" if repo.gated else False,
        "private": False,
        "sha": COMMIT,
    }


def make_pattern_file(path: Path, size: int, seed: int = 0) -> Path:
    """Write a file of ``size`` bytes of a repeating pattern that starts with the GGUF magic."""
    if path.is_file() and path.stat().st_size == size:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    block = (b"GGUF" + bytes((seed + i) % 251 for i in range(65532))) * 16
    with path.open("wb") as handle:
        left = size
        while left > 0:
            piece = block[: min(len(block), left)]
            handle.write(piece)
            left -= len(piece)
    return path


#: File names of ``test-org/Evil-GGUF`` that would be saved outside the models folder.
EVIL_FILE_NAMES = (
    "../../escape-Q2_K.gguf",
    "/absolute-Q2_K.gguf",
    "C:/drive-Q2_K.gguf",
    "sub\\..\\..\\backslash-Q2_K.gguf",
    "sub/../../climb-Q2_K.gguf",
)


def build_test_hub(
    folder: Path, model_file: Path | None, model_sha256: str | None = None
) -> HubServer:
    """Return a server (not started) with the standard test repositories.

    - ``test-org/SmolLM2-135M-Instruct-GGUF``: the real default model (when given);
    - ``test-org/Tiny-Quants-GGUF``: several quant files, a split model in three
      parts, and a huge virtual F16 file that fits no machine;
    - ``test-org/no-gguf-model``: only safetensors, not tagged gguf;
    - ``test-org/Gated-GGUF``: gated, needs ``Authorization: Bearer TOKEN``;
    - ``test-org/Evil-GGUF``: file names that would leave the models folder
      (:data:`EVIL_FILE_NAMES`), and one safe file in a subfolder.
    """
    server = HubServer()
    now = datetime(2025, 6, 1, tzinfo=UTC)
    if model_file is not None:
        real = server.add_repo(
            "test-org/SmolLM2-135M-Instruct-GGUF",
            downloads=500,
            likes=5,
            last_modified=now - timedelta(days=30),
        )
        real.add_file(model_file.name, model_file, model_sha256)
    quants = server.add_repo(
        "test-org/Tiny-Quants-GGUF", downloads=100, likes=50, last_modified=now - timedelta(days=60)
    )
    for index, (quant, size) in enumerate(
        [("Q2_K", 1_000_000), ("Q4_K_M", 2_000_000), ("Q8_0", 3_000_000)]
    ):
        name = f"tiny-{quant}.gguf"
        quants.add_file(name, make_pattern_file(folder / "tiny" / name, size, seed=index))
    for part in range(1, 4):
        name = f"tiny-Q6_K-{part:05d}-of-00003.gguf"
        quants.add_file(name, make_pattern_file(folder / "tiny" / name, 700_000, seed=10 + part))
    quants.add_virtual("tiny-F16.gguf", 400 * 1024**3)
    readme = folder / "tiny" / "README.md"
    readme.write_text("# tiny\n")
    quants.add_file("README.md", readme)
    plain = server.add_repo(
        "test-org/no-gguf-model",
        downloads=1000,
        likes=1,
        last_modified=now,
        tags=["safetensors", "text-generation"],
    )
    plain.add_file("README.md", readme)
    gated = server.add_repo(
        "test-org/Gated-GGUF",
        downloads=10,
        likes=2,
        last_modified=now - timedelta(days=1),
        gated=True,
    )
    gated.add_file("gated-Q2_K.gguf", folder / "tiny" / "tiny-Q2_K.gguf")
    evil = server.add_repo("test-org/Evil-GGUF", downloads=1, likes=0, last_modified=now)
    for unsafe in EVIL_FILE_NAMES:
        evil.add_file(unsafe, folder / "tiny" / "tiny-Q2_K.gguf")
    evil.add_file("sub/safe-Q2_K.gguf", folder / "tiny" / "tiny-Q2_K.gguf")
    return server


def copy_default_model(folder: Path, source: Path) -> Path:
    """Copy the default model into ``folder`` (the served copy of the real GGUF)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    shutil.copyfile(source, target)
    return target
