"""``writer bench`` sections of the assistant: summary in parts, and streamed chat.

``summary``: the time to summarize a 30,000-character text through the parts
path (:class:`~writer.engine.assistant_jobs.SummaryJob`) against the sum of
raw llama-cpp-python calls on the very prompts the job made, in the same run.
``chat``: tokens/s of a chat reply streamed through the engine thread against
raw ``Llama.create_chat_completion(stream=True)``. Both sides load the model
the same way: same threads, ``n_gpu_layers=0``, and llama.cpp's extra buffer
types switched off where the backend switches them off (CPUs with AMX).
"""

from __future__ import annotations

import statistics
import time
from typing import TYPE_CHECKING, Any

from writer.bench.common import Figure, on_engine_thread, raw_sampling
from writer.core.chat_prompt import ChatTurn
from writer.core.sampling import SamplingParams
from writer.engine import native
from writer.engine.assistant_jobs import ChatJob, SummaryJob
from writer.engine.backend import (
    EngineOptions,
    LlamaBackend,
    StopFlag,
    default_thread_count,
)

if TYPE_CHECKING:
    from pathlib import Path

N_CTX = 4096
PARAGRAPH = (
    "The lighthouse keeper had not spoken to anyone in three weeks. Each morning he climbed "
    "the spiral stairs, wiped the salt from the great lens, and wrote one line in the logbook: "
    "wind, weather, ships seen. On the twenty-second day a small boat appeared on the horizon."
)
QUESTION = "Write a short story about a lighthouse keeper who finds a message in a bottle."


def _options() -> EngineOptions:
    return EngineOptions(n_ctx=N_CTX, n_threads=default_thread_count(), gpu_layers=0)


def raw_llama(model: Path) -> Any:
    """Load the model with raw llama-cpp-python exactly as the backend does."""
    return native.raw_llama(model, N_CTX)


def long_text(chars: int = 30_000) -> str:
    """Return a text of paragraphs, at least ``chars`` long."""
    paragraphs = []
    while sum(len(p) + 2 for p in paragraphs) < chars:
        paragraphs.append(f"Day {len(paragraphs) + 1}. {PARAGRAPH}")
    return "\n\n".join(paragraphs)


class _Null:
    def text(self, piece: str) -> None:
        pass

    def progress(self, step: int, total: int, label: str) -> None:
        pass

    def notice(self, message: str) -> None:
        pass


class _RecordingBackend(LlamaBackend):
    """A backend that records every prompt it generates from, and how many tokens it made."""

    calls: list[tuple[list[int], int]]

    def generate(self, prompt, params, on_text, **kwargs):  # type: ignore[override]
        """Generate as usual and remember the prompt tokens and the tokens made."""
        stats = super().generate(prompt, params, on_text, **kwargs)
        self.calls.append((list(prompt), stats.tokens))
        return stats


def bench_summary(model: Path, rounds: int = 3) -> list[Figure]:
    """Summary in parts of 30,000 characters: app time / sum of raw calls on the same prompts."""
    params = SamplingParams(max_tokens=64, temperature=0.7, seed=42)
    text = long_text()
    backend = _RecordingBackend.load(model, _options())
    raw = raw_llama(model)
    app_times, raw_times, parts = [], [], 0
    try:
        for _ in range(rounds):
            backend.calls = []
            backend.clear_cache()
            started = time.perf_counter()
            job = SummaryJob(text, params=params)
            job.run(backend, _Null(), StopFlag())
            app_times.append(time.perf_counter() - started)
            parts = job.parts
            raw.reset()
            started = time.perf_counter()
            for tokens, made in backend.calls:
                raw.create_completion(tokens, **raw_sampling(params, max(1, made)))
            raw_times.append(time.perf_counter() - started)
    finally:
        backend.close()
        raw.close()
    app_s, raw_s = statistics.median(app_times), statistics.median(raw_times)
    ratio = app_s / raw_s if raw_s else 0.0
    return [
        Figure(
            "summary",
            "summary of 30,000 characters in parts, app / raw calls (time)",
            ratio,
            "<= 1.1",
            ratio <= 1.1,
            f"app {app_s:.1f} s, raw {raw_s:.1f} s, {parts} parts, {len(backend.calls)} calls",
        )
    ]


def _raw_chat_rate(raw: Any, messages: list[dict[str, str]], params: SamplingParams) -> float:
    """Return tokens/s of raw ``create_chat_completion(stream=True)`` after the first token."""
    stamps: list[float] = []
    for chunk in raw.create_chat_completion(messages, stream=True, **raw_sampling(params)):
        if chunk["choices"][0]["delta"].get("content"):
            stamps.append(time.perf_counter())
    return (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else 0.0


def bench_chat(model: Path, rounds: int = 3) -> list[Figure]:
    """Streamed chat reply through the engine thread: tokens/s against raw llama-cpp-python."""
    from PySide6.QtCore import QEventLoop

    from writer.engine.engine_thread import Engine
    from writer.gui.app import create_application

    create_application()
    params = SamplingParams(max_tokens=160, temperature=0.7, seed=1234)
    engine = Engine()
    loop = QEventLoop()
    engine.modelLoaded.connect(loop.quit)
    engine.modelFailed.connect(loop.quit)
    engine.load_model(model, _options())
    loop.exec()
    if engine.model is None:
        raise RuntimeError(engine.load_error or "model failed to load")
    raw = raw_llama(model)
    stamps: list[float] = []
    engine.text.connect(lambda _id, _piece: stamps.append(time.perf_counter()))
    finished: list[Any] = []

    def app_rate() -> float:
        stamps.clear()
        finished.clear()
        done = QEventLoop()

        def on_finished(_job_id: int, stats: Any) -> None:
            finished.append(stats)
            done.quit()

        engine.finished.connect(on_finished)
        job = ChatJob([ChatTurn(QUESTION)], params=params)
        engine.submit(job)
        done.exec()
        engine.finished.disconnect(on_finished)
        tokens = finished[0].tokens if finished else 0
        # Text arrives in batches of about 50 ms: count tokens, time first to last arrival.
        return (tokens - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 and tokens > 1 else 0.0

    messages = [m.to_dict() for m in ChatJob([ChatTurn(QUESTION)]).messages()]

    def raw_rate() -> float:
        raw.reset()
        return _raw_chat_rate(raw, messages, params)

    raw_rates, app_rates = [], []
    on_engine_thread(engine, raw_rate)  # warm up; raw runs on the engine thread too
    for _ in range(rounds):
        raw_rates.append(on_engine_thread(engine, raw_rate))
        app_rates.append(app_rate())
    engine.shutdown()
    raw.close()
    raw_rate, app_rate_ = statistics.median(raw_rates), statistics.median(app_rates)
    ratio = app_rate_ / raw_rate if raw_rate else 0.0
    return [
        Figure(
            "chat",
            "streamed chat tokens/s, app / raw create_chat_completion",
            ratio,
            ">= 0.98",
            ratio >= 0.98,
            f"app {app_rate_:.1f} tok/s, raw {raw_rate:.1f} tok/s",
        )
    ]
