"""``writer bench --only candidates``: what several candidates and recorded alternatives cost.

Figures, each a ratio of two measurements in the same run on the same model:
three candidates of 128 tokens decoded together over one candidate of 128
tokens (three separate runs would be 3.0), tokens/s with the top-10
alternatives recorded over without, and the GUI's longest stall while three
candidates stream into the Candidates panel.
"""

from __future__ import annotations

import statistics
import time
from typing import TYPE_CHECKING

from writer.bench.common import STORY, Figure
from writer.core.sampling import SamplingParams
from writer.engine.backend import EngineOptions, LlamaBackend, StopFlag
from writer.engine.candidates import CandidatesResult, decode_candidates, raw_decode_ratio

if TYPE_CHECKING:
    from pathlib import Path

TOKENS = 128


def _timed(
    backend: LlamaBackend, prompt: list[int], count: int, record: bool, seed: int
) -> tuple[float, CandidatesResult]:
    """Return (seconds after the prompt, result) of one batched run."""
    params = SamplingParams(max_tokens=TOKENS, temperature=0.8, seed=seed)
    started = time.perf_counter()
    result = decode_candidates(
        backend, prompt, params, count, lambda _i, _p: None, stop=StopFlag(), record=record
    )
    return time.perf_counter() - started, result


def _figure(name: str, key: str, value: float, target: str, ok: bool, detail: str) -> Figure:
    """Return a figure of this section, with its stable key when figures carry one."""
    fields = Figure.__dataclass_fields__
    extra = {"key": key} if "key" in fields else {}
    return Figure("candidates", name, value, target, ok, detail, **extra)


def bench_figures(model: Path, rounds: int = 3) -> list[Figure]:
    """Measure candidates and alternatives on the engine, and the panel's stall in the GUI."""
    backend = LlamaBackend.load(model, EngineOptions(n_ctx=4096, gpu_layers=0))
    try:
        prompt = backend.tokenize(STORY)
        _timed(backend, prompt, 1, False, 1)  # warm the prompt cache and the pages
        one, three, plain, recorded, floor = [], [], [], [], []
        detail_tokens: list[str] = []
        for round_ in range(rounds):
            seconds, result = _timed(backend, prompt, 1, False, 100 + round_)
            one.append(seconds * TOKENS / max(1, result.tokens))
            seconds, result = _timed(backend, prompt, 3, False, 200 + round_)
            three.append(seconds * TOKENS / max(1, max(result.counts)))
            detail_tokens.append("/".join(str(c) for c in result.counts))
            seconds, result = _timed(backend, prompt, 1, False, 300 + round_)
            plain.append(result.tokens / seconds)
            seconds, result = _timed(backend, prompt, 1, True, 300 + round_)
            recorded.append(result.tokens / seconds)
            floor.append(raw_decode_ratio(backend, 3, StopFlag()))
    finally:
        backend.close()
    ratio = statistics.median(three) / statistics.median(one)
    record_ratio = statistics.median(recorded) / statistics.median(plain)
    figures = [
        _figure(
            "3 candidates of 128 tokens, wall time / 1 candidate",
            "candidates.three_over_one",
            ratio,
            "<= 1.6",
            ratio <= 1.6,
            f"1: {statistics.median(one):.2f} s, 3: {statistics.median(three):.2f} s "
            f"(tokens per candidate {', '.join(detail_tokens)}); llama_decode alone, "
            f"3 sequences / 1: {statistics.median(floor):.2f}",
        ),
        _figure(
            "tokens/s with alternatives recorded / without",
            "candidates.alternatives_over_plain",
            record_ratio,
            ">= 0.9",
            record_ratio >= 0.9,
            f"with {statistics.median(recorded):.1f} tok/s, "
            f"without {statistics.median(plain):.1f} tok/s",
        ),
    ]
    figures.append(_gui_stall(model))
    return figures


def _gui_stall(model: Path) -> Figure:
    """Return the longest GUI-thread stall while three candidates stream into the panel."""
    from PySide6.QtCore import QEventLoop, QTimer

    from writer.gui.app import create_application
    from writer.gui.main_window import MainWindow

    create_application()
    window = MainWindow(model=model, load_model=False)
    loop = QEventLoop()
    window.engine.modelLoaded.connect(loop.quit)
    window.engine.modelFailed.connect(loop.quit)
    window.engine.load_model(model, EngineOptions(n_ctx=4096, gpu_layers=0))
    loop.exec()
    gaps: list[float] = []
    last = [0.0]
    idle_ms = 0.0

    def beat() -> None:
        now = time.perf_counter()
        if last[0]:
            gaps.append(now - last[0])
        last[0] = now

    try:
        if window.engine.model is None:
            raise RuntimeError(window.engine.load_error or "model failed to load")
        editor = window.current_editor()
        editor.setPlainText(STORY)
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        heartbeat = QTimer()
        heartbeat.setInterval(5)
        heartbeat.timeout.connect(beat)
        done = QEventLoop()
        window.engine.finished.connect(lambda *_args: done.quit())
        window.engine.failed.connect(lambda *_args: done.quit())
        window.choices.continue_with_choices(count=3, max_tokens=16)  # warm up: cache, fonts
        done.exec()
        idle = QEventLoop()  # the same heartbeat with nothing running: this machine's floor
        QTimer.singleShot(3000, idle.quit)
        heartbeat.start()
        idle.exec()
        heartbeat.stop()
        idle_ms = max(gaps) * 1000 if gaps else 0.0
        gaps.clear()
        last[0] = 0.0
        window.choices.continue_with_choices(count=3, max_tokens=TOKENS)
        heartbeat.start()
        done.exec()
        heartbeat.stop()
    finally:
        window.engine.shutdown()
        window.deleteLater()
    stall_ms = max(gaps) * 1000 if gaps else 0.0
    return _figure(
        "longest GUI stall while 3 candidates stream (ms)",
        "candidates.gui_stall_ms",
        stall_ms,
        "<= 20",
        stall_ms <= 20,
        f"5 ms heartbeat, {len(gaps)} beats; the same heartbeat with nothing running: "
        f"{idle_ms:.0f} ms",
    )
