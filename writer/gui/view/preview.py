"""The Markdown preview pane: rendered after typing pauses, never touching the network.

Conversion runs on a worker thread, one at a time (as ReText does): text that
arrives while a conversion runs waits, and only the newest waiting text is
rendered next. :meth:`PreviewPane.loadResource` serves only local files in the
document's folder, so a remote image or stylesheet is never fetched.
"""

from __future__ import annotations

import base64
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from writer.core.markdown_render import PREVIEW_CSS, is_remote_url, render_fragment

log = logging.getLogger(__name__)

#: Characters of Markdown rendered live while typing (python-markdown takes ~5 s per MB).
LIVE_LIMIT = 1_000_000


class _RenderSignals(QObject):
    """Carries a finished conversion back to the GUI thread."""

    finished = Signal(int, str)


class _RenderJob(QRunnable):
    """Converts one text to safe HTML off the GUI thread."""

    def __init__(self, job_id: int, text: str) -> None:
        super().__init__()
        self.job_id = job_id
        self.text = text
        self.signals = _RenderSignals()

    def run(self) -> None:
        """Render the text and report the HTML (or an error note)."""
        try:
            result = render_fragment(self.text, translate=QCoreApplication.translate)
        except Exception as error:  # a renderer bug must not kill the preview
            log.exception("preview rendering failed")
            failed = QCoreApplication.translate("PreviewPane", "Preview failed: {0}")
            result = f"<p><i>{failed.format(type(error).__name__)}</i></p>"
        self.signals.finished.emit(self.job_id, result)


class PreviewPane(QTextBrowser):
    """Read-only rendered view of the current document (objectName ``preview``)."""

    #: Emitted after new HTML is shown.
    rendered = Signal()
    #: Emitted with the URL when the user clicks a link (links are never followed here).
    linkActivated = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None, *, delay_ms: int = 400) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAccessibleName("preview")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(PREVIEW_CSS)
        self.anchorClicked.connect(self.linkActivated)
        self._base_dir: Path | None = None
        self._pending: str | None = None
        self._busy = False
        self._job_id = 0
        self._jobs: dict[int, _RenderJob] = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start_pending)
        #: Remote URLs refused since the pane was made (for the curious and for tests).
        self.blocked_urls: list[str] = []
        #: Longest text rendered live while typing; longer ones wait for render_now().
        self.live_limit = LIVE_LIMIT
        #: True when the shown HTML is older than the text (a too-long text was skipped).
        self.stale = False

    def set_base_dir(self, folder: str | Path | None) -> None:
        """Set the document's folder; relative images are loaded from it (and only from it)."""
        self._base_dir = Path(folder).resolve() if folder else None
        url = QUrl.fromLocalFile(str(self._base_dir) + "/") if self._base_dir else QUrl()
        self.document().setBaseUrl(url)

    def schedule_update(self, text: str) -> None:
        """Render ``text`` once typing has paused (restarts the wait on every call).

        Texts longer than :attr:`live_limit` are not rendered while typing (python-markdown
        needs seconds for them); :meth:`render_now` still renders them on request.
        """
        if len(text) > self.live_limit:
            self.stale = True
            return
        self._pending = text
        self._timer.start()

    def render_now(self, text: str) -> None:
        """Render ``text`` as soon as the worker is free, without waiting for a pause."""
        self._pending = text
        self._timer.stop()
        self._start_pending()

    def is_busy(self) -> bool:
        """Return True while a conversion runs or waits to run."""
        return self._busy or self._pending is not None

    def scroll_to_fraction(self, fraction: float) -> None:
        """Scroll so that ``fraction`` (0 = top, 1 = bottom) of the page is at the top."""
        bar = self.verticalScrollBar()
        bar.setValue(round(max(0.0, min(1.0, fraction)) * bar.maximum()))

    def scroll_fraction(self) -> float:
        """Return the current scroll position as a fraction of the scrollable height."""
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() else 0.0

    def loadResource(self, kind: int, url: QUrl) -> Any:
        """Return local images in the document's folder; refuse everything remote."""
        text = url.toString()
        is_image = getattr(kind, "value", kind) == QTextDocument.ResourceType.ImageResource.value
        if url.scheme() == "data" and is_image:
            return self._data_image(text)
        if is_remote_url(text) or url.scheme() not in ("", "file"):
            self.blocked_urls.append(text)
            log.info("preview refused remote resource %s", text)
            return None
        path = self._local_path(url)
        if path is None:
            self.blocked_urls.append(text)
            return None
        if is_image:
            image = QImage(str(path))
            return None if image.isNull() else image
        try:
            return path.read_bytes()
        except OSError:
            return None

    def _local_path(self, url: QUrl) -> Path | None:
        """Return the file ``url`` names if it lies inside the document's folder."""
        if self._base_dir is None:
            return None
        raw = url.toLocalFile() if url.isLocalFile() else url.path()
        candidate = Path(raw)
        if not candidate.is_absolute():
            candidate = self._base_dir / candidate
        try:
            resolved = candidate.resolve()
        except OSError:
            return None
        if not resolved.is_relative_to(self._base_dir) or not resolved.is_file():
            return None
        return resolved

    @staticmethod
    def _data_image(text: str) -> QImage | None:
        """Decode an inline ``data:image/...;base64,`` image."""
        header, _, payload = text.partition(",")
        if not header.startswith("data:image/") or ";base64" not in header:
            return None
        try:
            image = QImage.fromData(base64.b64decode(payload))
        except ValueError:
            return None
        return None if image.isNull() else image

    @Slot()
    def _start_pending(self) -> None:
        """Start converting the newest waiting text, unless a conversion runs already."""
        if self._busy or self._pending is None:
            return
        text, self._pending = self._pending, None
        self._busy = True
        self.stale = False
        self._job_id += 1
        job = _RenderJob(self._job_id, text)
        job.setAutoDelete(False)
        job.signals.finished.connect(self._show)
        self._jobs[self._job_id] = job
        self._pool.start(job)

    @Slot(int, str)
    def _show(self, job_id: int, fragment: str) -> None:
        """Show a finished conversion, keeping the scroll position, then start the next."""
        self._jobs.pop(job_id, None)
        self._busy = False
        fraction = self.scroll_fraction()
        self.setHtml(fragment)
        self.scroll_to_fraction(fraction)
        self.rendered.emit()
        if not self._timer.isActive():
            self._start_pending()

    def shutdown(self) -> None:
        """Stop waiting work and wait for a running conversion (call before closing)."""
        self._timer.stop()
        self._pending = None
        self._pool.waitForDone(5000)
