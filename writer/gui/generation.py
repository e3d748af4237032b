"""Streaming a job's text into an editor: Continue, Regenerate, templates at the cursor.

One stream at a time. Text is applied only for the job the stream waits for;
pieces of a cancelled or superseded job are dropped. When the writer changes
the passage while it streams (Undo, for one), the job is stopped and nothing
more is inserted: the document stays exactly as the writer's edit left it.
When a server's stream breaks off mid-passage, the text so far stays (one
undo step) and is marked in the editor as cut short: a mark drawn over the
text, never written into it, so saving the document saves only the words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from writer.gui.messages import localized_text

if TYPE_CHECKING:
    from writer.engine.backend import GenerationStats
    from writer.engine.engine_thread import Engine
    from writer.engine.jobs import Job
    from writer.gui.widgets.editor import Editor


class StreamController(QObject):
    """Sends a job to the engine and inserts its text into one editor."""

    started = Signal(int)  # job id
    finished = Signal(int, object)  # job id, GenerationStats
    failed = Signal(int, str)  # job id, message; the text inserted so far stays
    # job id, message: the stream broke off mid-passage; the passage so far stays, marked
    # as cut short (``failed`` follows, for those who only clean up)
    cutShort = Signal(int, str)

    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.job_id: int | None = None
        self.editor: Editor | None = None
        self.last_job: Job | None = None  # what wrote the last passage, for Regenerate
        self._broke_off: tuple[int, str] | None = None  # (job id, message) of a cut stream
        self.cut_short_job: int | None = None  # the last job whose passage was cut short
        engine.text.connect(self._on_text)
        engine.finished.connect(self._on_finished)
        engine.failed.connect(self._on_failed)
        engine.interrupted.connect(self._on_broke_off)

    @property
    def active(self) -> bool:
        """Return whether a stream is running or waiting in the queue."""
        return self.job_id is not None

    def stream(
        self,
        editor: Editor,
        job: Job,
        *,
        replace_last: bool = False,
        replace: tuple[int, int] | None = None,
    ) -> int:
        """Queue ``job`` and stream its text into ``editor`` at the cursor; return the job id.

        ``replace_last`` streams over the last generated passage, ``replace`` over a range.
        """
        self.stop()
        editor.begin_stream(replace_last=replace_last, replace=replace)
        editor.streamInterrupted.connect(self._on_interrupted)
        self.editor = editor
        self.last_job = job
        self.job_id = self.engine.submit(job)
        self.started.emit(self.job_id)
        return self.job_id

    def stop(self) -> None:
        """Stop the stream; text already inserted stays (one undo step)."""
        if self.job_id is not None:
            self.engine.cancel(self.job_id)

    @Slot(int, str)
    def _on_text(self, job_id: int, piece: str) -> None:
        if job_id != self.job_id or self.editor is None:
            return
        self.editor.insert_stream(piece)

    def _release_editor(self) -> None:
        """End the stream in the editor; later pieces of the job are dropped."""
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.streamInterrupted.disconnect(self._on_interrupted)
            editor.end_stream()

    @Slot()
    def _on_interrupted(self) -> None:
        """The writer edited the document mid-stream: stop the job, insert nothing more."""
        self._release_editor()
        self.stop()

    def _close(self) -> None:
        self._release_editor()
        self.job_id = None

    @Slot(int, object)
    def _on_finished(self, job_id: int, stats: GenerationStats) -> None:
        if job_id != self.job_id:
            return
        self._close()
        self.finished.emit(job_id, stats)

    @Slot(int, str)
    def _on_broke_off(self, job_id: int, message: str) -> None:
        """The engine says the job's stream broke off; its failure follows."""
        if job_id == self.job_id:
            self._broke_off = (job_id, message)

    @Slot(int, str)
    def _on_failed(self, job_id: int, message: str) -> None:
        if job_id != self.job_id:
            return
        editor = self.editor
        broke_off, self._broke_off = self._broke_off == (job_id, message), None
        self._close()
        if broke_off and editor is not None:
            note = self.tr("Cut short: {0}").format(localized_text(message))
            if editor.mark_cut_short(note):
                self.cut_short_job = job_id
                self.cutShort.emit(job_id, message)
        self.failed.emit(job_id, message)
