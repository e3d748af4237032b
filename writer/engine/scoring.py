"""How well a model knows a text: bits per character from its log-probabilities.

Plain Python, no Qt. The passage is evaluated in small batches with logits for
every position; each token's probability given the tokens before it is read
from those logits (a log-softmax in numpy), so the passage's total surprise is
``-sum(log2 p(token))``. Dividing by the passage's characters gives bits per
character, a figure that compares models with different tokenizers. The same
tokens evaluated the same way give the same figures, run after run.

Only the local llama.cpp backend has per-token logits; a server backend reports
that it cannot score (:class:`ScoringUnsupportedError`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from writer.core.quality import PASSAGE_LANGUAGES, PassageScore, QualityFigures, passage
from writer.core.sampling import SamplingParams
from writer.engine.backend import GenerationStats, LlamaBackend, StopFlag
from writer.engine.jobs import Job, JobSink
from writer.errors import GenerationError

if TYPE_CHECKING:
    from writer.engine.backend_api import Backend

#: Positions evaluated per batch: logits of a 262k-word vocabulary take 1 MB each.
SCORE_BATCH = 32
#: Tokens generated to measure speed (greedy, so the same text every run).
SPEED_TOKENS = 64


class ScoringUnsupportedError(GenerationError):
    """The backend cannot give per-token log-probabilities (a server, for example)."""


def _start_token(backend: LlamaBackend, tokens: list[int]) -> list[int]:
    """Return ``tokens`` after a start-of-document token, so the first one is scored too.

    The model's own BOS when its tokenizer adds one; otherwise its BOS or EOS
    token, which separates documents in training.
    """
    llama: Any = backend.llama
    with_bos = backend.tokenize("a", add_bos=True)
    if len(with_bos) > len(backend.tokenize("a", add_bos=False)):
        return [with_bos[0], *tokens]
    start = int(llama.token_bos())
    if start < 0:
        start = int(llama.token_eos())
    return [start, *tokens]


def token_bits(backend: LlamaBackend, tokens: list[int]) -> list[float]:
    """Return the surprise in bits of each of ``tokens[1:]`` given the tokens before it.

    Raises:
        ScoringUnsupportedError: the backend has no per-token logits.
        GenerationError: the tokens do not fit the context, or llama.cpp failed.
    """
    import numpy as np

    llama: Any = backend.llama
    if llama is None or not hasattr(llama, "_batch"):
        raise ScoringUnsupportedError("This model's backend cannot measure log-probabilities.")
    if len(tokens) > backend.n_ctx:
        raise GenerationError(
            f"The passage ({len(tokens)} tokens) does not fit the context ({backend.n_ctx})."
        )
    n_vocab = int(llama.n_vocab())
    context = llama._ctx
    context.kv_cache_seq_rm(-1, 0, -1)  # the cache no longer matches: start afresh
    llama.n_tokens = 0
    bits: list[float] = []
    position = 0
    step = max(1, min(SCORE_BATCH, int(llama.n_batch)))
    try:
        while position < len(tokens):
            chunk = tokens[position : position + step]
            llama._batch.set_batch(batch=chunk, n_past=position, logits_all=True)
            context.decode(llama._batch)
            llama.input_ids[position : position + len(chunk)] = chunk
            llama.n_tokens = position + len(chunk)
            logits = np.ctypeslib.as_array(context.get_logits(), shape=(len(chunk), n_vocab))
            for row in range(len(chunk)):
                following = position + row + 1
                if following >= len(tokens):
                    break
                values = logits[row].astype(np.float64)
                peak = float(values.max())
                log_total = peak + math.log(float(np.exp(values - peak).sum()))
                log_p = float(values[tokens[following]]) - log_total
                bits.append(-log_p / math.log(2))
            position += len(chunk)
    except RuntimeError as error:
        llama.n_tokens = 0
        raise GenerationError(f"The model failed while scoring text: {error}") from error
    return bits


def score_text(backend: LlamaBackend, text: str) -> PassageScore:
    """Return how surprised the model is by ``text``: its tokens and total bits."""
    tokens = backend.tokenize(text, add_bos=False)
    bits = token_bits(backend, _start_token(backend, tokens))
    return PassageScore(characters=len(text), tokens=len(tokens), bits=sum(bits))


@dataclass(frozen=True)
class Speed:
    """Generation speed after the Chinese passage."""

    tokens_per_s: float
    chars_per_s: float
    text: str


def measure_speed(backend: LlamaBackend, prompt: str, stop: StopFlag | None = None) -> Speed:
    """Generate greedily after ``prompt``; return tokens and characters per second."""
    pieces: list[str] = []
    params = SamplingParams(max_tokens=SPEED_TOKENS, temperature=0.0, seed=1, repeat_penalty=1.1)
    stats = backend.generate(prompt, params, pieces.append, stop=stop)
    text = "".join(pieces)
    chars = len("".join(text.split()))
    per_token = chars / stats.tokens if stats.tokens else 0.0
    return Speed(stats.tokens_per_s, stats.tokens_per_s * per_token, text)


def measure_quality(
    backend: LlamaBackend, *, speed: bool = True, stop: StopFlag | None = None
) -> QualityFigures:
    """Score the model on the fixed passages (and time its generation unless ``speed`` is off)."""
    scores = {lang: score_text(backend, passage(lang)) for lang in PASSAGE_LANGUAGES}
    rate = measure_speed(backend, passage("zh"), stop) if speed else Speed(0.0, 0.0, "")
    return QualityFigures.from_scores(
        backend.info.path, scores, tokens_per_s=rate.tokens_per_s, chars_per_s=rate.chars_per_s
    )


class QualityJob(Job):
    """Measure the loaded model on the engine thread; the figures are in :attr:`figures`."""

    kind = "quality"

    def __init__(self) -> None:
        self.figures: QualityFigures | None = None

    def run(self, backend: Backend, sink: JobSink, stop: StopFlag) -> GenerationStats:
        """Score both passages, then time a short generation."""
        if not isinstance(backend, LlamaBackend):
            raise GenerationError(
                "Quality is measured on a model file in Writer itself; a server model cannot "
                "be scored. Choose a model file first."
            )
        sink.progress(1, 2, "passages")
        self.figures = measure_quality(backend, speed=False)
        sink.progress(2, 2, "speed")
        rate = measure_speed(backend, passage("zh"), stop)
        self.figures = QualityFigures(
            **{
                **self.figures.__dict__,
                "tokens_per_s": round(rate.tokens_per_s, 2),
                "chars_per_s": round(rate.chars_per_s, 2),
            }
        )
        return GenerationStats(0, 0.0, rate.tokens_per_s, 0, 0, "length")
