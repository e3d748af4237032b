"""Turning a model's token bytes into text without ever producing U+FFFD.

A token may end in the middle of a multi-byte UTF-8 character; the next token
usually completes it, but sometimes the model moves on to other bytes and the
started character is never finished. :class:`Utf8Stream` holds an unfinished
sequence back until it is complete, and drops it (counting the bytes) when the
bytes that follow cannot complete it, or when the stream ends. Every engine
(the local llama.cpp one, a server's byte stream) decodes through it, so no
replacement character reaches the document, the transcript or stdout.
"""

from __future__ import annotations

import codecs
import logging
import re

log = logging.getLogger(__name__)

#: Lone surrogates that Python's "surrogateescape" handler makes of invalid bytes.
_ESCAPED_BYTES = re.compile("[\udc80-\udcff]+")


class Utf8Stream:
    """An incremental UTF-8 decoder that drops invalid and unfinished byte sequences."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
        #: How many bytes were dropped so far (invalid or never finished).
        self.dropped_bytes = 0

    def decode(self, data: bytes, *, final: bool = False) -> str:
        """Return the text of ``data`` that is complete; hold back an unfinished character."""
        text = self._decoder.decode(data, final=final)
        return self._drop_invalid(text)

    def flush(self) -> str:
        """Return what is left at the end of the stream (an unfinished character is dropped)."""
        text = self.decode(b"", final=True)
        if self.dropped_bytes:
            log.info(
                "dropped %d byte(s) of broken UTF-8 from the model's output", self.dropped_bytes
            )
        return text

    def _drop_invalid(self, text: str) -> str:
        """Remove the escaped invalid bytes from ``text`` and count them."""
        if not text:
            return text
        cleaned, count = _ESCAPED_BYTES.subn("", text)
        if count:
            dropped = len(text) - len(cleaned)
            self.dropped_bytes += dropped
            log.debug("dropped %d invalid UTF-8 byte(s) from the model's output", dropped)
        return cleaned.replace("\ufffd", "") if "\ufffd" in cleaned else cleaned


def decode_token_bytes(pieces: list[bytes]) -> tuple[str, int]:
    """Return the text of a list of token byte strings and how many bytes were dropped."""
    stream = Utf8Stream()
    text = "".join(stream.decode(piece) for piece in pieces) + stream.flush()
    return text, stream.dropped_bytes
