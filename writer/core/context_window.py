"""Fitting the text before the cursor into the model's context window.

The prompt for Continue is the end of the text before the cursor. Its start
is kept where it was on the previous press while the text still fits, so
llama.cpp finds the same prefix in its cache and evaluates only the new
words. When the window must move, it moves by a large step (to about
:data:`REFILL_FRACTION` of the budget) and lands on a paragraph or sentence
boundary, so the cache is rebuilt rarely and the prompt starts cleanly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

#: After a move, the window holds this share of the budget, leaving room to grow.
REFILL_FRACTION = 0.7

_PARAGRAPH = re.compile(r"\n\s*\n")
_LINE = re.compile(r"\n")
_SENTENCE = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|(?<=[。！？；])[”’」』）]*")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class TrimmedPrompt:
    """The prompt text and where it starts in the text it was cut from."""

    text: str
    start: int  # offset in the text before the cursor where the prompt starts
    tokens: int  # token count of ``text`` (an estimate within a few tokens)
    trimmed: bool  # whether text before ``start`` was left out


def next_boundary(text: str, position: int, limit: int) -> int:
    """Return the first paragraph, line, sentence or word boundary in ``text[position:limit]``.

    Falls back to ``position`` when no boundary is found (CJK text without
    punctuation can start anywhere).
    """
    for pattern in (_PARAGRAPH, _LINE, _SENTENCE, _SPACE):
        match = pattern.search(text, position, limit)
        if match:
            return match.end()
    return position


class ContextWindow:
    """Keeps the start of the Continue prompt stable across presses (one per document)."""

    def __init__(self) -> None:
        self._count: Callable[[str], int] = len
        self._anchor_text: str | None = None  # the first characters of the last prompt
        self._known: tuple[str, int] | None = None  # a prefix of the window and its tokens
        self._increments = 0  # counts since the last full one
        #: Lore entry titles in the order they first entered the prompt (title → rank).
        self.lore_order: dict[str, int] = {}
        #: Token counts of short prompt pieces (lore entries, notes) for one tokenizer.
        self.token_memo: dict[str, int] = {}
        self.memo_owner: object = None

    @property
    def anchor(self) -> str:
        """Return the first characters of the last window ("" before the first)."""
        return self._anchor_text or ""

    def reset(self) -> None:
        """Forget the previous window (another document, another model)."""
        self._anchor_text = None
        self._known = None
        self.lore_order.clear()
        self.token_memo.clear()
        self.memo_owner = None

    def fit(self, text: str, budget: int, count_tokens: Callable[[str], int]) -> TrimmedPrompt:
        """Return the end of ``text`` that fits in ``budget`` tokens.

        Args:
            text: the text before the cursor (its end, at least as long as the window).
            budget: tokens available for it (context minus generation and notes).
            count_tokens: returns the number of tokens of a string (without BOS);
                called on the thread that owns the model.
        """
        self._count = count_tokens
        if budget <= 0:
            return TrimmedPrompt("", len(text), 0, bool(text))
        previous = self._previous_start(text)
        if previous is not None:
            tokens = self._window_tokens(text[previous:])
            if tokens <= budget:
                return TrimmedPrompt(text[previous:], previous, tokens, previous > 0)
        whole = self._count_tail(text, budget)
        if whole is not None:
            self._remember(text, 0)
            return TrimmedPrompt(text, 0, whole, False)
        start = self._start_for(text, int(budget * REFILL_FRACTION))
        tokens = self._count(text[start:])
        while tokens > budget and start < len(text):  # rare: the estimate was off
            start = next_boundary(text, start + 1, len(text))
            tokens = self._count(text[start:])
        self._remember(text, start)
        self._keep_prefix(text[start:], tokens)
        return TrimmedPrompt(text[start:], start, tokens, start > 0)

    def _window_tokens(self, window: str) -> int:
        """Return the tokens of ``window``, counting only what was added since the last count.

        Typing at the end leaves the window's start and middle as they were, so
        the count of its known prefix is kept and only the rest is tokenized.
        The count is done in full again now and then, so junction errors (a
        token or two) never add up.
        """
        known = self._known
        if (
            known is not None
            and self._increments < 32
            and len(window) - len(known[0]) < 8000
            and window.startswith(known[0])
        ):
            tokens = known[1] + self._count(window[len(known[0]) :])
            self._increments += 1
        else:
            tokens = self._count(window)
            self._increments = 0
        self._keep_prefix(window, tokens)
        return tokens

    def _keep_prefix(self, window: str, tokens: int) -> None:
        """Remember the tokens of ``window`` up to a space near its end (tokens start there)."""
        cut = window.rfind(" ", max(0, len(window) - 400))
        if cut <= 0:
            self._known = None
            return
        self._known = (window[:cut], tokens - self._count(window[cut:]))

    # -- helpers ------------------------------------------------------------

    def _remember(self, text: str, start: int) -> None:
        """Record the start of this window by its first characters."""
        self._anchor_text = text[start : start + 200]

    def _previous_start(self, text: str) -> int | None:
        """Return where the previous window starts in ``text``, if it is still there."""
        anchor = self._anchor_text
        if anchor is None:
            return None
        if not anchor:
            return 0 if not text else None
        if text.startswith(anchor):
            return 0
        index = text.rfind(anchor)
        return index if index >= 0 else None

    def _count_tail(self, text: str, budget: int) -> int | None:
        """Return the token count of ``text`` if it fits ``budget``, else None, cheaply."""
        if len(text) > budget * 12:  # no tokenizer packs 12 characters per token on prose
            return None
        tokens = self._count(text)
        return tokens if tokens <= budget else None

    def _start_for(self, text: str, target: int) -> int:
        """Return a boundary-aligned start so that ``text[start:]`` is about ``target`` tokens."""
        span = min(len(text), max(64, target * 4))
        while True:
            start = len(text) - span
            tokens = self._count(text[start:])
            if tokens >= target or start == 0:
                break
            span = min(len(text), span * 2)
        # Shrink by bisection to the smallest tail holding at most ``target`` tokens.
        low, high = start, len(text)
        while high - low > 16:
            middle = (low + high) // 2
            if self._count(text[middle:]) > target:
                low = middle
            else:
                high = middle
        limit = min(len(text), high + max(200, (len(text) - high) // 4))
        return next_boundary(text, high, limit)
