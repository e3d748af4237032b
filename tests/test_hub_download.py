"""Downloads from a local test hub: complete, resume, checksum, cancel, errors, local listing."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from collections import namedtuple

import pytest

from tests.hub_fixtures import QUANTS_REPO, REAL_REPO
from writer.config import models_dir
from writer.errors import HubError
from writer.hub.download import PARTIAL_DIR_NAME, download_model
from writer.hub.errors import (
    DownloadCancelledError,
    HubAuthError,
    HubChecksumError,
    HubDiskFullError,
    HubNotFoundError,
    HubOfflineError,
    HubUnsafePathError,
)
from writer.hub.local_models import downloaded_model_paths
from writer.hub.repo_files import find_model_file, list_repo_gguf_files

Q8 = "tiny-Q8_0.gguf"  # 3,000,000 bytes: more than two 1 MiB network chunks


def test_download_completes_and_llama_cpp_loads_it(hub_with_model):
    from writer.engine.backend import EngineOptions, LlamaBackend

    model = list_repo_gguf_files(REAL_REPO)[0]
    reports = []
    path = download_model(model, on_progress=reports.append)
    assert path.is_file() and path.is_relative_to(models_dir().resolve())
    assert path.stat().st_size == model.size
    assert reports[-1].done_bytes == reports[-1].total_bytes == model.size
    assert downloaded_model_paths() == [path]
    backend = LlamaBackend.load(path, EngineOptions(n_ctx=256, gpu_layers=0))
    try:
        assert backend.count_tokens("Hello world") > 0
    finally:
        backend.close()


def test_download_cut_midway_resumes_with_range_and_passes_checksum(hub):
    hub.faults.cut_after[Q8] = 2_500_000
    model = find_model_file(QUANTS_REPO, Q8)
    path = download_model(model)
    ranges = hub.range_requests(Q8)
    assert len(ranges) == 1 and ranges[0].startswith("bytes=")
    resumed_at = int(ranges[0].removeprefix("bytes=").rstrip("-"))
    assert 0 < resumed_at <= 2_500_000
    assert path.read_bytes() == (hub.repos[QUANTS_REPO].files[Q8].source.read_bytes())


def test_split_model_downloads_every_part(hub):
    model = find_model_file(QUANTS_REPO, "tiny-Q6_K.gguf")
    path = download_model(model)
    assert path.name == "tiny-Q6_K-00001-of-00003.gguf"
    assert sorted(p.name for p in path.parent.glob("tiny-Q6_K-*")) == [
        f"tiny-Q6_K-{i:05d}-of-00003.gguf" for i in (1, 2, 3)
    ]
    assert downloaded_model_paths() == [path]  # one entry for the three parts


def test_corrupted_body_fails_checksum_and_is_never_listed(hub):
    hub.faults.corrupt.add(Q8)
    with pytest.raises(HubChecksumError, match="checksum"):
        download_model(find_model_file(QUANTS_REPO, Q8))
    assert downloaded_model_paths() == []
    assert not list(models_dir().rglob("*.gguf"))
    assert not list(models_dir().rglob("*.part"))  # a damaged file is not kept for resume


def test_cancel_keeps_partial_file_unlisted_then_resumes(hub):
    hub.faults.delay_per_mb_s = 0.2
    cancel = threading.Event()

    def on_progress(progress):
        if progress.done_bytes >= 1024 * 1024:
            cancel.set()

    model = find_model_file(QUANTS_REPO, Q8)
    with pytest.raises(DownloadCancelledError, match="resume"):
        download_model(model, on_progress=on_progress, cancel=cancel)
    partials = list((models_dir() / PARTIAL_DIR_NAME).rglob("*.part"))
    assert len(partials) == 1 and 0 < partials[0].stat().st_size < model.size
    kept = partials[0].stat().st_size
    assert downloaded_model_paths() == []

    hub.faults.delay_per_mb_s = 0.0
    path = download_model(model)
    assert hub.range_requests(Q8) == [f"bytes={kept}-"]
    assert path.stat().st_size == model.size
    assert downloaded_model_paths() == [path]
    assert not list(models_dir().rglob("*.part"))


def test_server_ignoring_range_still_gives_a_good_file(hub):
    hub.faults.delay_per_mb_s = 0.2
    cancel = threading.Event()
    model = find_model_file(QUANTS_REPO, Q8)
    with pytest.raises(DownloadCancelledError):
        download_model(
            model,
            on_progress=lambda p: p.done_bytes >= 1024 * 1024 and cancel.set(),
            cancel=cancel,
        )
    hub.faults.delay_per_mb_s = 0.0
    hub.faults.ignore_range = True
    path = download_model(model)
    assert path.read_bytes() == hub.repos[QUANTS_REPO].files[Q8].source.read_bytes()


def test_disk_full_is_reported_before_downloading(hub, monkeypatch):
    Usage = namedtuple("Usage", "total used free")
    monkeypatch.setattr("shutil.disk_usage", lambda _p: Usage(10**9, 10**9, 1000))
    with pytest.raises(HubDiskFullError, match="disk space"):
        download_model(find_model_file(QUANTS_REPO, Q8))
    assert hub.gets_of(Q8) == 0


@pytest.mark.parametrize(
    ("status", "error_type"),
    [(404, HubNotFoundError), (403, HubAuthError), (503, HubError)],
)
def test_http_errors_get_their_own_message(hub, status, error_type):
    model = find_model_file(QUANTS_REPO, "tiny-Q2_K.gguf")
    hub.faults.status["tiny-Q2_K.gguf"] = status
    with pytest.raises(error_type) as caught:
        download_model(model)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert downloaded_model_paths() == []


def test_gated_download_needs_token(hub, monkeypatch):
    from writer.bench.hub_server import TOKEN

    model = find_model_file(QUANTS_REPO, "tiny-Q2_K.gguf")
    model.repo_id = "test-org/Gated-GGUF"
    model.parts = (model.parts[0].__class__("gated-Q2_K.gguf", model.size, model.parts[0].sha256),)
    with pytest.raises(HubAuthError, match="HF_TOKEN"):
        download_model(model)
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    assert download_model(model).name == "gated-Q2_K.gguf"


def test_traversal_file_from_the_hub_is_refused_and_nothing_written(hub, tmp_path):
    from writer.bench.hub_server import EVIL_FILE_NAMES
    from writer.hub.repo_files import HubFilePart, HubModelFile

    # Not listed (issue 11, item 12), and refused when asked for by name all the same.
    assert [f.name for f in list_repo_gguf_files("test-org/Evil-GGUF")] == ["sub/safe-Q2_K.gguf"]
    for name in EVIL_FILE_NAMES:
        part = HubFilePart(name, 1_000_000, "0" * 64)
        evil = HubModelFile("test-org/Evil-GGUF", name, (part,), "Q2_K")
        with pytest.raises(HubUnsafePathError, match="outside the models folder"):
            download_model(evil)
        assert hub.gets_of(name) == 0
    assert not list(models_dir().parent.rglob("escape-Q2_K.gguf"))


def test_offline_download_is_refused_clearly(hub, monkeypatch):
    model = find_model_file(QUANTS_REPO, "tiny-Q2_K.gguf")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(HubOfflineError):
        download_model(model)


def test_unreachable_hub_download_fails_with_one_line(dead_endpoint):
    from writer.hub.repo_files import HubFilePart, HubModelFile

    model = HubModelFile(
        "a/b", "m-Q4_K_M.gguf", (HubFilePart("m-Q4_K_M.gguf", 10, "0" * 64),), "Q4_K_M"
    )
    with pytest.raises(HubOfflineError, match="cannot be reached"):
        download_model(model)
