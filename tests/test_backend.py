"""The llama.cpp backend on the real default model."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

import pytest

from writer.core.context_window import ContextWindow
from writer.core.sampling import SamplingParams
from writer.engine.backend import EngineOptions, LlamaBackend, StopFlag
from writer.engine.jobs import CollectingSink as Sink
from writer.engine.jobs import ContinueJob
from writer.engine.stop_strings import StopStringFilter
from writer.errors import ModelError

if TYPE_CHECKING:
    from pathlib import Path

STORY = (
    "The old lighthouse keeper climbed the stairs every evening. He wiped the lens, "
    "lit the lamp, and watched the ships pass in the dark. "
)


@pytest.fixture(scope="module")
def backend() -> LlamaBackend:
    from tests.conftest import require_model

    loaded = LlamaBackend.load(require_model(), EngineOptions(n_ctx=4096))
    yield loaded
    loaded.close()


def test_loads_with_name_and_context(backend: LlamaBackend):
    assert backend.info.n_ctx == 4096
    assert backend.info.n_ctx_train == 8192  # SmolLM2 is trained for 8k
    assert backend.info.name
    assert "<|im_start|>" in (backend.info.chat_template or "")


def test_streams_pieces(backend: LlamaBackend):
    sink = Sink()
    stats = backend.generate(STORY, SamplingParams(max_tokens=30, seed=3), sink.text)
    assert stats.tokens > 0 and len(sink.pieces) > 1
    assert sink.joined.strip()
    assert stats.stop_reason in ("length", "eos")
    assert stats.prompt_tokens > 20


def test_same_seed_same_text(backend: LlamaBackend):
    params = SamplingParams(max_tokens=20, seed=42, temperature=0.9)
    first, second = Sink(), Sink()
    backend.generate(STORY, params, first.text)
    backend.generate(STORY, params, second.text)
    assert first.joined == second.joined


def test_stop_takes_effect_within_200_ms(backend: LlamaBackend):
    stop = StopFlag()
    sink = Sink()
    started = threading.Event()
    stopped_at: list[float] = []

    def on_text(piece: str) -> None:
        sink.text(piece)
        started.set()

    result: dict = {}

    def run() -> None:
        result["stats"] = backend.generate(
            STORY, SamplingParams(max_tokens=4000, seed=1), on_text, stop=stop
        )
        stopped_at.append(time.perf_counter())

    thread = threading.Thread(target=run)
    thread.start()
    assert started.wait(30)
    asked = time.perf_counter()
    stop.set()
    thread.join(10)
    assert result["stats"].stop_reason == "cancelled"
    assert stopped_at[0] - asked < 0.2


def test_continue_again_reuses_the_prompt_cache(backend: LlamaBackend):
    window = ContextWindow()
    document = STORY * 12
    params = SamplingParams(max_tokens=24, seed=5)
    sink = Sink()
    ContinueJob(document, window, params).run(backend, sink, StopFlag())
    document += sink.joined + " Then a boat appeared."
    stats = ContinueJob(document, window, params).run(backend, Sink(), StopFlag())
    assert stats.cached_tokens >= 0.9 * stats.prompt_tokens


def test_chinese_output_has_no_broken_characters(backend: LlamaBackend):
    sink = Sink()
    backend.generate(
        "月亮升起来了，湖面上一片银光。她慢慢地走到岸边，",
        SamplingParams(max_tokens=80, seed=9),
        sink.text,
    )
    assert sink.joined
    assert "\ufffd" not in sink.joined
    for piece in sink.pieces:
        piece.encode("utf-8")  # every piece is whole characters


def test_prompt_that_does_not_fit_is_refused(backend: LlamaBackend):
    from writer.errors import GenerationError

    with pytest.raises(GenerationError, match="does not fit"):
        backend.generate(list(range(5000)), SamplingParams(max_tokens=5), lambda _p: None)


def test_corrupt_model_file_gives_model_error(tmp_path: Path, model_path: Path):
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(model_path.read_bytes()[:2_000_000])  # a download cut short
    with pytest.raises(ModelError, match=r"damaged|truncated"):
        LlamaBackend.load(broken)


def test_stop_strings_are_held_back_and_cut():
    filter_ = StopStringFilter(["\nUser:"])
    assert filter_.feed("Hello") == ("Hello", False)
    assert filter_.feed(" there\nUs") == (" there", False)
    assert filter_.feed("er: hi") == ("", True)
    other = StopStringFilter(["\nUser:"])
    assert other.feed("line\nUs") == ("line", False)
    assert other.feed("ually") == ("\nUsually", False)
