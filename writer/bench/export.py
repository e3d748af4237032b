"""``writer bench --only export``: DOCX, EPUB and ODT export of a 1 MB novel.

Seconds per format (target ≤ 3 s each), and DOCX against the naive baseline
of python-docx alone (one ``add_paragraph`` per paragraph, no runs, no
styles), which is the least any DOCX export does.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from writer.bench import Figure

SIZE = 1024 * 1024
PARAGRAPH = (
    "The keeper had not spoken to anyone in *three weeks*. Each morning he climbed the spiral "
    "stairs, wiped the salt from the great lens, and wrote a single line in the logbook.\n\n"
)
ROUNDS = 3


def novel(size: int) -> str:
    """Return a Markdown novel of about ``size`` bytes: chapters, paragraphs, scene breaks."""
    chapter = "## Chapter {}\n\n" + PARAGRAPH * 20 + "* * *\n\n" + PARAGRAPH * 20
    parts, total, number = ["# The Lighthouse\n\n"], 0, 1
    while total < size:
        part = chapter.format(number)
        parts.append(part)
        total += len(part)
        number += 1
    return "".join(parts)


def _figure(name: str, key: str, value: float, target: str, ok: bool, detail: str) -> Figure:
    """Return a figure of this section, with its stable key when figures carry one."""
    extra = {"key": key} if "key" in Figure.__dataclass_fields__ else {}
    return Figure("export", name, value, target, ok, detail, **extra)


def _naive_docx(text: str, path: Path) -> None:
    """Write ``text`` with python-docx alone: one plain paragraph per paragraph."""
    import docx

    document = docx.Document()
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph)
    document.save(str(path))


def bench_figures(_model: Path) -> list[Figure]:
    """Export a 1 MB novel as DOCX, EPUB and ODT."""
    from writer.manuscript.export import ExportOptions, export_text

    text = novel(SIZE)
    options = ExportOptions(author="Bench Writer")
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="writer-bench-export-") as temp:
        folder = Path(temp)
        for fmt in ("docx", "epub", "odt"):
            times = []
            for _ in range(ROUNDS):
                started = time.perf_counter()
                export_text(text, folder / f"novel.{fmt}", fmt, options)
                times.append(time.perf_counter() - started)
            seconds[fmt] = statistics.median(times)
        naive = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            _naive_docx(text, folder / "naive.docx")
            naive.append(time.perf_counter() - started)
    raw = statistics.median(naive)
    megabytes = len(text.encode("utf-8")) / 1e6
    figures = [
        _figure(
            f"{fmt.upper()} export of a 1 MB novel, seconds",
            f"export.{fmt}_seconds_1mb",
            value,
            "<= 3",
            value <= 3.0,
            f"{megabytes:.2f} MB of Markdown",
        )
        for fmt, value in seconds.items()
    ]
    figures.append(
        _figure(
            "DOCX export / python-docx plain paragraphs",
            "export.docx_over_raw",
            seconds["docx"] / raw,
            "<= 3",
            seconds["docx"] / raw <= 3,
            f"raw {raw:.2f} s",
        )
    )
    return figures
