"""``writer bench --only snapshot``: a snapshot of a 10 MB novel, and the GUI while it is taken.

Figures: seconds to take the snapshot in the core (target ≤ 0.2 s), the same
against writing the raw gzip of the text (what any snapshot must at least do),
its size on disk, and the GUI's longest stall (the event loop's longest pause,
seen by a 1 ms timer) while the window takes one and while it writes the
document's recovery copy (target ≤ 20 ms each: the text is taken from the
editor's mirror as a list of chunks, and encoded, compressed and written off
the GUI thread).
"""

from __future__ import annotations

import gzip
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from writer.bench import Figure

if TYPE_CHECKING:
    from collections.abc import Callable

SIZE = 10 * 1024 * 1024
ROUNDS = 3
#: Rounds in the window: the GUI's stalls vary more than the core's times.
WINDOW_ROUNDS = 5
#: Syllables of made-up words: text that compresses like prose, not like one repeated line.
_SYLLABLES = ("ka", "lo", "mi", "ren", "sa", "tor", "ve", "lin", "da", "mor", "el", "an", "is")
_HAN = "灯塔看守人爬上楼梯擦去镜片的盐写下一行风天气船只夜色降临钟声响了"


def novel(size: int, seed: int = 1) -> str:
    """Return a novel-like text of about ``size`` bytes: chapters of made-up prose."""
    rnd = random.Random(seed)
    words = ["".join(rnd.choices(_SYLLABLES, k=rnd.randint(1, 4))) for _ in range(3000)]
    words += ["".join(rnd.choices(_HAN, k=rnd.randint(1, 3))) for _ in range(300)]
    block: list[str] = []
    length = 0
    while length < 600_000:  # beyond zlib's 32 KB window, so repeats do not compress away
        sentence = " ".join(rnd.choices(words, k=rnd.randint(6, 20))).capitalize() + "."
        paragraph = sentence if rnd.random() < 0.2 else sentence + " " + sentence[::-1]
        block.append(paragraph)
        length += len(paragraph) + 2
    chapters, total, number = [], 0, 1
    body = "\n\n".join(block)
    while total < size:
        chapter = f"## Chapter {number}\n\n{body}\n\n"
        chapters.append(chapter)
        total += len(chapter.encode("utf-8"))
        number += 1
    return "".join(chapters)[:size]


def _figure(name: str, key: str, value: float, target: str, ok: bool, detail: str) -> Figure:
    """Return a figure of this section with its stable key."""
    return Figure("snapshot", name, value, target, ok, detail, key=key)


def _core(folder: Path, text: str) -> tuple[float, float, int]:
    """Return (median seconds of a snapshot, of a raw gzip write, bytes on disk)."""
    from writer.manuscript.snapshots import COMPRESS_LEVEL, SnapshotStore

    document = folder / "novel.md"
    document.write_text(text, encoding="utf-8")
    store = SnapshotStore(document)
    app, raw, size = [], [], 0
    for round_ in range(ROUNDS):
        started = time.perf_counter()
        info = store.take(text, {}, name=f"bench {round_}")
        app.append(time.perf_counter() - started)
        assert info is not None
        size = info.path.stat().st_size
        started = time.perf_counter()
        data = gzip.compress(text.encode("utf-8"), compresslevel=COMPRESS_LEVEL, mtime=0)
        with open(folder / "raw.gz", "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        raw.append(time.perf_counter() - started)
    return statistics.median(app), statistics.median(raw), size


class _Gaps:
    """The event loop's pauses, seen by a 1 ms timer: the longest is the GUI's worst stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self._last = 0.0
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        if self._last:
            self.gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        """Start watching, forgetting earlier pauses."""
        self.gaps.clear()
        self._last = 0.0
        self.timer.start()

    def stop(self) -> float:
        """Stop watching; return the longest pause in seconds."""
        self.timer.stop()
        return max(self.gaps, default=0.0)


def _run_for(milliseconds: int) -> None:
    """Let the event loop run for ``milliseconds``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def _until(signal: Any, start: Callable[[], object], timeout_ms: int = 60_000) -> None:
    """Call ``start`` and run the event loop until ``signal`` is emitted (or the timeout)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    start()
    loop.exec()
    signal.disconnect(loop.quit)


def _gui_stall(folder: Path, text: str) -> dict[str, float]:
    """Return the GUI's longest stalls while the window snapshots and autosaves ``text``.

    Keys: ``snapshot`` and ``autosave`` (longest stall), ``snapshot_took`` (seconds from
    Take to the snapshot on disk), ``idle`` (longest pause of the same window doing
    nothing, in the same run: how much of a stall is the machine, not the work).
    The window is first left to finish counting the words of the new document (a
    job of its own on the GUI thread), so the rounds measure the snapshots alone.
    """
    from writer.gui.app import create_application

    create_application()
    from writer.gui.main_window import MainWindow

    document = folder / "window.md"
    document.write_text(text, encoding="utf-8")
    window = MainWindow([document], load_model=False)
    feature = window.manuscript
    editor = window.current_editor()
    waited = 0
    while not any(c.isdigit() for c in window.status.text("statusCounts")) and waited < 30_000:
        _run_for(100)
        waited += 100
    gaps = _Gaps()
    worst, saved, took, idle = [], [], [], []
    for round_ in range(WINDOW_ROUNDS):
        gaps.start()
        _run_for(600)
        idle.append(gaps.stop())
        gaps.start()
        _run_for(50)
        started = time.perf_counter()
        _until(feature.snapshotTaken, lambda r=round_: feature.take(editor, f"stall {r}"))
        took.append(time.perf_counter() - started)
        worst.append(gaps.stop())
        editor.document().setModified(True)  # as if typed: the recovery copy is due
        window.autosave.store.discard(editor.state.doc_id)  # so it is written again
        gaps.start()
        _run_for(50)
        _until(window.autosave.autosaved, lambda: window.autosave.save(editor))
        saved.append(gaps.stop())
    editor.document().setModified(False)
    window.autosave.store.discard(editor.state.doc_id)
    window.close()
    window.deleteLater()
    return {
        "snapshot": statistics.median(worst),
        "autosave": statistics.median(saved),
        "snapshot_took": statistics.median(took),
        "idle": statistics.median(idle),
    }


def bench_figures(_model: Path) -> list[Figure]:
    """Snapshot a 10 MB novel in the core and in the window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    text = novel(SIZE)
    megabytes = len(text.encode("utf-8")) / 1e6
    with tempfile.TemporaryDirectory(prefix="writer-bench-snapshot-") as temp:
        folder = Path(temp)
        app, raw, size = _core(folder, text)
        gui = _gui_stall(folder, text)
    stall, took, idle = gui["snapshot"], gui["snapshot_took"], gui["idle"]
    machine = f"an idle window's longest pause in the same run: {idle * 1000:.0f} ms"
    return [
        _figure(
            "snapshot of a 10 MB novel, seconds",
            "snapshot.seconds_10mb",
            app,
            "<= 0.2",
            app <= 0.2,
            f"{megabytes:.1f} MB of text",
        ),
        _figure(
            "snapshot / raw gzip write of the same text",
            "snapshot.over_raw",
            app / raw,
            "<= 1.5",
            app / raw <= 1.5,
            f"raw {raw * 1000:.0f} ms",
        ),
        _figure(
            "snapshot size on disk, MB",
            "snapshot.megabytes_on_disk_10mb",
            size / 1e6,
            "< 10",
            size / 1e6 < 10,
            f"{size / 1e6 / megabytes:.0%} of the text",
        ),
        _figure(
            "longest GUI stall while the window takes a snapshot, ms",
            "snapshot.gui_stall_ms_10mb",
            stall * 1000,
            "<= 20",
            stall <= 0.020,
            f"written {took * 1000:.0f} ms after Take; {machine}",
        ),
        _figure(
            "longest GUI stall while the window writes a recovery copy, ms",
            "snapshot.autosave_gui_stall_ms_10mb",
            gui["autosave"] * 1000,
            "<= 20",
            gui["autosave"] <= 0.020,
            machine,
        ),
    ]
