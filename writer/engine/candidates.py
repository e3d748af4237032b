"""Several continuations of one prompt in one batched decode, and the top tokens at each step.

The prompt is evaluated once on the backend's own llama.cpp context, as
sequence 0 (so the prompt cache is reused). Its KV cells are then shared with
sequences 1..N (a unified cache copies only the cells' metadata), and every
step decodes one token for each live candidate in a single ``llama_decode``
batch. Each candidate samples with its own seed through the same sampler chain
as an ordinary generation. On a memory-bound CPU a step for three sequences
costs little more than a step for one.

After the run the candidates' sequences are removed: sequence 0 holds the
prompt, as after an ordinary generation, so the next Continue reuses it.

While ``record`` is on, each step also keeps the model's top tokens and their
probabilities (a softmax over the full vocabulary of the logits the token was
sampled from), for "the words the model almost wrote".

Only this module and :mod:`writer.engine.backend` touch llama-cpp-python here.
"""

from __future__ import annotations

import contextlib
import random
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from writer.core.alternatives import TOP_COUNT, Alternative, TokenStep
from writer.engine.utf8_stream import Utf8Stream
from writer.engine.vocab import end_of_generation_test
from writer.errors import GenerationError

if TYPE_CHECKING:
    from writer.core.sampling import SamplingParams
    from writer.engine.backend import LlamaBackend, StopFlag

#: The most candidates one press may ask for.
MAX_CANDIDATES = 6
#: Sequences a context is created with: 0 keeps the prompt, 1..MAX_CANDIDATES the candidates.
SEQUENCES = MAX_CANDIDATES + 1

#: Receives (candidate index from 0, piece of text).
CandidateText = Callable[[int, str], None]


@dataclass
class CandidatesResult:
    """What a batched run wrote: one text per candidate, and how each ended."""

    texts: list[str]
    reasons: list[str]  # "eos", "length", "cancelled" per candidate
    steps: list[list[TokenStep]]  # per candidate; empty unless recorded
    prompt_tokens: list[int]  # what was evaluated before the first generated token
    cached_tokens: int = 0
    seconds: float = 0.0
    first_token_s: float = 0.0
    asked: int = 0  # candidates asked for; more than ``len(texts)`` when they did not fit
    notices: list[str] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)  # tokens generated per candidate

    @property
    def tokens(self) -> int:
        """Return the tokens generated over all candidates."""
        return sum(self.counts)


def fit_candidates(count: int, prompt_tokens: int, max_tokens: int, n_ctx: int) -> tuple[int, int]:
    """Return (candidates, max_tokens) that fit the context after a prompt.

    Candidates share the prompt's cells, and each needs room for its own
    tokens: ``prompt + candidates × max_tokens ≤ n_ctx``. When even one does
    not fit at full length, one candidate gets what room there is.

    Raises:
        GenerationError: the prompt itself fills the context.
    """
    room = n_ctx - prompt_tokens
    if room <= 0:
        raise GenerationError(
            f"The prompt ({prompt_tokens} tokens) does not fit the context window ({n_ctx} tokens)."
        )
    count = max(1, min(count, MAX_CANDIDATES))
    max_tokens = max(1, min(max_tokens, room))
    return max(1, min(count, room // max_tokens)), max_tokens


def fewer_candidates_notice(fitted: int, asked: int, n_ctx: int) -> str:
    """Return the message shown when only ``fitted`` of ``asked`` candidates fit."""
    return (
        f"Only {fitted} of {asked} candidates fit the context window ({n_ctx} tokens): "
        f"writing {fitted}. Use a larger context size or fewer candidates in Settings."
    )


@contextlib.contextmanager
def parallel_sequences() -> Iterator[None]:
    """Create llama.cpp contexts with room for the candidates' sequences.

    The KV cache is unified (one buffer for all sequences), so an ordinary
    single-sequence generation keeps the whole context window and candidates
    share the prompt's cells. llama-cpp-python does not expose these context
    parameters, so its default parameters are wrapped while a model loads.
    """
    import llama_cpp.llama_cpp as bindings

    original = bindings.llama_context_default_params

    def with_sequences() -> Any:
        params = original()
        params.n_seq_max = SEQUENCES
        params.kv_unified = True
        return params

    with _LOAD_LOCK:
        bindings.llama_context_default_params = with_sequences
        try:
            yield
        finally:
            bindings.llama_context_default_params = original


_LOAD_LOCK = threading.Lock()


class TopTokens:
    """Reads the most likely tokens from the logits of one batch output."""

    def __init__(self, llama: Any, count: int = TOP_COUNT) -> None:
        self._llama = llama
        self._context = llama._ctx.ctx
        self._vocab = int(llama.n_vocab())
        self._count = min(count, self._vocab)
        self._pieces: dict[int, bytes] = {}

    def piece(self, token: int) -> bytes:
        """Return the bytes of ``token`` (cached)."""
        piece = self._pieces.get(token)
        if piece is None:
            piece = bytes(self._llama.detokenize([token]))
            self._pieces[token] = piece
        return piece

    def step(self, index: int, token: int) -> TokenStep:
        """Return the recorded step of ``token``, sampled from the logits at batch output ``index``.

        Probabilities are a softmax over the whole vocabulary, before any sampler.
        """
        import llama_cpp

        pointer = llama_cpp.llama_get_logits_ith(self._context, index)
        logits = np.ctypeslib.as_array(pointer, shape=(self._vocab,))  # a view, no copy
        top = np.argpartition(logits, -self._count)[-self._count :]
        top = top[np.argsort(-logits[top], kind="stable")]
        highest = float(logits[top[0]])
        total = float(np.exp(logits - highest).sum(dtype=np.float64))
        chosen = np.append(logits[top], logits[token]).astype(np.float64)
        probabilities = np.exp(chosen - highest) / total
        alternatives = tuple(
            Alternative(int(t), float(p), self.piece(int(t)))
            for t, p in zip(top, probabilities[:-1], strict=True)
            if p > 0.0
        )
        return TokenStep(token, self.piece(token), float(probabilities[-1]), alternatives)


def decode_candidates(
    backend: LlamaBackend,
    prompt: Sequence[int],
    params: SamplingParams,
    count: int,
    on_text: CandidateText,
    *,
    stop: StopFlag,
    record: bool = False,
    lead: Sequence[int] = (),
) -> CandidatesResult:
    """Generate ``count`` continuations of ``prompt`` together; stream them through ``on_text``.

    ``lead`` tokens are evaluated after the prompt and written at the start of
    every candidate (re-rolling from a chosen word). The stop flag is read
    between steps. Fewer candidates run when ``count`` do not fit the context
    (the result's ``notices`` say so).

    Raises:
        GenerationError: the prompt does not fit, or llama.cpp failed.
    """
    llama = backend.llama
    if llama is None:
        raise GenerationError("No model is loaded.")
    tokens = list(prompt) + list(lead)
    if not tokens:
        tokens = [llama.token_bos()]
    asked = max(1, min(count, MAX_CANDIDATES))
    count, max_tokens = fit_candidates(asked, len(tokens), params.max_tokens, backend.n_ctx)
    count = min(count, _sequence_slots(llama))
    result = CandidatesResult(
        texts=[""] * count,
        reasons=["length"] * count,
        steps=[[] for _ in range(count)],
        prompt_tokens=list(tokens),
        asked=asked,
        counts=[0] * count,
    )
    if count < asked:
        result.notices.append(fewer_candidates_notice(count, asked, backend.n_ctx))
    started = time.perf_counter()
    seed = params.seed if params.seed >= 0 else random.randrange(2**31)
    samplers = [_sampler(llama, params, seed + index) for index in range(count)]
    try:
        reused, stopped = backend._prefill(tokens, stop)
        result.cached_tokens = reused
        if stopped:
            result.reasons = ["cancelled"] * count
        else:
            _run(backend, samplers, result, on_text, stop, max_tokens, record, lead, started)
    except (RuntimeError, ValueError, OSError) as error:
        raise GenerationError(f"The model failed while generating: {error}") from error
    finally:
        for sampler in samplers:
            sampler.close()
    result.seconds = time.perf_counter() - started
    return result


def raw_decode_ratio(backend: LlamaBackend, count: int, stop: StopFlag, steps: int = 16) -> float:
    """Return the time of ``llama_decode`` for ``count`` sequences over one, nothing else.

    The floor under the app's candidates figure: what llama.cpp itself pays
    to decode a batch of ``count`` tokens instead of one, on this machine.
    """
    import llama_cpp

    llama = backend.llama
    assert llama is not None, "the backend was closed"
    context = llama._ctx
    prompt = backend.tokenize("Once upon a time")
    backend._prefill(prompt, stop)
    base = _next_position(context, len(prompt))
    for index in range(count):
        context.kv_cache_seq_cp(0, index + 1, -1, -1)
    batch = llama_cpp.llama_batch_init(count, 0, 1)
    spent = {1: 0.0, count: 0.0}
    try:
        for step in range(steps):
            for size in (1, count):
                for slot in range(size):
                    batch.token[slot] = prompt[-1]
                    batch.pos[slot] = base + step
                    batch.n_seq_id[slot] = 1
                    batch.seq_id[slot][0] = slot + 1
                    batch.logits[slot] = 1
                batch.n_tokens = size
                started = time.perf_counter()
                llama_cpp.llama_decode(context.ctx, batch)
                spent[size] += time.perf_counter() - started
                for slot in range(size):
                    context.kv_cache_seq_rm(slot + 1, base + step, -1)
    finally:
        llama_cpp.llama_batch_free(batch)
        for index in range(count):
            context.kv_cache_seq_rm(index + 1, -1, -1)
    return spent[count] / spent[1] if spent[1] else 0.0


def _sequence_slots(llama: Any) -> int:
    """Return how many candidate sequences the context was created with room for."""
    import llama_cpp

    try:
        slots = int(llama_cpp.llama_n_seq_max(llama._ctx.ctx)) - 1
    except (AttributeError, OSError):
        slots = 0
    return max(1, slots)


def _sampler(llama: Any, params: SamplingParams, seed: int) -> Any:
    """Return a sampler chain like an ordinary generation's, seeded with ``seed``."""
    saved = getattr(llama, "_seed", None)
    llama.set_seed(seed)
    try:
        return llama._init_sampler(
            top_k=params.top_k,
            top_p=params.top_p,
            min_p=params.min_p,
            temp=params.temperature,
            repeat_penalty=params.repeat_penalty,
        )
    finally:
        if saved is not None:
            llama.set_seed(saved)


def _run(
    backend: LlamaBackend,
    samplers: list[Any],
    result: CandidatesResult,
    on_text: CandidateText,
    stop: StopFlag,
    max_tokens: int,
    record: bool,
    lead: Sequence[int],
    started: float,
) -> None:
    """Sample, emit and decode step by step until every candidate has ended."""
    import llama_cpp

    llama = backend.llama
    assert llama is not None, "the backend was closed"
    context = llama._ctx
    count = len(samplers)
    is_end = end_of_generation_test(llama)
    top = TopTokens(llama)
    decoders = [Utf8Stream() for _ in range(count)]
    base = _next_position(context, len(result.prompt_tokens))
    if lead:
        lead_bytes = b"".join(top.piece(token) for token in lead)
        for index in range(count):
            _emit(result, on_text, index, decoders[index].decode(lead_bytes))
    for index in range(count):
        context.kv_cache_seq_cp(0, index + 1, -1, -1)
    batch = llama_cpp.llama_batch_init(count, 0, 1)
    outputs = [-1] * count  # where each live candidate's logits are in the last batch
    live = list(range(count))
    try:
        while live:
            sampled: list[tuple[int, int]] = []
            for index in live:
                token = samplers[index].sample(context, outputs[index])
                if is_end(token):
                    result.reasons[index] = "eos"
                    continue
                if not result.first_token_s:
                    result.first_token_s = time.perf_counter() - started
                result.counts[index] += 1
                if record:  # sampling reads the logits without changing them
                    result.steps[index].append(top.step(outputs[index], token))
                _emit(result, on_text, index, decoders[index].decode(top.piece(token)))
                if result.counts[index] >= max_tokens:
                    continue
                sampled.append((index, token))
            if stop.is_set():
                for index, _token in sampled:
                    result.reasons[index] = "cancelled"
                break
            if not sampled:
                break
            for slot, (index, token) in enumerate(sampled):
                batch.token[slot] = token
                batch.pos[slot] = base + result.counts[index] - 1
                batch.n_seq_id[slot] = 1
                batch.seq_id[slot][0] = index + 1
                batch.logits[slot] = 1
                outputs[index] = slot
            batch.n_tokens = len(sampled)
            status = llama_cpp.llama_decode(context.ctx, batch)
            if status != 0:
                raise GenerationError(f"llama_decode failed with status {status}.")
            live = [index for index, _token in sampled]
    finally:
        llama_cpp.llama_batch_free(batch)
        for index in range(count):
            context.kv_cache_seq_rm(index + 1, -1, -1)
    for index in range(count):
        tail = decoders[index].flush()
        _emit(result, on_text, index, tail)


def _next_position(context: Any, fallback: int) -> int:
    """Return the position after the last cell of sequence 0 (the prompt)."""
    import llama_cpp

    try:
        last = int(llama_cpp.llama_memory_seq_pos_max(context.memory, 0))
    except (AttributeError, OSError):
        return fallback
    return last + 1 if last >= 0 else fallback


def _emit(result: CandidatesResult, on_text: CandidateText, index: int, piece: str) -> None:
    """Add ``piece`` to candidate ``index`` and stream it."""
    if piece:
        result.texts[index] += piece
        on_text(index, piece)
