"""``writer bench --only window``: the sliding window and prompt assembly.

- Time to first token right after Continue's window moved forward (the cache is
  shifted, only new text evaluated), over a cold evaluation of the same prompt.
- Prompt assembly (lore matching, budget, window) for 500 lore entries on a 1 MB
  document, while typing at the end.
"""

from __future__ import annotations

import statistics
import time
from typing import TYPE_CHECKING

from writer.bench.common import Figure
from writer.core.context_window import ContextWindow
from writer.core.lore import LoreEntry
from writer.core.prompt_parts import ContextRequest, assemble
from writer.core.sampling import SamplingParams
from writer.engine.backend import EngineOptions, LlamaBackend, StopFlag
from writer.engine.jobs import CollectingSink, ContinueJob

if TYPE_CHECKING:
    from pathlib import Path

DAY = (
    "Day {i}. The keeper climbed the tower at dusk, trimmed the wick and lit the great lamp. "
    "Far out a brig beat against the wind, and he wrote her name in the log.\n\n"
)
NIGHT = (
    "Night {i}. Rain hammered the lantern glass; Mara counted the seconds between the "
    "flashes and the thunder, and Owen slept through all of it.\n\n"
)


def window_start(window: ContextWindow, text: str) -> int:
    """Return where ``window``'s last prompt starts in ``text`` (-1 when it is not there)."""
    anchor = window.anchor
    return text.find(anchor) if anchor else -1


def _story(template: str, start: int, count: int) -> str:
    """Return ``count`` numbered paragraphs."""
    return "".join(template.format(i=i) for i in range(start, start + count))


def bench_figures(model: Path) -> list[Figure]:
    """Return the window section's figures."""
    return [_ttft_after_move(model), _assembly_speed(model)]


def _ttft_after_move(model: Path) -> Figure:
    """First token after the window moved (cache shifted) over the same prompt evaluated cold."""
    backend = LlamaBackend.load(model, EngineOptions(n_ctx=2048, gpu_layers=0))
    params = SamplingParams(max_tokens=8, temperature=0.7, seed=7)
    try:
        window = ContextWindow()
        notes = "A storm coast, 1890. Mara, the keeper's daughter; Owen, the keeper."
        text = _story(DAY, 0, 80)
        ContinueJob(text, window, params, notes=notes).run(backend, CollectingSink(), StopFlag())
        # The writer goes on a few sentences at a time, pressing Continue, until the window
        # has to move forward.
        moved_job = None
        for step in range(40):
            text += _story(NIGHT, step * 2, 2)
            job = ContinueJob(text, window, params, notes=notes)
            before = window_start(window, text)
            moved = job.run(backend, CollectingSink(), StopFlag())
            if job.prompt_start != before:
                moved_job = job
                break
        assert moved_job is not None and moved_job.assembly is not None, "the window never moved"
        prompt = moved_job.assembly.prompt
        colds = []
        for _ in range(2):
            backend.forget_cache()  # nothing cached: every token is evaluated
            colds.append(backend.generate(prompt, params, lambda _t: None).first_token_s)
        cold = min(colds)
    finally:
        backend.close()
    ratio = moved.first_token_s / cold if cold else 0.0
    return Figure(
        "window",
        "time to first token after the window moved / cold",
        ratio,
        "<= 0.25",
        ratio <= 0.25,
        f"moved {moved.first_token_s * 1000:.0f} ms ({moved.shifted_tokens} tokens shifted, "
        f"{moved.prompt_tokens - moved.cached_tokens} evaluated), cold {cold * 1000:.0f} ms "
        f"({moved.prompt_tokens} tokens)",
        key="window.ttft_after_move_over_cold",
    )


def _lorebook(count: int) -> list[LoreEntry]:
    """Return ``count`` entries with two keys each, a few of them always included."""
    return [
        LoreEntry(
            f"Person {i}",
            (f"Name{i}", f"Harbour{i}"),
            f"Name{i} is a sailor from Harbour{i}, with a scar on the left hand.",
            priority=i % 7,
            always=i % 100 == 0,
        )
        for i in range(count)
    ]


def _assembly_speed(model: Path) -> Figure:
    """Assembly of the Continue prompt for 500 lore entries on a 1 MB document, while typing."""
    backend = LlamaBackend.load(model, EngineOptions(n_ctx=4096, gpu_layers=0))
    try:
        lore = _lorebook(500)
        text = _story(DAY, 0, 1_000_000 // len(DAY.format(i=100)) + 1)
        text += "".join(f"Name{i} came ashore. " for i in range(0, 500, 25))
        window = ContextWindow()

        def once(body: str) -> float:
            request = ContextRequest(
                body, lore=lore, notes="A storm coast.", authors_note="Style: terse."
            )
            started = time.perf_counter()
            assemble(
                request,
                window=window,
                n_ctx=4096,
                reply_tokens=200,
                count_tokens=backend.count_tokens,
            )
            return time.perf_counter() - started

        first = once(text)
        typed = []
        for word in range(20):
            text += f" word{word}"
            typed.append(once(text))
    finally:
        backend.close()
    median_ms = statistics.median(typed) * 1000
    return Figure(
        "window",
        "prompt assembly, 500 lore entries on 1 MB (ms)",
        median_ms,
        "<= 20",
        median_ms <= 20,
        f"{len(text) / 1e6:.2f} MB; first assembly {first * 1000:.1f} ms, then median of 20 "
        "while typing",
        key="window.assembly_ms_500_lore_1mb",
    )
