"""`writer models list|search|files|download`: stdout results, stderr progress, exit codes."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import json

import pytest

from tests.hub_fixtures import QUANTS_REPO
from writer.commands import models as models_command
from writer.config import models_dir


def run(*argv: str) -> int:
    """Parse ``writer <argv>`` with the models command registered, and run it."""
    parser = argparse.ArgumentParser(prog="writer")
    subparsers = parser.add_subparsers(dest="command")
    models_command.register(subparsers)
    args = parser.parse_args(list(argv))
    return args.func(args)


def test_search_json(hub, capsys):
    assert run("models", "search", "tiny", "--json") == 0
    found = json.loads(capsys.readouterr().out)
    assert [r["repo_id"] for r in found] == [QUANTS_REPO]
    assert found[0]["likes"] == 50 and found[0]["last_modified"] == "2025-04-02"


def test_files_json_marks_fit_and_recommendation(hub, capsys):
    assert run("models", "files", QUANTS_REPO, "--json", "--context", "2048") == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["tiny-F16.gguf"]["fit"] == "too big"
    assert rows["tiny-Q6_K.gguf"]["parts"][2] == "tiny-Q6_K-00003-of-00003.gguf"
    assert sum(r["recommended"] for r in rows.values()) == 1


def test_download_prints_path_and_progress_then_list_shows_it(hub, capsys):
    assert run("models", "download", QUANTS_REPO, "tiny-Q2_K.gguf") == 0
    captured = capsys.readouterr()
    path = captured.out.strip()
    assert path.endswith("tiny-Q2_K.gguf") and os.path.isfile(path)
    assert "100.0%" in captured.err
    assert run("models", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert path in [m["path"] for m in listed]


def test_download_failure_is_one_line_exit_1(hub, capsys):
    hub.faults.corrupt.add("tiny-Q2_K.gguf")
    assert run("models", "download", QUANTS_REPO, "tiny-Q2_K.gguf") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert "checksum" in err[-1] and "Traceback" not in "\n".join(err)
    assert not list(models_dir().rglob("*.gguf"))


def test_unknown_file_and_unreachable_hub_exit_1(hub, capsys, monkeypatch, dead_endpoint):
    assert run("models", "search", "qwen") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot be reached" in err


def test_missing_file_in_repo_exit_1(hub, capsys):
    assert run("models", "download", QUANTS_REPO, "nope.gguf") == 1
    assert "nope.gguf" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys):
    assert run("models") == 2
    with pytest.raises(SystemExit) as exited:
        run("models", "download", "only-a-repo")
    assert exited.value.code == 2
