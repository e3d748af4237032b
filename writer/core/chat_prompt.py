"""Turning a list of chat messages into one prompt for the model.

The prompt is rendered with the model's own chat template (the Jinja text in
its GGUF metadata), in a sandbox with limits on time and size
(:mod:`writer.core.chat_template`). When a
model has no template, or its template fails to render, the messages are
written as a plain role-prefixed transcript instead and the caller is told
why, so it can tell the user once.

When the conversation outgrows the context window, the oldest turns are left
out (the system prompt is kept). Once it has to drop turns, it drops enough
to fill only :data:`REFILL_FRACTION` of the budget, so the start of the prompt
stays the same for a few turns and llama.cpp reuses its cached prefix.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from writer.core.chat_template import ChatTemplate, ChatTemplateError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)

#: After dropping turns, the prompt fills this share of the budget.
REFILL_FRACTION = 0.7

ROLE_NAMES = {"system": "System", "user": "User", "assistant": "Assistant"}
FALLBACK_STOPS = ("\nUser:", "\nSystem:")
_ELISION = "\n[…]\n"


@dataclass(frozen=True)
class ChatMessage:
    """One message of a conversation: role "system", "user" or "assistant"."""

    role: str
    content: str

    def to_dict(self) -> dict[str, str]:
        """Return the message as the dict chat templates expect."""
        return {"role": self.role, "content": self.content}


@dataclass
class ChatTurn:
    """A question of the user and the model's reply (None until there is one).

    ``context`` is text the question is about (the selection for "Ask about
    selection"); it goes into the prompt, not into the transcript.
    """

    question: str
    context: str = ""
    reply: str | None = None

    def to_dicts(self) -> list[dict[str, str]]:
        """Return the turn as messages to store in the sidecar."""
        user = {"role": "user", "content": self.question}
        if self.context:
            user["context"] = self.context
        items = [user]
        if self.reply:
            items.append({"role": "assistant", "content": self.reply})
        return items

    @staticmethod
    def from_dicts(items: Sequence[Any]) -> list[ChatTurn]:
        """Return the turns stored by :meth:`to_dicts` (damaged entries are skipped)."""
        turns: list[ChatTurn] = []
        for item in items:
            if not isinstance(item, dict) or not isinstance(item.get("content"), str):
                continue
            if item.get("role") == "user":
                turns.append(ChatTurn(item["content"], str(item.get("context", ""))))
            elif item.get("role") == "assistant" and turns and turns[-1].reply is None:
                turns[-1].reply = item["content"]
        return turns


@dataclass(frozen=True)
class ChatPrompt:
    """A rendered prompt and how it was made."""

    text: str
    stop_strings: tuple[str, ...]
    tokens: int
    templated: bool  # rendered with the model's template (else the plain fallback)
    add_bos: bool  # whether the tokenizer should add BOS (the template adds its own)
    dropped: int = 0  # messages after the system prompt left out at the start
    shortened: bool = False  # the last message was cut in the middle to fit
    fallback_reason: str = ""
    #: The messages ``text`` was rendered from (a server with a chat endpoint takes these).
    messages: tuple[ChatMessage, ...] = ()
    #: The start of the reply, already written: generation goes on after it.
    reply_prefix: str = ""


class ChatFormat:
    """Renders messages with a model's chat template, or as plain role-prefixed text."""

    def __init__(self, template: str | None, *, bos: str = "", eos: str = "") -> None:
        self.template = template or None
        self.bos = bos
        self.eos = eos
        self.fallback_reason = "" if self.template else "This model has no chat template."
        self._formatter: ChatTemplate | None = None
        if self.template:
            try:
                self._formatter = ChatTemplate(self.template, bos=bos, eos=eos)
            except ChatTemplateError as error:
                log.warning("chat template unusable: %s", error)
                self.fallback_reason = f"The model's chat template is broken ({error})."

    @property
    def templated(self) -> bool:
        """Return whether the model's template is used (it compiled and rendered so far)."""
        return self._formatter is not None

    def render(self, messages: Sequence[ChatMessage]) -> str:
        """Return the prompt for ``messages``, ending where the assistant's reply starts."""
        if self._formatter is not None:
            try:
                text = self._formatter.render([m.to_dict() for m in messages])
                if not text or not all(m.content.strip()[:200] in text for m in messages[-1:]):
                    raise ChatTemplateError("it left out the messages")
                return text
            except ChatTemplateError as error:
                log.warning("chat template failed to render: %s", error)
                self._formatter = None
                self.fallback_reason = f"The model's chat template failed ({error})."
        return render_plain(messages)

    @property
    def stop_strings(self) -> tuple[str, ...]:
        """Return the strings that end the assistant's reply."""
        if self.templated:
            return (self.eos,) if self.eos else ()
        return FALLBACK_STOPS


def render_plain(messages: Sequence[ChatMessage]) -> str:
    """Return ``messages`` as a role-prefixed transcript ending with "Assistant:"."""
    lines = [f"{ROLE_NAMES.get(m.role, m.role.title())}: {m.content.strip()}" for m in messages]
    return "\n\n".join([*lines, "Assistant:"])


def build_prompt(
    messages: Sequence[ChatMessage],
    chat_format: ChatFormat,
    count_tokens: Callable[[str], int],
    budget: int,
    *,
    keep_from: int = 0,
) -> ChatPrompt:
    """Render ``messages`` to fit ``budget`` tokens, leaving out the oldest turns if needed.

    Args:
        messages: an optional system message, then the conversation, ending with
            the user's message to answer.
        chat_format: the model's template (or the fallback).
        count_tokens: returns the tokens of a rendered prompt.
        budget: the tokens the prompt may take (context minus the reply's room).
        keep_from: messages after the system prompt already left out last time;
            at least as many are left out now, so the prompt's start stays put.
    """
    system = list(messages[:1]) if messages and messages[0].role == "system" else []
    rest = list(messages[len(system) :])
    if not rest:
        raise ValueError("a chat prompt needs at least one message")
    # Candidate starts: user messages, so the prompt never opens with a reply.
    starts = [i for i, m in enumerate(rest) if m.role == "user" and i >= keep_from]
    if not starts or starts[-1] != len(rest) - 1:
        starts.append(len(rest) - 1)
    starts = sorted(set(starts))

    def attempt(start: int) -> tuple[str, int]:
        text = chat_format.render(system + rest[start:])
        return text, count_tokens(text)

    text, tokens = attempt(starts[0])
    start = starts[0]
    if tokens > budget:
        target = int(budget * REFILL_FRACTION)
        fitting: tuple[int, str, int] | None = None
        for candidate in starts[1:]:
            text, tokens = attempt(candidate)
            if tokens <= budget and fitting is None:
                fitting = (candidate, text, tokens)
            if tokens <= target:
                fitting = (candidate, text, tokens)
                break
        if fitting is not None:
            start, text, tokens = fitting
        else:
            start = starts[-1]
            return _shortened(system, rest[start:], chat_format, count_tokens, budget, start)
    return ChatPrompt(
        text=text,
        stop_strings=chat_format.stop_strings,
        tokens=tokens,
        templated=chat_format.templated,
        add_bos=not chat_format.templated,
        dropped=start,
        fallback_reason=chat_format.fallback_reason,
        messages=(*system, *rest[start:]),
    )


def _shortened(
    system: list[ChatMessage],
    tail: list[ChatMessage],
    chat_format: ChatFormat,
    count_tokens: Callable[[str], int],
    budget: int,
    dropped: int,
) -> ChatPrompt:
    """Cut the middle of the last message until the prompt fits (it alone is too long)."""
    last = tail[-1]
    content = last.content
    keep_end = min(1000, len(content) // 4)
    low, high = 0, len(content) - keep_end  # characters kept from the start

    def render(head: int) -> tuple[str, int]:
        cut = content[:head] + _ELISION + content[len(content) - keep_end :]
        text = chat_format.render([*system, ChatMessage(last.role, cut)])
        return text, count_tokens(text)

    best = render(0)
    kept = 0
    while high - low > 32:
        middle = (low + high) // 2
        text, tokens = render(middle)
        if tokens <= budget:
            low, best, kept = middle, (text, tokens), middle
        else:
            high = middle
    cut = content[:kept] + _ELISION + content[len(content) - keep_end :]
    return ChatPrompt(
        text=best[0],
        stop_strings=chat_format.stop_strings,
        tokens=best[1],
        templated=chat_format.templated,
        add_bos=not chat_format.templated,
        dropped=dropped,
        shortened=True,
        fallback_reason=chat_format.fallback_reason,
        messages=(*system, ChatMessage(last.role, cut)),
    )
