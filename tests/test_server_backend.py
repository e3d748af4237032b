"""The server backend against a real ``llama_cpp.server`` with the default model."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from typing import TYPE_CHECKING

import pytest

from tests.server_fixtures import SERVER_CTX
from writer.core.chat_prompt import ChatTurn
from writer.core.context_window import ContextWindow
from writer.core.sampling import SamplingParams
from writer.core.templates import load_templates
from writer.engine.assistant_jobs import ChatJob, SummaryJob
from writer.engine.backend import EngineOptions, LlamaBackend
from writer.engine.backend_api import Backend, StopFlag
from writer.engine.jobs import CollectingSink, ContinueJob
from writer.engine.template_jobs import TemplateJob

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.model

TEXTS = [
    "The lighthouse keeper had not spoken to anyone in three weeks.",
    "雨已经下了三天。玛拉站在窗前，看着街上的行人匆匆走过。",
    "  Spaces,\ttabs and\nnew lines — with “quotes” and émigré accents.  ",
]


@pytest.fixture(scope="module")
def remote(server_spec):
    from writer.engine.server_backend import ServerBackend

    backend = ServerBackend.connect(server_spec)
    yield backend
    backend.close()


def params(tokens: int = 16) -> SamplingParams:
    return SamplingParams(max_tokens=tokens, temperature=0.7, seed=3)


def test_connects_with_the_servers_tokenizer_and_context(remote, llama_server):
    assert isinstance(remote, Backend)
    assert remote.info.name == llama_server.model and remote.info.is_remote
    assert remote.info.display_name == f"{llama_server.model} @ {remote.info.host}"
    assert not remote.info.tokens_estimated and remote.info.notes == ()
    assert remote.n_ctx == SERVER_CTX


def test_token_counts_match_the_local_tokenizer(remote, model_path: Path):
    local = LlamaBackend.load(model_path, EngineOptions(n_ctx=512, gpu_layers=0))
    try:
        for text in TEXTS:
            assert remote.count_tokens(text) == local.count_tokens(text), text
            assert remote.tokenize(text, add_bos=False) == local.tokenize(text, add_bos=False)
    finally:
        local.close()


def test_continue_streams_and_stop_keeps_the_text(remote):
    sink = CollectingSink()
    job = ContinueJob(
        "The ship left the harbour at dawn, and the captain", ContextWindow(), params=params(24)
    )
    stats = job.run(remote, sink, StopFlag())
    assert sink.joined.strip() and stats.tokens > 0
    assert stats.stop_reason in ("length", "eos", "stop")  # "stop": ended at a sentence

    stop, stopped = StopFlag(), CollectingSink()

    def text(piece: str) -> None:
        stopped.text(piece)
        if len(stopped.pieces) == 3:
            stop.set()

    stats = remote.generate("Once upon a time", params(400), text, stop=stop)
    assert stats.stop_reason == "cancelled" and len(stopped.pieces) == 3


def test_chat_summary_in_parts_and_template(remote):
    chat = ChatJob([ChatTurn("Name a colour.")], params=params())
    chat.run(remote, CollectingSink(), StopFlag())
    assert chat.reply.strip()

    paragraph = "Day {}. The keeper climbed the stairs, wiped the lens and wrote in the log. "
    text = "\n\n".join(paragraph.format(i) * 3 for i in range(45))
    assert remote.count_tokens(text) > SERVER_CTX
    summary = SummaryJob(text, params=params())
    sink = CollectingSink()
    summary.run(remote, sink, StopFlag())
    assert summary.parts > 1 and summary.result.strip() and sink.steps[0][2] == "part"

    template = TemplateJob(load_templates().get("story_opening"), params=params(24))
    template.run(remote, CollectingSink(), StopFlag())
    assert template.text.strip()


def test_writer_continue_with_server(tmp_path: Path, llama_server):
    story = tmp_path / "story.txt"
    story.write_text("The ship left the harbour at dawn, and the captain", encoding="utf-8")
    env = {**os.environ, "WRITER_SERVER_MODEL": llama_server.model}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "writer",
            "continue",
            str(story),
            "--server",
            llama_server.url,
            "--max-tokens",
            "12",
            "--seed",
            "4",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() and "Traceback" not in result.stderr
    assert f"{llama_server.model} @ 127.0.0.1" in result.stderr


def test_writer_continue_with_a_dead_server_is_one_line(tmp_path: Path):
    story = tmp_path / "story.txt"
    story.write_text("The ship", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "writer", "continue", str(story), "--server", "127.0.0.1:9"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("writer: Cannot reach the server")
    assert "Traceback" not in result.stderr


def test_stop_from_another_thread_frees_the_backend(remote):
    stop = StopFlag()
    threading.Timer(0.3, stop.set).start()
    stats = remote.generate("A long tale:", params(2000), lambda _piece: None, stop=stop)
    assert stats.stop_reason == "cancelled"


def test_candidates_come_back_from_the_real_server(remote, caplog: pytest.LogCaptureFixture):
    """llama_cpp.server drops ``n``: its one choice is the first candidate, the rest follow."""
    from writer.engine.choice_jobs import CandidatesJob

    job = CandidatesJob(
        "The ship left the harbour at dawn, and the captain",
        ContextWindow(),
        params=params(12),
        count=3,
    )
    with caplog.at_level(logging.INFO, logger="writer.engine.server_candidates"):
        job.run(remote, CollectingSink(), StopFlag())
    assert len(job.texts) == 3 and all(text.strip() for text in job.texts)
    assert len(set(job.texts)) > 1  # own seeds: not three copies of one
    assert "answered n=3 with one choice" in caplog.text
