"""The assistant's requests in the engine: which transcript entry each job's text goes to.

Every request of the assistant panel (a chat question, a summary, a selection
tool) is a job sent to the one engine. This keeps, by job id, the entry its
text goes to and the conversation that entry belongs to; text, progress and
notices of a job reach only its own entry, and a job that was stopped keeps
what it had made, as does one whose server stream broke off (cut short). It
changes the entries' data and says so by signals; the panel draws them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from writer.engine.assistant_jobs import ChatJob, SummaryJob, ToolJob

if TYPE_CHECKING:
    from writer.engine.backend import GenerationStats
    from writer.engine.engine_thread import Engine
    from writer.engine.jobs import Job
    from writer.gui.assistant.transcript import Conversation, Entry


class AssistantRequests(QObject):
    """The panel's jobs in the engine, by id, and what becomes of their entries."""

    started = Signal(object)  # Entry whose job started running
    textAdded = Signal(object)  # Entry whose text grew
    progressed = Signal(object, int, int, str)  # Entry, step, total, stage
    noticed = Signal(object, object, str)  # Conversation, Entry, message (once per model)
    finished = Signal(object, object, object, object)  # Entry, Conversation, Job, stats
    failed = Signal(object, str)  # Entry (now a note), message
    cutShort = Signal(object, object, object, str)  # Entry (text kept), Conversation, Job, message
    queueChanged = Signal()  # jobs waiting in the engine changed

    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._jobs: dict[int, tuple[Entry, Conversation, Job]] = {}
        self._told: set[str] = set()
        self._broke_off: set[int] = set()  # jobs whose stream broke off (their failure follows)
        engine.jobStarted.connect(self._on_started)
        engine.text.connect(self._on_text)
        engine.progress.connect(self._on_progress)
        engine.notice.connect(self._on_notice)
        engine.finished.connect(self._on_finished)
        engine.failed.connect(self._on_failed)
        engine.interrupted.connect(lambda job_id, _message: self._broke_off.add(job_id))
        engine.queueChanged.connect(lambda _n: self.queueChanged.emit())
        engine.modelLoaded.connect(lambda _info: self._told.clear())

    def submit(self, job: Job, entry: Entry, conversation: Conversation) -> int:
        """Send ``job`` to the engine; its text will go to ``entry``. Return the job id."""
        job_id = self.engine.submit(job)
        entry.job_id = job_id
        self._jobs[job_id] = (entry, conversation, job)
        return job_id

    def cancel(self, job_id: int | None) -> None:
        """Stop job ``job_id`` if it is one of the assistant's."""
        if job_id is not None and job_id in self._jobs:
            self.engine.cancel(job_id)

    def forget(self, conversation: Conversation) -> None:
        """Stop every job of ``conversation`` and drop what they would still report."""
        for job_id, (_entry, owner, _job) in list(self._jobs.items()):
            if owner is conversation:
                self.engine.cancel(job_id)
                self._jobs.pop(job_id, None)

    def waiting(self) -> int:
        """Return how many of the assistant's jobs wait for the engine."""
        return sum(1 for entry, _c, _j in self._jobs.values() if entry.state == "waiting")

    def running(self) -> bool:
        """Return whether one of the assistant's jobs is being written."""
        return any(entry.state == "running" for entry, _c, _j in self._jobs.values())

    def _entry(self, job_id: int) -> Entry | None:
        """Return the entry the text of job ``job_id`` goes to (None: not the assistant's job)."""
        found = self._jobs.get(job_id)
        return found[0] if found else None

    # -- engine reports ---------------------------------------------------------------------

    @Slot(int, str)
    def _on_started(self, job_id: int, _kind: str) -> None:
        if (entry := self._entry(job_id)) is not None:
            entry.state = "running"
            self.started.emit(entry)

    @Slot(int, str)
    def _on_text(self, job_id: int, piece: str) -> None:
        if (entry := self._entry(job_id)) is not None:
            entry.text += piece
            self.textAdded.emit(entry)

    @Slot(int, int, int, str)
    def _on_progress(self, job_id: int, step: int, total: int, stage: str) -> None:
        if (entry := self._entry(job_id)) is not None:
            self.progressed.emit(entry, step, total, stage)

    @Slot(int, str)
    def _on_notice(self, job_id: int, message: str) -> None:
        """Pass a job's notice (a fallback was taken) on once per model."""
        if job_id not in self._jobs or message in self._told:
            return
        self._told.add(message)
        entry, conversation, _job = self._jobs[job_id]
        self.noticed.emit(conversation, entry, message)

    @Slot(int, object)
    def _on_finished(self, job_id: int, stats: GenerationStats) -> None:
        found = self._jobs.pop(job_id, None)
        if found is None:
            return
        entry, conversation, job = found
        if isinstance(job, SummaryJob | ToolJob) and job.result:
            entry.text = job.result
        stopped = stats.stop_reason == "cancelled"
        self._settle(entry, conversation, job, "stopped" if stopped else "done")
        self.finished.emit(entry, conversation, job, stats)

    @staticmethod
    def _settle(entry: Entry, conversation: Conversation, job: Job, state: str) -> None:
        """Give ``entry`` its final text and ``state``; a chat reply joins the conversation."""
        entry.text = entry.text.strip()
        entry.detail = ""
        entry.state = state
        if isinstance(job, ChatJob) and entry.turn is not None:
            entry.turn.reply = entry.text or None
            conversation.keep_from = job.dropped

    @Slot(int, str)
    def _on_failed(self, job_id: int, message: str) -> None:
        found = self._jobs.pop(job_id, None)
        broke_off = job_id in self._broke_off
        self._broke_off.discard(job_id)
        if found is None:
            return
        entry, conversation, job = found
        if broke_off and entry.text.strip():  # the reply so far stays, marked as cut short
            self._settle(entry, conversation, job, "cut")
            self.cutShort.emit(entry, conversation, job, message)
            return
        entry.state = "failed"
        entry.role = "note"
        self.failed.emit(entry, message)
