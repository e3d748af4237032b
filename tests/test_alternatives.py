"""The words the model almost wrote: recorded top tokens, whole-character spans, re-rolling."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from writer.core.alternatives import (
    Alternative,
    TokenStep,
    display_text,
    passage_bytes,
    span_at,
    token_spans,
)
from writer.core.sampling import SamplingParams
from writer.engine.backend import EngineOptions, LlamaBackend, StopFlag
from writer.engine.candidates import decode_candidates
from writer.engine.choice_jobs import RerollJob
from writer.engine.jobs import CollectingSink

if TYPE_CHECKING:
    from collections.abc import Iterator

STORY = "The rain had not stopped for three days, and the river"
CHINESE = "从前有一座山，山上有一座庙，庙里有一个老和尚。有一天，"


@pytest.fixture(scope="module")
def backend() -> Iterator[LlamaBackend]:
    from tests.conftest import require_model

    loaded = LlamaBackend.load(require_model(), EngineOptions(n_ctx=1024))
    yield loaded
    loaded.close()


def step(piece: bytes) -> TokenStep:
    return TokenStep(0, piece, 0.5, ())


def test_spans_cover_whole_characters():
    wo = "我".encode()  # three bytes, split over two tokens
    steps = [step(b"He"), step(b" said"), step(wo[:2]), step(wo[2:]), step("好".encode())]
    spans = token_spans(steps)
    text = "He said我好"
    assert [text[s.start : s.end] for s in spans] == ["He", " said", "我", "好"]
    assert [s.step for s in spans] == [0, 1, 2, 4]
    assert span_at(spans, 7) == spans[2]
    assert token_spans(steps, skip=1)[0].start == 0  # a leading space left out of the passage


def test_split_characters_show_as_an_ellipsis():
    wo = "我".encode()
    assert display_text(wo[:2]) == "…"
    assert display_text(wo[2:]) == "…"
    assert display_text(b" sea") == " sea"


def check_steps(steps: list[TokenStep]) -> None:
    assert steps
    for recorded in steps:
        probabilities = [alt.probability for alt in recorded.top]
        assert len(recorded.top) == 10
        assert all(0 < p <= 1 for p in probabilities)
        assert sum(probabilities) <= 1 + 1e-9
        assert probabilities == sorted(probabilities, reverse=True)
        if recorded.probability >= probabilities[-1]:
            assert recorded.token in [alt.token for alt in recorded.top]


def test_recorded_probabilities_are_sound(backend: LlamaBackend):
    result = decode_candidates(
        backend,
        backend.tokenize(STORY),
        SamplingParams(max_tokens=24, seed=4),
        2,
        lambda _i, _p: None,
        stop=StopFlag(),
        record=True,
    )
    for index, steps in enumerate(result.steps):
        check_steps(steps)
        assert passage_bytes(steps).decode("utf-8", "replace") == result.texts[index]


def test_chinese_spans_are_whole_characters(backend: LlamaBackend):
    result = decode_candidates(
        backend,
        backend.tokenize(CHINESE),
        SamplingParams(max_tokens=30, seed=8),
        1,
        lambda _i, _p: None,
        stop=StopFlag(),
        record=True,
    )
    check_steps(result.steps[0])
    text = result.texts[0]
    spans = token_spans(result.steps[0])
    assert "".join(text[s.start : s.end] for s in spans) == text
    assert all("\ufffd" not in text[s.start : s.end] for s in spans)


def test_reroll_from_a_word_keeps_the_text_before_it(backend: LlamaBackend):
    prompt = backend.tokenize(STORY)
    first = decode_candidates(
        backend,
        prompt,
        SamplingParams(max_tokens=20, seed=6),
        1,
        lambda _i, _p: None,
        stop=StopFlag(),
        record=True,
    )
    steps = first.steps[0]
    spans = token_spans(steps)
    k = spans[len(spans) // 2]
    chosen: Alternative = next(a for a in steps[k.step].top if a.token != steps[k.step].token)
    before = first.texts[0][: k.start]
    job = RerollJob(
        prompt=prompt + [s.token for s in steps[: k.step]],
        lead=[chosen.token],
        params=SamplingParams(max_tokens=12, seed=1),
    )
    sink = CollectingSink()
    job.run(backend, sink, StopFlag())
    # The tokens the re-roll continues from spell exactly the text before word k.
    kept = backend.detokenize([s.token for s in steps[: k.step]])
    assert kept.encode() == before.encode()
    assert sink.joined.startswith(chosen.piece.decode("utf-8", "replace"))
    check_steps(job.steps)
