"""Jobs of the writer's choice: several candidates at once, and re-rolling from a chosen word.

:class:`CandidatesJob` continues the text before the cursor like
:class:`~writer.engine.jobs.ContinueJob` (same prompt, same window), but writes
``count`` candidates in one batched decode. With ``count`` 1 and no
``on_pieces`` callback its text streams through the sink like an ordinary
Continue, which is how Continue runs while "Show alternatives" records the top
tokens. :class:`RerollJob` continues a passage from a word the writer chose
among the alternatives.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from functools import partial
from typing import TYPE_CHECKING, Any

from writer.core.alternatives import token_spans
from writer.core.passage_end import PassageEnd, allowance_for
from writer.core.sampling import SamplingParams
from writer.engine.backend_api import Backend, GenerationStats, StopFlag
from writer.engine.candidates import CandidatesResult, fewer_candidates_notice
from writer.engine.jobs import ContinueJob, Job, JobSink, _EitherFlag
from writer.engine.stop_strings import StopStringFilter

if TYPE_CHECKING:
    from writer.core.alternatives import TokenStep

#: Receives batches of (candidate index from 0, text) while candidates stream.
PiecesCallback = Callable[[list[tuple[int, str]]], None]

#: Candidates leave at least this share of the context window to the prompt.
PROMPT_SHARE = 0.25


def candidates_that_fit(count: int, max_tokens: int, n_ctx: int) -> int:
    """Return how many candidates of ``max_tokens`` fit beside a fair share of prompt."""
    room = int(n_ctx * (1 - PROMPT_SHARE))
    return max(1, min(count, room // max(1, max_tokens)))


class _Relay:
    """Collects each candidate's text, drops the spaces that start it, and streams it in batches."""

    def __init__(
        self,
        count: int,
        *,
        strip: bool,
        sink: JobSink,
        on_pieces: PiecesCallback | None,
        interval: float,
        stops: Sequence[str] = (),
        ended: StopFlag | None = None,
        passage_length: int | None = None,
    ) -> None:
        self.texts = [""] * count
        self.done = [False] * count  # met a stop string (the start of the text after the cursor)
        self._held = [StopStringFilter(stops) for _ in range(count)]
        self._ended = ended
        self.skipped = [0] * count  # characters of leading space left out per candidate
        self._strip = [strip] * count
        self._sink = sink
        self._on_pieces = on_pieces
        self._interval = interval
        self._pending: list[tuple[int, str]] = []
        self._sent_at = 0.0
        #: One candidate: where it ends past ``passage_length``, as Continue's passage does.
        self.end = (
            PassageEnd(partial(self._accept, 0), passage_length)
            if passage_length is not None
            else None
        )

    def text(self, index: int, piece: str) -> None:
        """Take one piece of candidate ``index``."""
        if self.done[index]:
            return
        if self._strip[index]:
            kept = piece.lstrip(" \t")
            self.skipped[index] += len(piece) - len(kept)
            if not kept:
                return
            self._strip[index] = False
            piece = kept
        if self.end is None:
            self._accept(index, piece)
        elif self.end.feed(piece) and self._ended is not None:
            self._ended.set()  # the passage ended cleanly past its length

    def _accept(self, index: int, piece: str) -> None:
        """Pass on a piece of candidate ``index``, holding back what may begin a stop string."""
        if self.done[index]:
            return
        piece, hit = self._held[index].feed(piece)
        if hit:
            self.done[index] = True
            if all(self.done) and self._ended is not None:
                self._ended.set()
        self._pass_on(index, piece)

    def _pass_on(self, index: int, piece: str) -> None:
        """Keep ``piece`` as candidate ``index``'s text and stream it."""
        if not piece:
            return
        self.texts[index] += piece
        if self._on_pieces is None:
            self._sink.text(piece)
            return
        self._pending.append((index, piece))
        now = time.perf_counter()
        if now - self._sent_at >= self._interval:
            self.flush(now)

    def finish(self) -> None:
        """Pass on what each candidate still holds back (no stop string followed it)."""
        for index, held in enumerate(self._held):
            if not self.done[index]:
                self._pass_on(index, held.flush())

    def flush(self, now: float | None = None) -> None:
        """Send what is pending."""
        if self._pending and self._on_pieces is not None:
            pending, self._pending = self._pending, []
            self._sent_at = time.perf_counter() if now is None else now
            self._on_pieces(pending)


def _steps_within(steps: list[TokenStep], skip: int, text: str) -> list[TokenStep]:
    """Return the recorded steps up to the end of ``text`` (a clean end drops those past it)."""
    for span in token_spans(steps, skip=skip):
        if span.start >= len(text):
            return steps[: span.step]
    return steps


def result_stats(result: CandidatesResult) -> GenerationStats:
    """Return the figures of a batched run as one generation's stats."""
    reasons = set(result.reasons)
    if "cancelled" in reasons:
        reason = "cancelled"
    elif reasons <= {"eos", "stop"}:
        reason = "stop" if "stop" in reasons else "eos"
    else:
        reason = "length"
    generating = max(result.seconds - result.first_token_s, 1e-9)
    tokens = result.tokens
    return GenerationStats(
        tokens=tokens,
        seconds=result.seconds,
        tokens_per_s=(tokens - len(result.texts)) / generating if tokens > len(result.texts) else 0,
        prompt_tokens=len(result.prompt_tokens),
        cached_tokens=result.cached_tokens,
        stop_reason=reason,
        first_token_s=result.first_token_s,
    )


@dataclass
class CandidatesJob(ContinueJob):
    """Continue the text before the cursor with ``count`` candidates decoded together.

    Args:
        count: candidates to write (1–6); fewer when they do not fit the context.
        record: keep the top tokens of every step (for "Show alternatives").
        on_pieces: called on the engine thread with batches of (index, text);
            ``None`` with ``count`` 1 streams the text through the sink instead.
    """

    count: int = 3
    record: bool = False
    on_pieces: PiecesCallback | None = None
    kind: str = "candidates"
    #: Filled in by :meth:`run`.
    texts: list[str] = field(default_factory=list)
    steps: list[list[TokenStep]] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    prompt_ids: list[int] = field(default_factory=list)  # the prompt as evaluated, token ids

    @classmethod
    def like(cls, job: ContinueJob, **changes: Any) -> CandidatesJob:
        """Return candidates for the same request as ``job`` (text, lore, notes, text after …)."""
        values = {f.name: getattr(job, f.name) for f in fields(ContinueJob) if f.init}
        for filled_in_by_run in ("kind", "prompt_start", "assembly"):
            values.pop(filled_in_by_run, None)
        values.update(changes)
        return cls(**values)

    def run(self, backend: Backend, sink: JobSink, stop: StopFlag) -> GenerationStats:
        """Trim the text to the window and write the candidates.

        One candidate ends where Continue's passage would (:meth:`ContinueJob.run`):
        with :attr:`finish_sentence`, at a sentence end within the allowance.
        """
        length = self.reply_tokens(backend)
        count = candidates_that_fit(self.count, length, backend.n_ctx)
        if count < self.count:
            sink.notice(fewer_candidates_notice(count, self.count, backend.n_ctx))
        extra = allowance_for(length) if self.finish_sentence and count == 1 else 0
        prompt, trailing_space = self.build_prompt(backend, reserve=count * (length + extra))
        ended = _EitherFlag(stop)
        relay = _Relay(
            count,
            strip=trailing_space,
            sink=sink,
            on_pieces=self.on_pieces,
            interval=self.stream_interval,
            stops=self.assembly.stop_strings if self.assembly is not None else (),
            ended=ended,
            passage_length=length if extra else None,
        )
        params = self.params.with_overrides(max_tokens=length + extra)
        result = backend.generate_candidates(
            prompt, params, count, relay.text, stop=ended, record=self.record
        )
        if relay.end is not None:
            relay.end.finish(model_ended=result.reasons[0] != "length")
            if relay.end.done and not stop.is_set():  # ended cleanly, like a stop string
                result.reasons[0] = "stop"
        relay.finish()
        for index, steps in enumerate(result.steps):
            if steps and (relay.done[index] or (index == 0 and relay.end is not None)):
                # the tokens past the passage's end or its stop string are not in its text
                result.steps[index] = _steps_within(steps, relay.skipped[index], relay.texts[index])
        if any(relay.done) and not stop.is_set():  # met the text after the cursor
            pairs = zip(relay.done, result.reasons, strict=False)
            result.reasons = ["stop" if done else reason for done, reason in pairs]
        relay.flush()
        for notice in result.notices:
            sink.notice(notice)
        self.texts = relay.texts
        self.skipped = relay.skipped
        self.steps = result.steps
        self.prompt_ids = result.prompt_tokens
        self.prompt_tokens = len(result.prompt_tokens)
        return result_stats(result)


@dataclass
class RerollJob(Job):
    """Write ``lead`` (a word chosen among the alternatives) after ``prompt``, then continue.

    The text streams through the sink, starting with the chosen word's text.
    """

    prompt: Sequence[int]
    lead: Sequence[int]
    params: SamplingParams = field(default_factory=SamplingParams)
    record: bool = True
    kind: str = "continue"
    #: Filled in by :meth:`run`: the steps generated after ``lead``.
    steps: list[TokenStep] = field(default_factory=list)

    def run(self, backend: Backend, sink: JobSink, stop: StopFlag) -> GenerationStats:
        """Evaluate the prompt and the chosen word, and stream the rest."""
        max_tokens = min(self.params.max_tokens, max(16, backend.n_ctx // 2))
        params = self.params.with_overrides(max_tokens=max_tokens)
        result = backend.generate_candidates(
            self.prompt,
            params,
            1,
            lambda _index, piece: sink.text(piece),
            stop=stop,
            record=self.record,
            lead=self.lead,
        )
        self.steps = result.steps[0]
        return result_stats(result)
