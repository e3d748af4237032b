"""Sliding the window without starting over: shift llama.cpp's cached tokens (ContextShift).

When Continue's window moves forward, the new prompt is the old one with a
span removed after the fixed head (notes, story so far, lore) and new text at
the end. Instead of evaluating the kept text again, the removed span is
deleted from llama.cpp's memory and the tokens after it are moved back by its
length (``llama_memory_seq_rm`` + ``llama_memory_seq_add``, as KoboldCpp's
ContextShift does); llama.cpp re-rotates their keys on the next decode. Only
the new tokens are then evaluated.

:func:`plan_shift` is plain token arithmetic; :func:`apply_shift` touches the
``Llama`` object and keeps llama-cpp-python's own bookkeeping (``n_tokens``,
``input_ids``) in step with the memory. Models whose memory cannot shift
(recurrent models, some sliding-window attention caches) fall back to
evaluating the prompt again; the log says which path ran.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

log = logging.getLogger(__name__)

#: A shift is worth it only when at least this many cached tokens are reused by it.
MIN_REUSE = 32


@dataclass(frozen=True)
class ShiftPlan:
    """Keep ``keep`` tokens, drop the ``drop`` after them, move the next ``reuse`` back."""

    keep: int
    drop: int
    reuse: int


def common_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    """Return the length of the common prefix of two token lists."""
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _run_length(cached: Sequence[int], position: int, rest: Sequence[int]) -> int:
    """Return how many tokens of ``cached`` from ``position`` equal the start of ``rest``."""
    limit = min(len(cached) - position, len(rest))
    count = 0
    while count < limit and cached[position + count] == rest[count]:
        count += 1
    return count


def plan_shift(
    cached: Sequence[int], tokens: Sequence[int], *, min_reuse: int = MIN_REUSE
) -> ShiftPlan | None:
    """Return how to turn the cached tokens into a prefix of ``tokens`` by one removal.

    The cached tokens after the common prefix are searched for the longest run
    equal to the start of the rest of ``tokens``; None when no run of at least
    ``min_reuse`` tokens exists (then the common prefix is all there is to reuse).
    """
    keep = common_prefix(cached, tokens)
    if keep >= len(cached) or keep >= len(tokens) - 1:
        return None
    rest = list(tokens[keep:])
    first = rest[0]
    best_start, best_length = -1, 0
    cached_list = list(cached)
    start = keep + 1
    while True:
        try:
            position = cached_list.index(first, start)
        except ValueError:
            break
        length = _run_length(cached_list, position, rest)
        if length > best_length:
            best_start, best_length = position, length
            if position + length >= len(cached_list):
                break  # reaches the end of the cache: nothing longer can follow
        start = position + 1
    # Leave at least the last prompt token to evaluate, so fresh logits exist.
    best_length = min(best_length, len(tokens) - 1 - keep)
    if best_start < 0 or best_length < min_reuse:
        return None
    return ShiftPlan(keep, best_start - keep, best_length)


def can_shift(llama: Any) -> bool:
    """Return whether the model's memory can move cached tokens (False for recurrent, some SWA)."""
    import llama_cpp

    memory = llama_cpp.llama_get_memory(llama.ctx)
    if memory is None:
        return False
    try:
        return bool(llama_cpp.llama_memory_can_shift(memory))
    except (AttributeError, OSError):
        return False


def apply_shift(llama: Any, plan: ShiftPlan) -> bool:
    """Remove the planned span from llama.cpp's memory and move the reused run back.

    Returns False (and changes nothing) when the model cannot shift.
    """
    import llama_cpp

    memory = llama_cpp.llama_get_memory(llama.ctx)
    if memory is None or not can_shift(llama):
        return False
    keep, drop, reuse = plan.keep, plan.drop, plan.reuse
    end = keep + drop + reuse
    if not llama_cpp.llama_memory_seq_rm(memory, 0, end, -1):
        return False
    if not llama_cpp.llama_memory_seq_rm(memory, 0, keep, keep + drop):
        llama_cpp.llama_memory_seq_rm(memory, 0, keep, -1)
        llama.n_tokens = keep
        return False
    llama_cpp.llama_memory_seq_add(memory, 0, keep + drop, end, -drop)
    ids = llama.input_ids
    ids[keep : keep + reuse] = ids[keep + drop : end].copy()
    llama.n_tokens = keep + reuse
    if hasattr(llama, "_requires_eval"):  # the logits belong to the old last token
        setattr(llama, "_requires_eval", True)  # noqa: B010 (llama-cpp-python's own flag)
    return True


def shift_for(llama: Any, tokens: Sequence[int]) -> int:
    """Shift the cache toward ``tokens`` when that saves evaluation; return the tokens moved.

    Logs the path taken whenever the window has moved: shifted, or evaluated again.
    """
    cached = llama.input_ids[: llama.n_tokens].tolist()
    plan = plan_shift(cached, tokens)
    if plan is None:
        return 0
    if apply_shift(llama, plan):
        log.info(
            "context shift: kept %d tokens, dropped %d, moved %d back; %d to evaluate",
            plan.keep,
            plan.drop,
            plan.reuse,
            len(tokens) - plan.keep - plan.reuse,
        )
        return plan.reuse
    log.info(
        "context shift not possible for this model: evaluating %d tokens again",
        len(tokens) - plan.keep,
    )
    return 0
