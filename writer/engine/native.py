"""What the rest of the app needs from llama.cpp itself, outside a loaded model.

llama-cpp-python is imported only under ``writer/engine``: the About box asks
:func:`system_info`, logging calls :func:`route_llama_log`, and the benchmark
loads its raw baseline with :func:`raw_llama`.
"""

from __future__ import annotations

import ctypes
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

_llama_callback: Any = None  # kept alive: llama.cpp holds a pointer to it


def version() -> str:
    """Return llama-cpp-python's version."""
    import llama_cpp

    return str(getattr(llama_cpp, "__version__", "?"))


def system_info() -> str:
    """Return llama.cpp's line of CPU features and backends, or "" when it cannot say."""
    import llama_cpp

    try:
        return llama_cpp.llama_print_system_info().decode("utf-8", "replace").strip()
    except (AttributeError, OSError):
        return ""


def route_llama_log() -> None:
    """Send llama.cpp's log lines to the ``llama_cpp`` logger instead of stderr."""
    global _llama_callback
    try:
        import llama_cpp
    except ImportError:  # pragma: no cover - llama-cpp-python is a dependency
        return
    logger = logging.getLogger("llama_cpp")
    logger.setLevel(logging.WARNING)  # llama.cpp's INFO is a hundred lines per model load
    # ggml's levels: 1 debug, 2 info, 3 warning, 4 error, 5 continues the previous line.
    levels = {1: logging.DEBUG, 2: logging.INFO, 3: logging.WARNING, 4: logging.ERROR}
    last = [logging.DEBUG]

    @llama_cpp.llama_log_callback
    def callback(level: int, text: bytes, _user_data: ctypes.c_void_p) -> None:
        python_level = last[0] if level == 5 else levels.get(level, logging.DEBUG)
        last[0] = python_level
        message = text.decode("utf-8", errors="replace").rstrip()
        if message and logger.isEnabledFor(python_level):
            logger.log(python_level, "%s", message)

    _llama_callback = callback
    llama_cpp.llama_log_set(callback, ctypes.c_void_p(0))


def raw_llama(model: Path, n_ctx: int) -> Any:
    """Load ``model`` with raw llama-cpp-python on the CPU, as the backend does (bench baseline)."""
    import llama_cpp

    from writer.engine.backend import default_thread_count, safe_cpu_buffers

    threads = default_thread_count()
    with safe_cpu_buffers():
        return llama_cpp.Llama(
            model_path=str(model),
            n_ctx=n_ctx,
            n_gpu_layers=0,
            n_threads=threads,
            n_threads_batch=threads,
            verbose=False,
        )
