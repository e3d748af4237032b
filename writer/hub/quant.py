"""Quantization types of GGUF files: read from a file name, and their bits per weight."""

from __future__ import annotations

import re

#: Approximate bits per weight of each llama.cpp quantization (for size and fit estimates).
BITS_PER_WEIGHT: dict[str, float] = {
    "F32": 32.0,
    "F16": 16.0,
    "BF16": 16.0,
    "Q8_0": 8.5,
    "Q6_K": 6.56,
    "Q5_1": 6.0,
    "Q5_K_M": 5.69,
    "Q5_K_S": 5.54,
    "Q5_0": 5.5,
    "Q4_1": 5.0,
    "Q4_K_M": 4.85,
    "Q4_K_S": 4.58,
    "IQ4_NL": 4.5,
    "Q4_0": 4.5,
    "IQ4_XS": 4.25,
    "Q3_K_L": 4.27,
    "Q3_K_M": 3.91,
    "IQ3_M": 3.66,
    "Q3_K_S": 3.5,
    "IQ3_S": 3.44,
    "IQ3_XS": 3.3,
    "IQ3_XXS": 3.06,
    "Q2_K": 3.35,
    "Q2_K_S": 2.9,
    "IQ2_M": 2.7,
    "IQ2_S": 2.5,
    "IQ2_XS": 2.31,
    "IQ2_XXS": 2.06,
    "IQ1_M": 1.75,
    "IQ1_S": 1.56,
    "TQ2_0": 2.06,
    "TQ1_0": 1.69,
}

#: Quantizations people pick for everyday use, best balance first (used to break ties).
PREFERRED_ORDER: tuple[str, ...] = (
    "Q4_K_M",
    "Q5_K_M",
    "Q6_K",
    "Q8_0",
    "Q4_K_S",
    "Q5_K_S",
    "IQ4_XS",
    "Q4_0",
    "Q3_K_L",
    "Q3_K_M",
    "IQ3_M",
    "Q2_K",
)

_QUANT_PATTERN = re.compile(
    r"(?<![A-Za-z0-9])(I?Q\d(?:_[A-Z0-9]+)*|(?:BF|FP|F)16|F32|TQ\d_\d)(?![A-Za-z0-9])",
    re.IGNORECASE,
)


def quant_from_filename(filename: str) -> str:
    """Return the quantization named in a GGUF file name (``Q4_K_M``...), or ``unknown``."""
    stem = filename.rsplit("/", 1)[-1]
    stem = re.sub(r"-\d{5}-of-\d{5}", "", stem)
    stem = re.sub(r"\.gguf$", "", stem, flags=re.IGNORECASE)
    matches = _QUANT_PATTERN.findall(stem.replace(".", "-"))
    if not matches:
        return "unknown"
    label = matches[-1].upper()
    return "F16" if label == "FP16" else label


def bits_per_weight(quant: str) -> float | None:
    """Return the approximate bits per weight of ``quant``, or None when unknown."""
    if quant in BITS_PER_WEIGHT:
        return BITS_PER_WEIGHT[quant]
    base = re.match(r"I?Q(\d)", quant)
    return float(base.group(1)) + 0.5 if base else None


def preference_rank(quant: str) -> int:
    """Return how commonly recommended ``quant`` is (lower is more)."""
    try:
        return PREFERRED_ORDER.index(quant)
    except ValueError:
        return len(PREFERRED_ORDER)
