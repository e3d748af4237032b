"""No replacement character (U+FFFD) ever reaches the writer's text from generation (item 7)."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from writer.engine.utf8_stream import Utf8Stream, decode_token_bytes

if TYPE_CHECKING:
    from pathlib import Path

MOUNTAIN = "从前有一座山，山里有一座庙。"


@pytest.mark.parametrize("seed", [15])  # one of the seeds that broke a character
def test_continue_on_chinese_prints_no_broken_characters(
    tmp_path: Path, model_path: Path, seed: int
):
    story = tmp_path / "s.txt"
    story.write_text(MOUNTAIN, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "writer",
            "continue",
            str(story),
            "--seed",
            str(seed),
            "--max-tokens",
            "200",
            "--model",
            str(model_path),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        env=dict(os.environ),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert "\ufffd" not in result.stdout


def test_unfinished_character_followed_by_another_token_is_dropped():
    stream = Utf8Stream()
    first = "经".encode()
    pieces = [first[:2], b"ator", "。".encode()[:1], "。".encode()[1:]]
    text = "".join(stream.decode(piece) for piece in pieces) + stream.flush()
    assert text == "ator。"
    assert stream.dropped_bytes == 2


def test_split_characters_are_joined_and_a_dangling_end_is_dropped():
    data = "山里".encode()
    text, dropped = decode_token_bytes([data[:1], data[1:4], data[4:], "庙".encode()[:2]])
    assert (text, dropped) == ("山里", 2)


def test_the_local_engine_counts_what_it_drops_in_the_log_once(
    model_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    """Invalid bytes from the model are left out of the text, and one log line counts them."""
    import llama_cpp

    from writer.core.sampling import SamplingParams
    from writer.engine.backend import EngineOptions, LlamaBackend

    backend = LlamaBackend.load(model_path, EngineOptions(n_ctx=512))
    original = llama_cpp.Llama.detokenize
    monkeypatch.setattr(
        llama_cpp.Llama,
        "detokenize",
        lambda self, tokens, *a, **k: b"\xff" + bytes(original(self, tokens, *a, **k)),
    )
    pieces: list[str] = []
    try:
        with caplog.at_level(logging.INFO, logger="writer.engine.utf8_stream"):
            stats = backend.generate(MOUNTAIN, SamplingParams(max_tokens=12, seed=1), pieces.append)
    finally:
        backend.close()
    assert stats.tokens > 0 and "".join(pieces) and "\ufffd" not in "".join(pieces)
    counted = [r.getMessage() for r in caplog.records if "broken UTF-8" in r.getMessage()]
    assert len(counted) == 1, counted
    found = re.fullmatch(
        r"dropped (\d+) byte\(s\) of broken UTF-8 from the model's output", counted[0]
    )
    assert found and int(found[1]) >= stats.tokens  # each 0xFF, and the characters it cut
