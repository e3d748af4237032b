"""How much memory this machine has free for a model: RAM, and VRAM when offload is possible.

Plain Python, no Qt. RAM comes from ``psutil``. VRAM is asked of NVIDIA's
``nvidia-smi`` only when the installed llama.cpp can offload to a GPU; on
Apple silicon the GPU shares the RAM, so RAM is the budget there.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from dataclasses import dataclass

import psutil

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MemoryBudget:
    """The memory a model may use on this machine, in bytes."""

    free_ram: int
    total_ram: int
    free_vram: int | None = None  # None: no offload, or unknown

    @property
    def best(self) -> int:
        """Return the larger of free RAM and free VRAM."""
        return max(self.free_ram, self.free_vram or 0)


def free_ram_bytes() -> int:
    """Return the RAM available to a new process, in bytes."""
    return int(psutil.virtual_memory().available)


def total_ram_bytes() -> int:
    """Return the machine's installed RAM, in bytes."""
    return int(psutil.virtual_memory().total)


def free_vram_bytes() -> int | None:
    """Return the free memory of the largest NVIDIA GPU in bytes, or None if unknown."""
    tool = shutil.which("nvidia-smi")
    if tool is None:
        return None
    try:
        result = subprocess.run(
            [tool, "--query-gpu=memory.free", "--format=csv,noheader,nounits"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        )
    except (OSError, subprocess.SubprocessError) as error:
        log.info("nvidia-smi gave no memory figures: %s", error)
        return None
    values = [int(line) for line in result.stdout.split() if line.strip().isdigit()]
    return max(values) * 1024 * 1024 if values else None


def offload_available() -> bool:
    """Return whether the installed llama.cpp can offload layers to a GPU."""
    try:
        from writer.engine.backend import gpu_offload_supported

        return gpu_offload_supported()
    except ImportError:
        return False


def memory_budget() -> MemoryBudget:
    """Return the free RAM, and the free VRAM when llama.cpp can offload to a discrete GPU."""
    vram = None
    if sys.platform != "darwin" and offload_available():
        vram = free_vram_bytes()
    return MemoryBudget(free_ram=free_ram_bytes(), total_ram=total_ram_bytes(), free_vram=vram)
