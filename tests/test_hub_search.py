"""Hub search, file lists, fit labels, the catalogue and hub errors, against a local test hub."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time

import pytest

from tests.hub_fixtures import QUANTS_REPO, REAL_REPO
from writer.bench.hub_server import TOKEN
from writer.core.model_files import bundled_model_path
from writer.core.system_memory import MemoryBudget
from writer.hub.catalog import load_catalog, parse_catalog
from writer.hub.download import destination_path
from writer.hub.errors import (
    HubAuthError,
    HubNotFoundError,
    HubOfflineError,
    HubUnsafePathError,
)
from writer.hub.fit import FitLabel
from writer.hub.quant import quant_from_filename
from writer.hub.repo_files import assess_files, list_repo_gguf_files
from writer.hub.search import SearchSort, search_models

GB = 1024**3


def ids(results):
    return [r.repo_id for r in results]


def test_search_lists_only_gguf_repos_sorted_by_downloads(hub):
    results = search_models("")
    assert "test-org/no-gguf-model" not in ids(results)
    downloads = [r.downloads for r in results]
    assert downloads == sorted(downloads, reverse=True)
    expected_first = REAL_REPO if bundled_model_path() else QUANTS_REPO
    assert ids(results)[0] == expected_first


def test_search_sorts_by_likes_and_by_update(hub):
    by_likes = search_models("", sort=SearchSort.LIKES)
    assert ids(by_likes)[0] == QUANTS_REPO
    assert [r.likes for r in by_likes] == sorted((r.likes for r in by_likes), reverse=True)
    by_date = search_models("", sort=SearchSort.UPDATED)
    dates = [r.last_modified for r in by_date]
    assert dates == sorted(dates, reverse=True)
    assert by_date[0].updated_text == "2025-06-01"


def test_search_query_filters_repo_ids(hub):
    assert ids(search_models("tiny")) == [QUANTS_REPO]
    assert search_models("nothing-like-this") == []


def test_files_show_size_quant_and_split_models_as_one_entry(hub):
    files = {f.name: f for f in list_repo_gguf_files(QUANTS_REPO)}
    assert "README.md" not in files
    assert set(files) == {
        "tiny-Q2_K.gguf",
        "tiny-Q4_K_M.gguf",
        "tiny-Q8_0.gguf",
        "tiny-Q6_K.gguf",
        "tiny-F16.gguf",
    }
    assert files["tiny-Q4_K_M.gguf"].size == 2_000_000
    assert files["tiny-Q4_K_M.gguf"].quant == "Q4_K_M"
    split = files["tiny-Q6_K.gguf"]
    assert split.is_split and len(split.parts) == 3
    assert split.size == 3 * 700_000
    assert split.first_part == "tiny-Q6_K-00001-of-00003.gguf"
    assert all(part.sha256 and len(part.sha256) == 64 for part in split.parts)


def test_fit_labels_and_recommended_quant_follow_free_memory(hub):
    files = list_repo_gguf_files(QUANTS_REPO)
    assess_files(files, MemoryBudget(free_ram=16 * GB, total_ram=32 * GB), n_ctx=4096)
    by_name = {f.name: f for f in files}
    assert by_name["tiny-F16.gguf"].fit.label == FitLabel.TOO_BIG
    assert by_name["tiny-Q4_K_M.gguf"].fit.label == FitLabel.FITS
    assert by_name["tiny-Q4_K_M.gguf"].fit.need_bytes > 2_000_000  # file + KV cache + overhead
    recommended = [f.name for f in files if f.recommended]
    assert recommended == ["tiny-Q8_0.gguf"]  # best quality that fits, never F16

    # A machine with less free memory than Q8_0 needs gets a smaller recommendation.
    q8_need = by_name["tiny-Q8_0.gguf"].fit.need_bytes
    q4_need = by_name["tiny-Q4_K_M.gguf"].fit.need_bytes
    small = MemoryBudget(free_ram=int((q8_need + q4_need) / 2 / 0.75), total_ram=8 * GB)
    assess_files(files, small, n_ctx=4096)
    assert [f.name for f in files if f.recommended] in (["tiny-Q6_K.gguf"], ["tiny-Q4_K_M.gguf"])
    assert by_name["tiny-Q8_0.gguf"].fit.label != FitLabel.FITS


def test_longer_context_needs_more_memory(hub):
    files = list_repo_gguf_files(QUANTS_REPO)
    budget = MemoryBudget(free_ram=16 * GB, total_ram=32 * GB)
    assess_files(files, budget, n_ctx=2048)
    short = {f.name: f.fit.need_bytes for f in files}
    assess_files(files, budget, n_ctx=32768)
    assert all(f.fit.need_bytes > short[f.name] for f in files)


def test_vram_is_used_when_offload_is_available(hub):
    files = list_repo_gguf_files(QUANTS_REPO)
    assess_files(files, MemoryBudget(free_ram=1, total_ram=1, free_vram=16 * GB), 4096)
    q4 = next(f for f in files if f.quant == "Q4_K_M")
    assert q4.fit.label == FitLabel.FITS and q4.fit.on_gpu
    assert "GPU" in q4.fit.describe()


def test_repo_without_gguf_has_no_files(hub):
    assert list_repo_gguf_files("test-org/no-gguf-model") == []


def test_missing_repo_says_not_found(hub):
    with pytest.raises(HubNotFoundError, match="not found"):
        list_repo_gguf_files("test-org/does-not-exist")


def test_gated_repo_asks_for_login_and_honours_hf_token(hub, monkeypatch):
    with pytest.raises(HubAuthError, match="HF_TOKEN"):
        list_repo_gguf_files("test-org/Gated-GGUF")
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    assert [f.name for f in list_repo_gguf_files("test-org/Gated-GGUF")] == ["gated-Q2_K.gguf"]


def test_offline_mode_refuses_at_once_without_a_request(hub, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    before = len(hub.requests)
    with pytest.raises(HubOfflineError, match="HF_HUB_OFFLINE"):
        search_models("tiny")
    assert len(hub.requests) == before


def test_unreachable_hub_fails_fast_with_a_clear_message(dead_endpoint):
    started = time.monotonic()
    with pytest.raises(HubOfflineError, match="cannot be reached"):
        search_models("qwen")
    assert time.monotonic() - started < 10


def test_file_names_that_escape_the_models_folder_are_refused(tmp_path):
    for bad in ("../../evil.gguf", "/etc/evil.gguf", "a/../../evil.gguf", "..\\evil.gguf"):
        with pytest.raises(HubUnsafePathError):
            destination_path("owner/repo", bad, tmp_path)
    with pytest.raises(HubUnsafePathError):
        destination_path("../..", "x.gguf", tmp_path)
    good = destination_path("owner/repo", "sub/model-Q4_K_M.gguf", tmp_path)
    assert good == tmp_path.resolve() / "owner" / "repo" / "sub" / "model-Q4_K_M.gguf"


def test_quant_names_are_read_from_file_names():
    assert quant_from_filename("qwen2.5-7b-instruct-q4_k_m-00001-of-00002.gguf") == "Q4_K_M"
    assert quant_from_filename("SmolLM2-135M-Instruct.Q4_1.gguf") == "Q4_1"
    assert quant_from_filename("Llama-3.2-1B-Instruct-IQ4_XS.gguf") == "IQ4_XS"
    assert quant_from_filename("model-fp16.gguf") == "F16"
    assert quant_from_filename("model.gguf") == "unknown"


def test_catalogue_lists_writing_models_offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    repos = [entry.repo_id for entry in load_catalog()]
    assert "Qwen/Qwen2.5-1.5B-Instruct-GGUF" in repos
    assert "HuggingFaceTB/SmolLM2-360M-Instruct-GGUF" in repos
    assert any("Llama-3.2-3B" in repo for repo in repos)
    assert any("zh" in entry.languages for entry in load_catalog())


def test_users_own_catalogue_replaces_the_shipped_one(writer_home):
    from writer.config import data_dir

    data_dir().mkdir(parents=True, exist_ok=True)
    (data_dir() / "catalog.toml").write_text(
        '[[model]]\nrepo = "me/My-GGUF"\nname = "Mine"\n\n[[model]]\nname = "no repo"\n'
    )
    assert [e.repo_id for e in load_catalog()] == ["me/My-GGUF"]
    assert parse_catalog("") == []


def test_a_broken_certificate_file_is_named_not_a_traceback(
    hub, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    """SSL_CERT_FILE pointing at a file that is not certificates: one line naming it."""
    from huggingface_hub.utils import _http as hf_http

    from writer.errors import HubError

    bundle = tmp_path / "ca-certificates.crt"
    bundle.write_text("-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n")
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    hf_http.close_session()  # the shared client reads the certificates as it is made
    try:
        with pytest.raises(HubError) as caught:
            search_models("tiny")
        text = str(caught.value)
        assert str(bundle) in text and "not a valid certificate file" in text
        assert "SSL_CERT_FILE" in text and "\n" not in text and "_ssl.c" not in text
        monkeypatch.delenv("SSL_CERT_FILE")
        hf_http.close_session()
        assert ids(search_models("tiny")) == [QUANTS_REPO]  # fixed file: the hub answers
    finally:
        hf_http.close_session()
