"""The engine boundary: what every backend offers the jobs, whatever runs the model.

Jobs (:mod:`writer.engine.jobs` and the features' own) talk only to a
:class:`Backend`: generate with a stop flag and a text callback, count tokens,
the context size, the chat format and the special tokens. The in-process
llama.cpp backend (:class:`writer.engine.backend.LlamaBackend`) and the
OpenAI-compatible server backend both implement it, so nothing outside
``writer/engine`` knows which one it talks to, and nothing outside it touches
llama-cpp-python objects.

Plain Python, no Qt. A backend is used by one thread at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from pathlib import Path

    from writer.core.chat_prompt import ChatFormat, ChatPrompt
    from writer.core.sampling import SamplingParams
    from writer.engine.candidates import CandidatesResult


class StopFlag:
    """A thread-safe flag the GUI sets and the generating thread reads between tokens."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        """Ask the generation to stop."""
        self._event.set()

    def clear(self) -> None:
        """Reset the flag for the next generation."""
        self._event.clear()

    def is_set(self) -> bool:
        """Return whether a stop was asked for."""
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for a stop; return whether one was asked for."""
        return self._event.wait(seconds)


@dataclass(frozen=True)
class ModelInfo:
    """What the app shows and needs about a loaded model.

    ``path`` is the GGUF file of an in-process model; a server model has
    ``url`` (its server's base URL) and ``host`` set instead.
    """

    path: Path
    name: str
    n_ctx: int
    n_ctx_train: int
    gpu_offload: bool
    gpu_layers: int
    chat_template: str | None
    metadata: dict[str, str] = field(default_factory=dict, repr=False)
    #: The OpenAI base URL of a server model (``http://host:8080/v1``); "" in this process.
    url: str = ""
    #: "host:port" of a server model; "" for a model in this process.
    host: str = ""
    #: Token counts are estimated (the server has no tokenize endpoint).
    tokens_estimated: bool = False
    #: Things to tell the user once about this model (estimated counts, a fallback taken ...).
    notes: tuple[str, ...] = ()

    @property
    def is_remote(self) -> bool:
        """Return whether the model runs on a server."""
        return bool(self.host)

    @property
    def display_name(self) -> str:
        """Return the name for the status bar: ``model`` or ``model @ host:port``."""
        return f"{self.name} @ {self.host}" if self.host else self.name


@dataclass(frozen=True)
class GenerationStats:
    """Figures of one finished generation."""

    tokens: int
    seconds: float
    tokens_per_s: float
    prompt_tokens: int
    cached_tokens: int
    stop_reason: str  # "eos", "length", "stop", "cancelled", "interrupted"
    first_token_s: float = 0.0
    shifted_tokens: int = 0  # cached tokens moved back instead of evaluated again

    def to_dict(self) -> dict[str, Any]:
        """Return the figures as a plain dict (for signals and JSON)."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class SpecialTokens:
    """The text of a model's special tokens ("" when it has none, or it is not known)."""

    bos: str = ""
    eos: str = ""
    #: Whether tokenizing a prompt adds BOS by itself.
    add_bos: bool = True
    fim_prefix: str = ""
    fim_suffix: str = ""
    fim_middle: str = ""

    @property
    def has_fim(self) -> bool:
        """Return whether the model has fill-in-the-middle tokens."""
        return bool(self.fim_prefix and self.fim_suffix and self.fim_middle)


#: Receives each piece of generated text, as it streams.
TextCallback = Callable[[str], None]
#: Receives (candidate index from 0, piece of text) of several candidates.
CandidateCallback = Callable[[int, str], None]


@runtime_checkable
class Backend(Protocol):
    """A loaded model that jobs generate from: in this process or on a server."""

    info: ModelInfo

    @property
    def n_ctx(self) -> int:
        """Return the context window in tokens."""
        ...

    def tokenize(self, text: str, *, add_bos: bool = True, special: bool = False) -> list[int]:
        """Return the tokens of ``text`` (``special``: parse special-token text as tokens)."""
        ...

    def count_tokens(self, text: str) -> int:
        """Return how many tokens ``text`` takes (without BOS)."""
        ...

    def detokenize(self, tokens: Sequence[int]) -> str:
        """Return the text of ``tokens``."""
        ...

    def special_tokens(self) -> SpecialTokens:
        """Return the text of the model's special tokens."""
        ...

    def chat_format(self) -> ChatFormat:
        """Return a fresh chat format for the model (its template, or the plain fallback)."""
        ...

    def generate(
        self,
        prompt: str | Sequence[int],
        params: SamplingParams,
        on_text: TextCallback,
        *,
        stop: StopFlag | None = None,
        stop_strings: Sequence[str] = (),
        add_bos: bool = True,
    ) -> GenerationStats:
        """Continue ``prompt`` as raw text, calling ``on_text`` with each piece.

        Pieces never split a character. The stop flag is read between tokens;
        ``max_tokens`` is clamped to the room left in the context window.

        Raises:
            GenerationError: the prompt does not fit, or the model failed.
        """
        ...

    def generate_chat(
        self,
        prompt: ChatPrompt,
        params: SamplingParams,
        on_text: TextCallback,
        *,
        stop: StopFlag | None = None,
    ) -> GenerationStats:
        """Generate the assistant's reply to a chat prompt built with :meth:`chat_format`."""
        ...

    def generate_candidates(
        self,
        prompt: str | Sequence[int],
        params: SamplingParams,
        count: int,
        on_text: CandidateCallback,
        *,
        stop: StopFlag,
        record: bool = False,
        lead: Sequence[int] = (),
    ) -> CandidatesResult:
        """Write ``count`` continuations of ``prompt``, each streamed as (index, piece).

        ``lead`` tokens are written at the start of every candidate (re-rolling
        from a chosen word); ``record`` keeps the top tokens of every step where
        the backend can. Fewer candidates run when they do not fit the context.
        """
        ...

    def close(self) -> None:
        """Free the model (or the connection)."""
        ...
