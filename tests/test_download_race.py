"""Two Writer processes downloading the same file (issue 10, item 5).

The first holds the file's lock; the second says it waits for another Writer,
waits, and then finds the verified file in place (exit 0, the same path). The
file kept is byte-for-byte the hub's, never two downloads spliced together.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from tests.hub_fixtures import QUANTS_REPO, hub  # noqa: F401 - the fixture
from writer.bench.hub_server import sha256_of
from writer.config import models_dir

FILE = "tiny-Q8_0.gguf"  # 3 MB, sent in 1 MB chunks


def _download(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "writer", "models", "download", QUANTS_REPO, FILE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
    )


WAITING = f"Another Writer is downloading {FILE}; waiting for it to finish…"


def test_two_processes_download_one_file_and_keep_a_verified_copy(hub, hub_files_dir):  # noqa: F811
    body_started = threading.Event()
    release = threading.Event()  # the hub holds the first download until the second waits
    record = hub.log

    def watch(entry: dict) -> None:
        record(entry)
        if entry["method"] == "GET" and entry["file"] == FILE:
            body_started.set()

    hub.log = watch
    hub.faults.hold_after_first_chunk[FILE] = release
    hub.faults.delay_per_mb_s = 0.5
    env = {**os.environ}
    first = _download(env)
    said: list[str] = []
    try:
        assert body_started.wait(120), first.stderr.read() if first.poll() is not None else ""
        second = _download(env)

        def read_second() -> None:
            assert second.stderr is not None
            for line in second.stderr:
                said.append(line.rstrip("\n"))
                if line.startswith("Another Writer"):
                    release.set()  # the second one said it waits: let the first finish

        reader = threading.Thread(target=read_second, daemon=True)
        reader.start()
        second.wait(180)
        reader.join(30)
        assert second.stdout is not None
        out_second = second.stdout.read()
        out_first, err_first = first.communicate(timeout=180)
    finally:
        release.set()
        first.kill()
    err_second = "\n".join(said)
    assert first.returncode == 0, err_first
    assert second.returncode == 0, err_second
    assert said.count(WAITING) == 1, err_second  # said once, on its own line
    assert "Traceback" not in err_first + err_second
    kept = list(models_dir().rglob("*.gguf"))
    assert [path.name for path in kept] == [FILE]
    assert sha256_of(kept[0]) == sha256_of(hub_files_dir / "tiny" / FILE)
    assert kept[0].stat().st_size == 3_000_000
    assert out_second.strip() == out_first.strip() == str(kept[0])
