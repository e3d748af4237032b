"""A writer's choice: candidates side by side, every take kept, the words it almost wrote.

The feature receives the :class:`~writer.gui.host.Host` and wires the
catalogue's actions ``actionContinueChoices``, ``actionPreviousTake``,
``actionNextTake`` and ``actionShowAlternatives``:

- Continue with choices writes N candidates in one batched decode into the
  Candidates panel; a click or Alt+1…Alt+N inserts one at the cursor (one undo
  step) and the others stay as its takes.
- Every passage written by Continue, Regenerate or a candidate keeps its takes;
  with the cursor in one, the status bar shows "‹ 2/5 ›" and Ctrl+Alt+Left /
  Right swap them in place. The takes live in the document's sidecar.
- With "Show alternatives" on, Continue records the top tokens of each step;
  hovering a generated word lists them, and choosing one rewrites the passage
  from that word on.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QLabel, QMenu, QTextEdit

from writer.config import Key, get_setting, set_setting
from writer.core.alternatives import LOW_PROBABILITY, Alternative, TokenSpan, TokenStep, span_at
from writer.core.presets import sampling_for
from writer.core.takes import Passage, units
from writer.engine.candidates import MAX_CANDIDATES
from writer.engine.choice_jobs import CandidatesJob, RerollJob
from writer.engine.jobs import ContinueJob, Job
from writer.gui.choices.document_takes import DocumentTakes, Recorded
from writer.gui.choices.panel import CandidatesPanel
from writer.gui.messages import localized_text, messenger
from writer.gui.widgets.editor import Editor

if TYPE_CHECKING:
    from collections.abc import Callable

    from writer.engine.backend import GenerationStats
    from writer.gui.host import Host

log = logging.getLogger(__name__)


class _PieceRelay(QObject):
    """Carries the candidates' pieces from the engine thread to the GUI (a queued signal)."""

    pieces = Signal(object, object)  # CandidatesJob, list of (index, text)


class _Candidates:
    """The candidates job the panel shows."""

    def __init__(self, job_id: int, job: CandidatesJob, editor: Editor) -> None:
        self.job_id = job_id
        self.job = job
        self.editor = editor
        self.running = True


class ChoicesFeature(QObject):
    """Candidates, takes and alternatives for the window's documents."""

    def __init__(self, host: Host, job_factory: Callable[[Editor], ContinueJob]) -> None:
        """``job_factory`` gives the Continue request at an editor's cursor (the window's)."""
        super().__init__(host.parent_widget())
        self.host = host
        self.job_factory = job_factory
        self.documents: dict[int, DocumentTakes] = {}
        self.candidates: _Candidates | None = None
        self._pending: dict[int, tuple[Editor, Passage | None, int, Recorded | None]] = {}
        self._relay = _PieceRelay()
        self._relay.pieces.connect(self._on_pieces)
        self.panel = CandidatesPanel(host.parent_widget())
        self.panel.chosen.connect(self.choose)
        host.add_dock(self.panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.panel.hide()
        self.take_label = QLabel(host.status)
        self.take_label.setObjectName("statusTakes")
        host.status.addPermanentWidget(self.take_label)
        self.take_label.hide()
        for number in range(1, MAX_CANDIDATES + 1):  # Alt+1 … Alt+N
            choose = host.action(f"actionChooseCandidate{number}")
            choose.triggered.connect(lambda _c=False, i=number - 1: self._choose_by_key(i))
        host.action("actionContinueChoices").triggered.connect(self.continue_with_choices)
        host.action("actionPreviousTake").triggered.connect(lambda: self.step_take(-1))
        host.action("actionNextTake").triggered.connect(lambda: self.step_take(1))
        alternatives = host.action("actionShowAlternatives")
        alternatives.setChecked(bool(get_setting(Key.SHOW_ALTERNATIVES)))
        alternatives.toggled.connect(lambda on: set_setting(Key.SHOW_ALTERNATIVES, bool(on)))
        signals = host.signals
        signals.editorCreated.connect(self._attach)
        signals.editorClosed.connect(self._detach)
        signals.documentSaved.connect(self._on_saved)
        signals.currentEditorChanged.connect(lambda _e: self.update_label())
        signals.languageChanged.connect(lambda _l: self.panel.retranslate())
        host.stream.started.connect(self._on_stream_started)
        host.stream.finished.connect(self._on_stream_finished)
        host.stream.failed.connect(lambda job_id, _message: self._pending.pop(job_id, None))
        host.engine.finished.connect(self._on_engine_finished)
        host.engine.failed.connect(self._on_engine_failed)
        host.engine.notice.connect(self._on_engine_notice)
        for editor in host.editors():
            self._attach(editor)

    # -- documents ------------------------------------------------------------------------

    def takes(self, editor: Editor) -> DocumentTakes:
        """Return the takes of ``editor``'s document."""
        document = self.documents.get(id(editor))
        if document is None:
            document = self._attach(editor)
        return document

    def _attach(self, editor: Editor) -> DocumentTakes:
        """Start following ``editor``: its takes, the status label, hovering for alternatives."""
        document = DocumentTakes(editor)
        self.documents[id(editor)] = document
        editor.cursorPositionChanged.connect(self.update_label)
        editor.document().contentsChanged.connect(self.update_label)
        editor.viewport().installEventFilter(self)
        return document

    def _detach(self, editor: Editor) -> None:
        """Forget a closed editor."""
        self.documents.pop(id(editor), None)

    def _on_saved(self, editor: Editor) -> None:
        """Keep the takes beside the saved document."""
        self.takes(editor).save()

    def show_alternatives(self) -> bool:
        """Return whether Continue records alternatives."""
        return self.host.action("actionShowAlternatives").isChecked()

    # -- Continue and Regenerate ---------------------------------------------------------

    def continue_job(self, job: ContinueJob) -> ContinueJob:
        """Return the job Continue should run: one that records alternatives when they show."""
        if not self.show_alternatives() or isinstance(job, CandidatesJob):
            return job
        return CandidatesJob.like(job, count=1, record=True, kind="continue")

    @Slot(int)
    def _on_stream_started(self, job_id: int) -> None:
        """Remember which passage a Regenerate is rewriting."""
        editor = self.host.stream.editor
        if editor is None or job_id in self._pending:
            return
        document = self.takes(editor)
        removed = document.removed
        if removed is not None and removed.start != editor.stream_start:
            removed = None
        self._pending[job_id] = (editor, removed, 0, None)

    @Slot(int, object)
    def _on_stream_finished(self, job_id: int, _stats: GenerationStats) -> None:
        """Record the passage a Continue, Regenerate or re-roll wrote."""
        editor, rewritten, keep, base = self._pending.pop(job_id, (None, None, 0, None))
        job = self.host.stream.last_job
        if editor is None or not isinstance(job, ContinueJob | RerollJob):
            return
        span = editor.last_generation()
        if span is None:
            return
        document = self.takes(editor)
        start = span[0] - keep
        text = editor.text_range(start, span[1])
        if rewritten is not None:
            passage = document.revive(rewritten, text)
        else:
            passage = document.add_passage(start, [text], 0)
        recorded = self._recorded_of(job, base)
        if recorded is not None:
            document.record(passage, passage.current, recorded)
            self.tint(editor)
        self.update_label()

    @staticmethod
    def _recorded_of(job: Job, base: Recorded | None) -> Recorded | None:
        """Return the alternatives a finished job recorded, joined to those it kept."""
        if isinstance(job, CandidatesJob) and job.record and job.steps:
            return Recorded(job.steps[0], job.skipped[0], job.prompt_ids)
        if isinstance(job, RerollJob) and base is not None:
            return Recorded(base.steps + job.steps, base.skip, base.prompt)
        return None

    # -- candidates -------------------------------------------------------------------------

    def continue_with_choices(
        self, *, count: int | None = None, max_tokens: int | None = None
    ) -> int | None:
        """Write the candidates for the text before the cursor into the panel.

        ``count`` and ``max_tokens`` default to the settings.
        """
        engine = self.host.engine
        reason = engine.not_ready  # the one wording: still loading, or no model and what to do
        if reason is not None:
            self.host.status.showMessage(reason, 8000)
            messenger.error(self.host.parent_widget(), self.tr("Cannot continue"), reason)
            return None
        self.stop_candidates()
        editor = self.host.current_editor()
        count = max(1, min(MAX_CANDIDATES, count or int(get_setting(Key.CANDIDATES))))
        request = self.job_factory(editor)  # the text around the cursor, lore, story so far …
        job = CandidatesJob.like(
            request,
            params=request.params.with_overrides(seed=-1, max_tokens=max_tokens),
            count=count,
            record=self.show_alternatives(),
        )
        emit = self._relay.pieces.emit
        job.on_pieces = lambda pieces: emit(job, pieces)
        job_id = engine.submit(job)
        self.candidates = _Candidates(job_id, job, editor)
        self.panel.start(count)
        return job_id

    def stop_candidates(self) -> None:
        """Stop the candidates being written (what they wrote stays in the panel)."""
        if self.candidates is not None and self.candidates.running:
            self.host.engine.cancel(self.candidates.job_id)

    @Slot(object, object)
    def _on_pieces(self, job: CandidatesJob, pieces: list[tuple[int, str]]) -> None:
        if self.candidates is not None and job is self.candidates.job:
            self.panel.add_pieces(pieces)

    @Slot(int, object)
    def _on_engine_finished(self, job_id: int, _stats: GenerationStats) -> None:
        current = self.candidates
        if current is None or job_id != current.job_id:
            return
        current.running = False
        if current.job.texts:
            self.panel.set_texts(current.job.texts)

    @Slot(int, str)
    def _on_engine_notice(self, job_id: int, message: str) -> None:
        """Show what the candidates job says (fewer fit, a server broke off) on the panel."""
        current = self.candidates
        if current is None or job_id != current.job_id:
            return
        log.info("candidates job %d: %s", job_id, message)
        self.panel.add_message(message)
        self.host.status.showMessage(localized_text(message), 15000)

    @Slot(int, str)
    def _on_engine_failed(self, job_id: int, message: str) -> None:
        current = self.candidates
        if current is None or job_id != current.job_id:
            return
        current.running = False
        messenger.error(self.host.parent_widget(), self.tr("Generation failed"), message)

    def _choose_by_key(self, index: int) -> None:
        """Alt+N: choose candidate N when the panel shows it."""
        if not self.panel.isHidden() and index < len(self.panel.cards):
            self.choose(index)

    def choose(self, index: int) -> bool:
        """Insert candidate ``index`` at the cursor as one undo step; the rest become its takes."""
        current = self.candidates
        texts = self.panel.texts()
        if current is None or not 0 <= index < len(texts) or not texts[index]:
            return False
        editor = self.host.current_editor()
        if editor.is_streaming:
            self.host.status.showMessage(self.tr("Wait for the text being written, or stop it."))
            return False
        if current.running:  # choosing while they stream: keep what is written, stop the rest
            self.stop_candidates()
        start = editor.textCursor().position()
        editor.insert_passage(start, texts[index])
        kept = [(i, text) for i, text in enumerate(texts) if text]
        document = self.takes(editor)
        passage = document.add_passage(
            start, [text for _i, text in kept], [i for i, _t in kept].index(index)
        )
        job = current.job
        for take, (i, _text) in enumerate(kept):
            if job.record and i < len(job.steps) and job.steps[i]:
                document.record(
                    passage, take, Recorded(job.steps[i], job.skipped[i], job.prompt_ids)
                )
        editor.setFocus()
        self.update_label()
        self.tint(editor)
        return True

    # -- takes -------------------------------------------------------------------------------

    def step_take(self, step: int) -> bool:
        """Swap the passage at the cursor for its previous (-1) or next (+1) take."""
        editor = self.host.current_editor()
        if editor.is_streaming:
            return False
        document = self.takes(editor)
        passage = document.passage_at_cursor()
        if passage is None:
            self.host.status.showMessage(self.tr("The cursor is not in a generated passage."), 4000)
            return False
        if not document.swap(passage, step):
            return False
        cursor = editor.textCursor()
        cursor.setPosition(passage.start)
        editor.setTextCursor(cursor)
        self.update_label()
        self.tint(editor)
        return True

    def update_label(self) -> None:
        """Show "‹ 2/5 ›" while the cursor is in a passage with takes."""
        editor = self.host.current_editor()
        document = self.documents.get(id(editor)) if editor is not None else None
        passage = document.passage_at_cursor() if document is not None else None
        if passage is None or len(passage.takes) < 2:
            self.take_label.hide()
            return
        self.take_label.setText(passage.label())
        self.take_label.setToolTip(
            self.tr("Take {0} of {1}: Ctrl+Alt+Left / Ctrl+Alt+Right").format(
                passage.current + 1, len(passage.takes)
            )
        )
        self.take_label.show()

    # -- alternatives ---------------------------------------------------------------------------

    def word_at(self, editor: Editor, position: int) -> tuple[Passage, Recorded, TokenSpan] | None:
        """Return the passage, its recorded alternatives and the word at ``position``."""
        document = self.takes(editor)
        passage = document.history.at(position)
        if passage is None:
            return None
        recorded = document.recorded_for(passage)
        if recorded is None:
            return None
        offset = len(editor.text_range(passage.start, position))
        span = span_at(recorded.spans(), offset)
        return (passage, recorded, span) if span is not None else None

    def alternatives_at(self, editor: Editor, position: int) -> list[Alternative]:
        """Return the tokens the model almost wrote at ``position`` (most likely first)."""
        found = self.word_at(editor, position)
        if found is None:
            return []
        _passage, recorded, span = found
        return list(recorded.steps[span.step].top)

    def reroll(self, editor: Editor, position: int, alternative: Alternative) -> int | None:
        """Rewrite the passage from the word at ``position`` on, starting with ``alternative``."""
        found = self.word_at(editor, position)
        if found is None or editor.is_streaming or self.host.engine.model is None:
            return None
        passage, recorded, span = found
        steps = recorded.steps
        kept = passage.text[: span.start]
        start = passage.start + units(kept)
        chosen = TokenStep(
            alternative.token, alternative.piece, alternative.probability, steps[span.step].top
        )
        base = Recorded([*steps[: span.step], chosen], recorded.skip, recorded.prompt)
        job = RerollJob(
            prompt=recorded.prompt + [s.token for s in steps[: span.step]],
            lead=[alternative.token],
            params=sampling_for("continue").with_overrides(seed=-1),
        )
        document = self.takes(editor)
        self.host.stream.stop()
        job_id = self.host.stream.stream(
            editor, job, replace=(start, passage.start + units(passage.text))
        )
        self._pending[job_id] = (editor, document.removed or passage, units(kept), base)
        document.removed = None
        return job_id

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Hovering a generated word (alternatives on) lists what the model almost wrote."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            editor = watched.parent()
            if isinstance(editor, Editor) and self.show_alternatives():
                position = editor.cursorForPosition(event.pos()).position()
                if self.alternatives_at(editor, position):
                    self._show_menu(editor, position, editor.viewport().mapToGlobal(event.pos()))
                    return True
        return super().eventFilter(watched, event)

    def alternatives_menu(self, editor: Editor, position: int) -> QMenu:
        """Return the menu of the alternatives at ``position`` (objectName ``alternativesMenu``)."""
        menu = QMenu(editor)
        menu.setObjectName("alternativesMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for alternative in self.alternatives_at(editor, position):
            shown = alternative.text.replace("\n", "⏎") or "∅"
            action = menu.addAction(f"{shown}\t{alternative.probability:.0%}")
            action.triggered.connect(partial(self.reroll, editor, position, alternative))
        return menu

    def _show_menu(self, editor: Editor, position: int, where: QPoint) -> None:
        """Pop the alternatives menu up under the mouse."""
        self.alternatives_menu(editor, position).popup(where)

    def tint(self, editor: Editor) -> None:
        """Tint the words the model gave a low probability (when the setting is on)."""
        if not get_setting(Key.TINT_UNLIKELY) or not self.show_alternatives():
            return
        document = self.takes(editor)
        selections = []
        colour = QColor(Qt.GlobalColor.red)
        colour.setAlpha(40)
        for passage in document.history.passages:
            recorded = document.recorded_for(passage)
            if recorded is None:
                continue
            for span in recorded.spans():
                if recorded.steps[span.step].probability >= LOW_PROBABILITY:
                    continue
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(editor.document())
                cursor.setPosition(passage.start + units(passage.text[: span.start]))
                cursor.setPosition(
                    passage.start + units(passage.text[: span.end]), QTextCursor.MoveMode.KeepAnchor
                )
                selection.cursor = cursor
                selection.format.setBackground(colour)
                selections.append(selection)
        QTimer.singleShot(
            0, lambda: editor.setExtraSelections(editor.extraSelections() + selections)
        )
