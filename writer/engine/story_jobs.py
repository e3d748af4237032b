"""The story so far, made in the background: summaries in parts, remembered by content.

:class:`StorySoFarJob` summarizes the text before Continue's window with the
summary engine (:class:`~writer.engine.assistant_jobs.SummaryJob`'s parts and
combining), but only the parts whose text it has not summarized before: their
summaries are kept by content hash (:mod:`writer.core.story_so_far`), so a
new chapter costs one part summary and one combination. When stopped (the
writer pressed Continue), the parts done so far are kept for next time.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from writer.core.context_window import ContextWindow
from writer.core.passage_end import allowance_for
from writer.core.prompt_library import detect_language
from writer.core.prompt_parts import summary_block, summary_room
from writer.core.story_so_far import (
    MIN_CHARS,
    STALE_CHARS,
    PartSummary,
    StoredSummary,
    SummaryPlan,
    digest,
    plan_parts,
    stored_from,
    summary_target,
)
from writer.core.summary_plan import SplitStoppedError
from writer.engine.assistant_jobs import (
    MARGIN_TOKENS,
    STAGE_PART,
    SummaryJob,
    merge_stats,
    special_token_counter,
)

if TYPE_CHECKING:
    from writer.engine.backend_api import Backend, GenerationStats, StopFlag
    from writer.engine.jobs import JobSink

log = logging.getLogger(__name__)


def text_before_window(text_before: str, n_ctx: int, reply_tokens: int, count_tokens) -> str:
    """Return the part of ``text_before`` that Continue's window will not hold.

    The window is estimated on the small side (half the room), so the story
    so far overlaps the window a little rather than leaving a gap.
    """
    budget = max(64, (n_ctx - reply_tokens) // 2)
    start = ContextWindow().fit(text_before, budget, count_tokens).start
    return summary_target(text_before[:start])


@dataclass
class StorySoFarJob(SummaryJob):
    """Bring the story so far up to date for the text before the cursor.

    Args:
        text: the text before the cursor (the whole document up to it).
        stored: the story so far kept beside the document (its part summaries are reused).
        reply_tokens: the room Continue keeps for its passage (to place the window).

    After :meth:`run`, :attr:`updated` holds the new story so far, or None when
    nothing changed (no long text before the window, a summary written by hand,
    or stopped before the combination).
    """

    stored: StoredSummary = field(default_factory=StoredSummary)
    reply_tokens: int = 200
    force: bool = False  # rebuild from scratch, replacing a summary written by hand
    kind: str = "story"
    stream_interval: float = 1.0
    #: Filled in by :meth:`run`.
    updated: StoredSummary | None = None
    made_parts: int = 0  # parts summarized in this run (the others came from the cache)

    def run(self, backend: Backend, sink: JobSink, stop: StopFlag) -> GenerationStats:
        """Summarize the parts not yet summarized, then combine them all."""
        started = time.perf_counter()
        self._all: list[GenerationStats] = []
        self._streamed = False
        stored = StoredSummary() if self.force else self.stored
        if stored.edited:
            return merge_stats(self._all, started)
        target = text_before_window(
            self.text, backend.n_ctx, self.reply_tokens, backend.count_tokens
        )
        if len(target) < MIN_CHARS:
            return merge_stats(self._all, started)
        if stored.text and len(target) < stored.covers + STALE_CHARS:
            return merge_stats(self._all, started)  # still fresh
        prompts = self._library()
        language = self.language or detect_language(target)
        max_tokens = min(
            self._reply_room(backend, self.params, share=4), self._summary_room(backend)
        )
        params = self.params.with_overrides(max_tokens=max_tokens)
        count = special_token_counter(backend)
        overhead = max(
            self._overhead(backend, prompts.get(name, language), count)
            for name in ("summarize_part", "summarize_combine")
        )
        budget = backend.n_ctx - max_tokens - overhead - 2 * MARGIN_TOKENS
        try:
            plan = plan_parts(target, budget, count, stored, should_stop=stop.is_set)
        except SplitStoppedError:
            return merge_stats(self._all, started)
        known = dict(plan.known)
        part_prompt = prompts.get("summarize_part", language)
        summaries: list[str] = []
        missing = plan.missing
        for number, part in enumerate(plan.parts, 1):
            key = digest(part)
            if key not in known:
                sink.progress(missing.index(number - 1) + 1, len(missing), STAGE_PART)
                values = {"text": part, "part": number, "parts": len(plan.parts)}
                summary = self._summarize(backend, part_prompt, values, params, sink, stop)
                if stop.is_set():
                    self._keep_partial(plan, summaries)  # the stopped part is not kept
                    return merge_stats(self._all, started)
                known[key] = summary or part[:200]
                self.made_parts += 1
            summaries.append(known[key])
        self.part_summaries = _unique_runs(summaries)
        combined = self._combine(backend, prompts, language, budget, params, sink, stop)
        if stop.is_set():
            self._keep_partial(plan, summaries)
            return merge_stats(self._all, started)
        self.result = combined
        self.updated = stored_from(plan, summaries, combined)
        log.info(
            "story so far: %d parts (%d new), covers %d characters",
            len(plan.parts),
            self.made_parts,
            plan.covers,
        )
        return merge_stats(self._all, started)

    def _summary_room(self, backend: Backend) -> int:
        """Return the tokens a summary may have to fit in Continue's prompt.

        Continue keeps room for its passage plus the allowance to end it at a
        sentence; the story so far may take a quarter of the rest (less its
        bracket), so a longer one would be left out of every prompt.
        """
        length = min(self.reply_tokens, max(16, backend.n_ctx // 2))
        reserve = length + allowance_for(length)
        bracket = backend.count_tokens(summary_block("x")) - backend.count_tokens("x")
        return max(16, summary_room(backend.n_ctx, reserve) - bracket - MARGIN_TOKENS)

    def _keep_partial(self, plan: SummaryPlan, summaries: list[str]) -> None:
        """Keep the part summaries made before a stop, with the old combined text."""
        done = SummaryPlan(plan.parts[: len(summaries)], plan.known, self.stored.covers)
        partial = stored_from(done, summaries, self.stored.text)
        partial.parts = _merge_parts(self.stored, partial)
        self.updated = partial if self.made_parts else None


def _unique_runs(summaries: list[str]) -> list[str]:
    """Return ``summaries`` with consecutive repeats collapsed (repeated parts say one thing)."""
    result: list[str] = []
    for summary in summaries:
        if not result or result[-1] != summary:
            result.append(summary)
    return result


def _merge_parts(old: StoredSummary, new: StoredSummary) -> list[PartSummary]:
    """Return the part summaries of ``new`` plus those of ``old`` it does not have."""
    seen = {part.hash for part in new.parts}
    return new.parts + [part for part in old.parts if part.hash not in seen]
