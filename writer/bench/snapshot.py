"""``writer bench --only snapshot``: a snapshot of a 10 MB novel, and the GUI while it is taken.

Figures: seconds to take the snapshot in the core (target ≤ 0.2 s), the same
against writing the raw gzip of the text (what any snapshot must at least do),
its size on disk, and the GUI's longest stall while the window takes one
(target ≤ 20 ms: the text is read from the editor's mirror and compressed off
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

from writer.bench import Figure

SIZE = 10 * 1024 * 1024
ROUNDS = 3
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
    """Return a figure of this section, with its stable key when figures carry one."""
    extra = {"key": key} if "key" in Figure.__dataclass_fields__ else {}
    return Figure("snapshot", name, value, target, ok, detail, **extra)


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


def _gui_stall(folder: Path, text: str) -> tuple[float, float, float]:
    """Return (longest GUI stall, seconds until written, longest stall of an idle window).

    The idle window's longest pause, measured the same way in the same run, tells how
    much of a stall is the machine (a busy CPU) rather than the snapshot.
    """
    from writer.gui.app import create_application

    create_application()
    from PySide6.QtCore import QEventLoop, QTimer

    from writer.gui.main_window import MainWindow

    document = folder / "window.md"
    document.write_text(text, encoding="utf-8")
    window = MainWindow([document], load_model=False)
    feature = window.manuscript
    editor = window.current_editor()
    stalls: list[float] = []
    last = [0.0]

    def beat() -> None:
        now = time.perf_counter()
        if last[0]:
            stalls.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(beat)
    done = QEventLoop()
    feature.snapshotTaken.connect(lambda _info: done.quit())
    feature.snapshotFailed.connect(lambda _message: done.quit())
    worst, took, idle = [], [], []
    for round_ in range(ROUNDS):
        stalls.clear()
        last[0] = 0.0
        heartbeat.start()
        quiet = QEventLoop()
        QTimer.singleShot(600, quiet.quit)
        quiet.exec()
        heartbeat.stop()
        idle.append(max(stalls, default=0.0))
        stalls.clear()
        last[0] = 0.0
        heartbeat.start()
        settle = QEventLoop()
        QTimer.singleShot(50, settle.quit)
        settle.exec()
        started = time.perf_counter()
        feature.take(editor, f"stall {round_}")
        done.exec()
        took.append(time.perf_counter() - started)
        heartbeat.stop()
        worst.append(max(stalls, default=0.0))
    window.close()
    window.deleteLater()
    return statistics.median(worst), statistics.median(took), statistics.median(idle)


def bench_figures(_model: Path) -> list[Figure]:
    """Snapshot a 10 MB novel in the core and in the window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    text = novel(SIZE)
    megabytes = len(text.encode("utf-8")) / 1e6
    with tempfile.TemporaryDirectory(prefix="writer-bench-snapshot-") as temp:
        folder = Path(temp)
        app, raw, size = _core(folder, text)
        stall, took, idle = _gui_stall(folder, text)
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
            f"written {took * 1000:.0f} ms after Take; an idle window's longest pause "
            f"in the same run: {idle * 1000:.0f} ms",
        ),
    ]
