"""Download benchmark: the app's hub download against a raw streamed copy from the same server.

Starts the local Hugging-Face-compatible server (:mod:`writer.bench.hub_server`)
on 127.0.0.1, serves one file, and times (a) :func:`writer.hub.download.download_model`
(metadata, HTTP body through ``huggingface_hub``, sha256, rename) and (b) a
plain streamed GET of the same URL written to disk. The ratio of the two
throughputs is the figure to watch (target: at least 0.9). Run it with
``python -m writer.bench.download``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import httpx2

from writer.bench import hub_server
from writer.bench.common import Figure

BENCH_FILE_BYTES = 256 * 1024 * 1024
REPO_ID = "bench/Bench-GGUF"
FILE_NAME = "bench-Q4_K_M.gguf"
ROUNDS = 3
RAW_CHUNK_BYTES = 1024 * 1024


def _raw_copy(url: str, target: Path) -> float:
    """Stream ``url`` into ``target`` with a bare HTTP client; return the seconds taken."""
    started = time.perf_counter()
    with httpx2.Client(timeout=60) as client, client.stream("GET", url) as response:
        response.raise_for_status()
        with target.open("wb") as handle:
            for chunk in response.iter_bytes(RAW_CHUNK_BYTES):
                handle.write(chunk)
    return time.perf_counter() - started


def bench_download(file_bytes: int = BENCH_FILE_BYTES, rounds: int = ROUNDS) -> dict[str, float]:
    """Return the app's and the raw download throughput (MB/s) and their ratio (best of rounds)."""
    work = Path(tempfile.mkdtemp(prefix="writer-bench-download-"))
    saved_env = {key: os.environ.get(key) for key in ("HF_ENDPOINT", "WRITER_HOME")}
    try:
        source = hub_server.make_pattern_file(work / "served" / FILE_NAME, file_bytes)
        server = hub_server.HubServer()
        server.add_repo(REPO_ID).add_file(FILE_NAME, source)
        with server:
            os.environ["HF_ENDPOINT"] = server.url
            os.environ["WRITER_HOME"] = str(work / "home")
            from writer.hub.download import download_model
            from writer.hub.repo_files import find_model_file

            model = find_model_file(REPO_ID, FILE_NAME)
            url = f"{server.url}/{REPO_ID}/resolve/main/{FILE_NAME}"
            app_times: list[float] = []
            raw_times: list[float] = []
            for round_index in range(rounds):
                raw_target = work / f"raw-{round_index}.bin"
                raw_times.append(_raw_copy(url, raw_target))
                raw_target.unlink()
                folder = work / f"models-{round_index}"
                started = time.perf_counter()
                download_model(model, folder=folder)
                app_times.append(time.perf_counter() - started)
                shutil.rmtree(folder)
    finally:
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(work, ignore_errors=True)
    megabytes = file_bytes / 1e6
    app_rate = megabytes / min(app_times)
    raw_rate = megabytes / min(raw_times)
    return {
        "download_app_mb_s": round(app_rate, 1),
        "download_raw_mb_s": round(raw_rate, 1),
        "download_ratio": round(app_rate / raw_rate, 3),
    }


def bench_figures(_model: Path) -> list[Figure]:
    """Return the download figures for ``writer bench`` (the model is not used)."""
    figures = bench_download()
    ratio = figures["download_ratio"]
    return [
        Figure(
            "download",
            "hub download throughput, app / raw streamed copy",
            ratio,
            ">= 0.9",
            ratio >= 0.9,
            f"app {figures['download_app_mb_s']} MB/s (with sha256), "
            f"raw {figures['download_raw_mb_s']} MB/s, 256 MB from 127.0.0.1",
        )
    ]


def main() -> int:
    """Print the benchmark's figures as JSON."""
    print(json.dumps(bench_download(), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
