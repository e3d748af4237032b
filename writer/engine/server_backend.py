"""The server backend: a model on an OpenAI-compatible server (llama-server, vLLM, Ollama ...).

It implements the engine boundary (:class:`~writer.engine.backend_api.Backend`)
with the official ``openai`` client: Continue sends the raw prompt to
``/v1/completions`` (streamed), chat goes to ``/v1/chat/completions``. A
server without ``/v1/completions`` gets a "continue this text" chat request
instead, and the app says so once. Tokens are counted by the server's
tokenize endpoint when it has one (``/tokenize``, ``/extras/tokenize``), else
estimated with a margin. The context size comes from the server when it says
(``/props``, the model list), else from the server's setting.

Every failure becomes one :class:`~writer.errors.ServerError` line
(:mod:`writer.engine.server_errors`); text already streamed stays where it
went. Plain Python, no Qt; one thread at a time uses a backend.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from writer.core.chat_prompt import ChatFormat, ChatMessage
from writer.engine import server_errors
from writer.engine.backend_api import (
    CandidateCallback,
    GenerationStats,
    ModelInfo,
    SpecialTokens,
    StopFlag,
    TextCallback,
)
from writer.engine.server_client import (
    TOKENIZERS,
    ServerChatFormat,
    Tokenizer,
    failure,
    is_rate_limit,
    make_client,
)
from writer.engine.server_spec import DEFAULT_SERVER_CTX, ServerSpec, estimate_tokens
from writer.engine.server_stream import ChoicesRead, StreamPump, chat_pieces, completion_pieces
from writer.errors import GenerationError, ServerError, StreamInterruptedError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from writer.core.chat_prompt import ChatPrompt
    from writer.core.sampling import SamplingParams
    from writer.engine.candidates import CandidatesResult

log = logging.getLogger(__name__)

#: The instruction that makes a chat-only server continue a text.
CONTINUE_INSTRUCTION = (
    "Continue the following text. Reply with the continuation only: no title, no comment, "
    "no repetition of the text."
)
#: Notes shown once (the status bar's tooltip, the command line's stderr).
NOTE_ESTIMATED = "This server cannot count tokens: counts are estimated with a safety margin."
NOTE_NO_COMPLETIONS = (
    "This server has no /v1/completions: Continue asks its chat endpoint to continue the text."
)
NOTE_UNENCRYPTED = "The connection to {host} is not encrypted (http://): text travels in the clear."
_FINISH = {"stop": "eos", "length": "length"}
_CACHE_SIZE = 256


class ServerBackend:
    """A model served over the OpenAI API, used through the ``openai`` client."""

    def __init__(self, spec: ServerSpec, client: Any, info: ModelInfo) -> None:
        self.spec = spec
        self.info = info
        self._client = client
        self._root = client.with_options(base_url=spec.root)
        self._tokenizer: Tokenizer | None = None
        self._completions = True
        self._counts: dict[str, int] = {}
        self._rate_limited_once = False

    # -- connecting ---------------------------------------------------------

    @classmethod
    def connect(cls, spec: ServerSpec) -> ServerBackend:
        """Connect to the server, check the model, and learn its tokenizer and context size.

        Raises:
            ServerError: the server cannot be reached, refuses the key, or lacks the model.
        """
        if not spec.url:
            raise ServerError("No server address was given.")
        client = make_client(spec)
        log.info("connecting to %s (model %s)", spec.url, spec.model or "first listed")
        try:
            listed = [model.id for model in client.models.list().data]
        except Exception as error:
            raise failure(error, spec) from error
        model = spec.model or (listed[0] if listed else "")
        if not model:
            raise ServerError(f"The server at {spec.host} lists no models.")
        if listed and model not in listed:
            raise ServerError(
                f"The server at {spec.host} has no model named “{model}”. It has: "
                + ", ".join(listed[:8])
            )
        spec = ServerSpec(spec.url, model, spec.api_key, spec.n_ctx, spec.timeout)
        info = ModelInfo(
            path=Path(model),
            name=model,
            n_ctx=spec.n_ctx or DEFAULT_SERVER_CTX,
            n_ctx_train=0,
            gpu_offload=False,
            gpu_layers=0,
            chat_template=None,
            url=spec.url,
            host=spec.host,
        )
        backend = cls(spec, client, info)
        backend._probe()
        return backend

    def _probe(self) -> None:
        """Learn the server's tokenizer, context size and endpoints; fill in ``info``."""
        notes: list[str] = []
        n_ctx, chat_template = self._server_context()
        for tokenizer in TOKENIZERS:
            tokens = self._call_tokenizer(tokenizer, "")
            if tokens is not None:
                tokenizer.bos_tokens = len(tokens)
                self._tokenizer = tokenizer
                break
        if self._tokenizer is None:
            notes.append(NOTE_ESTIMATED)
        self._completions = self._has_completions()
        if not self._completions:
            notes.append(NOTE_NO_COMPLETIONS)
        if self.spec.unencrypted:
            notes.append(NOTE_UNENCRYPTED.format(host=self.spec.host))
        self.info = ModelInfo(
            path=self.info.path,
            name=self.info.name,
            n_ctx=n_ctx or self.spec.n_ctx or DEFAULT_SERVER_CTX,
            n_ctx_train=n_ctx,
            gpu_offload=False,
            gpu_layers=0,
            chat_template=chat_template,
            url=self.spec.url,
            host=self.spec.host,
            tokens_estimated=self._tokenizer is None,
            notes=tuple(notes),
        )
        log.info(
            "server model %s: n_ctx=%d, tokenizer %s, completions %s",
            self.info.name,
            self.info.n_ctx,
            self._tokenizer.path if self._tokenizer else "estimated",
            "yes" if self._completions else "no (chat fallback)",
        )

    def _get(self, path: str) -> Any:
        """Return the JSON of GET ``path`` at the server's root (None on any failure)."""
        try:
            return self._root.get(path, cast_to=object)
        except Exception as error:
            log.debug("GET %s failed: %s", path, type(error).__name__)
            return None

    def _server_context(self) -> tuple[int, str | None]:
        """Return the context size the server reports (0 if it does not) and its chat template."""
        props = self._get("/props")
        if isinstance(props, dict):
            settings = props.get("default_generation_settings") or {}
            n_ctx = settings.get("n_ctx") or props.get("n_ctx") or 0
            template = props.get("chat_template") or None
            if isinstance(n_ctx, int) and n_ctx > 0:
                return n_ctx, template if isinstance(template, str) else None
        models = self._get("/v1/models")
        for entry in (models or {}).get("data", []) if isinstance(models, dict) else []:
            if isinstance(entry, dict) and entry.get("id") == self.info.name:
                meta = entry.get("meta") or {}
                for value in (
                    entry.get("max_model_len"),
                    entry.get("context_length"),
                    meta.get("n_ctx"),
                    meta.get("n_ctx_train"),
                ):
                    if isinstance(value, int) and value > 0:
                        return value, None
        return 0, None

    def _has_completions(self) -> bool:
        """Return whether the server has ``/v1/completions`` (a 404 there means no)."""
        import openai

        try:
            self._client.completions.create(model=self.info.name, prompt="Hi", max_tokens=1)
        except openai.NotFoundError:  # the model is listed, so the endpoint is missing
            return False
        except Exception as error:  # other refusals: the endpoint exists
            log.debug("completions probe: %s", type(error).__name__)
        return True

    def _call_tokenizer(self, tokenizer: Tokenizer, text: str) -> list[int] | None:
        """Return the tokens of ``text`` from one tokenize endpoint (None when it has none)."""
        try:
            answer = self._root.post(
                tokenizer.path, body=tokenizer.body(text, self.info.name), cast_to=object
            )
        except Exception as error:
            log.debug("tokenize at %s failed: %s", tokenizer.path, type(error).__name__)
            return None
        tokens = answer.get("tokens") if isinstance(answer, dict) else None
        if not isinstance(tokens, list) or not all(isinstance(t, int) for t in tokens):
            return None
        return tokens

    def close(self) -> None:
        """Close the connection pool."""
        try:
            self._client.close()
        except Exception as error:
            log.debug("closing the client failed: %s", type(error).__name__)

    # -- tokens -------------------------------------------------------------

    @property
    def n_ctx(self) -> int:
        """Return the context window in tokens."""
        return self.info.n_ctx

    def tokenize(self, text: str, *, add_bos: bool = True, special: bool = False) -> list[int]:
        """Return the server's tokens of ``text``.

        Raises:
            ServerError: the server has no tokenize endpoint, or it failed.
        """
        if self._tokenizer is None:
            raise ServerError(f"The server at {self.spec.host} cannot tokenize text.")
        tokens = self._call_tokenizer(self._tokenizer, text)
        if tokens is None:
            raise ServerError(f"The server at {self.spec.host} failed to tokenize the text.")
        bos = self._tokenizer.bos_tokens
        return tokens if add_bos or not bos else tokens[bos:]

    def count_tokens(self, text: str) -> int:
        """Return how many tokens ``text`` takes (the server's count, else an estimate)."""
        if not text:
            return 0
        cached = self._counts.get(text)
        if cached is not None:
            return cached
        if self._tokenizer is None:
            count = estimate_tokens(text)
        else:
            tokens = self._call_tokenizer(self._tokenizer, text)
            count = (
                len(tokens) - self._tokenizer.bos_tokens
                if tokens is not None
                else estimate_tokens(text)
            )
        if len(self._counts) >= _CACHE_SIZE:
            self._counts.clear()
        self._counts[text] = count
        return count

    def detokenize(self, tokens: Sequence[int]) -> str:
        """Return the text of ``tokens`` (the server's detokenize endpoint)."""
        path = self._tokenizer.detokenize_path if self._tokenizer else ""
        if not path:
            raise ServerError(f"The server at {self.spec.host} cannot turn tokens into text.")
        try:
            answer = self._root.post(
                path, body={"tokens": list(tokens), "model": self.info.name}, cast_to=object
            )
        except Exception as error:
            raise failure(error, self.spec) from error
        text = answer.get("content", answer.get("text", "")) if isinstance(answer, dict) else ""
        return str(text)

    def special_tokens(self) -> SpecialTokens:
        """Return no special tokens: the server adds what its model needs."""
        return SpecialTokens(add_bos=False)

    def chat_format(self) -> ChatFormat:
        """Return the format for counting chat prompts (the server renders the template)."""
        return ServerChatFormat()

    # -- generation ---------------------------------------------------------

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
        """Continue ``prompt`` through ``/v1/completions`` (or the chat fallback), streamed."""
        text = prompt if isinstance(prompt, str) else self.detokenize(prompt)
        prompt_tokens, max_tokens = self._room(self.count_tokens(text), params)
        if not self._completions:
            messages = [ChatMessage("system", CONTINUE_INSTRUCTION), ChatMessage("user", text)]
            return self._chat(messages, params, max_tokens, prompt_tokens, on_text, stop)
        request = {
            "model": self.info.name,
            "prompt": text,
            "stream": True,
            **self._sampling(params, max_tokens, stop_strings),
        }

        def open_stream() -> Any:
            return self._client.completions.create(**request)

        return self._stream(
            open_stream,
            completion_pieces,
            lambda _index, piece: on_text(piece),
            stop,
            prompt_tokens,
            ChoicesRead(1),
        )

    def generate_chat(
        self,
        prompt: ChatPrompt,
        params: SamplingParams,
        on_text: TextCallback,
        *,
        stop: StopFlag | None = None,
    ) -> GenerationStats:
        """Send the prompt's messages to ``/v1/chat/completions``, streamed."""
        messages = list(prompt.messages) or [ChatMessage("user", prompt.text)]
        if prompt.reply_prefix:
            messages.append(ChatMessage("assistant", prompt.reply_prefix))
        counted = self.count_tokens(self.chat_format().render(messages))
        prompt_tokens, max_tokens = self._room(counted, params)
        return self._chat(messages, params, max_tokens, prompt_tokens, on_text, stop)

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
        """Write ``count`` continuations: in one request (the API's ``n``) where the server can.

        A server that refuses ``n`` or answers one choice writes them one after
        another (seeds ``seed``, ``seed + 1`` ...); see
        :mod:`writer.engine.server_candidates`. A server does not send the words
        the model almost wrote: ``record`` is not honoured.
        """
        from writer.engine.server_candidates import write_candidates

        return write_candidates(self, prompt, params, count, on_text, stop=stop, lead=lead)

    @property
    def has_completions(self) -> bool:
        """Return whether the server has ``/v1/completions`` (else Continue goes through chat)."""
        return self._completions

    def stream_choices(
        self,
        text: str,
        params: SamplingParams,
        count: int,
        on_text: CandidateCallback,
        *,
        stop: StopFlag,
        read: ChoicesRead,
    ) -> GenerationStats:
        """Ask ``/v1/completions`` for ``count`` choices of ``text`` in one streamed request.

        The chunks go to ``on_text`` by their choice index; ``read`` keeps what
        arrived, also when this raises.

        Raises:
            ServerError: the request failed (a refusal of ``n`` among them).
        """
        request = {
            "model": self.info.name,
            "prompt": text,
            "stream": True,
            "n": count,
            **self._sampling(params, params.max_tokens, ()),
        }

        def open_stream() -> Any:
            return self._client.completions.create(**request)

        prompt_tokens = self.count_tokens(text)
        return self._stream(open_stream, completion_pieces, on_text, stop, prompt_tokens, read)

    def _chat(
        self,
        messages: Sequence[ChatMessage],
        params: SamplingParams,
        max_tokens: int,
        prompt_tokens: int,
        on_text: TextCallback,
        stop: StopFlag | None,
    ) -> GenerationStats:
        """Stream a chat reply to ``messages``."""
        request = {
            "model": self.info.name,
            "messages": [message.to_dict() for message in messages],
            "stream": True,
            **self._sampling(params, max_tokens, ()),
        }

        def open_stream() -> Any:
            return self._client.chat.completions.create(**request)

        return self._stream(
            open_stream,
            chat_pieces,
            lambda _index, piece: on_text(piece),
            stop,
            prompt_tokens,
            ChoicesRead(1),
        )

    def _room(self, prompt_tokens: int, params: SamplingParams) -> tuple[int, int]:
        """Return (prompt tokens, max tokens clamped to the room left in the context)."""
        room = self.n_ctx - prompt_tokens
        if room <= 0:
            raise GenerationError(
                f"The prompt ({prompt_tokens} tokens) does not fit the context window "
                f"({self.n_ctx} tokens)."
            )
        return prompt_tokens, max(1, min(params.max_tokens, room))

    def _sampling(
        self, params: SamplingParams, max_tokens: int, stop_strings: Sequence[str]
    ) -> dict[str, Any]:
        """Return the request's sampling fields (min_p, top_k, repeat_penalty as extra body)."""
        fields: dict[str, Any] = {
            "max_tokens": max_tokens,
            "temperature": params.temperature,
            "top_p": params.top_p,
            "extra_body": {
                "min_p": params.min_p,
                "top_k": params.top_k,
                "repeat_penalty": params.repeat_penalty,
            },
        }
        if params.seed >= 0:
            fields["seed"] = params.seed
        stops = [s for s in stop_strings if s][:4]
        if stops:
            fields["stop"] = stops
        return fields

    def _stream(
        self,
        open_stream: Callable[[], Any],
        pieces: Callable[[Any], list[tuple[int, str, str | None]]],
        on_text: CandidateCallback,
        stop: StopFlag | None,
        prompt_tokens: int,
        read: ChoicesRead,
    ) -> GenerationStats:
        """Read a stream into ``on_text`` (by choice index) until it ends or Stop.

        ``read`` keeps what arrived, also when this raises; the figures count all choices.
        """
        stop = stop or StopFlag()
        started = time.perf_counter()
        retried = False
        broken = 0  # U+FFFD the server put where the model's bytes were not valid UTF-8
        try:
            while True:
                try:
                    for chunk in StreamPump(open_stream).chunks(stop):
                        for index, text, finish in pieces(chunk):
                            if not 0 <= index < read.count:
                                continue
                            read.seen.add(index)
                            if "\ufffd" in text:
                                broken += text.count("\ufffd")
                                text = text.replace("\ufffd", "")
                            if text:
                                if read.total == 0:
                                    read.first_token_s = time.perf_counter() - started
                                read.tokens[index] += 1
                                on_text(index, text)
                            if finish and index not in read.finishes:
                                read.finishes[index] = _FINISH.get(finish, "eos")
                        if len(read.finishes) == read.count:
                            break  # done: the rest of the stream ([DONE], usage) is not needed
                    break
                except Exception as error:
                    if stop.is_set():
                        break
                    if read.total == 0 and not retried and is_rate_limit(error):
                        retried = True
                        if self._wait_retry_after(error, stop):
                            continue
                        break
                    raise failure(error, self.spec, streaming=read.total > 0) from error
        finally:
            if broken:
                log.info("dropped %d broken character(s) (U+FFFD) from the server's output", broken)
        if stop.is_set():
            reason = "cancelled"
        elif not read.finishes:
            if read.total:
                raise StreamInterruptedError(
                    f"The connection to {self.spec.host} broke off in the middle of the passage;"
                    " the text written so far is kept. Try again."
                )
            raise ServerError(f"The server at {self.spec.host} ended its answer without any text.")
        else:
            reason = read.finishes.get(0, "eos")
        seconds = time.perf_counter() - started
        count = read.total
        generating = max(seconds - read.first_token_s, 1e-9)
        return GenerationStats(
            tokens=count,
            seconds=seconds,
            tokens_per_s=(count - 1) / generating if count > 1 else 0.0,
            prompt_tokens=prompt_tokens,
            cached_tokens=0,
            stop_reason=reason,
            first_token_s=read.first_token_s,
        )

    def _wait_retry_after(self, error: BaseException, stop: StopFlag) -> bool:
        """Wait as a 429 answer asks (once); return False when stopped meanwhile.

        Raises:
            ServerError: the server asks for a longer wait than Writer keeps a request open.
        """
        seconds = server_errors.retry_after(error)
        if seconds is None:
            seconds = 1.0
        if seconds > server_errors.MAX_RETRY_AFTER:
            raise failure(error, self.spec) from error
        log.info("server at %s is busy: retrying after %.1f s", self.spec.host, seconds)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if stop.wait(min(0.02, max(0.0, deadline - time.monotonic()))):
                return False
        return True
