"""The job that writes from a template: render its prompt, stream, shape the output.

Plain Python, run on whichever thread owns the backend (the engine thread in
the GUI, the main thread in ``writer template run``). The prompt is the
template's instruction, wrapped in the model's chat template, when the model
has one, and the plain completion form otherwise. The output is shaped by the
template's kind: poems pass whole lines and stop after their set number of
lines, screenplays are cleaned into Fountain as they stream, stage plays into
the play layout of :mod:`writer.core.stage_play`, prose loses a
chat model's "Sure! Here is ..." lead-in.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol

from writer.core.chat_prompt import ChatMessage, ChatPrompt
from writer.core.fountain import FountainCleaner
from writer.core.poem_form import FormCheck, check_form
from writer.core.poem_lines import PoemLineFilter, is_preamble
from writer.core.sampling import SamplingParams
from writer.core.stage_play import StagePlayCleaner, stage_play_opening
from writer.engine.backend_api import Backend, GenerationStats, StopFlag
from writer.engine.jobs import Job, JobSink

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from writer.core.templates import Template

log = logging.getLogger(__name__)

#: Extra generations a poem of set length gets when the model stops too early.
POEM_RETRIES = 2
_LEAD_IN = re.compile(
    r"^\s*(here(?:'s| is| are)\b|sure\b|certainly\b|of course\b|okay\b|当然|好的|以下是|下面是)",
    re.IGNORECASE,
)


def chat_prompt(backend: Backend, system: str, user: str) -> str | None:
    """Return ``user`` (after ``system``) wrapped in the model's chat template, or None.

    None when the model has no chat template or its template fails.
    """
    prompt = template_chat_prompt(backend, system, user)
    return prompt.text if prompt is not None else None


def template_chat_prompt(backend: Backend, system: str, user: str) -> ChatPrompt | None:
    """Return the chat prompt of a template's instruction, or None without a working template.

    Some templates refuse a system message: then it goes ahead of the user's.
    """
    attempts = [[ChatMessage("user", f"{system}\n\n{user}" if system else user)]]
    if system:
        attempts.insert(0, [ChatMessage("system", system), ChatMessage("user", user)])
    bos = backend.special_tokens().bos
    for messages in attempts:
        chat_format = backend.chat_format()
        if not chat_format.templated:
            return None
        text = chat_format.render(messages)
        if not chat_format.templated:  # the template failed on these messages
            log.warning(
                "chat template failed (%s): %s", backend.info.name, chat_format.fallback_reason
            )
            continue
        return ChatPrompt(
            text=text,
            stop_strings=chat_format.stop_strings,
            tokens=0,
            templated=True,
            # A template that writes BOS itself must not get a second one from the tokenizer.
            add_bos=not (bos and text.startswith(bos)),
            messages=tuple(messages),
        )
    return None


class _Shaper(Protocol):
    """Turns streamed model text into the text to insert."""

    def feed(self, piece: str) -> str:
        """Take a piece; return what to insert now."""
        ...

    def flush(self) -> str:
        """Return what is still held when the model stops."""
        ...


class LeadInFilter:
    """Drops a chat model's lead-in line ("Sure! Here is your letter:") before prose."""

    def __init__(self) -> None:
        self._held = ""
        self._leading = True

    def feed(self, piece: str) -> str:
        """Take a piece; return the text to insert."""
        if not self._leading:
            return piece
        self._held += piece
        while "\n" in self._held:
            line, rest = self._held.split("\n", 1)
            if line.strip() and not is_preamble(line):
                return self._release()
            self._held = rest
        start = self._held.lstrip()
        if len(start) >= 40 and not _LEAD_IN.match(start):
            return self._release()
        return ""

    def flush(self) -> str:
        """Return held text when the model stops within its first line."""
        if not self._leading or is_preamble(self._held):
            self._held = ""
            return ""
        return self._release()

    def _release(self) -> str:
        """Stop holding back; return what was held."""
        self._leading = False
        text, self._held = self._held.lstrip(), ""
        return text


def shaper_for(kind: str, lines: int | None) -> _Shaper:
    """Return the output filter for a template's kind."""
    if kind == "poem":
        return PoemLineFilter(lines)
    if kind == "screenplay":
        return FountainCleaner()
    if kind == "stage_play":
        return StagePlayCleaner()
    return LeadInFilter()


class _StopWhen(StopFlag):
    """A stop flag that is set when the caller's is, or when the job has what it needs."""

    def __init__(self, outer: StopFlag, done: Callable[[], bool]) -> None:
        super().__init__()
        self._outer = outer
        self._done = done

    def is_set(self) -> bool:
        """Return whether generation should stop."""
        return self._outer.is_set() or self._done() or super().is_set()


@dataclass
class TemplateJob(Job):
    """Write from a template with the given field values, in English or Chinese.

    Args:
        template: the template.
        values: field values (the template's defaults fill the rest).
        lang: "en" or "zh".
        params: the base sampling parameters (the app's settings).
        overrides: sampling values that beat the template's own (command-line flags).
    """

    template: Template
    values: Mapping[str, Any] = field(default_factory=dict)
    lang: str = "en"
    params: SamplingParams = field(default_factory=SamplingParams)
    overrides: Mapping[str, Any] = field(default_factory=dict)
    lead: str = ""  # text put before the output (line breaks when writing at the cursor)
    kind: str = "template"
    #: Filled in by :meth:`run`: the text sent to the sink, and a set-length poem's lines.
    text: str = ""
    lines_written: int | None = None
    #: Filled in by :meth:`run` for Chinese classical forms: the line lengths against the form.
    form_check: FormCheck | None = None

    def sampling(self) -> SamplingParams:
        """Return the parameters: settings, then the template's, then explicit overrides."""
        return self.params.with_overrides(**self.template.sampling).with_overrides(**self.overrides)

    def prompt(self, backend: Backend, sink: JobSink | None = None) -> str:
        """Return the prompt for ``backend``: chat-wrapped instruction, else completion form."""
        prompt = self.chat_prompt(backend, sink)
        if prompt is not None:
            return prompt.text
        return self.template.render(self.values, self.lang, chat=False).text

    def chat_prompt(self, backend: Backend, sink: JobSink | None = None) -> ChatPrompt | None:
        """Return the instruction as a chat prompt, or None when the model takes the plain form."""
        if not backend.chat_format().templated:
            return None
        rendered = self.template.render(self.values, self.lang, chat=True)
        wrapped = template_chat_prompt(backend, rendered.system, rendered.text)
        if wrapped is None and sink is not None:
            sink.notice("The model's chat template failed; the plain prompt was used.")
        return wrapped

    def run(self, backend: Backend, sink: JobSink, stop: StopFlag) -> GenerationStats:
        """Generate, shaping the text by the template's kind; return the combined stats."""
        resolved = self.template.resolve(self.values, self.lang)
        limit = self.template.line_count(resolved) if self.template.kind == "poem" else None
        shaper = shaper_for(self.template.kind, limit)
        chat = self.chat_prompt(backend, sink)
        plain = "" if chat else self.template.render(self.values, self.lang, chat=False).text
        params = self.sampling()
        pieces: list[str] = []

        def emit(text: str) -> None:
            if text:
                if not pieces and self.lead:
                    sink.text(self.lead)
                pieces.append(text)
                sink.text(text)

        def on_text(piece: str) -> None:
            emit(shaper.feed(piece))

        if self.template.kind == "screenplay" and (
            heading := self.template.heading(self.values, self.lang)
        ):
            emit(shaper.feed(heading + "\n\n"))  # from the fields, not left to the model
        start = chat_start = ""  # what the model's reply begins with, written from the fields
        if self.template.kind == "stage_play":
            direction, start = stage_play_opening(resolved)
            chat_start = f"{direction}\n\n{start}" if direction else start
            emit(shaper.feed(chat_start))  # the cleaner holds the start until the line ends
        done = (lambda: shaper.done) if isinstance(shaper, PoemLineFilter) else (lambda: False)
        inner = _StopWhen(stop, done)
        all_stats: list[GenerationStats] = []
        budget = params.max_tokens
        for attempt in range(1 + (POEM_RETRIES if limit else 0)):
            # A poem that stopped short goes on from its last line.
            written = "".join(pieces) + "\n" if attempt else ""
            attempt_params = params.with_overrides(max_tokens=budget)
            if chat is not None:
                stats = backend.generate_chat(
                    replace(chat, reply_prefix=chat_start + written),
                    attempt_params,
                    on_text,
                    stop=inner,
                )
            else:
                stats = backend.generate(
                    plain + start + written, attempt_params, on_text, stop=inner
                )
            emit(shaper.flush())
            all_stats.append(stats)
            budget -= stats.tokens
            if stop.is_set() or budget <= 0 or not isinstance(shaper, PoemLineFilter):
                break
            if shaper.done or not shaper.missing:
                break
        self.text = self.lead + "".join(pieces) if pieces else ""
        characters = self.template.line_characters(resolved)
        if characters and self.template.kind == "poem" and not stop.is_set():
            self.form_check = check_form("".join(pieces), characters, limit)
            sink.notice(self.form_check.report())
            self.lines_written = len(self.form_check.lengths)
        elif isinstance(shaper, PoemLineFilter) and limit:
            self.lines_written = shaper.count
            if shaper.count != limit and not stop.is_set():
                sink.notice(
                    f"The model wrote {shaper.count} lines instead of {limit}; "
                    "edit the poem or write it again."
                )
        return _combined(
            all_stats, done_early=done() and not stop.is_set(), cancelled=stop.is_set()
        )


def _combined(
    stats: list[GenerationStats], *, done_early: bool, cancelled: bool
) -> GenerationStats:
    """Return one set of figures for several generations of a job."""
    first, last = stats[0], stats[-1]
    tokens = sum(s.tokens for s in stats)
    seconds = sum(s.seconds for s in stats)
    gen_seconds = max(seconds - sum(s.first_token_s for s in stats), 1e-9)
    reason = "cancelled" if cancelled else "stop" if done_early else last.stop_reason
    return GenerationStats(
        tokens=tokens,
        seconds=seconds,
        tokens_per_s=tokens / gen_seconds if tokens > 1 else 0.0,
        prompt_tokens=last.prompt_tokens,
        cached_tokens=last.cached_tokens,
        stop_reason=reason,
        first_token_s=first.first_token_s,
    )
