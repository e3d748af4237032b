"""``writer bench``: speed figures of the app against raw llama-cpp-python.

Every figure is a ratio of two measurements taken in the same run, on the
same model, prompt and seed, so a busy or slow machine moves both sides
alike. Sections register in :data:`SECTIONS`; each returns rows of
:class:`Figure`.
"""

from __future__ import annotations

import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from writer.core.context_window import ContextWindow
from writer.core.sampling import SamplingParams
from writer.engine.backend import (
    EngineOptions,
    GenerationStats,
    LlamaBackend,
    StopFlag,
    default_thread_count,
    safe_cpu_buffers,
)
from writer.engine.backend_api import Backend
from writer.engine.jobs import CollectingSink, ContinueJob, Job, JobSink

T = TypeVar("T")

STORY = (
    "The lighthouse keeper had not spoken to anyone in three weeks. Each morning he climbed "
    "the spiral stairs, wiped the salt from the great lens, and wrote a single line in the "
    "logbook: wind, weather, ships seen. On the twenty-second day a small boat appeared on "
    "the horizon, rowing hard against the tide, and he put down his pen. "
)
APPENDED = " She waved both arms above her head, and he saw that she was holding a lantern."


@dataclass(frozen=True)
class Figure:
    """One benchmark figure: a measured value against its target."""

    section: str
    name: str
    value: float
    target: str
    ok: bool
    detail: str = ""


def _document(tokens: int, backend: Backend) -> str:
    """Return a story of about ``tokens`` tokens."""
    text = STORY
    while backend.count_tokens(text) < tokens:
        text += STORY
    return text


class _CallJob(Job):
    """Runs a function on the engine thread (for raw llama-cpp-python measurements)."""

    kind = "bench"

    def __init__(self, function: Callable[[], object]) -> None:
        self.function = function
        self.result: object = None

    def run(self, backend: Backend, sink: JobSink, stop: StopFlag) -> GenerationStats:
        """Call the function; report no generation of its own."""
        self.result = self.function()
        return GenerationStats(0, 0.0, 0.0, 0, 0, "length")


def on_engine_thread(engine, function: Callable[[], T]) -> T:  # engine: Engine
    """Run ``function`` on the engine's thread and return its result.

    llama.cpp's CPU threads are an OpenMP team per calling thread; a raw
    ``Llama`` driven from another thread than the engine's would make two
    teams compete for the cores and slow both sides alike. Measuring the raw
    side on the engine thread keeps one team, as in the app.
    """
    from PySide6.QtCore import QEventLoop

    job = _CallJob(function)
    loop = QEventLoop()
    job_id: list[int] = []

    def done(finished_id: int, *_rest: object) -> None:
        if job_id and finished_id == job_id[0]:
            loop.quit()

    engine.finished.connect(done)
    engine.failed.connect(done)
    job_id.append(engine.submit(job))
    loop.exec()
    engine.finished.disconnect(done)
    engine.failed.disconnect(done)
    return job.result  # type: ignore[return-value]


def raw_stream_rate(llama, prompt: str, params: SamplingParams) -> tuple[float, int]:
    """Return (tokens/s, tokens) of raw ``create_completion(stream=True)`` after the first token."""
    stamps: list[float] = []
    for _chunk in llama.create_completion(
        prompt, max_tokens=params.max_tokens, temperature=params.temperature,
        top_p=params.top_p, top_k=params.top_k, min_p=params.min_p,
        repeat_penalty=params.repeat_penalty, seed=params.seed, stream=True,
    ):
        stamps.append(time.perf_counter())
    if len(stamps) < 2:
        return 0.0, len(stamps)
    return (len(stamps) - 1) / (stamps[-1] - stamps[0]), len(stamps)


def bench_continue(model: Path, rounds: int = 5) -> list[Figure]:
    """Streaming speed through the whole GUI path, time to first token, GUI stalls."""
    import llama_cpp

    from writer.gui.app import create_application

    app = create_application()
    from PySide6.QtCore import QEventLoop, QTimer

    from writer.gui.main_window import MainWindow

    params = SamplingParams(max_tokens=200, temperature=0.7, seed=1234, repeat_penalty=1.1)
    threads = default_thread_count()
    with safe_cpu_buffers():
        raw = llama_cpp.Llama(model_path=str(model), n_ctx=4096, n_gpu_layers=0, verbose=False,
                              n_threads=threads, n_threads_batch=threads)
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
        Figure("continue", "stream tokens/s, app path / raw llama-cpp-python", ratio, ">= 0.98",
               ratio >= 0.98, f"app {app_rate_:.1f} tok/s, raw {raw_rate:.1f} tok/s"),
        Figure("continue", "longest GUI-thread stall while streaming (ms)", stall_ms, "<= 20",
               stall_ms <= 20, f"5 ms heartbeat, {len(gaps)} beats"),
    ]
    figures.append(_time_to_first_token(model))
    return figures


def _time_to_first_token(model: Path) -> Figure:
    """Cold Continue on a 1,500-token document vs a re-Continue after appending ~20 tokens."""
    backend = LlamaBackend.load(model, EngineOptions(n_ctx=4096, gpu_layers=0))
    try:
        document = _document(1500, backend)
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
        "continue", "time to first token, re-continue / cold (1,500 tokens)", ratio, "<= 0.05",
        ratio <= 0.05,
        f"cold {cold.first_token_s * 1000:.0f} ms ({cold.prompt_tokens} tokens), "
        f"warm {warm.first_token_s * 1000:.1f} ms ({warm.cached_tokens} reused)",
    )


#: name -> "module:function"; the function takes the model path and returns figures.
#: Features add their sections here.
SECTIONS: dict[str, str] = {
    "continue": "writer.bench:bench_continue",
    "summary": "writer.bench_assistant:bench_summary",
    "chat": "writer.bench_assistant:bench_chat",
    "documents": "writer.bench_documents:bench_figures",
    "download": "writer.bench_download:bench_figures",
    "candidates": "writer.bench_candidates:bench_figures",
}


def section_function(name: str) -> Callable[[Path], list[Figure]]:
    """Return the function of benchmark section ``name``."""
    module, _, function = SECTIONS[name].partition(":")
    return getattr(importlib.import_module(module), function)


def run_bench(model: Path, only: list[str] | None = None) -> list[Figure]:
    """Run the benchmark sections (all, or those in ``only``).

    With more than one section, each runs in a process of its own: llama.cpp's
    CPU thread teams and page cache from one section must not slow the next.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    names = [name for name in SECTIONS if not only or name in only]
    if len(names) == 1:
        return section_function(names[0])(model)
    figures: list[Figure] = []
    for name in names:
        result = subprocess.run(
            [sys.executable, "-m", "writer", "bench", "--only", name, "--json",
             "--model", str(model)],
            capture_output=True, text=True, check=False,
        )
        if result.returncode != 0:
            detail = (result.stderr.strip().splitlines() or ["no output"])[-1]
            figures.append(Figure(name, "section failed", 0.0, "runs", False, detail))
            continue
        figures.extend(Figure(**row) for row in json.loads(result.stdout))
    return figures
