"""The words the model almost wrote: per-token alternatives and the spans they belong to.

Plain Python, no Qt. While "Show alternatives" is on, the engine records one
:class:`TokenStep` per generated token: the token's bytes, its probability and
the model's top tokens at that step (from the logits before sampling). A
passage's steps are grouped into :class:`TokenSpan` s that always cover whole
characters, since a byte-level tokenizer may split a Chinese character over two
or three tokens: hovering shows the alternatives of the span's first token.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

#: How many of the most likely tokens each step keeps.
TOP_COUNT = 10
#: Words the model gave less than this probability are tinted when the tint is on.
LOW_PROBABILITY = 0.1


@dataclass(frozen=True)
class Alternative:
    """One token the model could have written at a step."""

    token: int
    probability: float
    piece: bytes

    @property
    def text(self) -> str:
        """Return the token's text; bytes of a split character show as "…"."""
        return display_text(self.piece)


@dataclass(frozen=True)
class TokenStep:
    """One generated token: its bytes, its probability, and the top tokens at its step."""

    token: int
    piece: bytes
    probability: float
    top: tuple[Alternative, ...]


@dataclass(frozen=True)
class TokenSpan:
    """Characters ``start``..``end`` of a passage, written from step ``step`` on."""

    start: int
    end: int
    step: int


def display_text(piece: bytes) -> str:
    """Return ``piece`` as text, with the bytes of a split character shown as "…"."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    text = decoder.decode(piece)
    if decoder.getstate()[0]:
        text += "…"
    if piece[:1] and piece[0] & 0xC0 == 0x80:  # starts inside a character
        text = "…" + text.lstrip("\ufffd")
    return text


def token_spans(steps: Sequence[TokenStep], *, skip: int = 0) -> list[TokenSpan]:
    """Return the spans of whole characters that ``steps`` wrote, in passage offsets.

    A token that ends inside a character joins the next ones until the
    character is complete. ``skip`` characters at the start of the decoded text
    were left out of the passage (a leading space the editor already had).
    """
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    spans: list[TokenSpan] = []
    offset = 0
    start = 0
    first = -1
    for index, step in enumerate(steps):
        if first < 0:
            first = index
            start = offset
        offset += len(decoder.decode(step.piece))
        if decoder.getstate()[0]:
            continue  # the character goes on in the next token
        begin, end = max(0, start - skip), max(0, offset - skip)
        if end > begin:
            spans.append(TokenSpan(begin, end, first))
        first = -1
    return spans


def span_at(spans: Sequence[TokenSpan], offset: int) -> TokenSpan | None:
    """Return the span that holds the character at ``offset`` of the passage."""
    for span in spans:
        if span.start <= offset < span.end:
            return span
    return None


def passage_bytes(steps: Sequence[TokenStep]) -> bytes:
    """Return the bytes the steps wrote."""
    return b"".join(step.piece for step in steps)
