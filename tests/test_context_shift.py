"""A window that slides: cached tokens are shifted, not evaluated again, when the window moves."""

from __future__ import annotations

import logging

from writer.core.context_window import ContextWindow
from writer.core.sampling import SamplingParams
from writer.engine import context_shift
from writer.engine.backend import EngineOptions, LlamaBackend, StopFlag
from writer.engine.context_shift import ShiftPlan, plan_shift
from writer.engine.jobs import CollectingSink, ContinueJob


def test_plan_finds_the_removed_span_after_the_head():
    head = [1, 2, 3]
    old = head + list(range(100, 200))
    new = head + list(range(150, 200)) + [7, 8]
    assert plan_shift(old, new) == ShiftPlan(keep=3, drop=50, reuse=50)
    assert plan_shift(old, [*old, 5]) is None  # a plain prefix: nothing to shift
    assert plan_shift(old, head + [9] * 60) is None  # nothing reusable
    assert plan_shift(old, head + list(range(190, 200)) + [7]) is None  # too little to bother


def test_plan_leaves_the_last_prompt_token_to_evaluate():
    old = [1, *list(range(10, 110))]
    new = [1, *list(range(50, 110))]
    plan = plan_shift(old, new)
    assert plan is not None and plan.keep + plan.reuse == len(new) - 1


def test_moving_the_window_shifts_the_cache_and_writes_on(model_path, caplog):
    backend = LlamaBackend.load(model_path, EngineOptions(n_ctx=512))
    window = ContextWindow()
    params = SamplingParams(max_tokens=4, seed=2)
    text = "".join(f"Day {i}: the keeper wrote the weather in his log. " for i in range(60))
    try:
        first = ContinueJob(text, window, params, notes="A lighthouse story.")
        first.run(backend, CollectingSink(), StopFlag())
        assert first.prompt_start > 0
        more = text + "".join(f"Night {i}: the lamp burned until dawn. " for i in range(18))
        caplog.set_level(logging.INFO, logger="writer.engine.context_shift")
        second = ContinueJob(more, window, params, notes="A lighthouse story.")
        sink = CollectingSink()
        stats = second.run(backend, sink, StopFlag())
    finally:
        backend.close()
    assert second.prompt_start > first.prompt_start  # the window moved forward
    assert stats.shifted_tokens > 50
    assert stats.cached_tokens >= stats.shifted_tokens
    assert "context shift: kept" in caplog.text
    assert sink.joined  # it still writes


TEXT = "".join(f"Day {i}: the keeper wrote the weather in his log. " for i in range(60))
MORE = TEXT + "".join(f"Night {i}: the lamp burned until dawn. " for i in range(18))
NOTES = "A lighthouse story."


def move_the_window(backend: LlamaBackend, window: ContextWindow) -> ContinueJob:
    """Continue on a long text; return the Continue of a longer one, assembled, not run."""
    first = ContinueJob(TEXT, window, SamplingParams(max_tokens=4, seed=2), notes=NOTES)
    first.run(backend, CollectingSink(), StopFlag())
    second = ContinueJob(MORE, window, SamplingParams(max_tokens=4, seed=2), notes=NOTES)
    second.assemble(backend)
    assert second.prompt_start > first.prompt_start  # the window moves forward
    return second


def test_a_model_that_cannot_shift_evaluates_again_and_says_so(model_path, caplog, monkeypatch):
    monkeypatch.setattr(context_shift, "can_shift", lambda _llama: False)
    backend = LlamaBackend.load(model_path, EngineOptions(n_ctx=512))
    try:
        second = move_the_window(backend, ContextWindow())
        caplog.set_level(logging.INFO, logger="writer.engine.context_shift")
        sink = CollectingSink()
        stats = second.run(backend, sink, StopFlag())
    finally:
        backend.close()
    assert stats.shifted_tokens == 0
    assert stats.cached_tokens < stats.prompt_tokens // 2  # only the notes' head was kept
    assert "context shift not possible for this model" in caplog.text
    assert "context shift: kept" not in caplog.text
    assert sink.joined  # the text is still written


def test_the_shifted_cache_gives_the_first_token_of_a_cold_run(model_path):
    """Greedy (temperature 0): the first token after the shift is the cold run's first token."""
    greedy = SamplingParams(max_tokens=1, temperature=0.0)
    backend = LlamaBackend.load(model_path, EngineOptions(n_ctx=512))
    try:
        second = move_the_window(backend, ContextWindow())
        prompt = second.assembly.prompt
        shifted: list[str] = []
        stats = backend.generate(prompt, greedy, shifted.append)
        assert stats.shifted_tokens > 50  # the shifted path ran
        backend.forget_cache()
        cold: list[str] = []
        cold_stats = backend.generate(prompt, greedy, cold.append)
        assert cold_stats.cached_tokens == 0 and cold_stats.shifted_tokens == 0
    finally:
        backend.close()
    assert shifted and shifted == cold
