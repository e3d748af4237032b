"""`writer chat`: questions on stdin, streamed replies on stdout, one conversation."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def test_two_questions_get_two_replies(tmp_path: Path, model_path: Path):
    about = tmp_path / "story.md"
    about.write_text("Mara keeps the lighthouse on a storm coast.", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "writer",
            "chat",
            "--model",
            str(model_path),
            "--about",
            str(about),
            "--max-tokens",
            "24",
            "--seed",
            "3",
        ],
        input="Who keeps the lighthouse?\nWhere is it?\n",
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stderr
    replies = [line for line in result.stdout.split("\n") if line.strip()]
    assert len(replies) >= 2
    assert "Traceback" not in result.stderr
