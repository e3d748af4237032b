"""Splitting a text that is longer than the context into parts that fit, and combining.

A long text is cut at paragraph boundaries into parts of at most ``budget``
tokens. A paragraph that is itself too long is cut at line, then sentence,
then word boundaries, and as a last resort (CJK text without punctuation)
between characters. Every part is a verbatim slice of the text, so nothing
is lost or reordered. The part summaries are then combined: all at once when
they fit, else in groups whose summaries are combined again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

#: Boundaries tried in order when a piece is too long: paragraph, line, sentence, word.
_BOUNDARIES = (
    re.compile(r"\n\s*\n"),
    re.compile(r"\n"),
    re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|(?<=[。！？；])[”’」』）]*"),
    re.compile(r"\s+"),
)
#: No tokenizer packs more characters than this into one token of prose.
MAX_CHARS_PER_TOKEN = 12
#: Tokens kept free in each part, for token merges where two pieces meet.
SAFETY_TOKENS = 8

CountTokens = Callable[[str], int]


class SplitStoppedError(Exception):
    """Splitting was stopped by the caller's stop check."""


def fits(text: str, budget: int, count_tokens: CountTokens) -> bool:
    """Return whether ``text`` takes at most ``budget`` tokens (without counting huge texts)."""
    if len(text) > budget * MAX_CHARS_PER_TOKEN:
        return False
    return count_tokens(text) <= budget


def split_into_parts(
    text: str,
    budget: int,
    count_tokens: CountTokens,
    *,
    should_stop: Callable[[], bool] | None = None,
) -> list[str]:
    """Return ``text`` cut at the best boundaries into parts of at most ``budget`` tokens.

    Raises:
        SplitStoppedError: ``should_stop`` returned True (checked between paragraphs).
        ValueError: ``budget`` is too small to hold anything.
    """
    if budget < 16:
        raise ValueError(f"a part must hold at least 16 tokens, not {budget}")
    limit = budget - SAFETY_TOKENS
    parts: list[str] = []
    current: list[str] = []
    current_tokens = 0
    for piece, tokens in _pieces(text, limit, count_tokens, 0, should_stop):
        if current and current_tokens + tokens > limit:
            parts.append("".join(current))
            current, current_tokens = [], 0
        current.append(piece)
        current_tokens += tokens
    if current:
        parts.append("".join(current))
    checked: list[str] = []
    for part in parts:
        checked.extend(_verified(part, budget, count_tokens))
    return [part.strip() for part in checked if part.strip()]


def _verified(part: str, budget: int, count_tokens: CountTokens) -> list[str]:
    """Return ``part``, halved at a boundary until every half really fits."""
    if count_tokens(part) <= budget:
        return [part]
    middle = _boundary_near(part, len(part) // 2)
    return _verified(part[:middle], budget, count_tokens) + _verified(
        part[middle:], budget, count_tokens
    )


def _boundary_near(text: str, position: int) -> int:
    """Return a boundary close to ``position`` (the position itself if none is near)."""
    window = max(64, len(text) // 4)
    for pattern in _BOUNDARIES:
        match = pattern.search(text, position, min(len(text), position + window))
        if match and 0 < match.end() < len(text):
            return match.end()
    return max(1, position)


def _slices(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Return ``text`` cut after every match of ``pattern`` (the separators stay attached)."""
    pieces = []
    start = 0
    for match in pattern.finditer(text):
        end = match.end()
        if end > start:
            pieces.append(text[start:end])
            start = end
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def _pieces(
    text: str,
    limit: int,
    count_tokens: CountTokens,
    level: int,
    should_stop: Callable[[], bool] | None,
) -> Iterator[tuple[str, int]]:
    """Yield (piece, tokens) with every piece at most ``limit`` tokens, in text order."""
    if level >= len(_BOUNDARIES):
        yield from _character_chunks(text, limit, count_tokens)
        return
    for piece in _slices(text, _BOUNDARIES[level]):
        if should_stop is not None and level == 0 and should_stop():
            raise SplitStoppedError
        tokens = count_tokens(piece) if len(piece) <= limit * MAX_CHARS_PER_TOKEN else limit + 1
        if tokens <= limit:
            yield piece, tokens
        else:
            yield from _pieces(piece, limit, count_tokens, level + 1, should_stop)


def _character_chunks(
    text: str, limit: int, count_tokens: CountTokens
) -> Iterator[tuple[str, int]]:
    """Yield chunks of ``text`` cut between characters, each at most ``limit`` tokens."""
    start = 0
    size = limit * 2
    while start < len(text):
        chunk = text[start : start + size]
        tokens = count_tokens(chunk)
        while tokens > limit and len(chunk) > 1:
            size = max(1, len(chunk) * limit // (tokens + 1))
            chunk = text[start : start + size]
            tokens = count_tokens(chunk)
        yield chunk, tokens
        start += len(chunk)


def group_summaries(summaries: Sequence[str], budget: int, count_tokens: CountTokens) -> list[str]:
    """Return the summaries joined into as few texts of at most ``budget`` tokens as possible.

    One text means the summaries can be combined at once; several mean each
    is combined first and the results combined again.
    """
    joined = "\n\n".join(s.strip() for s in summaries if s.strip())
    if fits(joined, budget, count_tokens):
        return [joined]
    return split_into_parts(joined, budget, count_tokens)
