"""Big documents: opening and streaming into 10 MB against 1 KB, in the real window.

Per-token cost is the time :meth:`Editor.insert_stream` takes, with every
feature of the window listening (autosave, counts, outline), for a document of
each size. Target: the 10 MB per-token cost at most 1.5 times the 1 KB one.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from writer.bench.common import Figure

PARAGRAPH = (
    "The lighthouse keeper climbed the stairs, wiped the salt from the lens and wrote "
    "one line in the logbook: wind, weather, ships seen.\n\n"
)
PIECES = 400


def _make(path: Path, size: int) -> Path:
    """Write a document of about ``size`` bytes."""
    text = PARAGRAPH * max(1, size // len(PARAGRAPH))
    path.write_text(text[:size] if size < len(PARAGRAPH) else text, encoding="utf-8")
    return path


def _measure(window, path: Path) -> tuple[float, float]:
    """Return (seconds to open, median seconds per streamed piece) for ``path``."""
    from PySide6.QtWidgets import QApplication

    started = time.perf_counter()
    editor = window.open_document(path)
    QApplication.processEvents()
    opened = time.perf_counter() - started
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.begin_stream()
    costs = []
    for i in range(PIECES):
        t0 = time.perf_counter()
        editor.insert_stream(" word" if i % 20 else "\n\n")
        QApplication.processEvents()
        costs.append(time.perf_counter() - t0)
    editor.end_stream()
    editor.document().setModified(False)
    window.close_tab(window.tabs.indexOf(editor))
    return opened, statistics.median(costs)


def bench_figures(_model: Path) -> list[Figure]:
    """Open and stream into a 1 KB and a 10 MB document in the main window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from writer.gui.app import create_application

    create_application()
    from writer.gui.main_window import MainWindow

    with tempfile.TemporaryDirectory(prefix="writer-bench-docs-") as folder:
        small = _make(Path(folder) / "small.md", 1_000)
        big = _make(Path(folder) / "big.md", 10_000_000)
        window = MainWindow(load_model=False)
        window.show()
        small_open, small_cost = _measure(window, small)
        big_open, big_cost = _measure(window, big)
        window.engine.shutdown()
        window.deleteLater()
    ratio = big_cost / small_cost if small_cost else 0.0
    return [
        Figure(
            "documents",
            "per streamed token, 10 MB document / 1 KB",
            ratio,
            "<= 1.5",
            ratio <= 1.5,
            f"{big_cost * 1e6:.0f} µs vs {small_cost * 1e6:.0f} µs per piece",
        ),
        Figure(
            "documents",
            "open 10 MB (s)",
            big_open,
            "(figure)",
            True,
            f"1 KB opens in {small_open * 1000:.1f} ms",
        ),
    ]
