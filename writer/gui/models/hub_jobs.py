"""Background jobs of the hub browser: one-shot QRunnables that report by queued signals.

Each job carries an id; the widget keeps the id of the job it waits for and
drops any result whose id is no longer current (a late search for old text, a
file list for a repo no longer selected). A download job also carries a
thread-safe cancel flag that the download checks between network chunks.
"""

from __future__ import annotations

import itertools
import logging
import threading
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from writer.errors import WriterError

if TYPE_CHECKING:
    from collections.abc import Callable

log = logging.getLogger(__name__)

_job_ids = itertools.count(1)

# What a job's ``work`` returns and its ``on_success`` callback receives.
T = TypeVar("T")


class JobSignals(QObject):
    """The signals of one job, emitted from the pool thread, delivered queued."""

    succeeded = Signal(int, object)  # job id, result
    failed = Signal(int, str, object)  # job id, one-line message, exception
    progress = Signal(int, object)  # job id, DownloadProgress


class HubJob(QRunnable):
    """Runs ``work(job)`` on the thread pool and reports its result or its one-line error."""

    def __init__(self, work: Callable[[HubJob], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.job_id = next(_job_ids)
        self.work = work
        self.cancel = threading.Event()
        self.signals = JobSignals()

    def report_progress(self, progress: Any) -> None:
        """Send a progress report to the GUI thread."""
        self.signals.progress.emit(self.job_id, progress)

    def run(self) -> None:
        """Do the work; turn any failure into a message, never a traceback."""
        try:
            result = self.work(self)
        except WriterError as error:
            self.signals.failed.emit(self.job_id, str(error), error)
            return
        except Exception as error:  # the app must live on, the details go to the log
            log.exception("hub job %d failed", self.job_id)
            self.signals.failed.emit(
                self.job_id,
                QCoreApplication.translate(
                    "HubJob", "Unexpected error: {0}. Details are in the log."
                ).format(error),
                error,
            )
            return
        self.signals.succeeded.emit(self.job_id, result)


def start_job(
    pool: QThreadPool,
    work: Callable[[HubJob], T],
    on_success: Callable[[int, T], None],
    on_failure: Callable[[int, str, object], None],
    on_progress: Callable[[int, Any], None] | None = None,
) -> HubJob:
    """Create a job for ``work``, connect its signals, then start it on ``pool``."""
    job = HubJob(work)
    job.signals.succeeded.connect(on_success)
    job.signals.failed.connect(on_failure)
    if on_progress is not None:
        job.signals.progress.connect(on_progress)
    pool.start(job)
    return job
