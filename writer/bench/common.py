"""What every benchmark section shares: the figure, a story to continue, raw-side helpers.

Every figure is a ratio of two measurements taken in the same run, on the
same model, prompt and seed, so a busy or slow machine moves both sides
alike. A section is a function that takes the model path and returns
:class:`Figure` rows (see :mod:`writer.bench.sections`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from writer.engine.backend import GenerationStats, LlamaBackend, StopFlag
from writer.engine.jobs import Job, JobSink

if TYPE_CHECKING:
    from collections.abc import Callable

    from writer.core.sampling import SamplingParams

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
    key: str = ""  # stable name for scripts, e.g. "quality.bits_per_char_zh"


def story_of(tokens: int, backend: LlamaBackend) -> str:
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

    def run(self, backend: LlamaBackend, sink: JobSink, stop: StopFlag) -> GenerationStats:
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


def raw_sampling(params: SamplingParams, max_tokens: int | None = None) -> dict[str, Any]:
    """Return ``params`` as raw llama-cpp-python keyword arguments (the baselines' sampling)."""
    return {
        "max_tokens": params.max_tokens if max_tokens is None else max_tokens,
        "temperature": params.temperature,
        "top_p": params.top_p,
        "top_k": params.top_k,
        "min_p": params.min_p,
        "repeat_penalty": params.repeat_penalty,
        "seed": params.seed,
    }


def raw_stream_rate(llama, prompt: str, params: SamplingParams) -> tuple[float, int]:
    """Return (tokens/s, tokens) of raw ``create_completion(stream=True)`` after the first token."""
    stamps: list[float] = []
    for _chunk in llama.create_completion(prompt, stream=True, **raw_sampling(params)):
        stamps.append(time.perf_counter())
    if len(stamps) < 2:
        return 0.0, len(stamps)
    return (len(stamps) - 1) / (stamps[-1] - stamps[0]), len(stamps)
