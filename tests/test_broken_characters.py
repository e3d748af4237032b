"""No replacement character (U+FFFD) ever reaches the writer's text from generation (item 7)."""

from __future__ import annotations

import os
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
