"""The benchmark's sections by name, and running them (each in a process of its own)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

from writer.bench import (
    assistant,
    candidates,
    continue_writing,
    documents,
    download,
    export,
    quality,
    remote,
    snapshot,
    window,
)
from writer.bench.common import Figure

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

#: Section name (``writer bench --only NAME``) -> function of the model path returning figures.
SECTIONS: dict[str, Callable[[Path], list[Figure]]] = {
    "continue": continue_writing.bench_continue,
    "summary": assistant.bench_summary,
    "chat": assistant.bench_chat,
    "documents": documents.bench_figures,
    "download": download.bench_figures,
    "quality": quality.quality_figures,
    "candidates": candidates.bench_figures,
    "snapshot": snapshot.bench_figures,
    "export": export.bench_figures,
    "window": window.bench_figures,
    "remote": remote.bench_figures,
}


def run_bench(model: Path, only: list[str] | None = None) -> list[Figure]:
    """Run the benchmark sections (all, or those in ``only``).

    With more than one section, each runs in a process of its own: llama.cpp's
    CPU thread teams and page cache from one section must not slow the next.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    names = [name for name in SECTIONS if not only or name in only]
    if len(names) == 1:
        return SECTIONS[names[0]](model)
    figures: list[Figure] = []
    for name in names:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "writer",
                "bench",
                "--only",
                name,
                "--json",
                "--model",
                str(model),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            detail = (result.stderr.strip().splitlines() or ["no output"])[-1]
            figures.append(Figure(name, "section failed", 0.0, "runs", False, detail))
            continue
        figures.extend(Figure(**row) for row in json.loads(result.stdout))
    return figures
