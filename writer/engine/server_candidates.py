"""Several candidates from a server: one request with the API's ``n``, else one after another.

:func:`write_candidates` first asks ``/v1/completions`` for all candidates in
one streamed request (``n`` = the number of candidates) and routes the chunks
to the candidates by their choice index. A server that refuses ``n`` (a 4xx
answer before any text) or answers with choice 0 only (``llama_cpp.server``
drops ``n``) gets the rest one request after another, with seeds ``seed + 1``,
``seed + 2`` ... A stream that breaks keeps every candidate written so far and
says why the rest are missing. Plain Python, no Qt.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from writer.engine.server_stream import ChoicesRead
from writer.errors import ServerError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from writer.core.sampling import SamplingParams
    from writer.engine.backend_api import CandidateCallback, StopFlag
    from writer.engine.candidates import CandidatesResult
    from writer.engine.server_backend import ServerBackend

log = logging.getLogger(__name__)

#: Answers to a request with ``n`` that mean "not this way", not "not at all".
_NOT_REFUSALS_OF_N = (401, 403, 429)


def refused_n(error: ServerError) -> bool:
    """Return whether ``error`` is a 4xx answer that may be the server refusing ``n``."""
    status = getattr(error.__cause__, "status_code", None)
    return isinstance(status, int) and 400 <= status < 500 and status not in _NOT_REFUSALS_OF_N


def write_candidates(
    backend: ServerBackend,
    prompt: str | Sequence[int],
    params: SamplingParams,
    count: int,
    on_text: CandidateCallback,
    *,
    stop: StopFlag,
    lead: Sequence[int] = (),
) -> CandidatesResult:
    """Write ``count`` continuations of ``prompt`` on ``backend``'s server.

    Raises:
        ServerError: the server failed before any candidate had text.
    """
    from writer.engine.candidates import MAX_CANDIDATES, CandidatesResult, fit_candidates

    text = prompt if isinstance(prompt, str) else backend.detokenize(prompt)
    lead_text = backend.detokenize(lead) if lead else ""
    asked = max(1, min(count, MAX_CANDIDATES))
    count, max_tokens = fit_candidates(
        asked, backend.count_tokens(text + lead_text), params.max_tokens, backend.n_ctx
    )
    result = CandidatesResult(
        texts=[""] * count,
        reasons=["length"] * count,
        steps=[[] for _ in range(count)],
        prompt_tokens=[] if isinstance(prompt, str) else [*prompt, *lead],
        asked=asked,
        counts=[0] * count,
    )
    started = time.perf_counter()
    seed = params.seed if params.seed >= 0 else int(started * 1000) % 2**31
    pieces: list[list[str]] = [[lead_text] if lead_text else [] for _ in range(count)]
    if lead_text:
        for index in range(count):
            on_text(index, lead_text)

    def emit(index: int, piece: str) -> None:
        pieces[index].append(piece)
        on_text(index, piece)

    first = 0
    if count > 1 and backend.has_completions:
        run = params.with_overrides(seed=seed, max_tokens=max_tokens)
        first = _all_at_once(backend, text + lead_text, run, count, emit, stop, pieces, result)
    if first < count:
        _one_after_another(
            backend, text + lead_text, params, first, seed, max_tokens, emit, stop, pieces, result
        )
    result.seconds = time.perf_counter() - started
    return result


def _all_at_once(
    backend: ServerBackend,
    text: str,
    run: SamplingParams,
    count: int,
    emit: CandidateCallback,
    stop: StopFlag,
    pieces: list[list[str]],
    result: CandidatesResult,
) -> int:
    """Ask for all candidates in one request (``n``); return the first one still to write.

    Raises:
        ServerError: the request failed before any text, other than by refusing ``n``.
    """
    read = ChoicesRead(count)
    try:
        stats = backend.stream_choices(text, run, count, emit, stop=stop, read=read)
    except ServerError as error:
        if read.total == 0 and refused_n(error):
            log.info("the server refused n=%d: candidates one after another", count)
            return 0
        result.texts = ["".join(written) for written in pieces]
        if not read.total:
            raise  # nothing written: the request failed
        # Keep every candidate as far as it came, and say why they stop there.
        result.reasons = [
            read.finishes.get(index) or ("cut" if read.tokens[index] else "cancelled")
            for index in range(count)
        ]
        result.counts = list(read.tokens)
        result.first_token_s = read.first_token_s
        result.notices.append(str(error))
        return count
    result.first_token_s = stats.first_token_s
    if read.seen - {0} or stop.is_set():
        log.info("the server wrote %d candidates in one request (n=%d)", count, count)
        result.texts = ["".join(written) for written in pieces]
        ended = "cancelled" if stop.is_set() else "eos"
        result.reasons = [read.finishes.get(index, ended) for index in range(count)]
        result.counts = list(read.tokens)
        return count
    log.info("the server answered n=%d with one choice: the rest one after another", count)
    result.texts[0] = "".join(pieces[0])
    result.reasons[0] = read.finishes.get(0, "eos")
    result.counts[0] = read.tokens[0]
    return 1


def _one_after_another(
    backend: ServerBackend,
    text: str,
    params: SamplingParams,
    first: int,
    seed: int,
    max_tokens: int,
    emit: CandidateCallback,
    stop: StopFlag,
    pieces: list[list[str]],
    result: CandidatesResult,
) -> None:
    """Write candidates ``first`` … in turn, one request each (seeds ``seed + index``).

    Raises:
        ServerError: the first request failed and no candidate has text.
    """
    count = len(result.texts)
    for index in range(first, count):
        run = params.with_overrides(seed=seed + index, max_tokens=max_tokens)
        try:
            stats = backend.generate(
                text, run, lambda piece, index=index: emit(index, piece), stop=stop
            )
        except ServerError as error:
            result.texts[index] = "".join(pieces[index])
            if not any(result.texts):
                raise  # nothing written: the request failed
            # Keep the candidates written so far (this one as far as it came), say why
            # the rest are missing, and ask the server for no more.
            result.reasons[index] = "cut" if pieces[index] else "cancelled"
            result.reasons[index + 1 :] = ["cancelled"] * (count - index - 1)
            result.notices.append(str(error))
            break
        result.texts[index] = "".join(pieces[index])
        result.reasons[index] = stats.stop_reason
        result.counts[index] = stats.tokens
        if index == 0:
            result.first_token_s = stats.first_token_s
        if stop.is_set():
            result.reasons[index:] = ["cancelled"] * (count - index)
            break
