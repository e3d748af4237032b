"""The chat context chip: which document a chat question is about, and how much of it.

The chip ``chatContext`` reads "about: story.md, 1,830 tokens" while the draft
goes with each question; clicking it turns that off (remembered in the
settings) and on again. The figure is the one measured by the last question
while the document is unchanged, else an estimate of what would be sent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from writer.config import Key, get_setting, set_setting
from writer.core.draft_context import Draft, estimate_tokens
from writer.core.presets import sampling_for
from writer.engine.assistant_jobs import DRAFT_SHARE, MARGIN_TOKENS
from writer.gui.widgets.display import document_title

if TYPE_CHECKING:
    from collections.abc import Callable

    from writer.engine.engine_thread import Engine
    from writer.gui.assistant.transcript import Conversation
    from writer.gui.widgets.editor import Editor


class DraftChip(QToolButton):
    """A checkable chip: checked, the chat sees the draft (objectName ``chatContext``)."""

    def __init__(
        self,
        engine: Engine,
        current_editor: Callable[[], Editor | None],
        conversation_of: Callable[[Editor], Conversation],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chatContext")
        self.setAccessibleName("chatContext")
        self.setCheckable(True)
        self.setAutoRaise(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setChecked(bool(get_setting(Key.CHAT_ATTACH_DRAFT)))
        self._engine = engine
        self._current_editor = current_editor
        self._conversation_of = conversation_of
        self._title = ""
        self._tokens = 0
        self._measured: tuple[int, int, int] | None = None  # (document, revision, tokens)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)  # after typing pauses
        self._timer.timeout.connect(self.refresh)
        self.toggled.connect(self._on_toggled)
        engine.modelLoaded.connect(lambda _info: self.refresh())
        self._show("", 0)

    def watch(self, editor: Editor) -> None:
        """Follow the edits of ``editor`` (once per editor)."""
        editor.textChanged.connect(self._timer.start)

    def draft(self) -> Draft | None:
        """Return the document the next question is about (None: empty, or the chip is off)."""
        editor = self._current_editor()
        if editor is None or not self.isChecked() or not editor.toPlainText().strip():
            return None
        conversation = self._conversation_of(editor)
        summary = next(
            (e.text for e in reversed(conversation.entries) if e.whole_document and e.is_result), ""
        )
        return Draft(
            document_title(editor.state),
            editor.toPlainText(),
            editor.textCursor().position(),
            editor.state.notes,
            summary,
        )

    def measured(self, editor: Editor, text: str, tokens: int) -> None:
        """Record that ``tokens`` of ``editor``'s draft ``text`` went with a question."""
        if editor.toPlainText() == text:
            document = editor.document()
            self._measured = (id(document), document.revision(), tokens)
            self.refresh()

    def _room(self) -> int:
        """Return the tokens the draft may take in a chat prompt (as the chat job reckons)."""
        info = self._engine.model
        n_ctx = info.n_ctx if info is not None else int(get_setting(Key.CONTEXT_SIZE))
        reply = max(16, min(sampling_for("chat").max_tokens, n_ctx // 2))
        return int((n_ctx - reply - MARGIN_TOKENS) * DRAFT_SHARE)

    def refresh(self) -> None:
        """Show which document the next question is about, and its size in tokens."""
        editor = self._current_editor()
        if editor is None or not editor.toPlainText().strip():
            self._show("", 0)
            return
        document = editor.document()
        measured = self._measured
        if measured and measured[:2] == (id(document), document.revision()):
            tokens = measured[2]
        else:
            text = editor.toPlainText()
            tokens = min(estimate_tokens(text + editor.state.notes), self._room())
        self._show(document_title(editor.state), tokens)

    def _show(self, title: str, tokens: int) -> None:
        """Show the document ``title`` and the ``tokens`` it adds (hidden without a draft)."""
        self._title = title
        self._tokens = tokens
        self.setVisible(bool(title) and tokens > 0)
        self.retranslate()

    def retranslate(self) -> None:
        """Show the chip's text in the interface language."""
        if self.isChecked():
            self.setText(self.tr("about: {0}, {1} tokens").format(self._title, f"{self._tokens:,}"))
            self.setToolTip(self.tr("The chat sees this document. Click to ask without it."))
        else:
            self.setText(self.tr("not about {0}").format(self._title))
            self.setToolTip(self.tr("The chat does not see this document. Click to include it."))

    def _on_toggled(self, checked: bool) -> None:
        set_setting(Key.CHAT_ATTACH_DRAFT, checked)
        self.retranslate()
