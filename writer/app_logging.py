"""Logging: details go to a rotating log file; the terminal sees one clear line at most.

llama.cpp's own log and library noise (huggingface_hub retries, warnings)
are routed into the log file instead of the user's terminal.
"""

from __future__ import annotations

import ctypes
import logging
import logging.handlers
from pathlib import Path

from writer.config import log_dir

LOG_FILE = "writer.log"
_llama_callback = None  # keep the ctypes callback alive


def setup_logging(*, verbose: bool = False) -> Path | None:
    """Send logs to ``log_dir()/writer.log`` (rotating); return its path, or None if unwritable."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        if getattr(handler, "_writer", False):
            root.removeHandler(handler)
    path: Path | None = log_dir() / LOG_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
    except OSError:
        path = None
        handler = logging.NullHandler()
    handler._writer = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    logging.captureWarnings(True)
    for noisy in ("huggingface_hub", "urllib3", "httpx", "filelock"):
        logging.getLogger(noisy).propagate = True
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
    levels = {2: logging.ERROR, 3: logging.WARNING, 4: logging.INFO, 1: logging.DEBUG}

    @llama_cpp.llama_log_callback
    def callback(level: int, text: bytes, _user_data: ctypes.c_void_p) -> None:
        message = text.decode("utf-8", errors="replace").rstrip()
        if message:
            logger.log(levels.get(level, logging.DEBUG), "%s", message)

    _llama_callback = callback
    llama_cpp.llama_log_set(callback, ctypes.c_void_p(0))
