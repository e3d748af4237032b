"""Continue, Regenerate and Stop at the cursor of the current document.

The feature builds the Continue request (the text around the cursor with the
document's notes, lore, author's note and story so far) and streams it
through the window's :class:`~writer.gui.generation.StreamController`. What it
needs from other features comes in as two callables: ``context_for`` (the
lore feature's view of a document) and ``prepare`` (the choices feature's
chance to record alternatives).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QObject, Slot

from writer.core.presets import sampling_for
from writer.core.prompt_parts import ContextSettings
from writer.engine.jobs import ContinueJob
from writer.gui.messages import localized_text, messenger
from writer.gui.widgets.editor import AFTER_TAIL_CHARS, PROMPT_TAIL_CHARS, Editor

if TYPE_CHECKING:
    from collections.abc import Callable

    from writer.core.document_context import DocumentContext
    from writer.core.sampling import SamplingParams
    from writer.gui.host import Host


@runtime_checkable
class _SampledJob(Protocol):
    """A job with sampling parameters, which Regenerate reruns with a new seed."""

    params: SamplingParams


class WritingFeature(QObject):
    """Continue (Ctrl+Enter), Regenerate and Stop, and what the window says about them."""

    def __init__(
        self,
        host: Host,
        context_for: Callable[[Editor], DocumentContext],
        prepare: Callable[[ContinueJob], ContinueJob],
    ) -> None:
        """``context_for`` gives a document's lore and story so far; ``prepare`` the job to run."""
        super().__init__(host.parent_widget())
        self.host = host
        self.context_for = context_for
        self.prepare = prepare
        host.action("actionContinue").triggered.connect(self.continue_writing)
        host.action("actionRegenerate").triggered.connect(self.regenerate)
        host.action("actionStop").triggered.connect(self.stop_generation)
        host.stream.failed.connect(self._on_stream_failed)
        host.stream.cutShort.connect(self._on_stream_cut_short)

    def model_ready(self) -> bool:
        """Return whether a model is loaded; otherwise say why Continue cannot run."""
        reason = self.host.engine.not_ready
        if reason is None:
            return True
        self.host.status.showMessage(reason, 8000)
        messenger.error(self.host.parent_widget(), self.tr("Cannot continue"), reason)
        return False

    def continue_writing(self) -> int | None:
        """Stream a continuation of the text before the cursor; return the job id."""
        if not self.model_ready():
            return None
        editor = self.host.current_editor()
        job = self.continue_at_cursor(editor)
        return self.host.stream.stream(editor, self.prepare(job))

    def continue_at_cursor(self, editor: Editor) -> ContinueJob:
        """Return the Continue job for the text around ``editor``'s cursor."""
        before = editor.text_before_cursor()
        offset = editor.textCursor().position() - len(before)
        return self.continue_job(editor, before, editor.text_after_cursor(), offset)

    def continue_job(self, editor: Editor, before: str, after: str, offset: int = 0) -> ContinueJob:
        """Return the Continue job for ``editor`` with the text around the cursor.

        ``offset``: where ``before`` starts in the document (it is a tail of at most
        :data:`~writer.gui.widgets.editor.PROMPT_TAIL_CHARS` characters).
        """
        context = self.context_for(editor)
        return ContinueJob(
            text_before=before,
            window=editor.context_window,
            params=sampling_for("continue"),
            notes=editor.state.notes,
            text_after=after,
            lore=context.lore,
            authors_note=context.authors_note,
            story_so_far=context.story_so_far,
            settings=ContextSettings.from_settings(),
            offset=offset,
        )

    def regenerate(self) -> int | None:
        """Replace the last generated passage with a fresh sample of the same request."""
        editor = self.host.current_editor()
        last = editor.last_generation()
        if last is None:
            self.host.status.showMessage(self.tr("Nothing to regenerate yet."), 5000)
            return None
        if not self.model_ready():
            return None
        stream = self.host.stream
        previous = stream.last_job
        if isinstance(previous, _SampledJob) and not isinstance(previous, ContinueJob):
            job = copy.copy(previous)  # a template or a tool: the same request, a new seed
            job.params = previous.params.with_overrides(seed=-1)
            return stream.stream(editor, job, replace_last=True)
        start, end = last
        first = max(0, start - PROMPT_TAIL_CHARS)
        after_end = min(end + AFTER_TAIL_CHARS, editor.document().characterCount() - 1)
        job = self.continue_job(
            editor, editor.text_range(first, start), editor.text_range(end, after_end), first
        )
        job.params = job.params.with_overrides(seed=-1)
        return stream.stream(editor, self.prepare(job), replace_last=True)

    def stop_generation(self) -> None:
        """Stop whatever the engine generates, and drop queued jobs."""
        self.host.engine.cancel_all()

    @Slot(int, str)
    def _on_stream_failed(self, job_id: int, message: str) -> None:
        if job_id != self.host.stream.cut_short_job:  # a cut passage is marked, not a dialog
            messenger.error(self.host.parent_widget(), self.tr("Generation failed"), message)

    @Slot(int, str)
    def _on_stream_cut_short(self, _job_id: int, message: str) -> None:
        """The passage stays, underlined as cut short; say so where the writer looks next."""
        self.host.status.showMessage(
            localized_text(message)
            + " "
            + self.tr(
                "The passage so far is underlined: Ctrl+Z removes it, Regenerate rewrites it."
            )
        )
