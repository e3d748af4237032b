"""Whether a model file fits this machine: estimated memory against free RAM and VRAM.

The estimate is the file size (weights are memory-mapped whole), plus the
KV cache for the chosen context (exact from a local file's header, guessed
from the parameter count for a hub file), plus llama.cpp's compute buffers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from writer.hub.quant import bits_per_weight, preference_rank

if TYPE_CHECKING:
    from collections.abc import Sequence

    from writer.core.system_memory import MemoryBudget

#: Fixed overhead of llama.cpp (compute buffers, runtime), in bytes.
BASE_OVERHEAD_BYTES = 300 * 1024**2
#: Extra overhead proportional to the weights.
WEIGHT_OVERHEAD_RATIO = 0.05
#: Share of the free memory a model may take and still "fit" comfortably.
COMFORT_RATIO = 0.75
#: Quantizations above this many bits per weight are never recommended (wasteful).
MAX_RECOMMENDED_BITS = 8.5


class FitLabel(StrEnum):
    """How a model fits this machine's free memory."""

    FITS = "fits"
    TIGHT = "tight"
    TOO_BIG = "too big"


@dataclass(frozen=True)
class FitEstimate:
    """The estimated memory to run a model, and how that compares with what is free."""

    need_bytes: int
    label: FitLabel
    on_gpu: bool = False

    def describe(self) -> str:
        """Return a short label such as ``fits (needs 1.2 GB)``."""
        where = " in GPU memory" if self.on_gpu and self.label != FitLabel.TOO_BIG else ""
        return f"{self.label.value}{where} (needs {human_size(self.need_bytes)})"


def human_size(size: int | float) -> str:
    """Return a byte count as ``512 MB`` / ``1.4 GB`` (powers of 1024)."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit in ("B", "KB", "MB") else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def guess_kv_bytes_per_token(size_bytes: int, quant: str) -> int:
    """Guess the f16 KV cache per token from the parameter count a file's size implies.

    Calibrated on common models (SmolLM2, Llama 3.2, Qwen2.5): about 64 KiB per
    token times the square root of the parameters in billions, which errs on the
    high side for models with grouped-query attention.
    """
    bits = bits_per_weight(quant) or 5.0
    params_billions = max(size_bytes * 8 / bits / 1e9, 0.01)
    return int(64 * 1024 * math.sqrt(params_billions))


def estimate_memory(
    size_bytes: int, quant: str, n_ctx: int, kv_bytes_per_token: int | None = None
) -> int:
    """Return the bytes needed to run a model file with an ``n_ctx`` context."""
    per_token = kv_bytes_per_token or guess_kv_bytes_per_token(size_bytes, quant)
    overhead = BASE_OVERHEAD_BYTES + int(size_bytes * WEIGHT_OVERHEAD_RATIO)
    return size_bytes + per_token * n_ctx + overhead


def assess_fit(need_bytes: int, budget: MemoryBudget) -> FitEstimate:
    """Compare the memory a model needs with the free RAM (and VRAM when offload works)."""
    if budget.free_vram and need_bytes <= budget.free_vram * COMFORT_RATIO:
        return FitEstimate(need_bytes, FitLabel.FITS, on_gpu=True)
    if need_bytes <= budget.free_ram * COMFORT_RATIO:
        return FitEstimate(need_bytes, FitLabel.FITS)
    if need_bytes <= budget.best:
        return FitEstimate(need_bytes, FitLabel.TIGHT, on_gpu=need_bytes > budget.free_ram)
    return FitEstimate(need_bytes, FitLabel.TOO_BIG)


def recommend(quants: Sequence[str], fits: Sequence[FitEstimate]) -> int | None:
    """Return the index of the quantization to recommend, or None if nothing fits.

    The best quality (most bits, up to Q8_0) that fits comfortably; if none
    does, the smallest one that still fits at all.
    """
    comfortable = [
        index
        for index, (quant, fit) in enumerate(zip(quants, fits, strict=True))
        if fit.label == FitLabel.FITS and (bits_per_weight(quant) or 0) <= MAX_RECOMMENDED_BITS
    ]
    if comfortable:
        return max(
            comfortable,
            key=lambda i: (bits_per_weight(quants[i]) or 0, -preference_rank(quants[i])),
        )
    tight = [i for i, fit in enumerate(fits) if fit.label == FitLabel.TIGHT]
    if tight:
        return min(tight, key=lambda i: fits[i].need_bytes)
    return None
