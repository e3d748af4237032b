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
from pathlib import Path

from writer.bench.common import STORY, Figure
from writer.core.sampling import SamplingParams
from writer.engine.backend import EngineOptions, LlamaBackend, StopFlag
from writer.engine.candidates import CandidatesResult, decode_candidates

TOKENS = 128


def _timed(backend: LlamaBackend, prompt: list[int], count: int, record: bool, seed: int) -> tuple[
    float, CandidatesResult
]:
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
        one, three, plain, recorded = [], [], [], []
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
            f"(tokens per candidate {', '.join(detail_tokens)})",
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
    return figures
