"""Logging: details go to a rotating log file; the terminal sees one clear line at most.

llama.cpp's own log and library noise (huggingface_hub retries, warnings)
are routed into the log file instead of the user's terminal.
"""

from __future__ import annotations

import logging
import logging.handlers
from typing import TYPE_CHECKING

from writer.config import log_dir

if TYPE_CHECKING:
    from pathlib import Path

LOG_FILE = "writer.log"
HANDLER_NAME = "writer"  # the name of the handler setup_logging adds, so a second call replaces it


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
    from writer.engine.native import route_llama_log

    route_llama_log()
    return path
