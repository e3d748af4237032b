"""The assistant's jobs: chat, summaries (in parts when the text is long) and selection tools.

Like every :class:`~writer.engine.jobs.Job`, these are plain Python that run on
the thread owning the backend (the engine thread in the GUI, the main thread
on the command line). Each builds its prompt with the model's chat template
(:mod:`writer.core.chat_prompt`) from the prompt files
(:mod:`writer.core.prompt_library`), streams the reply through the sink, and
keeps its result in an attribute the caller reads after the job has finished.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from writer.core.chat_prompt import ChatFormat, ChatMessage, ChatPrompt, ChatTurn, build_prompt
from writer.core.draft_context import Draft, DraftContext, build_draft_context
from writer.core.prompt_library import PromptLibrary, detect_language, library
from writer.core.sampling import SamplingParams
from writer.core.summary_plan import SplitStoppedError, fits, group_summaries, split_into_parts
from writer.engine.backend_api import Backend, GenerationStats, StopFlag
from writer.engine.jobs import Job, JobSink
from writer.errors import GenerationError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

#: Tokens kept free between the prompt and the reply's room.
MARGIN_TOKENS = 8
#: The draft a chat question is about may take this share of the prompt's room.
DRAFT_SHARE = 0.5
#: Combining rounds before the part summaries are returned as they are.
MAX_COMBINE_ROUNDS = 6
#: Progress labels of a summary (``JobSink.progress``): stage keys, worded by the UI.
STAGE_PART = "part"
STAGE_COMBINE = "combine"
STAGE_FINAL = "final"
#: The selection tools, by prompt name.
TOOLS = ("rewrite", "expand", "shorten", "tone", "new_direction")


def special_token_counter(backend: Backend) -> Callable[[str], int]:
    """Return a function counting the tokens of a rendered prompt (special tokens as one).

    A server renders its chat template itself, and may have no tokenizer at all:
    its own count (or estimate, with a margin) of the text is used.
    """
    if backend.info.is_remote:
        return backend.count_tokens
    return lambda text: len(backend.tokenize(text, add_bos=False, special=True))


def chat_format_for(backend: Backend) -> ChatFormat:
    """Return the chat format of the loaded model (its template, or the plain fallback)."""
    return backend.chat_format()


def merge_stats(all_stats: Sequence[GenerationStats], started: float) -> GenerationStats:
    """Return the stats of several generations as one (the last one's stop reason)."""
    if not all_stats:
        return GenerationStats(0, time.perf_counter() - started, 0.0, 0, 0, "cancelled")
    tokens = sum(s.tokens for s in all_stats)
    generating = sum(max(s.seconds - s.first_token_s, 0.0) for s in all_stats)
    return GenerationStats(
        tokens=tokens,
        seconds=time.perf_counter() - started,
        tokens_per_s=tokens / generating if generating > 0 else 0.0,
        prompt_tokens=all_stats[-1].prompt_tokens,
        cached_tokens=all_stats[-1].cached_tokens,
        stop_reason=all_stats[-1].stop_reason,
        first_token_s=all_stats[0].first_token_s,
    )


class AssistantJob(Job):
    """What the assistant's jobs share: rendering a chat prompt and streaming a reply."""

    prompts: PromptLibrary | None = None  # None: the app's library

    def _library(self) -> PromptLibrary:
        return self.prompts or library()

    def _reply_room(self, backend: Backend, params: SamplingParams, share: int = 2) -> int:
        """Return the reply's max tokens: the setting, at most 1/``share`` of the context."""
        return max(16, min(params.max_tokens, backend.n_ctx // share))

    def _render(
        self,
        backend: Backend,
        messages: Sequence[ChatMessage],
        max_tokens: int,
        sink: JobSink,
        *,
        keep_from: int = 0,
    ) -> ChatPrompt:
        """Return the prompt for ``messages`` fitting beside ``max_tokens`` of reply."""
        chat_format = getattr(self, "_format", None)
        if chat_format is None:
            chat_format = self._format = chat_format_for(backend)
        budget = backend.n_ctx - max_tokens - MARGIN_TOKENS
        prompt = build_prompt(
            messages, chat_format, special_token_counter(backend), budget, keep_from=keep_from
        )
        if prompt.fallback_reason and not getattr(self, "_told", False):
            self._told = True
            sink.notice(prompt.fallback_reason + " Using a plain prompt instead.")
        return prompt

    def _stream(
        self,
        backend: Backend,
        prompt: ChatPrompt,
        params: SamplingParams,
        sink: JobSink,
        stop: StopFlag,
    ) -> tuple[str, GenerationStats]:
        """Generate a reply to ``prompt``, streaming it; return (reply, stats)."""
        pieces: list[str] = []

        def emit(piece: str) -> None:
            if not pieces:
                piece = piece.lstrip()
                if not piece:
                    return
            pieces.append(piece)
            sink.text(piece)

        stats = backend.generate_chat(prompt, params, emit, stop=stop)
        return "".join(pieces).rstrip(), stats


@dataclass
class ChatJob(AssistantJob):
    """Answer turn ``index`` of a conversation.

    The messages are read from ``turns`` when the job runs, so a question
    asked while the previous reply was still streaming sees that reply: the
    GUI records each reply (on ``finished``) before the engine starts the next
    job. Turns without a reply (stopped before any text) are left out. The
    ``draft`` (the document on screen) goes after the system prompt, trimmed to
    the part around its cursor when it does not fit.
    """

    turns: list[ChatTurn]
    index: int = -1
    params: SamplingParams = field(default_factory=SamplingParams)
    system: str | None = None  # None: the library's chat system prompt
    keep_from: int = 0  # messages left out last time (keeps the cached prefix)
    prompts: PromptLibrary | None = None
    draft: Draft | None = None
    kind: str = "chat"
    #: Filled in by :meth:`run`.
    reply: str = ""
    dropped: int = 0
    context: DraftContext | None = None  # what was sent of the draft

    def messages(self) -> list[ChatMessage]:
        """Return the messages of the prompt: system, earlier turns, this question."""
        index = self.index % len(self.turns)
        turn = self.turns[index]
        language = detect_language(turn.question + turn.context)
        system = self.system
        if system is None:
            system = self._library().get("chat", language).system
        if self.context is not None:
            system = f"{system}\n\n{self.context.text}" if system else self.context.text
        messages = [ChatMessage("system", system)] if system else []
        for earlier in self.turns[:index]:
            if earlier.reply:
                messages.append(ChatMessage("user", self._content(earlier)))
                messages.append(ChatMessage("assistant", earlier.reply))
        messages.append(ChatMessage("user", self._content(turn)))
        return messages

    def draft_text(self) -> str:
        """Return the text of the draft the job was given ("" without one)."""
        return self.draft.text if self.draft is not None else ""

    def _content(self, turn: ChatTurn) -> str:
        """Return what the model sees of a question (with its context, if any)."""
        if not turn.context:
            return turn.question
        language = detect_language(turn.question + turn.context)
        ask = self._library().get("ask", language)
        return ask.user.format_map({"context": turn.context.strip(), "question": turn.question})

    def run(self, backend: Backend, sink: JobSink, stop: StopFlag) -> GenerationStats:
        """Render the conversation and stream the reply."""
        max_tokens = self._reply_room(backend, self.params)
        if self.draft is not None:
            room = int((backend.n_ctx - max_tokens - MARGIN_TOKENS) * DRAFT_SHARE)
            self.context = build_draft_context(
                self.draft, room, special_token_counter(backend), prompts=self._library()
            )
        prompt = self._render(backend, self.messages(), max_tokens, sink, keep_from=self.keep_from)
        self.dropped = prompt.dropped
        params = self.params.with_overrides(max_tokens=max_tokens)
        self.reply, stats = self._stream(backend, prompt, params, sink, stop)
        return stats


@dataclass
class ToolJob(AssistantJob):
    """Apply a selection tool (rewrite, expand, shorten, tone, new_direction) to a text."""

    tool: str
    text: str
    params: SamplingParams = field(default_factory=SamplingParams)
    tone: str = "formal"  # a key of the library's tones (for "tone")
    language: str | None = None  # None: the language of the text
    prompts: PromptLibrary | None = None
    notes: str = ""  # the document's story notes, put ahead of the request
    kind: str = "tool"
    #: Filled in by :meth:`run`.
    result: str = ""

    def run(self, backend: Backend, sink: JobSink, stop: StopFlag) -> GenerationStats:
        """Render the tool's prompt around the text and stream the new text."""
        language = self.language or detect_language(self.text)
        prompts = self._library()
        prompt_def = prompts.get(self.tool, language)
        tone = prompts.tones(language).get(self.tone, self.tone)
        messages = prompt_def.messages(text=self.text.strip(), tone=tone)
        if self.notes.strip() and messages and messages[-1].role == "user":
            preamble = prompts.get("story_notes", language).user.format(notes=self.notes.strip())
            messages[-1] = ChatMessage("user", preamble + messages[-1].content)
        max_tokens = self._reply_room(backend, self.params)
        prompt = self._render(backend, messages, max_tokens, sink)
        if prompt.shortened:
            raise GenerationError(
                f"The selection is too long for {prompt_def.label} with this model "
                f"({backend.n_ctx} tokens of context). Select less, or use Summarize."
            )
        params = self.params.with_overrides(max_tokens=max_tokens)
        self.result, stats = self._stream(backend, prompt, params, sink, stop)
        return stats


@dataclass
class SummaryJob(AssistantJob):
    """Summarize a text of any length: at once when it fits, else in parts that are combined.

    Progress (``sink.progress``) is reported per stage: ``("part", k, n)`` while
    the parts are summarized, ``("combine", k, m)`` while groups of part
    summaries are combined, ``("final", 1, 1)`` for the last combination. The
    streamed text holds every generated summary, separated by blank lines;
    :attr:`result` is the summary to use. When stopped, :attr:`result` holds
    the part summaries made so far.
    """

    text: str
    params: SamplingParams = field(default_factory=SamplingParams)
    language: str | None = None  # None: the language of the text
    prompts: PromptLibrary | None = None
    kind: str = "summary"
    #: Filled in by :meth:`run`.
    result: str = ""
    parts: int = 0
    part_summaries: list[str] = field(default_factory=list)

    def run(self, backend: Backend, sink: JobSink, stop: StopFlag) -> GenerationStats:
        """Summarize the text, in parts when it does not fit the context."""
        started = time.perf_counter()
        self._all: list[GenerationStats] = []
        self._streamed = False
        language = self.language or detect_language(self.text)
        prompts = self._library()
        max_tokens = self._reply_room(backend, self.params, share=4)
        params = self.params.with_overrides(max_tokens=max_tokens)
        count = special_token_counter(backend)
        overhead = max(
            self._overhead(backend, prompts.get(name, language), count)
            for name in ("summarize", "summarize_part", "summarize_combine")
        )
        budget = backend.n_ctx - max_tokens - overhead - 2 * MARGIN_TOKENS
        text = self.text.strip()
        if not text:
            raise GenerationError("There is no text to summarize.")
        if fits(text, budget, count):
            self.parts = 1
            self.result = self._summarize(
                backend, prompts.get("summarize", language), {"text": text}, params, sink, stop
            )
            return merge_stats(self._all, started)
        try:
            parts = split_into_parts(text, budget, count, should_stop=stop.is_set)
        except SplitStoppedError:
            return merge_stats(self._all, started)
        self.parts = len(parts)
        part_prompt = prompts.get("summarize_part", language)
        for number, part in enumerate(parts, 1):
            sink.progress(number, len(parts), STAGE_PART)
            values = {"text": part, "part": number, "parts": len(parts)}
            summary = self._summarize(backend, part_prompt, values, params, sink, stop)
            if summary:
                self.part_summaries.append(summary)
            if stop.is_set():
                self.result = "\n\n".join(self.part_summaries)
                return merge_stats(self._all, started)
        self.result = self._combine(backend, prompts, language, budget, params, sink, stop)
        return merge_stats(self._all, started)

    def _combine(
        self,
        backend: Backend,
        prompts: PromptLibrary,
        language: str,
        budget: int,
        params: SamplingParams,
        sink: JobSink,
        stop: StopFlag,
    ) -> str:
        """Combine the part summaries (in groups while they do not fit); return the summary."""
        combine = prompts.get("summarize_combine", language)
        count = special_token_counter(backend)
        summaries = list(self.part_summaries)
        kept = "\n\n".join(self.part_summaries)
        for _round in range(MAX_COMBINE_ROUNDS):
            if len(summaries) < 2:
                return summaries[0] if summaries else kept
            groups = group_summaries(summaries, budget, count)
            if len(groups) == 1:
                sink.progress(1, 1, STAGE_FINAL)
                final = self._summarize(backend, combine, {"text": groups[0]}, params, sink, stop)
                return kept if stop.is_set() or not final else final
            combined: list[str] = []
            for number, group in enumerate(groups, 1):
                sink.progress(number, len(groups), STAGE_COMBINE)
                summary = self._summarize(backend, combine, {"text": group}, params, sink, stop)
                if stop.is_set():
                    return kept
                combined.append(summary or group)
            summaries = combined
        return "\n\n".join(summaries)

    def _overhead(self, backend: Backend, prompt_def, count: Callable[[str], int]) -> int:
        """Return the tokens a prompt takes around an empty text."""
        chat_format = getattr(self, "_format", None) or chat_format_for(backend)
        self._format = chat_format
        messages = prompt_def.messages(text="", part=999, parts=999)
        return count(chat_format.render(messages)) + 1

    def _summarize(
        self,
        backend: Backend,
        prompt_def,
        values: dict,
        params: SamplingParams,
        sink: JobSink,
        stop: StopFlag,
    ) -> str:
        """Stream one summary of ``values["text"]``; return it."""
        if self._streamed:
            sink.text("\n\n")
        prompt = self._render(backend, prompt_def.messages(**values), params.max_tokens, sink)
        summary, stats = self._stream(backend, prompt, params, sink, stop)
        self._all.append(stats)
        self._streamed = self._streamed or bool(summary)
        return summary
