"""``writer bench --only continue``: Continue through the whole GUI path against raw llama.cpp.

Streaming speed (tokens/s through the engine thread, the stream controller
and the editor, over raw ``create_completion(stream=True)``), the longest
stall of the GUI thread while streaming, and the time to first token of a
re-Continue after a small edit against a cold Continue.
"""

from __future__ import annotations

import statistics
import time
from typing import TYPE_CHECKING

from writer.bench.common import APPENDED, STORY, Figure, on_engine_thread, raw_stream_rate, story_of
from writer.core.context_window import ContextWindow
from writer.core.sampling import SamplingParams
from writer.engine.backend import (
    EngineOptions,
    GenerationStats,
    LlamaBackend,
    StopFlag,
)
from writer.engine.jobs import CollectingSink, ContinueJob
from writer.engine.native import raw_llama

if TYPE_CHECKING:
    from pathlib import Path


def bench_continue(model: Path, rounds: int = 5) -> list[Figure]:
    """Streaming speed through the whole GUI path, time to first token, GUI stalls."""
    from writer.gui.app import create_application

    app = create_application()
    from PySide6.QtCore import QEventLoop, QTimer

    from writer.gui.main_window import MainWindow

    params = SamplingParams(max_tokens=200, temperature=0.7, seed=1234, repeat_penalty=1.1)
    raw = raw_llama(model, 4096)
    window = MainWindow(model=model, load_model=False)
    loop = QEventLoop()
    window.engine.modelLoaded.connect(loop.quit)
    window.engine.modelFailed.connect(loop.quit)
    window.engine.load_model(model, EngineOptions(n_ctx=4096, gpu_layers=0))
    loop.exec()
    if window.engine.model is None:
        raise RuntimeError(window.engine.load_error or "model failed to load")
    prompt = STORY

    stamps: list[float] = []
    gaps: list[float] = []
    last_beat = [0.0]

    def beat() -> None:
        now = time.perf_counter()
        if last_beat[0]:
            gaps.append(now - last_beat[0])
        last_beat[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(beat)
    window.engine.text.connect(lambda _id, _piece: stamps.append(time.perf_counter()))

    def app_rate(with_heartbeat: bool = False) -> tuple[float, int]:
        editor = window.current_editor()
        editor.setPlainText(prompt)
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        editor.context_window.reset()
        stamps.clear()
        done = QEventLoop()
        result: dict = {}

        def finished(_id: int, stats: GenerationStats) -> None:
            result["s"] = stats
            done.quit()

        def failed(_id: int, _message: str) -> None:
            done.quit()

        window.stream.finished.connect(finished)
        window.stream.failed.connect(failed)
        window.stream.stream(editor, ContinueJob(prompt, editor.context_window, params))
        last_beat[0] = 0.0
        if with_heartbeat:
            heartbeat.start()
        done.exec()
        heartbeat.stop()
        window.stream.finished.disconnect(finished)
        window.stream.failed.disconnect(failed)
        stats = result["s"]
        if len(stamps) < 2:
            return 0.0, stats.tokens
        # Time from the first inserted piece to the last, over the tokens generated after it.
        return (stats.tokens - 1) / (stamps[-1] - stamps[0]), stats.tokens

    def raw_rate() -> float:
        raw.reset()
        return raw_stream_rate(raw, prompt, params)[0]

    raw_rates, app_rates = [], []
    on_engine_thread(window.engine, raw_rate)  # warm up caches and pages
    for _ in range(rounds):
        raw_rates.append(on_engine_thread(window.engine, raw_rate))
        app_rates.append(app_rate()[0])
        app.processEvents()
    # The 5 ms heartbeat is measuring apparatus: it runs in a round of its own.
    app_rate(with_heartbeat=True)
    raw_rate = statistics.median(raw_rates)
    app_rate_ = statistics.median(app_rates)
    ratio = app_rate_ / raw_rate if raw_rate else 0.0
    stall_ms = max(gaps) * 1000 if gaps else 0.0
    window.engine.shutdown()
    window.deleteLater()
    raw.close()

    figures = [
        Figure(
            "continue",
            "stream tokens/s, app path / raw llama-cpp-python",
            ratio,
            ">= 0.98",
            ratio >= 0.98,
            f"app {app_rate_:.1f} tok/s, raw {raw_rate:.1f} tok/s",
        ),
        Figure(
            "continue",
            "longest GUI-thread stall while streaming (ms)",
            stall_ms,
            "<= 20",
            stall_ms <= 20,
            f"5 ms heartbeat, {len(gaps)} beats",
        ),
    ]
    figures.append(_time_to_first_token(model))
    return figures


def _time_to_first_token(model: Path) -> Figure:
    """Cold Continue on a 1,500-token document vs a re-Continue after appending ~20 tokens."""
    backend = LlamaBackend.load(model, EngineOptions(n_ctx=4096, gpu_layers=0))
    try:
        document = story_of(1500, backend)
        window = ContextWindow()
        params = SamplingParams(max_tokens=24, temperature=0.7, seed=7)
        sink = CollectingSink()
        cold = ContinueJob(document, window, params).run(backend, sink, StopFlag())
        document += "".join(sink.pieces) + APPENDED
        warm = ContinueJob(document, window, params).run(backend, CollectingSink(), StopFlag())
    finally:
        backend.close()
    ratio = warm.first_token_s / cold.first_token_s if cold.first_token_s else 0.0
    return Figure(
        "continue",
        "time to first token, re-continue / cold (1,500 tokens)",
        ratio,
        "<= 0.05",
        ratio <= 0.05,
        f"cold {cold.first_token_s * 1000:.0f} ms ({cold.prompt_tokens} tokens), "
        f"warm {warm.first_token_s * 1000:.1f} ms ({warm.cached_tokens} reused)",
    )
