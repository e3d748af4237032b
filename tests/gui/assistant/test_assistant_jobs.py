"""The assistant's jobs on the real default model: chat, tools, summaries in parts, stop."""

from __future__ import annotations

import dataclasses
import time
from typing import TYPE_CHECKING

import pytest

from tests.conftest import require_model
from writer.core.chat_prompt import ChatTurn
from writer.core.prompt_library import library
from writer.core.sampling import SamplingParams
from writer.engine.assistant_jobs import (
    STAGE_FINAL,
    STAGE_PART,
    ChatJob,
    SummaryJob,
    ToolJob,
    chat_format_for,
)
from writer.engine.backend import EngineOptions, LlamaBackend, StopFlag
from writer.engine.engine_thread import Engine
from writer.engine.jobs import CollectingSink as Sink

if TYPE_CHECKING:
    from pathlib import Path

SMALL_CTX = 1024
PARAGRAPH = (
    "The lighthouse keeper had not spoken to anyone in three weeks. Each morning he climbed "
    "the spiral stairs, wiped the salt from the great lens, and wrote one line in the logbook."
)


@pytest.fixture(scope="module")
def backend():
    loaded = LlamaBackend.load(require_model(), EngineOptions(n_ctx=SMALL_CTX, gpu_layers=0))
    yield loaded
    loaded.close()


def params(tokens: int = 16) -> SamplingParams:
    return SamplingParams(max_tokens=tokens, temperature=0.7, seed=11)


def long_text(paragraphs: int) -> str:
    return "\n\n".join(f"Day {i}. {PARAGRAPH}" for i in range(paragraphs))


def test_smollm2_prompt_uses_its_chatml_template(backend):
    chat_format = chat_format_for(backend)
    assert chat_format.templated and chat_format.eos == "<|im_end|>"
    job = ChatJob([ChatTurn("Hello?")])
    text = chat_format.render(job.messages())
    assert text.startswith("<|im_start|>system\n")
    assert "<|im_start|>user\nHello?<|im_end|>\n<|im_start|>assistant\n" in text


def test_chat_answers_and_the_second_turn_sees_the_first(backend):
    turns = [ChatTurn("Name a colour.")]
    first = ChatJob(turns, params=params())
    sink = Sink()
    stats = first.run(backend, sink, StopFlag())
    assert first.reply and "".join(sink.pieces).strip() == first.reply
    turns[0].reply = first.reply
    turns.append(ChatTurn("Name another one."))
    second = ChatJob(turns, params=params())
    assert [m.role for m in second.messages()] == ["system", "user", "assistant", "user"]
    stats = second.run(backend, Sink(), StopFlag())
    assert second.reply
    assert stats.cached_tokens > 0  # the conversation's start came from llama.cpp's cache


def test_broken_template_takes_the_plain_fallback_and_says_so_once(backend, monkeypatch):
    broken = dataclasses.replace(backend.info, chat_template="{% for m in messages %}{{ m.x")
    monkeypatch.setattr(backend, "info", broken)
    sink = Sink()
    turns = [ChatTurn("Say hello.")]
    job = ChatJob(turns, params=params())
    job.run(backend, sink, StopFlag())
    assert job.reply
    assert len(sink.notices) == 1 and "broken" in sink.notices[0]
    assert job.messages()[-1].content == "Say hello."
    assert not chat_format_for(backend).templated


def test_each_tool_writes_something(backend):
    for tool in ("rewrite", "expand", "shorten", "tone", "new_direction"):
        job = ToolJob(tool, PARAGRAPH, params=params(12), tone="humorous")
        job.run(backend, Sink(), StopFlag())
        assert job.result.strip(), tool


def test_a_selection_too_long_for_a_tool_is_refused_in_one_line(backend):
    from writer.errors import GenerationError

    with pytest.raises(GenerationError, match="too long for Rewrite"):
        ToolJob("rewrite", long_text(60), params=params()).run(backend, Sink(), StopFlag())


def test_chinese_text_gets_the_chinese_prompt(backend):
    job = SummaryJob("雨已经下了三天。玛拉站在窗前，看着街上的行人匆匆走过。", params=params())
    sink = Sink()
    job.run(backend, sink, StopFlag())
    assert job.parts == 1 and job.result
    assert job.language is None  # detected, not forced
    messages = library().get("summarize", "zh").messages(text="x")
    assert "中文" in messages[1].content


def test_a_text_longer_than_the_context_goes_through_the_parts(backend):
    text = long_text(64)  # about 3x the 1,024-token context
    assert backend.count_tokens(text) > 2.5 * SMALL_CTX
    job = SummaryJob(text, params=params())
    sink = Sink()
    stats = job.run(backend, sink, StopFlag())
    parts = [s for s in sink.steps if s[2] == STAGE_PART]
    assert len(parts) == job.parts >= 3
    assert parts == [(k, job.parts, STAGE_PART) for k in range(1, job.parts + 1)]
    assert sink.steps[-1] == (1, 1, STAGE_FINAL)
    assert len(job.part_summaries) == job.parts
    assert job.result and stats.stop_reason in ("eos", "length", "stop")


def test_stop_in_the_middle_of_a_long_summary(qtbot, model_path: Path):
    engine = Engine()
    with qtbot.waitSignal(engine.modelLoaded, timeout=60_000):
        engine.load_model(model_path, EngineOptions(n_ctx=SMALL_CTX, gpu_layers=0))
    job = SummaryJob(long_text(64), params=params(200))
    job_id = engine.submit(job)
    with qtbot.waitSignal(
        engine.progress,
        timeout=120_000,
        check_params_cb=lambda i, step, _t, _s: i == job_id and step == 2,
    ):
        pass
    with qtbot.waitSignal(engine.text, timeout=60_000):
        pass  # part 2 is being written
    asked = time.perf_counter()
    with qtbot.waitSignal(engine.finished, timeout=5_000) as done:
        engine.cancel(job_id)
    assert time.perf_counter() - asked < 0.2
    assert done.args[1].stop_reason == "cancelled"
    assert len(job.part_summaries) >= 1 and job.parts >= 3
    assert job.result.startswith(job.part_summaries[0])
    engine.shutdown()
