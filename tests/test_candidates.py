"""Several candidates in one batched decode, on the real default model."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tests.test_cli import run_writer
from writer.core.context_window import ContextWindow
from writer.core.sampling import SamplingParams
from writer.engine.backend import EngineOptions, LlamaBackend, StopFlag
from writer.engine.candidates import decode_candidates, fit_candidates
from writer.engine.choice_jobs import CandidatesJob, candidates_that_fit
from writer.engine.jobs import CollectingSink

if TYPE_CHECKING:
    from collections.abc import Iterator

STORY = (
    "The old lighthouse keeper climbed the stairs every evening. He wiped the lens, "
    "lit the lamp, and watched the ships pass in the dark. One night"
)


@pytest.fixture(scope="module")
def backend() -> Iterator[LlamaBackend]:
    from tests.conftest import require_model

    loaded = LlamaBackend.load(require_model(), EngineOptions(n_ctx=1024))
    yield loaded
    loaded.close()


def test_three_candidates_are_different_and_not_empty(backend: LlamaBackend):
    streamed: list[list[tuple[int, str]]] = []
    job = CandidatesJob(
        text_before=STORY,
        window=ContextWindow(),
        params=SamplingParams(max_tokens=24, seed=7, temperature=1.0),
        count=3,
        on_pieces=streamed.append,
    )
    stats = job.run(backend, CollectingSink(), StopFlag())
    assert len(job.texts) == 3
    assert all(text.strip() for text in job.texts)
    assert len(set(job.texts)) == 3
    for index, text in enumerate(job.texts):  # what streamed is what was written
        assert "".join(p for batch in streamed for i, p in batch if i == index) == text
    assert stats.tokens >= 3


def test_prompt_is_evaluated_once_and_stays_cached(backend: LlamaBackend):
    params = SamplingParams(max_tokens=8, seed=1)
    tokens = backend.tokenize(STORY)
    decode_candidates(backend, tokens, params, 3, lambda _i, _p: None, stop=StopFlag())
    again = decode_candidates(backend, tokens, params, 3, lambda _i, _p: None, stop=StopFlag())
    assert again.cached_tokens == len(tokens) - 1  # only the last token is evaluated again
    sink = CollectingSink()  # an ordinary generation afterwards reuses the same cache
    stats = backend.generate(tokens, params, sink.text)
    assert stats.cached_tokens == len(tokens) - 1 and sink.joined


def test_same_seed_gives_the_same_candidates(backend: LlamaBackend):
    params = SamplingParams(max_tokens=12, seed=5, temperature=0.9)
    tokens = backend.tokenize(STORY)
    first = decode_candidates(backend, tokens, params, 2, lambda _i, _p: None, stop=StopFlag())
    second = decode_candidates(backend, tokens, params, 2, lambda _i, _p: None, stop=StopFlag())
    assert first.texts == second.texts


def test_stop_ends_every_candidate_at_once(backend: LlamaBackend):
    stop = StopFlag()
    counts: dict[int, int] = {}

    def on_text(index: int, _piece: str) -> None:
        counts[index] = counts.get(index, 0) + 1
        if counts[index] >= 3:
            stop.set()

    params = SamplingParams(max_tokens=200, seed=2)
    result = decode_candidates(backend, backend.tokenize(STORY), params, 3, on_text, stop=stop)
    assert result.reasons.count("cancelled") + result.reasons.count("eos") == 3
    assert "cancelled" in result.reasons
    assert max(result.counts) <= 4  # nobody wrote on after the step that saw the stop


def test_too_many_candidates_for_the_context_run_fewer_with_a_notice(backend: LlamaBackend):
    assert fit_candidates(6, 100, 200, 1024) == (4, 200)
    assert fit_candidates(3, 1000, 200, 1024) == (1, 24)
    assert candidates_that_fit(6, 300, 1024) == 2
    sink = CollectingSink()
    job = CandidatesJob(
        text_before=STORY,
        window=ContextWindow(),
        params=SamplingParams(max_tokens=300, seed=3),
        count=6,
        on_pieces=lambda _pieces: None,
    )
    stop = StopFlag()
    stop.set()  # the notice comes before any token; nothing needs generating
    job.run(backend, sink, stop)
    assert len(job.texts) == 2
    assert any("Only 2 of 6 candidates fit" in notice for notice in sink.notices)


def test_cli_prints_the_candidates_as_a_json_list(tmp_path, model_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = run_writer(
        "continue",
        str(story),
        "--choices",
        "3",
        "--json",
        "--max-tokens",
        "12",
        "--seed",
        "9",
        "--model",
        str(model_path),
    )
    assert result.returncode == 0, result.stderr
    candidates = json.loads(result.stdout)
    assert isinstance(candidates, list) and len(candidates) == 3
    assert all(isinstance(text, str) and text.strip() for text in candidates)


def test_cli_rejects_a_bad_number_of_choices(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = run_writer("continue", str(story), "--choices", "9")
    assert result.returncode == 2 and "--choices" in result.stderr


def test_a_candidate_ends_where_the_text_after_begins():
    """Candidates stop at the start of the text after the cursor, as Continue does."""
    from writer.engine.backend_api import StopFlag
    from writer.engine.choice_jobs import _Relay
    from writer.engine.jobs import CollectingSink

    ended = StopFlag()
    relay = _Relay(
        2,
        strip=False,
        sink=CollectingSink(),
        on_pieces=lambda _pieces: None,
        interval=0.0,
        stops=("The next",),
        ended=ended,
    )
    for piece in (" she waited.", " The ne", "xt day came", " again"):
        relay.text(0, piece)
    assert relay.texts[0] == " she waited. " and relay.done[0] and not ended.is_set()
    relay.text(1, "Rain. The next")
    assert relay.texts[1] == "Rain. " and ended.is_set()


@pytest.mark.parametrize("length", [6, 24])
def test_recording_alternatives_ends_continue_where_it_ends_without(backend, length: int):
    """Show Alternatives on (one recorded candidate) ends the passage as Continue does.

    Past the length, the allowance lets the passage finish its sentence (greedy
    here: both end cleanly); the alternatives recorded stop where the text stops.
    """
    from writer.core.alternatives import token_spans
    from writer.core.passage_end import allowance_for, ends_cleanly
    from writer.engine.jobs import ContinueJob

    params = SamplingParams(max_tokens=length, temperature=0.0, seed=1)
    plain = ContinueJob(STORY, ContextWindow(), params=params)
    plain_sink = CollectingSink()
    plain_stats = plain.run(backend, plain_sink, StopFlag())
    recorded = CandidatesJob.like(plain, count=1, record=True, kind="continue")
    sink = CollectingSink()
    stats = recorded.run(backend, sink, StopFlag())
    for ended, text in ((plain_stats, plain_sink.joined), (stats, sink.joined)):
        assert ended.stop_reason == "stop" and ends_cleanly(text), text
        assert length <= ended.tokens <= length + allowance_for(length) + 1
    assert recorded.texts == [sink.joined]
    spans = token_spans(recorded.steps[0], skip=recorded.skipped[0])  # no steps past the end
    assert spans and spans[-1].start < len(sink.joined) <= spans[-1].end


@pytest.mark.parametrize("on_pieces", [False, True])
def test_a_stop_string_split_over_pieces_never_reaches_the_text_shown(on_pieces: bool):
    """The text after the cursor begins across two pieces: what streams is what is kept."""
    from writer.engine.choice_jobs import _Relay
    from writer.engine.jobs import CollectingSink

    sink = CollectingSink()
    shown: list[str] = []
    relay = _Relay(
        1,
        strip=False,
        sink=sink,
        on_pieces=(lambda pieces: shown.extend(p for _i, p in pieces)) if on_pieces else None,
        interval=0.0,
        stops=["The door"],
    )
    for piece in ["The sea was ", "calm. Th", "e door opened", " slowly."]:
        relay.text(0, piece)
    relay.finish()
    relay.flush()
    streamed = "".join(shown) if on_pieces else sink.joined
    assert streamed == relay.texts[0] == "The sea was calm. "
    assert relay.done == [True]
    held = _Relay(1, strip=False, sink=sink, on_pieces=None, interval=0.0, stops=["The door"])
    held.text(0, "calm. Th")  # could begin the stop string: held back until it cannot
    assert held.texts[0] == "calm. "
    held.finish()  # the passage ended without it: what was held back is written
    assert held.texts[0] == "calm. Th" and held.done == [False]
