"""Logging: details go to a rotating log file; the terminal sees one clear line at most.

llama.cpp's own log and library noise (huggingface_hub retries, warnings)
are routed into the log file instead of the user's terminal.
"""

from __future__ import annotations

import ctypes
import logging
import logging.handlers
from typing import TYPE_CHECKING

from writer.config import log_dir

if TYPE_CHECKING:
    from pathlib import Path

LOG_FILE = "writer.log"
HANDLER_NAME = "writer"  # the name of the handler setup_logging adds, so a second call replaces it
_llama_callback = None  # keep the ctypes callback alive


def setup_logging(*, verbose: bool = False) -> Path | None:
    """Send logs to ``log_dir()/writer.log`` (rotating); return its path, or None if unwritable."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        if handler.get_name() == HANDLER_NAME:
            root.removeHandler(handler)
    path: Path | None = log_dir() / LOG_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    except OSError:
        path = None
        handler = logging.NullHandler()
    handler.set_name(HANDLER_NAME)
    root.addHandler(handler)
    logging.captureWarnings(True)
    route_llama_log()
    return path


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
