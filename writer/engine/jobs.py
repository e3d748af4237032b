"""Jobs the engine runs: each is plain Python that drives the backend.

A job runs on whichever thread owns the backend: the engine thread in the
GUI, the main thread in the command line and the benchmark. It sees only the
engine boundary (:class:`~writer.engine.backend_api.Backend`), so it runs the
same on the in-process model and on a server. It reports
through a :class:`JobSink` and returns the stats of its (last) generation.
Features add their own jobs (chat, summary, templates) by subclassing
:class:`Job`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from writer.core.passage_end import PassageEnd, allowance_for
from writer.core.prompt_parts import (
    Assembly,
    ContextRequest,
    ContextSettings,
    FimTokens,
    StorySoFar,
    assemble,
)
from writer.core.sampling import SamplingParams
from writer.engine.backend_api import Backend, GenerationStats, StopFlag

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from writer.core.context_window import ContextWindow
    from writer.core.lore import LoreEntry


class JobSink(Protocol):
    """Where a running job reports."""

    def text(self, piece: str) -> None:
        """Receive one piece of generated text."""

    def progress(self, step: int, total: int, label: str) -> None:
        """Receive progress of a job made of several steps (part k of n)."""

    def notice(self, message: str) -> None:
        """Receive a message to show the user once (a fallback was taken, ...)."""


class CollectingSink:
    """A sink that keeps what a job reports (for the benchmark, tests and scripts)."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.steps: list[tuple[int, int, str]] = []
        self.notices: list[str] = []

    def text(self, piece: str) -> None:
        """Keep one piece of text."""
        self.pieces.append(piece)

    def progress(self, step: int, total: int, label: str) -> None:
        """Keep one progress report."""
        self.steps.append((step, total, label))

    def notice(self, message: str) -> None:
        """Keep one notice."""
        self.notices.append(message)

    @property
    def joined(self) -> str:
        """Return all the text so far."""
        return "".join(self.pieces)


class Job(ABC):
    """One request to the engine."""

    #: What the job is, for the UI: "continue", "chat", "summary", "tool", "template".
    kind: str = "generic"
    #: In the GUI, streamed text is sent to the screen at most this often (seconds).
    stream_interval: float = 0.05
    #: Set by :meth:`run` before the first text when known: the prompt's tokens (about).
    prompt_tokens: int = 0

    @abstractmethod
    def run(self, backend: Backend, sink: JobSink, stop: StopFlag) -> GenerationStats:
        """Run on the thread that owns ``backend``; return the stats of the generation."""


@dataclass
class CompletionJob(Job):
    """Complete a prompt as it is (no chat template)."""

    prompt: str
    params: SamplingParams = field(default_factory=SamplingParams)
    stop_strings: tuple[str, ...] = ()
    kind: str = "completion"

    def run(self, backend: Backend, sink: JobSink, stop: StopFlag) -> GenerationStats:
        """Generate after the prompt."""
        return backend.generate(
            self.prompt, self.params, sink.text, stop=stop, stop_strings=self.stop_strings
        )


@dataclass
class ContinueJob(Job):
    """Continue the text before the cursor, with what the document knows around it.

    Args:
        text_before: the end of the document before the cursor (a tail is enough:
            the window never reaches further back than the context holds).
        window: the document's :class:`ContextWindow`, which keeps the prompt's
            start stable from one press to the next.
        notes: story notes put ahead of the text and never trimmed.
        text_after: the start of the text after the cursor (Continue in the middle).
        lore: the document's lorebook entries; those the recent text mentions go in.
        authors_note: a short instruction put a few paragraphs before the end.
        story_so_far: a summary of the text before the window, for long documents.
        settings: how the prompt is built (None: the defaults).
    """

    text_before: str
    window: ContextWindow
    params: SamplingParams = field(default_factory=SamplingParams)
    notes: str = ""
    text_after: str = ""
    lore: Sequence[LoreEntry] = ()
    authors_note: str = ""
    story_so_far: StorySoFar | None = None
    settings: ContextSettings | None = None
    offset: int = 0  # where ``text_before`` starts in the document
    #: End at a sentence end or line break within a small allowance past the length.
    finish_sentence: bool = True
    kind: str = "continue"
    #: Filled in by :meth:`run`: where the prompt started in ``text_before``, and its parts.
    prompt_start: int = 0
    assembly: Assembly | None = None

    def reply_tokens(self, backend: Backend) -> int:
        """Return the passage's room: the setting, at most half the context."""
        return min(self.params.max_tokens, max(16, backend.n_ctx // 2))

    def assemble(self, backend: Backend, *, reserve: int | None = None) -> Assembly:
        """Return the prompt, part by part, as :meth:`run` sends it (also for the inspector).

        ``reserve``: tokens kept free to generate (default: :meth:`reply_tokens`).
        """
        request = ContextRequest(
            text_before=self.text_before,
            text_after=self.text_after,
            notes=self.notes,
            lore=self.lore,
            authors_note=self.authors_note,
            story_so_far=self.story_so_far,
            offset=self.offset,
        )
        assembly = assemble(
            request,
            window=self.window,
            n_ctx=backend.n_ctx,
            reply_tokens=self.reply_tokens(backend) if reserve is None else reserve,
            count_tokens=backend.count_tokens,
            fim=_fim_tokens(backend),
            settings=self.settings,
        )
        self.prompt_start = assembly.window_start
        self.assembly = assembly
        return assembly

    def build_prompt(self, backend: Backend, *, reserve: int) -> tuple[str, bool]:
        """Return the prompt, leaving ``reserve`` tokens to generate, and whether spaces were cut.

        Trailing spaces before the cursor make the model start mid-token, so
        they are left out of the prompt and the model writes the space itself
        (the caller strips it from the first piece). Sets :attr:`prompt_start`.
        """
        assembly = self.assemble(backend, reserve=reserve)
        self.prompt_tokens = assembly.tokens
        return assembly.prompt, assembly.trailing_space

    def run(self, backend: Backend, sink: JobSink, stop: StopFlag) -> GenerationStats:
        """Assemble the prompt and stream the continuation.

        With :attr:`finish_sentence`, up to :func:`allowance_for` more tokens
        let the passage end at a sentence end or line break, else after a whole word.
        """
        length = self.reply_tokens(backend)
        extra = allowance_for(length) if self.finish_sentence else 0
        assembly = self.assemble(backend, reserve=length + extra)
        self.prompt_tokens = assembly.tokens
        end = PassageEnd(sink.text, length if extra else length + 1)
        ended = _EitherFlag(stop)

        def forward(piece: str) -> None:
            if end.feed(piece):
                ended.set()

        emit = strip_first_spaces(forward) if assembly.trailing_space else forward
        params = self.params.with_overrides(max_tokens=length + extra)
        stats = backend.generate(
            assembly.prompt, params, emit, stop=ended, stop_strings=assembly.stop_strings
        )
        end.finish(model_ended=stats.stop_reason != "length" or not extra)
        if end.done and not stop.is_set():
            stats = replace(stats, stop_reason="stop")  # ended cleanly, like a stop string
        return stats


class _EitherFlag(StopFlag):
    """A stop flag set by its owner or by an outer flag (the user's Stop)."""

    def __init__(self, outer: StopFlag) -> None:
        super().__init__()
        self._outer = outer

    def is_set(self) -> bool:
        """Return whether either flag is set."""
        return super().is_set() or self._outer.is_set()


def strip_first_spaces(on_text: Callable[[str], None]) -> Callable[[str], None]:
    """Return a callback that drops the spaces and tabs that start the text, then forwards."""
    first = [True]

    def emit(piece: str) -> None:
        if first[0]:
            piece = piece.lstrip(" \t")
            if not piece:
                return
            first[0] = False
        on_text(piece)

    return emit


@dataclass
class PromptPreviewJob(Job):
    """Assemble what a Continue would send, without generating (the context inspector)."""

    job: ContinueJob
    kind: str = "prompt"
    #: Filled in by :meth:`run`.
    assembly: Assembly | None = None

    def run(self, backend: Backend, sink: JobSink, stop: StopFlag) -> GenerationStats:
        """Assemble the prompt; report no generation."""
        self.assembly = self.job.assemble(backend)
        return GenerationStats(0, 0.0, 0.0, backend.count_tokens(self.assembly.prompt), 0, "length")


def _fim_tokens(backend: Backend) -> FimTokens | None:
    """Return the model's fill-in-the-middle tokens, or None (no infill prompt then)."""
    special = backend.special_tokens()
    if not special.has_fim:
        return None
    return FimTokens(special.fim_prefix, special.fim_suffix, special.fim_middle)
