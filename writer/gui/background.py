"""Snapshot work off the GUI thread: one-shot tasks, run one at a time, reported by signals.

Each task has an id; its result or its one-line error comes back to the GUI
thread by a queued signal. Tasks run on a pool of one thread, so snapshots of
one document are written in the order they were taken.
"""

from __future__ import annotations

import itertools
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from writer.errors import WriterError

if TYPE_CHECKING:
    from collections.abc import Callable

log = logging.getLogger(__name__)

_task_ids = itertools.count(1)


class TaskSignals(QObject):
    """The signals of one task, emitted on the pool's thread, delivered queued."""

    succeeded = Signal(int, object)  # task id, result
    failed = Signal(int, str)  # task id, one-line message


class Task(QRunnable):
    """Runs ``work()`` on the pool; reports its result, or its error as one line."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.task_id = next(_task_ids)
        self.work = work
        self.signals = TaskSignals()

    def run(self) -> None:
        """Do the work; turn any failure into a message, never a traceback."""
        try:
            result = self.work()
        except WriterError as error:
            self.signals.failed.emit(self.task_id, str(error))
            return
        except Exception as error:  # the app lives on; the details go to the log
            log.exception("snapshot task %d failed", self.task_id)
            message = QCoreApplication.translate(
                "ManuscriptFeature", "Unexpected error: {0}. Details are in the log."
            ).format(error)
            self.signals.failed.emit(self.task_id, message)
            return
        self.signals.succeeded.emit(self.task_id, result)


class Worker(QObject):
    """A queue of tasks run one at a time off the GUI thread.

    Results come back through the worker's own slots, so once the worker is gone
    (its window closed) a late result is dropped instead of reaching dead widgets.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._callbacks: dict[
            int, tuple[Callable[[Any], None], Callable[[str], None], TaskSignals]
        ] = {}

    def start(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[str], None],
    ) -> int:
        """Queue ``work``; call ``on_success(result)`` or ``on_failure(message)`` on the GUI."""
        task = Task(work)
        # The task's signals are kept here until their result is delivered: the pool
        # deletes a finished task at once, and its signals with it would take the
        # queued result along before the GUI thread got to it.
        self._callbacks[task.task_id] = (on_success, on_failure, task.signals)
        task.signals.succeeded.connect(self._on_succeeded)
        task.signals.failed.connect(self._on_failed)
        self.pool.start(task)
        return task.task_id

    @Slot(int, object)
    def _on_succeeded(self, task_id: int, result: object) -> None:
        """Hand a task's result to its callback."""
        callbacks = self._callbacks.pop(task_id, None)
        if callbacks is not None:
            callbacks[0](result)

    @Slot(int, str)
    def _on_failed(self, task_id: int, message: str) -> None:
        """Hand a task's error to its callback."""
        callbacks = self._callbacks.pop(task_id, None)
        if callbacks is not None:
            callbacks[1](message)

    @property
    def busy(self) -> bool:
        """Return whether a task is queued or running."""
        return bool(self._callbacks)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait until every queued task has run (at shutdown); return whether they did."""
        return self.pool.waitForDone(msecs)
