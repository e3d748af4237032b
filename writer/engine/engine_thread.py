"""The engine: one QThread owns the model (in-process or on a server); the GUI uses signals.

:class:`Engine` lives in the GUI thread. It keeps the queue of jobs, gives
each an id, and hands one job at a time to :class:`EngineWorker`, which lives
on the engine thread and owns the backend
(:class:`~writer.engine.backend_api.Backend`). Stop sets a thread-safe flag
that the backend reads between tokens, so it takes effect within one token
(or one prompt slice), not when the queue gets to it.
Results of cancelled jobs never reach the document: the GUI drops any text
whose job id is not the one it is waiting for.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from writer.core.localized import localize
from writer.core.model_files import prepare_model
from writer.engine.backend import EngineOptions, LlamaBackend
from writer.engine.backend_api import Backend, GenerationStats, ModelInfo, StopFlag
from writer.errors import StreamInterruptedError, WriterError
from writer.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from writer.engine.jobs import Job
    from writer.engine.server_spec import ServerSpec

log = logging.getLogger(__name__)

# Why no job can run: the one wording of "the model is not ready" (see Engine.not_ready).
STILL_LOADING = QT_TRANSLATE_NOOP("Engine", "The model is still loading. Try again in a moment.")
NO_MODEL = QT_TRANSLATE_NOOP("Engine", "No model is loaded.")
CHOOSE_MODEL = QT_TRANSLATE_NOOP("Engine", "Choose one in Models > Manage Models.")


def not_ready_message(*, loading: bool, error: str | None = None) -> str:
    """Return the one line that says why no job can run (still loading, or no model)."""
    if loading:
        return QCoreApplication.translate("Engine", STILL_LOADING)
    reason = (
        localize(error, QCoreApplication.translate)
        if error
        else (QCoreApplication.translate("Engine", NO_MODEL))
    )
    return f"{reason} {QCoreApplication.translate('Engine', CHOOSE_MODEL)}"


class _QtSink:
    """Forwards a job's reports as the worker's signals, tagged with the job id.

    Text is sent at most every ``interval`` seconds (pieces in between are
    joined), so a fast model does not make the GUI thread relayout the
    document for every token: on a two-core laptop that work competes with
    llama.cpp's own threads. The first piece goes at once; everything is sent
    before progress, notices and the end of the job.
    """

    def __init__(self, worker: EngineWorker, job_id: int, interval: float) -> None:
        self._worker = worker
        self._job_id = job_id
        self._interval = interval
        self._pending: list[str] = []
        self._sent_at = 0.0
        self._pieces = 0  # one per generated token
        self._first_at = 0.0

    def text(self, piece: str) -> None:
        """Queue one piece of text; send what is queued if the interval has passed."""
        self._pending.append(piece)
        now = time.perf_counter()
        self._pieces += 1
        if self._pieces == 1:
            self._first_at = now
        if now - self._sent_at >= self._interval:
            self.flush(now)

    def flush(self, now: float | None = None) -> None:
        """Send the queued text, and the live tokens/s since the first piece."""
        if self._pending:
            text = "".join(self._pending)
            self._pending.clear()
            self._sent_at = time.perf_counter() if now is None else now
            self._worker.generated.emit(self._job_id, self._pieces)  # the figure, then the text
            self._worker.textReady.emit(self._job_id, text)
            if self._pieces > 1 and self._sent_at > self._first_at:
                rate = (self._pieces - 1) / (self._sent_at - self._first_at)
                self._worker.rate.emit(self._job_id, rate)

    def progress(self, step: int, total: int, label: str) -> None:
        """Send progress."""
        self.flush()
        self._worker.progress.emit(self._job_id, step, total, label)

    def notice(self, message: str) -> None:
        """Send a one-time message."""
        self.flush()
        self._worker.notice.emit(self._job_id, message)


class EngineWorker(QObject):
    """Lives on the engine thread; owns the backend and runs one job at a time."""

    loading = Signal(str)
    loaded = Signal(object)  # ModelInfo
    loadFailed = Signal(str)
    textReady = Signal(int, str)
    rate = Signal(int, float)  # live tokens/s of a streaming job
    generated = Signal(int, int)  # tokens a streaming job has written so far
    progress = Signal(int, int, int, str)
    notice = Signal(int, str)
    jobFinished = Signal(int, object)  # GenerationStats
    jobFailed = Signal(int, str)
    jobInterrupted = Signal(int, str)  # a stream broke off mid-passage (then jobFailed)

    def __init__(self) -> None:
        super().__init__()
        self.backend: Backend | None = None

    @Slot(str, object)
    def load_model(self, path: str, options: EngineOptions) -> None:
        """Load ``path``, replacing the current model."""
        self.loading.emit(path)
        if self.backend is not None:
            self.backend.close()
            self.backend = None
        try:
            # The Chinese starter is joined from its chunk packages here, off the GUI thread.
            self.backend = LlamaBackend.load(prepare_model(Path(path)), options)
        except WriterError as error:
            self.loadFailed.emit(str(error))
            return
        except Exception as error:  # llama.cpp can raise anything; the app must live on
            log.exception("unexpected failure loading %s", path)
            self.loadFailed.emit(f"Could not load {Path(path).name}: {error}")
            return
        self.loaded.emit(self.backend.info)

    @Slot(object)
    def connect_server(self, spec: ServerSpec) -> None:
        """Connect to a server model, replacing the current model."""
        from writer.engine.server_backend import ServerBackend

        self.loading.emit(spec.url)
        if self.backend is not None:
            self.backend.close()
            self.backend = None
        try:
            self.backend = ServerBackend.connect(spec)
        except WriterError as error:
            self.loadFailed.emit(str(error))
            return
        except Exception as error:  # the app must live on whatever the server does
            log.exception("unexpected failure connecting to %s", spec.host)
            self.loadFailed.emit(f"Could not connect to {spec.host}: {type(error).__name__}")
            return
        self.loaded.emit(self.backend.info)

    @Slot()
    def unload(self) -> None:
        """Free the model."""
        if self.backend is not None:
            self.backend.close()
            self.backend = None

    @Slot(int, object, object)
    def run_job(self, job_id: int, job: Job, stop: StopFlag) -> None:
        """Run one job and report its end."""
        if self.backend is None:
            self.jobFailed.emit(job_id, not_ready_message(loading=False))
            return
        if stop.is_set():
            self.jobFinished.emit(job_id, _cancelled_stats())
            return
        sink = _QtSink(self, job_id, job.stream_interval)
        try:
            stats = job.run(self.backend, sink, stop)
        except WriterError as error:
            sink.flush()
            if isinstance(error, StreamInterruptedError):
                self.jobInterrupted.emit(job_id, str(error))
            self.jobFailed.emit(job_id, str(error))
            return
        except Exception as error:
            sink.flush()
            log.exception("job %d (%s) failed", job_id, job.kind)
            self.jobFailed.emit(job_id, f"The model failed: {error}. Details are in the log.")
            return
        sink.flush()
        self.jobFinished.emit(job_id, stats)


def _cancelled_stats() -> GenerationStats:
    """Return the stats of a job cancelled before it started."""
    return GenerationStats(0, 0.0, 0.0, 0, 0, "cancelled")


@dataclass
class _Pending:
    job_id: int
    job: Job
    stop: StopFlag


class Engine(QObject):
    """The GUI's handle on the engine thread: queue, ids, cancel, model state."""

    modelLoading = Signal(str)
    modelLoaded = Signal(object)  # ModelInfo
    modelFailed = Signal(str)
    submitted = Signal(int, object)  # id, Job: a request was queued (features inspect it)
    jobStarted = Signal(int, str)  # id, kind; always after submit() has returned the id
    text = Signal(int, str)
    rate = Signal(int, float)  # id, live tokens/s while it streams
    generated = Signal(int, int)  # id, tokens written so far while it streams
    progress = Signal(int, int, int, str)
    notice = Signal(int, str)
    finished = Signal(int, object)  # id, GenerationStats
    failed = Signal(int, str)
    #: id, message: the job's stream broke off mid-passage; the text so far was delivered.
    #: Always just before ``failed`` for the same job.
    interrupted = Signal(int, str)
    busyChanged = Signal(bool)
    queueChanged = Signal(int)  # jobs waiting

    _runJob = Signal(int, object, object)
    _announce = Signal(int, str)  # delivered from the event loop, after submit() returned
    _loadModel = Signal(str, object)
    _connectServer = Signal(object)
    _unload = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("engineThread")
        self._worker = EngineWorker()
        self._worker.moveToThread(self._thread)
        self._runJob.connect(self._worker.run_job)
        self._announce.connect(self._on_announce, Qt.ConnectionType.QueuedConnection)
        self._loadModel.connect(self._worker.load_model)
        self._connectServer.connect(self._worker.connect_server)
        self._unload.connect(self._worker.unload)
        self._worker.loading.connect(self.modelLoading)
        self._worker.loaded.connect(self._on_loaded)
        self._worker.loadFailed.connect(self._on_load_failed)
        self._worker.textReady.connect(self.text)
        self._worker.rate.connect(self.rate)
        self._worker.generated.connect(self.generated)
        self._worker.progress.connect(self.progress)
        self._worker.notice.connect(self.notice)
        self._worker.jobFinished.connect(self._on_job_finished)
        self._worker.jobInterrupted.connect(self.interrupted)
        self._worker.jobFailed.connect(self._on_job_failed)
        self._thread.start()
        self._next_id = 1
        self._queue: deque[_Pending] = deque()
        self._current: _Pending | None = None
        self._model: ModelInfo | None = None
        self._loading = False
        self._load_error: str | None = None

    # -- state --------------------------------------------------------------

    @property
    def model(self) -> ModelInfo | None:
        """Return the loaded model, or None."""
        return self._model

    @property
    def is_loading(self) -> bool:
        """Return whether a model is being loaded."""
        return self._loading

    @property
    def load_error(self) -> str | None:
        """Return why the last model failed to load, if it did."""
        return self._load_error

    @property
    def not_ready(self) -> str | None:
        """Return why no job can run now, in one line for the user (None: a model is loaded)."""
        if self._model is not None:
            return None
        return not_ready_message(loading=self._loading, error=self._load_error)

    @property
    def is_busy(self) -> bool:
        """Return whether a job is running."""
        return self._current is not None

    @property
    def current_job(self) -> int | None:
        """Return the id of the running job."""
        return self._current.job_id if self._current else None

    @property
    def queued(self) -> int:
        """Return the number of jobs waiting."""
        return len(self._queue)

    # -- requests -------------------------------------------------------------

    def load_model(self, path: Path | str, options: EngineOptions | None = None) -> None:
        """Load a model on the engine thread; running and queued jobs are cancelled."""
        self.cancel_all()
        self._loading = True
        self._load_error = None
        self._model = None
        self._loadModel.emit(str(path), options or EngineOptions())

    def connect_server(self, spec: ServerSpec) -> None:
        """Switch to a model on a server (on the engine thread); jobs are cancelled."""
        self.cancel_all()
        self._loading = True
        self._load_error = None
        self._model = None
        self._connectServer.emit(spec)

    def set_unavailable(self, reason: str) -> None:
        """Record why no model can be loaded (shown when a feature needs one)."""
        self._load_error = reason

    def submit(self, job: Job) -> int:
        """Queue ``job``; return its id. It runs when the jobs before it are done."""
        pending = _Pending(self._next_id, job, StopFlag())
        self._next_id += 1
        self._queue.append(pending)
        self.submitted.emit(pending.job_id, job)
        self._start_next()
        self.queueChanged.emit(len(self._queue))
        return pending.job_id

    def cancel(self, job_id: int) -> None:
        """Stop a running job (within a token) or drop a queued one."""
        if self._current and self._current.job_id == job_id:
            self._current.stop.set()
            return
        for pending in list(self._queue):
            if pending.job_id == job_id:
                self._queue.remove(pending)
                self.queueChanged.emit(len(self._queue))
                self.finished.emit(job_id, _cancelled_stats())
                return

    def cancel_all(self) -> None:
        """Stop the running job and drop every queued one."""
        dropped = list(self._queue)
        self._queue.clear()
        if dropped:
            self.queueChanged.emit(0)
        for pending in dropped:
            self.finished.emit(pending.job_id, _cancelled_stats())
        if self._current:
            self._current.stop.set()

    def shutdown(self) -> None:
        """Stop everything and end the engine thread (call before the app quits)."""
        self.cancel_all()
        self._unload.emit()
        self._thread.quit()
        self._thread.wait(10_000)

    # -- worker reports -------------------------------------------------------

    def _start_next(self) -> None:
        """Hand the next queued job to the worker if it is idle."""
        if self._current is not None or not self._queue:
            return
        self._current = self._queue.popleft()
        self.queueChanged.emit(len(self._queue))
        self.busyChanged.emit(True)
        # Announced from the event loop: whoever submitted the job has its id by then, and
        # the announcement is posted before the worker can post any of the job's text.
        self._announce.emit(self._current.job_id, self._current.job.kind)
        self._runJob.emit(self._current.job_id, self._current.job, self._current.stop)

    def _end_current(self, job_id: int) -> None:
        """Mark ``job_id`` done and start the next one."""
        if self._current and self._current.job_id == job_id:
            self._current = None
            if not self._queue:
                self.busyChanged.emit(False)
            self._start_next()

    @Slot(int, str)
    def _on_announce(self, job_id: int, kind: str) -> None:
        self.jobStarted.emit(job_id, kind)

    @Slot(object)
    def _on_loaded(self, info: ModelInfo) -> None:
        self._loading = False
        self._model = info
        self.modelLoaded.emit(info)

    @Slot(str)
    def _on_load_failed(self, message: str) -> None:
        self._loading = False
        self._model = None
        self._load_error = message
        self.modelFailed.emit(message)

    @Slot(int, object)
    def _on_job_finished(self, job_id: int, stats: GenerationStats) -> None:
        self.finished.emit(job_id, stats)
        self._end_current(job_id)

    @Slot(int, str)
    def _on_job_failed(self, job_id: int, message: str) -> None:
        self.failed.emit(job_id, message)
        self._end_current(job_id)
