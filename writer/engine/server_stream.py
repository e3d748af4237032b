"""Reading a server's event stream so that Stop frees the engine at once.

The request and the stream's iteration run on a helper thread that hands
chunks over through a queue; the generating thread waits on that queue in
short slices and checks the stop flag between them. So Stop returns within
a slice (:data:`POLL_S`), even while the server is still evaluating the prompt
and has sent nothing, and the helper closes the connection as soon as it can.
Plain Python, no Qt.
"""

from __future__ import annotations

import logging
import queue
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from writer.engine.backend_api import StopFlag

log = logging.getLogger(__name__)

#: How often the generating thread looks at the stop flag while it waits (seconds).
POLL_S = 0.02

_CHUNK, _ERROR, _END = "chunk", "error", "end"


@dataclass
class ChoicesRead:
    """What one streamed request wrote so far, per choice index (``n`` choices, or one)."""

    count: int
    tokens: list[int] = field(default_factory=list)
    finishes: dict[int, str] = field(default_factory=dict)  # index → "eos", "length"
    seen: set[int] = field(default_factory=set)  # indices the server answered for
    first_token_s: float = 0.0

    def __post_init__(self) -> None:
        self.tokens = [0] * self.count

    @property
    def total(self) -> int:
        """Return the pieces of text received over all choices."""
        return sum(self.tokens)


class StreamPump:
    """Opens a stream on a helper thread and yields its chunks until Stop.

    Args:
        open_stream: makes the request and returns the ``openai`` stream
            (iterable of chunks, with ``close()``).
    """

    def __init__(self, open_stream: Callable[[], Any]) -> None:
        self._open = open_stream
        self._queue: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._abandoned = False
        self._stream: Any = None
        self._thread = threading.Thread(target=self._run, name="writer-server-stream", daemon=True)

    def _run(self) -> None:
        """On the helper thread: make the request, then pass on every chunk."""
        try:
            stream = self._open()
        except BaseException as error:  # handed to the generating thread
            self._queue.put((_ERROR, error))
            return
        with self._lock:
            self._stream = stream
            abandoned = self._abandoned
        if abandoned:
            _close(stream)
            return
        try:
            for chunk in stream:
                if self._abandoned:
                    break
                self._queue.put((_CHUNK, chunk))
            else:
                self._queue.put((_END, None))
        except BaseException as error:
            self._queue.put((_ERROR, error))
        finally:
            _close(stream)

    def chunks(self, stop: StopFlag) -> Iterator[Any]:
        """Yield the stream's chunks; return early when ``stop`` is set.

        Raises:
            Exception: whatever the request or the stream raised.
        """
        self._thread.start()
        try:
            while True:
                try:
                    kind, value = self._queue.get(timeout=POLL_S)
                except queue.Empty:
                    if stop.is_set():
                        return
                    continue
                if kind == _END:
                    return
                if kind == _ERROR:
                    raise value
                yield value
                if stop.is_set():
                    return
        finally:
            self.abandon()

    def abandon(self) -> None:
        """Stop reading: close the stream if it is open, or as soon as it opens."""
        with self._lock:
            self._abandoned = True
            stream = self._stream
        if stream is not None:
            _close(stream)


def _close(stream: Any) -> None:
    """Close a stream, whatever state it is in."""
    try:
        stream.close()
    except Exception as error:  # closing a broken connection may fail in its own way
        log.debug("closing a server stream failed: %s", type(error).__name__)


def completion_pieces(chunk: Any) -> list[tuple[int, str, str | None]]:
    """Return (choice index, text, finish reason) of each choice in a completions chunk."""
    return [
        (getattr(choice, "index", 0) or 0, choice.text or "", choice.finish_reason)
        for choice in chunk.choices or ()
    ]


def chat_pieces(chunk: Any) -> list[tuple[int, str, str | None]]:
    """Return (choice index, text, finish reason) of each choice in a chat chunk."""
    return [
        (
            getattr(choice, "index", 0) or 0,
            (choice.delta.content or "") if choice.delta else "",
            choice.finish_reason,
        )
        for choice in chunk.choices or ()
    ]
