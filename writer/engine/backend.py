"""The llama.cpp backend: load a GGUF model and stream tokens from it.

Plain Python, no Qt. :class:`LlamaBackend` implements the engine boundary
(:class:`writer.engine.backend_api.Backend`) for a model in this process; the
engine thread, the command line and the benchmark all generate through it, so
they share one code path. llama.cpp is not thread-safe: one thread at a time
may use a backend. The boundary's shared types are re-exported here.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import logging
import os
import random
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from writer.core.model_files import check_gguf
from writer.engine.backend_api import (
    CandidateCallback,
    GenerationStats,
    ModelInfo,
    SpecialTokens,
    StopFlag,
    TextCallback,
)
from writer.engine.candidates import parallel_sequences
from writer.engine.context_shift import shift_for
from writer.engine.stop_strings import StopStringFilter
from writer.engine.utf8_stream import Utf8Stream
from writer.engine.vocab import end_of_generation_test
from writer.errors import GenerationError, ModelError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from writer.core.chat_prompt import ChatFormat, ChatPrompt
    from writer.core.sampling import SamplingParams
    from writer.engine.candidates import CandidatesResult

__all__ = [
    "EngineOptions",
    "GenerationStats",
    "LlamaBackend",
    "ModelInfo",
    "SpecialTokens",
    "StopFlag",
    "default_thread_count",
    "gpu_offload_supported",
    "safe_cpu_buffers",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EngineOptions:
    """How a model is loaded: context size, threads and GPU layers."""

    n_ctx: int = 4096
    n_threads: int = 0  # 0: llama.cpp's own choice
    gpu_layers: int | str = "auto"  # "auto": all layers when offload is supported

    def resolved_gpu_layers(self) -> int:
        """Return the number of layers to offload: -1 (all), 0 (none) or N."""
        if isinstance(self.gpu_layers, str):
            if self.gpu_layers.strip().lower() in ("", "auto"):
                return -1 if gpu_offload_supported() else 0
            return int(self.gpu_layers)
        return int(self.gpu_layers)

    @classmethod
    def from_settings(cls) -> EngineOptions:
        """Read the engine settings stored by the app."""
        from writer.config import Key, get_setting

        layers = get_setting(Key.GPU_LAYERS)
        return cls(
            n_ctx=int(get_setting(Key.CONTEXT_SIZE)),
            n_threads=int(get_setting(Key.THREADS)),
            gpu_layers=layers if isinstance(layers, str) else int(layers),
        )


def gpu_offload_supported() -> bool:
    """Return whether the installed llama.cpp can offload layers to a GPU (CUDA, Metal...)."""
    import llama_cpp

    try:
        return bool(llama_cpp.llama_supports_gpu_offload())
    except (AttributeError, OSError):
        return False


def _trained_context(llama: Any, metadata: dict[str, str]) -> int:
    """Return the context length the model was trained for (0 when unknown)."""
    architecture = metadata.get("general.architecture", "")
    value = metadata.get(f"{architecture}.context_length", "")
    if value.isdigit():
        return int(value)
    model: Any = getattr(llama, "_model", None)
    trained: Any = getattr(model, "n_ctx_train", None)
    if trained is None:
        return 0
    result: Any = trained()
    return int(result)


def _model_name(path: Path, metadata: dict[str, str]) -> str:
    """Return a readable name for a model: its file name (Hub files are named for what they are).

    GGUF's ``general.name`` is often a training-run label ("Smollm2 135M 8k Lc100K Mix1 Ep2"),
    so it is only the fallback for unnamed files.
    """
    name = path.stem
    if name.lower() in ("model", "ggml-model", "") and metadata.get("general.name"):
        return metadata["general.name"].strip()
    return name


class LlamaBackend:
    """One loaded llama.cpp model, and generation from it with a stop flag."""

    def __init__(self, llama: Any, info: ModelInfo) -> None:
        self.llama = llama
        self.info = info
        self.last_shift = 0  # tokens the last prompt reused by shifting the cache
        self._special: SpecialTokens | None = None

    @classmethod
    def load(cls, path: Path | str, options: EngineOptions | None = None) -> Self:
        """Load a GGUF model file.

        Raises:
            ModelError: the file is missing, not GGUF, damaged, or llama.cpp cannot load it.
        """
        import llama_cpp

        path = Path(path)
        options = options or EngineOptions()
        check_gguf(path)
        layers = options.resolved_gpu_layers()
        kwargs: dict[str, Any] = {
            "model_path": str(path),
            "n_ctx": options.n_ctx,
            "n_gpu_layers": layers,
            "verbose": False,
        }
        threads = options.n_threads if options.n_threads > 0 else default_thread_count()
        kwargs["n_threads"] = threads
        kwargs["n_threads_batch"] = threads
        log.info(
            "loading model %s (n_ctx=%d, gpu_layers=%d, threads=%d)",
            path,
            options.n_ctx,
            layers,
            threads,
        )
        try:
            with safe_cpu_buffers(), parallel_sequences(), _deferred_chat_templates():
                llama = llama_cpp.Llama(**kwargs)
        except (ValueError, RuntimeError, OSError) as error:
            log.warning("llama.cpp failed to load %s: %s", path, error)
            raise ModelError(
                f"Could not load {path.name}: the file is damaged, truncated, or made for a "
                "newer llama.cpp. Download it again or choose another model."
            ) from error
        metadata = dict(getattr(llama, "metadata", {}) or {})
        n_ctx_train = _trained_context(llama, metadata)
        info = ModelInfo(
            path=path,
            name=_model_name(path, metadata),
            n_ctx=int(llama.n_ctx()),
            n_ctx_train=n_ctx_train,
            gpu_offload=layers != 0 and gpu_offload_supported(),
            gpu_layers=layers,
            chat_template=metadata.get("tokenizer.chat_template"),
            metadata=metadata,
        )
        log.info(
            "model loaded: %s (n_ctx=%d, gpu offload %s)",
            info.name,
            info.n_ctx,
            "on" if info.gpu_offload else "off",
        )
        return cls(llama, info)

    def close(self) -> None:
        """Free the model's memory."""
        closer = getattr(self.llama, "close", None)
        if closer is not None:
            closer()
        self.llama = None

    # -- tokens -----------------------------------------------------------

    def tokenize(self, text: str, *, add_bos: bool = True, special: bool = False) -> list[int]:
        """Return the tokens of ``text``."""
        assert self.llama is not None, "the backend was closed"
        if not text:
            return [self.llama.token_bos()] if add_bos else []
        return list(self.llama.tokenize(text.encode("utf-8"), add_bos=add_bos, special=special))

    def count_tokens(self, text: str) -> int:
        """Return how many tokens ``text`` takes (without the BOS token)."""
        return len(self.tokenize(text, add_bos=False))

    def detokenize(self, tokens: Sequence[int]) -> str:
        """Return the text of ``tokens``."""
        assert self.llama is not None, "the backend was closed"
        stream = Utf8Stream()
        return stream.decode(self.llama.detokenize(list(tokens))) + stream.flush()

    def forget_cache(self) -> None:
        """Drop the evaluated prompt, so the next one is evaluated from its first token."""
        if self.llama is not None:
            self.llama.reset()

    @property
    def n_ctx(self) -> int:
        """Return the context window in tokens."""
        return self.info.n_ctx

    def special_tokens(self) -> SpecialTokens:
        """Return the text of the model's BOS, EOS and fill-in-the-middle tokens."""
        if self._special is None:
            self._special = _special_tokens(self.llama)
        return self._special

    def chat_format(self) -> ChatFormat:
        """Return a fresh chat format: the model's template, or the plain fallback."""
        from writer.core.chat_prompt import ChatFormat

        special = self.special_tokens()
        return ChatFormat(self.info.chat_template, bos=special.bos, eos=special.eos)

    def clear_cache(self) -> None:
        """Forget the evaluated prompt, so the next generation starts cold."""
        assert self.llama is not None, "the backend was closed"
        self.llama.reset()

    # -- generation -------------------------------------------------------

    def _prefill(self, tokens: list[int], stop: StopFlag) -> tuple[int, bool]:
        """Evaluate the prompt in full batches, reusing the cached prefix; return (reused, stopped).

        Stop reaches into a batch through llama.cpp's abort callback, which the
        compute graph checks between operations, so even a long prompt on a slow
        machine stops within a fraction of a second. The callback is set only
        while the prompt is evaluated: generation runs without it.
        """
        import llama_cpp

        llama = self.llama
        assert llama is not None, "the backend was closed"
        self.last_shift = shift_for(llama, tokens) if llama.n_tokens > 0 else 0
        cached = list(llama.input_ids[: llama.n_tokens])
        reused = 0
        for a, b in zip(cached, tokens, strict=False):
            if a != b:
                break
            reused += 1
        # Always evaluate at least the last prompt token so fresh logits exist.
        reused = min(reused, len(tokens) - 1)
        llama.n_tokens = reused
        context = llama._ctx.ctx  # noqa: SLF001 (llama-cpp-python has no public handle)
        callback = llama_cpp.ggml_abort_callback(lambda _data: stop.is_set())
        llama_cpp.llama_set_abort_callback(context, callback, ctypes.c_void_p())  # no user data
        try:
            position = reused
            batch = max(1, int(llama.n_batch))
            while position < len(tokens):
                if stop.is_set():
                    return reused, True
                chunk = tokens[position : position + batch]
                try:
                    llama.eval(chunk)
                except RuntimeError:
                    if stop.is_set():  # llama_decode returned "aborted"
                        return reused, True
                    raise
                position += len(chunk)
        finally:
            llama_cpp.llama_set_abort_callback(
                context, llama_cpp.ggml_abort_callback(), ctypes.c_void_p()
            )
        return reused, False

    def generate(
        self,
        prompt: str | Sequence[int],
        params: SamplingParams,
        on_text: Callable[[str], None],
        *,
        stop: StopFlag | None = None,
        stop_strings: Sequence[str] = (),
        add_bos: bool = True,
    ) -> GenerationStats:
        """Generate after ``prompt``, calling ``on_text`` with each piece of decoded text.

        Pieces never split a UTF-8 character. The stop flag is read before each
        token and between prompt slices. ``max_tokens`` is clamped to the room
        left in the context window.

        Raises:
            GenerationError: the prompt does not fit, or llama.cpp failed.
        """
        llama = self.llama
        if llama is None:
            raise GenerationError("No model is loaded.")
        stop = stop or StopFlag()
        self.last_shift = 0
        tokens = (
            self.tokenize(prompt, add_bos=add_bos, special=True)
            if isinstance(prompt, str)
            else list(prompt)
        )
        if not tokens:
            tokens = [llama.token_bos()]
        room = self.n_ctx - len(tokens)
        if room <= 0:
            raise GenerationError(
                f"The prompt ({len(tokens)} tokens) does not fit the context window "
                f"({self.n_ctx} tokens)."
            )
        max_tokens = max(1, min(params.max_tokens, room))
        seed = params.seed if params.seed >= 0 else random.randrange(2**31)
        llama.set_seed(seed)

        started = time.perf_counter()
        first_token_s = 0.0
        count = 0
        reason = "length"
        decoder = Utf8Stream()
        held = StopStringFilter(stop_strings)
        is_end = end_of_generation_test(llama)
        try:
            reused, stopped = self._prefill(tokens, stop)
            if stopped:
                reason = "cancelled"
            else:
                for token in llama.generate(
                    tokens,
                    top_k=params.top_k,
                    top_p=params.top_p,
                    min_p=params.min_p,
                    temp=params.temperature,
                    repeat_penalty=params.repeat_penalty,
                ):
                    if count == 0:
                        first_token_s = time.perf_counter() - started
                    if is_end(token):
                        reason = "eos"
                        break
                    count += 1
                    piece = decoder.decode(llama.detokenize([token]))
                    if piece:
                        emit, hit = held.feed(piece)
                        if emit:
                            on_text(emit)
                        if hit:
                            reason = "stop"
                            break
                    if count >= max_tokens:
                        break
                    if stop.is_set():
                        reason = "cancelled"
                        break
        except BrokenPipeError:
            raise  # whoever read the text went away: not the model's failure
        except (RuntimeError, ValueError, OSError) as error:
            log.exception("generation failed")
            raise GenerationError(f"The model failed while generating: {error}") from error
        if reason != "stop":
            tail = held.flush() + decoder.flush()
            if tail:
                on_text(tail)
        seconds = time.perf_counter() - started
        gen_seconds = max(seconds - first_token_s, 1e-9)
        return GenerationStats(
            tokens=count,
            seconds=seconds,
            tokens_per_s=(count - 1) / gen_seconds if count > 1 else 0.0,
            prompt_tokens=len(tokens),
            cached_tokens=reused,
            stop_reason=reason,
            first_token_s=first_token_s,
            shifted_tokens=self.last_shift,
        )

    def generate_chat(
        self,
        prompt: ChatPrompt,
        params: SamplingParams,
        on_text: TextCallback,
        *,
        stop: StopFlag | None = None,
    ) -> GenerationStats:
        """Generate the reply to a chat prompt rendered with :meth:`chat_format`."""
        tokens = self.tokenize(
            prompt.text + prompt.reply_prefix, add_bos=prompt.add_bos, special=True
        )
        return self.generate(tokens, params, on_text, stop=stop, stop_strings=prompt.stop_strings)

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
        """Write ``count`` continuations in one batched decode (:mod:`writer.engine.candidates`)."""
        from writer.engine.candidates import decode_candidates

        tokens = (
            self.tokenize(prompt, add_bos=True, special=True)
            if isinstance(prompt, str)
            else list(prompt)
        )
        return decode_candidates(
            self, tokens, params, count, on_text, stop=stop, record=record, lead=lead
        )


def _special_tokens(llama: Any) -> SpecialTokens:
    """Return the text of a loaded model's special tokens ("" for those it lacks)."""
    import llama_cpp

    model: Any = getattr(llama, "_model", None)
    vocab = getattr(model, "vocab", None)

    def text(token: int) -> str:
        if token is None or token < 0:
            return ""
        try:
            return llama.detokenize([token], special=True).decode("utf-8", "replace")
        except (TypeError, ValueError, RuntimeError):
            return ""

    def vocab_token(name: str) -> int:
        function = getattr(llama_cpp, name, None)
        if function is None or vocab is None:
            return -1
        try:
            return int(function(vocab))
        except (TypeError, ValueError, OSError):
            return -1

    try:
        add_bos = bool(model.add_bos_token()) if model is not None else True
    except (AttributeError, RuntimeError):
        add_bos = True
    return SpecialTokens(
        bos=text(llama.token_bos()),
        eos=text(llama.token_eos()),
        add_bos=add_bos,
        fim_prefix=text(vocab_token("llama_vocab_fim_pre")),
        fim_suffix=text(vocab_token("llama_vocab_fim_suf")),
        fim_middle=text(vocab_token("llama_vocab_fim_mid")),
    )


def default_thread_count() -> int:
    """Return the CPU threads to generate with: every core on small machines, half on big ones.

    llama-cpp-python's own default (half the logical CPUs) leaves a 2-core
    laptop at one thread and half its speed.
    """
    count = os.cpu_count() or 2
    return count if count <= 4 else max(4, count // 2)


@functools.cache
def cpu_has_amx() -> bool:
    """Return whether the CPU reports Intel AMX tiles (Linux only; False elsewhere)."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as handle:
            return " amx_tile" in handle.read()
    except OSError:
        return False


def safe_cpu_buffers() -> contextlib.AbstractContextManager[None]:
    """Return a context in which ``llama_cpp.Llama(...)`` loads safely on this CPU.

    Use it around any ``Llama`` construction (the benchmark's raw one too).
    """
    return _extra_buffer_types(not cpu_has_amx())


@contextlib.contextmanager
def _extra_buffer_types(enabled: bool) -> Iterator[None]:
    """Load models with llama.cpp's extra CPU buffer types on or off.

    llama.cpp's AMX matrix kernels (an extra buffer type, chosen automatically
    on CPUs with AMX) crash with a segmentation fault in ``ggml_backend_amx_mul_mat``
    on some systems, virtual machines among them. On such CPUs the weights stay
    in plain CPU buffers, which run everywhere. llama-cpp-python does not
    expose the switch, so the default model parameters are wrapped while loading.
    """
    if enabled:
        yield
        return
    # The C bindings module, which llama_cpp.llama reaches as ``llama_cpp.llama_cpp``.
    import llama_cpp.llama_cpp as bindings

    original = bindings.llama_model_default_params

    def without_extra_buffers():
        params = original()
        params.use_extra_bufts = False
        return params

    with _LOAD_LOCK:
        bindings.llama_model_default_params = without_extra_buffers
        try:
            yield
        finally:
            bindings.llama_model_default_params = original


@contextlib.contextmanager
def _deferred_chat_templates() -> Iterator[None]:
    """Load models whose chat template does not compile.

    llama-cpp-python compiles every chat template of a model's metadata while
    constructing ``Llama``, so one syntax error stopped the model from loading
    at all, Continue included. Writer renders templates itself
    (:mod:`writer.core.chat_template`), so while loading, llama-cpp-python's
    formatter is swapped for one that compiles only when used.
    """
    import llama_cpp.llama_chat_format as chat_format

    original = chat_format.Jinja2ChatFormatter

    class DeferredFormatter(original):  # type: ignore[misc, valid-type]
        """Keeps the template; compiles it on first use."""

        def __init__(
            self,
            template: str,
            eos_token: str,
            bos_token: str,
            add_generation_prompt: bool = True,
            stop_token_ids: list[int] | None = None,
        ) -> None:
            self.template = template
            self.eos_token = eos_token
            self.bos_token = bos_token
            self.add_generation_prompt = add_generation_prompt
            self.stop_token_ids = set(stop_token_ids) if stop_token_ids is not None else None
            self._arguments = (
                template,
                eos_token,
                bos_token,
                add_generation_prompt,
                stop_token_ids,
            )

        def __call__(self, **kwargs: Any) -> Any:
            """Compile the template now and format the messages."""
            return original(*self._arguments)(**kwargs)

    with _LOAD_LOCK:
        chat_format.Jinja2ChatFormatter = DeferredFormatter  # type: ignore[misc]
        try:
            yield
        finally:
            chat_format.Jinja2ChatFormatter = original  # type: ignore[misc]


_LOAD_LOCK = threading.RLock()
