"""The status bar's context figure: what the document on screen has used of the window.

``statusContext`` reads "prompt + generated / context" for the document shown:
it grows while Continue (or a template) writes into that document, is kept
per document, and reads "0 / 4096" for a document nothing was generated for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

if TYPE_CHECKING:
    from collections.abc import Callable

    from writer.engine.backend import GenerationStats
    from writer.engine.engine_thread import Engine
    from writer.gui.generation import StreamController
    from writer.gui.widgets.editor import Editor
    from writer.gui.widgets.status_bar import StatusBar

#: The editor property that holds the document's figure: (used tokens, tooltip).
USED = "contextUsed"
DETAIL = "contextDetail"


class ContextMeter(QObject):
    """Keeps ``statusContext`` live and per document."""

    def __init__(
        self,
        engine: Engine,
        stream: StreamController,
        status: StatusBar,
        current_editor: Callable[[], Editor | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._stream = stream
        self._status = status
        self._current_editor = current_editor
        self._editors: dict[int, Editor] = {}  # job id -> the editor it writes into
        stream.started.connect(self._on_started)
        stream.finished.connect(self._on_finished)
        stream.failed.connect(lambda job_id, _message: self._editors.pop(job_id, None))
        engine.generated.connect(self._on_generated)
        engine.modelLoaded.connect(lambda _info: self._forget_all())

    def show(self) -> None:
        """Show the figure of the document on screen."""
        info = self._engine.model
        editor = self._current_editor()
        if info is None or editor is None:
            return
        used = editor.property(USED) or 0
        self._status.set(
            "statusContext", f"{used} / {info.n_ctx}", str(editor.property(DETAIL) or "")
        )

    def _forget_all(self) -> None:
        """A new model: no document has used its window yet."""
        for editor in list(self._editors.values()):
            editor.setProperty(USED, 0)
        self.show()

    def _record(self, editor: Editor, used: int, detail: str = "") -> None:
        editor.setProperty(USED, used)
        editor.setProperty(DETAIL, detail)
        if editor is self._current_editor():
            self.show()

    @Slot(int)
    def _on_started(self, job_id: int) -> None:
        if self._stream.editor is not None:
            self._editors[job_id] = self._stream.editor

    @Slot(int, int)
    def _on_generated(self, job_id: int, tokens: int) -> None:
        editor = self._editors.get(job_id)
        job = self._stream.last_job
        if editor is None or job is None or job_id != self._stream.job_id:
            return
        if job.prompt_tokens:
            self._record(editor, job.prompt_tokens + tokens)

    @Slot(int, object)
    def _on_finished(self, job_id: int, stats: GenerationStats) -> None:
        editor = self._editors.pop(job_id, None)
        if editor is None or not stats.prompt_tokens:
            return
        detail = self.tr("{0} prompt tokens, {1} reused from the cache").format(
            stats.prompt_tokens, stats.cached_tokens
        )
        self._record(editor, stats.prompt_tokens + stats.tokens, detail)
