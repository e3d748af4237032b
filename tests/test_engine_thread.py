"""The engine thread: signals, ids, stop, queueing, and long sessions."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from writer.core.sampling import SamplingParams
from writer.engine.backend_api import Backend, GenerationStats, StopFlag
from writer.engine.engine_thread import Engine
from writer.engine.jobs import CompletionJob, Job, JobSink

if TYPE_CHECKING:
    from pathlib import Path


@dataclass
class FloodJob(Job):
    """Emits many small pieces, as a long streaming session would."""

    pieces: int
    kind: str = "flood"
    stream_interval: float = 0.0  # one signal per piece: thousands of emits

    def run(self, backend: Backend, sink: JobSink, stop: StopFlag) -> GenerationStats:
        for i in range(self.pieces):
            if stop.is_set():
                return GenerationStats(i, 0.0, 0.0, 0, 0, "cancelled")
            sink.text("x" if i % 50 else "\n")
        return GenerationStats(self.pieces, 0.0, 0.0, 0, 0, "length")


def loaded_engine(qtbot, model_path: Path) -> Engine:
    engine = Engine()
    with qtbot.waitSignal(engine.modelLoaded, timeout=60_000) as loaded:
        engine.load_model(model_path)
    assert loaded.args[0].n_ctx == 4096
    return engine


def test_loads_streams_and_finishes(qtbot, model_path: Path):
    engine = loaded_engine(qtbot, model_path)
    pieces: list[tuple[int, str]] = []
    engine.text.connect(lambda job_id, piece: pieces.append((job_id, piece)))
    with qtbot.waitSignal(engine.finished, timeout=60_000) as done:
        job_id = engine.submit(CompletionJob("Once upon a time", SamplingParams(max_tokens=20)))
    assert done.args[0] == job_id
    stats = done.args[1]
    assert stats.tokens > 0 and stats.tokens_per_s > 0
    assert pieces and all(i == job_id for i, _ in pieces)
    engine.shutdown()


def test_stop_within_200_ms(qtbot, model_path: Path):
    engine = loaded_engine(qtbot, model_path)
    try:  # a failure must not leave the engine thread running (Qt aborts the whole run)
        with qtbot.waitSignal(engine.text, timeout=60_000):
            job_id = engine.submit(CompletionJob("A long story:", SamplingParams(max_tokens=4000)))
        asked = time.perf_counter()
        with qtbot.waitSignal(engine.finished, timeout=5_000) as done:
            engine.cancel(job_id)
        assert done.args[1].stop_reason == "cancelled"
        assert time.perf_counter() - asked < 0.2
    finally:
        engine.shutdown()


def test_queued_jobs_run_in_order_without_interleaving(qtbot, model_path: Path):
    engine = loaded_engine(qtbot, model_path)
    seen: list[int] = []
    engine.text.connect(lambda job_id, _piece: seen.append(job_id))
    waiting: list[int] = []
    engine.queueChanged.connect(waiting.append)
    first = engine.submit(CompletionJob("One", SamplingParams(max_tokens=15)))
    second = engine.submit(CompletionJob("Two", SamplingParams(max_tokens=15)))
    assert engine.queued == 1 and 1 in waiting
    with qtbot.waitSignals([engine.finished, engine.finished], timeout=60_000, order="strict"):
        pass
    # All of the first job's text arrives before any of the second's.
    assert seen.index(second) > max(i for i, job in enumerate(seen) if job == first)
    engine.shutdown()


def test_cancelled_queued_job_never_runs(qtbot, model_path: Path):
    engine = loaded_engine(qtbot, model_path)
    seen: list[int] = []
    engine.text.connect(lambda job_id, _piece: seen.append(job_id))
    first = engine.submit(CompletionJob("One", SamplingParams(max_tokens=10)))
    second = engine.submit(CompletionJob("Two", SamplingParams(max_tokens=10)))
    engine.cancel(second)
    with qtbot.waitSignal(
        engine.finished, timeout=60_000, check_params_cb=lambda i, _s: i == first
    ):
        pass
    assert second not in seen
    engine.shutdown()


def test_corrupt_model_gives_failed_signal(qtbot, tmp_path: Path, model_path: Path):
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(model_path.read_bytes()[:1_000_000])
    engine = Engine()
    with qtbot.waitSignal(engine.modelFailed, timeout=30_000) as failed:
        engine.load_model(broken)
    assert "broken.gguf" in failed.args[0]
    assert engine.model is None
    with qtbot.waitSignal(engine.failed, timeout=5_000) as job_failed:
        engine.submit(CompletionJob("hello"))
    assert "No model" in job_failed.args[1]
    engine.shutdown()


def test_long_session_of_thousands_of_signals(qtbot, model_path: Path):
    """Thousands of streamed pieces must not corrupt the interpreter.

    PySide6 6.12.0 on CPython 3.11 drops a reference to True on every
    Signal.emit() and aborts with "bool_dealloc" after a few thousand tokens.
    """
    from writer.gui.widgets.editor import Editor

    engine = loaded_engine(qtbot, model_path)
    editor = Editor()
    qtbot.addWidget(editor)
    editor.begin_stream()
    received = [0]

    def insert(_id: int, piece: str) -> None:
        received[0] += 1
        editor.insert_stream(piece)

    engine.text.connect(insert)
    before = sys.getrefcount(True)
    with qtbot.waitSignal(engine.finished, timeout=120_000) as done:
        engine.submit(FloodJob(20_000))
    editor.end_stream()
    assert done.args[1].tokens == 20_000
    assert len(editor.toPlainText()) == 20_000
    assert received[0] == 20_000  # one emit per piece
    after = sys.getrefcount(True)
    assert after >= before - 100, "Signal.emit() is leaking references to True"
    engine.shutdown()
